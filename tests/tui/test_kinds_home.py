"""Home in a campaign of two kinds of unit: a bar labels each kind with its number of units,
home shows one kind at a time (its set, its ranks), `t` moves to the next kind, and a unit
opens with its kind's set."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import DataTable, Static

from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.home import HomeScreen
from assessor.tui.screens.region import RegionScreen
from tests.kinds_campaign import COUNTIES, DEPARTMENTS, make_campaign
from tests.tui.waiting import loaded, settled, until

EVALUATOR = "市大数据局-数据组"


def _rows(app: AssessorApp) -> list[str]:
    table = app.screen.query_one("#regions", DataTable)
    return [str(k.value) for k in table.rows]


async def test_home_shows_counties_first_and_t_moves_to_the_departments(tmp_path: Path) -> None:
    folder = make_campaign(tmp_path / "sx")
    app = AssessorApp(folder, evaluator=EVALUATOR, period="2021-W10")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        bar = str(app.screen.query_one("#kinds", Static).render())
        assert "区、县（市） 6" in bar and "市级部门 3" in bar
        assert sorted(_rows(app)) == sorted(COUNTIES)
        assert app.session.cs.set.id == "sx-digital-gov"
        await pilot.press("t")
        await until(pilot, lambda: app.session.kind.key == "department", "the kind switch")
        await settled(pilot, app)
        assert sorted(_rows(app)) == sorted(DEPARTMENTS)
        assert app.session.cs.set.id == "test-departments"
        table = app.screen.query_one("#regions", DataTable)
        # ranked among the departments only: 90, 82, 62 (体制机制 + 创新工作)
        ranks = {rid: table.get_cell(rid, "rank").plain for rid in DEPARTMENTS}
        assert ranks == {"sx-dsj": "1", "sx-rsj": "2", "sx-scjg": "3"}
        assert "市级部门" in app.sub_title
        await pilot.press("t")
        await until(pilot, lambda: app.session.kind.key == "county", "the way back")


async def test_the_tui_can_start_on_a_given_kind(tmp_path: Path) -> None:
    folder = make_campaign(tmp_path / "sx")
    app = AssessorApp(folder, evaluator=EVALUATOR, period="2021-W10", kind="department")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        assert sorted(_rows(app)) == sorted(DEPARTMENTS)


async def test_a_department_opens_and_is_entered_with_the_department_set(tmp_path: Path) -> None:
    folder = make_campaign(tmp_path / "sx")
    app = AssessorApp(folder, evaluator=EVALUATOR, period="2021-W10")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.open_unit("sx-rsj")  # as the palette does for a unit of another kind
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the unit to open")
        await settled(pilot, app)
        assert app.session.kind.key == "department"
        result = app.session.enter("sx-rsj", "M1", "95")
        assert result.nodes["M1"].points == Decimal(57)
    ws = open_workspace(folder)
    try:
        got = ws.get_entry("sx-rsj", "2021-W10", "M1", EVALUATOR)
        assert got is not None and got.set_id == "test-departments" and got.version == 2
    finally:
        ws.close()


async def test_a_campaign_of_one_kind_has_no_kinds_bar(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator="专家组-陈静")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        assert app.screen.query_one("#kinds", Static).has_class("hidden")
        assert app.screen.check_action("next_kind", ()) is False
        assert "·" in app.sub_title and "区、县" not in app.sub_title
