"""Every figure a reader is shown about one region in one period, defined once.

Reports, bulletins, the TUI, the CLI and exports format these; none of them adds, subtracts or
compares scores itself. The figures are exact Decimals (format them with `display`):

- 基本项 `core`: the sum of the top-level core dimensions' points.
- 加分 `bonus_entered` (实得), `bonus_counted` (计入, after the set's `bonus_cap`), `bonus_cap`.
- 扣分 `penalty_entered`, `penalty_applied` (扣完为止: never more than the core points),
  `penalty_cap` (the most the penalty nodes can take away).
- total = core + bonus_counted − penalty_applied, unless a veto set it to 0.
- 失分 `lost`: over the core leaves, maximum − points (N/A leaves lose nothing); a dimension's
  loss is the sum over its core leaves, so every listed loss adds up to the stated one.
  Deductions are never losses: they are listed as deductions.
- 较上期 `change`: the difference of the two figures as printed (each rounded as the set
  rounds), so a reader can check it on the page (`summary.shown_change`).
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assessor.model.indicator_set import Grade
from assessor.model.results import NodeResult, RegionResult
from assessor.scoring.compiled import ROOT, CompiledSet
from assessor.scoring.engine import CONTEXT
from assessor.scoring.peers import competition_ranks
from assessor.scoring.summary import (
    peer_best,
    peer_mean,
    points_lost,
    rank_change,
    ratio,
    shown_change,
)

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Loss:
    """A core leaf that lost points."""

    id: str
    name: str
    dimension: str  # the top-level dimension's id
    points: Decimal | None
    max: Decimal
    lost: Decimal
    status: str


@dataclass(frozen=True, slots=True)
class Deduction:
    """A penalty leaf that took points away (its points are what it deducts)."""

    id: str
    name: str
    dimension: str  # the top-level node it hangs under (itself when at the top)
    points: Decimal
    cap: Decimal  # the most it can take away


@dataclass(frozen=True, slots=True)
class Veto:
    """A veto of the set and whether this region triggered it."""

    id: str
    name: str
    triggered: bool
    effect: str | None  # "zero", "disqualify", "max_stars:N"


@dataclass(frozen=True, slots=True)
class Dimension:
    """A top-level node (core, bonus or penalty) as a reader sees it.

    For a penalty node `points` is what it deducts and `max` the most it can; it has no ratio
    and no loss. `change` is the change of what the node contributes to the total, so a
    smaller deduction is a positive change.
    """

    id: str
    name: str
    kind: str
    points: Decimal | None
    max: Decimal
    ratio: Decimal | None  # points ÷ max (得分率); None for penalties and N/A
    lost: Decimal | None  # core only: the sum of its core leaves' losses
    mean: Decimal | None  # over the peers of the period
    best: Decimal | None  # the peers' best (for a penalty: the smallest deduction)
    previous: Decimal | None
    change: Decimal | None


@dataclass(frozen=True, slots=True)
class NextGrade:
    """The grade just above the region's and how far the rating basis is below its line."""

    grade: Grade
    points_short: Decimal | None  # None when the basis already reaches the minimum score
    basis: str  # "total" or "core" (the rating's basis)
    blocked_by: str | None  # a triggered veto that keeps the region below this grade


@dataclass(frozen=True, slots=True)
class Figures:
    region: str
    period: str
    total: Decimal
    max: Decimal
    core: Decimal
    core_max: Decimal
    bonus_entered: Decimal
    bonus_counted: Decimal
    bonus_cap: Decimal | None
    penalty_entered: Decimal
    penalty_applied: Decimal
    penalty_cap: Decimal
    zeroed: bool  # a veto set the total to 0
    lost: Decimal
    losses: tuple[Loss, ...]  # largest first, then in set order
    deductions: tuple[Deduction, ...]  # largest first, then in set order
    vetoes: tuple[Veto, ...]  # every veto of the set, in set order
    dimensions: tuple[Dimension, ...]
    rank: int | None
    group_rank: int | None
    peers: int
    group_size: int | None
    previous_period: str | None
    previous_total: Decimal | None
    change: Decimal | None
    previous_rank: int | None
    rank_change: int | None  # positive: moved up that many places
    light: str | None  # the rating's colour (green / yellow / red), None when it has none
    next_grade: NextGrade | None

    @property
    def bonus_capped(self) -> bool:
        """True when the total counts less bonus than the bonus nodes earned."""
        return self.bonus_counted < self.bonus_entered


