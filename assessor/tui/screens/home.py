"""Home: every region of the campaign with progress, total, rating, status and rank."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from assessor.scoring import display
from assessor.scoring.output import rating_text
from assessor.tui.i18n import t
from assessor.tui.labels import bar

if TYPE_CHECKING:
    from assessor.tui.app import AssessorApp


class HomeScreen(Screen[None]):
    statuses: dict[str, str]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_region", "open", show=True),
        Binding("r", "refresh", "refresh", show=True),
        Binding("k", "ranking", "ranking", show=True),
        Binding("o", "reports", "reports", show=True),
    ]

    @property
    def assessor(self) -> AssessorApp:
        from assessor.tui.app import AssessorApp

        assert isinstance(self.app, AssessorApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield DataTable(id="regions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        lang = self.assessor.lang
        table = self.query_one("#regions", DataTable)
        for key in ("region", "status", "done", "total", "rating", "rank"):
            table.add_column(t(lang, key), key=key)
        self.query_one("#summary", Static).update(Text(t(lang, "loading")))
        table.focus()
        if self.assessor.loaded:
            self.populate()

    def populate(self) -> None:
        """Fill the table once the workspace is read and scored (a worker does that)."""
        table = self.query_one("#regions", DataTable)
        if table.row_count:
            return
        s = self.assessor.session
        self.statuses = s.workspace.store.statuses(s.workspace.set_id, s.period)  # one query
        for rid in s.workspace.regions:
            table.add_row(*self._cells(rid), key=rid)
        self._summary()

    def _cells(self, rid: str) -> list[Text | str]:
        s = self.assessor.session
        r = s.results[rid]
        lang = self.assessor.lang
        total = display(s.cs, r.total) + ("*" if r.provisional else "")
        return [
            Text(f"{r.name or ''} {rid}"),
            self.statuses.get(rid, "draft"),
            f"{bar(float(r.completeness), 8)} {float(r.completeness) * 100:3.0f}%",
            total,
            Text(rating_text(r, none=t(lang, "no_rating"))),
            str(r.rank or ""),
        ]

    def _summary(self) -> None:
        s = self.assessor.session
        n = len(s.results)
        done = sum(1 for r in s.results.values() if not r.provisional)
        flagged = sum(1 for r in s.results.values() if r.flags)
        self.query_one("#summary", Static).update(
            Text(
                f"{s.workspace.config.name} · {s.period} · {t(self.assessor.lang, 'evaluator')} {s.evaluator} · "
                f"{done}/{n} complete · {flagged} with disagreements"
            )
        )

    def refresh_region(self, rid: str) -> None:
        table = self.query_one("#regions", DataTable)
        for col, value in zip(
            ("region", "status", "done", "total", "rating", "rank"), self._cells(rid), strict=True
        ):
            table.update_cell(rid, col, value)
        self._summary()

    def action_refresh(self) -> None:
        if not self.assessor.loaded:
            return
        s = self.assessor.session
        s.reload()
        self.statuses = s.workspace.store.statuses(s.workspace.set_id, s.period)
        for rid in self.assessor.session.workspace.regions:
            self.refresh_region(rid)

    def action_open_region(self) -> None:
        table = self.query_one("#regions", DataTable)
        if table.row_count == 0 or not self.assessor.loaded:
            return
        rid = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if rid is not None:
            from assessor.tui.screens.region import RegionScreen

            self.app.push_screen(RegionScreen(str(rid)))

    def action_reports(self) -> None:
        if not self.assessor.loaded:
            return
        from assessor.tui.screens.reports import ReportsScreen

        table = self.query_one("#regions", DataTable)
        rid = (
            table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if table.row_count
            else None
        )
        self.app.push_screen(ReportsScreen(str(rid) if rid else None))

    def action_ranking(self) -> None:
        if not self.assessor.loaded:
            return
        from assessor.tui.screens.ranking import RankingScreen

        self.app.push_screen(RankingScreen())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_region()
