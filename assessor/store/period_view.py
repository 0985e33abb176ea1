"""One period of one kind of unit as the engine scores it from the workspace: what
`assessor score WORKSPACE --period P --kind K` prints, for the TUI and `period compare`.

A period with entries of its own is scored from them (leaves fed by tasks valued, as
`Workspace.assessment` does); a month, quarter or year of a weekly campaign has none and is
rolled up by the engine from the shorter periods inside it (spec §1.7), and a year whose set
composes rank points from its months gets them from its months too. Only the periods inside the
one asked for are read: the engine uses no other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessor.model.entries import Assessment
from assessor.model.periods import parse_period, period_sort_key

if TYPE_CHECKING:
    from assessor.model.results import RegionResult
    from assessor.scoring.compiled import CompiledSet
    from assessor.store.workspace import Workspace


@dataclass(frozen=True)
class PeriodScores:
    """A period's own entries (empty when it is rolled up) and the engine's results."""

    period: str
    assessment: Assessment
    results: list[RegionResult]
    rolled_up_from: tuple[str, ...]  # the shorter periods it is composed of; () when typed in

    @property
    def rolled_up(self) -> bool:
        """Composed of shorter periods: nothing is typed into it (the TUI shows it read-only)."""
        return bool(self.rolled_up_from)


def inner_periods(period: str, present: list[str]) -> list[str]:
    """The periods of `present` strictly inside `period`, in time order (W14–W17 in 2021-04)."""
    target = parse_period(period)
    inside = (p for p in present if p != str(target) and target.contains(parse_period(p)))
    return sorted(inside, key=period_sort_key)


def score_period(ws: Workspace, cs: CompiledSet, period: str) -> PeriodScores:
    """Score `period` for the units of the view `ws` (one kind) with its set compiled as `cs`."""
    from assessor.scoring import score

    own = ws.assessment(period)
    has_own = any(own.entries.values())
    rule = cs.set.rank_points
    composes = rule is not None and rule.year is not None and parse_period(period).kind == "year"
    if has_own and not composes:
        results = score(cs, own, period=period, consolidation=ws.consolidation)
        return PeriodScores(period, own, results, ())
    inner = inner_periods(period, ws.store.periods(ws.set_id, stage=ws.stage))
    if not inner:  # nothing inside it either: an empty period, typed into like any other
        results = score(cs, own, consolidation=ws.consolidation)
        return PeriodScores(period, own, results, ())
    assessments = [own, *(ws.assessment(p) for p in inner)]
    results = score(cs, assessments, period=period, consolidation=ws.consolidation)
    if has_own:  # a year with entries of its own (年终考核) beside its months' rank points
        return PeriodScores(period, own, results, ())
    rolled = results[0].rolled_up_from if results else tuple(inner)
    empty = Assessment(period=own.period, regions=dict(own.regions))
    return PeriodScores(period, empty, results, tuple(rolled))


def previous_scorable(period: str, present: list[str]) -> str | None:
    """The latest period of the kind of `period` before it that the `present` periods (those
    with entries) make scorable: W09 before W10, 2021-03 (from its weeks) before 2021-04."""
    from assessor.scoring.history import previous_period

    return previous_period(period, present)


def periods_of_kind(kind: str, present: list[str]) -> list[str]:
    """Every period of `kind` (week, month, quarter, year) the `present` periods make
    scorable, in time order: the months a weekly campaign's weeks roll up into."""
    from assessor.scoring.history import enclosing

    found = {enclosing(parse_period(p), kind) for p in present}
    return sorted((str(p) for p in found if p is not None), key=period_sort_key)


__all__ = [
    "PeriodScores",
    "inner_periods",
    "periods_of_kind",
    "previous_scorable",
    "score_period",
]
