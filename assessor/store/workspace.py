"""A workspace: one folder per assessment campaign (workspace.yaml, regions.yaml, a database)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from assessor.errors import AssessorError, Problem
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import Consolidation, IndicatorSet
from assessor.store.config import (
    WORKSPACE_FILE,
    WorkspaceConfig,
    bundled_indicators_dir,
    database_url,
    read_config,
    read_regions,
    resolve_set,
)
from assessor.store.store import Store


@dataclass
class Workspace:
    folder: Path
    config: WorkspaceConfig
    regions: dict[str, Region]
    set_paths: list[Path]
    _store: Store | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return database_url(self.folder, self.config)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.url)
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
        return self.store.assessments(self.set_id, self.regions)

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
    regions_path = folder / config.regions
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
    folder: Path | str,
) -> tuple[IndicatorSet, list[Assessment], Consolidation]:
    """What `assessor score WORKSPACE` scores: the workspace's set, every period, its consolidation."""
    ws = open_workspace(folder)
    try:
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
    folder.mkdir(parents=True, exist_ok=True)
    set_path = (
        resolve_set(folder, set_ref) if not Path(set_ref).is_file() else Path(set_ref).resolve()
    )
    from assessor.loader import load_set

    indicator_set = load_set(set_path)
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
    (folder / "regions.yaml").write_text(
        yaml.safe_dump(
            {"format": 1, "regions": [r.model_dump(exclude_none=True) for r in regions]},
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    (folder / WORKSPACE_FILE).write_text(
        "# assessor workspace: docs/workspace.md explains every key\n"
        + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    ws = open_workspace(folder)
    ws.store  # noqa: B018 - creates and migrates the database now, so errors show at init
    return ws
