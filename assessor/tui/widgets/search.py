"""The find dialog: an indicator by id, a piece of its name, or its pinyin (`zhwl`)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from assessor.tui.pinyin import Searchable, matches


class SearchScreen(ModalScreen[str | None]):
    """Type to filter; Enter chooses, Esc cancels. Returns the node id."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "back")]
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 80%; max-width: 100; height: 70%; margin-top: 2;
                              border: round $primary; background: $surface; }
    SearchScreen OptionList { height: 1fr; }
    """

    def __init__(self, items: list[Searchable], placeholder: str) -> None:
        super().__init__()
        self.items = items
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder=self.placeholder, id="search-input")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#search-input", Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one("#search-results", OptionList)
        options.clear_options()
        options.add_options(
            [Option(Text(f"{it.id}  {it.name}"), id=it.id) for it in matches(self.items, query)]
        )
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        options = self.query_one("#search-results", OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def key_down(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_down()

    def key_up(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
