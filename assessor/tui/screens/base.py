"""What every assessor screen shares: typed access to the app, its session and language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

from assessor.tui.i18n import t

if TYPE_CHECKING:
    from textual.app import SystemCommand

    from assessor.tui.app import AssessorApp

ResultT = TypeVar("ResultT")


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
        current = app.session.status(region)

        def chosen(status: str | None) -> None:
            if status is None:
                return
            if needs_reason(current, status):
                question = t(lang, "reason_ask").format(
                    region=region, old=t(lang, f"status_{current}"), new=t(lang, f"status_{status}")
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
            self.notify(f"{region}: {t(lang, f'status_{status}')}")
            app.status_changed()
            self.status_changed(region)

        app.push_screen(WorkflowScreen(region, current, lang), chosen)

    def status_changed(self, region: str) -> None:
        """A hook: the screen shows the region's new status (a final one is read-only)."""
