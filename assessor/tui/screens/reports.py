"""Reports: choose a report type, render it in a worker, show where the PDF is.

Rendering runs `assessor report` in a child process from a thread worker: WeasyPrint never
loads into the UI process and a failing render cannot take the UI down."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from assessor.tui.app import AssessorApp

KINDS = (
    ("county", "地区评估报告 · county report (the region chosen on home)"),
    ("ranking", "排名报告 · ranking report"),
    ("bulletin", "通报 · bulletin"),
)


class ReportsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "back")]

    def __init__(self, region: str | None) -> None:
        super().__init__()
        self.region_id = region

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*[Option(label, id=kind) for kind, label in KINDS], id="kinds")
        yield Button("生成 PDF · render", id="render", variant="primary")
        yield LoadingIndicator(id="busy")
        yield Static(id="result")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#busy").display = False
        self.query_one("#kinds", OptionList).highlighted = 0

    @on(Button.Pressed, "#render")
    @on(OptionList.OptionSelected, "#kinds")
    def _start(self) -> None:
        options = self.query_one("#kinds", OptionList)
        index = options.highlighted or 0
        kind = KINDS[index][0]
        app: AssessorApp = self.app  # type: ignore[assignment]
        args = [sys.executable, "-m", "assessor", "report", str(app.folder), "--type", kind,
                "-o", str(app.folder / "reports"), "--quiet"]  # fmt: skip
        if kind == "county":
            args += ["--region", self.region_id or next(iter(app.session.workspace.regions))]
        self.query_one("#busy").display = True
        self.query_one("#result", Static).update(Text("正在生成… rendering…"))
        self.run_report(args)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def run_report(self, args: list[str]) -> None:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
        text = (proc.stdout + proc.stderr).strip()
        self.app.call_from_thread(self._done, proc.returncode == 0, text)

    def _done(self, ok: bool, text: str) -> None:
        self.query_one("#busy").display = False
        style = "green" if ok else "red"
        self.query_one("#result", Static).update(
            Text(text or ("done" if ok else "failed"), style=style)
        )
