"""Waiting for conditions in Pilot tests (never for a fixed time): the app loaded, keys held
during a load delivered, a worker finished, a screen switched, a row present."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.pilot import Pilot

from assessor.tui.app import AssessorApp

#: Generous: the suite must pass with both cores busy; a condition met returns at once.
TIMEOUT = 60.0


async def until(pilot: Pilot, condition: Callable[[], object], what: str) -> None:  # type: ignore[type-arg]
    """Let the app run until `condition()` holds; fail naming `what` after TIMEOUT."""
    deadline = monotonic() + TIMEOUT
    while not condition():
        if monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause()


async def settled(pilot: Pilot, app: AssessorApp) -> None:  # type: ignore[type-arg]
    """Every held key delivered, every worker done, every message handled."""
    await until(pilot, lambda: not app._held and not app._replaying, "typed-ahead keys")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def loaded(pilot: Pilot, app: AssessorApp) -> None:  # type: ignore[type-arg]
    """The first frame comes before the workspace is read: wait until it is read and home
    shows it (the load worker may not even be scheduled when the test starts)."""
    await until(pilot, lambda: app.loaded or app.load_problems is not None, "the workspace to load")
    await settled(pilot, app)
