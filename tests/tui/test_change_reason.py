"""A reviewer who changes what the stage before gave an indicator is asked why: the reason is
stored with the value, in its one audit record, and the stage comparison (the county report's
自评、复核与评审) lists it beside the change. Esc stores nothing; a value the stage before
gave, or a comment alone, asks nothing; the first stage never asks."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from assessor.store.stage_compare import compare_stages
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from assessor.tui.widgets.prompt import PromptScreen
from tests.tui.test_earlier_stage import campaign
from tests.tui.waiting import loaded, settled, until

COUNTY = "371502"
REVIEWER = "市复核组"


async def open_leaf(pilot: Pilot, app: AssessorApp, leaf: str) -> RegionScreen:  # type: ignore[type-arg]
    await loaded(pilot, app)
    table = app.screen.query_one("#regions", DataTable)
    table.move_cursor(row=table.get_row_index(COUNTY))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
    screen = app.screen
    assert isinstance(screen, RegionScreen)
    await until(pilot, screen.is_ready, "the tree")
    screen._go_to(leaf)
    await until(pilot, lambda: screen.leaf == leaf and screen.is_ready(), f"{leaf} shown")
    return screen


async def type_value(pilot: Pilot, screen: RegionScreen, text: str) -> None:  # type: ignore[type-arg]
    field = screen.query_one("#in-value", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text, "enter")


def edits(folder: Path, leaf: str, stage: str = "review") -> list[tuple[str, str | None]]:
    """The audit records of `leaf`'s entry in `stage` after it started: (action, reason)."""
    ws = open_workspace(folder)
    try:
        found = ws.store.audit_log(region=COUNTY, leaf=leaf, stage=stage)
        return [(r.action, r.reason) for r in found if r.action in ("set", "clear")]
    finally:
        ws.close()


async def test_a_reviewer_changing_the_self_assessments_value_gives_the_reason_stored_with_it(
    tmp_path: Path,
) -> None:
    folder = campaign(tmp_path)
    app = AssessorApp(folder, evaluator=REVIEWER, stage="review")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_leaf(pilot, app, "A2")
        await type_value(pilot, screen, "25")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen), "the reason prompt")
        prompt = app.screen
        assert isinstance(prompt, PromptScreen)
        assert prompt.question.startswith("A2：自评的值为 27，改为 25。请说明理由"), prompt.question
        assert edits(folder, "A2") == []  # nothing stored while asking
        prompt.query_one("#prompt-input", Input).value = "共享目录未覆盖乡镇"
        await pilot.press("enter")
        await until(pilot, lambda: edits(folder, "A2"), "the value stored")
        await settled(pilot, app)
        assert "已保存" in str(screen.query_one("#message", Static).render())
    assert edits(folder, "A2") == [("set", "共享目录未覆盖乡镇")]  # one record, with the reason
    ws = open_workspace(folder)
    try:
        [cmp] = compare_stages(ws, "2021", [COUNTY])
        [change] = cmp.changes
        assert (change.id, change.before, change.after) == ("A2", D("27"), D("25"))
        assert (change.reason, change.who) == ("共享目录未覆盖乡镇", REVIEWER)
        assert ws.store.verify_audit() == []
    finally:
        ws.close()


async def test_esc_on_the_question_stores_nothing_and_keeps_the_typed_value(
    tmp_path: Path,
) -> None:
    folder = campaign(tmp_path)
    app = AssessorApp(folder, evaluator=REVIEWER, stage="review")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_leaf(pilot, app, "A2")
        await type_value(pilot, screen, "25")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen), "the reason prompt")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the prompt closed")
        await settled(pilot, app)
        said = str(screen.query_one("#message", Static).render()).replace("\n", "")
        assert "A2 未保存：修改自评的值须说明理由" in said
        assert screen.query_one("#in-value", Input).value == "25" and screen.pending()
    assert edits(folder, "A2") == []


async def test_the_value_the_stage_before_gave_and_a_comment_alone_ask_nothing(
    tmp_path: Path,
) -> None:
    folder = campaign(tmp_path)
    app = AssessorApp(folder, evaluator=REVIEWER, stage="review")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_leaf(pilot, app, "A2")
        comment = screen.query_one("#comment", Input)
        comment.value = "已核对目录"
        await type_value(pilot, screen, "27.0")  # 27 as the county gave it
        await until(pilot, lambda: edits(folder, "A2"), "the comment stored")
        await settled(pilot, app)
        assert not isinstance(app.screen, PromptScreen)
    assert edits(folder, "A2") == [("set", None)]


async def test_a_value_where_the_stage_before_had_none_asks_too(tmp_path: Path) -> None:
    folder = campaign(tmp_path)
    app = AssessorApp(folder, evaluator=REVIEWER, stage="review")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_leaf(pilot, app, "A1")
        await type_value(pilot, screen, "30")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen), "the reason prompt")
        prompt = app.screen
        assert isinstance(prompt, PromptScreen)
        assert prompt.question.startswith("A1：自评的值为 —，改为 30。"), prompt.question
        prompt.query_one("#prompt-input", Input).value = "自评漏报"
        await pilot.press("enter")
        await until(pilot, lambda: edits(folder, "A1"), "the value stored")
    assert edits(folder, "A1") == [("set", "自评漏报")]


async def test_the_first_stage_never_asks(tmp_path: Path) -> None:
    folder = campaign(tmp_path)
    ws = open_workspace(folder)
    ws.use_stage("self")
    ws.set_status(COUNTY, "2021", "draft", who="县自评组", reason="补充自评")
    ws.close()
    app = AssessorApp(folder, evaluator="县自评组", stage="self")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_leaf(pilot, app, "A1")
        await type_value(pilot, screen, "35")
        await until(pilot, lambda: edits(folder, "A1", "self"), "the value stored")
        await settled(pilot, app)
        assert not isinstance(app.screen, PromptScreen)
    assert edits(folder, "A1", "self") == [("set", None)]
