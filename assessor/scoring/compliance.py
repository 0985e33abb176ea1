"""A unit judged against a grade, usually the one it declared (申报星级): 达标 / 未达标.

A Shandong star rating judges each indicator against the star a county applies for (the
Weihai table's columns "四星", "五星" say what level an indicator needs for that star) and
says which of the grade's conditions failed. Both are computed here, once, from the engine's
result; the CLI, the TUI and the reports only print them.

What level a grade needs on a levelled indicator: the largest of its 必达项 `min_level` and its
`node_level` conditions naming that indicator; otherwise the grade's `indicator_level`, else the
level its `share_at_level` condition counts (the level at which an indicator counts for the
grade), else its `stars`; capped at the indicator's top level. A grade with none of these
(未达星级) asks nothing of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from assessor.model.indicator_set import (
    BandsLeaf,
    Grade,
    LevelLeaf,
    MeanLevelCond,
    NodeLevelCond,
    NodeRatioCond,
    RankLeaf,
    Required,
    ShareAtLevelCond,
)
from assessor.model.results import NodeResult, RegionResult
from assessor.scoring.compiled import CNode, CompiledSet
from assessor.scoring.output import display
from assessor.scoring.rating import condition_holds, requirement_holds

ZERO = Decimal(0)

Verdict = Literal["达标", "未达标", "不适用", "未要求"]


def _pct(x: Decimal) -> str:
    return f"{(x * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def _num(x: Decimal) -> str:
    return format(x.normalize(), "f") if x == x.to_integral_value() else str(x)


@dataclass(frozen=True)
class ConditionCheck:
    """One condition of a grade, whether it holds, and the number that decided it."""

    kind: str  # min_score, requires, node_ratio, node_level, share_at_level, mean_level, veto
    text: str  # the condition in words: 总分 ≥ 80
    actual: str  # what the unit has: 78.5
    holds: bool
    node: str | None = None

    def line(self) -> str:
        mark = "满足" if self.holds else "未满足"
        return f"{mark}：{self.text}（实际 {self.actual}）"


@dataclass(frozen=True)
class LeafCompliance:
    """An indicator against a grade: the level it has, the level the grade needs."""

    leaf: str
    name: str
    level: int | None
    required: int | None  # None: full points (a 必达项 without a level) or nothing asked
    verdict: Verdict
    must: bool  # a 必达项 of the grade
    need: str  # what the grade asks, in words: ≥ 4 级, 满分

    def line(self) -> str:
        tag = "（必达项）" if self.must else ""
        have = "—" if self.level is None else f"{self.level} 级"
        return f"{self.leaf} {self.name}{tag}：{self.verdict}（现 {have}，需 {self.need}）"


@dataclass
class GradeCheck:
    """A grade's conditions, each checked against one result."""

    key: str
    label: str
    stars: int | None
    conditions: list[ConditionCheck] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return all(c.holds for c in self.conditions)

    @property
    def failed(self) -> list[ConditionCheck]:
        return [c for c in self.conditions if not c.holds]


@dataclass
class DeclaredCheck:
    """A unit against the grade it declared: reached or not, why, and each indicator."""

    region: str
    grade: GradeCheck
    rating: str | None  # the grade the unit got
    reached: bool  # the rating is the declared grade or a better one
    leaves: list[LeafCompliance] = field(default_factory=list)

    @property
    def failing(self) -> list[LeafCompliance]:
        return [x for x in self.leaves if x.verdict == "未达标"]

    @property
    def counts(self) -> dict[str, int]:
        out = {"达标": 0, "未达标": 0}
        for x in self.leaves:
            if x.verdict in out:
                out[x.verdict] += 1
        return out

    def summary(self) -> str:
        c = self.counts
        head = f"申报{self.grade.label}：{'已达到' if self.reached else '未达到'}"
        head += f"（评定为{self.rating or '无等级'}）"
        head += f"；指标达标 {c['达标']} 项、未达标 {c['未达标']} 项"
        if self.grade.failed:
            head += f"；未满足的条件 {len(self.grade.failed)} 项"
        return head + "。"

    def lines(self) -> list[str]:
        out = [self.summary()]
        out += [f"  {c.line()}" for c in self.grade.failed]
        if self.failing:
            out.append("  未达标指标：")
            out += [f"    {x.line()}" for x in self.failing]
        return out


def max_level(cn: CNode) -> int | None:
    """The top level a leaf can reach (None: it yields no level)."""
    node = cn.node
    if isinstance(node, LevelLeaf):
        return max(d.level for d in node.levels)
    if isinstance(node, BandsLeaf):
        levels = [b.level for b in node.bands if b.level is not None]
        return max(levels) if levels else None
    if isinstance(node, RankLeaf) and node.rank_levels:
        return max(x.level for x in node.rank_levels)
    return None


