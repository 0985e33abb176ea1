"""Ranking: regions by rank with total, rating and dimension points (the engine's numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from assessor.scoring import display
from assessor.scoring.output import rating_text
from assessor.tui.i18n import t

if TYPE_CHECKING:
    from assessor.tui.app import AssessorApp

GRADE_STYLES = ("bold green", "green", "yellow", "dark_orange", "red")


class RankingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="ranking", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        from assessor.tui.app import AssessorApp

        assert isinstance(app, AssessorApp)
        self.fill(app)

    def fill(self, app: AssessorApp) -> None:
        s = app.session
        cs = s.cs
        table = self.query_one("#ranking", DataTable)
        dims = [cs.nodes[c] for c in cs.root.children if cs.nodes[c].kind == "core"]
        table.add_column(t(app.lang, "rank"), key="rank")
        table.add_column(t(app.lang, "region"), key="region")
        table.add_column(t(app.lang, "total"), key="total")
        table.add_column(t(app.lang, "rating"), key="rating")
        for d in dims:
            table.add_column(Text(d.name), key=d.id)
        grades = [g.key for g in cs.set.rating.grades] if cs.set.rating else []
        for r in sorted(s.results.values(), key=lambda x: (x.rank or 10**9, x.region)):
            idx = grades.index(r.rating.key) if r.rating.key in grades else len(GRADE_STYLES) - 1
            style = GRADE_STYLES[min(idx, len(GRADE_STYLES) - 1)]
            table.add_row(
                str(r.rank or ""),
                Text(f"{r.name or ''} {r.region}"),
                display(cs, r.total) + ("*" if r.provisional else ""),
                Text(rating_text(r, none=t(app.lang, "no_rating")), style=style),
                *[display(cs, r.nodes[d.id].points) for d in dims],
                key=r.region,
            )
        table.focus()
