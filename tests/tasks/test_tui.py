"""The tasks screen (Pilot): reached with `t` from the region, statuses and lights from the
engine, a preview while typing, progress stored on Enter and audited once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from assessor.store.task_board import TaskBoard
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from assessor.tui.screens.tasks import TasksScreen
from tests.cli_run import assessor
from tests.tui.waiting import loaded, until

UNIT = "BZDSJ"


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSESSOR_CONFIG_DIR", str(tmp_path / "settings"))


@pytest.fixture
def ws(campaign: Path) -> Path:
    for args in (
        ("tasks", "import", str(campaign), str(campaign / "progress.csv")),
        ("import", "-w", str(campaign), str(campaign / "entries-2023.yaml")),
    ):
        p = assessor(*args)
        assert p.returncode == 0, p.stderr
    return campaign


def cell(table: DataTable, row: str, col: str) -> str:  # type: ignore[type-arg]
    value = table.get_cell(row, col)
    return value.plain if hasattr(value, "plain") else str(value)


async def open_tasks(pilot: Pilot, app: AssessorApp) -> TasksScreen:  # type: ignore[type-arg]
    await loaded(pilot, app)
    table = app.screen.query_one("#regions", DataTable)
    table.move_cursor(row=table.get_row_index(UNIT))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
    region = app.screen
    assert isinstance(region, RegionScreen)
    await until(pilot, region.is_ready, "the region's tree")
    shown = {k for k, b in app.active_bindings.items() if b.binding.show and b.enabled}
    assert "t" in shown  # in the footer, with this workspace's tasks file
    await pilot.press("t")
    await until(pilot, lambda: isinstance(app.screen, TasksScreen), "the tasks screen")
    screen = app.screen
    assert isinstance(screen, TasksScreen)
    await until(pilot, lambda: screen.state is not None, "the tasks read")
    return screen


async def choose_date(pilot: Pilot, screen: TasksScreen, day: str) -> None:  # type: ignore[type-arg]
    date = screen.query_one("#tasks-date", Input)
    date.focus()
    date.value = day
    await pilot.press("enter")
    await until(pilot, lambda: screen.state is not None and str(screen.state.on) == day, day)


async def test_the_screen_shows_each_tasks_status_and_the_counts(ws: Path) -> None:
    app = AssessorApp(ws)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_tasks(pilot, app)
        await choose_date(pilot, screen, "2023-11-30")
        table = screen.query_one("#tasks-table", DataTable)
        assert table.row_count == 26
        assert cell(table, "ZR-08", "status") == "● 黄 滞后于序时"
        assert cell(table, "MS-01", "status") == "● 绿 已完成"
        head = str(screen.query_one("#tasks-head", Static).render())
        assert "17项主责任务：已完成 11 项，按序时推进 5 项，滞后于序时 1 项" in head


async def test_typing_previews_and_enter_stores_one_audited_report(ws: Path) -> None:
    app = AssessorApp(ws)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_tasks(pilot, app)
        await choose_date(pilot, screen, "2023-11-30")
        table = screen.query_one("#tasks-table", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("ZR-08"))
        await pilot.press("enter")  # to the entry field
        await until(pilot, lambda: screen.focused is screen.query_one("#tasks-value"), "entry")
        for key in "方案印发；建设推进；试运行":
            await pilot.press(key if key != "；" else "semicolon")
        preview = screen.query_one("#tasks-preview", Static)
        await until(pilot, lambda: "预览" in str(preview.render()), "the preview")
        assert "序时 75%，实际 75% → 按序时推进" in str(preview.render())
        board = TaskBoard(app.session.workspace)
        before = len(board.history(UNIT))
        await pilot.press("enter")
        await until(pilot, lambda: cell(table, "ZR-08", "status") == "● 绿 按序时推进", "stored")
    w = open_workspace(ws)
    try:
        b = TaskBoard(w)
        assert len(b.history(UNIT)) == before  # the 30 November report was replaced, not added
        got = b.progress_store.get(b.campaign, UNIT, "ZR-08", screen.state.on)  # type: ignore[union-attr]
        assert got is not None and got.version == 2
        assert got.progress.reached == ("方案印发", "建设推进", "试运行")
        records = [r for r in w.store.audit_log() if r.action == "task" and r.leaf == "ZR-08"]
        assert len(records) == 1
    finally:
        w.close()


async def test_an_unknown_milestone_is_refused_in_the_preview(ws: Path) -> None:
    app = AssessorApp(ws)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_tasks(pilot, app)
        table = screen.query_one("#tasks-table", DataTable)
        table.move_cursor(row=table.get_row_index("ZR-08"))
        await pilot.press("enter")
        await until(pilot, lambda: screen.focused is screen.query_one("#tasks-value"), "entry")
        screen.query_one("#tasks-value", Input).value = "上线"
        preview = screen.query_one("#tasks-preview", Static)
        await until(pilot, lambda: "没有节点" in str(preview.render()), "the refusal")
        assert "可选节点：方案印发、建设推进、试运行" in str(preview.render())
