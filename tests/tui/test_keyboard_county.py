"""A new evaluator scores a whole county by keyboard alone: `n`, Enter, value, Enter …"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from assessor.model.indicator_set import ChoiceLeaf, LevelLeaf, NumericLeaf
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from tests.tui.waiting import loaded

NEWCOMER = "专家组-周敏"
REGION = "371502"


def keys_for(node: object) -> list[list[str]]:
    """What an evaluator would type, input by input: a level, a number, a yes/no, a key."""
    if isinstance(node, LevelLeaf):
        return [["3"]]
    if isinstance(node, ChoiceLeaf):
        return [list(node.options[0].key)]
    if isinstance(node, NumericLeaf) and node.inputs:
        return [["8"] for _ in node.inputs]
    if isinstance(node, NumericLeaf):
        return [["8", "0"]]
    return [["0"]]  # check: no (for a veto: it did not happen)


async def test_a_county_scored_by_keyboard_gets_a_final_rating(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=NEWCOMER)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        table.move_cursor(row=table.get_row_index(REGION))
        await pilot.press("enter", "n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegionScreen)
        for _ in app.session.cs.leaves:
            await pilot.pause()
            node = app.session.cs.nodes[screen.leaf or ""].node
            await pilot.press("enter")  # from the tree into the first input
            for typed in keys_for(node):
                await pilot.press(*typed, "enter")  # Enter: next input, or the next indicator
            await pilot.pause()
        assert "你已填报本地区全部指标" in str(screen.query_one("#message", Static).render())
        head = str(screen.query_one("#head", Static).render())
        assert "暂定" not in head and "星级" in head
    ws = open_workspace(workspace)
    try:
        mine = [e for e in ws.store.entries(ws.set_id, "2021", REGION) if e.evaluator == NEWCOMER]
        assert len(mine) == len(app.session.cs.leaves)
    finally:
        ws.close()
