"""The Textual app: opens a workspace and walks an evaluator through scoring each region."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from assessor.errors import AssessorError, Problem, UsageError
from assessor.text.catalogue import said
from assessor.text.formats import period_label
from assessor.tui.commands import RegionCommands
from assessor.tui.i18n import caption, localize_bindings, t
from assessor.tui.live import LiveLink
from assessor.tui.session import Session

if TYPE_CHECKING:
    from textual.command import CommandListItem
    from textual.widget import AwaitMount

#: Keys that are never held back while a screen loads.
UNHELD = frozenset({"ctrl+q", "ctrl+c"})


def typed_ahead(key: events.Key) -> events.Key:
    """A fresh copy of a key typed while a screen was loading, marked as delivered late.
    (A subclass would not do: Textual picks handlers by the message class's name.)"""
    if key.key == "ctrl+j" and key.character == "\n":
        # typed before Textual put the terminal in raw mode: the tty turned Enter's CR into LF
        late = events.Key("enter", "\r")
    else:
        late = events.Key(key.key, key.character)
    late.typed_ahead = True  # type: ignore[attr-defined]
    return late


class AssessorApp(App[None]):
    """Shows its first frame at once; reading and scoring the workspace runs in a worker.

    Every key is handled after the one before has been, consequences included (a binding
    run, focus moved). Keys typed while a screen is not ready (home before the workspace is
    scored, a region before its tree is built) or while the key before is being handled are
    held and delivered in order, one at a time: `/ dcfq Enter Enter n 3 Enter` typed from
    launch, or faster than a busy machine handles them, reaches the indicator.
    """

    CSS_PATH = "app.tcss"
    TITLE = "assessor"
    COMMANDS = App.COMMANDS | {RegionCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "quit", priority=True),
        Binding("f1", "help", "help"),
        Binding("question_mark", "help", "help", show=False),
        Binding("i", "open_set", "indicator_set"),
    ]

    def __init__(self, workspace: Path, evaluator: str | None = None, period: str | None = None,
                 lang: str | None = None, kind: str | None = None,
                 stage: str | None = None) -> None:  # fmt: skip
        super().__init__()
        from assessor.store.config import read_config
        from assessor.tui import settings

        config = read_config(Path(workspace))  # small and fast; errors show before the UI
        known = [e.name for e in config.evaluators]
        if evaluator is not None and known and evaluator not in known:
            raise UsageError(
                Problem(
                    said("tui.unknown_evaluator", name=evaluator, known=", ".join(known)),
                    file=str(Path(workspace) / "workspace.yaml"),
                    key="evaluators",
                )
            )
        _real_terminal_size()
        self.folder = Path(workspace)
        self.evaluator = evaluator
        self.stage = stage  # a key of workspace.yaml's stages; None: the latest with entries
        self.period = period
        self.kind = kind  # the kind of unit shown first (a campaign of several kinds)
        self.lang = lang or config.language
        localize_bindings(self, self.lang)
        self.sub_title = config.name
        self._session: Session | None = None
        self.crash_log: Path | None = None
        self.live = LiveLink(self)
        self._retry_delay = 0.0
        #: Why the workspace could not be read: the set's problems (file:line), or None.
        self.load_problems: list[Problem] | None = None
        self._held: list[events.Key] = []
        self._replaying = False
        theme = settings.load().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

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
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self.load_session)  # paint the first frame, then load

    def _theme_changed(self, theme: Any) -> None:
        from assessor.tui import settings

        settings.remember("theme", self.theme)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_session(self) -> None:
        """Read every entry and score every region, off the UI thread. A failure (a set file
        that does not load, a database that cannot be read) is shown on home, never a hang."""
        try:
            session = Session.open(
                self.folder,
                evaluator=self.evaluator,
                period=self.period,
                kind=self.kind,
                stage=self.stage,
            )
        except AssessorError as exc:
            self.call_from_thread(self._failed, list(exc.problems) or [Problem(str(exc))])
            return
        except Exception as exc:  # whatever it is, home must say it
            self.call_from_thread(
                self._failed,
                [Problem(said("tui.unforeseen", kind=type(exc).__name__, detail=str(exc)))],
            )

            return
        from assessor.tui.pinyin import initials

        for region in session.workspace.regions.values():  # here, not on home's first `/`:
            initials(region.name or "")  # pypinyin's first use takes a second or more
        self.call_from_thread(self._loaded, session)

    def _failed(self, problems: list[Problem]) -> None:
        from assessor.tui.screens.home import HomeScreen

        self.load_problems = problems
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_load_problems(problems)
        if any(p.code == "unavailable" for p in problems):
            # The server is down or unreachable: say so and try again, less often each time.
            self._retry_delay = min(max(2.0, self._retry_delay * 2), 30.0)
            seconds = f"{self._retry_delay:g}"
            self.notify(t(self.lang, "db_retry").format(seconds=seconds), severity="warning")
            self.set_timer(self._retry_delay, self.load_session)

    def _loaded(self, session: Session) -> None:
        from assessor.tui.screens.home import HomeScreen

        self._session = session
        self.load_problems = None
        self._retry_delay = 0.0
        self.header_note()
        self.live.start(session)
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_load_problems([])
                screen.populate()
        if self.period is not None and not session.has_entries():
            shown = period_label(session.period, self.lang)
            self.notify(t(self.lang, "period_empty").format(period=shown), timeout=10)

    # ---------------------------------------------------------------- type-ahead

    def _screen_ready(self) -> bool:
        from assessor.tui.screens.base import AssessorScreen

        screen = self.screen
        if not screen.is_mounted:
            return False
        return not isinstance(screen, AssessorScreen) or screen.is_ready()

    async def on_event(self, event: events.Event) -> None:
        if (
            not isinstance(event, events.Key)
            or getattr(event, "typed_ahead", False)
            or event.is_forwarded
            or event.key in UNHELD
        ):
            await super().on_event(event)
            return
        if self._held or self._replaying or not self._screen_ready():
            self._held.append(event)  # the key before is still being handled, or a load
        else:
            await super().on_event(event)  # delivered at once; the next waits until handled
        if not self._replaying:
            self._replaying = True
            self.run_worker(self._replay(), group="type-ahead", exit_on_error=False)

    async def _replay(self) -> None:
        """Deliver held keys in order, each once the screen is ready and has handled the one
        before, consequences included.

        A key is not handled when its widget has seen it: `Enter` in an input is a binding,
        so the key goes to the input, bubbles back to the app, which runs the binding of
        whatever has focus *then*; the submit handler moves focus with `call_later`. Keys the
        terminal had already sent meanwhile (a fast typist, a busy machine) would reach the
        input first: `/ dcfq Enter Enter n 1` left `dcfqn1` in the home filter. So a key that
        arrives before the one before has settled waits here.
        """
        try:
            while True:
                await self._settled()
                if not self._held:
                    return
                self.post_message(typed_ahead(self._held.pop(0)))
        finally:
            self._replaying = False

    async def _settled(self) -> None:
        """Wait until the screen is ready and it, its widgets and the app have handled every
        message posted so far (twice in a row: handling one may post others)."""
        quiet = 0
        while quiet < 2:
            if not self._screen_ready():
                quiet = 0
                await asyncio.sleep(0.01)
                continue
            nodes = [self, *self.screen.walk_children(with_self=True)]
            await _handled_so_far(nodes)
            busy = any(node.message_queue_size for node in nodes)
            quiet = 0 if busy else quiet + 1

    # ---------------------------------------------------------------- screens

    def header_note(self) -> None:
        """The title line: campaign · period, and whether the database is down or the
        figures are being refreshed after someone else's change."""
        if self._session is None:
            return
        ws = self._session.workspace
        title = f"{ws.config.name} · {period_label(self._session.period, self.lang)}"
        if self._session.rolled_up:  # 汇总自 5 周，只读
            from assessor.tui.period_labels import read_only_note

            title += f" · {read_only_note(self._session.rolled_up_from, self.lang)}"
        if ws.several_kinds:  # the kind of unit shown: its set, units and ranks
            title += f" · {self._session.kind.label}"
        note = self.live.note()
        self.sub_title = f"{title} · {note}" if note else title

    def database_unavailable(self, exc: AssessorError) -> None:
        """Said in the interface language; the header keeps saying it until it is back."""
        from assessor.errors import in_language

        self.live.set_outage(True)
        self.notify(in_language(exc.problems[0].message, self.lang), severity="error", timeout=10)

    def entries_reloaded(self) -> None:
        """The session adopted other evaluators' changes: every open screen repaints."""
        for screen in self.screen_stack:
            repaint = getattr(screen, "entries_reloaded", None)
            if callable(repaint):
                repaint()

    def region_changed(self, region: str) -> None:
        """A region's result changed: the home table's row follows."""
        from assessor.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                for rid in (region, *self.session.moved):
                    screen.refresh_region(rid)

    def status_changed(self) -> None:
        """A region's status changed (submitted, reviewed, final, reopened): home follows."""
        from assessor.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.populate()

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
        """Textual's palette commands (English) in the interface language, and the workflow."""
        from assessor.tui.screens.base import AssessorScreen

        lang = self.lang
        yield SystemCommand(t(lang, "theme"), t(lang, "theme_help"), self.action_change_theme)
        yield SystemCommand(t(lang, "quit"), t(lang, "quit_help"), self.action_quit)
        yield SystemCommand(t(lang, "keys"), t(lang, "keys_help"), self.action_help)
        yield SystemCommand(
            t(lang, "screenshot"),
            t(lang, "screenshot_help"),
            lambda: self.call_after_refresh(self.screenshot),  # once the palette is closed
        )
        if isinstance(screen, AssessorScreen):
            yield from screen.commands()
        from assessor.tui.screens.agreement import agreement_commands

        yield from agreement_commands(self)

    def action_help_quit(self) -> None:
        """Ctrl+C (Textual's copy) tells how to quit, in the interface language."""
        for active in self.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                shown = self.get_key_display(active.binding)
                self.notify(t(self.lang, "quit_how").format(key=shown),
                            title=t(self.lang, "quit_title"))  # fmt: skip
                return

    def search_commands(
        self, commands: Sequence[CommandListItem], placeholder: str | None = None
    ) -> AwaitMount:
        """Textual's command list with its prompt in the interface language."""
        return super().search_commands(commands, placeholder or t(self.lang, "command_search"))

    def action_command_palette(self) -> None:
        """Textual's palette with its prompt in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = t(self.lang, "palette_search")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def search_themes(self) -> None:
        """Textual's theme list with its prompt in the interface language."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        placeholder = t(self.lang, "theme_search")
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    def action_help(self) -> None:
        """Every key of the current screen, with what it does, in the interface language."""
        from assessor.tui.widgets.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.screen, self.lang))

    def screenshot(self) -> None:
        """An SVG of the screen in the workspace's `screenshots/` folder; says where, or why not."""
        from datetime import datetime

        folder = self.folder / "screenshots"
        name = f"assessor-{datetime.now():%Y%m%d-%H%M%S}.svg"
        try:
            folder.mkdir(exist_ok=True)
            path = self.save_screenshot(name, str(folder))
        except OSError as exc:
            self.notify(f"{caption(self.lang, 'screenshot')}{exc}", severity="error", timeout=15)
            return
        self.notify(f"{t(self.lang, 'screenshot_saved')}{path}", timeout=15)

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
        self.live.stop()
        if self._session is not None:
            self._session.close()


def _real_terminal_size() -> None:
    """Lay out at the terminal's real size, and follow it when resized. Textual asks
    `shutil.get_terminal_size`, which prefers COLUMNS and LINES when they are set: a value
    exported by a shell, or kept in tmux's global environment, pinned the app to 80×24 in a
    160×50 window."""
    import os
    import sys

    if sys.stdout.isatty():
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)


async def _handled_so_far(nodes: list[Any]) -> None:
    """Return once every node has handled the messages it had when this was called (a
    callback queued behind them on each; the same barrier as Textual's Pilot)."""
    done = asyncio.Event()
    left = 0

    def one_done() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            done.set()

    for node in nodes:
        if node.call_later(one_done):
            left += 1
    if left:
        # a node removed meanwhile never runs its callback: do not wait for it forever
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), timeout=2)
