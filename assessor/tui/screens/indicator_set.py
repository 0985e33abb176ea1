"""The indicator set: browse its tree (points, methods, criteria), edit the YAML, reload.

Editing happens in the evaluator's own `$EDITOR` (the app suspends meanwhile). A reload lints
the file first; a file with errors is never swapped in: its problems are listed in a panel and
the set that was loaded stays in use, so a broken file cannot crash the app or lose entries.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Static, Tree
from textual.widgets.tree import TreeNode

from assessor.errors import Problem
from assessor.exchange.rows import criteria_lines
from assessor.model.indicator_set import InnerNode
from assessor.model.sources import LABEL, effective_sources, source_line
from assessor.scoring import display
from assessor.scoring.phrases import method_name
from assessor.text.catalogue import code_word, say
from assessor.tui.i18n import caption, colon, t
from assessor.tui.screens.base import AssessorScreen
from assessor.tui.widgets.footer import KeysFooter
from assessor.tui.widgets.tree import AsciiTree

if TYPE_CHECKING:
    from assessor.scoring import CompiledSet


class SetScreen(AssessorScreen[None]):
    """Read-only view of the compiled set; `e` edits the file, `l` reloads it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("e", "edit", "edit_yaml"),
        Binding("l", "reload", "reload_set"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="set-path")
        with Horizontal(id="set-body"):
            yield AsciiTree(Text(""), id="set-tree")
            with VerticalScroll(id="set-detail"):
                yield Static(id="set-node")
        yield Static(id="lint", classes="hidden")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#set-tree", Tree).focus()

    # ---------------------------------------------------------------- display

    @property
    def path(self) -> Path:
        ws = self.assessor.session.workspace
        return ws.kind_set_path(ws.default_kind)

    def fill(self) -> None:
        """Build the whole tree eagerly (a 1,000-leaf set builds in ~20 ms)."""
        cs = self.assessor.session.cs
        lang = self.assessor.lang
        folder = self.assessor.session.workspace.folder.resolve()
        where = (
            self.path.relative_to(folder).as_posix()
            if self.path.is_relative_to(folder)
            else f"{t(lang, 'bundled')} {self.path.name}"
        )
        self.query_one("#set-path", Static).update(
            Text(f"{cs.set.name} · {cs.set.id} · {t(lang, 'file')} {where}")
        )
        tree = self.query_one("#set-tree", Tree)
        tree.clear()
        root = Text(f"{display(cs, cs.full_score)} ", style="bold")  # numbers first: a narrow
        root.append(cs.set.name)  # terminal cuts the name, not the points
        tree.root.set_label(root)
        tree.root.expand()

        def add(parent: TreeNode[str], ids: tuple[str, ...]) -> None:
            for nid in ids:
                cn = cs.nodes[nid]
                label = Text()  # numbers first: a narrow terminal cuts the name
                label.append(f"{nid} ")
                label.append(f"{display(cs, cn.max)} ", style="bold")
                if cn.method:
                    label.append(f"{method_name(cn.method, lang)} ", style="cyan")
                if cn.kind != "core":
                    label.append(f"{code_word('kind', cn.kind, lang)} ", style="magenta")
                label.append(cn.name)  # user text: never markup
                if cn.leaf:
                    parent.add_leaf(label, data=nid)
                else:
                    add(parent.add(label, data=nid, expand=True), cn.children)

        add(tree.root, cs.root.children)

    @on(Tree.NodeHighlighted, "#set-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data is not None:
            self.query_one("#set-node", Static).update(
                node_text(self.assessor.session.cs, event.node.data, self.assessor.lang)
            )

    def show_problems(self, problems: list[Problem]) -> None:
        """The lint panel: every problem with its file:line:col, or hidden when there is none."""
        panel = self.query_one("#lint", Static)
        if not problems:
            panel.update("")
            panel.add_class("hidden")
            return
        lang = self.assessor.lang
        text = Text(t(lang, "lint_kept") + "\n", style="bold red")
        for p in problems:
            style = "red" if p.severity == "error" else "yellow"
            text.append(f"{p}\n", style=style)  # Problem text is data: never markup
        panel.update(text)
        panel.remove_class("hidden")

    # ---------------------------------------------------------------- actions

    def action_edit(self) -> None:
        """Open the set in $EDITOR (a bundled set is first copied into the workspace)."""
        path = self.editable_path()
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            with self.app.suspend():
                subprocess.call([*shlex.split(editor), str(path)])
        except Exception as exc:  # no terminal to hand over (headless, web): say so, stay up
            self.notify(f"{editor}: {exc}", severity="error")
            return
        self.action_reload()

    def editable_path(self) -> Path:
        """The file to edit: bundled sets are package files, so the workspace gets its own copy
        (the workspace resolves `sets: [id]` to `<workspace>/<id>.yaml` before bundled ones)."""
        ws = self.assessor.session.workspace
        path = self.path
        if path.parent == ws.folder.resolve():
            return path
        copy = ws.folder / f"{ws.set_id}.yaml"
        if not copy.exists():
            shutil.copyfile(path, copy)
            self.notify(t(self.assessor.lang, "set_copied") + str(copy))
        ws.move_kind_set(ws.default_kind, copy.resolve())
        return copy

    def action_reload(self) -> None:
        self.reload_set()

    @work(thread=True, exclusive=True, exit_on_error=False, group="set")
    def reload_set(self) -> None:
        """Lint, load and re-score off the UI thread; only a clean file replaces the set."""
        problems = self.assessor.session.reload_set()
        self.app.call_from_thread(self._reloaded, problems)

    def _reloaded(self, problems: list[Problem]) -> None:
        self.show_problems(problems)
        if any(p.severity == "error" for p in problems):
            return
        self.fill()
        self.assessor.set_reloaded()
        self.notify(t(self.assessor.lang, "set_reloaded"))


def node_text(cs: CompiledSet, nid: str, lang: str) -> Text:
    """Everything the set says about a node, as plain data (never markup)."""
    cn = cs.nodes[nid]
    node = cn.node
    text = Text(f"{nid} {cn.name}\n", style="bold")
    text.append(
        f"{caption(lang, 'points')}{display(cs, cn.max)}  {caption(lang, 'kind')}{code_word('kind', cn.kind, lang)}"
    )
    if cn.method:
        shown = method_name(cn.method, lang)
        if shown != cn.method:  # the YAML keyword too: that is what the author edits
            shown += say("punct.paren", lang, text=cn.method)
        text.append(f"  {caption(lang, 'method')}{shown}")
    if cn.optional:
        text.append("  " + say("punct.paren", lang, text=t(lang, "optional")).strip())
    text.append("\n")
    if node is None:
        return text
    if node.description:
        text.append(f"\n{node.description}\n")
    if not isinstance(node, InnerNode):
        text.append(f"\n{caption(lang, 'criteria').rstrip()}\n", style="bold")
        text.append("\n".join(criteria_lines(node, lang)) + "\n")
    if node.guidance:
        text.append(f"\n{caption(lang, 'guidance')}{node.guidance}\n")
    if node.evidence is not None and node.evidence.required:
        text.append(f"\n{caption(lang, 'evidence_required')}{node.evidence.hint or ''}\n")
    refs = effective_sources(cs.set.tree).get(nid, [])
    if refs:  # where it comes from: quoted, or 示例 and why (docs/sources.md)
        text.append(f"\n{LABEL.get(lang, LABEL['en'])}{colon(lang).rstrip()}\n", style="bold")
        text.append("".join(f"· {source_line(r, lang)}\n" for r in refs))
    for key, value in (("department", node.department), ("data_source", node.data_source)):
        if value:
            text.append(f"{caption(lang, key)}{value}\n", style="dim")
    return text
