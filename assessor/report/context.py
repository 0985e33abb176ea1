"""Report contexts: the engine's results turned into what templates show. Formatting only.

Every number here is the engine's: a region's figures come from `assessor.scoring.figures`
(基本项, 加分, 扣分, 失分, 较上期, ranks, vetoes, light, next grade), leaders from
`figures.leaders`, the periods compared from `assessor.scoring.history`. This module only
rounds them for display (`assessor.scoring.display`) and words them.
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
from assessor.model.periods import parse_period, period_sort_key
from assessor.model.results import NodeResult, RegionResult
from assessor.model.sources import effective_sources, source_line
from assessor.report import charts
from assessor.scoring import display
from assessor.scoring import figures as fig
from assessor.scoring.compiled import CNode, CompiledSet
from assessor.scoring.explain import short_decimal
from assessor.scoring.findings import findings
from assessor.scoring.history import previous_period, up_to
from assessor.scoring.output import rating_text, stars_text
from assessor.scoring.summary import fraction, mean_total, peer_mean
from assessor.text import formats
from assessor.text.catalogue import say, stars_name, table

ZERO = Decimal(0)
HUNDRED = Decimal(100)

# The catalogue's words for the codes a report prints (assessor.text.words), in Chinese
STATUS_ZH = table("status", "zh")
SCOPE_ZH = table("report.scope", "zh")  # `scope` is free text; the usual English words
KIND_ZH = table("kind", "zh")
CONSOLIDATION_ZH = table("consolidation", "zh")
ROUNDING_ZH = table("report.rounding", "zh")
LIGHT_ZH = table("light", "zh")


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
    recipients: tuple[str, ...] = ()  # a bulletin's 主送
    copies: tuple[str, ...] = ()  # a bulletin's 抄送


# ------------------------------------------------------------------ small formatting helpers


#: A comment longer than this is cut in the indicator table; its full text is in an appendix,
#: so one long comment never strands a row on a page of its own.
COMMENT_CUT = 300


def comment_in_table(comment: str) -> str:
    if len(comment) <= COMMENT_CUT:
        return comment
    return comment[:COMMENT_CUT] + "……（全文见附录“评估意见全文”）"


def long_comments(r: RegionResult) -> list[dict[str, str]]:
    """The comments cut in the indicator table, whole, in the set's order."""
    return [
        {"id": n.id, "name": n.name, "comment": n.comment}
        for n in r.nodes.values()
        if n.leaf and n.comment and len(n.comment) > COMMENT_CUT
    ]


def sample_note(note: str | None) -> str:
    """The sample banner's text, beginning with 示例数据 once (a note may already say it)."""
    text = (note or "").strip()
    if not text:
        return "示例数据"
    return text if text.startswith("示例数据") else f"示例数据：{text}"


def issue_number(period: str) -> int | None:
    """A bulletin's 期号 within its year: week 18 → 18, April → 4, Q2 → 2; a year has none."""
    p = parse_period(period)
    return None if p.kind == "year" else p.number


