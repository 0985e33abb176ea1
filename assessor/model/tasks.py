"""Tasks with deadlines, tracked 按时序推进: what a work plan promises and by when.

Binzhou's bureau reports its year as "6项'1+8+1'重点工作、3件民生实事和17项主责任务全部按时序推进"
and its practice as "已完成2项，按序时进度推进10项，未达到序时进度1项". A task has a category, a
deadline and optionally milestones with the share planned to be done by each date; progress is
entered as a percentage, as milestones reached, or as done. `assessor.scoring.tasks` turns a
task and its progress on a date into 已完成 / 按序时推进 / 滞后于序时 / 逾期.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assessor.text.catalogue import said


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Milestone(_Strict):
    """A dated step: `share` percent of the task is planned to be done by `due`."""

    name: str = Field(min_length=1)
    due: dt.date
    share: Decimal = Field(gt=0, le=100, description="percent planned done by `due`")


class Task(_Strict):
    id: str = Field(min_length=1, pattern=r"^[^\s]+$")
    name: str = Field(min_length=1)
    category: str = Field(min_length=1, description="e.g. 重点工作, 民生实事, 主责任务")
    deadline: dt.date
    start: dt.date | None = Field(
        default=None,
        description="when the schedule starts (default: 1 January of the deadline's year)",
    )
    milestones: tuple[Milestone, ...] = ()
    owner: str | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Task:
        start = self.starts()
        if start >= self.deadline:
            raise ValueError(said("load.task.start", start=start, deadline=self.deadline))
        previous: Milestone | None = None
        for m in self.milestones:
            if not start <= m.due <= self.deadline:
                raise ValueError(
                    said(
                        "load.task.milestone_outside",
                        name=repr(m.name),
                        due=m.due,
                        start=start,
                        deadline=self.deadline,
                    )
                )
            if previous is not None and (m.due <= previous.due or m.share <= previous.share):
                raise ValueError(
                    said(
                        "load.task.milestones_grow",
                        first=repr(previous.name),
                        first_due=previous.due,
                        first_share=previous.share,
                        then=repr(m.name),
                        then_due=m.due,
                        then_share=m.share,
                    )
                )
            previous = m
        return self

    def starts(self) -> dt.date:
        return self.start or dt.date(self.deadline.year, 1, 1)


class TaskProgress(_Strict):
    """What is known of a task on `as_of`: a percentage, milestones reached, or done."""

    task: str
    as_of: dt.date
    percent: Decimal | None = Field(default=None, ge=0, le=100)
    reached: tuple[str, ...] = Field(default=(), description="names of the milestones reached")
    done: bool = False
    done_on: dt.date | None = None
    comment: str | None = None


__all__ = ["Milestone", "Task", "TaskProgress"]
