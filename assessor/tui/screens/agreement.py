"""Panel agreement: how far the evaluators agree, per indicator and overall.

Kendall's W (levels, options, ranks) and ICC(2,1) (points) come from the engine
(`assessor.scoring.agreement`); this screen lists them least agreed first, with the formula of
the row under the cursor. Computed in a thread worker: each evaluator's totals are re-scored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from assessor.text.catalogue import say
from assessor.tui.i18n import colon, t
from assessor.tui.screens.base import AssessorScreen
from assessor.tui.widgets.footer import KeysFooter
from assessor.tui.widgets.table import Table

if TYPE_CHECKING:
    from assessor.scoring.agreement import Coefficient, PanelAgreement
    from assessor.tui.app import AssessorApp


def _w(lang: str, key: str) -> str:
    """This screen's words (``tui.agreement.*`` in the catalogue)."""
    return t(lang, f"agreement.{key}")


def agreement_commands(app: AssessorApp) -> Iterator[SystemCommand]:
    """The palette entry that opens this screen (once a workspace is loaded)."""
    if not app.loaded:
        return
    lang = app.lang
    yield SystemCommand(
        _w(lang, "title"), _w(lang, "help"), lambda: app.push_screen(AgreementScreen())
    )


class AgreementScreen(AssessorScreen[None]):
    CSS_PATH = "agreement.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "back")]

    def __init__(self) -> None:
        super().__init__()
        self.panel: PanelAgreement | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="agreement-head")
        yield Table(id="agreement", cursor_type="row", zebra_stripes=True)
        yield Static(id="agreement-formula")
        yield KeysFooter()

    def on_mount(self) -> None:
        lang = self.assessor.lang
        self.title = _w(lang, "title")
        table = self.query_one("#agreement", DataTable)
        for key in ("indicator", "statistic", "value", "level", "subjects"):
            table.add_column(_w(lang, key), key=key)
        self.query_one("#agreement-head", Static).update(Text(_w(lang, "computing")))
        table.focus()
        self.compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="agreement")
    def compute(self) -> None:
        from assessor.scoring.agreement import panel_agreement, totals_by_evaluator

        s = self.assessor.session
        results = list(s.results.values())
        if len({e for r in results for e in r.evaluators}) < 2:
            self.app.call_from_thread(self.show, None)
            return
        panel = panel_agreement(s.cs, results, totals_by_evaluator(s.cs, s.assessment))
        self.app.call_from_thread(self.show, panel)

    def show(self, panel: PanelAgreement | None) -> None:
        from assessor.report.stars import agreement_words

        lang = self.assessor.lang
        head = self.query_one("#agreement-head", Static)
        if panel is None:
            head.update(Text(_w(lang, "alone")))
            return
        self.panel = panel
        text = Text(
            _w(lang, "evaluators")
            + colon(lang)
            + say("punct.list", lang).join(panel.evaluators)
            + "\n",
            style="bold",
        )
        if panel.overall is not None:
            o = panel.overall
            text.append(f"{_w(lang, 'overall')} {o.statistic} = {o.shown()}  {o.formula}")
        head.update(text)
        table = self.query_one("#agreement", DataTable)
        rated = panel.least_agreed(len(panel.leaves))
        unrated = [a for a in panel.leaves if a.coefficient.value is None]
        for a in [*rated, *unrated]:
            c = a.coefficient
            band = agreement_words(c.value, "en")
            words = agreement_words(c.value, lang)
            style = "red" if band == "poor" else "yellow" if band == "moderate" else ""
            table.add_row(
                Text(f"{a.leaf} {a.name}"),
                c.statistic,
                Text(c.shown(), style=style),
                Text(words, style=style),
                str(c.subjects),
                key=a.leaf,
            )
        self._formula(rated[0].leaf if rated else None)

    def _formula(self, leaf: str | None) -> None:
        if self.panel is None or leaf is None:
            return
        found = next((a for a in self.panel.leaves if a.leaf == leaf), None)
        if found is not None:
            c: Coefficient = found.coefficient
            line = c.formula + (f"；{c.test}" if c.test else "")
            self.query_one("#agreement-formula", Static).update(Text(line))

    @on(DataTable.RowHighlighted, "#agreement")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._formula(str(event.row_key.value) if event.row_key is not None else None)
