"""Scoring a region beyond typing a value: redo, find, evidence, refresh and conflicts."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, Tree

from assessor.model import Entry
from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.pinyin import matches, searchables
from assessor.tui.screens.region import RegionScreen
from tests.tui.waiting import loaded, until

EVALUATOR = "专家组-陈静"
REGION = "371502"


async def open_region(pilot: Pilot, app: AssessorApp, leaf: str) -> RegionScreen:  # type: ignore[type-arg]
    await loaded(pilot, app)
    table = app.screen.query_one("#regions", DataTable)
    table.move_cursor(row=table.get_row_index(REGION))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
    screen = app.screen
    assert isinstance(screen, RegionScreen)
    await until(pilot, screen.is_ready, "the region's tree")
    screen._go_to(leaf)
    await until(pilot, lambda: screen.leaf == leaf and screen.is_ready(), f"{leaf} shown")
    return screen


def entry(ws_dir: Path, leaf: str, who: str = EVALUATOR) -> Entry | None:
    ws = open_workspace(ws_dir)
    try:
        got = ws.store.get_entry(EntryKey(ws.set_id, REGION, "2021", who, leaf))
        return None if got is None else got.entry
    finally:
        ws.close()


async def enter_value(pilot: Pilot, screen: RegionScreen, text: str) -> None:  # type: ignore[type-arg]
    """Into the value box, as typed: clear it, type `text` key by key, Enter."""
    field = screen.query_one("#in-value", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()


def message(screen: RegionScreen) -> str:
    return str(screen.query_one("#message", Static).render())


async def test_redo_puts_back_what_undo_took_away(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-12")
        await enter_value(pilot, screen, "2")
        screen.query_one("#tree").focus()
        await pilot.press("u", "y")
        await pilot.pause()
    assert entry(workspace, "D1-12").value == 2  # type: ignore[union-attr]


def test_pinyin_initials_find_an_indicator() -> None:
    items = searchables([("D1-12", "智慧文旅服务"), ("D1-13", "电子社保卡应用率")])
    assert [m.id for m in matches(items, "zhwl")] == ["D1-12"]
    assert [m.id for m in matches(items, "dianzi")] == ["D1-13"]
    assert [m.id for m in matches(items, "ｄ１－１３")] == ["D1-13"]  # full-width typed


async def test_slash_finds_an_indicator_and_moves_the_tree_there(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-01")
        screen.query_one("#tree").focus()
        await pilot.press("slash", *"zhwl", "enter")
        await pilot.pause()
        tree = screen.query_one("#tree", Tree)
        assert tree.cursor_node is not None and tree.cursor_node.data == "D1-12"


async def test_evidence_file_is_stored_relative_to_the_workspace(workspace: Path) -> None:
    (workspace / "docs").mkdir()
    (workspace / "docs" / "approval.pdf").write_bytes(b"%PDF-1.4 test")
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-12")
        screen.query_one("#tree").focus()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = str(workspace / "docs/approval.pdf")
        await pilot.press("enter")
        await pilot.pause()
        assert "docs/approval.pdf" in str(screen.query_one("#evidence", Static).render())
    assert entry(workspace, "D1-12").evidence == ("docs/approval.pdf",)  # type: ignore[union-attr]


async def test_a_missing_evidence_file_is_refused(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-12")
        screen._add_evidence("docs/nothing.pdf")
        await pilot.pause()
        assert "佐证文件 docs/nothing.pdf 不存在" in message(screen)  # in the TUI's language
    assert entry(workspace, "D1-12").evidence == ()  # type: ignore[union-attr]


async def test_an_entry_changed_elsewhere_is_a_conflict_not_overwritten(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-12")
        ws = open_workspace(workspace)  # the same evaluator in another terminal
        key = EntryKey(ws.set_id, REGION, "2021", EVALUATOR, "D1-12")
        ws.store.set_entry(key, Entry(value=1, evaluator=EVALUATOR))
        ws.close()
        await enter_value(pilot, screen, "4")
        assert "冲突" in message(screen)
    assert entry(workspace, "D1-12").value == 1  # type: ignore[union-attr]


async def test_refresh_shows_another_evaluators_change(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-12")
        before = app.session.results[REGION].total
        ws = open_workspace(workspace)
        for who in ("专家组-张磊", "专家组-赵丽"):
            key = EntryKey(ws.set_id, REGION, "2021", who, "D1-12")
            ws.store.set_entry(key, Entry(value=0, evaluator=who))
        ws.close()
        screen.query_one("#tree").focus()
        await pilot.press("r")
        await pilot.pause()
        assert app.session.results[REGION].total < before
        head = str(screen.query_one("#head", Static).render())
        from assessor.scoring import display

        assert display(app.session.cs, app.session.results[REGION].total) in head


async def test_evidence_added_before_the_value_goes_into_the_entry(workspace: Path) -> None:
    (workspace / "proof.pdf").write_bytes(b"%PDF-1.4 test")
    app = AssessorApp(workspace, evaluator="专家组-周敏")  # no entries yet
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-12")
        screen._add_evidence("proof.pdf")
        await enter_value(pilot, screen, "4")
    assert entry(workspace, "D1-12", who="专家组-周敏").evidence == ("proof.pdf",)  # type: ignore[union-attr]


async def test_each_input_keeps_its_label_on_its_border_once_filled(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-01")  # used / total * 100
        used, total = screen.query_one("#in-0", Input), screen.query_one("#in-1", Input)
        assert used.value and total.value  # filled from the sample entries
        assert plain(used.border_title) == "可使用电子证照办理的事项数 ≥ 0"
        assert plain(total.border_title) == "依申请政务服务事项总数 ≥ 1"
        assert plain(screen.query_one("#comment", Input).border_title) == "备注"


def plain(markup: str | None) -> str:
    from rich.text import Text

    return Text.from_markup(markup or "").plain


async def test_a_label_with_brackets_is_shown_not_parsed_as_markup(workspace: Path) -> None:
    from assessor.model.indicator_set import InputSpec
    from assessor.tui.labels import input_title

    title = input_title("[bold]事项数[/bold]", InputSpec(unit="个"))
    assert title.plain == "[bold]事项数[/bold]（个）"
    assert not title.spans


async def test_typing_into_a_final_assessment_is_refused_and_says_how_to_reopen(
    workspace: Path,
) -> None:
    ws = open_workspace(workspace)
    try:
        for status in ("submitted", "reviewed", "final"):
            ws.store.set_status(ws.set_id, REGION, "2021", status, who="审核人")
    finally:
        ws.close()
    before = entry(workspace, "D1-12")
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app, "D1-12")
        assert "已定稿，只读" in str(screen.query_one("#head", Static).render())
        assert screen.query_one("#in-value", Input).disabled
        screen.query_one("#in-value", Input).value = "1"
        assert not screen.commit()  # the store refuses it all the same
        await pilot.pause()
        said = message(screen)
    assert said.startswith("未保存：371502 已定稿（只读）")
    assert "set-status" in said
    assert entry(workspace, "D1-12") == before
