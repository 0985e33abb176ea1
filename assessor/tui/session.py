"""What the UI works on: a workspace's set, entries and results, kept current after each change.

The UI calls this; this calls the store and the engine. No arithmetic on scores here either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.errors import Problem
from assessor.loader.entry_values import EntryValueError, normalize_entry
from assessor.model.entries import Assessment, Entry
from assessor.model.indicator_set import NumericLeaf
from assessor.model.results import RegionResult
from assessor.scoring import assign_ranks, compile_checked, rescore_leaf, score
from assessor.scoring.compiled import CompiledSet
from assessor.scoring.summary import Change
from assessor.store.errors import ConflictError, StoreError
from assessor.store.store import EntryKey
from assessor.store.workspace import Workspace, open_workspace
from assessor.tui.labels import needs_evidence
from assessor.tui.pinyin import Searchable

if TYPE_CHECKING:
    from assessor.store.config import UnitKind


class RolledUpError(StoreError):
    """A value typed into a month or year composed of weeks: refused, said in both languages."""

    def __init__(self, period: str, inner: tuple[str, ...]) -> None:
        from assessor.errors import Said
        from assessor.text.catalogue import say

        fields = {"period": period, "n": len(inner), "first": inner[0], "last": inner[-1]}
        super().__init__(
            Problem(
                Said(
                    say("tui.rolled_up_refused", "en", **fields),
                    say("tui.rolled_up_refused", "zh", **fields),
                ),
                key=period,
                code="rolled-up",
            )
        )


@dataclass
class Attention:
    unscored: int = 0
    errors: int = 0
    disagreements: int = 0
    evidence: int = 0  # scored, evidence required, none attached

    def __bool__(self) -> bool:
        return bool(self.unscored or self.errors or self.disagreements or self.evidence)


@dataclass(frozen=True)
class Snapshot:
    """A period's entries and results as read at one moment (`Session.read_state`)."""

    period: str
    assessment: Assessment
    results: dict[str, RegionResult]
    attached: dict[str, set[str]]
    writes: int  # the session's write count when reading began
    kind: str | None = None  # the kind of unit read (a campaign of several kinds)
    rolled_up_from: tuple[str, ...] = ()  # a month or year composed of these weeks (read-only)


