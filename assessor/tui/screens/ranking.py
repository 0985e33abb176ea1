"""Ranking: regions by rank with total, rating, dimensions and the change since last period.

Every number is the engine's: ranks and group ranks come with the results, the change against
the previous period is `assessor.scoring.summary.changes`. The previous period is scored in a
thread worker after the table is shown, so opening the ranking never waits for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from assessor.scoring import display
from assessor.scoring.output import rating_text
from assessor.text.formats import period_label
from assessor.tui.i18n import caption, colon, t
from assessor.tui.period_labels import read_only_note
from assessor.tui.screens.base import AssessorScreen
from assessor.tui.widgets.cells import Cell, cut, rating_width, sort_key
from assessor.tui.widgets.footer import KeysFooter
from assessor.tui.widgets.table import Table

if TYPE_CHECKING:
    from assessor.model.results import RegionResult
    from assessor.scoring.summary import Change

GRADE_STYLES = ("bold green", "green", "yellow", "dark_orange", "red")
LAST = 10**9


class RankingScreen(AssessorScreen[None]):
    """Sorted by rank first; `s` or a click on a header sorts by another column, `f` shows one
    peer group at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("s", "next_sort", "sort"),
        Binding("f", "next_group", "group_filter"),
        Binding("enter", "open_region", "open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort_column = "rank"
        self.reverse = False
        self.group: str | None = None
        self.changes: dict[str, Change] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="ranking-info")
        yield Table(id="ranking", cursor_type="row", zebra_stripes=True)
        yield Static(id="rank-points", classes="hidden")
        yield KeysFooter()

    def on_mount(self) -> None:
        s = self.assessor.session
        lang = self.assessor.lang
        cs = s.cs
        table = self.query_one("#ranking", DataTable)
        self.dims = [c for c in cs.root.children if cs.nodes[c].kind == "core"]
        # Fixed widths: DataTable otherwise measures every cell after the first paint and
        # paints all rows again (~0.7 s at 150 regions × 18 columns).
        regions = self.assessor.session.results.values()
        name_width = max((cell_len(f"{r.name or ''} {r.region}") for r in regions), default=10)
        group_width = max((cell_len(r.group or "") for r in regions), default=4)
        # The order 80 columns show first: rank, region, total, rating; then the rest.
        ratings = (rating_text(r, none=t(lang, "no_rating")) for r in regions)
        self.rating_width = min(max(map(cell_len, ratings), default=8),
                                rating_width(self.app.size.width))  # fmt: skip
        widths = {"rank": 4, "region": name_width, "total": 8, "rating": self.rating_width,
                  "move": 4, "delta": 7, "group": group_width, "group_rank": 4}  # fmt: skip
        # 排名得分 beside the rank when the set turns ranks into points (the engine's figure;
        # a year's is composed of its months', said under the table for the row chosen)
        self.has_points = any(r.rank_points is not None for r in regions)
        if self.has_points:
            self.add_class("with-points")  # the table leaves a line for the words below it
            widths = {"rank": 4, "region": name_width, "total": 8, "rank_pts": 8,
                      "rating": self.rating_width, **widths}  # fmt: skip
        for key, width in widths.items():
            label = t(lang, key)
            table.add_column(label, key=key, width=max(width, cell_len(label)))
        for d in self.dims:
            name = cs.nodes[d].name
            table.add_column(Text(name), key=d, width=max(7, cell_len(name)))
        self.fill()
        table.focus()
        self.load_previous()

    # ---------------------------------------------------------------- rows

    def rows(self) -> list[RegionResult]:
        results = self.assessor.session.results.values()
        return [r for r in results if self.group is None or r.group == self.group]

    def fill(self) -> None:
        """(Re)build the rows of the groups shown; 150 regions take a few milliseconds."""
        table = self.query_one("#ranking", DataTable)
        table.clear()
        for r in self.rows():
            table.add_row(*self.cells(r), key=r.region)
        self.resort()
        self.info()

    def cells(self, r: RegionResult) -> list[Any]:
        cs = self.assessor.session.cs
        lang = self.assessor.lang
        grades = [g.key for g in cs.set.rating.grades] if cs.set.rating else []
        idx = grades.index(r.rating.key) if r.rating.key in grades else len(GRADE_STYLES) - 1
        style = GRADE_STYLES[min(idx, len(GRADE_STYLES) - 1)]
        total = display(cs, r.total) + ("*" if r.provisional else "")
        move, delta = self.change_cells(r.region)
        return [
            Cell(str(r.rank or ""), r.rank or LAST),
            Cell(f"{r.name or ''} {r.region}", r.region),
            Cell(total, -r.total, style="bold"),
            *([self.points_cell(r)] if self.has_points else []),
            Cell(
                cut(rating_text(r, none=t(lang, "no_rating")), self.rating_width), idx, style=style
            ),
            move,
            delta,
            Cell(r.group or "", lambda g=r.group or "", k=r.group_rank or LAST: (_pinyin(g), k)),
            Cell(str(r.group_rank or ""), r.group_rank or LAST),
            *[Cell(display(cs, r.nodes[d].points), -(r.nodes[d].points or 0)) for d in self.dims],
        ]

    def points_cell(self, r: RegionResult) -> Cell:
        """The unit's rank points as the engine gave them (blank when it was not ranked)."""
        pts = r.rank_points.points if r.rank_points is not None else None
        shown = "" if pts is None else display(self.assessor.session.cs, pts)
        return Cell(shown, -(pts if pts is not None else -LAST))

    def points_words(self, region: str | None) -> None:
        """Under the table: how the chosen unit's rank points came about, in the engine's
        words (a year: each month's points and their mean)."""
        box = self.query_one("#rank-points", Static)
        r = self.assessor.session.results.get(region or "")
        if not self.has_points or r is None or r.rank_points is None:
            box.add_class("hidden")
            return
        lang = self.assessor.lang
        label = f"{r.name or r.region} {t(lang, 'rank_pts')} "
        text = Text(label, style="bold")
        text.append(display(self.assessor.session.cs, r.rank_points.points), style="bold")
        text.append(colon(lang) + r.rank_points.words(lang))
        box.update(text)
        box.remove_class("hidden")

    @on(DataTable.RowHighlighted, "#ranking")
    def _highlighted(self) -> None:
        self.points_words(self.current())

    def current(self) -> str | None:
        """The unit under the cursor now (a highlight event may predate a sort)."""
        table = self.query_one("#ranking", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else str(key)

    def change_cells(self, region: str) -> tuple[Cell, Cell]:
        """Rank moved (+ up, − down) and total change; blank while or when there is no previous."""
        c = self.changes.get(region)
        if c is None or c.total is None:
            return Cell("", 0), Cell("", 0)
        cs = self.assessor.session.cs
        moved = c.rank or 0
        move = Cell(
            f"{moved:+d}" if moved else "=",
            -moved,
            "green" if moved > 0 else "red" if moved < 0 else "",
        )
        shown = display(cs, c.total)
        delta = Cell(
            shown if shown.startswith("-") else f"+{shown}",
            -c.total,
            "green" if c.total > 0 else "red" if c.total < 0 else "",
        )
        return move, delta

    def info(self) -> None:
        s = self.assessor.session
        lang = self.assessor.lang
        shown = self.group or t(lang, "all_groups")
        prev = s.previous_period_label()
        text = f"{period_label(s.period, lang)} · {caption(lang, 'group')}{shown} · {caption(lang, 'sorted_by')}{t(lang, self.sort_column)}"
        if prev:
            text += f" · {t(lang, 'compared_with')} {period_label(prev, lang)}"
        if s.rolled_up:  # 汇总自 5 周，只读
            text += f" · {read_only_note(s.rolled_up_from, lang)}"
        rule = s.cs.set.rank_points
        if self.has_points and rule is not None:  # the set's rule, as the engine words it
            from assessor.scoring.rank_points import rule_words

            text += f" · {t(lang, 'rank_points_rule').format(rule=rule_words(rule, lang))}"
        self.query_one("#ranking-info", Static).update(Text(text))

    def resort(self) -> None:
        table = self.query_one("#ranking", DataTable)
        table.sort(self.sort_column, key=sort_key, reverse=self.reverse)
        self.points_words(self.current())  # the row under the cursor may have changed

    # ---------------------------------------------------------------- previous period

    @work(thread=True, exclusive=True, exit_on_error=False, group="previous")
    def load_previous(self) -> None:
        changes = self.assessor.session.changes_since_previous()
        self.app.call_from_thread(self._previous_loaded, changes)

    def _previous_loaded(self, changes: dict[str, Change]) -> None:
        if not changes:
            return  # no previous period: nothing to add (and no repaint of every row)
        self.changes = changes
        table = self.query_one("#ranking", DataTable)
        for r in self.rows():
            move, delta = self.change_cells(r.region)
            table.update_cell(r.region, "move", move)
            table.update_cell(r.region, "delta", delta)
        if self.sort_column in ("move", "delta"):
            self.resort()
        self.info()

    # ---------------------------------------------------------------- actions

    SORTS = ("rank", "total", "rank_pts", "move", "delta", "region", "group")

    def action_next_sort(self) -> None:
        sorts = [c for c in self.SORTS if c != "rank_pts" or self.has_points]
        i = sorts.index(self.sort_column) if self.sort_column in sorts else -1
        self.sort_column = sorts[(i + 1) % len(sorts)]
        self.reverse = False
        self.resort()
        self.info()

    @on(DataTable.HeaderSelected, "#ranking")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.reverse = not self.reverse if column == self.sort_column else False
        self.sort_column = column
        self.resort()
        self.info()

    def action_next_group(self) -> None:
        groups = sorted(
            {r.group for r in self.assessor.session.results.values() if r.group}, key=_pinyin
        )
        if not groups:
            return
        order: list[str | None] = [None, *groups]
        self.group = order[(order.index(self.group) + 1) % len(order)]
        self.fill()

    def action_open_region(self) -> None:
        table = self.query_one("#ranking", DataTable)
        if not table.row_count:
            return
        rid = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        from assessor.tui.screens.region import RegionScreen

        self.app.pop_screen()
        self.app.push_screen(RegionScreen(str(rid)))

    @on(DataTable.RowSelected, "#ranking")
    def _selected(self) -> None:
        self.action_open_region()


def _pinyin(text: str) -> str:
    """Chinese sorts by pinyin for people, not by code point."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))
