"""周亮晒: each unit's rank on every dimension and on the total, and how it moved since the
previous period (source 004: "对各区、县(市)以及市级各部门实行'周亮晒、月评价、年考核'").

Ranks are competition ranks (1, 2, 2, 4) of the points as displayed, among the units scored
together (one unit kind); a unit without points on a dimension is not ranked on it. A move is
previous rank − current rank (positive: up). Reports only format these numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assessor.model.results import RegionResult
from assessor.scoring.compiled import CompiledSet
from assessor.scoring.peers import competition_ranks


@dataclass(frozen=True, slots=True)
class Standing:
    """One unit on one dimension (or the total) in one period."""

    points: Decimal | None
    rank: int | None
    previous_rank: int | None
    move: int | None  # previous − current; None when either is missing
    change: Decimal | None  # points now − points in the previous period (as displayed)


@dataclass(frozen=True, slots=True)
class StandingRow:
    region: str
    name: str | None
    dimensions: tuple[Standing, ...]
    total: Standing
    rank_points: Decimal | None


@dataclass(frozen=True, slots=True)
class Standings:
    period: str
    previous: str | None
    dimensions: tuple[str, ...]  # node ids, in set order
    rows: tuple[StandingRow, ...]  # by the rank of the total


def _ranks(cs: CompiledSet, points: dict[str, Decimal | None]) -> dict[str, int]:
    shown = {k: cs.round(v) for k, v in points.items() if v is not None}
    return competition_ranks(shown)


def _column(
    cs: CompiledSet,
    now: Sequence[RegionResult],
    before: Sequence[RegionResult],
    node: str | None,
) -> dict[str, Standing]:
    def pts(r: RegionResult) -> Decimal | None:
        if node is None:
            return r.total
        n = r.nodes.get(node)
        return None if n is None or n.status == "na" else n.points

    cur = {r.region: pts(r) for r in now}
    prev = {r.region: pts(r) for r in before}
    ranks, prev_ranks = _ranks(cs, cur), _ranks(cs, prev)
    out: dict[str, Standing] = {}
    for rid, p in cur.items():
        rank, was = ranks.get(rid), prev_ranks.get(rid)
        move = was - rank if rank is not None and was is not None else None
        old = prev.get(rid)
        change = cs.round(p) - cs.round(old) if p is not None and old is not None else None
        out[rid] = Standing(p, rank, was, move, change)
    return out


def standings(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    previous: Sequence[RegionResult] = (),
) -> Standings:
    """The 周亮晒 table of one period: every top-level core dimension and the total."""
    dims = tuple(c for c in cs.root.children if cs.nodes[c].kind == "core")
    columns = [_column(cs, results, previous, d) for d in dims]
    total = _column(cs, results, previous, None)
    rows = [
        StandingRow(
            r.region,
            r.name,
            tuple(col[r.region] for col in columns),
            total[r.region],
            r.rank_points.points if r.rank_points is not None else None,
        )
        for r in results
    ]
    rows.sort(key=lambda x: (x.total.rank or 10**9, x.region))
    period = results[0].period if results else ""
    before = previous[0].period if previous else None
    return Standings(period, before, dims, tuple(rows))


__all__ = ["Standing", "StandingRow", "Standings", "standings"]
