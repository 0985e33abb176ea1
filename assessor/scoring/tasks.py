"""Where a task stands against its schedule on a date: 已完成, 按序时推进, 滞后于序时 or 逾期.

The schedule (序时进度) is the share of the task that should be done by the date:
- with milestones, the share of the last milestone due on or before the date (a milestone due
  today counts: on its date it should be reached);
- without, time elapsed from the start (1 January of the deadline's year unless given) to the
  deadline, by calendar days;
- 100 % from the deadline on.

Status, in this order: done (100 % or marked done) → 已完成 (late if finished after the
deadline); the date after the deadline → 逾期; progress ≥ schedule → 按序时推进; else 滞后于序时.
On the deadline day an unfinished task is 滞后于序时, not yet 逾期. Lights: 已完成 and 按序时推进
green, 滞后 yellow, 逾期 red.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from assessor.errors import Said
from assessor.model.tasks import Task, TaskProgress
from assessor.text.catalogue import said, say

Status = Literal["done", "on_schedule", "behind", "overdue"]
STATUSES: tuple[Status, ...] = ("done", "on_schedule", "behind", "overdue")
HUNDRED = Decimal(100)
ZERO = Decimal(0)

WORDS: dict[Status, Said] = {s: said(f"engine.task.{s}") for s in STATUSES}
LIGHTS: dict[Status, str] = {
    "done": "green",
    "on_schedule": "green",
    "behind": "yellow",
    "overdue": "red",
}


@dataclass(frozen=True)
class TaskState:
    task: Task
    on: dt.date
    status: Status
    planned: Decimal  # percent that should be done by `on`
    actual: Decimal  # percent done as known on `on`
    late: bool = False  # finished, but after the deadline

    @property
    def light(self) -> str:
        return LIGHTS[self.status]

    def words(self, lang: str) -> str:
        text = WORDS[self.status].text(lang)
        if self.late:
            text += say("engine.task.late", lang)
        return text

    def explain(self, lang: str) -> str:
        """e.g. "序时 50%，实际 40% → 滞后于序时"."""
        return say("engine.task.explain", lang, planned=_pct(self.planned),
                   actual=_pct(self.actual), status=self.words(lang))  # fmt: skip


def _pct(x: Decimal) -> str:
    return f"{x.quantize(Decimal('0.1')).normalize():f}%"


def planned_share(task: Task, on: dt.date) -> Decimal:
    """Percent of `task` that should be done by the end of `on`."""
    if on >= task.deadline:
        return HUNDRED
    if task.milestones:
        due = [m.share for m in task.milestones if m.due <= on]
        return max(due) if due else ZERO
    start = task.starts()
    if on <= start:
        return ZERO
    elapsed = Decimal((on - start).days)
    span = Decimal((task.deadline - start).days)
    return elapsed * HUNDRED / span


def actual_share(task: Task, progress: TaskProgress | None) -> Decimal:
    """Percent done: marked done → 100; else the larger of the percentage entered and the
    share of the last milestone reached."""
    if progress is None:
        return ZERO
    if progress.done:
        return HUNDRED
    shares = [m.share for m in task.milestones if m.name in progress.reached]
    return max([progress.percent or ZERO, *shares])


def task_state(task: Task, progress: TaskProgress | None, on: dt.date) -> TaskState:
    planned = planned_share(task, on)
    actual = actual_share(task, progress)
    if actual >= HUNDRED:
        finished = (progress.done_on if progress else None) or (progress.as_of if progress else on)
        return TaskState(task, on, "done", planned, actual, late=finished > task.deadline)
    if on > task.deadline:
        return TaskState(task, on, "overdue", planned, actual)
    status: Status = "on_schedule" if actual >= planned else "behind"
    return TaskState(task, on, status, planned, actual)


def task_states(
    tasks: Iterable[Task], progress: Iterable[TaskProgress], on: dt.date
) -> list[TaskState]:
    """Every task's state on `on`, from the latest progress known by then."""
    latest: dict[str, TaskProgress] = {}
    for p in progress:
        if p.as_of <= on and (p.task not in latest or p.as_of >= latest[p.task].as_of):
            latest[p.task] = p
    return [task_state(t, latest.get(t.id), on) for t in tasks]


@dataclass(frozen=True)
class Tally:
    category: str
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def sentence(self, lang: str) -> str:
        """ "17项主责任务：已完成 5 项，按序时推进 11 项，滞后于序时 1 项" (statuses with none left out)."""
        parts = [(WORDS[s].text(lang), n) for s, n in self.counts.items() if n]
        body = say("punct.comma", lang).join(
            say("engine.task.count", lang, status=w, n=n) for w, n in parts
        )
        return say("engine.task.tally", lang, total=self.total, category=self.category, counts=body)


def tally(states: Sequence[TaskState]) -> list[Tally]:
    """Counts per category, categories in the order they first appear."""
    out: dict[str, dict[Status, int]] = {}
    for s in states:
        counts = out.setdefault(s.task.category, dict.fromkeys(STATUSES, 0))
        counts[s.status] += 1
    return [Tally(category, counts) for category, counts in out.items()]


def overall(states: Sequence[TaskState], category: str = "任务") -> Tally:
    """Counts over every category (a unit's line in the 亮进度 bulletin)."""
    counts = dict.fromkeys(STATUSES, 0)
    for s in states:
        counts[s.status] += 1
    return Tally(category, counts)


def unit_light(states: Sequence[TaskState]) -> str | None:
    """A unit's light: red if any task is overdue, yellow if any is behind, else green."""
    if not states:
        return None
    worst = max((s.status for s in states), key=STATUSES.index)
    return LIGHTS[worst]


def share_on_schedule(states: Sequence[TaskState]) -> Decimal | None:
    """Percent of tasks done or on schedule: what an indicator "全部按时序推进" scores."""
    if not states:
        return None
    good = sum(1 for s in states if s.status in ("done", "on_schedule"))
    return Decimal(good) * HUNDRED / Decimal(len(states))


__all__ = [
    "STATUSES",
    "Tally",
    "TaskState",
    "actual_share",
    "overall",
    "planned_share",
    "share_on_schedule",
    "tally",
    "task_state",
    "task_states",
    "unit_light",
]
