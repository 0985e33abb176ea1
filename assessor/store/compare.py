"""Two periods side by side: per region and per node, how the engine's results moved.

The engine scores each period; this module only lines the two result lists up. Every delta is
the engine's (`summary.shown_change`, `summary.rank_change`): the difference of the two figures
an evaluator sees, the same as in the reports and the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assessor.model.results import RankPointsResult, RegionResult
from assessor.scoring import CompiledSet
from assessor.scoring.summary import rank_change, shown_change


@dataclass(frozen=True, slots=True)
class NodeDelta:
    """One node of one region: its points (rounded for display) before and after."""

    id: str
    name: str
    before: Decimal | None
    after: Decimal | None
    delta: Decimal | None  # after − before; None when either side has no points (na, absent)
    before_level: int | None = None
    after_level: int | None = None
    before_status: str | None = None
    after_status: str | None = None


@dataclass(frozen=True, slots=True)
class RegionDelta:
    """One region across two periods. `before`/`after` are None where a period has no result."""

    region: str
    name: str | None
    before_total: Decimal | None
    after_total: Decimal | None
    total_delta: Decimal | None
    before_rank: int | None
    after_rank: int | None
    rank_change: int | None  # positive: moved up that many places
    before_rating: str | None
    after_rating: str | None
    nodes: dict[str, NodeDelta] = field(default_factory=dict)
    before_points: RankPointsResult | None = None  # 排名得分 (the engine's; a year: composed)
    after_points: RankPointsResult | None = None

    @property
    def rating_changed(self) -> bool:
        return self.before_rating != self.after_rating


def compare_results(
    cs: CompiledSet, before: list[RegionResult], after: list[RegionResult]
) -> list[RegionDelta]:
    """Line up two periods' results (each from `assessor.scoring.score`) region by region.

    Regions are ordered by their rank in the later period, then by code.
    """
    rb = {r.region: r for r in before}
    ra = {r.region: r for r in after}

    def rounded(v: Decimal | None) -> Decimal | None:
        return None if v is None else cs.round(v)

    def order(rid: str) -> tuple[int, str]:
        rank = ra[rid].rank if rid in ra else None
        return (rank if rank is not None else 10**9, rid)

    out = []
    for rid in sorted(set(rb) | set(ra), key=order):
        b, a = rb.get(rid), ra.get(rid)
        nodes: dict[str, NodeDelta] = {}
        for nid in cs.node_ids():
            nb = b.nodes.get(nid) if b else None
            na = a.nodes.get(nid) if a else None
            if nb is None and na is None:
                continue
            pb = rounded(nb.points) if nb else None
            pa = rounded(na.points) if na else None
            nodes[nid] = NodeDelta(
                nid, cs.nodes[nid].name, pb, pa,
                shown_change(cs, na.points if na else None, nb.points if nb else None),
                nb.level if nb else None, na.level if na else None,
                nb.status if nb else None, na.status if na else None,
            )  # fmt: skip
        tb = rounded(b.total) if b else None
        ta = rounded(a.total) if a else None
        out.append(
            RegionDelta(
                rid,
                (a.name if a else None) or (b.name if b else None),
                tb,
                ta,
                shown_change(cs, a.total if a else None, b.total if b else None),
                b.rank if b else None,
                a.rank if a else None,
                rank_change(a.rank if a else None, b.rank if b else None),
                b.rating.label if b else None,
                a.rating.label if a else None,
                nodes,
                b.rank_points if b else None,
                a.rank_points if a else None,
            )
        )
    return out
