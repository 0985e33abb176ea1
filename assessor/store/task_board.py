"""A workspace's tasks as the CLI, the TUI and the reports ask for them: the tasks file, the
progress in the store, and the engine's status of each task on a date.

Front ends never compute a status, a count or a share themselves: they ask this board, which
asks `assessor.scoring.tasks`. Progress entered here is checked against the task first (known
milestone names, a date inside the campaign's year) so nothing half-valid is stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from assessor.errors import AssessorError, Problem
from assessor.loader.tasks import TaskBook, load_tasks
from assessor.model.tasks import Task, TaskProgress
from assessor.scoring.tasks import Tally, TaskState, share_on_schedule, tally, task_states
from assessor.store.config import WORKSPACE_FILE
from assessor.store.errors import listed
from assessor.store.tasks import StoredProgress, TaskProgressStore
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.model.entries import Assessment
    from assessor.store.config import UnitKind
    from assessor.store.workspace import Workspace


@dataclass(frozen=True)
class UnitTasks:
    """One unit's tasks on a date: each task's state and the counts by category."""

    unit: str
    name: str
    on: dt.date
    states: list[TaskState]
    tallies: list[Tally]

    @property
    def share(self) -> Decimal | None:
        return share_on_schedule(self.states)


@dataclass(frozen=True)
class KindTasks:
    """The units of one kind with their tasks on a date: shown apart from other kinds, as the
    rankings are (区、县（市） before 市级部门). `several`: the campaign has several kinds, so
    front ends head the group with the kind's label."""

    kind: UnitKind
    units: list[UnitTasks]
    several: bool

    @property
    def states(self) -> list[TaskState]:
        return [s for u in self.units for s in u.states]


def tasks_path(ws: Workspace) -> str:
    """The tasks file named by workspace.yaml (inside the workspace), or a clear error."""
    from assessor.store.config import _inside

    if not ws.config.tasks:
        raise AssessorError(
            Problem(
                said("store.no_tasks_file"),
                file=str(ws.folder / WORKSPACE_FILE),
                key="tasks",
            )
        )
    path = ws.folder / ws.config.tasks
    if not _inside(path, ws.folder) or not path.is_file():
        raise AssessorError(
            Problem(
                said("store.tasks_file_missing", file=repr(ws.config.tasks), folder=ws.folder),
                file=str(ws.folder / WORKSPACE_FILE),
                key="tasks",
            )
        )
    return str(path)


