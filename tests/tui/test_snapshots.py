"""How each screen looks with the sample data at 120×40 (SVG snapshots; textual pinned exactly).

Regenerate after an intended change: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from assessor.tui.app import AssessorApp
from tests.tui.waiting import loaded, settled

SIZE = (120, 40)


async def _loaded(pilot: Pilot) -> None:  # type: ignore[type-arg]
    assert isinstance(pilot.app, AssessorApp)
    await loaded(pilot, pilot.app)


def test_home_screen(workspace: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        AssessorApp(workspace, evaluator="专家组-陈静"), terminal_size=SIZE, run_before=_loaded
    )


def test_ranking_screen(workspace: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def ranking(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await _loaded(pilot)
        await pilot.press("k")
        await pilot.pause()

    assert snap_compare(
        AssessorApp(workspace, evaluator="专家组-陈静"), terminal_size=SIZE, run_before=ranking
    )


def test_region_screen(workspace: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def region(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await _loaded(pilot)
        await pilot.press("enter")
        for _ in range(2):  # root → 数字惠民 → D1-01 (named inputs)
            await pilot.press("down")
        assert isinstance(pilot.app, AssessorApp)
        await settled(pilot, pilot.app)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        pilot.app.screen.query_one("#history").display = False  # audit times differ per run
        await pilot.pause()

    assert snap_compare(
        AssessorApp(workspace, evaluator="专家组-陈静"), terminal_size=SIZE, run_before=region
    )


def _keys(*keys: str):  # type: ignore[no-untyped-def]
    """Load, press keys one at a time, wait for every worker (no sleeping)."""

    async def run(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await _loaded(pilot)
        assert isinstance(pilot.app, AssessorApp)
        for key in keys:
            await pilot.press(key)
            await settled(pilot, pilot.app)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    return run


def test_set_screen(workspace: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = AssessorApp(workspace, evaluator="专家组-陈静")
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("i", "down", "down", "down"))


def test_gap_screen(workspace: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = AssessorApp(workspace, evaluator="专家组-陈静")
    # 茌平区 (four stars) → its region screen → the gap to five stars
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys(*"/cpq", "enter", "enter", "g"))


def test_reports_screen(workspace: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = AssessorApp(workspace, evaluator="专家组-陈静")
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("o"))


def test_home_screen_in_english(workspace: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = AssessorApp(workspace, evaluator="专家组-陈静", lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=_loaded)
