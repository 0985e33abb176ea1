"""The gap to the next grade: which indicators, raised how far, would lift a region one grade.

Computed by the engine and checked by it: each proposed step is an entry that gives the leaf
its full points, and the plan is re-scored after every step until the next grade holds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from assessor.errors import in_language
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import (
    BandsLeaf,
    CheckLeaf,
    ChoiceLeaf,
    Consolidation,
    CountLeaf,
    LevelLeaf,
    LinearLeaf,
    RatioLeaf,
    SlopeLeaf,
)
from assessor.model.results import RegionResult
from assessor.scoring.compiled import CNode, CompiledSet
from assessor.scoring.consolidate import LeafState
from assessor.scoring.engine import CONTEXT, _rollup_region, score
from assessor.scoring.methods import Outcome, fmt
from assessor.scoring.output import display
from assessor.scoring.summary import points_lost
from assessor.text.catalogue import said, say

ZERO = Decimal(0)


@dataclass(frozen=True)
class GapStep:
    node: str
    name: str
    points: Decimal
    max: Decimal
    gain: Decimal
    target: str  # what to reach, in words: "等级 5", "≥ 90", "是", "满分"


@dataclass
class GapReport:
    region: str
    current: str | None  # current grade label
    target: str | None  # the grade aimed at: the declared one (申报), else the next better
    reached: bool  # the steps reach it (re-scored)
    steps: list[GapStep] = field(default_factory=list)
    blocked_by: str | None = None  # a veto that caps the rating whatever the points
    total_after: Decimal | None = None
    #: How points are written: the set's rounding (the steps keep exact values for checking).
    shown: Callable[[Decimal], str] = field(default=fmt, repr=False, compare=False)
    declared: bool = False  # the target is the grade the unit declared (申报等级)
    #: the target grade's conditions that fail now, in words (from compliance.check_grade)
    failing: list[str] = field(default_factory=list)

    def lines(self, lang: str = "zh") -> list[str]:
        """The path in words (``engine.gap.*``): the aim, then each indicator to raise."""

        def say_(key: str, **fields: object) -> str:
            return say(f"engine.gap.{key}", lang, **fields)

        if self.target is None:
            return [say_("top") if self.current else say_("no_grades")]
        head = say_("head_declared" if self.declared else "head", target=self.target,
                    current=self.current or say_("no_grade"))  # fmt: skip
        if self.blocked_by:
            return [say_("blocked", head=head, veto=self.blocked_by)]
        if not self.reached:
            failing = [say_("failing", condition=in_language(x, lang)) for x in self.failing]
            return [say_("unreachable", head=head), *failing]
        total = self.shown(self.total_after or ZERO)
        out = [say_("steps", head=head, n=len(self.steps), total=total)]
        for s in self.steps:
            out.append(say_("step", node=s.node, name=s.name, points=self.shown(s.points),
                            max=self.shown(s.max), gain=self.shown(s.gain),
                            target=in_language(s.target, lang)))  # fmt: skip
        return out


def target_words(cn: CNode) -> str:
    """What the leaf must reach for full marks, in an evaluator's words."""
    node = cn.node
    if isinstance(node, LevelLeaf):
        top = max(
            node.levels,
            key=lambda d: (d.score if d.score is not None else Decimal(d.level), d.level),
        )
        if top.label:
            return said("engine.gap.level_label", level=top.level, label=top.label)
        return said("engine.gap.level", level=top.level)
    if isinstance(node, ChoiceLeaf):
        option = max(node.options, key=lambda o: o.score)
        return said("engine.gap.option", option=option.label or option.key)
    if isinstance(node, CheckLeaf):
        return said("engine.yes" if node.yes_score >= node.no_score else "engine.no")
    if isinstance(node, BandsLeaf):
        band = max(node.bands, key=lambda b: b.score)
        for bound, word in ((band.min, "≥"), (band.above, ">"), (band.max, "≤"), (band.below, "<")):
            if bound is not None:
                return f"{word} {fmt(bound)}"
    if isinstance(node, RatioLeaf):
        base = node.baseline if node.baseline is not None else ZERO
        v = base + (node.target - base) * node.cap
        return f"{'≤' if node.direction == 'lower' else '≥'} {fmt(v)}"
    if isinstance(node, LinearLeaf):
        return f"{fmt(max(node.curve, key=lambda p: p[1])[0])}"
    if isinstance(node, SlopeLeaf):
        cap = node.cap_points if node.cap_points is not None else cn.max
        v = (
            node.target + (cap - node.base_points) / node.per_unit * node.unit
            if node.per_unit
            else node.target
        )
        return f"≥ {fmt(v)}"
    if isinstance(node, CountLeaf):
        return (
            said("engine.gap.count", n=math.ceil(cn.max / node.each))
            if node.each
            else said("engine.gap.full")
        )
    return said("engine.gap.full")


