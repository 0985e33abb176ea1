"""`w`: move a region's assessment along the store's statuses (draft → submitted → reviewed →
final), or back with a reason (reopening a final assessment included)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from assessor.store.store import STATUSES
from assessor.text.catalogue import say
from assessor.tui.i18n import caption, t


def needs_reason(current: str, target: str) -> bool:
    """Going back, and reopening a final assessment, needs a reason (the store's rule)."""
    return STATUSES.index(target) < STATUSES.index(current)


class WorkflowScreen(ModalScreen[str | None]):
    """The statuses a region can move to; returns the one chosen (None: Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "back")]
    DEFAULT_CSS = """
    WorkflowScreen { align: center middle; }
    WorkflowScreen > Vertical { width: 80%; max-width: 80; height: auto; padding: 1 2;
                                border: round $primary; background: $surface; }
    WorkflowScreen Static { height: auto; }
    WorkflowScreen OptionList { height: auto; max-height: 8; }
    """

    def __init__(self, region: str, current: str, lang: str) -> None:
        """`region` as shown: its name and id."""
        super().__init__()
        self.region_id = region
        self.current = current
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        options = []
        for status in STATUSES:
            if status == self.current:
                continue
            text = Text(f"{t(lang, 'to_' + status)} → {say('workflow.' + status, lang)}")
            if needs_reason(self.current, status):
                text.append(f"  ({t(lang, 'reason_needed')})", style="dim")
            options.append(Option(text, id=status))
        with Vertical():
            yield Static(
                Text(
                    f"{self.region_id} · {caption(lang, 'status')}{say('workflow.' + self.current, lang)}",
                    style="bold",
                )
            )
            yield OptionList(*options, id="statuses")

    def on_mount(self) -> None:
        options = self.query_one("#statuses", OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#statuses")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
