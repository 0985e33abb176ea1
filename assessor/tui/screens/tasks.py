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
from textual.widgets import DataTable, Footer, Header, Input, Static

from assessor.errors import AssessorError, in_language
from assessor.tui.screens.base import AssessorScreen

if TYPE_CHECKING:
    from assessor.model.tasks import Task, TaskProgress
    from assessor.store.task_board import TaskBoard, UnitTasks

LIGHT = {"green": ("●", "green", "绿"), "yellow": ("●", "yellow", "黄"), "red": ("●", "red", "红")}
DONE_WORDS = frozenset({"完成", "已完成", "done", "是"})
_SPLIT = re.compile(r"[；;，,、]+")


def parse_entry(text: str, task: Task, on: dt.date) -> TaskProgress:
    """What the evaluator typed as a progress report; ValueError says what is allowed."""
    from assessor.model.tasks import TaskProgress

    raw = text.strip()
    if not raw:
        raise ValueError("输入完成百分比（0-100）、已达成节点名称或“完成”")
    if raw.lower() in DONE_WORDS:
        return TaskProgress(task=task.id, as_of=on, done=True, done_on=on)
    try:
        pct = Decimal(raw.rstrip("%％"))
    except InvalidOperation:
        pct = None
    if pct is not None:
        if not pct.is_finite() or not 0 <= pct <= 100:
            raise ValueError(f"{raw}：百分比应在 0 到 100 之间")
        return TaskProgress(task=task.id, as_of=on, percent=pct)
    names = [m.name for m in task.milestones]
    reached = tuple(x.strip() for x in _SPLIT.split(raw) if x.strip())
    unknown = [x for x in reached if x not in names]
    if unknown:
        allowed = "、".join(names) if names else "（本任务无节点，请输入百分比）"
        raise ValueError(f"没有节点“{'、'.join(unknown)}”；可选节点：{allowed}")
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
        yield DataTable(id="tasks-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="tasks-entry-row"):
            yield Input(id="tasks-date", placeholder="2023-08-11")
            yield Input(id="tasks-value", placeholder="60 / 方案印发；平台上线 / 完成")
        yield Static(id="tasks-preview")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#tasks-table", DataTable)
        for key, label in (("id", "编号"), ("name", "任务"), ("category", "类别"),
                           ("deadline", "截止"), ("planned", "序时"), ("actual", "实际"),
                           ("status", "状态")):  # fmt: skip
            table.add_column(label, key=key)
        self.query_one("#tasks-head", Static).update(Text("读取任务…"))
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
        head = Text(f"{state.name}（{state.unit}）  截至 {state.on.isoformat()}\n", style="bold")
        head.append("；".join(t.sentence("zh") for t in state.tallies))
        if state.share is not None:
            head.append(f"\n按时序推进（含已完成）占比 {state.share.quantize(Decimal('0.1'))}%")
        self.query_one("#tasks-head", Static).update(head)
        table = self.query_one("#tasks-table", DataTable)
        row = table.cursor_row
        table.clear()
        for s in state.states:
            mark, colour, word = LIGHT[s.light]
            status = Text(f"{mark} ", style=colour)
            status.append(f"{word} {s.words('zh')}")
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
            raise ValueError(f"{text or '（空）'}：日期写作 2023-08-11") from None

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
        task = self.current_task()
        if task is None or self.board is None:
            out.update("")
            return
        value = self.query_one("#tasks-value", Input).value
        if not value.strip():
            steps = "、".join(f"{m.name}（{m.due}，{m.share}%）" for m in task.milestones)
            out.update(Text(f"{task.id} {task.name}" + (f"；节点：{steps}" if steps else "")))
            return
        try:
            report = self._report()
            assert report is not None
            state = self.board.preview(self.unit, report)
        except (ValueError, AssessorError) as exc:
            msg = exc.problems[0].message if isinstance(exc, AssessorError) else str(exc)
            out.update(Text(in_language(msg, "zh"), style="red"))
            return
        mark, colour, _ = LIGHT[state.light]
        line = Text("预览：", style="bold")
        line.append(f"{mark} ", style=colour)
        line.append(f"{state.explain('zh')}（Enter 保存）")
        out.update(line)

    @on(Input.Submitted, "#tasks-value")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            report = self._report()
        except ValueError as exc:
            self.query_one("#tasks-preview", Static).update(Text(str(exc), style="red"))
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
        self.notify(f"已保存：{self.unit} {report.task} {report.as_of}（版本 {version}）")
        self.query_one("#tasks-table", DataTable).focus()
        self.on = report.as_of
        self.load()

    @on(Input.Submitted, "#tasks-date")
    def _new_date(self, event: Input.Submitted) -> None:
        """Enter in the date field: the statuses as they stand on that date."""
        try:
            self.on = self._date()
        except ValueError as exc:
            self.query_one("#tasks-preview", Static).update(Text(str(exc), style="red"))
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
