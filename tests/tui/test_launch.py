"""Starting up: keys typed during the load are kept, a workspace that does not load says why
(and can be fixed from the app), an unknown evaluator is refused, the theme is remembered."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from assessor.errors import UsageError
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from assessor.tui.session import Session
from tests.tui.test_scoring_flow import EVALUATOR
from tests.tui.waiting import loaded, settled, until

BROKEN = "id: sd-county-2020\nname: [broken\n"


async def test_keys_typed_while_the_workspace_loads_are_delivered_once_it_is_ready(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/ dcfq Enter Enter n` typed before home has any row opens 东昌府区 on the first
    indicator not entered (the load is held until every key has been pressed)."""
    go = threading.Event()
    real_open = Session.open

    def held_open(*args: object, **kwargs: object) -> Session:
        go.wait(timeout=60)
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Session, "open", held_open)
    app = AssessorApp(workspace, evaluator="专家组-周敏")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"dcfq", "enter", "enter", "n")
        assert not app.loaded and len(app._held) == 8
        go.set()
        await loaded(pilot, app)
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
        await settled(pilot, app)
        screen = app.screen
        assert isinstance(screen, RegionScreen) and screen.region_id == "371502"
        assert screen.leaf == app.session.cs.leaves[0].id  # `n`: the first one, not entered


async def test_a_set_file_that_does_not_load_shows_its_problems_not_an_endless_load(
    workspace: Path,
) -> None:
    (workspace / "sd-county-2020.yaml").write_text(BROKEN, encoding="utf-8")
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        assert not app.loaded
        panel = str(app.screen.query_one("#load-problems", Static).render())
        assert "sd-county-2020.yaml:3:1" in panel and "YAML" in panel
        assert "e 编辑" in panel and "l " in panel
        assert "未能载入" in str(app.screen.query_one("#summary", Static).render())


async def test_while_the_workspace_does_not_load_the_footer_offers_only_what_works(
    workspace: Path,
) -> None:
    from textual.widgets import Footer

    (workspace / "sd-county-2020.yaml").write_text(BROKEN, encoding="utf-8")
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.pause()
        keys = {k.key for k in app.screen.query_one(Footer).query("FooterKey").results()}  # type: ignore[attr-defined]
        assert {"e", "l", "ctrl+q", "f1"} <= keys
        assert not keys & {"k", "o", "a", "slash", "i"}


async def test_fixing_the_set_file_and_pressing_l_loads_the_workspace(workspace: Path) -> None:
    import shutil

    from tests.tui.conftest import ROOT

    path = workspace / "sd-county-2020.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        assert not app.loaded
        shutil.copyfile(ROOT / "indicators" / "sd-county-2020.yaml", path)  # as the editor would
        await pilot.press("l")
        await until(pilot, lambda: app.loaded, "the reload")
        await settled(pilot, app)
        assert app.screen.query_one("#regions", DataTable).row_count == 20
        assert app.screen.query_one("#load-problems").has_class("hidden")


def test_an_evaluator_not_in_the_workspace_is_refused_with_the_known_names(
    workspace: Path,
) -> None:
    with pytest.raises(UsageError) as caught:
        AssessorApp(workspace, evaluator="专家组-无名")
    said = str(caught.value)
    assert "专家组-无名" in said and "专家组-陈静" in said and "专家组-周敏" in said
    assert "workspace.yaml" in said


async def test_the_chosen_theme_is_remembered_for_the_next_run(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        app.theme = "nord"
        await pilot.pause()
    again = AssessorApp(workspace, evaluator=EVALUATOR)
    assert again.theme == "nord"


async def test_esc_clears_the_home_filter(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        await pilot.press("slash", *"dcfq")
        await until(pilot, lambda: table.row_count == 1, "the filter")
        await pilot.press("escape")
        await until(pilot, lambda: table.row_count == 20, "every region again")
        assert app.screen.query_one("#filter", Input).value == ""


async def test_a_period_without_entries_and_the_only_period_say_so(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR, period="2030")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        said = [str(n.message) for n in app._notifications]
        assert any("2030" in m and "没有任何填报" in m for m in said)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("最新的评价期" in m or "只有一个评价期" in m for m in said)


async def test_the_screenshot_command_says_where_it_saved(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        app.screenshot()
        await pilot.pause()
        shots = list((workspace / "screenshots").glob("*.svg"))
        assert len(shots) == 1
        said = [str(n.message) for n in app._notifications]
        assert any(str(shots[0]) in m for m in said)
