"""The mouse works as in any Textual app: click to move, click again (or Enter) to open."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from tests.tui.test_scoring_flow import EVALUATOR, REGION, open_region, show
from tests.tui.waiting import loaded, until


async def test_a_click_moves_to_a_region_and_a_second_click_opens_it(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        row = table.get_row_index(REGION)
        await pilot.click("#regions", offset=(3, row + 1))  # + 1: the header line
        await pilot.pause()
        assert table.cursor_row == row and not isinstance(app.screen, RegionScreen)
        await pilot.click("#regions", offset=(3, row + 1))
        await pilot.pause()
        assert isinstance(app.screen, RegionScreen) and app.screen.region_id == REGION


async def test_a_click_on_a_column_header_sorts_by_that_column(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        keys = [c.key.value for c in table.columns.values()]
        x = sum(
            c.get_render_width(table) for c in list(table.columns.values())[: keys.index("total")]
        )
        await pilot.click("#regions", offset=(x + 2, 0))
        await pilot.pause()
        totals = [app.session.results[str(r.key.value)].total for r in table.ordered_rows]
        assert totals == sorted(totals, reverse=True)


async def test_a_click_on_an_indicator_in_the_tree_shows_it(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        tree = screen.query_one("#tree")
        line = next(n for n in range(1, 20) if tree.get_node_at_line(n).data == "D1-03")
        await pilot.click("#tree", offset=(12, line - tree.scroll_offset.y))
        await pilot.pause()
        assert screen.leaf == "D1-03"
        assert str(screen.query_one("#title", Static).render()).startswith("D1-03 ")


async def test_a_comment_with_markup_shows_as_typed(workspace: Path) -> None:
    from assessor.model import Entry

    comment = "[b]已核实[/b] [red]台账[/] [link=http://x]链接[/link]"
    ws = open_workspace(workspace)
    ws.store.set_entry(
        EntryKey(ws.set_id, REGION, "2021", EVALUATOR, "D1-12"),
        Entry(value=4, evaluator=EVALUATOR, comment=comment),
    )
    ws.close()
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, "D1-12")
        await until(
            pilot, lambda: comment in str(screen.query_one("#explain", Static).render()), "it"
        )
        assert comment in str(screen.query_one("#explain", Static).render())
