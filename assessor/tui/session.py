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
        thread can run it while the evaluator goes on typing (see `adopt`)."""
        ws = self.workspace
        writes = self.writes
        assessment = ws.store.assessment(ws.set_id, self.period, ws.regions, stage=ws.stage)
        results = score(self.cs, assessment, consolidation=ws.consolidation)
        attached = {
            r.region: {
                str(row["leaf"])
                for row in ws.store.evidence(ws.set_id, r.region, self.period, stage=ws.stage)
            }
            for r in results
        }
        return Snapshot(
            self.period, assessment, {r.region: r for r in results}, attached, writes,
            ws.default_kind,
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
        return True

    def status(self, region: str) -> str:
        ws = self.workspace
        return ws.store.status(ws.set_id, region, self.period, stage=ws.stage)

    def set_status(self, region: str, status: str, reason: str | None = None) -> str:
        """Submit, review, finalise or reopen (with a reason) a region's assessment, as this
        evaluator; audited by the store. Returns the status before."""
        ws = self.workspace  # the workspace checks required evidence in a staged campaign
        return ws.set_status(region, self.period, status, who=self.evaluator, reason=reason)

    def has_entries(self) -> bool:
        """Whether anyone entered anything for this period (`--period 2030` may have none)."""
        return any(self.assessment.entries.values())

    def periods(self) -> list[str]:
        """Periods with entries, and the one shown, in time order (the period switcher's)."""
        from assessor.model.periods import period_sort_key

        found = set(self.workspace.store.periods(self.workspace.set_id)) | {self.period}
        return sorted(found, key=period_sort_key)

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
        """The period before this one, when the store has entries for it."""
        from assessor.model.periods import parse_period

        before = str(parse_period(self.period).previous())
        return before if before in self.workspace.store.periods(self.workspace.set_id) else None

    def changes_since_previous(self) -> dict[str, Change]:
        """Each region's change against the previous period (the engine scores both; slow
        for big campaigns, so callers run this in a worker). Empty without a previous period."""
        from assessor.scoring.summary import changes

        before = self.previous_period_label()
        if before is None:
            return {}
        ws = self.workspace
        previous = score(
            self.cs,
            ws.store.assessment(ws.set_id, before, ws.regions, stage=ws.stage),
            consolidation=ws.consolidation,
        )
        return changes(self.cs, list(self.results.values()), previous)

    def key(self, region: str, leaf: str) -> EntryKey:
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
        from assessor.errors import Said
        from assessor.loader.entry_values import check_input

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
                    return EntryValueError(
                        Said(
                            f"{leaf} cannot be marked n/a: the indicator is not optional",
                            f"{leaf} 不能标为不适用：本指标未标记 optional（可选）",
                        )
                    )
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

    def history(self, region: str, leaf: str, limit: int = 6) -> list[str]:
        """The leaf's last changes from the audit log: when, who, old → new, why."""
        from assessor.store.codec import payload_text as _short

        out = []
        for r in self.workspace.store.audit_log(region=region, leaf=leaf, limit=limit):
            if r.period != self.period:
                continue
            line = f"{r.at[:16].replace('T', ' ')} {r.who} {r.action}: {_short(r.old)} → {_short(r.new)}"
            out.append(line + (f" [{r.reason}]" if r.reason else ""))
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


__all__ = ["EntryValueError", "Session", "StoreError"]
