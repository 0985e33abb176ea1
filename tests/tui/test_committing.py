"""A value is stored when the evaluator decides (Enter, Tab, leaving the input): once, with
one audit record and one undo step. Typing previews; Esc puts back; a refusal stores nothing."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static, Tree

from assessor.scoring import display
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from tests.tui.test_scoring_flow import EVALUATOR, REGION, open_region, show, stored
from tests.tui.waiting import until

PERCENT = "D1-13"  # 电子社保卡应用率: one number, 0–100
FORMULA = "D1-01"  # 电子证照使用率: used / total, both whole numbers, total ≥ 1
LEVEL = "D1-12"  # 智慧文旅服务: a level 0–5


def audit(app: AssessorApp, leaf: str) -> int:
    """How many audit records the store holds for the leaf."""
    store = app.session.workspace.store
    return len(store.audit_log(region=REGION, leaf=leaf))


def head(screen: RegionScreen) -> str:
    return str(screen.query_one("#head", Static).render())


def message(screen: RegionScreen) -> str:
    return str(screen.query_one("#message", Static).render())


async def into(pilot: Pilot, screen: RegionScreen, leaf: str) -> Input:  # type: ignore[type-arg]
    """The leaf shown, Enter from the tree into its (first) input, emptied."""
    await show(pilot, screen, leaf)
    screen.query_one("#tree", Tree).focus()
    await pilot.press("enter")
    field = screen.query("#inputs Input").first(Input)
    await until(pilot, lambda: field.has_focus, "the input focused")
    field.value = ""
    await pilot.pause()
    return field


async def test_typing_stores_nothing_and_enter_stores_once_with_one_audit_record(
    workspace: Path,
) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        field = await into(pilot, screen, PERCENT)
        before, records = stored(workspace, PERCENT), audit(app, PERCENT)
        for key in "82.5":
            await pilot.press(key)
            assert stored(workspace, PERCENT) == before
            assert audit(app, PERCENT) == records
        assert field.value == "82.5"
        await pilot.press("enter")
        await pilot.pause()
        assert str(stored(workspace, PERCENT).value) == "82.5"  # type: ignore[union-attr]
        assert audit(app, PERCENT) == records + 1
        assert message(screen).startswith("已保存：82.5")


async def test_typing_previews_the_engines_total_in_the_header_without_storing(
    workspace: Path,
) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await into(pilot, screen, PERCENT)
        stored_total = app.session.results[REGION].total
        await pilot.press("1", "0")  # 10%: the lowest band
        await pilot.pause()
        assert "预览" in head(screen)
        assert app.session.results[REGION].total == stored_total  # nothing stored
        entry = app.session.checked(REGION, PERCENT, "10")
        preview = app.session.preview(REGION, PERCENT, entry).total
        assert preview < stored_total
        assert display(app.session.cs, preview) in head(screen)


async def test_esc_puts_back_what_is_stored_and_stores_nothing(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        field = await into(pilot, screen, PERCENT)
        before, records = stored(workspace, PERCENT), audit(app, PERCENT)
        shown = screen._stored["in-value"]
        await pilot.press("6", "0", "escape")
        await pilot.pause()
        assert field.value == shown and "预览" not in head(screen)
        assert stored(workspace, PERCENT) == before and audit(app, PERCENT) == records
        await pilot.press("escape")  # a second Esc: back to the tree, still nothing stored
        await pilot.pause()
        assert screen.query_one("#tree", Tree).has_focus
        assert stored(workspace, PERCENT) == before and audit(app, PERCENT) == records


async def test_a_refused_value_leaves_the_entry_and_the_audit_log_unchanged(
    workspace: Path,
) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        field = await into(pilot, screen, PERCENT)
        before, records = stored(workspace, PERCENT), audit(app, PERCENT)
        total = app.session.results[REGION].total
        await pilot.press("1", "5", "0")
        await pilot.pause()
        assert field.has_class("invalid")  # red border, the reason on it
        assert "大于上限 100" in str(field.border_subtitle)
        await pilot.press("enter")
        await pilot.pause()
        assert field.has_focus and field.value == "150"  # the cursor stays on the refusal
        assert "未保存" in message(screen)
        assert stored(workspace, PERCENT) == before and audit(app, PERCENT) == records
        assert app.session.results[REGION].total == total


async def test_undo_after_two_values_restores_the_first(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await into(pilot, screen, PERCENT)
        await pilot.press("4", "0", "enter")
        await into(pilot, screen, PERCENT)
        await pilot.press("6", "5", "enter")
        await pilot.pause()
        assert str(stored(workspace, PERCENT).value) == "65"  # type: ignore[union-attr]
        screen.query_one("#tree", Tree).focus()
        await pilot.press("u")
        await pilot.pause()
        assert str(stored(workspace, PERCENT).value) == "40"  # type: ignore[union-attr]


async def test_tab_stores_the_value_as_enter_does(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await into(pilot, screen, PERCENT)
        records = audit(app, PERCENT)
        await pilot.press("3", "3", "tab")
        await pilot.pause()
        assert str(stored(workspace, PERCENT).value) == "33"  # type: ignore[union-attr]
        assert audit(app, PERCENT) == records + 1


async def test_each_formula_input_says_it_is_wrong_before_the_others_are_filled(
    workspace: Path,
) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        first = await into(pilot, screen, FORMULA)
        second = list(screen.query("#inputs Input").results(Input))[1]
        second.value = ""
        await pilot.press("-", "5")
        await pilot.pause()
        assert first.has_class("invalid") and not second.has_class("invalid")
        assert "小于下限 0" in str(first.border_subtitle)


async def test_a_level_key_on_the_tree_stores_the_level_and_moves_on(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator="专家组-周敏")  # nothing entered yet
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, LEVEL)
        screen.query_one("#tree", Tree).focus()
        await pilot.press("3")
        await until(pilot, lambda: screen.leaf != LEVEL and screen.is_ready(), "moving on")
        mine = app.session.mine(REGION, LEVEL)
        assert mine is not None and mine.value == 3
        assert screen.leaf is not None and app.session.mine(REGION, screen.leaf) is None


async def test_adding_evidence_is_one_write_with_one_audit_record(workspace: Path) -> None:
    """The evidence row and the entry listing it: one transaction, one record."""
    (workspace / "proof.pdf").write_bytes(b"%PDF-1.4 test")
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, LEVEL)
        records = audit(app, LEVEL)
        screen._add_evidence("proof.pdf")
        await pilot.pause()
        assert audit(app, LEVEL) == records + 1
        mine = app.session.mine(REGION, LEVEL)
        assert mine is not None and mine.evidence == ("proof.pdf",)
        assert app.session.workspace.store.verify_audit() == []
