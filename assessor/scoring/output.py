"""Results as the spec's JSON (§3), CSV rows, and numbers rounded for display."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assessor.model.results import NodeResult, RegionResult
from assessor.scoring.compiled import CompiledSet


def number(cs: CompiledSet, value: Decimal | None) -> float | int | None:
    """A Decimal rounded as the set says, as a JSON number (ints stay ints: 100, not 100.0)."""
    if value is None:
        return None
    r = cs.round(value)
    if r == r.to_integral_value():
        return int(r)
    return float(r)


def display(cs: CompiledSet, value: Decimal | None) -> str:
    """A number as an evaluator reads it: rounded to the set's digits, trailing zeros kept."""
    if value is None:
        return "—"
    return str(cs.round(value))


def _json_value(v: Any) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, int | str):
        return v
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, dict):
        return {k: _json_value(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_json_value(x) for x in v]
    return str(v)


def node_to_json(cs: CompiledSet, n: NodeResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "points": number(cs, n.points),
        "max": number(cs, n.max),
        "level": n.level,
        "status": n.status,
    }
    if n.leaf:
        out["value"] = _json_value(n.value)
        out["message"] = n.message
    if n.kind != "core":
        out["kind"] = n.kind
    if n.disagreement:
        out["disagreement"] = True
    return out


def result_to_json(cs: CompiledSet, r: RegionResult) -> dict[str, Any]:
    """One object of `assessor score --format json`, in the spec's shape."""
    out: dict[str, Any] = {
        "set": r.set,
        "period": r.period,
        "region": r.region,
        "name": r.name,
        "total": number(cs, r.total),
        "max": number(cs, r.max),
        "completeness": number(cs, r.completeness),
        "provisional": r.provisional,
        "rank": r.rank,
    }
    if r.group is not None:
        out["group"] = r.group
        out["group_rank"] = r.group_rank
    out["rating"] = {
        "key": r.rating.key,
        "label": r.rating.label,
        "stars": r.rating.stars,
        "veto": r.rating.veto,
    }
    if r.bonus_total:
        out["bonus"] = number(cs, r.bonus_total)
    if r.penalty_total:
        out["penalty"] = number(cs, r.penalty_total)
    if r.evaluators:
        out["evaluators"] = list(r.evaluators)
    if r.rolled_up_from:
        out["rolled_up_from"] = list(r.rolled_up_from)
    if r.rank_points is not None:
        out["rank_points"] = rank_points_json(cs, r)
    out["nodes"] = {nid: node_to_json(cs, n) for nid, n in r.nodes.items()}
    return out


def rank_points_json(cs: CompiledSet, r: RegionResult) -> dict[str, Any]:
    """排名得分 as JSON: the points, the rank they are for, and how (the year: its periods)."""
    rp = r.rank_points
    assert rp is not None
    out: dict[str, Any] = {"points": number(cs, rp.points), "rank": rp.rank}
    if rp.periods:
        out["periods"] = {p: number(cs, v) for p, v in rp.periods}
    out["explanation"] = rp.words_zh
    return out


def stars_text(n: int | None) -> str:
    """★★★★☆ for four stars of five; empty when the grade has no stars."""
    if n is None:
        return ""
    return "★" * n + "☆" * max(0, 5 - n)


def rating_text(r: RegionResult, none: str = "无评级") -> str:
    """The rating as shown everywhere, naming a triggered veto by its name (spec §1.4)."""
    text = r.rating.label or none
    if r.rating.veto:
        text += f"（一票否决：{r.rating.veto_name or r.rating.veto}）"
    return text