def top_dimension(cs: CompiledSet, node_id: str) -> str:
    """The id of the top-level node a node sits under (itself when at the top)."""
    cn = cs.nodes[node_id]
    while cn.parent not in (ROOT, None):
        cn = cs.nodes[cn.parent]
    return cn.id


def leaf_losses(cs: CompiledSet, r: RegionResult) -> list[Loss]:
    """Core leaves that lost points, largest loss first, then in set order."""
    out = []
    for c in cs.core_leaves:
        n = r.nodes.get(c.id)
        if n is None:
            continue
        lost = points_lost(n)
        if lost > 0:
            out.append(Loss(n.id, n.name, top_dimension(cs, n.id), n.points, n.max, lost,
                            n.status))  # fmt: skip
    out.sort(key=lambda x: -x.lost)  # stable: set order within equal losses
    return out


def node_losses(cs: CompiledSet, r: RegionResult) -> dict[str, Decimal]:
    """Every core node's 失分: the sum of its core leaves' losses (a leaf's own loss for a
    leaf). Bonus, penalty and veto nodes have none: they are not part of the full score."""
    out: dict[str, Decimal] = {}
    for c in cs.post:
        if c.kind != "core" or c.id == ROOT:
            continue
        if c.leaf:
            n = r.nodes.get(c.id)
            out[c.id] = points_lost(n) if n is not None else ZERO
        else:
            out[c.id] = sum((out.get(k, ZERO) for k in c.children), ZERO)
    return out


def node_ratio(n: NodeResult) -> Decimal | None:
    """得分率 of a node; a deduction has none (it is not a score out of a maximum)."""
    return None if n.kind in ("penalty", "veto") else ratio(n)


def deductions(cs: CompiledSet, r: RegionResult) -> list[Deduction]:
    """Penalty leaves that deduct something, largest first, then in set order."""
    out = []
    for c in cs.leaves:
        if c.kind != "penalty":
            continue
        n = r.nodes.get(c.id)
        if n is None or not n.points:
            continue
        out.append(Deduction(n.id, n.name, top_dimension(cs, n.id), n.points, n.max))
    out.sort(key=lambda x: -x.points)
    return out


def vetoes(cs: CompiledSet, r: RegionResult) -> list[Veto]:
    triggered = set(r.vetoes)
    return [Veto(c.id, c.name, c.id in triggered, c.veto_effect) for c in cs.vetoes]


def light(r: RegionResult) -> str | None:
    """A traffic light is the colour of the rating's grade, never a rule of its own."""
    return r.rating.color


def _contribution(n: NodeResult | None) -> Decimal | None:
    if n is None or n.points is None:
        return None
    return -n.points if n.kind == "penalty" else n.points


def dimension_figures(
    cs: CompiledSet,
    r: RegionResult,
    peers: Sequence[RegionResult],
    previous: RegionResult | None,
    losses: Sequence[Loss],
) -> list[Dimension]:
    lost_by_dim: dict[str, Decimal] = {}
    for x in losses:
        lost_by_dim[x.dimension] = lost_by_dim.get(x.dimension, ZERO) + x.lost
    out = []
    for d in cs.root.children:
        cn = cs.nodes[d]
        n = r.nodes.get(d)
        if cn.kind == "veto" or n is None:
            continue
        prev_n = previous.nodes.get(d) if previous is not None else None
        penalty = cn.kind == "penalty"
        pts = [
            p for x in peers if (m := x.nodes.get(d)) is not None and (p := m.points) is not None
        ]
        best = (min(pts) if pts else None) if penalty else peer_best(peers, d)
        out.append(
            Dimension(
                d, n.name, cn.kind, n.points, n.max,
                None if penalty else ratio(n),
                lost_by_dim.get(d, ZERO) if cn.kind == "core" and n.status != "na" else None,
                peer_mean(peers, d), best,
                prev_n.points if prev_n is not None else None,
                shown_change(cs, _contribution(n), _contribution(prev_n)),
            )
        )  # fmt: skip
    return out


