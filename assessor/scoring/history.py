"""Which periods a report compares: the periods of one kind up to the reported one.

A period is "there" when it has entries of its own or shorter periods with entries inside it
(a month rolled up from its weeks, spec §1.7). The previous period is the latest such period of
the same kind before the reported one; nothing after the reported period is ever used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from assessor.model.entries import Assessment
from assessor.model.indicator_set import Consolidation
from assessor.model.periods import Period, parse_period, period_sort_key
from assessor.model.results import RegionResult
from assessor.scoring.compiled import CompiledSet
from assessor.scoring.engine import merge_assessments, score

_DEPTH = {"year": 0, "quarter": 1, "month": 2, "week": 3}


def enclosing(p: Period, kind: str) -> Period | None:
    """The period of `kind` that `p` belongs to (itself when of that kind); None when `p` is
    longer than `kind` (a year is in no month)."""
    if p.kind == kind:
        return p
    if _DEPTH[p.kind] < _DEPTH[kind]:
        return None
    if p.kind == "week":  # a week belongs to the month, quarter and year of its Thursday
        thursday = dt.date.fromisocalendar(p.year, p.number, 4)
        year, month = thursday.year, thursday.month
    elif p.kind == "month":
        year, month = p.year, p.number
    else:  # a quarter, asked for its year
        return Period(p.year, "year", 0)
    if kind == "month":
        return Period(year, "month", month)
    if kind == "quarter":
        return Period(year, "quarter", (month - 1) // 3 + 1)
    return Period(year, "year", 0)


def periods_up_to(period: str, present: Iterable[str]) -> list[str]:
    """Every period of the kind of `period`, up to and including it, that the `present` periods
    (those with entries) make scorable, in time order."""
    target = parse_period(period)
    end = period_sort_key(str(target))
    found: set[str] = set()
    for p in present:
        around = enclosing(parse_period(p), target.kind)
        if around is not None and period_sort_key(str(around)) <= end:
            found.add(str(around))
    return sorted(found, key=period_sort_key)


def previous_period(period: str, present: Iterable[str]) -> str | None:
    """The latest period of the same kind before `period` that `present` makes scorable."""
    earlier = [p for p in periods_up_to(period, present) if p != str(parse_period(period))]
    return earlier[-1] if earlier else None


def periods_with_entries(assessments: Sequence[Assessment]) -> list[str]:
    return [p for p, a in merge_assessments(assessments).items() if any(a.entries.values())]


def score_history(
    cs: CompiledSet,
    assessments: Sequence[Assessment],
    period: str,
    consolidation: Consolidation | None = None,
    previous: str | None = None,
) -> list[RegionResult]:
    """The results of `period` and of every earlier period of its kind (rolled up where they
    have no entries of their own), plus `previous` when it is named and of another kind.

    This is what a report of `period` may show: its trend and its 较上期 come from these.
    """
    present = periods_with_entries(assessments)
    wanted = periods_up_to(period, [*present, period])
    if previous is not None:
        prev = str(parse_period(previous))
        if prev not in wanted:
            wanted.append(prev)
    out: list[RegionResult] = []
    for p in wanted:
        out.extend(score(cs, assessments, period=p, consolidation=consolidation))
    return out


def up_to(results: Iterable[RegionResult], period: str) -> list[RegionResult]:
    """The results of `period` and of earlier periods of its kind: what a report may show."""
    target = parse_period(period)
    end = period_sort_key(str(target))
    return [
        r
        for r in results
        if parse_period(r.period).kind == target.kind and period_sort_key(r.period) <= end
    ]