def shown_source(path: Path) -> str:
    """Where the data came from, as a reader may see it: relative to the working folder when
    inside it, else the file's name — never an absolute path of the machine."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path.name


def pct(fraction: Decimal | None, digits: int = 1) -> str:
    """0.8315 → '83.2%' (a display of a ratio the engine's numbers give)."""
    return formats.percent(fraction, digits)


def score_text(cs: CompiledSet, kind: str, points: Decimal | None, maximum: Decimal) -> str:
    """A node's points as a reader reads them: "8.00 / 10.00", or for a deduction
    "扣分 2.00（上限 5.00）" (a deduction is never a score out of a maximum)."""
    if kind == "penalty":
        return f"扣分 {display(cs, points or ZERO)}（上限 {display(cs, maximum)}）"
    return f"{display(cs, points)} / {display(cs, maximum)}"


def signed(cs: CompiledSet, delta: Decimal | None) -> str:
    """A change with its sign, in the set's digits: +1.25 / −0.50 / 0.00."""
    return formats.signed(delta, cs.quantum, cs.rounding)


def region_name(r: RegionResult) -> str:
    return r.name or r.region


def rank_move(current: int | None, moved: int | None, had_previous: bool) -> tuple[str, str]:
    """(arrow, css class) for the engine's rank change: ↑2 is up two places."""
    if current is None:
        return "—", "flat"
    if not had_previous or moved is None:
        return "新", "new"
    if moved > 0:
        return f"↑{moved}", "up"
    if moved < 0:
        return f"↓{-moved}", "down"
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


def _period_kind(p: str) -> str:
    return parse_period(p).kind


def period_label(p: str) -> str:
    """2024 → 2024年度, 2024-03 → 2024年3月, 2024-Q1 → 2024年第一季度, 2024-W09 → 2024年第9周."""
    return formats.period_label(p)


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
        detail.append(f"评估意见：{comment_in_table(n.comment)}")
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
        "score": score_text(cs, n.kind, n.points, n.max),
        "status": STATUS_ZH.get(n.status, n.status),
        "status_key": n.status,
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
                "score": score_text(cs, cn.kind, n.points if n else None, n.max if n else cn.max),
                "rows": [
                    _leaf_row(cs, r, leaf, explain, evidence_root) for leaf in leaves_under(child)
                ],
            }
        )
    if loose:
        groups.insert(
            0, {"id": None, "name": None, "points": "", "max": "", "score": "", "rows": loose}
        )
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
        "sample_note": sample_note(meta.sample_note),
        "fingerprint": meta.fingerprint,
        "sources": meta.sources,
        "generator": meta.generator,
        "signatures": list(meta.signatures),
        "recipients": list(meta.recipients),
        "copies": list(meta.copies),
        "omit": sorted(meta.omit),
        "audit_head": None
        if meta.audit_head is None
        else {"record": meta.audit_head[0], "hash": meta.audit_head[1]},
    }


VETO_EFFECT_ZH = table("report.veto_effect", "zh")


def veto_effect_text(effect: str | None) -> str:
    """zero → 总分计为 0; max_stars:3 → 最高评为三星级; disqualify → 取消评级资格."""
    if effect is None:
        return "—"
    if effect.startswith("max_stars:"):
        stars = int(effect.split(":", 1)[1])
        return say("report.veto_effect.max_stars", "zh", stars=stars_name(stars, "zh"))
    return VETO_EFFECT_ZH.get(effect, effect)


def bonus_text(cs: CompiledSet, f: fig.Figures) -> str | None:
    """加分 as counted: "3.00（上限 5.00）", or when capped "计入 5.00（上限 5.00，实得 7.50）";
    None when the set has no top-level bonus."""
    if f.bonus_cap is None or (not f.bonus_cap and not f.bonus_entered):
        return None
    cap = display(cs, f.bonus_cap)
    if f.bonus_capped:
        return f"计入 {display(cs, f.bonus_counted)}（上限 {cap}，实得 {display(cs, f.bonus_entered)}）"
    return f"{display(cs, f.bonus_counted)}（上限 {cap}）"


def penalty_text(cs: CompiledSet, f: fig.Figures) -> str | None:
    """扣分 as applied: "扣分 2.00（上限 5.00）"; None when the set has no top-level penalty."""
    if not f.penalty_cap:
        return None
    text = f"扣分 {display(cs, f.penalty_applied)}（上限 {display(cs, f.penalty_cap)}"
    if f.penalty_applied < f.penalty_entered:
        text += f"，登记 {display(cs, f.penalty_entered)}，扣完为止"
    return text + "）"


def _dimension_row(cs: CompiledSet, d: fig.Dimension) -> dict[str, Any]:
    """A row of 分维度得分: a deduction reads as one (no 得分率, no 失分, no best)."""
    penalty = d.kind == "penalty"
    bonus = d.kind == "bonus"
    return {
        "id": d.id,
        "name": d.name,
        "kind": KIND_ZH.get(d.kind, d.kind),
        "core": d.kind == "core",
        "penalty": penalty,
        "points": display(cs, d.points),
        "max": display(cs, d.max),
        "score": score_text(cs, d.kind, d.points, d.max),
        "rate": "—" if penalty else pct(d.ratio),
        "mean": (
            f"扣 {display(cs, d.mean)}" if penalty and d.mean is not None else display(cs, d.mean)
        ),
        "best": "—" if penalty else display(cs, d.best),
        "lost": "—" if penalty or bonus or d.lost is None else display(cs, d.lost),
        "change": signed(cs, d.change),
        "heading": (
            f"扣分 {display(cs, d.points)}，上限 {display(cs, d.max)} 分"
            if penalty
            else f"{display(cs, d.points)} / {display(cs, d.max)} 分"
        ),
        "_frac": d.ratio,
        "_mean": fraction(d.mean, d.max),
        "_best": fraction(d.best, d.max),
    }


