"""The Textual app: opens a workspace and walks an evaluator through scoring each region."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from assessor.tui.session import Session


class AssessorApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "assessor"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "退出 quit", priority=True)]

    def __init__(self, workspace: Path, evaluator: str | None = None, period: str | None = None,
                 lang: str | None = None) -> None:  # fmt: skip
        super().__init__()
        self.session = Session.open(workspace, evaluator=evaluator, period=period)
        self.lang = lang or self.session.workspace.config.language
        self.sub_title = f"{self.session.workspace.config.name} · {self.session.period}"

    def on_mount(self) -> None:
        from assessor.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def region_changed(self, region: str) -> None:
        """A region's result changed: the home table's row follows."""
        from assessor.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_region(region)

    def on_unmount(self) -> None:
        self.session.close()
