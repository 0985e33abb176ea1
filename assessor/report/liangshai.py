"""The 周亮晒 section of a bulletin: the engine's standings (scoring/standings.py) as text.

Nothing is computed here: ranks, moves and changes come from the engine; this module only
rounds for display and turns a move into an arrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assessor.model.results import RegionResult
from assessor.scoring.compiled import CompiledSet
from assessor.scoring.output import display
from assessor.scoring.standings import Standing, standings


def _cell(cs: CompiledSet, s: Standing, had_previous: bool) -> dict[str, str]:
    from assessor.report.context import rank_move, signed

    arrow, cls = rank_move(s.rank, s.move, had_previous and s.previous_rank is not None)
    return {
        "points": display(cs, s.points),
        "rank": str(s.rank) if s.rank is not None else "—",
        "move": arrow,
        "move_class": cls,
        "change": signed(cs, s.change) if s.change is not None else "—",
    }


def liangshai_context(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    previous: Sequence[RegionResult],
    unit_label: str,
) -> dict[str, Any] | None:
    """Rows for templates/_liangshai.html; None when there is nothing to rank."""
    if not results:
        return None
    board = standings(cs, results, previous)
    had = bool(previous)
    return {
        "unit_label": unit_label,
        "dimensions": [cs.nodes[d].name for d in board.dimensions],
        "has_rank_points": any(row.rank_points is not None for row in board.rows),
        "rows": [
            {
                "name": row.name or row.region,
                "dims": [_cell(cs, s, had) for s in row.dimensions],
                "total": _cell(cs, row.total, had),
                "rank_points": display(cs, row.rank_points),
            }
            for row in board.rows
        ],
    }
