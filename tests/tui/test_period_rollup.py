"""The TUI shows a month, a quarter and the year of a weekly campaign as the CLI scores them
(issue 16): rolled up from the weeks by the engine, counties and departments apart, read-only
(nothing is typed into a month of weeks) and saying so (汇总自 N 周); rank points beside the
ranking, a year's composed of its months' in the engine's words. Leaves fed by tasks are
valued as the CLI values them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.ranking import RankingScreen
from assessor.tui.session import RolledUpError
from tests.tui.waiting import loaded, settled, until

ROOT = Path(__file__).resolve().parents[2]
LEAD = "市大数据局-数据组"


@pytest.fixture(scope="module")
def shaoxing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Shaoxing campaign with its year of sample weeks imported (as `make demo`)."""
    folder = tmp_path_factory.mktemp("shaoxing") / "ws"
    folder.mkdir()
    for f in (ROOT / "samples" / "campaigns" / "shaoxing-2021").glob("*.yaml"):
        shutil.copy(f, folder / f.name)
    files = sorted((ROOT / "samples" / "shaoxing-2021-county").glob("*.yaml"))
    files += sorted((ROOT / "samples" / "shaoxing-2021-department").glob("*.yaml"))
    cli("import", "-w", str(folder), "--who", "test", *map(str, files))
    return folder


@pytest.fixture
def campaign(shaoxing: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(shaoxing, tmp_path / "ws"))


def cli(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "assessor", *args],
        check=True, capture_output=True, text=True, timeout=600,
    ).stdout  # fmt: skip


def cli_results(folder: Path, period: str, kind: str | None = None) -> dict[str, Any]:
    """`assessor score --format json`, by unit id: what the CLI prints for the period."""
    extra = ["--kind", kind] if kind else []
    out = cli("score", str(folder), "--period", period, *extra, "--format", "json")
    return {r["region"]: r for r in json.loads(out)}


def home_totals(app: AssessorApp) -> dict[str, str]:
    table = app.screen.query_one("#regions", DataTable)
    return {str(k.value): table.get_cell(str(k.value), "total").plain for k in table.rows}


def at(app: AssessorApp, period: str) -> Callable[[], bool]:
    return lambda: app.session.period == period


def shown(cli_result: dict[str, Any]) -> str:
    return f"{float(cli_result['total']):.2f}" + ("*" if cli_result.get("provisional") else "")


async def test_a_month_of_weeks_shows_the_clis_totals_rolled_up_from_its_weeks(
    campaign: Path,
) -> None:
    expected = cli_results(campaign, "2021-04", "county")
    app = AssessorApp(campaign, evaluator=LEAD, period="2021-04")
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot, app)
        assert app.session.rolled_up_from == ("2021-W13", "2021-W14", "2021-W15", "2021-W16",
                                              "2021-W17")  # fmt: skip
        assert home_totals(app) == {rid: shown(r) for rid, r in expected.items()}
        assert "0.00" not in home_totals(app).values()
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "汇总自 5 周，只读" in summary, summary
        assert "汇总自 5 周" in app.sub_title


async def test_the_year_of_the_departments_equals_the_clis_year(campaign: Path) -> None:
    expected = cli_results(campaign, "2021", "department")
    app = AssessorApp(campaign, evaluator=LEAD, period="2021", kind="department")
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot, app)
        assert len(app.session.rolled_up_from) == 52
        assert home_totals(app) == {rid: shown(r) for rid, r in expected.items()}
        ranks = {rid: r.rank for rid, r in app.session.results.items()}
        assert ranks == {rid: r["rank"] for rid, r in expected.items()}


async def test_g_goes_from_a_week_to_its_month_quarter_and_year_counties_and_departments_apart(
    campaign: Path,
) -> None:
    app = AssessorApp(campaign, evaluator=LEAD, period="2021-W10")
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot, app)
        assert not app.session.rolled_up
        for period in ("2021-03", "2021-Q1", "2021"):
            await pilot.press("g")
            await until(pilot, at(app, period), f"period {period}")
            await settled(pilot, app)
            counties = cli_results(campaign, period, "county")
            assert home_totals(app) == {rid: shown(r) for rid, r in counties.items()}, period
        await pilot.press("t")  # the departments of the same year: their own set and ranks
        await until(pilot, lambda: app.session.kind.key == "department", "the departments")
        await settled(pilot, app)
        departments = cli_results(campaign, "2021", "department")
        assert home_totals(app) == {rid: shown(r) for rid, r in departments.items()}
        await pilot.press("g")  # after the year: back to its last week with entries
        await until(pilot, lambda: app.session.period == "2021-W52", "the last week")
        await settled(pilot, app)
        assert not app.session.rolled_up