def next_grade(cs: CompiledSet, r: RegionResult) -> NextGrade | None:
    """The grade just above the region's (the last grade when it has none); None at the top."""
    if not cs.set.rating or not cs.set.rating.grades:
        return None
    rating = cs.set.rating
    grades = rating.grades
    keys = [g.key for g in grades]
    if r.rating.key is None or r.rating.key not in keys:
        target = grades[-1]
    else:
        i = keys.index(r.rating.key)
        if i == 0:
            return None
        target = grades[i - 1]
    basis = rating.basis
    figure = r.core_total if basis == "core" else r.total
    short: Decimal | None = None
    if target.min_score is not None:
        gap = Decimal(target.min_score) - cs.round(figure)
        short = gap if gap > 0 else None
    blocked = None
    effect = r.rating.veto_effect
    if r.rating.veto is not None and effect is not None:
        capped = effect.startswith("max_stars:") and (target.stars or 0) > int(effect.split(":")[1])
        if effect in ("disqualify", "zero") or capped:
            blocked = r.rating.veto
    return NextGrade(target, short, basis, blocked)


def figures(
    cs: CompiledSet,
    r: RegionResult,
    peers: Sequence[RegionResult],
    previous: RegionResult | None = None,
) -> Figures:
    """Everything a report, a screen or an export shows about `r`.

    `peers` are the results of every region of the same period (r among them); `previous` is
    the same region's result in the previous period, when there is one.
    """
    with decimal.localcontext(CONTEXT):
        return _figures(cs, r, peers, previous)


def _figures(
    cs: CompiledSet,
    r: RegionResult,
    peers: Sequence[RegionResult],
    previous: RegionResult | None,
) -> Figures:
    b = r.breakdown
    losses = leaf_losses(cs, r)
    core_max = sum((cs.nodes[d].max for d in cs.root.children if cs.nodes[d].kind == "core"), ZERO)
    group_size = sum(1 for x in peers if x.group == r.group) if r.group is not None else None
    return Figures(
        region=r.region,
        period=r.period,
        total=r.total,
        max=r.max,
        core=b.core,
        core_max=core_max,
        bonus_entered=b.bonus_entered,
        bonus_counted=b.bonus_counted,
        bonus_cap=b.bonus_cap,
        penalty_entered=b.penalty_entered,
        penalty_applied=b.penalty_applied,
        penalty_cap=b.penalty_cap,
        zeroed=b.zeroed,
        lost=sum((x.lost for x in losses), ZERO),
        losses=tuple(losses),
        deductions=tuple(deductions(cs, r)),
        vetoes=tuple(vetoes(cs, r)),
        dimensions=tuple(dimension_figures(cs, r, peers, previous, losses)),
        rank=r.rank,
        group_rank=r.group_rank,
        peers=len(peers),
        group_size=group_size,
        previous_period=previous.period if previous is not None else None,
        previous_total=previous.total if previous is not None else None,
        change=shown_change(cs, r.total, previous.total if previous is not None else None),
        previous_rank=previous.rank if previous is not None else None,
        rank_change=rank_change(r.rank, previous.rank if previous is not None else None),
        light=light(r),
        next_grade=next_grade(cs, r),
    )


# ------------------------------------------------------------------------- across regions


@dataclass(frozen=True, slots=True)
class Leader:
    rank: int
    region: str
    name: str | None
    points: Decimal


def leaders(
    cs: CompiledSet, results: Sequence[RegionResult], node_id: str, top: int = 3
) -> list[Leader]:
    """The regions ranked `top` or better on a node's printed points, ties kept (1, 2, 2, 2 …
    all shown). A penalty node has no leaders: a deduction is not an achievement."""
    if cs.nodes[node_id].kind in ("penalty", "veto"):
        return []
    scored = {
        r.region: cs.round(p)
        for r in results
        if (n := r.nodes.get(node_id)) is not None and (p := n.points) is not None
    }
    ranks = competition_ranks(scored)
    names = {r.region: r.name for r in results}
    chosen = [rid for rid in scored if ranks[rid] <= top]
    chosen.sort(key=lambda rid: (ranks[rid], rid))
    return [Leader(ranks[rid], rid, names[rid], scored[rid]) for rid in chosen]