@dataclass
class Session:
    workspace: Workspace
    evaluator: str
    period: str
    cs: CompiledSet
    assessment: Assessment
    results: dict[str, RegionResult] = field(default_factory=dict)
    undo: list[tuple[str, str, Entry | None]] = field(default_factory=list)
    redo: list[tuple[str, str, Entry | None]] = field(default_factory=list)
    _search: tuple[CompiledSet, list[Searchable]] | None = None
    attached: dict[str, set[str]] = field(default_factory=dict)  # region → leaves with evidence
    _attention: dict[str, tuple[RegionResult, Attention]] = field(default_factory=dict)
    moved: set[str] = field(default_factory=set)  # other regions the last change re-scored or moved
    writes: int = 0  # this evaluator's changes so far: a refresh read before one is dropped
    rolled_up_from: tuple[str, ...] = ()  # the shorter periods the period shown is composed of

    @classmethod
    def open(
        cls,
        folder: Path,
        evaluator: str | None = None,
        period: str | None = None,
        kind: str | None = None,
        stage: str | None = None,
    ) -> Session:
        """The session works on one kind of unit at a time (its set, units and ranks): `kind`,
        else the campaign's first; `switch_kind` moves to another. It works in one stage:
        `stage`, else the latest with entries, kept for the session; `switch_stage` moves."""
        campaign = open_workspace(folder)
        campaign.use_stage(stage)
        campaign.use_stage(campaign.stage)  # kept for the session (and every kind's view)
        ws = campaign.for_kind(kind or campaign.kinds[0].key)
        cs = compile_checked(ws.indicator_set)
        chosen = ws.current_period(period)
        lead = ws.config.lead() or (
            ws.config.evaluators[0].name if ws.config.evaluators else "evaluator"
        )
        s = cls(ws, evaluator or lead, chosen, cs, Assessment(period=chosen))
        s.reload()
        return s

    def close(self) -> None:
        self.workspace.close()

    def reload(self) -> None:
        """Read the entries again (another evaluator may have changed them) and re-score."""
        self.adopt(self.read_state())

    def read_state(self) -> Snapshot:
        """Everything `reload` reads and scores, without touching this session: a worker
        thread can run it while the evaluator goes on typing (see `adopt`).

        Scored as `assessor score --period` scores it (store/period_view.py): leaves fed by
        tasks valued, and a month, quarter or year with no entries of its own rolled up from
        the weeks inside it (then nothing is typed in: `rolled_up`)."""
        from assessor.store.period_view import score_period

        ws = self.workspace
        writes = self.writes
        got = score_period(ws, self.cs, self.period)
        attached = {
            r.region: {
                str(row["leaf"])
                for row in ws.store.evidence(ws.set_id, r.region, self.period, stage=ws.stage)
            }
            for r in got.results
            if not got.rolled_up
        }
        return Snapshot(
            self.period, got.assessment, {r.region: r for r in got.results}, attached, writes,
            ws.default_kind, got.rolled_up_from,
        )  # fmt: skip

    def adopt(self, snapshot: Snapshot) -> bool:
        """Take a state read by `read_state`, unless this evaluator wrote since it was read
        or switched period (then the caller reads again): a write is never undone by a
        refresh."""
        if snapshot.writes != self.writes or snapshot.period != self.period:
            return False
        if snapshot.kind is not None and snapshot.kind != self.workspace.default_kind:
            return False
        self.assessment = snapshot.assessment
        self.results = snapshot.results
        self.attached = snapshot.attached
        self.rolled_up_from = snapshot.rolled_up_from
        return True

    @property
    def rolled_up(self) -> bool:
        """The period shown is composed of shorter ones (a month of weeks): read-only here;
        values are typed into the weeks."""
        return bool(self.rolled_up_from)

    def status(self, region: str) -> str:
        ws = self.workspace
        return ws.store.status(ws.set_id, region, self.period, stage=ws.stage)

    def set_status(self, region: str, status: str, reason: str | None = None) -> str:
        """Submit, review, finalise or reopen (with a reason) a region's assessment, as this
        evaluator; audited by the store. Returns the status before."""
        if self.rolled_up:  # a month of weeks has no workflow of its own: its weeks do
            raise RolledUpError(self.period, self.rolled_up_from)
        ws = self.workspace  # the workspace checks required evidence in a staged campaign
        return ws.set_status(region, self.period, status, who=self.evaluator, reason=reason)

    def has_entries(self) -> bool:
        """Whether anyone entered anything for this period, or for the weeks a month or year
        is rolled up from (`--period 2030` may have none)."""
        return self.rolled_up or any(self.assessment.entries.values())

    def _present(self) -> list[str]:
        """The periods with entries of this kind's set."""
        return self.workspace.store.periods(self.workspace.set_id)

    def periods(self) -> list[str]:
        """The periods of the shown one's length that entries make scorable (weeks with
        entries; in a weekly campaign also the months, quarters and the year they roll up
        into), and the one shown, in time order (the period switcher's)."""
        from assessor.model.periods import parse_period, period_sort_key
        from assessor.store.period_view import periods_of_kind

        kind = parse_period(self.period).kind
        found = set(periods_of_kind(kind, self._present())) | {self.period}
        return sorted(found, key=period_sort_key)

    def period_lengths(self) -> list[str]:
        """The lengths a period can be shown at, shortest first: the campaign's own (weeks)
        and every longer one its periods roll up into (month, quarter, year)."""
        from assessor.model.periods import parse_period

        order = ("week", "month", "quarter", "year")
        kinds = {parse_period(p).kind for p in [*self._present(), self.period]}
        shortest = min(order.index(k) for k in kinds)
        return list(order[shortest:])

    def next_length(self) -> str:
        """The period of the next length that holds the one shown (W14 → 2021-04 → 2021-Q2 →
        2021), after the year the latest week with entries in it (2021 → W52)."""
        from assessor.model.periods import parse_period
        from assessor.scoring.history import enclosing
        from assessor.store.period_view import inner_periods, periods_of_kind

        lengths = self.period_lengths()
        here = parse_period(self.period)
        if here.kind not in lengths or lengths.index(here.kind) + 1 == len(lengths):
            inside = periods_of_kind(lengths[0], inner_periods(self.period, self._present()))
            return inside[-1] if inside else self.period
        wider = enclosing(here, lengths[lengths.index(here.kind) + 1])
        return self.period if wider is None else str(wider)

    def switch_period(self, period: str) -> None:
        """Work on another period: read and score it (undo history belongs to the old one)."""
        self.period = period
        self.undo.clear()
        self.redo.clear()
        self.reload()

    # ---------------------------------------------------------------- kinds of unit

    @property
    def kind(self) -> UnitKind:
        """The kind of unit worked on (its set scores and ranks the units shown)."""
        ws = self.workspace
        return ws.kind(ws.default_kind)

    def kinds(self) -> list[tuple[UnitKind, int]]:
        """The campaign's kinds with their numbers of units, in order."""
        campaign = self.workspace.campaign
        return [(k, len(campaign.units(k.key))) for k in campaign.kinds]

    def switch_kind(self, key: str) -> None:
        """Work on another kind of unit: its set, its units, its ranks (read and scored here;
        undo history belongs to the old kind). A set that does not load raises, unchanged."""
        view = self.workspace.campaign.for_kind(key)
        cs = compile_checked(view.indicator_set)
        self.workspace, self.cs = view, cs
        self.undo.clear()
        self.redo.clear()
        self._attention.clear()
        self.results, self.attached = {}, {}
        self.assessment = Assessment(period=self.period)
        self.reload()

    def switch_stage(self, stage: str) -> str:
        """Work in another stage of the campaign (自评 → 复核 → 评审): its entries, statuses and
        evidence, for every kind; returns its label. Undo history belongs to the old stage."""
        from assessor.store.stages import find_stage

        found = find_stage(self.workspace.config, stage)
        self.workspace.campaign.use_stage(found.key)  # the views follow, this one included
        self.undo.clear()
        self.redo.clear()
        self.reload()
        return found.label

    def attention(self, region: str) -> Attention:
        """What needs an evaluator's attention in a region: counts over its core leaves,
        kept until the region's result changes (home sums them for every region)."""
        cached = self._attention.get(region)
        if cached is not None and cached[0] is self.results[region]:
            return cached[1]
        r = self.results[region]
        attached = self.attached.get(region, set())
        out = Attention()
        for c in self.cs.core_leaves:
            n = r.nodes[c.id]
            out.unscored += n.status == "unscored"
            out.errors += n.status == "error"
            out.disagreements += n.disagreement
            out.evidence += needs_evidence(self.cs, n, attached)
        self._attention[region] = (r, out)
        return out

    def reload_set(self) -> list[Problem]:
        """Read the set file again after an edit: lint it, and only when it has no errors
        compile it, swap it in and re-score. Returns the problems (warnings included)."""
        from assessor.errors import AssessorError
        from assessor.loader import lint_paths, load_set

        ws = self.workspace
        path = ws.kind_set_path(ws.default_kind)
        problems = lint_paths([path])
        if any(p.severity == "error" for p in problems):
            return problems
        try:
            fresh = load_set(path)
            cs = compile_checked(fresh)
        except AssessorError as exc:
            return problems + list(exc.problems)
        ws.replace_kind_set(ws.default_kind, fresh)
        self.cs = cs
        self.reload()
        return problems

    def previous_period_label(self) -> str | None:
        """The latest period of this one's length before it that has entries (or, for a
        month or year, weeks with entries inside it)."""
        from assessor.store.period_view import previous_scorable

        return previous_scorable(self.period, self._present())

    def changes_since_previous(self) -> dict[str, Change]:
        """Each region's change against the previous period (the engine scores both; slow
        for big campaigns, so callers run this in a worker). Empty without a previous period."""
        from assessor.scoring.summary import changes

        before = self.previous_period_label()
        if before is None:
            return {}
        from assessor.store.period_view import score_period

        previous = score_period(self.workspace, self.cs, before).results
        return changes(self.cs, list(self.results.values()), previous)

    def key(self, region: str, leaf: str) -> EntryKey:
        """The store's key of this evaluator's entry; a rolled-up period has none (every
        write asks for a key first, so none reaches the store)."""
        if self.rolled_up:
            raise RolledUpError(self.period, self.rolled_up_from)
        ws = self.workspace
        return EntryKey(ws.set_id, region, self.period, self.evaluator, leaf, ws.stage)

    def mine(self, region: str, leaf: str) -> Entry | None:
        for e in self.assessment.entries.get(region, {}).get(leaf, []):
            if e.evaluator == self.evaluator:
                return e
        return None

    def enter(
        self,
        region: str,
        leaf: str,
        raw: object,
        comment: str | None = None,
        reason: str | None = None,
    ) -> RegionResult:
        """Check a typed value, store it (one write, one audit record, one undo step), and
        return the region's new result. `reason`: why (a reviewer changing the stage before's
        value), stored in that one audit record.

        Raises EntryValueError (not stored) or StoreError (conflict, final)."""
        return self._put(region, leaf, self.checked(region, leaf, raw, comment), reason=reason)

    def checked(self, region: str, leaf: str, raw: object, comment: str | None = None) -> Entry:
        """The entry a typed value would store (the loader's checks: range, type, level,
        option), with this evaluator's evidence kept. Raises EntryValueError; stores nothing."""
        node = self.cs.nodes[leaf].node
        assert node is not None
        if isinstance(raw, str) and raw.strip().lower() in ("na", "n/a", "不适用"):
            return normalize_entry(node, "na", evaluator=self.evaluator)
        data: dict[str, object] = dict(raw) if isinstance(raw, dict) else {"value": raw}
        if comment:
            data["comment"] = comment
        entry = normalize_entry(node, data, evaluator=self.evaluator)
        mine = self.mine(region, leaf)
        if mine is not None:
            evidence = mine.evidence  # a new value keeps the evidence attached
        elif leaf in self.attached.get(region, set()):  # evidence added before any value
            rows = self.evidence(region, leaf)
            evidence = tuple(
                str(r["path"] or r["url"]) for r in rows if r["evaluator"] == self.evaluator
            )
        else:
            evidence = ()
        if evidence:
            entry = entry.model_copy(update={"evidence": evidence})
        return entry

    def check_input(self, leaf: str, name: str | None, text: str) -> EntryValueError | None:
        """Why one input alone is invalid (worded in both languages), or None when it is
        fine: each box of a formula says so as soon as it is wrong, before the others are
        filled. The loader's own checks (`check_input`, `normalize_entry`) decide."""
        from assessor.loader.entry_values import check_input
        from assessor.text.catalogue import said

        node = self.cs.nodes[leaf].node
        assert node is not None
        text = text.strip()
        if not text:
            return None
        try:
            if name is not None and isinstance(node, NumericLeaf) and node.inputs:
                check_input(node, node.inputs[name], text, name)
            elif text.lower() in ("na", "n/a", "不适用"):
                if not self.cs.nodes[leaf].optional:
                    return EntryValueError(said("tui.leaf_na_not_optional", leaf=leaf))
            else:
                normalize_entry(node, {"value": text}, evaluator=self.evaluator)
        except EntryValueError as exc:
            return exc
        return None

    def preview(self, region: str, leaf: str, entry: Entry | None) -> RegionResult:
        """The region's result if this evaluator's entry for `leaf` were `entry`, computed
        by the engine and stored nowhere (the header and tree show it while typing)."""
        leaves = self.assessment.entries.setdefault(region, {})
        kept = leaves.get(leaf)
        others = [e for e in (kept or []) if e.evaluator != self.evaluator]
        leaves[leaf] = others + ([entry] if entry is not None else [])
        try:
            return rescore_leaf(
                self.cs, self.results[region], self.assessment, leaf, self.workspace.consolidation
            )
        finally:
            if kept is None:
                del leaves[leaf]
            else:
                leaves[leaf] = kept

    def _put(
        self,
        region: str,
        leaf: str,
        entry: Entry | None,
        *,
        undoable: bool = True,
        reason: str | None = None,
    ) -> RegionResult:
        """Store this evaluator's entry (None clears it), then re-score the region.

        The store refuses a stale version; on top of that, an entry that differs from the one
        this session read (someone else wrote it meanwhile) is a conflict too: it is raised and
        shown, never overwritten. `r` (refresh) reads the other value."""
        from assessor.store.codec import entry_payload
        from assessor.store.stages import check_writer

        check_writer(self.workspace, self.evaluator)  # a stage's own evaluators only, as the CLI
        store = self.workspace.store
        key = self.key(region, leaf)
        stored = store.get_entry(key)
        previous = stored.entry if stored else None
        shown = self.mine(region, leaf)
        if (None if previous is None else entry_payload(previous)) != (
            None if shown is None else entry_payload(shown)
        ):
            raise ConflictError(
                key.label(),
                0,
                stored.version if stored else 0,
                stored.updated_by if stored else None,
                None if previous is None else entry_payload(previous),
            )
        if entry is None:
            store.clear_entry(
                key, expected_version=stored.version if stored else None, reason=reason
            )
        else:
            store.set_entry(
                key, entry, expected_version=stored.version if stored else 0, reason=reason
            )
        if undoable:
            self.undo.append((region, leaf, previous))
            self.redo.clear()
        return self._rescore(region, leaf, entry)

    def _rescore(self, region: str, leaf: str, entry: Entry | None) -> RegionResult:
        """Put this evaluator's entry into the in-memory assessment and re-score what it
        changes: one leaf's path, or, for a peer leaf (`rank`, `minmax`), every region that
        leaf compares. Afterwards every result equals a full `score` of the period."""
        self.writes += 1
        leaves = self.assessment.entries.setdefault(region, {})
        others = [e for e in leaves.get(leaf, []) if e.evaluator != self.evaluator]
        leaves[leaf] = others + ([entry] if entry is not None else [])
        if not leaves[leaf]:
            del leaves[leaf]
        before = {rid: (r.rank, r.group_rank) for rid, r in self.results.items()}
        affected = self._peers_of(region, leaf)
        if affected:
            rescored = score(self.cs, self.assessment, consolidation=self.workspace.consolidation,
                             regions=affected)  # fmt: skip
            for r in rescored:
                self.results[r.region] = r
        else:
            self.results[region] = rescore_leaf(
                self.cs, self.results[region], self.assessment, leaf, self.workspace.consolidation
            )
        assign_ranks(self.cs, list(self.results.values()))  # the engine's ranks, kept current
        self.moved = (
            {rid for rid, r in self.results.items() if (r.rank, r.group_rank) != before[rid]}
            | set(affected)
        ) - {region}
        return self.results[region]

    def _peers_of(self, region: str, leaf: str) -> list[str]:
        """The regions an edit of a peer leaf re-scores: the edited one and every region with
        an entry for that leaf (its group only with `peers: group`); [] for other leaves."""
        cn = self.cs.nodes[leaf]
        if not cn.peer:
            return []
        by_group = getattr(cn.node, "peers", None) == "group"
        group = self.assessment.regions[region].group if region in self.assessment.regions else None
        out = [region]
        for rid, entries in self.assessment.entries.items():
            if rid == region or not entries.get(leaf) or rid not in self.results:
                continue
            if by_group and self.results[rid].group != group:
                continue
            out.append(rid)
        return out

    def history(self, region: str, leaf: str, limit: int = 6, lang: str = "en") -> list[str]:
        """The leaf's last changes from the audit log: when, who, what (in `lang`), old → new, why."""
        from assessor.store.codec import payload_text as _short
        from assessor.text.catalogue import code_word, say

        out = []
        node = self.cs.nodes[leaf].node if leaf in self.cs.nodes else None
        specs = getattr(node, "inputs", None) or {}
        labels = {k: str(getattr(s, "label", None) or k) for k, s in dict(specs).items()}
        for r in self.workspace.store.audit_log(region=region, leaf=leaf, limit=limit):
            if r.period != self.period:
                continue
            what = code_word("audit", r.action, lang) + say("punct.colon", lang)
            old, new = _short(r.old, lang, labels), _short(r.new, lang, labels)
            line = f"{r.at[:16].replace('T', ' ')} {r.who} {what}{old} → {new}"
            out.append(line + (say("punct.paren", lang, text=r.reason) if r.reason else ""))
        return out

    def copy_previous(self, region: str, leaf: str) -> RegionResult | None:
        """Enter this evaluator's value of the previous period again (None when there is none)."""
        from assessor.model.periods import parse_period

        before = str(parse_period(self.period).previous())
        stored = self.workspace.store.get_entry(
            EntryKey(
                self.workspace.set_id, region, before, self.evaluator, leaf, self.workspace.stage
            )
        )
        if stored is None:
            return None
        entry = stored.entry.model_copy(update={"carried_over": True})
        return self._put(region, leaf, entry)

    def clear(self, region: str, leaf: str, reason: str | None = None) -> RegionResult:
        """Remove this evaluator's entry (an emptied input, confirmed): audited, undoable."""
        return self._put(region, leaf, None, reason=reason)

    def mark_na(self, region: str, leaf: str) -> RegionResult:
        return self._put(region, leaf, self.checked(region, leaf, "na"))

    def undo_last(self) -> tuple[str, str, RegionResult] | None:
        """Put back the entry before this session's last change; the change goes to redo."""
        return self._swap(self.undo, self.redo)

    def redo_last(self) -> tuple[str, str, RegionResult] | None:
        return self._swap(self.redo, self.undo)

    def _swap(
        self,
        source: list[tuple[str, str, Entry | None]],
        target: list[tuple[str, str, Entry | None]],
    ) -> tuple[str, str, RegionResult] | None:
        if not source:
            return None
        region, leaf, entry = source[-1]
        current = self.mine(region, leaf)
        result = self._put(region, leaf, entry, undoable=False)  # a conflict keeps both stacks
        source.pop()
        target.append((region, leaf, current))
        return region, leaf, result

    def searchables(self) -> list[Searchable]:
        """Every node with the pinyin of its name, computed once per set."""
        from assessor.tui.pinyin import searchables

        if self._search is None or self._search[0] is not self.cs:
            items = [(c.id, c.name) for c in self.cs.order if c.node is not None]
            self._search = (self.cs, searchables(items))
        return self._search[1]

    # ---------------------------------------------------------------- evidence

    def evidence(self, region: str, leaf: str | None = None) -> list[dict[str, object]]:
        """Evidence recorded in the store for a region (one query), or for one of its leaves."""
        ws = self.workspace
        return ws.store.evidence(ws.set_id, region, self.period, leaf, stage=ws.stage)

    def add_evidence(self, region: str, leaf: str, where: str) -> RegionResult:
        """Attach a file (must exist inside the workspace; stored relative to it, with its
        sha256) or a URL. One write, one audit record: the store adds the evidence row and,
        in the same transaction, lists it in this evaluator's entry, so the engine's results
        and the reports carry it."""
        from assessor.store.stages import check_writer

        ws = self.workspace
        check_writer(ws, self.evaluator)
        key = self.key(region, leaf)
        where = where.strip()
        if where.lower().startswith(("http://", "https://")):
            ws.store.add_evidence(key, url=where)
        else:
            rel, digest = ws.evidence_path(where)  # AssessorError: outside or missing
            ws.store.add_evidence(key, path=rel, sha256=digest)
        self.attached.setdefault(region, set()).add(leaf)
        self._attention.pop(region, None)
        stored = ws.store.get_entry(key)
        if self.mine(region, leaf) is None or stored is None:
            return self.results[region]
        return self._rescore(region, leaf, stored.entry)  # the entry as the store now has it


__all__ = ["EntryValueError", "RolledUpError", "Session", "StoreError"]
