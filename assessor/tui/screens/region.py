"""Scoring one region: the indicator tree, a detail pane with an input per method, live total.

Every valid change is stored at once (no save key) and the engine re-scores the region
incrementally (`rescore_leaf`); only the changed leaf and its ancestors are relabelled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from assessor.errors import AssessorError, in_language
from assessor.exchange.rows import criteria_lines
from assessor.loader.entry_values import EntryValueError
from assessor.model.indicator_set import InnerNode, InputSpec, LevelLeaf, NumericLeaf
from assessor.scoring import explain_lines
from assessor.store.errors import ConflictError, FinalError, StoreError, StoreUnavailable
from assessor.tui.i18n import caption, t
from assessor.tui.labels import (
    header_text,
    input_title,
    needs_evidence,
    node_label,
    wrap_cells,
)
from assessor.tui.period_labels import read_only_note
from assessor.tui.screens.base import AssessorScreen, outage_safe
from assessor.tui.widgets.footer import KeysFooter
from assessor.tui.widgets.prompt import PromptScreen
from assessor.tui.widgets.tree import AsciiTree

#: Below this width the pane is not laid out yet: messages are not wrapped by hand.
SHORT = 24

#: Seconds after the last keystroke before the explanation and history are redrawn.
EXPLAIN_DELAY = 0.15

if TYPE_CHECKING:
    from textual.app import SystemCommand
    from textual.timer import Timer

    from assessor.model.results import RegionResult


class RegionScreen(AssessorScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back"),
        Binding("n", "next_unscored", "next"),
        Binding("x", "mark_na", "na", show=False),  # the footer keeps what fits 80 columns;
        Binding("u", "undo", "undo"),  # F1 lists every key
        Binding("y", "redo", "redo", show=False),
        Binding("slash", "search", "search"),
        Binding("e", "evidence", "evidence"),
        Binding("j", "judge_evidence", "judge", show=False),  # 有效/不足/无效 (widgets/verdict.py)
        Binding("r", "refresh", "refresh", show=False),
        Binding("g", "gap", "gap", show=False),
        Binding("t", "tasks", "tasks"),  # the unit's tasks with deadlines (screens/tasks.py)
        Binding("p", "copy_previous", "previous", show=False),
        Binding("d", "next_disagreement", "next_disagreement", show=False),
        Binding("m", "next_missing_evidence", "next_evidence", show=False),
        Binding("w", "workflow", "workflow", show=False),
        *[Binding(str(k), f"level({k})", "level", show=False) for k in range(10)],
    ]

    def __init__(self, region: str) -> None:
        super().__init__()
        self.region_id = region
        self.leaf: str | None = None
        self.tree_nodes: dict[str, TreeNode[str]] = {}
        self._loading = False
        self._head_width = -1
        self._said: tuple[str, str] = ("", "")
        self._said_lines = -1  # lines the message took (unknown before the first)
        self._explain_timer: Timer | None = None
        self._stored: dict[str, str] = {}  # input id → the text of what is stored
        self._preview: RegionResult | None = None  # shown while typing, stored nowhere
        self._keep_said = False  # moving on after a value keeps "saved: …" in view
        self._built = False  # keys typed before the tree is built wait (see AssessorApp)
        self.final = False  # a final assessment is read-only until reopened with a reason
        self._asking = False  # a reviewer is asked why a value of the stage before changes

    def compose(self) -> ComposeResult:
        yield Static(id="head")
        with Horizontal(id="body"):
            yield AsciiTree(Text(self.assessor.session.cs.set.name), id="tree")
            with VerticalScroll(id="detail", can_focus=False):
                yield Static(id="title")
                yield Static(id="criteria")
                yield Vertical(id="inputs")
                yield Static(id="message")
                yield Input(placeholder=t(self.assessor.lang, "comment"), id="comment")
                yield Static(id="evidence")
                yield Static(id="explain")
                yield Static(id="history")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        s = self.assessor.session
        tree = self.query_one("#tree", Tree)
        tree.root.expand()

        def add(parent: TreeNode[str], ids: tuple[str, ...]) -> None:
            for nid in ids:
                cn = s.cs.nodes[nid]
                label = self._label(nid)
                if cn.leaf:
                    self.tree_nodes[nid] = parent.add_leaf(label, data=nid)
                else:
                    node = parent.add(label, data=nid, expand=True)
                    self.tree_nodes[nid] = node
                    add(node, cn.children)

        add(tree.root, s.cs.root.children)
        self.final = self._is_final()
        self._head()
        lang = self.assessor.lang
        first = t(lang, "rolled_up_help").format(period=s.period) if s.rolled_up else None
        self.query_one("#criteria", Static).update(Text(first or t(lang, "region_help")))
        comment = self.query_one("#comment", Input)
        comment.display = False  # until an indicator is chosen
        comment.border_title = t(self.assessor.lang, "comment")
        tree.focus()
        self._built = True

    def is_ready(self) -> bool:
        """Keys wait while the tree is built or an indicator's inputs are being mounted."""
        return self._built and not self._loading

    # ---------------------------------------------------------------- display

    def _is_final(self) -> bool:
        """Read-only: a final assessment, or a month or year rolled up from its weeks."""
        s = self.assessor.session
        return s.rolled_up or s.status(self.region_id) == "final"

    def _head(self) -> None:
        """The live total. A header of the same width wraps the same way, so it is repainted
        without a layout pass (a layout pass of this screen costs ~20 ms at 1,000 leaves)."""
        s = self.assessor.session
        result = self._preview or s.results[self.region_id]
        text = header_text(s.cs, result, s.period, self.assessor.lang)
        marker = f"  {t(self.assessor.lang, 'preview')}"
        if self._preview is not None:
            text.append(marker, style="bold yellow")
        else:  # the same width with and without the preview: no layout pass either way
            text.append(" " * Text(marker).cell_len)
        if s.rolled_up:  # 汇总自 5 周，只读: the engine's roll-up of the weeks
            text.append(
                f"  {read_only_note(s.rolled_up_from, self.assessor.lang)}", style="bold cyan"
            )
        elif self.final:
            text.append(f"  {t(self.assessor.lang, 'final')}", style="bold red")
        same = text.cell_len == self._head_width
        self._head_width = text.cell_len
        self.query_one("#head", Static).update(text, layout=not same)

    def _label(self, nid: str) -> Text:
        s = self.assessor.session
        n = (self._preview or s.results[self.region_id]).nodes[nid]
        attached = s.attached.get(self.region_id, set())
        return node_label(s.cs, n, needs_evidence(s.cs, n, attached))

    def _relabel(self, leaf: str) -> None:
        """Only the changed leaf and its ancestors (relabelling 1,000 nodes takes ~0.1 s)."""
        result = self.assessor.session.results[self.region_id]
        nid: str | None = leaf
        tree = self.query_one("#tree", AsciiTree)
        while nid is not None and nid in self.tree_nodes:
            tree.relabel(self.tree_nodes[nid], self._label(nid))
            nid = result.nodes[nid].parent
        self._head()

    def _say(self, text: str, style: str = "") -> None:
        if (text, style) == self._said:
            return  # the same words again: nothing to repaint
        # as many lines as before keeps its height: no layout pass (~20 ms at 1,000 leaves),
        # so the preview's "not stored yet" or "saved: 82.5" costs a repaint only
        message = self.query_one("#message", Static)
        width = message.content_region.width
        shown = wrap_cells(text, width) if width > SHORT else text
        lines = shown.count("\n") + 1  # an empty message still takes its one line
        same = width > SHORT and lines == self._said_lines
        self._said, self._said_lines = (text, style), lines
        message.update(Text(shown, style=style, no_wrap=True), layout=not same)
        if style == "red":  # a refusal must be read: on a short terminal it is below the fold
            self.call_after_refresh(message.scroll_visible, animate=False)

    def _explain_soon(self) -> None:
        """The explanation and history follow once typing pauses: the total is what each
        keystroke must update at once; these need a query and a layout pass."""
        if self._explain_timer is not None:
            self._explain_timer.stop()
        self._explain_timer = self.set_timer(EXPLAIN_DELAY, self._explain)

    def _explain(self) -> None:
        if self.leaf is None:
            return
        s = self.assessor.session
        lines = explain_lines(s.cs, s.results[self.region_id], self.leaf, self.assessor.lang)
        self.query_one("#explain", Static).update(Text("\n".join(lines)))
        try:
            history = s.history(self.region_id, self.leaf, lang=self.assessor.lang)
        except StoreError:
            history = []  # the database is away: the header says so; the rest is in memory
        title = caption(self.assessor.lang, "history").rstrip()
        self.query_one("#history", Static).update(
            Text("\n".join([title, *history]) if history else "")
        )

    def _evidence(self) -> None:
        """Evidence of the current leaf: the entries' list and the store's records."""
        if self.leaf is None:
            return
        s = self.assessor.session
        lang = self.assessor.lang
        node = s.cs.nodes[self.leaf].node
        spec = getattr(node, "evidence", None)
        items = list(s.results[self.region_id].nodes[self.leaf].evidence)
        for row in s.evidence(self.region_id, self.leaf):
            item = str(row["path"] or row["url"])
            if item not in items:
                items.append(item)
        text = Text(f"{caption(lang, 'evidence')}", style="bold")
        text.append("; ".join(items) if items else "-")
        if spec is not None and spec.required:
            style = "dark_orange" if not items else "dim"
            text.append(f"  ({caption(lang, 'evidence_required')}{spec.hint or ''})", style=style)
        from assessor.tui.widgets.earlier_stage import earlier_stage_text

        earlier = earlier_stage_text(s, self.region_id, self.leaf, lang)  # 自评 beside 复核 …
        if earlier is not None:
            text.append("\n").append_text(earlier)
        self.query_one("#evidence", Static).update(text)

    @on(Tree.NodeHighlighted, "#tree")
    async def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        nid = event.node.data
        if nid is None:
            return
        await self.show(nid)

    @on(Tree.NodeSelected, "#tree")
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        """Enter on an indicator: type its value."""
        if self.leaf is not None and event.node.data == self.leaf:
            first = self.query("#inputs Input").first(Input)
            first.focus()
            first.action_end()

    async def show(self, nid: str) -> None:
        if self.leaf is not None and self.leaf != nid and self.leaf in self.tree_nodes:
            self.commit()  # moved away (a click on the tree) with a value typed: store it
        self._preview = None
        if self.leaf is not None and self.leaf in self.tree_nodes:
            self._relabel(self.leaf)
        s = self.assessor.session
        lang = self.assessor.lang
        cn = s.cs.nodes[nid]
        node = cn.node
        assert node is not None
        title = Text(f"{node.id} {node.name}", style="bold")
        self.query_one("#title", Static).update(title)
        inputs = self.query_one("#inputs", Vertical)
        await inputs.remove_children()
        self._loading = True
        self.query_one("#comment", Input).display = not isinstance(node, InnerNode)
        if isinstance(node, InnerNode):
            self.leaf = None
            self.query_one("#criteria", Static).update(
                Text(node.description or t(lang, "choose_leaf"))
            )
            self.query_one("#explain", Static).update(
                Text("\n".join(explain_lines(s.cs, s.results[self.region_id], nid, lang)))
            )
            self._loading = False
            return
        self.leaf = nid
        parts = [caption(lang, "criteria").rstrip() + "\n" + "\n".join(criteria_lines(node, lang))]
        if node.guidance:
            parts.append(f"{caption(lang, 'guidance')}{node.guidance}")
        if isinstance(node, LevelLeaf):
            parts.append(t(lang, "level_keys"))
        self.query_one("#criteria", Static).update(Text("\n".join(parts)))
        mine = s.mine(self.region_id, nid)
        if isinstance(node, NumericLeaf) and node.inputs:
            for i, (name, spec) in enumerate(node.inputs.items()):
                current = mine.inputs.get(name) if mine and mine.inputs else None
                field = Input(value="" if current is None else str(current),
                              placeholder=spec.label or name, id=f"in-{i}")  # fmt: skip
                field.border_title = input_title(spec.label or name, spec, lang)
                await inputs.mount(field)
        else:
            value = "" if mine is None or mine.value is None else _shown(mine.value)
            if mine is not None and mine.na:
                value = "na"
            field = Input(value=value, placeholder=t(lang, "value"), id="in-value")
            single: InputSpec | None = getattr(node, "input", None)
            label = (single.label if single is not None else None) or t(lang, "value")
            field.border_title = input_title(label, single, lang)
            await inputs.mount(field)
        self.query_one("#comment", Input).value = (mine.comment or "") if mine else ""
        for field in self.query("#inputs Input, #comment").results(Input):
            field.disabled = self.final
        self._evidence()
        if not self._keep_said:
            self._say("")
        self._keep_said = False
        self._explain()
        self._stored = {f.id or "": f.value.strip() for f in self._fields()}
        self._loading = False

    # ---------------------------------------------------------------- entering
    #
    # A value is stored when the evaluator decides: Enter, Tab or leaving the input. While
    # typing, each input is checked alone (red border, the reason below it) and the header and
    # tree show the engine's preview of the new total; nothing is written. Esc puts back what
    # is stored. One decision = one write, one audit record, one undo step.

    def _fields(self) -> list[Input]:
        return list(self.query("#inputs Input").results(Input))

    def _input_name(self, field: Input) -> str | None:
        """The formula input a box holds (None: the leaf's single value)."""
        s = self.assessor.session
        assert self.leaf is not None
        node = s.cs.nodes[self.leaf].node
        if isinstance(node, NumericLeaf) and node.inputs and field.id and field.id[3:].isdigit():
            return list(node.inputs)[int(field.id[3:])]
        return None

    def _raw(self) -> object | None:
        """What the inputs hold: a value, or named inputs (None while incomplete)."""
        s = self.assessor.session
        assert self.leaf is not None
        node = s.cs.nodes[self.leaf].node
        if isinstance(node, NumericLeaf) and node.inputs:
            values = {}
            for i, name in enumerate(node.inputs):
                text = self.query_one(f"#in-{i}", Input).value.strip()
                if not text:
                    return None
                values[name] = text
            return values
        text = self.query_one("#in-value", Input).value.strip()
        return text or None

    def pending(self) -> bool:
        """Typed and not stored yet: some input differs from what is stored."""
        return any(f.value.strip() != self._stored.get(f.id or "", "") for f in self._fields())

    def _mark(self, field: Input, problem: str | None) -> None:
        """A red border with the reason on it, or a plain border again."""
        field.set_class(problem is not None, "invalid")
        field.border_subtitle = None if problem is None else Text(problem)

    @on(Input.Changed, "#inputs Input")
    def _typed(self, event: Input.Changed) -> None:
        """Check the input alone; when every input is valid, preview the engine's total."""
        if self._loading or self.leaf is None:
            return
        s = self.assessor.session
        lang = self.assessor.lang
        if s.rolled_up:  # nothing is typed into a month of weeks
            self._say(t(lang, "rolled_up_help").format(period=s.period), "yellow")
            return
        if self.final:  # inputs are disabled; a value set anyway is refused by the store
            self._say(f"{t(lang, 'invalid')}{self.region_id} {t(lang, 'final_reopen')}", "red")
            return
        problems = {}
        for f in self._fields():  # each box alone (a mark left by the boxes together goes)
            found = s.check_input(self.leaf, self._input_name(f), f.value)
            self._mark(f, None if found is None else found.text(lang))
            if found is not None:
                problems[f] = found.text(lang)
        if problems:
            self._paint()  # the stored result again: a wrong value previews nothing
            said = problems.get(event.input) or next(iter(problems.values()))
            self._say(t(lang, "invalid") + said, "red")
            return
        if not self.pending():
            self._paint()
            if self._said[1] in ("yellow", "red"):
                self._say("")
            return
        raw = self._raw()
        if raw is None:  # a formula with an empty box: nothing to preview yet
            self._paint()
            self._say(t(lang, "fill_all"), "yellow")
            return
        try:
            entry = s.checked(self.region_id, self.leaf, raw, self._comment_text())
        except EntryValueError as exc:  # the inputs together (a share above its total …)
            self._mark(event.input, exc.text(lang))
            self._paint()
            self._say(t(lang, "invalid") + exc.text(lang), "red")
            return
        self._paint(s.preview(self.region_id, self.leaf, entry))
        self._say(t(lang, "not_yet_saved"), "yellow")

    def _comment_text(self) -> str | None:
        return self.query_one("#comment", Input).value.strip() or None

    def commit(self, then: Callable[[], None] | None = None) -> bool:
        """Store what the inputs (and the comment) hold, if it differs from what is stored.
        False when it was refused (nothing stored; the input keeps the text, marked red), or
        when the reviewer is first asked why (`_decide`): stored, and `then` run, once answered."""
        if self._asking:
            return False  # the question is open: the blur its modal causes stores nothing
        done = self._commit(then)
        if done and then is not None:
            then()
        return done

    def _commit(self, then: Callable[[], None] | None) -> bool:
        if self._loading or self.leaf is None:
            return True
        s = self.assessor.session
        mine = s.mine(self.region_id, self.leaf)
        comment = self._comment_text()
        comment_changed = (mine.comment if mine else None) != comment and mine is not None
        if not self.pending() and not comment_changed:
            return True
        lang = self.assessor.lang
        raw = self._raw()
        if raw is None:
            if any(f.value.strip() for f in self._fields()):
                self._say(t(lang, "fill_all"), "yellow")
                return False
            if mine is None:
                return True
            region, leaf = self.region_id, self.leaf
            return self._decide(None, None, lambda why: s.clear(region, leaf, why), "-", then)
        region, leaf = self.region_id, self.leaf
        return self._decide(
            raw, comment, lambda why: s.enter(region, leaf, raw, comment, why), raw, then
        )

    def _decide(
        self,
        raw: object | None,
        comment: str | None,
        write: Callable[[str | None], RegionResult],
        shown: object,
        then: Callable[[], None] | None = None,
    ) -> bool:
        """Store now; or, in a stage after the first, when the value changes what the stage
        before gave this indicator, ask why first: the reason is stored with the value, in
        its one audit record, and the report lists it beside the change. Esc stores nothing."""
        from assessor.store.codec import entry_payload, payload_text
        from assessor.store.stages import check_writer, earlier_change, value_of

        s = self.assessor.session
        assert self.leaf is not None
        region, leaf, lang = self.region_id, self.leaf, self.assessor.lang
        mine = s.mine(region, leaf)
        try:
            check_writer(s.workspace, s.evaluator)  # an outsider is refused, not asked why
            entry = None if raw is None else s.checked(region, leaf, raw, comment)
            same = value_of(entry) == value_of(mine)  # a comment alone: no new question
            change = None if same else earlier_change(s.workspace, region, s.period, leaf, entry)
        except (EntryValueError, StoreError):
            change = None  # `_store` words the refusal
        if change is None:
            return self._store(lambda: write(None), shown)
        stage, before = change
        after = "—" if entry is None else payload_text({**entry_payload(entry), "comment": None})
        question = t(lang, "change_reason_ask").format(
            leaf=leaf, stage=stage.label, before=before, after=after
        )
        typed = comment if comment != (mine.comment if mine else None) else None

        def answered(reason: str | None) -> None:
            self._asking = False
            if not reason:
                missing = t(lang, "change_reason_missing").format(leaf=leaf, stage=stage.label)
                self._say(missing, "red")
                return
            if self.leaf == leaf:
                if self._store(lambda: write(reason), shown) and then is not None:
                    then()
                return
            try:  # the tree moved on while asking: store that indicator, relabel its path
                write(reason)
            except EntryValueError as exc:
                self._say(f"{leaf}: {t(lang, 'invalid')}{exc.text(lang)}", "red")
                return
            except StoreError as exc:
                self._refused(exc)
                return
            self._relabel(leaf)
            self._say(f"{leaf} {t(lang, 'saved')}: {shown}", "green")
            self.assessor.region_changed(region)

        self._asking = True
        self.app.push_screen(PromptScreen(question, "", typed or ""), answered)
        return False

    def _store(self, write: Callable[[], RegionResult], raw: object) -> bool:
        """One write; refused values leave the store, the audit log and the undo stack as
        they were."""
        lang = self.assessor.lang
        assert self.leaf is not None
        try:
            write()
        except EntryValueError as exc:
            self._paint()
            self._say(t(lang, "invalid") + exc.text(lang), "red")
            focused = self.focused if isinstance(self.focused, Input) else None
            if focused is not None and focused.id != "comment":
                self._mark(focused, exc.text(lang))
            return False
        except StoreError as exc:
            self._paint()
            self._refused(exc)
            return False
        self._remember()
        pairs = raw.items() if isinstance(raw, dict) else ()
        shown = ", ".join(f"{k}={v}" for k, v in pairs) if pairs else str(raw)
        if isinstance(raw, str) and raw.strip().lower() in ("na", "n/a", "不适用"):
            shown = t(lang, "na")
        # what was stored, not only that something was: the evaluator (and a test killing the
        # terminal) can tell "3" saved from "30" saved
        self._say(f"{caption(lang, 'saved')}{shown}", "green")
        self._paint()
        self._explain_soon()
        self.assessor.region_changed(self.region_id)
        return True

    def _remember(self) -> None:
        """What the inputs show is now what is stored."""
        self._stored = {f.id or "": f.value.strip() for f in self._fields()}
        for f in self._fields():
            self._mark(f, None)

    def restore(self) -> None:
        """Esc: the inputs and the comment show what is stored again; the preview goes."""
        s = self.assessor.session
        assert self.leaf is not None
        for f in self._fields():
            f.value = self._stored.get(f.id or "", "")
            self._mark(f, None)
        mine = s.mine(self.region_id, self.leaf)
        self.query_one("#comment", Input).value = (mine.comment or "") if mine else ""
        self._paint()
        self._say(t(self.assessor.lang, "restored"), "")

    def _paint(self, result: RegionResult | None = None) -> None:
        """Header and the leaf's path in the tree: the stored result, or a preview."""
        if self.leaf is None:
            return
        self._preview = result
        self._relabel(self.leaf)

    def _refused(self, exc: AssessorError) -> None:
        """The store said no: a conflict shows both sides; a final assessment says how to
        reopen it; anything else (a missing evidence file …) as the store words it."""
        lang = self.assessor.lang
        if isinstance(exc, StoreUnavailable):
            self._say(t(lang, "db_down") + in_language(exc.problems[0].message, lang), "red")
            self.assessor.live.set_outage(True)
        elif isinstance(exc, ConflictError):
            self._conflict(exc)
        elif isinstance(exc, FinalError):
            self._say(f"{t(lang, 'invalid')}{self.region_id} {t(lang, 'final_reopen')}", "red")
        else:
            self._say(in_language(exc.problems[0].message, lang), "red")

    def _conflict(self, exc: ConflictError) -> None:
        """Someone else wrote this entry since it was read: say who and what; keep theirs."""
        from assessor.store.codec import payload_text as _short

        lang = self.assessor.lang
        self._say(
            t(lang, "conflict_by").format(who=exc.by or "?", value=_short(exc.current_value, lang)),
            "magenta",
        )

    @on(Input.Submitted, "#comment")
    @on(Input.Blurred, "#comment")
    def _comment(self) -> None:
        """A comment is stored like a value: on Enter or when the field is left."""
        if self._loading or self.leaf is None:
            return
        s = self.assessor.session
        mine = s.mine(self.region_id, self.leaf)
        if mine is None and self._comment_text() and self._raw() is None:
            self._say(t(self.assessor.lang, "value_first"), "yellow")
            return
        self.commit()

    @on(Input.Blurred, "#inputs Input")
    def _left(self, event: Input.Blurred) -> None:
        """Leaving an input (Tab, a click elsewhere) stores it, as Enter does."""
        if event.input.parent is None or event.input not in self._fields():
            return  # an input of the indicator shown before (already stored or discarded)
        if self.focused in self._fields():
            return  # to the next box of the same formula: stored when the formula is left
        self.commit()

    # ---------------------------------------------------------------- actions

    def action_back(self) -> None:
        """Esc in an input puts back what is stored (a second Esc returns to the tree);
        Esc in the tree returns to home."""
        if isinstance(self.focused, Input):
            comment = self.query_one("#comment", Input)
            mine = self.assessor.session.mine(self.region_id, self.leaf or "")
            stored_comment = (mine.comment or "") if mine else ""
            if self.leaf is not None and (
                self.pending() or comment.value.strip() != stored_comment.strip()
            ):
                self.restore()
                return
            self.query_one("#tree", Tree).focus()
            return
        self.app.pop_screen()

    @on(Input.Submitted, "#inputs Input")
    def _value_done(self, event: Input.Submitted) -> None:
        """Enter after a value: the next named input, or store it and go back to the tree on
        the next indicator you have not entered — scoring a county is then `n`, Enter, value,
        Enter, value, Enter… A refused value keeps the cursor in the input."""
        inputs = self._fields()
        i = inputs.index(event.input)
        if event.input.has_class("invalid"):
            return
        if i + 1 < len(inputs) and not inputs[i + 1].value.strip():
            inputs[i + 1].focus()
            return

        def then() -> None:
            if i + 1 < len(inputs):
                inputs[i + 1].focus()
                return
            self._next_after_value()

        self.commit(then)

    def _next_after_value(self) -> None:
        """Back to the tree and on to the next indicator not entered; "saved: …" stays."""
        self.query_one("#tree", Tree).focus()
        if self.leaf is not None and self.assessor.session.mine(self.region_id, self.leaf):
            self._keep_said = self._said[1] == "green"
            self.action_next_unscored()

    @outage_safe
    def action_level(self, level: int) -> None:
        """A digit on a level indicator: that level, stored, and on to the next, like Enter."""
        s = self.assessor.session
        if self.leaf is None or not isinstance(s.cs.nodes[self.leaf].node, LevelLeaf):
            return
        if self.final:
            return
        field = self.query_one("#in-value", Input)
        field.value = str(level)
        problem = s.check_input(self.leaf, None, str(level))
        if problem is not None:
            self._mark(field, problem.text(self.assessor.lang))
            self._say(t(self.assessor.lang, "invalid") + problem.text(self.assessor.lang), "red")
            field.focus()
            return
        self.commit(self._next_after_value)

    @outage_safe
    def action_mark_na(self) -> None:
        s = self.assessor.session
        if self.leaf is None:
            return
        if not s.cs.nodes[self.leaf].optional:
            self._say(f"{self.leaf} {t(self.assessor.lang, 'na_not_optional')}", "red")
            return
        if self.final or self._asking:
            return
        region, leaf = self.region_id, self.leaf

        def shown_again() -> None:
            self.run_worker(self.show(leaf), exclusive=True)

        # a reviewer marking 不适用 what the stage before valued is asked why, as for a value
        if self._decide("na", None, lambda why: s.enter(region, leaf, "na", reason=why), "na",
                        shown_again):  # fmt: skip
            shown_again()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`t` (tasks) is offered, and shown in the footer, only with a tasks file."""
        if action == "tasks":
            return self.assessor.loaded and bool(self.assessor.session.workspace.config.tasks)
        return True

    def action_tasks(self) -> None:
        """This unit's tasks with deadlines (when the workspace has a tasks file)."""
        from assessor.tui.screens.tasks import TasksScreen

        self.app.push_screen(TasksScreen(self.region_id))

    def action_gap(self) -> None:
        """The engine's path to the next grade, as a table; choosing a row comes back here
        with that indicator chosen."""
        from assessor.tui.screens.gap import GapScreen

        self.app.push_screen(GapScreen(self.region_id), self._go_to)

    @outage_safe
    def action_copy_previous(self) -> None:
        s = self.assessor.session
        if self.leaf is None:
            return
        try:
            done = s.copy_previous(self.region_id, self.leaf)
        except StoreError as exc:
            self._refused(exc)
            return
        if done is None:
            self._say(
                t(self.assessor.lang, "no_previous"),
                "yellow",
            )
            return
        self._relabel(self.leaf)
        self.run_worker(self.show(self.leaf), exclusive=True)
        self.assessor.region_changed(self.region_id)

    @outage_safe
    def action_undo(self) -> None:
        self._step(self.assessor.session.undo_last)

    @outage_safe
    def action_redo(self) -> None:
        self._step(self.assessor.session.redo_last)

    def _step(self, how: Callable[[], tuple[str, str, RegionResult] | None]) -> None:
        try:
            done = how()
        except StoreError as exc:
            self._refused(exc)
            return
        if done is None:
            self._say(t(self.assessor.lang, "nothing_to_undo"), "yellow")
            return
        region, leaf, _ = done
        if region == self.region_id:
            self._relabel(leaf)
            self.run_worker(self.show(leaf), exclusive=True)
        self.assessor.region_changed(region)

    def action_search(self) -> None:
        from assessor.tui.widgets.search import SearchScreen

        s = self.assessor.session
        self.app.push_screen(
            SearchScreen(s.searchables(), t(self.assessor.lang, "search_hint")), self._go_to
        )

    def _go_to(self, nid: str | None) -> None:
        if nid is None or nid not in self.tree_nodes:
            return
        tree = self.query_one("#tree", Tree)
        node = self.tree_nodes[nid]
        tree.move_cursor(node)
        tree.scroll_to_node(node)
        tree.focus()

    def action_evidence(self) -> None:
        if self.leaf is None:
            return
        lang = self.assessor.lang
        question = t(lang, "evidence_ask").format(folder=self.assessor.session.workspace.folder)
        self.app.push_screen(PromptScreen(question, "docs/….pdf | https://…"), self._add_evidence)

    def action_judge_evidence(self) -> None:
        from assessor.tui.widgets.verdict import verdict_question

        if self.leaf is None:
            return
        s, leaf = self.assessor.session, self.leaf
        question = verdict_question(s, self.region_id, leaf, self.assessor.lang)
        if question is None:
            self._say(t(self.assessor.lang, "evidence") + ": -", "dark_orange")
            return

        def judged(answer: str | None) -> None:
            from assessor.tui.widgets.verdict import apply_verdict

            if not answer:
                return
            try:
                done = apply_verdict(s, self.region_id, leaf, answer)
            except AssessorError as exc:  # a wrong answer, a missing reason, a final stage
                self._refused(exc)
                return
            self._evidence()
            self._say(done, "green")

        self.app.push_screen(PromptScreen(question, "1 有效"), judged)

    def _add_evidence(self, where: str | None) -> None:
        if where is None or self.leaf is None:
            return
        s = self.assessor.session
        try:
            s.add_evidence(self.region_id, self.leaf, where)
        except AssessorError as exc:  # missing file, outside the workspace, final, conflict
            self._refused(exc)
            return
        self._relabel(self.leaf)
        self._evidence()
        self._say(t(self.assessor.lang, "saved"), "green")
        self.assessor.region_changed(self.region_id)

    @outage_safe
    def action_refresh(self) -> None:
        """Read every entry again (other evaluators' changes) and relabel the whole tree."""
        s = self.assessor.session
        s.reload()
        self.entries_reloaded()
        for rid in s.results:
            self.assessor.region_changed(rid)
        self._say(t(self.assessor.lang, "refreshed"), "green")

    def entries_reloaded(self) -> None:
        """The session holds everyone's latest entries: relabel the tree and the header, and
        show the indicator again — unless the evaluator is typing into it (never lost)."""
        self.final = self._is_final()
        for nid, node in self.tree_nodes.items():
            node.set_label(self._label(nid))
        self._head()
        if self.leaf is not None and not self.pending():
            self.run_worker(self.show(self.leaf), exclusive=True)

    def extra_keys(self) -> list[tuple[str, str]]:
        lang = self.assessor.lang
        return [
            ("Enter", t(lang, "enter_value")),
            ("Esc", t(lang, "esc_value")),
            ("Tab", t(lang, "tab_value")),
        ]

    def commands(self) -> Iterator[SystemCommand]:
        from textual.app import SystemCommand

        lang = self.assessor.lang
        yield SystemCommand(t(lang, "workflow"), self.region_id, self.action_workflow)
        yield SystemCommand(t(lang, "next_disagreement"), "d", self.action_next_disagreement)
        yield SystemCommand(t(lang, "next_evidence"), "m", self.action_next_missing_evidence)
        if self.assessor.session.workspace.config.tasks:
            yield SystemCommand(t(lang, "tasks"), "t", self.action_tasks)

    def action_workflow(self) -> None:
        self.change_status(self.region_id)

    def status_changed(self, region: str) -> None:
        """Finalised: read-only at once; reopened: editable again."""
        if region != self.region_id:
            return
        self.final = self._is_final()
        for field in self.query("#inputs Input, #comment").results(Input):
            field.disabled = self.final
        self._head()

    def _next_where(self, wanted: Callable[[str], bool], none: str) -> None:
        """The next leaf after the current one (wrapping) for which `wanted` holds."""
        s = self.assessor.session
        order = [c.id for c in s.cs.leaves]
        start = order.index(self.leaf) + 1 if self.leaf in order else 0
        for nid in order[start:] + order[:start]:
            if wanted(nid):
                self._go_to(nid)
                return
        self._say(t(self.assessor.lang, none), "green")

    def action_next_disagreement(self) -> None:
        """The next indicator where the evaluators' values are further apart than the
        workspace allows (the engine's `disagreement`)."""
        r = self.assessor.session.results[self.region_id]
        self._next_where(lambda nid: r.nodes[nid].disagreement, "no_disagreement")

    def action_next_missing_evidence(self) -> None:
        """The next scored indicator whose set requires evidence and has none."""
        s = self.assessor.session
        r = s.results[self.region_id]
        attached = s.attached.get(self.region_id, set())
        self._next_where(
            lambda nid: needs_evidence(s.cs, r.nodes[nid], attached), "no_missing_evidence"
        )

    def action_next_unscored(self) -> None:
        """The next indicator this evaluator has not entered (others' entries do not count:
        each evaluator scores the whole county), after the current one, wrapping around."""
        s = self.assessor.session
        order = [c.id for c in s.cs.leaves]
        start = order.index(self.leaf) + 1 if self.leaf in order else 0
        for nid in order[start:] + order[:start]:
            if s.mine(self.region_id, nid) is None:
                self._go_to(nid)
                return
        done = t(self.assessor.lang, "all_done")
        kept = self._said[0] if self._keep_said and self._said[1] == "green" else ""
        self._keep_said = False
        self._say(f"{kept} · {done}" if kept else done, "green")


def _shown(v: object) -> str:
    from assessor.scoring.methods import fmt

    if isinstance(v, bool):
        return "是" if v else "否"
    if hasattr(v, "is_finite"):
        return fmt(v)  # type: ignore[arg-type]
    return str(v)
