"""What every assessor screen shares: typed access to the app, its session and language."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from assessor.tui.app import AssessorApp

ResultT = TypeVar("ResultT")


class AssessorScreen(Screen[ResultT]):
    @property
    def assessor(self) -> AssessorApp:
        """The app as an `AssessorApp` (Textual types `self.app` as any App)."""
        from assessor.tui.app import AssessorApp

        assert isinstance(self.app, AssessorApp)
        return self.app
