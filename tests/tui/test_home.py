"""Home: filter, attention, sorting and the period switcher."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from tests.tui.waiting import loaded, settled, until

EVALUATOR = "专家组-陈静"


async def home(pilot: Pilot, app: AssessorApp) -> DataTable:  # type: ignore[type-arg]
    await loaded(pilot, app)
    return app.screen.query_one("#regions", DataTable)


async def test_filter_by_pinyin_initials_keeps_the_matching_regions(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await home(pilot, app)
        await pilot.press("slash", *"dcfq")
        await pilot.pause()
        assert [str(k.value) for k in table.rows] == ["371502"]
        assert app.screen.query_one("#filter", Input).value == "dcfq"


async def test_attention_lists_the_counts_and_a_keeps_those_regions(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await home(pilot, app)
        line = str(app.screen.query_one("#attention", Static).render())
        assert "未评分 3 项" in line  # 临沂市临沭县 has indicators nobody scored
        assert table.get_cell("371329", "attention").plain.strip().endswith(".2")
        await pilot.press("a")
        await pilot.pause()
        assert all(app.session.attention(str(k.value)) for k in table.rows)


async def test_s_sorts_by_total_best_first(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await home(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        totals = [app.session.results[str(r.key.value)].total for r in table.ordered_rows]
        assert totals == sorted(totals, reverse=True)


async def test_brackets_switch_to_the_previous_period(workspace: Path) -> None:
    ws = open_workspace(workspace)
    ws.store.new_period(ws.set_id, "2020", "2021", who="test")
    ws.close()
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await home(pilot, app)
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: app.session.period == "2020", "the period switch")
        await settled(pilot, app)
        assert app.session.period == "2020"
        assert "2020" in str(app.screen.query_one("#summary", Static).render())
        assert table.row_count == 20
