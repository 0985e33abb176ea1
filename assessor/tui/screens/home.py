"""Home: the campaign at a glance — every region with its status, evaluators, progress, total,
rating, rank and what needs attention; filter, sort and switch period.

Rows are keyed by region id and updated cell by cell (`update_cell`) when a region's result
changes; only filtering, sorting by another column or another period rebuilds them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Input, Static

from assessor.errors import Problem
from assessor.scoring import display
from assessor.scoring.output import rating_text
from assessor.text.catalogue import say
from assessor.text.formats import period_label
from assessor.tui.i18n import caption, t
from assessor.tui.labels import bar
from assessor.tui.period_labels import read_only_note
from assessor.tui.pinyin import initials
from assessor.tui.screens.base import AssessorScreen, outage_safe
from assessor.tui.widgets.cells import Cell, cut, rating_width, sort_key
from assessor.tui.widgets.footer import KeysFooter
from assessor.tui.widgets.table import Table

if TYPE_CHECKING:
    from collections.abc import Iterator

    from textual.app import SystemCommand

    from assessor.tui.session import Attention

# Most useful first: at 80 columns the first six fit, the rest scroll into view.
COLUMNS = (
    "region",
    "total",
    "rating",
    "done",
    "rank",
    "attention",
    "status",
    "group",
    "evaluators",
)
SORTS = ("region", "total", "done", "status", "attention")
STATUS_ORDER = {"draft": 0, "submitted": 1, "reviewed": 2, "final": 3}
NEEDS_WORKSPACE = frozenset(
    {"open_region", "filter", "attention_only", "next_sort", "period", "ranking", "reports",
     "workflow", "period_length"}
)  # fmt: skip


class HomeScreen(AssessorScreen[None]):
    statuses: dict[str, str]
    AUTO_FOCUS = "#regions"  # not the (hidden) filter: keys typed at launch go to the table

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_region", "open", show=True),
        Binding("slash", "filter", "filter"),
        Binding("escape", "clear_filter", "clear_filter", show=False),
        Binding("a", "attention_only", "attention"),
        Binding("s", "next_sort", "sort", show=False),
        Binding("left_square_bracket", "period(-1)", "period_prev", show=False),
        Binding("right_square_bracket", "period(1)", "period_next", show=False),
        Binding("g", "period_length", "period_length", show=False),  # week → month → … → year
        Binding("t", "next_kind", "kind_next"),
        Binding("v", "next_stage", "stage", show=False),  # 自评 → 复核 → 评审 → 自评 …
        Binding("r", "refresh", "refresh", show=False),
        Binding("k", "ranking", "ranking", show=True),
        Binding("o", "reports", "reports", show=True),
        Binding("w", "workflow", "workflow", show=False),
        Binding("e", "edit_set", "edit_yaml"),
        Binding("l", "retry", "reload_set"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.statuses = {}
        self.query_text = ""
        self.attention_only = False
        self.sort_column = "region"
        self._stale: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield Static(id="kinds", classes="hidden")
        yield Static(id="load-problems", classes="hidden")
        yield Input(id="filter", classes="hidden")
        yield Table(id="regions", cursor_type="row", zebra_stripes=True)
        yield Static(id="attention")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        lang = self.assessor.lang
        table = self.query_one("#regions", DataTable)
        for key in COLUMNS:
            table.add_column(t(lang, key), key=key)
        self.query_one("#summary", Static).update(Text(t(lang, "loading")))
        self.query_one("#filter", Input).placeholder = t(lang, "filter_hint")
        table.focus()
        if self.assessor.loaded:
            self.populate()
        elif self.assessor.load_problems is not None:
            self.show_load_problems(self.assessor.load_problems)

    def is_ready(self) -> bool:
        """Keys typed while the workspace is read wait until it is (or failed to be)."""
        return self.assessor.loaded or self.assessor.load_problems is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`e`/`l` edit and reload the set file only while it keeps the workspace from loading;
        meanwhile what needs a loaded workspace leaves the footer (it would do nothing)."""
        failed = self.assessor.load_problems is not None
        if action in ("edit_set", "retry"):
            return failed
        if action in NEEDS_WORKSPACE:
            return not failed
        if action == "next_kind":  # only in a campaign of several kinds of unit
            return self.assessor.loaded and self.assessor.session.workspace.several_kinds
        return True

    def commands(self) -> Iterator[SystemCommand]:
        """While the set keeps the workspace from loading: edit it, load again."""
        from textual.app import SystemCommand

        if self.assessor.load_problems is None:
            return
        lang = self.assessor.lang
        yield SystemCommand(t(lang, "edit_yaml"), t(lang, "edit_set_help"), self.action_edit_set)
        yield SystemCommand(t(lang, "reload_set"), t(lang, "reload_set_help"), self.action_retry)

    def extra_keys(self) -> list[tuple[str, str]]:
        lang = self.assessor.lang
        return [("Esc", t(lang, "clear_filter")), ("Ctrl+P", t(lang, "palette"))]

    def show_load_problems(self, problems: list[Problem]) -> None:
        """Why the workspace did not load, each problem with its file:line, and what to do:
        edit the set file and reload — never an endless 'loading'."""
        panel = self.query_one("#load-problems", Static)
        self.refresh_bindings()
        if not problems:
            panel.add_class("hidden")
            return
        lang = self.assessor.lang
        self.query_one("#summary", Static).update(Text(t(lang, "load_failed"), style="bold red"))
        text = Text()
        for p in problems:
            text.append(f"{p}\n", style="red" if p.severity == "error" else "yellow")
        text.append(t(lang, "load_fix"), style="bold")
        panel.update(text)
        panel.remove_class("hidden")

    def action_edit_set(self) -> None:
        from assessor.tui.editor import edit

        problems = self.assessor.load_problems or []
        where = next((p.file for p in problems if p.file), None)
        if where is None:
            from assessor.store.workspace import open_workspace

            ws = open_workspace(self.assessor.folder)
            where = str(ws.set_paths[0])
            ws.close()
        line = next((p.line for p in problems if p.file == where and p.line), None)
        if edit(self.app, Path(where), line):
            self.action_retry()

    def action_retry(self) -> None:
        """Read the workspace again (after the set file was fixed)."""
        self.query_one("#summary", Static).update(Text(t(self.assessor.lang, "loading")))
        self.assessor.load_problems = None
        self.refresh_bindings()
        self.assessor.load_session()

    def action_workflow(self) -> None:
        rid = self.current()
        if rid is not None:
            self.change_status(rid)

    def action_clear_filter(self) -> None:
        """Esc: the filter is emptied and every region shows again."""
        box = self.query_one("#filter", Input)
        box.value = ""
        box.add_class("hidden")
        self.query_text = ""
        self.query_one("#regions", DataTable).focus()
        if self.assessor.loaded:
            self.rebuild()

    # ---------------------------------------------------------------- rows

    def populate(self) -> None:
        """Fill the table once the workspace is read and scored (a worker does that)."""
        s = self.assessor.session
        self.statuses = s.workspace.store.statuses(
            s.workspace.set_id, s.period, stage=s.workspace.stage
        )  # one query
        self._kinds_bar()
        self.rebuild()

    def _kinds_bar(self) -> None:
        """A campaign of several kinds: every kind's label and number of units, the one shown
        in reverse; each kind has its own set and ranks, so home shows one kind at a time."""
        s = self.assessor.session
        bar = self.query_one("#kinds", Static)
        self.refresh_bindings()
        if not s.workspace.several_kinds:
            bar.add_class("hidden")
            return
        text = Text(f"{caption(self.assessor.lang, 'kinds')}")
        for kind, count in s.kinds():
            shown = kind.key == s.kind.key
            text.append(f" {kind.label} {count} ", style="reverse bold" if shown else "")
            text.append(" ")
        text.append(f" t {t(self.assessor.lang, 'kind_next')}", style="dim")
        bar.update(text)
        bar.remove_class("hidden")

    def shown(self, rid: str) -> bool:
        s = self.assessor.session
        if self.attention_only and not s.attention(rid):
            return False
        q = self.query_text.strip().lower()
        if not q:
            return True
        region = s.workspace.regions.get(rid)
        name = (region.name if region else None) or ""
        group = (region.group if region else None) or ""
        return any(q in f for f in (rid.lower(), name.lower(), initials(name), group.lower()))

    def rebuild(self) -> None:
        """Rows for the regions that pass the filter, in the chosen order."""
        table = self.query_one("#regions", DataTable)
        cursor = self.current()
        table.clear()
        s = self.assessor.session
        for rid in s.workspace.regions:
            if rid in s.results and self.shown(rid):
                table.add_row(*self._cells(rid), key=rid)
        table.sort(self.sort_column, key=sort_key)
        if cursor is not None and cursor in {str(k.value) for k in table.rows}:
            table.move_cursor(row=table.get_row_index(cursor))
        self._summary()

    def _cells(self, rid: str) -> list[Any]:
        s = self.assessor.session
        r = s.results[rid]
        lang = self.assessor.lang
        status = self.statuses.get(rid, "draft")
        done = float(r.completeness)
        total = display(s.cs, r.total) + ("*" if r.provisional else "")
        att = s.attention(rid)
        return [
            Cell(f"{r.name or ''} {rid}", rid),
            Cell(total, -r.total, style="bold"),
            Cell(
                cut(rating_text(r, none=t(lang, "no_rating")), rating_width(self.app.size.width)),
                r.rating.key or "",
            ),
            Cell(f"{bar(done, 6)} {done * 100:3.0f}%", -r.completeness),
            Cell(str(r.rank or ""), r.rank or 10**9),
            _attention_cell(att),
            Cell(
                "—" if s.rolled_up else say(f"workflow.{status}", lang), STATUS_ORDER.get(status, 9)
            ),
            Cell(r.group or "", r.group or ""),
            Cell(" ".join(_short_names(r.evaluators)), len(r.evaluators)),
        ]

    def _summary(self) -> None:
        s = self.assessor.session
        lang = self.assessor.lang
        n = len(s.results)
        done = sum(1 for r in s.results.values() if not r.provisional)
        totals = [s.attention(rid) for rid in s.results]
        text = Text(
            f"{t(lang, 'period')} {period_label(s.period, lang)} · {t(lang, 'evaluator')} {s.evaluator} · "
            f"{t(lang, 'complete')} {done}/{n}"
        )
        table = self.query_one("#regions", DataTable)
        if table.row_count != n:
            text.append(f" · {t(lang, 'showing')} {table.row_count}/{n}", style="yellow")
        if s.rolled_up:  # a month or year of weeks: the engine's roll-up, nothing typed in
            text.append(f" · {read_only_note(s.rolled_up_from, lang)}", style="bold cyan")
        self.query_one("#summary", Static).update(text)
        att = Text(f"{caption(lang, 'needs_attention')}", style="bold")
        att.append(
            t(lang, "attention_line").format(
                unscored=sum(a.unscored for a in totals),
                disagreements=sum(a.disagreements for a in totals),
                evidence=sum(a.evidence for a in totals),
                errors=sum(a.errors for a in totals),
                regions=sum(1 for a in totals if a),
            )
        )
        self.query_one("#attention", Static).update(att)

    def refresh_region(self, rid: str) -> None:
        """One region's result changed: update its cells in place — at once when home is
        shown, else when it is shown again (keystrokes on a region screen do not pay for it)."""
        self._stale.add(rid)
        if self.is_active:
            self._update_stale()

    def on_screen_resume(self) -> None:
        self._update_stale()

    def _update_stale(self) -> None:
        if not self._stale or not self.assessor.loaded:
            return
        table = self.query_one("#regions", DataTable)
        shown = {str(k.value) for k in table.rows}
        for rid in self._stale & shown:
            for col, value in zip(COLUMNS, self._cells(rid), strict=True):
                table.update_cell(rid, col, value)
        self._stale.clear()
        self._summary()

    def current(self) -> str | None:
        table = self.query_one("#regions", DataTable)
        if table.row_count == 0:
            return None
        value = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if value is None else str(value)

    # ---------------------------------------------------------------- actions

    @outage_safe
    def action_refresh(self) -> None:
        if not self.assessor.loaded:
            if self.assessor.load_problems is not None:
                self.action_retry()  # the database may be back
            return
        self.assessor.session.reload()
        self.populate()

    def entries_reloaded(self) -> None:
        """Other evaluators' changes were adopted: the rows follow."""
        self.populate()

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.remove_class("hidden")
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self.assessor.loaded:
            self.rebuild()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        box = self.query_one("#filter", Input)
        if not box.value:
            box.add_class("hidden")
        self.query_one("#regions", DataTable).focus()

    def action_attention_only(self) -> None:
        self.attention_only = not self.attention_only
        if self.assessor.loaded:
            self.rebuild()

    def action_next_sort(self) -> None:
        self.sort_column = SORTS[(SORTS.index(self.sort_column) + 1) % len(SORTS)]
        if self.assessor.loaded:
            self.rebuild()
            self.notify(
                f"{caption(self.assessor.lang, 'sorted_by')}{t(self.assessor.lang, self.sort_column)}"
            )

    @on(DataTable.HeaderSelected, "#regions")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self.sort_column = str(event.column_key.value)
        self.rebuild()

    @outage_safe
    def action_period(self, step: int) -> None:
        """Previous / next period with entries; read and scored in a worker."""
        if not self.assessor.loaded:
            return
        s = self.assessor.session
        periods = s.periods()
        i = periods.index(s.period) + step
        lang = self.assessor.lang
        if 0 <= i < len(periods):
            self.query_one("#summary", Static).update(Text(t(lang, "loading")))
            self.switch_period(periods[i])
        elif len(periods) == 1:
            self.notify(t(lang, "one_period").format(period=period_label(s.period, lang)))
        else:
            self.notify(t(lang, "first_period" if step < 0 else "last_period"))

    @outage_safe
    def action_period_length(self) -> None:
        """The same time at the next length: week → its month → quarter → year → a week
        (months, quarters and the year of a weekly campaign are rolled up by the engine)."""
        if not self.assessor.loaded:
            return
        s = self.assessor.session
        target = s.next_length()
        if target == s.period:
            self.notify(t(self.assessor.lang, "one_length"))
            return
        self.query_one("#summary", Static).update(Text(t(self.assessor.lang, "loading")))
        self.switch_period(target)

    def action_next_stage(self) -> None:
        """The campaign's next stage (after the last, the first); read and scored in a worker."""
        from assessor.store.stages import campaign_stages

        if not self.assessor.loaded:
            return
        keys = [x.key for x in campaign_stages(self.assessor.session.workspace.config)]
        if len(keys) > 1:
            current = self.assessor.session.workspace.stage
            self.query_one("#summary", Static).update(Text(t(self.assessor.lang, "loading")))
            self.switch_stage(keys[(keys.index(current) + 1) % len(keys)])

    @work(thread=True, exclusive=True, exit_on_error=False, group="period")
    def switch_stage(self, stage: str) -> None:
        label = self.assessor.session.switch_stage(stage)
        self.app.call_from_thread(self._switched)
        self.app.call_from_thread(self.notify, f"{label} ({stage})")

    @work(thread=True, exclusive=True, exit_on_error=False, group="period")
    def switch_period(self, period: str) -> None:
        self.assessor.session.switch_period(period)
        self.app.call_from_thread(self._switched)

    def _switched(self) -> None:
        self.assessor.header_note()
        self.populate()

    @outage_safe
    def action_next_kind(self) -> None:
        """The next kind of unit (区县 → 市级部门 → …): its units, set and ranks."""
        if not self.assessor.loaded:
            return
        s = self.assessor.session
        keys = [k.key for k, _ in s.kinds()]
        if len(keys) < 2:
            return
        self.query_one("#summary", Static).update(Text(t(self.assessor.lang, "loading")))
        self.switch_kind(keys[(keys.index(s.kind.key) + 1) % len(keys)])

    def open_unit(self, rid: str) -> None:
        """Open a unit (from the palette): first switch to its kind when another is shown."""
        s = self.assessor.session
        if s.workspace.campaign.kind_of(rid) == s.kind.key:
            self._open(rid)
        else:
            self.switch_kind(s.workspace.campaign.kind_of(rid), then_open=rid)

    @work(thread=True, exclusive=True, exit_on_error=False, group="period")
    def switch_kind(self, key: str, then_open: str | None = None) -> None:
        from assessor.errors import AssessorError

        try:
            self.assessor.session.switch_kind(key)
        except AssessorError as exc:  # the kind's set does not load: say where, stay
            message = "\n".join(str(p) for p in exc.problems)
            self.app.call_from_thread(self.notify, message, severity="error", timeout=15)
            self.app.call_from_thread(self.populate)
            return
        self.assessor.kind = key  # a reload (after an outage, a fixed set) keeps this kind
        self.app.call_from_thread(self._switched)
        if then_open is not None:
            self.app.call_from_thread(self._open, then_open)

    def _open(self, rid: str) -> None:
        from assessor.tui.screens.region import RegionScreen

        self.app.push_screen(RegionScreen(rid))

    def action_open_region(self) -> None:
        rid = self.current()
        if rid is not None and self.assessor.loaded:
            from assessor.tui.screens.region import RegionScreen

            self.app.push_screen(RegionScreen(rid))

    def action_reports(self) -> None:
        if not self.assessor.loaded:
            return
        from assessor.tui.screens.reports import ReportsScreen

        self.app.push_screen(ReportsScreen(self.current()))

    def action_ranking(self) -> None:
        if not self.assessor.loaded:
            return
        from assessor.tui.screens.ranking import RankingScreen

        self.app.push_screen(RankingScreen())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_region()


def _attention_cell(a: Attention) -> Cell:
    """Counts with the tree's marks: `.` unscored, `~` disagreements, `E` evidence, `!` errors."""
    parts = [
        (a.errors, "!", "red"),
        (a.disagreements, "~", "magenta"),
        (a.evidence, "E", "dark_orange"),
        (a.unscored, ".", "yellow"),
    ]
    cell = Cell("", -(a.errors * 1000 + a.disagreements * 100 + a.evidence * 10 + a.unscored))
    for n, mark, style in parts:
        if n:
            cell.append(f"{mark}{n} ", style=style)
    return cell


def _short_names(names: tuple[str, ...]) -> list[str]:
    """`专家组-陈静` → `陈静`: the part after the last dash keeps the column narrow."""
    return [n.rsplit("-", 1)[-1] for n in names]
