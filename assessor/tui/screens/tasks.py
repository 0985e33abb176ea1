"""A unit's tasks with deadlines (按时序推进): each task's status and light on a date, and
progress entered for the task under the cursor.

The entry field takes a percentage (60), milestone names (方案印发；平台上线) or 完成; while
typing, the line below shows the engine's status the task would get; Enter stores it (one
write, one audit record, refused if someone changed that report since it was read).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Static

from assessor.errors import AssessorError, Said, in_language
from assessor.text.catalogue import said, say
from assessor.text.formats import date_label
from assessor.tui.i18n import t
from assessor.tui.screens.base import AssessorScreen
from assessor.tui.widgets.footer import KeysFooter
from assessor.tui.widgets.table import Table

if TYPE_CHECKING:
    from assessor.model.tasks import Task, TaskProgress
    from assessor.store.task_board import TaskBoard, UnitTasks

LIGHT = {"green": ("●", "green"), "yellow": ("●", "yellow"), "red": ("●", "red")}
DONE_WORDS = frozenset({"完成", "已完成", "done", "是"})
_SPLIT = re.compile(r"[；;，,、]+")


def parse_entry(text: str, task: Task, on: dt.date) -> TaskProgress:
    """What the evaluator typed as a progress report; ValueError says what is allowed."""
    from assessor.model.tasks import TaskProgress

    raw = text.strip()
    if not raw:
        raise ValueError(said("tui.tasks.ask"))
    if raw.lower() in DONE_WORDS:
        return TaskProgress(task=task.id, as_of=on, done=True, done_on=on)
    try:
        pct = Decimal(raw.rstrip("%％"))
    except InvalidOperation:
        pct = None
    if pct is not None:
        if not pct.is_finite() or not 0 <= pct <= 100:
            raise ValueError(said("tui.tasks.bad_percent", text=raw))
        return TaskProgress(task=task.id, as_of=on, percent=pct)
    names = [m.name for m in task.milestones]
    reached = tuple(x.strip() for x in _SPLIT.split(raw) if x.strip())
    unknown = [x for x in reached if x not in names]
    if unknown:
        listed = (
            Said(", ".join(names), "、".join(names)) if names else said("tui.tasks.no_milestones")
        )
        raise ValueError(Said(say("tui.tasks.unknown_milestone", "en", unknown=", ".join(unknown),
                                  allowed=in_language(listed, "en")),
                              say("tui.tasks.unknown_milestone", "zh", unknown="、".join(unknown),
                                  allowed=in_language(listed, "zh"))))  # fmt: skip
    return TaskProgress(task=task.id, as_of=on, reached=reached)


class TasksScreen(AssessorScreen[None]):
    """One unit's tasks; Esc goes back."""

    CSS_PATH = "tasks.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back"),
        Binding("ctrl+r", "reload", "refresh"),
    ]

    def __init__(self, unit: str, on: dt.date | None = None) -> None:
        super().__init__()
        self.unit = unit
        self.on = on
        self.board: TaskBoard | None = None
        self.state: UnitTasks | None = None
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="tasks-head")
        yield Table(id="tasks-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="tasks-entry-row"):
            yield Input(id="tasks-date", placeholder="2023-08-11")
            yield Input(id="tasks-value", placeholder=t(self.assessor.lang, "tasks.value_hint"))
        yield Static(id="tasks-preview")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#tasks-table", DataTable)
        lang = self.assessor.lang
        for key in ("id", "name", "category", "deadline", "planned", "actual", "status"):
            table.add_column(t(lang, f"tasks.{key}"), key=key)
        self.query_one("#tasks-head", Static).update(Text(t(lang, "tasks.reading")))
        table.focus()
        self.load()

    # ------------------------------------------------------------------ reading

    @work(thread=True, exclusive=True, exit_on_error=False, group="tasks")
    def load(self) -> None:
        """Reading the tasks file and the progress reports: off the UI thread."""
        from assessor.store.task_board import TaskBoard, default_date

        ws = self.assessor.session.workspace
        try:
            board = self.board or TaskBoard(ws)
            board.refresh()
            on = self.on or default_date(ws, None)
            state = board.unit_tasks(self.unit, on)
        except AssessorError as exc:
            self.app.call_from_thread(self.show_problem, exc.problems[0].message)
            return
        self.app.call_from_thread(self.show, board, state)

    def show_problem(self, message: str) -> None:
        self.problem = message
        self.query_one("#tasks-head", Static).update(Text(message, style="red"))

    def show(self, board: TaskBoard, state: UnitTasks) -> None:
        self.board, self.state, self.on = board, state, state.on
        lang = self.assessor.lang
        on = date_label(state.on, lang)
        head = Text(t(lang, "tasks.head").format(name=state.name, unit=state.unit, on=on) + "\n",
                    style="bold")  # fmt: skip
        head.append(say("punct.semicolon", lang).join(x.sentence(lang) for x in state.tallies))
        if state.share is not None:
            share = state.share.quantize(Decimal("0.1"))
            head.append("\n" + t(lang, "tasks.share").format(share=share))
        self.query_one("#tasks-head", Static).update(head)
        table = self.query_one("#tasks-table", DataTable)
        row = table.cursor_row
        table.clear()
        for s in state.states:
            mark, colour = LIGHT[s.light]
            status = Text(f"{mark} ", style=colour)
            status.append(f"{say('light.' + s.light, lang)} {s.words(lang)}")
            table.add_row(
                s.task.id, Text(s.task.name), Text(s.task.category), s.task.deadline.isoformat(),
                f"{s.planned.quantize(Decimal('0.1'))}%", f"{s.actual.quantize(Decimal('0.1'))}%",
                status, key=s.task.id,
            )  # fmt: skip
        if state.states:
            table.move_cursor(row=min(row, len(state.states) - 1))
        date = self.query_one("#tasks-date", Input)
        if not date.value:
            date.value = state.on.isoformat()

    # ------------------------------------------------------------------ entering

    def current_task(self) -> Task | None:
        if self.state is None or not self.state.states:
            return None
        table = self.query_one("#tasks-table", DataTable)
        return self.state.states[table.cursor_row].task

    def _date(self) -> dt.date:
        text = self.query_one("#tasks-date", Input).value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            empty = said("tui.tasks.empty")
            raise ValueError(said("tui.tasks.bad_date", text=text or empty)) from None

    def _report(self) -> TaskProgress | None:
        task = self.current_task()
        if task is None or self.board is None:
            return None
        return parse_entry(self.query_one("#tasks-value", Input).value, task, self._date())

    @on(DataTable.RowSelected, "#tasks-table")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a task: type its progress."""
        self.query_one("#tasks-value", Input).focus()
        self._preview()

    @on(DataTable.RowHighlighted, "#tasks-table")
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        self._preview()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._preview()

    def _preview(self) -> None:
        """The engine's status the task would have with what is typed; nothing stored."""
        out = self.query_one("#tasks-preview", Static)
        lang = self.assessor.lang
        task = self.current_task()
        if task is None or self.board is None:
            out.update("")
            return
        value = self.query_one("#tasks-value", Input).value
        if not value.strip():
            steps = say("punct.list", lang).join(
                t(lang, "tasks.milestone").format(name=m.name, due=m.due, share=m.share)
                for m in task.milestones
            )
            more = t(lang, "tasks.milestones").format(steps=steps) if steps else ""
            out.update(Text(f"{task.id} {task.name}{more}"))
            return
        try:
            report = self._report()
            assert report is not None
            state = self.board.preview(self.unit, report)
        except (ValueError, AssessorError) as exc:
            msg = exc.problems[0].message if isinstance(exc, AssessorError) else exc.args[0]
            out.update(Text(in_language(msg, lang), style="red"))
            return
        mark, colour = LIGHT[state.light]
        line = Text(t(lang, "tasks.preview"), style="bold")
        line.append(f"{mark} ", style=colour)
        line.append(state.explain(lang) + t(lang, "tasks.enter_stores"))
        out.update(line)

    @on(Input.Submitted, "#tasks-value")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            report = self._report()
        except ValueError as exc:
            self.query_one("#tasks-preview", Static).update(
                Text(in_language(exc.args[0], self.assessor.lang), style="red")
            )
            return
        if report is None or self.board is None:
            return
        latest = self.board.progress_store.get(self.board.campaign, self.unit, report.task,
                                               report.as_of)  # fmt: skip
        self.store_report(report, latest.version if latest else 0)

    @work(thread=True, exclusive=True, exit_on_error=False, group="tasks-write")
    def store_report(self, report: TaskProgress, version: int) -> None:
        """One write and one audit record; a report changed meanwhile is refused."""
        assert self.board is not None
        who = self.assessor.session.evaluator
        try:
            stored = self.board.record(self.unit, report, who=who, expected_version=version)
        except AssessorError as exc:
            self.app.call_from_thread(self._refused, exc.problems[0].message)
            return
        self.app.call_from_thread(self._stored, report, stored)

    def _refused(self, message: str) -> None:
        self.query_one("#tasks-preview", Static).update(Text(message, style="red"))
        self.notify(message, severity="error")

    def _stored(self, report: TaskProgress, version: int) -> None:
        self.query_one("#tasks-value", Input).value = ""
        self.notify(t(self.assessor.lang, "tasks.stored").format(
            unit=self.unit, task=report.task, on=report.as_of, version=version))  # fmt: skip
        self.query_one("#tasks-table", DataTable).focus()
        self.on = report.as_of
        self.load()

    @on(Input.Submitted, "#tasks-date")
    def _new_date(self, event: Input.Submitted) -> None:
        """Enter in the date field: the statuses as they stand on that date."""
        try:
            self.on = self._date()
        except ValueError as exc:
            self.query_one("#tasks-preview", Static).update(
                Text(in_language(exc.args[0], self.assessor.lang), style="red")
            )
            return
        self.load()

    # ------------------------------------------------------------------ keys

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one("#tasks-value", Input).value = ""
            self.query_one("#tasks-table", DataTable).focus()
            return
        self.dismiss(None)
