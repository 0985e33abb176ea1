"""Reports: choose a report type and regions, render in a worker with progress, show the paths.

Rendering runs `assessor report` in a child process from a thread worker, one region at a time
for county reports so that progress can be shown: WeasyPrint never loads into the UI process
(its layout holds the GIL for seconds) and a failing render cannot take the UI down.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Header, OptionList, ProgressBar, SelectionList, Static
from textual.widgets.option_list import Option

from assessor.tui.i18n import t
from assessor.tui.screens.base import AssessorScreen
from assessor.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    pass

KINDS = ("county", "ranking", "bulletin")


class ReportsScreen(AssessorScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("ctrl+a", "select_all", "select_all"),
    ]

    def __init__(self, region: str | None) -> None:
        super().__init__()
        self.region_id = region

    def compose(self) -> ComposeResult:
        lang = self.assessor.lang
        s = self.assessor.session
        yield Header()
        with Horizontal(id="report-body"):
            with Vertical(id="report-left"):
                yield Static(Text(t(lang, "report_kind")), classes="label")
                yield OptionList(
                    *[Option(t(lang, f"report_{kind}"), id=kind) for kind in KINDS], id="kinds"
                )
            with Vertical(id="report-right"):
                yield Static(Text(t(lang, "report_regions")), classes="label")
                yield SelectionList[str](
                    *[
                        (Text(f"{r.name or ''} {rid}"), rid, rid == self.region_id)
                        for rid, r in s.workspace.regions.items()
                    ],
                    id="report-regions",
                )
        # after the regions: Tab goes kinds → regions → render, so Space ticks a region
        # rather than pressing the button with the wrong county chosen
        yield Button(t(lang, "render"), id="render", variant="primary")
        yield ProgressBar(id="progress", show_eta=False)
        yield Static(id="result")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.query_one("#kinds", OptionList).highlighted = 0
        self.query_one("#kinds", OptionList).focus()

    def action_select_all(self) -> None:
        self.query_one("#report-regions", SelectionList).select_all()

    @on(Button.Pressed, "#render")
    @on(OptionList.OptionSelected, "#kinds")
    def _start(self) -> None:
        s = self.assessor.session
        kind = KINDS[self.query_one("#kinds", OptionList).highlighted or 0]
        base = [sys.executable, "-m", "assessor", "report", str(self.assessor.folder),
                "--period", s.period, "--type", kind,
                "-o", str(self.assessor.folder / "reports"), "--quiet"]  # fmt: skip
        if kind == "county":
            chosen = list(self.query_one("#report-regions", SelectionList).selected)
            regions = chosen or [self.region_id or next(iter(s.workspace.regions))]
            runs = [[*base, "--region", rid] for rid in regions]
        else:
            runs = [base]
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=len(runs), progress=0)
        bar.display = True
        self.query_one("#result", Static).update(Text(t(self.assessor.lang, "rendering")))
        self.run_reports(runs)

    @work(thread=True, exclusive=True, exit_on_error=False, group="reports")
    def run_reports(self, runs: list[list[str]]) -> None:
        lines: list[tuple[bool, str]] = []
        for args in runs:
            try:
                proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
                ok, text = proc.returncode == 0, (proc.stdout + proc.stderr).strip()
            except (OSError, subprocess.SubprocessError) as exc:
                ok, text = False, str(exc)
            lines.append((ok, text or ("done" if ok else "failed")))
            self.app.call_from_thread(self._progress, list(lines))

    def _progress(self, lines: list[tuple[bool, str]]) -> None:
        self.query_one("#progress", ProgressBar).advance(1)
        out = Text()
        for ok, text in lines:
            out.append(text.replace("assessor: ", "") + "\n", style="green" if ok else "red")
        self.query_one("#result", Static).update(out)  # paths and errors are data, not markup
