"""The indicator-set screen: browsing, and a reload that lints before it replaces anything."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static, Tree

from assessor.tui.app import AssessorApp
from assessor.tui.screens.indicator_set import SetScreen
from tests.tui.waiting import loaded, until

EVALUATOR = "专家组-陈静"


async def open_set(pilot: Pilot, app: AssessorApp) -> SetScreen:  # type: ignore[type-arg]
    await loaded(pilot, app)
    await pilot.press("i")
    await until(pilot, lambda: isinstance(app.screen, SetScreen), "the set screen")
    assert isinstance(app.screen, SetScreen)
    return app.screen


async def reload(pilot: Pilot, screen: SetScreen) -> None:  # type: ignore[type-arg]
    screen.editable_path()  # the bundled set gets a workspace copy, as `e` does
    await pilot.press("l")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_tree_shows_every_indicator_with_its_points_and_method(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_set(pilot, app)
        tree = screen.query_one("#set-tree", Tree)
        labels = [str(n.label) for n in tree._tree_nodes.values()]
        assert len(labels) == len(app.session.cs.nodes)  # root + every node
        assert any(label.startswith("D1-12 ") and "等级评定" in label for label in labels)  # level


async def test_a_broken_yaml_reload_shows_the_error_and_keeps_the_set(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_set(pilot, app)
        before = app.session.cs
        copy = screen.editable_path()
        copy.write_text(copy.read_text("utf-8").replace("name: 数字惠民", "name: [数字惠民", 1))
        await reload(pilot, screen)
        panel = screen.query_one("#lint", Static)
        assert panel.display and "sd-county-2020.yaml:" in str(panel.render())
        assert app.session.cs is before


async def test_a_fixed_file_reloads_and_rescores(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_set(pilot, app)
        copy = screen.editable_path()
        text = copy.read_text("utf-8")
        copy.write_text(text.replace("name: 智慧文旅服务", "name: 智慧文旅服务[新]", 1), "utf-8")
        await reload(pilot, screen)
        assert not screen.query_one("#lint", Static).display
        assert app.session.cs.nodes["D1-12"].name == "智慧文旅服务[新]"
