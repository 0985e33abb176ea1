"""Report contexts: the engine's results turned into what templates show. Formatting only.

Every number here comes from `assessor.scoring` results (`RegionResult`, `NodeResult`), rounded
for display with the set's own rounding (`assessor.scoring.display`). The few aggregations are
plain descriptive statistics of numbers the engine already computed, kept here because they are
presentation, not scoring:
- change against the previous period: this period's total minus the previous one's.
Nothing here scores, ranks totals or rates: ranks and ratings are the engine's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from assessor.errors import in_language
from assessor.model.results import NodeResult, RegionResult
from assessor.model.sources import effective_sources, source_line
from assessor.report import charts
from assessor.scoring import display
from assessor.scoring.compiled import ROOT, CNode, CompiledSet
from assessor.scoring.explain import short_decimal
from assessor.scoring.output import rating_text, stars_text
from assessor.scoring.summary import (
    mean_total,
    peer_best,
    peer_mean,
    points_lost,
    points_short,
    region_points_lost,
    shown_change,
)

ZERO = Decimal(0)
HUNDRED = Decimal(100)

STATUS_ZH = {"scored": "已评分", "unscored": "未填报", "na": "不适用", "error": "错误"}
# `scope` is free text in a set; the usual English words are shown in Chinese
SCOPE_ZH = {
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "district": "区级",
    "community": "社区",
    "department": "部门",
}

KIND_ZH = {"core": "基本项", "bonus": "加分项", "penalty": "扣分项", "veto": "否决项"}
CONSOLIDATION_ZH = {
    "mean": "算术平均",
    "median": "中位数",
    "trimmed_mean": "去掉一个最高分和一个最低分后平均",
    "lead": "以牵头评估人为准",
}
ROUNDING_ZH = {"half_up": "四舍五入", "half_even": "银行家舍入（四舍六入五成双）"}
LIGHT_ZH = {"green": "绿", "yellow": "黄", "red": "红"}


#: Who signs a county report unless the workspace or the command line says otherwise.
DEFAULT_SIGNATURES = ("评估组组长", "审核人")


@dataclass
class ReportMeta:
    """What the cover and the PDF metadata say; from the workspace or command-line flags."""

    title: str | None = None
    organisation: str | None = None
    doc_number: str | None = None
    logo: str | None = None  # a file: URL the fetcher may read
    date: str = ""
    sample: bool = False
    sample_note: str | None = None
    fingerprint: str = ""
    sources: list[str] = field(default_factory=list)
    generator: str = "assessor"
    omit: frozenset[str] = frozenset()  # sections left out (docs/reports.md lists them)
    signatures: tuple[str, ...] = DEFAULT_SIGNATURES  # who signs a county report
    audit_head: tuple[int, str] | None = None  # the workspace's audit log when read


# ------------------------------------------------------------------ small formatting helpers


def pct(fraction: Decimal | None, digits: int = 1) -> str:
    """0.8315 → '83.2%' (a display of a ratio the engine's numbers give)."""
    if fraction is None:
        return "—"
    q = Decimal(1).scaleb(-digits)
    return f"{(fraction * HUNDRED).quantize(q)}%"


def ratio(points: Decimal | None, maximum: Decimal) -> Decimal | None:
    """points ÷ max, the scale charts draw on (None when there is no maximum or no points)."""
    if points is None or not maximum:
        return None
    return points / maximum


def signed(cs: CompiledSet, delta: Decimal | None) -> str:
    """A change with its sign: +1.25 / −0.50 / 0.00."""
    if delta is None:
        return "—"
    text = display(cs, abs(delta))
    if cs.round(delta) > 0:
        return "+" + text
    if cs.round(delta) < 0:
        return "−" + text
    return text


def region_name(r: RegionResult) -> str:
    return r.name or r.region


def rank_move(current: int | None, previous: int | None) -> tuple[str, str]:
    """(arrow, css class) for a rank change: ↑2 is better (a smaller rank number)."""
    if current is None:
        return "—", "flat"
    if previous is None:
        return "新", "new"
    if current < previous:
        return f"↑{previous - current}", "up"
    if current > previous:
        return f"↓{current - previous}", "down"
    return "—", "flat"


def value_text(cn: CNode | None, n: NodeResult) -> str:
    """An entered value as an evaluator wrote it (option labels, 是/否, named inputs)."""
    v = n.value
    if n.status == "na":
        return "不适用"
    if v is None:
        return "—"
    node = cn.node if cn is not None else None
    unit = getattr(node, "unit", None) if node is not None else None
    unit = unit if isinstance(unit, str) else ""
    if isinstance(v, bool):
        yes = getattr(node, "yes_label", None) or "是"
        no = getattr(node, "no_label", None) or "否"
        return yes if v else no
    if isinstance(v, Decimal):
        return short_decimal(v) + unit
    if isinstance(v, dict):
        return "，".join(f"{k}={_plain(x)}" for k, x in v.items())
    labels = {o.key: o.label or o.key for o in getattr(node, "options", None) or []}
    if isinstance(v, list | tuple):
        return "、".join(labels.get(x, _plain(x)) if isinstance(x, str) else _plain(x) for x in v)
    if isinstance(v, str):
        return str(labels.get(v, v))
    return str(v) + (unit if isinstance(v, int) else "")


def _plain(v: object) -> str:
    if isinstance(v, Decimal):
        return short_decimal(v)
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


def level_text(cn: CNode | None, n: NodeResult) -> str:
    if n.level is None:
        return "—"
    node = cn.node if cn is not None else None
    for lv in getattr(node, "levels", None) or []:
        if lv.level == n.level and lv.label:
            return f"{n.level}（{lv.label}）"
    return str(n.level)


# ------------------------------------------------------------------------ peer aggregations


def dimension_ids(cs: CompiledSet) -> list[str]:
    """First-level nodes in set order (core, bonus and penalty; vetoes have no points)."""
    return [c for c in cs.root.children if cs.nodes[c].kind != "veto"]


def core_dimension_ids(cs: CompiledSet) -> list[str]:
    return [c for c in cs.root.children if cs.nodes[c].kind == "core"]


def previous_period_of(period: str, periods: Iterable[str]) -> str | None:
    """The latest period before `period` among `periods` of the same kind (year, month …)."""
    from assessor.model.periods import period_sort_key

    kind = _period_kind(period)
    earlier = [
        p
        for p in periods
        if p != period and _period_kind(p) == kind and period_sort_key(p) < period_sort_key(period)
    ]
    return max(earlier, key=period_sort_key) if earlier else None


def _period_kind(p: str) -> str:
    if "-W" in p:
        return "week"
    if "-Q" in p:
        return "quarter"
    if "-" in p:
        return "month"
    return "year"


def period_label(p: str) -> str:
    """2024 → 2024年, 2024-03 → 2024年3月, 2024-Q1 → 2024年第一季度, 2024-W09 → 2024年第9周."""
    kind = _period_kind(p)
    if kind == "year":
        return f"{p}年"
    year, rest = p.split("-", 1)
    if kind == "month":
        return f"{year}年{int(rest)}月"
    if kind == "quarter":
        from assessor.report.templating import cn_number

        return f"{year}年第{cn_number(int(rest[1:]))}季度"
    return f"{year}年第{int(rest[1:])}周"


def fingerprint(indicator_set: Any, assessments: Sequence[Any]) -> str:
    """sha256 of the canonical JSON of the set and every entry the report was made from.

    Canonical (sorted keys, no whitespace) so the same data gives the same fingerprint whether
    it came from YAML files or a workspace database.
    """
    doc = {
        "set": indicator_set.model_dump(mode="json", by_alias=True),
        "assessments": [a.model_dump(mode="json") for a in assessments],
    }
    raw = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------- the contexts


def _evidence_items(paths: Sequence[str], root: Path | None) -> list[dict[str, str]]:
    """Evidence paths as text, with whether each is a file inside the workspace.

    Nothing is read or linked: a hostile path (``../../etc/passwd``) is only printed.
    """
    items = []
    for p in paths:
        state = "未核验"
        if root is not None:
            try:
                target = (root / p).resolve()
                inside = target == root or root.resolve() in target.parents
                if "://" in p or not inside:
                    state = "路径不在工作区内，未读取"
                elif target.is_file():
                    state = "已提供"
                else:
                    state = "文件不存在"
            except (OSError, ValueError):
                state = "路径无效"
        items.append({"path": p, "state": state})
    return items


def _explanation(
    explain: Callable[[CompiledSet, RegionResult, str], list[str]] | None,
    cs: CompiledSet,
    r: RegionResult,
    node_id: str,
) -> list[str]:
    """The engine's explanation less what the row already shows: a line per indicator fewer
    is fewer pages to read and to lay out (the table row has the value; the comment and the
    evidence follow; a region's only evaluator is named once, in the appendix)."""
    if explain is None:
        return []
    shown = ["备注:", "佐证材料:", "备注：", "佐证材料：", "填报值:", "填报值："]
    if len(r.evaluators) <= 1:
        shown += ["评估人:", "评估人："]
    lines = explain(cs, r, node_id)[1:]  # the first line repeats the table row
    return [
        line.strip()
        for line in lines
        if not line.strip().startswith(tuple(shown)) or line.strip().endswith((":", "："))
    ]


def _leaf_row(
    cs: CompiledSet,
    r: RegionResult,
    nid: str,
    explain: Callable[[CompiledSet, RegionResult, str], list[str]] | None,
    evidence_root: Path | None,
) -> dict[str, Any]:
    n = r.nodes[nid]
    cn = cs.nodes.get(nid)
    explanation = _explanation(explain, cs, r, nid)
    evidence = _evidence_items(n.evidence, evidence_root)
    detail = list(explanation)
    if n.comment:
        detail.append(f"评估意见：{n.comment}")
    if evidence:
        detail.append("佐证材料：" + "；".join(f"{e['path']}（{e['state']}）" for e in evidence))
    return {
        "id": nid,
        "name": n.name,
        "kind": KIND_ZH.get(n.kind, n.kind),
        "value": value_text(cn, n),
        "level": level_text(cn, n),
        "points": display(cs, n.points),
        "max": display(cs, n.max),
        "status": STATUS_ZH.get(n.status, n.status),
        "status_key": n.status,
        "lost": display(cs, points_lost(n)),
        "explanation": explanation,
        "comment": n.comment,
        "evidence": evidence,
        # One text block, lines separated by newlines (CSS white-space: pre-line): a few
        # elements fewer per indicator, which is most of the styling time of a long report.
        "detail": "\n".join(detail),
        "message": in_language(n.message, "zh") if n.message else n.message,
        "disagreement": n.disagreement,
    }


def _groups(
    cs: CompiledSet,
    r: RegionResult,
    dim: str,
    explain: Callable[[CompiledSet, RegionResult, str], list[str]] | None,
    evidence_root: Path | None,
) -> list[dict[str, Any]]:
    """A dimension's indicators in groups: one per second-level inner node, deeper ones flattened."""
    groups: list[dict[str, Any]] = []
    loose: list[dict[str, Any]] = []

    def leaves_under(nid: str) -> list[str]:
        cn = cs.nodes[nid]
        if cn.leaf:
            return [nid] if nid in r.nodes else []
        out: list[str] = []
        for c in cn.children:
            out.extend(leaves_under(c))
        return out

    for child in cs.nodes[dim].children:
        cn = cs.nodes[child]
        if cn.leaf:
            if child in r.nodes:
                loose.append(_leaf_row(cs, r, child, explain, evidence_root))
            continue
        n = r.nodes.get(child)
        groups.append(
            {
                "id": child,
                "name": cn.name,
                "points": display(cs, n.points if n else None),
                "max": display(cs, n.max if n else cn.max),
                "rows": [
                    _leaf_row(cs, r, leaf, explain, evidence_root) for leaf in leaves_under(child)
                ],
            }
        )
    if loose:
        groups.insert(0, {"id": None, "name": None, "points": "", "max": "", "rows": loose})
    return groups


def _by_period(results: Iterable[RegionResult]) -> dict[str, list[RegionResult]]:
    out: dict[str, list[RegionResult]] = {}
    for r in results:
        out.setdefault(r.period, []).append(r)
    return out


def _set_info(cs: CompiledSet) -> dict[str, Any]:
    s = cs.set
    grades = []
    if s.rating:
        for g in s.rating.grades:
            conds = []
            if g.min_score is not None:
                conds.append(f"总分 ≥ {g.min_score}")
            for c in g.when:
                conds.append(_condition_text(cs, c))
            grades.append(
                {
                    "key": g.key,
                    "label": g.label,
                    "stars": stars_text(g.stars) if g.stars is not None else "",
                    "conditions": "；".join(conds) or "—",
                }
            )
    return {
        "id": s.id,
        "name": s.name,
        "version": s.version or "—",
        "source": s.source or "—",
        "scope": SCOPE_ZH.get(s.scope, s.scope) if s.scope else "—",
        "full_score": display(cs, cs.full_score),
        "digits": cs.digits,
        "rounding": ROUNDING_ZH.get(s.rounding.mode, s.rounding.mode),
        "each_level": s.rounding.each_level,
        "consolidation": CONSOLIDATION_ZH.get(s.consolidation.method, s.consolidation.method),
        "basis": "不含加分的基本项得分" if s.rating and s.rating.basis == "core" else "总分",
        "grades": grades,
        "leaf_count": len(cs.leaves),
        "dimension_count": len(core_dimension_ids(cs)),
        "sources": _leaf_sources(cs),
    }


def _leaf_sources(cs: CompiledSet) -> list[dict[str, Any]]:
    """Each indicator's sources for the appendix: quoted, or 示例 and why (docs/sources.md)."""
    refs = effective_sources(cs.set.tree)
    rows = [
        {"id": cn.id, "name": cn.name, "lines": [source_line(r) for r in refs.get(cn.id, [])]}
        for cn in cs.leaves
    ]
    return [r for r in rows if r["lines"]]


def _condition_text(cs: CompiledSet, c: Any) -> str:
    if (x := getattr(c, "node_ratio", None)) is not None:
        name = cs.nodes[x.node].name if x.node in cs.nodes else x.node
        return f"{name}得分率 ≥ {pct(Decimal(x.min), 0)}"
    if (x := getattr(c, "node_level", None)) is not None:
        name = cs.nodes[x.node].name if x.node in cs.nodes else x.node
        return f"{name}等级 ≥ {x.min}"
    if (x := getattr(c, "share_at_level", None)) is not None:
        return f"{x.level}级及以上指标占比 ≥ {pct(Decimal(x.min), 0)}"
    if (x := getattr(c, "mean_level", None)) is not None:
        return f"加权平均等级 ≥ {x.min}"
    return str(c)


def _meta(meta: ReportMeta) -> dict[str, Any]:
    return {
        "title": meta.title,
        "organisation": meta.organisation,
        "doc_number": meta.doc_number,
        "logo": meta.logo,
        "date": meta.date,
        "sample": meta.sample,
        "sample_note": meta.sample_note or "示例数据",
        "fingerprint": meta.fingerprint,
        "sources": meta.sources,
        "generator": meta.generator,
        "signatures": list(meta.signatures),
        "omit": sorted(meta.omit),
        "audit_head": None
        if meta.audit_head is None
        else {"record": meta.audit_head[0], "hash": meta.audit_head[1]},
    }


def county_context(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    region: str,
    period: str,
    meta: ReportMeta,
    font: str,
    explain: Callable[[CompiledSet, RegionResult, str], list[str]] | None = None,
    gap: Sequence[str] | None = None,
    evidence_root: Path | None = None,
    previous_period: str | None = None,
) -> dict[str, Any]:
    """Everything the county (region) report shows for `region` in `period`.

    `results` are the engine's results of every region (all periods: the previous period is
    read from them); `gap` is the engine's path to the next grade, as lines, when available.
    """
    by_period = _by_period(results)
    peers = by_period.get(period, [])
    r = next((x for x in peers if x.region == region), None)
    if r is None:
        raise KeyError(region)
    prev_p = previous_period or previous_period_of(period, by_period)
    prev = next((x for x in by_period.get(prev_p or "", []) if x.region == region), None)

    dims: list[dict[str, Any]] = []
    for d in dimension_ids(cs):
        n = r.nodes.get(d)
        if n is None:
            continue
        mean, best = peer_mean(peers, d), peer_best(peers, d)
        prev_n = prev.nodes.get(d) if prev else None
        dims.append(
            {
                "id": d,
                "name": n.name,
                "kind": KIND_ZH.get(n.kind, n.kind),
                "core": n.kind == "core",
                "points": display(cs, n.points),
                "max": display(cs, n.max),
                "rate": pct(ratio(n.points, n.max)),
                "mean": display(cs, mean),
                "best": display(cs, best),
                "lost": display(cs, points_lost(n)),
                "change": signed(cs, shown_change(cs, n.points or ZERO, prev_n.points or ZERO))
                if prev_n is not None
                else "—",
                "_frac": ratio(n.points, n.max),
                "_mean": ratio(mean, n.max),
                "_best": ratio(best, n.max),
            }
        )
    core_dims = [d for d in dims if d["core"]]
    series = [
        charts.Series(region_name(r), [_fl(d["_frac"]) for d in core_dims]),
        charts.Series("同期平均", [_fl(d["_mean"]) for d in core_dims]),
        charts.Series("同期最高", [_fl(d["_best"]) for d in core_dims]),
    ]
    radar_svg = charts.radar([d["name"] for d in core_dims], series, font=font)
    bars_svg = charts.grouped_bars(
        [d["name"] for d in core_dims],
        series,
        font=font,
        labels=[
            [d["points"] for d in core_dims],
            [d["mean"] for d in core_dims],
            [d["best"] for d in core_dims],
        ],
    )
    sections = [
        {
            "id": d["id"],
            "name": d["name"],
            "points": d["points"],
            "max": d["max"],
            "groups": _groups(cs, r, d["id"], explain, evidence_root),
        }
        for d in dims
    ]
    lost_leaves = sorted(
        (n for n in r.nodes.values() if n.leaf and n.kind == "core" and points_lost(n) > 0),
        key=lambda n: (-points_lost(n), cs.nodes[n.id].index if n.id in cs.nodes else 0),
    )
    lost = [
        {
            "id": n.id,
            "name": n.name,
            "dimension": _dimension_name(cs, n.id),
            "points": display(cs, n.points),
            "max": display(cs, n.max),
            "lost": display(cs, points_lost(n)),
            "status": STATUS_ZH.get(n.status, n.status),
        }
        for n in lost_leaves
    ]
    total_lost = display(cs, region_points_lost(r)) if r.max else "—"
    return {
        "kind": "county",
        "meta": _meta(meta),
        "set": _set_info(cs),
        "period": period,
        "period_label": period_label(period),
        "region": {"id": r.region, "name": region_name(r), "group": r.group},
        "summary": {
            "total": display(cs, r.total),
            "max": display(cs, r.max),
            "core_total": display(cs, r.core_total),
            "bonus": display(cs, r.bonus_total) if r.bonus_total else None,
            "penalty": display(cs, r.penalty_total) if r.penalty_total else None,
            "rating": rating_text(r),
            "rating_key": r.rating.key,
            "stars": stars_text(r.rating.stars),
            "veto": r.rating.veto,
            "rank": r.rank,
            "peers": len(peers),
            "group_rank": r.group_rank,
            "group_size": sum(1 for x in peers if x.group == r.group) if r.group else None,
            "completeness": pct(r.completeness),
            "provisional": r.provisional,
            "rolled_up_from": list(r.rolled_up_from),
            "previous": None
            if prev is None
            else {
                "period": prev.period,
                "period_label": period_label(prev.period),
                "total": display(cs, prev.total),
                "change": signed(cs, shown_change(cs, r.total, prev.total)),
                "rating": rating_text(prev),
                "rank": prev.rank,
                "move": rank_move(r.rank, prev.rank)[0],
            },
            "lost": total_lost,
        },
        "dimensions": dims,
        "radar": radar_svg,
        "bars": bars_svg,
        "sections": sections,
        "lost": lost,
        "gap": list(gap) if gap else [],
        "next_grade": _next_grade(cs, r),
        "evaluators": list(r.evaluators),
        "disagreements": [
            f"{n.id} {n.name}" for n in r.nodes.values() if n.leaf and n.disagreement
        ],
    }


def _fl(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def _dimension_name(cs: CompiledSet, nid: str) -> str:
    cn = cs.nodes.get(nid)
    while cn is not None and cn.parent not in (ROOT, None):
        cn = cs.nodes.get(cn.parent)
    return cn.name if cn is not None else ""


def _next_grade(cs: CompiledSet, r: RegionResult) -> dict[str, Any] | None:
    """The grade just above the region's, with its conditions as the set states them."""
    if not cs.set.rating:
        return None
    grades = cs.set.rating.grades
    keys = [g.key for g in grades]
    if r.rating.key is None or r.rating.key not in keys:
        target = grades[-1] if grades else None
    else:
        i = keys.index(r.rating.key)
        if i == 0:
            return None
        target = grades[i - 1]
    if target is None:
        return None
    info = {
        "label": target.label,
        "conditions": "；".join(
            ([f"总分 ≥ {target.min_score}"] if target.min_score is not None else [])
            + [_condition_text(cs, c) for c in target.when]
        )
        or "—",
        "points_short": None,
    }
    if target.min_score is not None:
        short = points_short(cs, r, Decimal(target.min_score))
        if short is not None:
            info["points_short"] = display(cs, short)
    return info


def ranking_context(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    period: str,
    meta: ReportMeta,
    font: str,
    previous_period: str | None = None,
    trend_regions: int = 6,
) -> dict[str, Any]:
    """League table, rating distribution, heat map, leaders and trends for one period."""
    by_period = _by_period(results)
    rs = sorted(by_period.get(period, []), key=lambda r: (r.rank or 10**9, r.region))
    prev_p = previous_period or previous_period_of(period, by_period)
    prev = {x.region: x for x in by_period.get(prev_p or "", [])}
    dims = dimension_ids(cs)
    core = core_dimension_ids(cs)
    rows = []
    for r in rs:
        p = prev.get(r.region)
        arrow, cls = rank_move(r.rank, p.rank if p else None) if prev else ("", "flat")
        rows.append(
            {
                "rank": r.rank if r.rank is not None else "—",
                "region": region_name(r),
                "group": r.group or "",
                "total": display(cs, r.total),
                "rating": rating_text(r),
                "stars": stars_text(r.rating.stars),
                "provisional": r.provisional,
                "dims": [display(cs, r.nodes[d].points) if d in r.nodes else "—" for d in dims],
                "change": signed(cs, shown_change(cs, r.total, p.total)) if p else "—",
                "move": arrow,
                "move_class": cls,
            }
        )
    # Distribution of ratings, in the set's grade order.
    labels: list[str] = [g.label for g in cs.set.rating.grades] if cs.set.rating else []
    counts = {label: 0 for label in labels}
    for r in rs:
        key = r.rating.label or "无评级"
        counts[key] = counts.get(key, 0) + 1
    counts = {k: v for k, v in counts.items() if v or k in labels}
    most = max(counts.values(), default=0) or 1
    distribution_svg = charts.grouped_bars(
        list(counts),
        [charts.Series("地区数", [v / most for v in counts.values()])],
        font=font,
        labels=[[f"{v} 个" for v in counts.values()]],
        width=420,
    )
    # Heat map: regions × first-level dimensions, chunked so each part fits a page.
    heat_parts = []
    chunk = 40
    for start in range(0, len(rs), chunk):
        part = rs[start : start + chunk]
        heat_parts.append(
            charts.heatmap(
                [f"{r.rank or '—'}. {region_name(r)}" for r in part],
                [cs.nodes[d].name for d in core],
                [
                    [
                        _fl(ratio(r.nodes[d].points, r.nodes[d].max)) if d in r.nodes else None
                        for d in core
                    ]
                    for r in part
                ],
                [
                    [display(cs, r.nodes[d].points) if d in r.nodes else "—" for d in core]
                    for r in part
                ],
                font=font,
            )
        )
    leaders = []
    for d in dims:
        scored = [r for r in rs if d in r.nodes and r.nodes[d].points is not None]
        scored.sort(key=lambda r: (-(r.nodes[d].points or ZERO), r.rank or 10**9, r.region))
        leaders.append(
            {
                "name": cs.nodes[d].name,
                "max": display(cs, cs.nodes[d].max),
                "mean": display(cs, peer_mean(rs, d)),
                "top": [
                    {"region": region_name(r), "points": display(cs, r.nodes[d].points)}
                    for r in scored[:3]
                ],
            }
        )
    # Trends: totals of the leading regions over every period of the same kind.
    from assessor.model.periods import period_sort_key

    kind = _period_kind(period)
    periods = sorted((p for p in by_period if _period_kind(p) == kind), key=period_sort_key)
    trend_svg = None
    trend_rows = []
    if len(periods) > 1:
        lookup = {(r.period, r.region): r for r in results}
        chosen = rs[:trend_regions]
        series = [
            charts.Series(
                region_name(r),
                [
                    _fl(cs.round(x.total)) if (x := lookup.get((p, r.region))) else None
                    for p in periods
                ],
            )
            for r in chosen
        ]
        values = [v for s in series for v in s.values if v is not None]
        lo = max(0.0, (min(values) // 10) * 10) if values else 0.0
        hi = min(float(cs.full_score) * 1.2, (max(values) // 10 + 1) * 10) if values else 100.0
        trend_svg = charts.trend_lines(periods, series, font=font, y_min=lo, y_max=hi)
        for r in chosen:
            trend_rows.append(
                {
                    "region": region_name(r),
                    "totals": [
                        display(cs, x.total) if (x := lookup.get((p, r.region))) else "—"
                        for p in periods
                    ],
                }
            )
    return {
        "kind": "ranking",
        "meta": _meta(meta),
        "set": _set_info(cs),
        "period": period,
        "period_label": period_label(period),
        "previous_label": period_label(prev_p) if prev_p and prev else None,
        "dimension_names": [cs.nodes[d].name for d in dims],
        "rows": rows,
        "count": len(rs),
        "mean_total": display(cs, mean_total(rs)),
        "distribution": [{"label": k, "count": v} for k, v in counts.items()],
        "distribution_svg": distribution_svg,
        "heatmaps": heat_parts,
        "leaders": leaders,
        "trend_svg": trend_svg,
        "trend_periods": [period_label(p) for p in periods] if trend_svg else [],
        "trend_rows": trend_rows,
    }


def traffic_light(r: RegionResult, position: int, count: int) -> str:
    """green / yellow / red: the rating's colour when the set gives one, else by rank thirds.

    Rank thirds (top third green, bottom third red) are a presentation rule of the bulletin,
    documented in docs/reports.md; they use the engine's rank order, not a new score.
    """
    if r.rating.color in ("green", "yellow", "red"):
        return r.rating.color
    if count <= 0:
        return "yellow"
    third = count / 3
    if position < third:
        return "green"
    if position >= count - third:
        return "red"
    return "yellow"


def bulletin_context(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    period: str,
    meta: ReportMeta,
    previous_period: str | None = None,
) -> dict[str, Any]:
    """A one- or two-page 周通报/月通报: ranking, arrows against last period, traffic lights."""
    by_period = _by_period(results)
    rs = sorted(by_period.get(period, []), key=lambda r: (r.rank or 10**9, r.region))
    prev_p = previous_period or previous_period_of(period, by_period)
    prev = {x.region: x for x in by_period.get(prev_p or "", [])}
    dims = core_dimension_ids(cs)
    rows = []
    for i, r in enumerate(rs):
        p = prev.get(r.region)
        arrow, cls = rank_move(r.rank, p.rank if p else None) if prev else ("—", "flat")
        light = traffic_light(r, i, len(rs))
        rows.append(
            {
                "rank": r.rank if r.rank is not None else "—",
                "region": region_name(r),
                "total": display(cs, r.total),
                "rating": rating_text(r),
                "change": signed(cs, shown_change(cs, r.total, p.total)) if p else "—",
                "move": arrow,
                "move_class": cls,
                "light": light,
                "light_text": LIGHT_ZH[light],
                "dims": [display(cs, r.nodes[d].points) if d in r.nodes else "—" for d in dims],
            }
        )
    kind = _period_kind(period)
    name = {"week": "周通报", "month": "月通报", "quarter": "季度通报", "year": "年度通报"}[kind]
    ups = [row for row in rows if row["move_class"] == "up"]
    downs = [row for row in rows if row["move_class"] == "down"]
    return {
        "kind": "bulletin",
        "meta": _meta(meta),
        "set": _set_info(cs),
        "period": period,
        "period_label": period_label(period),
        "bulletin_name": name,
        "previous_label": period_label(prev_p) if prev_p and prev else None,
        "dimension_names": [cs.nodes[d].name for d in dims],
        "rows": rows,
        "count": len(rs),
        "mean_total": display(cs, mean_total(rs)),
        "top": [row["region"] for row in rows[:3]],
        "bottom": [row["region"] for row in rows[-3:]] if len(rows) > 3 else [],
        "ups": len(ups),
        "downs": len(downs),
        "lights": {
            k: sum(1 for row in rows if row["light"] == k) for k in ("green", "yellow", "red")
        },
    }