class TaskBoard:
    def __init__(self, ws: Workspace) -> None:
        ws = ws.campaign  # tasks are the campaign's, whichever kind's view asked
        self.ws = ws
        kinds = [k.key for k in ws.kinds]
        leaves = {leaf for k in kinds for leaf in ws.for_kind(k).leaf_ids}
        self.book: TaskBook = load_tasks(tasks_path(ws), ws.regions, kinds, leaves)
        self.progress_store = TaskProgressStore(ws.store)

    @property
    def campaign(self) -> str:
        return self.book.campaign

    def units(self) -> list[str]:
        return self.book.units()

    def unit_name(self, unit: str) -> str:
        r = self.ws.regions.get(unit)
        return (r.name or unit) if r else unit

    def check_unit(self, unit: str) -> None:
        if unit not in self.book.by_unit:
            known = listed([f"{u} {self.unit_name(u)}" for u in self.units()])
            raise AssessorError(
                Problem(
                    said("store.unit_no_tasks", unit=repr(unit), file=self.book.file, units=known),
                    key=unit,
                )
            )

    def history(self, unit: str | None = None) -> list[StoredProgress]:
        return self.progress_store.progress(self.campaign, unit)

    @cached_property
    def _all(self) -> list[StoredProgress]:
        return self.history()

    def refresh(self) -> None:
        self.__dict__.pop("_all", None)

    def unit_tasks(self, unit: str, on: dt.date) -> UnitTasks:
        self.check_unit(unit)
        reports = [s.progress for s in self._all if s.unit == unit]
        states = task_states(self.book.tasks(unit), reports, on)
        order = {c: i for i, c in enumerate(self.book.categories)}
        tallies = sorted(tally(states), key=lambda t: order.get(t.category, len(order)))
        return UnitTasks(unit, self.unit_name(unit), on, states, tallies)

    def all_units(self, on: dt.date) -> list[UnitTasks]:
        return [self.unit_tasks(u, on) for u in self.units()]

    def by_kind(
        self, on: dt.date, kind: str | None = None, unit: str | None = None
    ) -> list[KindTasks]:
        """Every unit's tasks (or `unit`'s) grouped by kind in the campaign's order of kinds,
        units in the tasks file's order; only `kind` when given (an unknown key lists the
        kinds); kinds without tasks are left out."""
        ws = self.ws
        keys = [ws.kind(kind).key] if kind is not None else [k.key for k in ws.kinds]
        if unit is not None:
            self.check_unit(unit)
        units = [unit] if unit is not None else self.units()
        found = [self.unit_tasks(u, on) for u in units if ws.kind_of(u) in keys]
        groups = [
            KindTasks(ws.kind(k), [u for u in found if ws.kind_of(u.unit) == k], ws.several_kinds)
            for k in keys
        ]
        return [g for g in groups if g.units]

    def latest(self, unit: str, task: str, on: dt.date) -> StoredProgress | None:
        """The last report known on `on` (what the entry form starts from)."""
        found = [
            s for s in self._all if s.unit == unit and s.progress.task == task
            and s.progress.as_of <= on
        ]  # fmt: skip
        return max(found, key=lambda s: s.progress.as_of) if found else None

    def checked(self, unit: str, progress: TaskProgress) -> Task:
        """The task `progress` is about, after checking it fits the task."""
        self.check_unit(unit)
        task = self.book.task(unit, progress.task)
        names = [m.name for m in task.milestones]
        unknown = [r for r in progress.reached if r not in names]
        if unknown:
            raise AssessorError(
                Problem(
                    said(
                        "store.no_milestone",
                        task=task.id,
                        unknown=listed([repr(u) for u in unknown]),
                        milestones=listed(names) if names else said("store.none"),
                    ),
                    key=task.id,
                )
            )
        if progress.done_on is not None and progress.done_on > progress.as_of:
            raise AssessorError(
                Problem(
                    said(
                        "store.done_after_report",
                        task=task.id,
                        done=progress.done_on,
                        as_of=progress.as_of,
                    ),
                    key=task.id,
                )
            )
        return task

    def preview(self, unit: str, progress: TaskProgress) -> TaskState:
        """The state the task would have on the report's date if this report were stored."""
        task = self.checked(unit, progress)
        reports = [
            s.progress for s in self._all if s.unit == unit and s.progress.task == task.id
            and s.progress.as_of != progress.as_of
        ]  # fmt: skip
        (state,) = task_states([task], [*reports, progress], progress.as_of)
        return state

    def record(
        self,
        unit: str,
        progress: TaskProgress,
        *,
        who: str,
        expected_version: int | None = None,
        reason: str | None = None,
    ) -> int:
        self.checked(unit, progress)
        version = self.progress_store.record(
            self.campaign, unit, progress, who=who, expected_version=expected_version,
            reason=reason,
        )  # fmt: skip
        self.refresh()
        return version

    def record_many(
        self, rows: list[tuple[str, TaskProgress]], *, who: str, reason: str | None = None
    ) -> int:
        problems: list[Problem] = []
        for unit, p in rows:
            try:
                self.checked(unit, p)
            except AssessorError as exc:
                problems += exc.problems
        if problems:
            raise AssessorError(problems)
        n = self.progress_store.record_many(self.campaign, rows, who=who, reason=reason)
        self.refresh()
        return n

    # ------------------------------------------------------------------ feeding leaves

    def fed_values(self, on: dt.date) -> dict[str, dict[str, Decimal]]:
        """Per unit, per fed leaf: the percent of its tasks done or on schedule on `on`."""
        out: dict[str, dict[str, Decimal]] = {}
        for unit in self.units():
            ut = self.unit_tasks(unit, on)
            for feed in self.book.feeds:
                states = [
                    s for s in ut.states
                    if feed.categories is None or s.task.category in feed.categories
                ]  # fmt: skip
                share = share_on_schedule(states)
                if share is not None:
                    out.setdefault(unit, {})[feed.leaf] = share.quantize(Decimal("0.01"))
        return out

    def feed(
        self, assessment: Assessment, on: dt.date, leaves: frozenset[str] | None = None
    ) -> Assessment:
        """The assessment with every fed leaf's value set from the tasks (the tasks decide:
        an entered value of a fed leaf is replaced, for every evaluator who entered one, and
        added for the workspace's lead evaluator, or `tasks`, where none did)."""
        from assessor.model.entries import Entry

        if not self.book.feeds:
            return assessment
        entries = {u: {leaf: list(es) for leaf, es in by.items()}
                   for u, by in assessment.entries.items()}  # fmt: skip
        for unit, values in self.fed_values(on).items():
            if unit not in assessment.regions:
                continue
            by_leaf = entries.setdefault(unit, {})
            for leaf, value in values.items():
                if leaves is not None and leaf not in leaves:
                    continue  # a leaf of another kind's set
                comment = f"由任务进度计算：{on} 按时序推进占比 {value}%"
                evaluators = [e.evaluator for e in by_leaf.get(leaf, [])] or [
                    self.ws.config.lead() or "tasks"
                ]
                by_leaf[leaf] = [
                    Entry(value=value, evaluator=ev, comment=comment) for ev in evaluators
                ]
        return assessment.model_copy(update={"entries": entries})


def default_date(ws: Workspace, explicit: dt.date | None) -> dt.date:
    """The date asked for; else today, but not past the end of the workspace's period (a 2023
    campaign opened in 2026 is shown as it stood at the end of 2023)."""
    if explicit is not None:
        return explicit
    today = dt.date.today()
    if ws.config.period:
        return min(today, period_end(ws.config.period))
    return today


def fed_assessment(ws: Workspace, assessment: Assessment) -> Assessment:
    """`assessment` with its fed leaves valued on the period's last day (today, while the
    period runs)."""
    board = TaskBoard(ws)
    if not board.book.feeds:
        return assessment
    on = min(period_end(assessment.period), dt.date.today())
    return board.feed(assessment, on, ws.leaf_ids)


def period_end(period: str) -> dt.date:
    """The last day of a period (2023 → 31 Dec, 2023-Q2 → 30 Jun, 2023-W10 → that Sunday)."""
    from assessor.model.periods import parse_period

    nxt = parse_period(period).next()
    return _period_start(str(nxt)) - dt.timedelta(days=1)


def _period_start(period: str) -> dt.date:
    import re

    if m := re.fullmatch(r"(\d{4})", period):
        return dt.date(int(m[1]), 1, 1)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", period):
        return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        return dt.date(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", period):
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    raise AssessorError(Problem(said("store.not_a_period", period=repr(period)), key="period"))


__all__ = [
    "KindTasks",
    "TaskBoard",
    "UnitTasks",
    "default_date",
    "fed_assessment",
    "period_end",
    "tasks_path",
]
