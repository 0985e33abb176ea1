"""Numbers derived from results for reports and screens: points lost, peer statistics, change
against another period. They are arithmetic on scores, so they live here, not in templates;
`assessor.scoring.figures` puts them together per region."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from assessor.model.results import NodeResult, RegionResult
from assessor.scoring.compiled import CompiledSet

ZERO = Decimal(0)


def points_lost(node: NodeResult) -> Decimal:
    """Maximum minus points; an N/A node loses nothing (its points went to its siblings)."""
    if node.status == "na":
        return ZERO
    lost = node.max - (node.points or ZERO)
    return lost if lost > 0 else ZERO


def region_points_lost(cs: CompiledSet, result: RegionResult) -> Decimal:
    """The sum of the core leaves' losses (失分). Bonus does not make up for a loss and a
    deduction is not one: both are shown as what they are."""
    total = ZERO
    for c in cs.core_leaves:
        n = result.nodes.get(c.id)
        if n is not None:
            total += points_lost(n)
    return total


def shown_change(
    cs: CompiledSet, current: Decimal | None, previous: Decimal | None
) -> Decimal | None:
    """The change between two figures as printed, each rounded as the set rounds: a reader can
    check it from the page (the exact change can differ from it in the last digit)."""
    if current is None or previous is None:
        return None
    return cs.round(current) - cs.round(previous)


def rank_change(current: int | None, previous: int | None) -> int | None:
    """Places moved between two ranks: positive is up (a smaller rank number)."""
    if current is None or previous is None:
        return None
    return previous - current


def fraction(points: Decimal | None, maximum: Decimal) -> Decimal | None:
    """points ÷ maximum, the scale of 得分率 and of every chart; None without either."""
    if points is None or not maximum:
        return None
    return points / maximum


def ratio(node: NodeResult) -> Decimal | None:
    """A node's points ÷ its maximum (得分率), None for N/A nodes and nodes without a maximum."""
    return fraction(node.points, node.max)


def peer_points(results: Iterable[RegionResult], node_id: str) -> list[Decimal]:
    return [
        p
        for r in results
        if (n := r.nodes.get(node_id)) is not None and (p := n.points) is not None
    ]


def peer_mean(results: Iterable[RegionResult], node_id: str) -> Decimal | None:
    """Mean of a node's points over the regions that have points for it (N/A ones left out)."""
    pts = peer_points(results, node_id)
    return sum(pts, ZERO) / Decimal(len(pts)) if pts else None


def peer_best(results: Iterable[RegionResult], node_id: str) -> Decimal | None:
    pts = peer_points(results, node_id)
    return max(pts) if pts else None


def mean_total(results: Iterable[RegionResult]) -> Decimal | None:
    """The average total of the regions given (the league table's 平均总分)."""
    totals = [r.total for r in results]
    return sum(totals, ZERO) / Decimal(len(totals)) if totals else None


@dataclass(frozen=True, slots=True)
class Change:
    """How a region moved between two periods (None where the earlier period has no result)."""

    total: Decimal | None
    rank: int | None  # positive: moved up that many places
    rating_changed: bool
    previous_total: Decimal | None
    previous_rank: int | None
    previous_rating: str | None


def change(cs: CompiledSet, current: RegionResult, previous: RegionResult | None) -> Change:
    """The total's change is `shown_change`: the same figure in the TUI and the reports."""
    if previous is None:
        return Change(None, None, False, None, None, None)
    return Change(
        shown_change(cs, current.total, previous.total),
        rank_change(current.rank, previous.rank),
        previous.rating.key != current.rating.key,
        previous.total,
        previous.rank,
        previous.rating.label,
    )


def changes(
    cs: CompiledSet, current: Sequence[RegionResult], previous: Sequence[RegionResult]
) -> dict[str, Change]:
    """Per region of `current`, its change against the same region in `previous`."""
    before = {r.region: r for r in previous}
    return {r.region: change(cs, r, before.get(r.region)) for r in current}
