"""`F1` / `?`: every key of the current screen and what it does, in the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from assessor.tui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen


def key_lines(screen: Screen[object], lang: str) -> list[tuple[str, str]]:
    """(keys, what they do) for the screen's bindings, the app's and the widget keys the
    screen names; keys doing the same thing share a line (`0 1 2 … 9`)."""
    from assessor.tui.screens.base import AssessorScreen

    app = screen.app
    rows: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for node in (screen, app):
        for bindings in node._bindings.key_to_bindings.values():
            for b in bindings:
                what = b.description or t(lang, b.action.split("(")[0])
                if what in ("", b.action):
                    continue
                key = app.get_key_display(b)
                if what in seen:
                    i = seen[what]
                    if key not in rows[i][0].split(" / "):
                        rows[i] = (f"{rows[i][0]} / {key}", what)
                    continue
                seen[what] = len(rows)
                rows.append((key, what))
    if isinstance(screen, AssessorScreen):
        rows.extend(screen.extra_keys())
    return rows


class HelpScreen(ModalScreen[None]):
    """Esc, F1 or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "back"),
        Binding("question_mark", "close", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: 90%; padding: 0 1;
                                  border: round $primary; background: $surface; }
    HelpScreen Static { height: auto; }
    """

    def __init__(self, screen: Screen[object], lang: str) -> None:
        super().__init__()
        self.rows = key_lines(screen, lang)
        self.lang = lang

    def compose(self) -> ComposeResult:
        width = max((Text(k).cell_len for k, _ in self.rows), default=4) + 2
        text = Text(t(self.lang, "keys_title") + "\n\n", style="bold")
        for key, what in self.rows:
            text.append(key.ljust(width - Text(key).cell_len + len(key)), style="bold cyan")
            text.append(what + "\n")
        with VerticalScroll():
            yield Static(text, id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