def _vetoes(f: fig.Figures) -> list[dict[str, Any]]:
    return [
        {
            "id": v.id,
            "name": v.name,
            "triggered": v.triggered,
            "state": "已触发" if v.triggered else "未触发",
            "effect": veto_effect_text(v.effect),
        }
        for v in f.vetoes
    ]


def _findings(cs: CompiledSet, f: fig.Figures) -> dict[str, Any]:
    """The engine's findings (scoring/findings.py), formatted for 评估结论、主要问题与整改建议."""
    fd = findings(f)
    return {
        "any": fd.has_problems,
        "weak": [
            {
                "name": w.dimension.name,
                "ratio": pct(w.ratio),
                "peer": pct(w.peer_ratio),
                "lost": display(cs, w.dimension.lost),
            }
            for w in fd.weak_dimensions
        ],
        "losses": [
            {"id": x.id, "name": x.name, "lost": display(cs, x.lost), "max": display(cs, x.max)}
            for x in fd.largest_losses
        ],
        "vetoes": [{"name": v.name, "effect": veto_effect_text(v.effect)} for v in fd.vetoes],
        "deductions": [{"name": d.name, "points": display(cs, d.points)} for d in fd.deductions],
        "unscored": [
            {"id": x.id, "name": x.name, "status": STATUS_ZH.get(x.status, x.status)}
            for x in fd.unscored
        ],
    }


def _previous_of(
    by_period: dict[str, list[RegionResult]], period: str, named: str | None
) -> str | None:
    """The period compared with: the one named (when it has results), else the engine's
    previous period of the same kind."""
    if named is not None:
        p = str(parse_period(named))
        return p if p in by_period else None
    return previous_period(period, by_period)


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
    prev_p = _previous_of(by_period, period, previous_period)
    prev = next((x for x in by_period.get(prev_p or "", []) if x.region == region), None)
    f = fig.figures(cs, r, peers, prev)

    dims = [_dimension_row(cs, d) for d in f.dimensions]
    bonus_dims = [d for d in dims if d["kind"] == KIND_ZH["bonus"]]
    if f.bonus_capped and len(bonus_dims) == 1 and f.bonus_cap is not None:
        d = bonus_dims[0]  # what counts, the cap, and what was earned, in one place
        counted, cap = display(cs, f.bonus_counted), display(cs, f.bonus_cap)
        d["score"] = f"计入 {counted}（上限 {cap}，实得 {d['points']} / {d['max']}）"
        d["heading"] = f"实得 {d['points']} / {d['max']} 分，计入 {counted} 分，加分上限 {cap} 分"
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
            "heading": d["heading"],
            "penalty": d["penalty"],
            "groups": _groups(cs, r, d["id"], explain, evidence_root),
        }
        for d in dims
    ]
    lost = [
        {
            "id": x.id,
            "name": x.name,
            "dimension": cs.nodes[x.dimension].name,
            "points": display(cs, x.points),
            "max": display(cs, x.max),
            "lost": display(cs, x.lost),
            "status": STATUS_ZH.get(x.status, x.status),
        }
        for x in f.losses
    ]
    deductions = [
        {
            "id": x.id,
            "name": x.name,
            "dimension": cs.nodes[x.dimension].name,
            "points": display(cs, x.points),
            "cap": display(cs, x.cap),
        }
        for x in f.deductions
    ]
    ng = f.next_grade
    next_grade = None
    if ng is not None:
        g = ng.grade
        basis = "基本项（不含加分）" if ng.basis == "core" else "总分"
        next_grade = {
            "label": g.label,
            "conditions": "；".join(
                ([f"{basis} ≥ {g.min_score}"] if g.min_score is not None else [])
                + [_condition_text(cs, c) for c in g.when]
            )
            or "—",
            "basis": basis,
            "points_short": display(cs, ng.points_short) if ng.points_short is not None else None,
            "blocked_by": cs.nodes[ng.blocked_by].name if ng.blocked_by in cs.nodes else None,
        }
    return {
        "kind": "county",
        "meta": _meta(meta),
        "set": _set_info(cs),
        "period": period,
        "period_label": period_label(period),
        "region": {"id": r.region, "name": region_name(r), "group": r.group},
        "summary": {
            "total": display(cs, f.total),
            "max": display(cs, f.max),
            "core_total": display(cs, f.core),
            "core_max": display(cs, f.core_max),
            "bonus": bonus_text(cs, f),
            "penalty": penalty_text(cs, f),
            "zeroed": f.zeroed,
            "rating": rating_text(r),
            "rating_key": r.rating.key,
            "stars": stars_text(r.rating.stars),
            "veto": r.rating.veto_name or r.rating.veto,
            "vetoes_triggered": [v.name for v in f.vetoes if v.triggered],
            "rank": f.rank,
            "peers": f.peers,
            "group_rank": f.group_rank,
            "group_size": f.group_size,
            "completeness": pct(r.completeness),
            "provisional": r.provisional,
            "rolled_up_from": [period_label(p) for p in r.rolled_up_from],
            "previous": None
            if prev is None
            else {
                "period": prev.period,
                "period_label": period_label(prev.period),
                "total": display(cs, prev.total),
                "change": signed(cs, f.change),
                "rating": rating_text(prev),
                "rank": prev.rank,
                "move": rank_move(f.rank, f.rank_change, True)[0],
            },
            "lost": display(cs, f.lost),
            "lost_count": len(f.losses),
            "deducted": display(cs, f.penalty_applied),
            "light": f.light,
            "light_text": LIGHT_ZH.get(f.light or "", ""),
        },
        "dimensions": dims,
        "radar": radar_svg,
        "bars": bars_svg,
        "sections": sections,
        "lost": lost,
        "deductions": deductions,
        "vetoes": _vetoes(f),
        "gap": list(gap) if gap else [],
        "next_grade": next_grade,
        "findings": _findings(cs, f),
        "long_comments": long_comments(r),
        "tasks": None,  # the unit's tasks section: filled in by the caller from a workspace
        "evaluators": list(r.evaluators),
        "disagreements": [
            f"{n.id} {n.name}" for n in r.nodes.values() if n.leaf and n.disagreement
        ],
    }


