"""The Textual app: opens a workspace and walks an evaluator through scoring each region."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from assessor.errors import AssessorError
from assessor.tui.commands import RegionCommands
from assessor.tui.i18n import localize_bindings, t
from assessor.tui.session import Session


class AssessorApp(App[None]):
    """Shows its first frame at once; reading and scoring the workspace runs in a worker."""

    CSS_PATH = "app.tcss"
    TITLE = "assessor"
    COMMANDS = App.COMMANDS | {RegionCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "quit", priority=True),
        Binding("i", "open_set", "indicator_set"),
    ]

    def __init__(self, workspace: Path, evaluator: str | None = None, period: str | None = None,
                 lang: str | None = None) -> None:  # fmt: skip
        super().__init__()
        from assessor.store.config import read_config

        config = read_config(Path(workspace))  # small and fast; errors show before the UI
        self.folder = Path(workspace)
        self.evaluator = evaluator
        self.period = period
        self.lang = lang or config.language
        localize_bindings(self, self.lang)
        self.sub_title = config.name
        self._session: Session | None = None
        self.crash_log: Path | None = None

    def _fatal_error(self) -> None:
        """An unforeseen error: a two-line message and a log file instead of Textual's
        traceback with every local (tens of thousands of lines for a loaded campaign)."""
        import sys

        from rich.text import Text

        from assessor.tui.crash import crash_message, write_crash_log

        info = sys.exc_info()
        self.crash_log = write_crash_log(*info)
        self.bell()
        self._exit_renderables.append(Text(crash_message(info[1], self.crash_log, self.lang)))
        self._close_messages_no_wait()

    @property
    def session(self) -> Session:
        assert self._session is not None, "the workspace is still loading"
        return self._session

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def on_mount(self) -> None:
        from assessor.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        self.call_after_refresh(self.load_session)  # paint the first frame, then load

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_session(self) -> None:
        """Read every entry and score every region, off the UI thread."""
        try:
            session = Session.open(self.folder, evaluator=self.evaluator, period=self.period)
        except AssessorError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=30)
            return
        self.call_from_thread(self._loaded, session)

    def _loaded(self, session: Session) -> None:
        from assessor.tui.screens.home import HomeScreen

        self._session = session
        self.sub_title = f"{session.workspace.config.name} · {session.period}"
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.populate()

    def region_changed(self, region: str) -> None:
        """A region's result changed: the home table's row follows."""
        from assessor.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                for rid in (region, *self.session.moved):
                    screen.refresh_region(rid)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Screens that show results of one set are opened from home only, so that no screen
        below keeps showing a set that was reloaded."""
        if action == "open_set":
            from assessor.tui.screens.home import HomeScreen

            return self.loaded and isinstance(self.screen, HomeScreen)
        return True

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Every screen's footer in the interface language (bindings hold STRINGS keys)."""
        if isinstance(screen, Screen):
            localize_bindings(screen, self.lang)
        return super().push_screen(screen, *args, **kwargs)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands (English) in the interface language."""
        lang = self.lang
        yield SystemCommand(t(lang, "theme"), t(lang, "theme_help"), self.action_change_theme)
        yield SystemCommand(t(lang, "quit"), t(lang, "quit_help"), self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand(t(lang, "keys"), t(lang, "keys_hide"), self.action_hide_help_panel)
        else:
            yield SystemCommand(t(lang, "keys"), t(lang, "keys_help"), self.action_show_help_panel)
        yield SystemCommand(
            t(lang, "screenshot"),
            t(lang, "screenshot_help"),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def action_open_set(self) -> None:
        from assessor.tui.screens.indicator_set import SetScreen

        self.push_screen(SetScreen())

    def set_reloaded(self) -> None:
        """The set was edited and re-scored: every home row follows."""
        from assessor.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                for rid in self.session.results:
                    screen.refresh_region(rid)

    def on_unmount(self) -> None:
        if self._session is not None:
            self._session.close()
