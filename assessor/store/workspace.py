"""A workspace: one folder per assessment campaign (workspace.yaml, regions.yaml, a database)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

import yaml

from assessor.errors import AssessorError, Problem
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import Consolidation, IndicatorSet
from assessor.store.config import (
    DEFAULT_DATABASE,
    WORKSPACE_FILE,
    UnitKind,
    WorkspaceConfig,
    bundled_indicators_dir,
    database_url,
    read_config,
    read_regions,
    resolve_set,
)
from assessor.store.config import regions_path as config_regions_path
from assessor.store.errors import listed, message_of
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.model.entries import Entry
    from assessor.store.compare import RegionDelta
    from assessor.store.store import AuditRecord, EntryKey, Store, StoredEntry


@dataclass
class Workspace:
    """A campaign (`open_workspace`), or a view of one kind of its units (`for_kind`).

    The campaign's `regions` are all its units; a view's are the units of its kind, and its
    `indicator_set`, `set_id`, `assessment`, `statuses` … are that kind's. On the campaign
    itself they mean the first kind's (so one-kind code keeps working); entry, status and
    evidence methods taking a region use that region's kind's set everywhere.
    """

    folder: Path
    config: WorkspaceConfig
    regions: dict[str, Region]
    set_paths: list[Path]
    _store: Store | None = field(default=None, repr=False)
    stage_key: str | None = None  # the stage worked on (`use_stage`); None: the current one
    kind_key: str | None = None  # the kind of a view; None: the whole campaign
    _root: Workspace | None = field(default=None, repr=False)
    _kind_paths: dict[str, Path] = field(default_factory=dict, repr=False)
    _kind_sets: dict[Path, IndicatorSet] = field(default_factory=dict, repr=False)
    _views: dict[str, Workspace] = field(default_factory=dict, repr=False)
    #: opened to read (`open_workspace(read_only=True)`): a current SQLite database is read with
    #: sqlite3 (store/light.py), without importing SQLAlchemy
    read_only: bool = False

    @property
    def url(self) -> str:
        return database_url(self.folder, self.config)

    # ------------------------------------------------------------------ kinds of unit

    @property
    def campaign(self) -> Workspace:
        """The whole campaign (a view's parent; the campaign itself otherwise)."""
        return self._root if self._root is not None else self

    @cached_property
    def kinds(self) -> list[UnitKind]:
        """The campaign's kinds in the order written (default: one kind `county`)."""
        from assessor.store.kinds import campaign_kinds

        return campaign_kinds(self.config)

    @property
    def several_kinds(self) -> bool:
        return len(self.kinds) > 1

    def kind(self, key: str) -> UnitKind:
        """A kind by its key; an unknown key is an error listing the campaign's kinds."""
        for k in self.kinds:
            if k.key == key:
                return k
        allowed = listed(
            [f"{k.key} ({k.label})" for k in self.kinds],
            [f"{k.key}（{k.label}）" for k in self.kinds],
        )
        raise AssessorError(
            Problem(said("store.kind_unknown", kind=repr(key), allowed=allowed), key="--kind")
        )

    @property
    def default_kind(self) -> str:
        """This view's kind, or on the campaign its first kind."""
        return self.kind_key or self.kinds[0].key

    def kind_set(self, key: str) -> IndicatorSet:
        """The set scoring a kind, loaded when first asked for and kept (kinds sharing a set
        file share one load)."""
        root = self.campaign
        root.kind(key)
        path = root._kind_paths[key]
        found = root._kind_sets.get(path)
        if found is None:
            from assessor.loader import load_set
            from assessor.store.kinds import kind_load_problem

            try:
                found = load_set(path)
            except AssessorError as exc:
                if root.config.kinds is None:
                    raise
                raise kind_load_problem(root.folder, root.kinds, key, exc) from None
            root._kind_sets[path] = found
        return found

    def replace_kind_set(self, key: str, fresh: IndicatorSet) -> None:
        """Use `fresh` for a kind from now on (its set file was edited and loads again)."""
        root = self.campaign
        root._kind_sets[root.kind_set_path(key)] = fresh
        for ws in (root, *root._views.values()):
            ws.__dict__.pop("leaf_ids", None)  # cached from the old set
            ws.__dict__.pop("evidence_required", None)

    def move_kind_set(self, key: str, path: Path) -> None:
        """Read a kind's set from `path` from now on (the TUI's editable copy of a bundled
        set, which the workspace resolves before the bundled one when it is next opened)."""
        root = self.campaign
        old = root.kind_set_path(key)
        root._kind_paths[key] = path
        if root.set_paths and root.set_paths[0] == old and key == root.kinds[0].key:
            root.set_paths[0] = path

    def kind_set_path(self, key: str) -> Path:
        self.kind(key)
        return self.campaign._kind_paths[key]

    def units(self, key: str) -> dict[str, Region]:
        """The units of one kind, in regions.yaml's order (a unit without `kind`: the first)."""
        self.kind(key)
        first = self.kinds[0].key
        return {r.id: r for r in self.campaign.regions.values() if (r.kind or first) == key}

    def kind_of(self, region: str) -> str:
        """A unit's kind key; an unknown unit is an error."""
        r = self.campaign.regions.get(region)
        if r is None:
            raise AssessorError(
                Problem(
                    said("store.region_unknown", region=region, file=self.config.regions),
                    key=region,
                )
            )
        return r.kind or self.kinds[0].key

    def set_of(self, region: str) -> IndicatorSet:
        """The set a unit is scored with: its kind's."""
        return self.kind_set(self.kind_of(region))

    def for_kind(self, key: str) -> Workspace:
        """A view of one kind: its units, its set, its results; shares the campaign's store."""
        root = self.campaign
        root.kind(key)
        view = root._views.get(key)
        if view is None:
            view = Workspace(
                root.folder, root.config, root.units(key), root.set_paths,
                stage_key=root.stage_key, kind_key=key, _root=root, _kind_paths=root._kind_paths,
            )  # fmt: skip
            root._views[key] = view
        return view

    def views(self, kind: str | None = None) -> list[Workspace]:
        """One view per kind in order, or only the kind asked for (`--kind KEY`)."""
        if kind is not None:
            return [self.for_kind(kind)]
        return [self.for_kind(k.key) for k in self.kinds]

    def _scope(self) -> Workspace:
        """What whole-campaign methods cover on the campaign itself: its first kind."""
        return self if self.kind_key is not None else self.for_kind(self.kinds[0].key)

    def _region_view(self, region: str) -> Workspace:
        """The view a unit belongs to; on a view, a unit of another kind is an error."""
        key = self.kind_of(region)
        if self.kind_key is not None and key != self.kind_key:
            other = self.kind(key)
            mine = self.kind(self.kind_key)
            raise AssessorError(
                Problem(
                    said(
                        "store.region_other_kind",
                        region=region,
                        kind=other.key,
                        label=other.label,
                        own=mine.key,
                        own_label=mine.label,
                    ),
                    key=region,
                )
            )
        return self.for_kind(key)

    @property
    def store(self) -> Store:
        if self._root is not None:
            return self._root.store
        if self._store is None and self.read_only:
            from assessor.store.light import LightStore

            # Store's reads, and Store itself for anything else it is asked (light.py).
            self._store = cast("Store | None", LightStore.open(self.url))
        if self._store is None:
            from assessor.store.errors import StoreError
            from assessor.store.store import Store

            try:
                self._store = Store.open(self.url)
            except StoreError as exc:  # name the file that says which database
                where = str(self.folder / WORKSPACE_FILE)
                raise StoreError([replace(p, file=p.file or where) for p in exc.problems]) from None
        return self._store

    def close(self) -> None:
        """Close the campaign's store (a view closes its campaign's; it reopens when used)."""
        if self._root is not None:
            self._root.close()
            return
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        """`with open_workspace(folder) as ws:` closes the store however the block ends."""
        self.close()

    @property
    def indicator_set(self) -> IndicatorSet:
        """This view's set; on the campaign, the first kind's."""
        return self.kind_set(self.default_kind)

    @property
    def set_id(self) -> str:
        return self.indicator_set.id

    @property
    def consolidation(self) -> Consolidation:
        base = self.config.consolidation or self.indicator_set.consolidation
        lead = self.config.lead()
        if base.method == "lead" and base.lead is None and lead:
            return base.model_copy(update={"lead": lead})
        return base

    def current_period(self, explicit: str | None = None) -> str:
        """The period commands work on: the one asked for, the workspace's, or the latest."""
        if explicit:
            return explicit
        if self.config.period:
            return self.config.period
        periods = self.periods()
        if not periods:
            raise AssessorError(Problem(said("store.no_entries_give_period"), key="--period"))
        return periods[-1]

    def assessments(self) -> list[Assessment]:
        """Every period's assessment of this view's units (the campaign: its first kind's), in
        the stage worked on."""
        scope = self._scope()
        return [scope.assessment(p) for p in scope.store.periods(scope.set_id, stage=scope.stage)]

    def fed(self, assessment: Assessment) -> Assessment:
        """The assessment with the leaves the tasks file feeds (`feeds:`) valued from the
        tasks' progress at the period's end (assessor/store/task_board.py)."""
        if not self.config.tasks:
            return assessment
        from assessor.store.task_board import fed_assessment

        return fed_assessment(self, assessment)

    # ------------------------------------------------------------------ stages (stages.py)

    @property
    def stage(self) -> str:
        """The stage entries, statuses and evidence are read and written in: the one chosen
        with `use_stage`, else the latest stage with entries in any kind's set (else the first
        stage). A kind's view without a chosen stage works in its campaign's."""
        if self.stage_key is not None:
            return self.stage_key
        if self._root is not None:
            return self._root.stage
        from assessor.store.stages import campaign_stages

        stages = campaign_stages(self.config)
        if len(stages) == 1:
            return stages[0].key
        found: set[str] = set()
        for set_id in dict.fromkeys(v.set_id for v in self.views()):
            found |= self.store.stages_with_entries(set_id)
        started = [s.key for s in stages if s.key in found]
        return started[-1] if started else stages[0].key

    def use_stage(self, key: str | None) -> None:
        """Work on stage `key` (None: the current one); an unknown key lists the stages. On the
        campaign, its kinds' views follow."""
        from assessor.store.stages import find_stage

        self.stage_key = None if key is None else find_stage(self.config, key).key
        if self._root is None:
            for view in self._views.values():
                view.stage_key = self.stage_key

    # ------------------------------------------------------------------ the TUI's API
    # The workspace knows its set and regions, so these take only what an evaluator chooses;
    # they check region and leaf against regions.yaml and the set, then call the store.

    @cached_property
    def leaf_ids(self) -> frozenset[str]:
        """The leaves of this view's set (the campaign: its first kind's)."""
        from assessor.model.indicator_set import InnerNode, walk

        if self.kind_key is None:
            return self._scope().leaf_ids
        return frozenset(
            n.id for n in walk(list(self.indicator_set.tree)) if not isinstance(n, InnerNode)
        )

    def key(self, region: str, period: str, leaf: str, evaluator: str) -> EntryKey:
        """The store's key for an entry, after checking region (and its kind), period (of the
        workspace's period_kind), leaf (in the unit's kind's set) and evaluator name."""
        from assessor.model.gate import key_problems

        problems = []
        view: Workspace | None = None
        if region not in self.campaign.regions:
            problems.append(
                Problem(
                    said("store.region_unknown", region=region, file=self.config.regions),
                    key=region,
                )
            )
        else:
            view = self._region_view(region)
        scope = view or self._scope()
        if leaf not in scope.leaf_ids:
            problems.append(
                Problem(said("store.not_a_leaf", leaf=leaf, set=scope.set_id), key=leaf)
            )
        found = key_problems(scope.set_id, region, period, evaluator, leaf, self.config.period_kind)
        problems += [Problem(m, key="period" if "period" in m else None) for m in found]
        stage = self.stage
        problems += self._stage_evaluator_problems(stage, evaluator)
        if problems:
            raise AssessorError(problems)
        from assessor.store.store import EntryKey

        return EntryKey(scope.set_id, region, period, evaluator, leaf, stage)

    def _stage_evaluator_problems(self, stage: str, evaluator: str) -> list[Problem]:
        """A stage with its own evaluators takes values from them only."""
        from assessor.store.stages import outsider_problems

        return outsider_problems(self.config, stage, evaluator)

    def set_entry(
        self,
        region: str,
        period: str,
        leaf: str,
        evaluator: str,
        entry: Entry,
        expected_version: int | None = None,
        reason: str | None = None,
        *,
        who: str | None = None,
    ) -> int:
        """Store an entry (validated by `normalize_entry`); returns its new version.

        `expected_version` is the version read before editing (0: there was none); a stale one
        raises `ConflictError`. A final assessment raises `FinalError`.
        """
        key = self.key(region, period, leaf, evaluator)
        entry = entry.model_copy(update={"evaluator": evaluator})
        return self.store.set_entry(
            key, entry, who=who or evaluator, expected_version=expected_version, reason=reason
        )

    def clear_entry(
        self,
        region: str,
        period: str,
        leaf: str,
        evaluator: str,
        expected_version: int | None = None,
        reason: str | None = None,
        *,
        who: str | None = None,
    ) -> None:
        key = self.key(region, period, leaf, evaluator)
        self.store.clear_entry(
            key, who=who or evaluator, expected_version=expected_version, reason=reason
        )

    def get_entry(self, region: str, period: str, leaf: str, evaluator: str) -> StoredEntry | None:
        """The stored entry with its version (pass the version back to `set_entry`)."""
        from assessor.store.store import EntryKey

        set_id = self._set_id_of(region)
        return self.store.get_entry(EntryKey(set_id, region, period, evaluator, leaf, self.stage))

    def _set_id_of(self, region: str) -> str:
        """The set id a unit's entries are stored under (an unknown unit: this view's)."""
        if region in self.campaign.regions:
            return self._region_view(region).set_id
        return self._scope().set_id

    def get_entries(
        self, period: str | None = None, region: str | None = None
    ) -> list[StoredEntry]:
        """Stored entries of this view's units in the stage worked on; on the campaign, of
        every kind's."""
        if region is not None:
            return self.store.entries(self._set_id_of(region), period, region, stage=self.stage)
        if self.kind_key is None:
            return [e for v in self.views() for e in v.get_entries(period)]
        others = set(self.campaign.regions) - set(self.regions)
        found = self.store.entries(self.set_id, period, stage=self.stage)
        return [e for e in found if e.region not in others]

    def assessment(self, period: str) -> Assessment:
        """What the engine scores for one period in the stage worked on: this view's units (the
        campaign: its first kind's), every evaluator's entries. Units of other kinds never
        enter, even when two kinds share a set, so ranks are within the kind. Leaves fed by
        tasks are valued."""
        if self.kind_key is None:
            return self._scope().assessment(period)
        found = self.store.assessment(self.set_id, period, self.regions, stage=self.stage)
        others = set(self.campaign.regions) - set(self.regions)
        if others & (set(found.regions) | set(found.entries)):
            found = Assessment.model_construct(
                period=found.period,
                regions={k: v for k, v in found.regions.items() if k not in others},
                entries={k: v for k, v in found.entries.items() if k not in others},
            )
        return self.fed(found)

    def history(self, region: str, leaf: str, period: str | None = None) -> list[AuditRecord]:
        """Every change of one indicator of one region, oldest first, from the audit log."""
        return self.store.audit_log(region=region, leaf=leaf, period=period)

    def statuses(self, period: str) -> dict[str, str]:
        """Every unit's status in a period and the stage worked on (draft where none was set);
        on the campaign, the units of every kind."""
        if self.kind_key is None:
            return {r: s for v in self.views() for r, s in v.statuses(period).items()}
        stored = self.store.statuses(self.set_id, period, stage=self.stage)
        return {r: stored.get(r, "draft") for r in self.regions}

    def set_status(
        self, region: str, period: str, status: str, *, who: str, reason: str | None = None
    ) -> str:
        """Move a region along draft → submitted → reviewed → final (in the current stage);
        returns the old status. In a campaign with `stages`, moving forward is refused while an
        indicator whose evidence the unit's kind's set requires lacks it (or it is not 有效),
        naming the indicators; a workspace without stages keeps the behaviour it had (flagged
        only)."""
        view = self._region_view(region)  # an unknown unit is an error
        return self.store.set_status(
            view.set_id, region, period, status, who=who, reason=reason, stage=self.stage,
            evidence_required=view.evidence_required if self.config.stages else (),
        )  # fmt: skip

    @cached_property
    def evidence_required(self) -> tuple[str, ...]:
        """Leaves whose evidence this view's set requires (`evidence: {required: true}`), in
        order (the campaign: its first kind's)."""
        from assessor.model.indicator_set import InnerNode, walk

        return tuple(
            n.id
            for n in walk(list(self.indicator_set.tree))
            if not isinstance(n, InnerNode) and n.evidence is not None and n.evidence.required
        )

    def periods(self) -> list[str]:
        """Periods with entries for this view's set; on the campaign, for any kind's."""
        if self.kind_key is None and self.several_kinds:
            from assessor.model.periods import period_sort_key

            found = {p for v in self.views() for p in self.store.periods(v.set_id)}
            return sorted(found, key=period_sort_key)
        return self.store.periods(self._scope().set_id)

    def add_evidence(
        self,
        region: str,
        period: str,
        leaf: str,
        evaluator: str,
        *,
        path: str | Path | None = None,
        url: str | None = None,
        note: str | None = None,
        who: str | None = None,
    ) -> int:
        """Attach a file inside the workspace (its sha256 is recorded) or a URL."""
        key = self.key(region, period, leaf, evaluator)
        rel, digest = self.evidence_path(path) if path is not None else (None, None)
        return self.store.add_evidence(
            key, path=rel, url=url, sha256=digest, note=note, who=who or evaluator
        )

    def new_period(self, period: str, from_period: str | None = None, *, who: str) -> int:
        """Start `period` from `from_period` (default: the period before) as carried-over drafts."""
        from assessor.model.periods import PeriodError, parse_period

        try:
            new = parse_period(period)
            source = str(parse_period(from_period)) if from_period else str(new.previous())
        except PeriodError as exc:
            raise AssessorError(Problem(message_of(exc), key="period")) from None
        if new.kind != self.config.period_kind:
            raise AssessorError(
                Problem(
                    said(
                        "store.period_wrong_kind",
                        period=str(new),
                        kind=said(f"store.period_kind.{self.config.period_kind}"),
                    ),
                    key="period",
                )
            )
        # One carry per set (kinds may share one); a kind whose set has no entries in the
        # source period (in the stage worked on) has nothing to carry.
        stage = self.stage
        set_ids = [v.set_id for v in (self.views() if self.kind_key is None else [self])]
        set_ids = [
            s for s in dict.fromkeys(set_ids) if source in self.store.periods(s, stage=stage)
        ]
        if not set_ids:
            raise AssessorError(
                Problem(said("store.period_nothing_to_carry", period=source), key="--from")
            )
        busy = [s for s in set_ids if str(new) in self.store.periods(s, stage=stage)]
        if len(set_ids) > 1 and busy:  # checked before anything is carried
            raise AssessorError(
                Problem(
                    said("store.period_has_entries_in", period=str(new), sets=listed(busy)),
                    key="period",
                )
            )
        return sum(
            self.store.new_period(s, str(new), source, who=who, stage=stage) for s in set_ids
        )

    def compare_periods(self, before: str, after: str) -> list[RegionDelta]:
        """Per region and node, how the engine's results moved from `before` to `after` (a
        month or year of a weekly campaign rolled up from its weeks, as `score --period`)."""
        from assessor.scoring import compile_checked
        from assessor.store.compare import compare_results
        from assessor.store.period_view import score_period

        scope = self._scope()
        cs = compile_checked(scope.indicator_set)
        results = [score_period(scope, cs, p).results for p in (before, after)]
        return compare_results(cs, results[0], results[1])

    def evidence_path(self, path: str | Path) -> tuple[str, str]:
        """A file given as evidence: it must exist inside the workspace; returns (relative, sha256)."""
        p = Path(path)
        full = (p if p.is_absolute() else self.folder / p).resolve()
        try:
            rel = full.relative_to(self.folder.resolve())
        except ValueError:
            raise AssessorError(
                Problem(
                    said("store.evidence_outside", path=path, folder=self.folder), key=str(path)
                )
            ) from None
        if not full.is_file():
            raise AssessorError(Problem(said("store.evidence_missing", path=rel), key=str(path)))
        digest = hashlib.sha256(full.read_bytes()).hexdigest()
        return rel.as_posix(), digest


def open_workspace(folder: Path | str, *, read_only: bool = False) -> Workspace:
    """The workspace in `folder`; `read_only` for a command that only reads (its database,
    when SQLite and current, is read without SQLAlchemy)."""
    folder = Path(folder).resolve()
    config = read_config(folder)
    regions_path = config_regions_path(folder, config)
    if not regions_path.is_file():
        raise AssessorError(
            Problem(
                said("store.regions_file_missing", file=config.regions),
                file=str(folder / WORKSPACE_FILE),
                key="regions",
            )
        )
    from assessor.store.kinds import (
        campaign_kinds,
        check_kinds,
        check_unit_kinds,
        kind_set_paths,
    )

    check_kinds(folder, config)
    units = read_regions(regions_path)
    kinds = campaign_kinds(config)
    check_unit_kinds(regions_path, units, kinds)
    regions = {r.id: r for r in units}
    set_paths = [resolve_set(folder, ref) for ref in config.sets]
    paths = kind_set_paths(folder, kinds, declared=config.kinds is not None)
    return Workspace(folder, config, regions, set_paths, _kind_paths=paths, read_only=read_only)


def find_workspace(start: Path | str | None = None) -> Path | None:
    """The workspace folder containing `start` (or the current folder), if any."""
    here = Path(start or ".").resolve()
    for p in (here, *here.parents):
        if (p / WORKSPACE_FILE).is_file():
            return p
    return None


def load_workspace_assessments(
    folder: Path | str, *, stage: str | None = None
) -> tuple[IndicatorSet, list[Assessment], Consolidation]:
    """The first kind's set, every period of its units, its consolidation, in `stage` (default
    the latest stage with entries); a campaign of one kind: what `assessor score WORKSPACE`
    scores. For every kind use `load_workspace_kinds`."""
    ws = open_workspace(folder)
    try:
        ws.use_stage(stage)
        return ws.indicator_set, ws.assessments(), ws.consolidation
    finally:
        ws.close()


@dataclass(frozen=True)
class KindAssessments:
    """One kind of a campaign as the engine scores it: its set, its units' assessments (every
    period) and its consolidation; `several` tells front ends to label sections by kind."""

    kind: UnitKind
    indicator_set: IndicatorSet
    assessments: list[Assessment]
    consolidation: Consolidation
    several: bool


def load_workspace_kinds(
    folder: Path | str,
    kind: str | None = None,
    *,
    every: bool = True,
    stage: str | None = None,
) -> list[KindAssessments]:
    """What `assessor score|report WORKSPACE [--kind KEY] [--stage KEY]` scores: each kind (or
    the one asked for; with `every=False` and none asked for, the first) with its own set,
    ranked among its own units, in `stage` (default the latest stage with entries)."""
    ws = open_workspace(folder)
    try:
        ws.use_stage(stage)
        views = ws.views(kind) if kind is not None or every else ws.views()[:1]
        return [
            KindAssessments(
                ws.kind(v.default_kind),
                v.indicator_set,
                v.assessments(),
                v.consolidation,
                ws.several_kinds,
            )
            for v in views
        ]
    finally:
        ws.close()


def init_workspace(
    folder: Path | str,
    *,
    set_ref: str | None = None,
    regions_file: Path | str,
    name: str | None = None,
    period: str | None = None,
    database: str | None = None,
    organisation: str | None = None,
    evaluators: list[str] | None = None,
    sample: bool = False,
    kinds: list[tuple[str, str, str]] | None = None,
    period_kind: str | None = None,
) -> Workspace:
    """Create a workspace folder: workspace.yaml, a copy of the regions file, the database.

    One set (`set_ref`), or several kinds of unit (`kinds`: (key, label, set) each, a set
    being a bundled id or a file); every set is linted and every unit's kind checked before
    anything is written."""
    folder = Path(folder).resolve()
    if (folder / WORKSPACE_FILE).exists():
        raise AssessorError(
            Problem(
                said("store.already_workspace", folder=folder), file=str(folder / WORKSPACE_FILE)
            )
        )
    if (set_ref is None) == (kinds is None):
        raise AssessorError(
            Problem(
                said("store.set_or_kinds"),
                key="--set",
            )
        )
    src_regions = Path(regions_file)
    regions = read_regions(src_regions)  # checked before anything is written
    refs: list[str] = []
    names: list[str] = []
    declared: list[dict[str, str]] = []
    for key, label, ref in kinds or [("county", "", set_ref or "")]:
        indicator_set, written_ref = _checked_set(folder, ref)
        refs.append(written_ref)
        names.append(indicator_set.name)
        declared.append({"key": key, "label": label, "set": written_ref})
    if kinds is not None:
        _check_init_kinds(src_regions, regions, declared)
    if period_kind is None and period is not None:  # --period 2021-W10: a weekly campaign
        from assessor.model.periods import PeriodError, parse_period

        try:
            found = parse_period(period).kind
        except PeriodError as exc:
            raise AssessorError(Problem(message_of(exc), key="--period")) from None
        period_kind = None if found == "year" else found
    doc = {
        "format": 1,
        "name": name or f"{names[0]} 评估",
        "organisation": organisation,
        "sets": list(dict.fromkeys(refs)),
        "kinds": declared if kinds is not None else None,
        "regions": "regions.yaml",
        "period_kind": period_kind,
        "period": period,
        "database": database,
        "evaluators": [{"name": e, "lead": i == 0} for i, e in enumerate(evaluators or [])],
        "language": "zh",
        "sample": sample,
    }
    doc = {k: v for k, v in doc.items() if v not in (None, [], False) or k == "format"}
    made_folder = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "regions.yaml", folder / WORKSPACE_FILE]
    url = database_url(folder, WorkspaceConfig(name="-", sets=["-"], database=database))
    db = Path(url.split("///", 1)[1]) if url.startswith("sqlite:///") else folder / DEFAULT_DATABASE
    if url.startswith("sqlite:///") and not db.exists():
        written += [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    try:
        if database:
            from assessor.store.store import check_database_url

            try:
                check_database_url(url)
            except AssessorError as exc:
                raise AssessorError([replace(p, key="--database") for p in exc.problems]) from None
        written[0].write_text(
            yaml.safe_dump(
                {"format": 1, "regions": [r.model_dump(exclude_none=True) for r in regions]},
                allow_unicode=True,
                sort_keys=False,
            ),
            encoding="utf-8",
        )
        written[1].write_text(
            "# assessor workspace: docs/workspace.md explains every key\n"
            + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        ws = open_workspace(folder)
        ws.store  # noqa: B018 - creates and migrates the database now, so errors show at init
    except BaseException:
        _undo_init(folder, written, made_folder)
        raise
    return ws


def _checked_set(folder: Path, ref: str) -> tuple[IndicatorSet, str]:
    """A set named to `init`: loaded and linted; with how workspace.yaml will name it."""
    set_path = resolve_set(folder, ref) if not Path(ref).is_file() else Path(ref).resolve()
    from assessor.loader.lint import lint_file
    from assessor.loader.sets import load_set

    indicator_set = load_set(set_path)
    errors = [p for p in lint_file(set_path) if p.severity == "error"]
    if errors:  # a set that does not lint would fail every later `status` and `score`
        raise AssessorError(errors)
    bundled = set_path.parent.resolve() == bundled_indicators_dir().resolve()
    return indicator_set, indicator_set.id if bundled else os.path.relpath(set_path, folder)


def _check_init_kinds(
    src_regions: Path, regions: list[Region], declared: list[dict[str, str]]
) -> None:
    """Keys written once, labels given, every unit of a declared kind (before any write)."""
    from assessor.store.kinds import check_unit_kinds

    problems = []
    seen: set[str] = set()
    for k in declared:
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", k["key"]):
            problems.append(
                Problem(
                    said("store.kind_key_form", kind=repr(k["key"])),
                    key="--kind",
                )
            )
        if not k["label"].strip():
            problems.append(Problem(said("store.kind_needs_label", kind=k["key"]), key="--kind"))
        if k["key"] in seen:
            problems.append(Problem(said("store.kind_twice", kind=repr(k["key"])), key="--kind"))
        seen.add(k["key"])
    if problems:
        raise AssessorError(problems)
    check_unit_kinds(src_regions, regions, [UnitKind.model_validate(k) for k in declared])


def _undo_init(folder: Path, written: list[Path], made_folder: bool) -> None:
    """Leave nothing behind of an `init` that failed (a database that cannot be reached …)."""
    for p in written:
        p.unlink(missing_ok=True)
    if made_folder:
        with contextlib.suppress(OSError):
            folder.rmdir()