async def test_brackets_move_from_month_to_month(campaign: Path) -> None:
    app = AssessorApp(campaign, evaluator=LEAD, period="2021-04")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: app.session.period == "2021-05", "the next month")
        await settled(pilot, app)
        expected = cli_results(campaign, "2021-05", "county")
        assert home_totals(app) == {rid: shown(r) for rid, r in expected.items()}


async def test_nothing_is_typed_into_a_month_of_weeks(campaign: Path) -> None:
    app = AssessorApp(campaign, evaluator=LEAD, period="2021-04")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        s = app.session
        leaf = s.cs.core_leaves[0].id
        with pytest.raises(RolledUpError) as refused:
            s.enter("330602", leaf, "1")
        assert "汇总自 5 期" in refused.value.problems[0].message.text("zh")  # type: ignore[attr-defined]
        with pytest.raises(RolledUpError):  # no workflow of its own either: its weeks have one
            s.set_status("330602", "submitted")
    ws = open_workspace(campaign)
    try:
        assert "2021-04" not in ws.periods()
        assert ws.for_kind("county").statuses("2021-04")["330602"] == "draft"
    finally:
        ws.close()


async def test_the_ranking_shows_the_engines_rank_points_and_the_years_composition(
    campaign: Path,
) -> None:
    expected = cli_results(campaign, "2021", "county")
    app = AssessorApp(campaign, evaluator=LEAD, period="2021")
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot, app)
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, RankingScreen), "the ranking")
        await settled(pilot, app)
        table = app.screen.query_one("#ranking", DataTable)
        points = {str(k.value): table.get_cell(str(k.value), "rank_pts").plain for k in table.rows}
        assert points == {
            rid: f"{float(r['rank_points']['points']):.2f}" for rid, r in expected.items()
        }
        first = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        words = str(app.screen.query_one("#rank-points", Static).render())
        assert expected[first]["rank_points"]["explanation"] in words, words
        assert "12 个周期排名得分平均" in words, words


async def test_a_week_ranks_with_its_rank_points_too(campaign: Path) -> None:
    expected = cli_results(campaign, "2021-W10", "county")
    app = AssessorApp(campaign, evaluator=LEAD, period="2021-W10")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, RankingScreen), "the ranking")
        await settled(pilot, app)
        table = app.screen.query_one("#ranking", DataTable)
        points = {str(k.value): table.get_cell(str(k.value), "rank_pts").plain for k in table.rows}
        assert points == {
            rid: f"{float(r['rank_points']['points']):.2f}" for rid, r in expected.items()
        }


async def test_leaves_fed_by_tasks_are_scored_in_the_tui_as_by_the_cli(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(ROOT / "samples" / "binzhou-2023", tmp_path / "bz"))
    cli("tasks", "import", str(folder), str(folder / "progress.csv"), "--who", "test")
    cli("import", "-w", str(folder), "--who", "test", str(folder / "entries-2023.yaml"))
    expected = cli_results(folder, "2023")
    app = AssessorApp(folder, period="2023")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        results = app.session.results
        assert home_totals(app) == {rid: shown(r) for rid, r in expected.items()}
        fed = {rid: r.nodes["T1-01"].points for rid, r in results.items()}
        assert any(v for v in fed.values()), fed  # valued from the tasks, not unscored


async def test_a_unit_of_a_month_opens_read_only_with_the_engines_rolled_up_total(
    campaign: Path,
) -> None:
    from textual.widgets import Input

    from assessor.tui.screens.region import RegionScreen

    expected = cli_results(campaign, "2021-04", "county")["330602"]
    app = AssessorApp(campaign, evaluator=LEAD, period="2021-04")
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot, app)
        await pilot.press("enter")  # the first row: 越城区
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the unit")
        await settled(pilot, app)
        head = str(app.screen.query_one("#head", Static).render())
        assert f"{float(expected['total']):.2f}" in head and "汇总自 5 周，只读" in head, head
        await pilot.press("n")  # the first indicator: shown, its inputs disabled
        await settled(pilot, app)
        fields = list(app.screen.query("#inputs Input").results(Input))
        assert fields and all(f.disabled for f in fields)