def _fl(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


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
    prev_p = _previous_of(by_period, period, previous_period)
    prev = {x.region: x for x in by_period.get(prev_p or "", [])}
    dims = dimension_ids(cs)
    core = core_dimension_ids(cs)
    rows = []
    for r in rs:
        f = fig.figures(cs, r, rs, prev.get(r.region))
        arrow, cls = (
            rank_move(f.rank, f.rank_change, f.previous_period is not None)
            if prev
            else ("", "flat")
        )
        rows.append(
            {
                "rank": r.rank if r.rank is not None else "—",
                "region": region_name(r),
                "group": r.group or "",
                "total": display(cs, r.total),
                "rating": rating_text(r),
                "stars": stars_text(r.rating.stars),
                "provisional": r.provisional,
                "dims": [_dim_cell(cs, r, d) for d in dims],
                "change": signed(cs, f.change) if f.previous_period else "—",
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
        [charts.Series("地区数", [float(v) for v in counts.values()])],
        font=font,
        labels=[[f"{v} 个" for v in counts.values()]],
        width=420,
        maximum=float(most),
        axis_unit="个",
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
                        _fl(fraction(r.nodes[d].points, r.nodes[d].max)) if d in r.nodes else None
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
        if cs.nodes[d].kind == "penalty":
            continue  # a deduction is not an achievement: no leaders
        leaders.append(
            {
                "name": cs.nodes[d].name,
                "kind": KIND_ZH.get(cs.nodes[d].kind, ""),
                "max": display(cs, cs.nodes[d].max),
                "mean": display(cs, peer_mean(rs, d)),
                "top": [
                    {"rank": x.rank, "region": x.name or x.region, "points": display(cs, x.points)}
                    for x in fig.leaders(cs, rs, d)
                ],
            }
        )
    # Trends: totals of the leading regions over the periods of the same kind up to this one.
    shown = up_to(results, period)
    periods = sorted({r.period for r in shown}, key=period_sort_key)
    trend_svg = None
    trend_rows = []
    if len(periods) > 1:
        lookup = {(r.period, r.region): r for r in shown}
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
        axis = [formats.period_short(p) for p in periods]
        trend_svg = charts.trend_lines(axis, series, font=font, y_min=lo, y_max=hi)
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
    ctx: dict[str, Any] = {
        "kind": "ranking",
        "meta": _meta(meta),
        "set": _set_info(cs),
        "period": period,
        "period_label": period_label(period),
        "previous_label": period_label(prev_p) if prev_p and prev else None,
        "dimension_names": [_dim_name(cs, d) for d in dims],
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
    return one_kind(ctx)


def one_kind(ctx: dict[str, Any]) -> dict[str, Any]:
    """A ranking or bulletin of one kind of unit: `kinds` holds it unlabelled (the templates
    show one table per kind; `assessor.report.kinds.combine` labels several)."""
    return {**ctx, "kinds": [{**ctx, "label": None}]}


def _dim_name(cs: CompiledSet, d: str) -> str:
    """A column heading: a deduction column says so (its cells are deductions)."""
    cn = cs.nodes[d]
    return f"{cn.name}（扣分）" if cn.kind == "penalty" and "扣" not in cn.name else cn.name


def _dim_cell(cs: CompiledSet, r: RegionResult, d: str) -> str:
    """A dimension's points in a table cell; a deduction with its minus sign."""
    n = r.nodes.get(d)
    if n is None:
        return "—"
    if n.kind == "penalty":
        return f"−{display(cs, n.points)}" if n.points else display(cs, n.points or ZERO)
    return display(cs, n.points)


def bulletin_context(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    period: str,
    meta: ReportMeta,
    previous_period: str | None = None,
) -> dict[str, Any]:
    """A one- or two-page 周通报/月通报: ranking, arrows against last period, and each region's
    light, which is its rating's colour (a set without grade colours shows the rating)."""
    by_period = _by_period(results)
    rs = sorted(by_period.get(period, []), key=lambda r: (r.rank or 10**9, r.region))
    prev_p = _previous_of(by_period, period, previous_period)
    prev = {x.region: x for x in by_period.get(prev_p or "", [])}
    dims = [d for d in dimension_ids(cs) if cs.nodes[d].kind in ("core", "penalty")]
    rows = []
    for r in rs:
        f = fig.figures(cs, r, rs, prev.get(r.region))
        arrow, cls = (
            rank_move(f.rank, f.rank_change, f.previous_period is not None)
            if prev
            else ("—", "flat")
        )
        rows.append(
            {
                "rank": r.rank if r.rank is not None else "—",
                "region": region_name(r),
                "total": display(cs, r.total),
                "rating": rating_text(r),
                "change": signed(cs, f.change) if f.previous_period else "—",
                "move": arrow,
                "move_class": cls,
                "light": f.light,
                "light_text": LIGHT_ZH.get(f.light or "", ""),
                "dims": [_dim_cell(cs, r, d) for d in dims],
            }
        )
    name = {"week": "周通报", "month": "月通报", "quarter": "季度通报", "year": "年度通报"}[
        _period_kind(period)
    ]
    ups = [row for row in rows if row["move_class"] == "up"]
    downs = [row for row in rows if row["move_class"] == "down"]
    coloured = any(row["light"] for row in rows)
    ratings: dict[str, int] = {}
    for r in rs:
        label = r.rating.label or "无评级"
        ratings[label] = ratings.get(label, 0) + 1
    ctx: dict[str, Any] = {
        "kind": "bulletin",
        "meta": _meta(meta),
        "set": _set_info(cs),
        "period": period,
        "period_label": period_label(period),
        "issue_number": issue_number(period),
        "bulletin_name": name,
        "previous_label": period_label(prev_p) if prev_p and prev else None,
        "dimension_names": [_dim_name(cs, d) for d in dims],
        "rows": rows,
        "count": len(rs),
        "mean_total": display(cs, mean_total(rs)),
        "top": [row["region"] for row in rows[:3]],
        "bottom": [row["region"] for row in rows[-3:]] if len(rows) > 3 else [],
        "ups": len(ups),
        "downs": len(downs),
        "coloured": coloured,
        "lights": {
            k: sum(1 for row in rows if row["light"] == k) for k in ("green", "yellow", "red")
        },
        "ratings": [{"label": k, "count": v} for k, v in ratings.items()],
        "liangshai": _liangshai(cs, rs, by_period.get(prev_p or "", [])),
    }
    return one_kind(ctx)


def _liangshai(
    cs: CompiledSet, rs: Sequence[RegionResult], prev: Sequence[RegionResult]
) -> dict[str, Any] | None:
    """周亮晒 (a set that turns ranks into points): ranks on each dimension and the total."""
    if cs.set.rank_points is None:
        return None
    from assessor.report.liangshai import liangshai_context

    unit = {"county": "区、县(市)", "department": "部门"}.get(cs.set.scope or "", "单位")
    return liangshai_context(cs, rs, prev, unit)