def find_grade(cs: CompiledSet, key: str | None) -> Grade | None:
    if key is None or cs.set.rating is None:
        return None
    return next((g for g in cs.set.rating.grades if g.key == key), None)


def _basis(cs: CompiledSet, r: RegionResult) -> tuple[str, Decimal]:
    core = cs.set.rating is not None and cs.set.rating.basis == "core"
    return ("基本项得分" if core else "总分"), cs.round(r.core_total if core else r.total)


def _name(cs: CompiledSet, node: str) -> str:
    return f"{node} {cs.nodes[node].name}" if node in cs.nodes else node


def _requirement_check(
    cs: CompiledSet, req: Required, nodes: dict[str, NodeResult]
) -> ConditionCheck:
    nr = nodes.get(req.leaf)
    need = f"≥ {req.min_level} 级" if req.min_level is not None else "满分"
    text = f"必达项 {_name(cs, req.leaf)} {req.label or need}"
    if nr is None:
        actual = "无此指标"
    elif nr.status == "na":
        actual = "不适用"
    elif nr.status != "scored":
        actual = "未填报" if nr.status == "unscored" else "计算出错"
    elif req.min_level is not None:
        actual = f"{nr.level or 0} 级"
    else:
        actual = f"{display(cs, nr.points or ZERO)} / {display(cs, nr.max)} 分"
    return ConditionCheck("requires", text, actual, requirement_holds(req, nodes), req.leaf)


def _levelled(cs: CompiledSet, nodes: dict[str, NodeResult]) -> list[NodeResult]:
    return [nodes[c.id] for c in cs.levelled_leaves if c.id in nodes and nodes[c.id].status != "na"]


def check_grade(cs: CompiledSet, grade: Grade, r: RegionResult) -> GradeCheck:
    """Every condition of `grade` against `r`, in the order the set writes them; a triggered
    veto that keeps the unit below the grade is a failed condition too."""
    nodes = r.nodes
    out = GradeCheck(grade.key, grade.label, grade.stars)
    if grade.min_score is not None:
        word, basis = _basis(cs, r)
        out.conditions.append(
            ConditionCheck(
                "min_score",
                f"{word} ≥ {_num(Decimal(grade.min_score))}",
                display(cs, basis),
                basis >= grade.min_score,
            )
        )
    out.conditions += [_requirement_check(cs, q, nodes) for q in grade.requires]
    for c in grade.when:
        holds = condition_holds(cs, c, nodes)
        if isinstance(c, NodeRatioCond):
            nr = nodes.get(c.node_ratio.node)
            ratio = (nr.points or ZERO) / nr.max if nr is not None and nr.max else ZERO
            actual = "不适用" if nr is not None and nr.status == "na" else _pct(ratio)
            out.conditions.append(ConditionCheck(
                "node_ratio", f"{_name(cs, c.node_ratio.node)} 得分率 ≥ {_pct(Decimal(c.node_ratio.min))}",
                actual, holds, c.node_ratio.node))  # fmt: skip
        elif isinstance(c, NodeLevelCond):
            nr = nodes.get(c.node_level.node)
            actual = (
                "不适用"
                if nr is not None and nr.status == "na"
                else f"{(nr.level if nr else 0) or 0} 级"
            )
            out.conditions.append(ConditionCheck(
                "node_level", f"{_name(cs, c.node_level.node)} 等级 ≥ {c.node_level.min}",
                actual, holds, c.node_level.node))  # fmt: skip
        elif isinstance(c, ShareAtLevelCond):
            lv = _levelled(cs, nodes)
            at = sum(1 for n in lv if (n.level or 0) >= c.share_at_level.level)
            share = Decimal(at) / Decimal(len(lv)) if lv else ZERO
            out.conditions.append(ConditionCheck(
                "share_at_level",
                f"{c.share_at_level.level} 级及以上指标占比 ≥ {_pct(Decimal(c.share_at_level.min))}",
                f"{at}/{len(lv)} = {_pct(share)}", holds))  # fmt: skip
        else:
            assert isinstance(c, MeanLevelCond)
            lv = _levelled(cs, nodes)
            weight = sum((n.max for n in lv), ZERO)
            mean = (sum((Decimal(n.level or 0) * n.max for n in lv), ZERO) / weight
                    if weight else ZERO)  # fmt: skip
            out.conditions.append(ConditionCheck(
                "mean_level", f"按分值加权的平均等级 ≥ {_num(Decimal(c.mean_level.min))}",
                str(mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)), holds))  # fmt: skip
    veto = _blocking_veto(cs, grade, r)
    if veto is not None:
        out.conditions.append(veto)
    return out