def _full_marks(cn: CNode) -> LeafState:
    node = cn.node
    level: int | None = None
    if isinstance(node, LevelLeaf):
        level = max(d.level for d in node.levels)
    elif isinstance(node, BandsLeaf):
        best = max(node.bands, key=lambda b: b.score)
        level = best.level
    return LeafState(Outcome("scored", cn.max, level, None, None, Decimal(1)))


def _grade_index(cs: CompiledSet, r: RegionResult) -> int | None:
    if cs.set.rating is None or r.rating.key is None:
        return None
    keys = [g.key for g in cs.set.rating.grades]
    return keys.index(r.rating.key) if r.rating.key in keys else None


def gap_to_next_grade(
    cs: CompiledSet,
    assessment: Assessment,
    region: str,
    consolidation: Consolidation | None = None,
    max_steps: int = 25,
    target_key: str | None = None,
) -> GapReport | None:
    """The smallest greedy set of leaves whose full marks reach the target grade, verified by
    re-scoring; None when the region has no result.

    The target is `target_key`, else the grade the region declared (申报, `Region.declared`)
    when it has not reached it, else the next better grade. Leaves the target grade finds
    未达标 (必达项 first) come first, then the most points lost.
    """
    from assessor.scoring.compliance import check_grade, grade_index, leaf_compliance

    found = score(cs, assessment, consolidation=consolidation, regions=[region])
    if not found or cs.set.rating is None:
        return None
    current = found[0]
    grades = cs.set.rating.grades
    idx = _grade_index(cs, current)

    def shown(value: Decimal) -> str:
        return display(cs, value)

    unit = assessment.regions.get(region)
    declared_key = target_key or (unit.declared if unit is not None else None)
    declared_idx = grade_index(cs, declared_key)
    if declared_idx is not None and (idx is None or declared_idx < idx):
        target_idx = declared_idx
    elif idx == 0:
        return GapReport(region, current.rating.label, None, True, shown=shown)
    else:
        target_idx = (idx - 1) if idx is not None else len(grades) - 1
    target = grades[target_idx]
    report = GapReport(
        region,
        current.rating.label,
        target.label,
        False,
        shown=shown,
        declared=declared_idx == target_idx,
        failing=[c.line() for c in check_grade(cs, target, current).failed],
    )
    if current.rating.veto:
        effect = current.rating.veto_effect or ""
        cap = int(effect.split(":")[1]) if effect.startswith("max_stars:") else None
        if cap is None or (target.stars or 0) > cap:
            report.blocked_by = current.rating.veto
            return report

    candidates = []
    for cn in cs.core_leaves:
        n = current.nodes[cn.id]
        if n.status == "na" or cn.peer:
            continue
        lost = points_lost(n)
        if lost > 0:
            candidates.append((lost, cn))
    short = {x.leaf: (0 if x.must else 1) for x in leaf_compliance(cs, target, current)
             if x.verdict == "未达标"}  # fmt: skip
    candidates.sort(key=lambda c: (short.get(c[1].id, 2), -c[0], c[1].index))

    # What if a leaf had full marks: the other leaves keep their states, the region is rolled
    # up again by the engine (as in rescore_leaf).
    states = {
        nid: n.explanation
        for nid, n in current.nodes.items()
        if n.leaf and isinstance(n.explanation, LeafState)
    }
    region_model = assessment.regions.get(region) or Region(
        id=region, name=current.name, group=current.group
    )
    with localcontext(CONTEXT):
        for lost, cn in candidates[:max_steps]:
            states[cn.id] = _full_marks(cn)
            n = current.nodes[cn.id]
            report.steps.append(
                GapStep(cn.id, cn.name, n.points or ZERO, n.max, lost, target_words(cn))
            )
            after = _rollup_region(cs, region_model, assessment.period, states)
            new_idx = _grade_index(cs, after)
            if new_idx is not None and new_idx <= target_idx:
                report.reached = True
                report.total_after = cs.round(after.total)
                break
    if not report.reached:
        report.steps = []
    return report


def cn_index(cn: CNode) -> int:
    return cn.index
