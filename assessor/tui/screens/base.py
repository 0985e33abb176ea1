"""What every assessor screen shares: typed access to the app, its session and language."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from textual.screen import Screen

from assessor.store.errors import StoreUnavailable
from assessor.tui.i18n import t

if TYPE_CHECKING:
    from textual.app import SystemCommand

    from assessor.tui.app import AssessorApp

ResultT = TypeVar("ResultT")
P = ParamSpec("P")
R = TypeVar("R")


def outage_safe(method: Callable[P, R]) -> Callable[P, R | None]:
    """An action that reads or writes the database: when the database cannot be reached the
    header says so and the screen goes on (an exception in a handler would stop the screen)."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(*args, **kwargs)
        except StoreUnavailable as exc:
            screen = args[0]
            assert isinstance(screen, AssessorScreen)
            screen.assessor.database_unavailable(exc)
            return None

    return wrapper


class AssessorScreen(Screen[ResultT]):
    @property
    def assessor(self) -> AssessorApp:
        """The app as an `AssessorApp` (Textual types `self.app` as any App)."""
        from assessor.tui.app import AssessorApp

        assert isinstance(self.app, AssessorApp)
        return self.app

    def is_ready(self) -> bool:
        """Whether keys can be delivered; keys typed before wait in the app (type-ahead)."""
        return True

    def commands(self) -> Iterator[SystemCommand]:
        """This screen's entries in the command palette (none by default)."""
        yield from ()

    def extra_keys(self) -> list[tuple[str, str]]:
        """Keys handled by widgets rather than bindings (Enter in an input …), for the help."""
        return []

    def change_status(self, region: str) -> None:
        """Submit / review / finalise / reopen a region: choose, give a reason when going
        back, stored and audited by the store."""
        from assessor.tui.widgets.prompt import PromptScreen
        from assessor.tui.widgets.workflow import WorkflowScreen, needs_reason

        app = self.assessor
        if not app.loaded:
            return
        lang = app.lang
        if app.session.rolled_up:  # a month of weeks: submitted, reviewed … week by week
            self.notify(t(lang, "rolled_up_help").format(period=app.session.period))
            return
        current = app.session.status(region)
        known = app.session.workspace.regions.get(region)
        named = f"{known.name} {region}" if known is not None and known.name else region

        def chosen(status: str | None) -> None:
            if status is None:
                return
            if needs_reason(current, status):
                question = t(lang, "reason_ask").format(
                    region=named, old=t(lang, f"status_{current}"), new=t(lang, f"status_{status}")
                )
                app.push_screen(PromptScreen(question), lambda why: done(status, why))
            else:
                done(status, None)

        def done(status: str, reason: str | None) -> None:
            from assessor.errors import AssessorError, in_language

            if needs_reason(current, status) and not reason:
                self.notify(t(lang, "reason_missing"), severity="warning")
                return
            try:
                app.session.set_status(region, status, reason)
            except AssessorError as exc:
                self.notify(in_language(exc.problems[0].message, lang), severity="error")
                return
            self.notify(f"{named}: {t(lang, f'status_{status}')}")
            app.status_changed()
            self.status_changed(region)

        app.push_screen(WorkflowScreen(named, current, lang), chosen)

    def status_changed(self, region: str) -> None:
        """A hook: the screen shows the region's new status (a final one is read-only)."""
