"""The gap to the declared grade (申报等级; else the next one): which indicators, raised to
what, reach it.

The plan is the engine's (`gap_to_next_grade`, verified by re-scoring); this screen lays it
out as a table. Enter on a row goes back to the region with that indicator chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from assessor.errors import in_language
from assessor.scoring import display
from assessor.tui.i18n import t
from assessor.tui.screens.base import AssessorScreen
from assessor.tui.widgets.footer import KeysFooter
from assessor.tui.widgets.table import Table

if TYPE_CHECKING:
    from assessor.scoring import GapReport


class GapScreen(AssessorScreen[str | None]):
    """Returns the indicator chosen (or None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "back")]

    def __init__(self, region: str) -> None:
        super().__init__()
        self.region_id = region

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="gap-head")
        yield Table(id="gap", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        lang = self.assessor.lang
        table = self.query_one("#gap", DataTable)
        for key in ("indicator", "points", "raise", "reach"):
            table.add_column(t(lang, key), key=key)
        self.query_one("#gap-head", Static).update(Text(t(lang, "computing")))
        table.focus()
        self.compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="gap")
    def compute(self) -> None:
        """Re-scoring the plan step by step takes a moment on big sets: off the UI thread."""
        from assessor.scoring import gap_to_next_grade

        s = self.assessor.session
        gap = gap_to_next_grade(s.cs, s.assessment, self.region_id, s.workspace.consolidation)
        self.app.call_from_thread(self.show, gap)

    def show(self, gap: GapReport | None) -> None:
        s = self.assessor.session
        lang = self.assessor.lang
        r = s.results[self.region_id]
        head = Text(f"{r.name or ''} {self.region_id}\n", style="bold")
        lines = gap.lines(lang) if gap is not None else [t(lang, "no_gap")]
        # the engine's summary sentence (from grade, to the declared or next grade, result);
        # when the plan cannot reach it, the grade's conditions that fail, one a line
        head.append("\n".join(lines if gap is not None and not gap.reached else lines[:1]))
        self.query_one("#gap-head", Static).update(head)
        table = self.query_one("#gap", DataTable)
        cs = s.cs
        for step in gap.steps if gap is not None and gap.reached else []:
            table.add_row(
                Text(f"{step.node} {step.name}"),
                f"{display(cs, step.points)} / {display(cs, step.max)}",
                Text(f"+{display(cs, step.gain)}", style="green"),
                Text(in_language(step.target, lang)),
                key=step.node,
            )

    def action_back(self) -> None:
        self.dismiss(None)

    @on(DataTable.RowSelected, "#gap")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(str(event.row_key.value))