def _blocking_veto(cs: CompiledSet, grade: Grade, r: RegionResult) -> ConditionCheck | None:
    effect = r.rating.veto_effect
    if not r.rating.veto or effect is None:
        return None
    name = r.rating.veto_name or r.rating.veto
    if effect.startswith("max_stars:"):
        cap = int(effect.split(":", 1)[1])
        if (grade.stars or 0) <= cap:
            return None
        return ConditionCheck("veto", f"未触发一票否决项（{name} 触发后最高 {cap} 星）",
                              "已触发", False, r.rating.veto)  # fmt: skip
    words = {"zero": "总分计为 0", "disqualify": "不予评级"}.get(effect, effect)
    return ConditionCheck("veto", f"未触发一票否决项（{name}：{words}）", "已触发", False,
                          r.rating.veto)  # fmt: skip


def required_level(cs: CompiledSet, grade: Grade, cn: CNode) -> tuple[int | None, bool]:
    """The level `grade` needs on leaf `cn`, and whether it is a 必达项 of the grade."""
    explicit = [q.min_level for q in grade.requires if q.leaf == cn.id and q.min_level is not None]
    explicit += [c.node_level.min for c in grade.when
                 if isinstance(c, NodeLevelCond) and c.node_level.node == cn.id]  # fmt: skip
    must = any(q.leaf == cn.id for q in grade.requires)
    if explicit:
        return max(explicit), must
    top = max_level(cn)
    shares = [c.share_at_level.level for c in grade.when if isinstance(c, ShareAtLevelCond)]
    default = (
        grade.indicator_level
        if grade.indicator_level is not None
        else max(shares)
        if shares
        else grade.stars
    )
    if top is None or not default:
        return None, must
    return min(default, top), must


def leaf_compliance(cs: CompiledSet, grade: Grade, r: RegionResult) -> list[LeafCompliance]:
    """达标 / 未达标 of every levelled core indicator (and every 必达项) against `grade`."""
    required_ids = {q.leaf for q in grade.requires}
    out = []
    for cn in cs.leaves:
        if not (cn.kind == "core" and cn.levelled) and cn.id not in required_ids:
            continue
        nr = r.nodes.get(cn.id)
        if nr is None:
            continue
        level, must = required_level(cs, grade, cn)
        full_marks = (
            must
            and level is None
            and any(q.leaf == cn.id and q.min_level is None for q in grade.requires)
        )
        verdict: Verdict
        if nr.status == "na":
            verdict, need = "不适用", "—"
        elif full_marks:
            need = "满分"
            verdict = "达标" if nr.status == "scored" and nr.max > 0 and (nr.points or ZERO) >= nr.max else "未达标"  # fmt: skip
        elif level is None:
            verdict, need = "未要求", "—"
        else:
            need = f"≥ {level} 级"
            ok = nr.status == "scored" and (nr.level or 0) >= level
            verdict = "达标" if ok else "未达标"
        shown = nr.level if nr.status == "scored" else None
        out.append(LeafCompliance(cn.id, cn.name, shown, level, verdict, must, need))
    return out


def grade_index(cs: CompiledSet, key: str | None) -> int | None:
    if key is None or cs.set.rating is None:
        return None
    keys = [g.key for g in cs.set.rating.grades]
    return keys.index(key) if key in keys else None


def declared_check(cs: CompiledSet, r: RegionResult, declared: str | None) -> DeclaredCheck | None:
    """`r` against the grade it declared; None when it declared none. A key the set does not
    have is an error naming the region and the set's grade keys."""
    if declared is None:
        return None
    grade = find_grade(cs, declared)
    if grade is None:
        from assessor.errors import AssessorError, Problem, Said
        from assessor.text.catalogue import said

        keys = [g.key for g in cs.set.rating.grades] if cs.set.rating else []
        grades = Said(", ".join(keys), "、".join(keys)) if keys else said("engine.none")
        raise AssessorError(
            Problem(
                said(
                    "engine.declared_unknown",
                    region=r.region,
                    grade=repr(declared),
                    set=cs.set.id,
                    grades=grades,
                ),
                key=r.region,
            )
        )
    want = grade_index(cs, grade.key)
    got = grade_index(cs, r.rating.key)
    reached = got is not None and want is not None and got <= want
    return DeclaredCheck(
        r.region, check_grade(cs, grade, r), r.rating.label, reached, leaf_compliance(cs, grade, r)
    )


__all__ = [
    "ConditionCheck",
    "DeclaredCheck",
    "GradeCheck",
    "LeafCompliance",
    "check_grade",
    "declared_check",
    "find_grade",
    "grade_index",
    "leaf_compliance",
    "max_level",
    "required_level",
]
