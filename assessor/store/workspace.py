"""A workspace: one folder per assessment campaign (workspace.yaml, regions.yaml, a database)."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from assessor.errors import AssessorError, Problem
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import Consolidation, IndicatorSet
from assessor.store.config import (
    DEFAULT_DATABASE,
    WORKSPACE_FILE,
    WorkspaceConfig,
    bundled_indicators_dir,
    database_url,
    read_config,
    read_regions,
    resolve_set,
)
from assessor.store.config import regions_path as config_regions_path
from assessor.store.store import AuditRecord, EntryKey, Store, StoredEntry

if TYPE_CHECKING:
    from assessor.model.entries import Entry
    from assessor.store.compare import RegionDelta


@dataclass
class Workspace:
    folder: Path
    config: WorkspaceConfig
    regions: dict[str, Region]
    set_paths: list[Path]
    _store: Store | None = field(default=None, repr=False)
    stage_key: str | None = None  # the stage worked on (`use_stage`); None: the current one

    @property
    def url(self) -> str:
        return database_url(self.folder, self.config)

    @property
    def store(self) -> Store:
        if self._store is None:
            from assessor.store.errors import StoreError

            try:
                self._store = Store.open(self.url)
            except StoreError as exc:  # name the file that says which database
                where = str(self.folder / WORKSPACE_FILE)
                raise StoreError([replace(p, file=p.file or where) for p in exc.problems]) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @cached_property
    def indicator_set(self) -> IndicatorSet:
        from assessor.loader import load_set

        return load_set(self.set_paths[0])

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
        periods = self.store.periods(self.set_id)
        if not periods:
            raise AssessorError(
                Problem("the workspace has no entries yet; give --period", key="--period")
            )
        return periods[-1]

    def assessments(self) -> list[Assessment]:
        return self.store.assessments(self.set_id, self.regions, stage=self.stage)

    # ------------------------------------------------------------------ stages (stages.py)

    @property
    def stage(self) -> str:
        """The stage entries, statuses and evidence are read and written in: the one chosen
        with `use_stage`, else the latest stage with entries (else the first stage)."""
        if self.stage_key is None:
            from assessor.store.stages import campaign_stages

            stages = campaign_stages(self.config)
            if len(stages) == 1:
                return stages[0].key
            found = self.store.stages_with_entries(self.set_id)
            started = [s.key for s in stages if s.key in found]
            return started[-1] if started else stages[0].key
        return self.stage_key

    def use_stage(self, key: str | None) -> None:
        """Work on stage `key` (None: the current one); an unknown key lists the stages."""
        from assessor.store.stages import find_stage

        self.stage_key = None if key is None else find_stage(self.config, key).key

    # ------------------------------------------------------------------ the TUI's API
    # The workspace knows its set and regions, so these take only what an evaluator chooses;
    # they check region and leaf against regions.yaml and the set, then call the store.

    @cached_property
    def leaf_ids(self) -> frozenset[str]:
        from assessor.model.indicator_set import InnerNode, walk

        return frozenset(
            n.id for n in walk(list(self.indicator_set.tree)) if not isinstance(n, InnerNode)
        )

    def key(self, region: str, period: str, leaf: str, evaluator: str) -> EntryKey:
        """The store's key for an entry, after checking region, period (of the workspace's
        period_kind), leaf and evaluator name."""
        from assessor.model.gate import key_problems

        problems = []
        if region not in self.regions:
            problems.append(Problem(f"region {region} is not in {self.config.regions}", key=region))
        if leaf not in self.leaf_ids:
            problems.append(Problem(f"{leaf} is not a leaf of {self.set_id}", key=leaf))
        found = key_problems(self.set_id, region, period, evaluator, leaf, self.config.period_kind)
        problems += [Problem(m, key="period" if "period" in m else None) for m in found]
        stage = self.stage
        problems += self._stage_evaluator_problems(stage, evaluator)
        if problems:
            raise AssessorError(problems)
        return EntryKey(self.set_id, region, period, evaluator, leaf, stage)

    def _stage_evaluator_problems(self, stage: str, evaluator: str) -> list[Problem]:
        """A stage with its own evaluators takes values from them only."""
        from assessor.store.stages import find_stage

        allowed = find_stage(self.config, stage).evaluators
        if allowed and evaluator not in allowed:
            return [
                Problem(
                    f"{evaluator} is not an evaluator of stage {stage}; its evaluators: "
                    f"{', '.join(allowed)}",
                    key="--evaluator",
                )
            ]
        return []

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
        return self.store.get_entry(
            EntryKey(self.set_id, region, period, evaluator, leaf, self.stage)
        )

    def get_entries(
        self, period: str | None = None, region: str | None = None
    ) -> list[StoredEntry]:
        return self.store.entries(self.set_id, period, region, stage=self.stage)

    def assessment(self, period: str) -> Assessment:
        """What the engine scores for one period: every region, every evaluator's entries."""
        return self.store.assessment(self.set_id, period, self.regions, stage=self.stage)

    def history(self, region: str, leaf: str, period: str | None = None) -> list[AuditRecord]:
        """Every change of one indicator of one region, oldest first, from the audit log."""
        return self.store.audit_log(region=region, leaf=leaf, period=period)

    def statuses(self, period: str) -> dict[str, str]:
        """Every region's status in a period (draft where none was set)."""
        stored = self.store.statuses(self.set_id, period, stage=self.stage)
        return {r: stored.get(r, "draft") for r in self.regions}

    def set_status(
        self, region: str, period: str, status: str, *, who: str, reason: str | None = None
    ) -> str:
        """Move a region along draft → submitted → reviewed → final (in the current stage);
        returns the old status. In a campaign with `stages`, moving forward is refused while an
        indicator whose evidence the set requires lacks it (or it is not 有效), naming the
        indicators; a workspace without stages keeps the behaviour it had (flagged only)."""
        if region not in self.regions:
            raise AssessorError(
                Problem(f"region {region} is not in {self.config.regions}", key=region)
            )
        return self.store.set_status(
            self.set_id, region, period, status, who=who, reason=reason, stage=self.stage,
            evidence_required=self.evidence_required if self.config.stages else (),
        )  # fmt: skip

    @cached_property
    def evidence_required(self) -> tuple[str, ...]:
        """Leaves whose evidence the set requires (`evidence: {required: true}`), in order."""
        from assessor.model.indicator_set import InnerNode, walk

        return tuple(
            n.id
            for n in walk(list(self.indicator_set.tree))
            if not isinstance(n, InnerNode) and n.evidence is not None and n.evidence.required
        )

    def periods(self) -> list[str]:
        return self.store.periods(self.set_id)

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
            raise AssessorError(Problem(str(exc), key="period")) from None
        if new.kind != self.config.period_kind:
            raise AssessorError(
                Problem(
                    f"period {new} is not a {self.config.period_kind}, the workspace's period_kind",
                    key="period",
                )
            )
        if source not in self.store.periods(self.set_id, stage=self.stage):
            raise AssessorError(
                Problem(f"period {source} has no entries to carry over", key="--from")
            )
        return self.store.new_period(self.set_id, str(new), source, who=who, stage=self.stage)

    def compare_periods(self, before: str, after: str) -> list[RegionDelta]:
        """Per region and node, how the engine's results moved from `before` to `after`."""
        from assessor.scoring import compile_checked, score
        from assessor.store.compare import compare_results

        cs = compile_checked(self.indicator_set)
        results = [
            score(cs, self.assessment(p), consolidation=self.consolidation) for p in (before, after)
        ]
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
                    f"evidence {path} is outside the workspace {self.folder}; copy it in first",
                    key=str(path),
                )
            ) from None
        if not full.is_file():
            raise AssessorError(Problem(f"evidence file {rel} does not exist", key=str(path)))
        digest = hashlib.sha256(full.read_bytes()).hexdigest()
        return rel.as_posix(), digest


