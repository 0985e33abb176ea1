"""The ranking screen: the engine's ranks, the change against last period, sorting, groups."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from assessor.model import Entry
from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.ranking import RankingScreen
from tests.tui.waiting import loaded, until

EVALUATORS = ("专家组-陈静", "专家组-张磊", "专家组-赵丽")


async def open_ranking(pilot: Pilot, app: AssessorApp) -> DataTable:  # type: ignore[type-arg]
    await loaded(pilot, app)
    await pilot.press("k")
    await until(pilot, lambda: isinstance(app.screen, RankingScreen), "the ranking screen")
    await app.workers.wait_for_complete()  # the previous period is scored in a worker
    await pilot.pause()
    assert isinstance(app.screen, RankingScreen)
    return app.screen.query_one("#ranking", DataTable)


def with_previous_period(workspace: Path) -> None:
    """2020 = 2021 except that 东昌府区 (371502) had no 智慧文旅服务 (D1-12) then."""
    ws = open_workspace(workspace)
    ws.store.new_period(ws.set_id, "2020", "2021", who="test")
    for who in EVALUATORS:
        key = EntryKey(ws.set_id, "371502", "2020", who, "D1-12")
        ws.store.set_entry(key, Entry(value=0, evaluator=who))
    ws.close()


async def test_rows_come_in_the_engines_rank_order(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATORS[0])
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_ranking(pilot, app)
        ranks = [
            app.session.results[str(k.value)].rank for k in (row.key for row in table.ordered_rows)
        ]
        shown = [table.get_row_at(i)[0].plain for i in range(table.row_count)]
        assert ranks == sorted(ranks, key=lambda r: r or 10**9)
        assert shown[0] == "1" and table.row_count == 20


async def test_change_against_the_previous_period_is_shown(workspace: Path) -> None:
    with_previous_period(workspace)
    app = AssessorApp(workspace, evaluator=EVALUATORS[0])
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_ranking(pilot, app)
        delta = table.get_cell("371502", "delta")
        assert delta.plain.startswith("+") and "green" in str(delta.style)
        assert table.get_cell("371503", "delta").plain in ("+0", "+0.00", "0", "0.00")


async def test_s_sorts_by_the_next_column(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATORS[0])
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_ranking(pilot, app)
        await pilot.press("s")  # rank → total: the same order, best first
        await pilot.press("s", "s", "s")  # → region code
        await pilot.pause()
        codes = [str(k.value) for k in (row.key for row in table.ordered_rows)]
        order = [table.get_cell(r.key, "region").plain.split()[-1] for r in table.ordered_rows]
        assert order == sorted(codes)


async def test_f_shows_one_peer_group_with_its_group_ranks(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATORS[0])
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_ranking(pilot, app)
        await pilot.press("f")
        await pilot.pause()
        groups = {table.get_cell(r.key, "group").plain for r in table.ordered_rows}
        group_ranks = sorted(int(table.get_cell(k, "group_rank").plain) for k in table.rows)
        assert len(groups) == 1 and 0 < table.row_count < 20
        assert group_ranks[0] == 1
