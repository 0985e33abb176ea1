"""Rank points (排名得分) and the year composed of its periods, with the arithmetic in words.

Ties share a rank (1, 2, 2, 4: the engine's competition ranking), so tied units get the same
points. A unit with no rank in a period (not assessed) gets no points for it; the year's mean
is over the periods it was ranked in, and the explanation says how many.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from assessor.model.rank_points import RankPoints, YearComposition
from assessor.text.catalogue import said

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def rank_points(rule: RankPoints, rank: int) -> Decimal:
    """Points for `rank` (1 = best)."""
    if rank < 1:
        raise ValueError(said("engine.rank_from_one", rank=rank))
    if rule.table is not None:
        return rule.table[rank - 1] if rank <= len(rule.table) else rule.rest
    if rule.tiers is not None:
        for tier in rule.tiers:
            if rank <= tier.upto:
                return tier.points
        return rule.rest
    assert rule.first is not None and rule.step is not None  # the model's validator
    points = rule.first - rule.step * (rank - 1)
    return points if points > rule.floor else rule.floor


def rule_words(rule: RankPoints, lang: str) -> str:
    """The rule as a reader writes it: "100 − 2 ×（名次 − 1），最低 60"."""
    zh = lang == "zh"
    if rule.table is not None:
        listed = (
            "、".join(f"{p:f}" for p in rule.table)
            if zh
            else ", ".join(f"{p:f}" for p in rule.table)
        )
        return (f"按名次依次得 {listed}，其后 {rule.rest:f}" if zh
                else f"by rank {listed}, then {rule.rest:f}")  # fmt: skip
    if rule.tiers is not None:
        parts = []
        start = 1
        for t in rule.tiers:
            span = f"{start}" if start == t.upto else f"{start}–{t.upto}"
            parts.append(f"第{span}名 {t.points:f}" if zh else f"rank {span}: {t.points:f}")
            start = t.upto + 1
        parts.append(f"其后 {rule.rest:f}" if zh else f"then {rule.rest:f}")
        return "，".join(parts) if zh else "; ".join(parts)
    floor = (f"，最低 {rule.floor:f}" if zh else f", at least {rule.floor:f}") if rule.floor else ""
    return (f"{rule.first:f} − {rule.step:f} ×（名次 − 1）{floor}" if zh
            else f"{rule.first:f} − {rule.step:f} × (rank − 1){floor}")  # fmt: skip


def points_by_unit(rule: RankPoints, ranks: Mapping[str, int | None]) -> dict[str, Decimal]:
    """Each ranked unit's points in one period (units without a rank get none)."""
    return {unit: rank_points(rule, r) for unit, r in ranks.items() if r is not None}


@dataclass(frozen=True)
class YearResult:
    unit: str
    value: Decimal
    periods: tuple[tuple[str, Decimal], ...]  # (period, points) it was ranked in
    year_end: Decimal | None
    words_zh: str
    words_en: str

    def words(self, lang: str) -> str:
        return self.words_zh if lang == "zh" else self.words_en


def compose_year(
    how: YearComposition,
    by_period: Sequence[tuple[str, Mapping[str, Decimal]]],
    year_end: Mapping[str, Decimal] | None = None,
) -> dict[str, YearResult]:
    """The year for every unit from its periods' points (in period order) and a year-end part.

    Exact: the caller rounds for display with the set's rounding.
    """
    units: list[str] = []
    for _, points in by_period:
        units.extend(u for u in points if u not in units)
    for u in year_end or {}:
        if u not in units:
            units.append(u)
    out: dict[str, YearResult] = {}
    for unit in units:
        got = tuple((p, pts[unit]) for p, pts in by_period if unit in pts)
        values = [v for _, v in got]
        combined = (
            (sum(values, ZERO) / len(values) if how.how == "mean" else sum(values, ZERO))
            if values
            else ZERO
        )
        end = (year_end or {}).get(unit)
        share_p, share_e = how.periods_share / HUNDRED, how.year_end_share / HUNDRED
        value = combined * share_p + (end or ZERO) * share_e if share_e else combined
        listed = "、".join(f"{v:f}" for v in values) or "—"
        listed_en = ", ".join(f"{v:f}" for v in values) or "—"
        agg_zh = "平均" if how.how == "mean" else "合计"
        zh = f"{len(values)} 个周期排名得分{agg_zh}：{listed} → {_short(combined)}"
        en = f"{how.how} of {len(values)} periods' rank points: {listed_en} → {_short(combined)}"
        if share_e:
            zh += (f"；× {how.periods_share:f}% + 年终 {_short(end or ZERO)} × "
                   f"{how.year_end_share:f}% = {_short(value)}")  # fmt: skip
            en += (f"; × {how.periods_share:f}% + year-end {_short(end or ZERO)} × "
                   f"{how.year_end_share:f}% = {_short(value)}")  # fmt: skip
        out[unit] = YearResult(unit, value, got, end, zh, en)
    return out


def _short(x: Decimal) -> str:
    """At most 4 decimals for reading (the value itself stays exact)."""
    q = x.quantize(Decimal("0.0001")).normalize()
    return f"{q:f}" if q == x else f"≈{q:f}"


__all__ = ["YearResult", "compose_year", "points_by_unit", "rank_points", "rule_words"]