def open_workspace(folder: Path | str) -> Workspace:
    folder = Path(folder).resolve()
    config = read_config(folder)
    regions_path = config_regions_path(folder, config)
    if not regions_path.is_file():
        raise AssessorError(
            Problem(
                f"regions file {config.regions} not found",
                file=str(folder / WORKSPACE_FILE),
                key="regions",
            )
        )
    regions = {r.id: r for r in read_regions(regions_path)}
    set_paths = [resolve_set(folder, ref) for ref in config.sets]
    return Workspace(folder, config, regions, set_paths)


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
    """What `assessor score WORKSPACE` scores: the workspace's set, every period, its consolidation
    (in `stage`, default the latest stage with entries)."""
    ws = open_workspace(folder)
    try:
        ws.use_stage(stage)
        return ws.indicator_set, ws.assessments(), ws.consolidation
    finally:
        ws.close()


def init_workspace(
    folder: Path | str,
    *,
    set_ref: str,
    regions_file: Path | str,
    name: str | None = None,
    period: str | None = None,
    database: str | None = None,
    organisation: str | None = None,
    evaluators: list[str] | None = None,
    sample: bool = False,
) -> Workspace:
    """Create a workspace folder: workspace.yaml, a copy of the regions file, the database."""
    folder = Path(folder).resolve()
    if (folder / WORKSPACE_FILE).exists():
        raise AssessorError(
            Problem(f"{folder} already is a workspace", file=str(folder / WORKSPACE_FILE))
        )
    src_regions = Path(regions_file)
    regions = read_regions(src_regions)  # checked before anything is written
    set_path = (
        resolve_set(folder, set_ref) if not Path(set_ref).is_file() else Path(set_ref).resolve()
    )
    from assessor.loader.lint import lint_file
    from assessor.loader.sets import load_set

    indicator_set = load_set(set_path)
    errors = [p for p in lint_file(set_path) if p.severity == "error"]
    if errors:  # a set that does not lint would fail every later `status` and `score`
        raise AssessorError(errors)
    bundled = set_path.parent.resolve() == bundled_indicators_dir().resolve()
    ref = indicator_set.id if bundled else os.path.relpath(set_path, folder)
    doc = {
        "format": 1,
        "name": name or f"{indicator_set.name} 评估",
        "organisation": organisation,
        "sets": [ref],
        "regions": "regions.yaml",
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


def _undo_init(folder: Path, written: list[Path], made_folder: bool) -> None:
    """Leave nothing behind of an `init` that failed (a database that cannot be reached …)."""
    for p in written:
        p.unlink(missing_ok=True)
    if made_folder:
        with contextlib.suppress(OSError):
            folder.rmdir()
