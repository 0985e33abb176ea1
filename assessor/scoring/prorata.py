"""序时进度: the share of a yearly target due by the last day of a week, month or quarter.

Shaoxing judges its counties weekly ("周亮晒") against yearly targets (新增共享接口 100 个以上);
a county on schedule in W10 must score full marks, so the target of a shorter period is the
yearly target × the share of the year due by the period's last day: calendar days elapsed, or a
schedule of month-end milestones interpolated by days (0 % on 1 January).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal

from assessor.model.indicator_set import ProRata
from assessor.model.periods import Period

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Due:
    """The share due at a period's end, and the numbers it came from (for the explanation)."""

    share: Decimal  # 0..1
    end: dt.date  # the period's last day (within its year)
    day: int  # day of the year of `end`, 1-based
    days: int  # days in the year
    # schedule: the milestones around `end`: (day, percent) before and after; None by days
    between: tuple[tuple[int, Decimal], tuple[int, Decimal]] | None = None

    def words(self, zh: bool) -> str:
        date = f"{self.end.month}月{self.end.day}日" if zh else self.end.isoformat()
        if self.between is None:
            return (
                f"序时进度 截至{date} {self.day}/{self.days} 天 = {pct_text(self.share)}"
                if zh
                else f"pro rata to {date}: {self.day}/{self.days} days = {pct_text(self.share)}"
            )
        (d0, p0), (d1, p1) = self.between
        if self.day == d1 or d0 == d1:
            how = f"{pct_text(p1 / HUNDRED)}"
        else:
            how = (
                f"{_n(p0)}% + ({_n(p1)}% − {_n(p0)}%) × ({self.day} − {d0})/({d1} − {d0}) "
                f"= {pct_text(self.share)}"
            )
        return f"序时进度（按计划）截至{date}：{how}" if zh else f"scheduled share to {date}: {how}"


def period_end(period: Period) -> tuple[int, dt.date]:
    """The year a period's target belongs to and its last day inside that year.

    A week belongs to the year of its Thursday (ISO); a week running into the next year ends,
    for the target, on 31 December; a week starting in the previous year is counted from the
    days it has in its own year.
    """
    if period.kind == "year":
        return period.year, dt.date(period.year, 12, 31)
    if period.kind == "quarter":
        month = period.number * 3
        return period.year, _month_end(period.year, month)
    if period.kind == "month":
        return period.year, _month_end(period.year, period.number)
    thursday = dt.date.fromisocalendar(period.year, period.number, 4)
    sunday = dt.date.fromisocalendar(period.year, period.number, 7)
    year = thursday.year
    return year, min(sunday, dt.date(year, 12, 31))


def due(rule: ProRata, period: Period) -> Due:
    """The share of the yearly target due by the end of `period` (exact)."""
    year, end = period_end(period)
    day = end.timetuple().tm_yday
    days = 366 if _leap(year) else 365
    if rule.by == "days" or not rule.schedule:
        return Due(Decimal(day) / Decimal(days), end, day, days)
    points: list[tuple[int, Decimal]] = [(0, ZERO)]
    points += [
        (_month_end(year, m).timetuple().tm_yday, Decimal(p))
        for m, p in sorted(rule.schedule.items())
    ]
    lo, hi = points[0], points[-1]
    for a, b in itertools.pairwise(points):
        if a[0] <= day <= b[0]:
            lo, hi = a, b
            break
    else:
        lo = hi = points[-1]
    (d0, p0), (d1, p1) = lo, hi
    pct = p1 if d1 == d0 else p0 + (p1 - p0) * Decimal(day - d0) / Decimal(d1 - d0)
    return Due(pct / HUNDRED, end, day, days, (lo, hi))


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _n(x: Decimal) -> str:
    from assessor.scoring.methods import fmt

    return fmt(x)


def pct_text(share: Decimal) -> str:
    """A share as a percentage for reading: 0.2 → 20%, 73/365 → 20%, 0.4959 → ≈49.59%."""
    pct = share * HUNDRED
    q = pct.quantize(Decimal("0.01"))
    return f"{_n(q)}%" if q == pct else f"≈{_n(q)}%"


__all__ = ["Due", "due", "pct_text", "period_end"]
