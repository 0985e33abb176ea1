"""Keys that arrive faster than they are handled are handled in order, each after the one
before has had its effect: a terminal on a busy machine hands the app several at once."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from tests.tui.waiting import loaded, settled, until


def burst(app: AssessorApp, *keys: str) -> None:
    """Keys queued at the app together, as the driver does when the terminal sent them before
    the app got to read (nothing is handled between them)."""
    chars = {"slash": "/", "enter": "\r"}
    for key in keys:
        event = events.Key(key, chars.get(key, key))
        event.set_sender(app)
        app.post_message(event)


async def test_enter_in_the_filter_takes_effect_before_the_keys_sent_after_it(
    workspace: Path,
) -> None:
    """`/ dcfq Enter Enter n` in one burst: the filter keeps `dcfq`, the second Enter opens
    东昌府区 and `n` goes to its first indicator not entered (once left `dcfqn` in the filter:
    Enter is a binding that comes back to the app after the keys already queued)."""
    app = AssessorApp(workspace, evaluator="专家组-周敏")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        burst(app, "slash", *"dcfq", "enter", "enter", "n")
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
        await settled(pilot, app)
        screen = app.screen
        assert isinstance(screen, RegionScreen) and screen.region_id == "371502"
        assert screen.leaf == app.session.cs.leaves[0].id
        home = app.screen_stack[-2]
        assert home.query_one("#filter", Input).value == "dcfq"


async def test_keys_typed_after_a_value_go_where_its_enter_moved_the_focus(
    workspace: Path,
) -> None:
    """In a region: `Enter 4 5 Enter 6 0 Enter` in one burst stores D1-01 (two inputs) once,
    with both values, as typed slowly would."""
    app = AssessorApp(workspace, evaluator="专家组-周敏")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("slash", *"dcfq", "enter", "enter", "n")
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
        await settled(pilot, app)
        store = app.session.workspace.store
        key = app.session.key("371502", "D1-01")
        burst(app, "enter", "4", "5", "enter", "6", "0", "enter")
        await until(pilot, lambda: store.get_entry(key) is not None, "D1-01 stored")
        await settled(pilot, app)
        stored = store.get_entry(key)
        assert stored is not None
        assert {k: str(v) for k, v in stored.entry.inputs.items()} == {"used": "45", "total": "60"}  # type: ignore[union-attr]
        mine = [r for r in store.audit_log(region="371502", leaf="D1-01") if r.who == "专家组-周敏"]
        assert len(mine) == 1  # one decision, one record
