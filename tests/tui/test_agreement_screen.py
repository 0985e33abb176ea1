"""The panel-agreement screen and the gap screen's declared grade, on the sample workspace
(three experts; 东阿县 371524 declares 四星级(成长型) in samples/workspace/regions.yaml)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from assessor.tui.app import AssessorApp
from assessor.tui.screens.agreement import AgreementScreen
from assessor.tui.screens.gap import GapScreen
from tests.tui.waiting import loaded, until

LEAD = "专家组-陈静"


async def test_the_least_agreed_indicator_comes_first_with_its_formula(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=LEAD)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot, app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "评审组一致性" in titles  # in the command palette
        app.push_screen(AgreementScreen())
        await until(pilot, lambda: isinstance(app.screen, AgreementScreen), "the screen")
        screen = app.screen
        await until(pilot, lambda: screen.query("#agreement"), "the screen composed")
        table = screen.query_one("#agreement", DataTable)
        await until(pilot, lambda: table.row_count > 0, "the agreement rows")
        first = table.get_row_at(0)
        assert (first[0].plain, first[1], first[2].plain) == ("D2-10 基层网格化治理", "W", "0.766")
        formula = screen.query_one("#agreement-formula", Static)
        await until(pilot, lambda: "12×851" in str(formula.render()), "the formula line")
        head = str(screen.query_one("#agreement-head", Static).render())
        assert "总分 ICC(2,1) = " in head


async def test_the_gap_screen_aims_at_the_declared_grade(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=LEAD)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot, app)
        app.push_screen(GapScreen("371524"))
        await until(pilot, lambda: isinstance(app.screen, GapScreen), "the gap screen")
        await until(pilot, lambda: app.screen.query("#gap-head"), "the screen composed")
        head = app.screen.query_one("#gap-head", Static)
        await until(pilot, lambda: "申报等级" in str(head.render()), "the plan")
        assert "提升到申报等级“四星级(成长型)”" in str(head.render())
