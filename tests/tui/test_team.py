"""A team on a shared database: an outage is a state, not a crash; other evaluators' saved
changes reach an open TUI without a key press (PostgreSQL and SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from assessor.model.entries import Entry
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from tests.store.pg import PostgresServer, own_server
from tests.tui.conftest import sample_workspace
from tests.tui.test_scoring_flow import EVALUATOR, REGION, open_region, show, stored, type_into
from tests.tui.waiting import loaded, until

OTHER = "专家组-张磊"


@pytest.fixture
def server() -> Iterator[PostgresServer]:
    """A server of this test's own: the tests stop and restart it."""
    with own_server() as s:
        yield s


@pytest.fixture
def pg_workspace(tmp_path: Path, server: PostgresServer) -> Path:
    return sample_workspace(tmp_path / "ws", server.new_database("team"))


def message(screen: object) -> str:
    return str(screen.query_one("#message", Static).render())  # type: ignore[attr-defined]


async def test_a_value_entered_while_the_server_is_down_is_kept_and_saved_when_it_is_back(
    pg_workspace: Path, server: PostgresServer
) -> None:
    app = AssessorApp(pg_workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, "D1-12")
        field = screen.query_one("#in-value", Input)
        server.halt()
        await type_into(pilot, field, "1", "enter")
        await until(pilot, lambda: "数据库暂不可用" in message(screen), "the outage message")
        assert app.is_running and field.value == "1"  # nothing lost, nothing closed
        assert "数据库不可用" in app.sub_title
        server.resume()
        field.focus()
        await pilot.press("enter")
        await until(pilot, lambda: message(screen).startswith("已保存：1"), "the value saved")
        await until(pilot, lambda: "数据库不可用" not in app.sub_title, "the header cleared")
    assert stored(pg_workspace, "D1-12").value == 1  # type: ignore[union-attr]


async def test_starting_while_the_server_is_down_says_so_and_loads_when_it_is_back(
    pg_workspace: Path, server: PostgresServer
) -> None:
    server.halt()
    app = AssessorApp(pg_workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.load_problems is not None, "the load to fail")
        assert any("cannot be reached" in str(p) for p in app.load_problems or [])
        summary = str(app.screen.query_one("#load-problems", Static).render())
        assert "cannot be reached" in summary or "数据库暂不可用" in summary
        server.resume()
        await pilot.press("r")  # or wait for the automatic retry
        await loaded(pilot, app)
        assert app.loaded and app.screen.query_one("#regions", DataTable).row_count == 20


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_another_evaluators_saved_value_reaches_an_open_tui_without_a_key(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        ws_dir = sample_workspace(tmp_path / "ws")
    else:
        ws_dir = request.getfixturevalue("pg_workspace")
    app = AssessorApp(ws_dir, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        before = app.session.results[REGION].total
        other = open_workspace(ws_dir)
        try:
            # 专家组-张磊, in another terminal, lowers every level indicator of the region to 1
            leaves = [c.id for c in app.session.cs.core_leaves if c.method == "level"]
            for leaf in leaves:
                other.set_entry(REGION, "2021", leaf, OTHER, Entry(value=1))
            expected = _total_scored_afresh(ws_dir)
        finally:
            other.close()
        await until(
            pilot, lambda: app.session.results[REGION].total == expected, "the other's change"
        )
        assert expected < before
        from assessor.scoring import display

        await until(
            pilot,
            lambda: display(app.session.cs, expected) in str(table.get_cell(REGION, "total")),
            "the home row repainted",
        )


def _total_scored_afresh(ws_dir: Path) -> Decimal:
    from assessor.scoring import compile_checked, score

    ws = open_workspace(ws_dir)
    try:
        results = score(compile_checked(ws.indicator_set), ws.assessment("2021"),
                        consolidation=ws.consolidation)  # fmt: skip
        return next(r.total for r in results if r.region == REGION)
    finally:
        ws.close()
