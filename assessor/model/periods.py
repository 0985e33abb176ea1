"""Periods: 2024, 2024-Q1, 2024-03, 2024-W09 (spec §1.7).

An ISO week belongs to the month and quarter of its Thursday.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assessor.text.catalogue import said

PERIOD_PATTERN = r"^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3])))?$"
_RE = re.compile(PERIOD_PATTERN)

PeriodKind = Literal["year", "quarter", "month", "week"]
_ORDER: dict[str, int] = {"year": 0, "quarter": 1, "month": 2, "week": 3}


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: PeriodKind
    number: int  # quarter 1-4, month 1-12, week 1-53; 0 for a year

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        return f"{self.year}-W{self.number:02d}"

    @property
    def label_zh(self) -> str:
        from assessor.text.formats import period_label

        return period_label(str(self))

    def _anchor(self) -> tuple[int, int]:
        """(year, month) the period sits in; a week is placed by its Thursday."""
        if self.kind == "week":
            thursday = dt.date.fromisocalendar(self.year, self.number, 4)
            return thursday.year, thursday.month
        if self.kind == "month":
            return self.year, self.number
        raise AssertionError("only weeks and months have an anchor month")

    def contains(self, other: Period) -> bool:
        """True when `other` is a shorter period inside this one."""
        if _ORDER[other.kind] <= _ORDER[self.kind]:
            return False
        if other.kind == "quarter":
            return self.kind == "year" and other.year == self.year
        year, month = other._anchor()
        if self.kind == "year":
            return year == self.year
        if self.kind == "quarter":
            return year == self.year and (month - 1) // 3 + 1 == self.number
        return (year, month) == (self.year, self.number)

    def previous(self) -> Period:
        if self.kind == "year":
            return Period(self.year - 1, "year", 0)
        if self.kind == "quarter":
            return (
                Period(self.year, "quarter", self.number - 1)
                if self.number > 1
                else Period(self.year - 1, "quarter", 4)
            )
        if self.kind == "month":
            return (
                Period(self.year, "month", self.number - 1)
                if self.number > 1
                else Period(self.year - 1, "month", 12)
            )
        monday = dt.date.fromisocalendar(self.year, self.number, 1) - dt.timedelta(days=7)
        iso = monday.isocalendar()
        return Period(iso.year, "week", iso.week)

    def next(self) -> Period:
        if self.kind == "year":
            return Period(self.year + 1, "year", 0)
        if self.kind == "quarter":
            return (
                Period(self.year, "quarter", self.number + 1)
                if self.number < 4
                else Period(self.year + 1, "quarter", 1)
            )
        if self.kind == "month":
            return (
                Period(self.year, "month", self.number + 1)
                if self.number < 12
                else Period(self.year + 1, "month", 1)
            )
        monday = dt.date.fromisocalendar(self.year, self.number, 1) + dt.timedelta(days=7)
        iso = monday.isocalendar()
        return Period(iso.year, "week", iso.week)


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    text = str(text).strip()
    if not _RE.match(text):
        raise PeriodError(said("load.period_form", value=repr(text)))
    year = int(text[:4])
    rest = text[5:]
    if not rest:
        return Period(year, "year", 0)
    if rest[0] == "Q":
        return Period(year, "quarter", int(rest[1:]))
    if rest[0] == "W":
        week = int(rest[1:])
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError as exc:
            raise PeriodError(
                said("load.period_no_week", value=repr(text), year=year, week=week)
            ) from exc
        return Period(year, "week", week)
    return Period(year, "month", int(rest))


def period_sort_key(text: str) -> tuple[int, int, int]:
    p = parse_period(text)
    if p.kind == "week":
        y, m = p._anchor()
        return (y, m, 100 + p.number)
    if p.kind == "month":
        return (p.year, p.number, 99)
    if p.kind == "quarter":
        return (p.year, p.number * 3, 99 + 50)
    return (p.year, 12, 999)
