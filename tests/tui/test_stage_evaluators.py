"""A stage with its own evaluators (workspace.yaml `stages[].evaluators`) takes writes from them
only, in the TUI as in the CLI: a value, a cleared value, evidence or a verdict from anyone else
is refused with the stage and its evaluators named, and nothing is stored or audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from assessor.errors import AssessorError
from assessor.store.errors import StoreError
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from assessor.tui.session import Session
from tests.tui.test_earlier_stage import campaign
from tests.tui.waiting import loaded, until

COUNTY = "371502"
OUTSIDER = "县自评组"  # an evaluator of the stage before, not of 复核
REFUSAL = "县自评组 is not an evaluator of stage review (复核); its evaluators: 市复核组"


def records(folder: Path) -> int:
    ws = open_workspace(folder)
    try:
        return len(ws.store.audit_log())
    finally:
        ws.close()


def test_a_value_from_outside_the_stage_is_refused_naming_the_stage_and_its_evaluators(
    tmp_path: Path,
) -> None:
    folder = campaign(tmp_path)
    before = records(folder)
    s = Session.open(folder, evaluator=OUTSIDER, stage="review")
    try:
        with pytest.raises(StoreError) as caught:
            s.enter(COUNTY, "A1", "35")
        assert caught.value.problems[0].message == REFUSAL
        assert caught.value.problems[0].message.zh == (  # type: ignore[attr-defined]
            "县自评组 不是复核（review）阶段的评估人；本阶段评估人：市复核组"
        )
        assert s.mine(COUNTY, "A1") is None and not s.undo
        found = s.workspace.get_entries("2021", COUNTY)
        assert [(e.evaluator, e.leaf) for e in found] == [("市复核组", "A2")]  # carried only
    finally:
        s.close()
    assert records(folder) == before


def test_evidence_and_verdicts_from_outside_the_stage_are_refused(tmp_path: Path) -> None:
    from assessor.tui.widgets.verdict import apply_verdict

    folder = campaign(tmp_path)
    before = records(folder)
    s = Session.open(folder, evaluator=OUTSIDER, stage="review")
    try:
        with pytest.raises(StoreError, match="not an evaluator of stage review"):
            s.add_evidence(COUNTY, "A1", "https://example.org/more.pdf")
        with pytest.raises(AssessorError, match="its evaluators: 市复核组"):
            apply_verdict(s, COUNTY, "A2", "1 有效")
    finally:
        s.close()
    assert records(folder) == before


def test_the_stages_own_evaluator_writes_as_before(tmp_path: Path) -> None:
    s = Session.open(campaign(tmp_path), evaluator="市复核组", stage="review")
    try:
        s.enter(COUNTY, "A1", "35")
        assert s.workspace.get_entry(COUNTY, "2021", "A1", "市复核组") is not None
    finally:
        s.close()


async def test_the_region_screen_says_who_may_write_and_stores_nothing(tmp_path: Path) -> None:
    folder = campaign(tmp_path)
    before = records(folder)
    app = AssessorApp(folder, evaluator=OUTSIDER, stage="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        table.move_cursor(row=table.get_row_index(COUNTY))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
        screen = app.screen
        assert isinstance(screen, RegionScreen)
        await until(pilot, screen.is_ready, "the tree")
        screen._go_to("A1")
        await until(pilot, lambda: screen.leaf == "A1" and screen.is_ready(), "A1 shown")
        field = screen.query_one("#in-value", Input)
        field.focus()
        await pilot.press("3", "5", "enter")
        message = screen.query_one("#message", Static)

        def said() -> str:  # as shown, without the line breaks of the pane's width
            return str(message.render()).replace("\n", "")

        await until(pilot, lambda: "不是复核（review）阶段的评估人" in said(), "the refusal")
        assert said().endswith("本阶段评估人：市复核组"), said()
    assert records(folder) == before
