"""Grades (spec §1.8) and vetoes (spec §1.4): from numbers to 五星级, 优秀 or 红灯."""

from __future__ import annotations

from decimal import Decimal

from assessor.model.indicator_set import (
    Condition,
    Grade,
    MeanLevelCond,
    NodeLevelCond,
    NodeRatioCond,
    Required,
    ShareAtLevelCond,
)
from assessor.model.results import NodeResult, RatingResult
from assessor.scoring.compiled import CompiledSet

ZERO = Decimal(0)

# Severity of veto effects: the most severe triggered veto wins.
_SEVERITY = {"disqualify": 3, "zero": 2}


def condition_holds(cs: CompiledSet, cond: Condition, nodes: dict[str, NodeResult]) -> bool:
    if isinstance(cond, NodeRatioCond):
        nr = nodes.get(cond.node_ratio.node)
        if nr is None:
            return False
        if nr.status == "na":
            return True
        if nr.max == 0:
            return False
        return (nr.points or ZERO) / nr.max >= cond.node_ratio.min
    if isinstance(cond, NodeLevelCond):
        nr = nodes.get(cond.node_level.node)
        if nr is None:
            return False
        if nr.status == "na":
            return True
        return (nr.level or 0) >= cond.node_level.min
    levelled = [
        nodes[c.id] for c in cs.levelled_leaves if c.id in nodes and nodes[c.id].status != "na"
    ]
    if not levelled:
        return False
    if isinstance(cond, ShareAtLevelCond):
        at = sum(1 for n in levelled if (n.level or 0) >= cond.share_at_level.level)
        return Decimal(at) / Decimal(len(levelled)) >= cond.share_at_level.min
    assert isinstance(cond, MeanLevelCond)
    weight = sum((n.max for n in levelled), ZERO)
    if weight == 0:
        return False
    mean = sum((Decimal(n.level or 0) * n.max for n in levelled), ZERO) / weight
    return mean >= cond.mean_level.min


def requirement_holds(req: Required, nodes: dict[str, NodeResult]) -> bool:
    """A 必达项 passes: its level reaches `min_level`, or (without one) it has full points.

    Not applicable (na) passes, as for node conditions: the grade cannot ask for what the
    unit does not have; unscored and error never pass.
    """
    nr = nodes.get(req.leaf)
    if nr is None:
        return False
    if nr.status == "na":
        return True
    if nr.status != "scored":
        return False
    if req.min_level is not None:
        return (nr.level or 0) >= req.min_level
    return nr.max > 0 and (nr.points or ZERO) >= nr.max


def grade_holds(
    cs: CompiledSet, grade: Grade, basis_total: Decimal, nodes: dict[str, NodeResult]
) -> bool:
    if grade.min_score is not None and basis_total < grade.min_score:
        return False
    if not all(requirement_holds(r, nodes) for r in grade.requires):
        return False
    return all(condition_holds(cs, c, nodes) for c in grade.when)


def _result(
    grade: Grade | None,
    veto: str | None = None,
    effect: str | None = None,
    cs: CompiledSet | None = None,
) -> RatingResult:
    name = cs.nodes[veto].name if cs is not None and veto in cs.nodes else None
    if grade is None:
        return RatingResult(veto=veto, veto_effect=effect, veto_name=name)
    return RatingResult(grade.key, grade.label, grade.stars, veto, effect, grade.color, name)


def rate(
    cs: CompiledSet,
    total_display: Decimal,
    core_display: Decimal,
    nodes: dict[str, NodeResult],
    vetoes: list[tuple[str, str]],
) -> RatingResult:
    """The first grade, best first, whose conditions all hold; then the vetoes' effects.

    `vetoes` are the triggered veto leaves as (id, effect) in set order.
    """
    rating = cs.set.rating
    if rating is None:
        if vetoes:
            vid, eff = _worst(vetoes)
            return _result(None, vid, eff, cs)
        return RatingResult()
    basis = core_display if rating.basis == "core" else total_display
    if vetoes:
        vid, eff = _worst(vetoes)
        if eff == "disqualify":
            return _result(None, vid, eff, cs)
        if eff == "zero":
            return _result(rating.grades[-1], vid, eff, cs)
        cap = int(eff.split(":", 1)[1])
        for g in rating.grades:
            if (g.stars or 0) <= cap and grade_holds(cs, g, basis, nodes):
                return _result(g, vid, eff, cs)
        return _result(None, vid, eff, cs)
    for g in rating.grades:
        if grade_holds(cs, g, basis, nodes):
            return _result(g)
    return RatingResult()


def _worst(vetoes: list[tuple[str, str]]) -> tuple[str, str]:
    def severity(v: tuple[str, str]) -> tuple[int, int]:
        eff = v[1]
        if eff in _SEVERITY:
            return (_SEVERITY[eff], 0)
        return (1, -int(eff.split(":", 1)[1]))

    best = vetoes[0]
    for v in vetoes[1:]:
        if severity(v) > severity(best):
            best = v
    return best
