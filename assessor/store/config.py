"""workspace.yaml and regions.yaml: what a campaign is, read with located messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from assessor.errors import AssessorError, Problem
from assessor.loader.located import read_mapping
from assessor.loader.messages import problems_from_validation
from assessor.model.entries import Region
from assessor.model.indicator_set import Consolidation
from assessor.model.limits import checked_name, checked_region_id
from assessor.model.periods import PERIOD_PATTERN
from assessor.report_sections import REPORT_SECTIONS as REPORT_SECTIONS  # re-exported
from assessor.report_sections import ReportSection
from assessor.store.errors import listed
from assessor.text.catalogue import said

WORKSPACE_FILE = "workspace.yaml"
DEFAULT_DATABASE = "assessor.db"


def _text(v: Any) -> Any:
    from decimal import Decimal

    return str(v) if isinstance(v, int | Decimal) and not isinstance(v, bool) else v


class Evaluator(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    name: str
    lead: bool = False
    organisation: str | None = None


class ReportSettings(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    title: str | None = None
    organisation: str | None = None
    document_number: str | None = None
    logo: str | None = None
    subtitle: str | None = None
    omit: list[ReportSection] = Field(
        default_factory=list, description="sections left out of every report"
    )
    signatures: list[str] | None = Field(
        default=None,
        description="who signs a county report (default 评估组组长, 审核人); [] for no block",
    )
    recipients: list[str] = Field(
        default_factory=list, description="a bulletin's 主送 (the offices it is addressed to)"
    )
    copies: list[str] = Field(
        default_factory=list, description="a bulletin's 抄送 (the offices that receive a copy)"
    )


class UnitKind(BaseModel):
    """A kind of assessed unit (区县, 市级部门, 乡镇, 社区 …): scored with its own set and ranked
    among its own kind only."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", description="e.g. county, department")
    label: str = Field(min_length=1, description="e.g. 区、县（市）, 市级部门")
    set: str = Field(min_length=1, description="the indicator set id or path scoring this kind")


class Stage(BaseModel):
    """A stage of a campaign (自评 → 复核 → 评审): its own entries, evaluators and statuses; it
    starts from the previous stage's entries; the last stage's result is the rating."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", description="e.g. self, review, expert")
    label: str = Field(min_length=1, description="e.g. 自评, 复核, 评审")
    evaluators: list[str] | None = Field(
        default=None, description="who enters values in this stage (default: every evaluator)"
    )


class WorkspaceConfig(BaseModel):
    """The keys of workspace.yaml (docs/workspace.md explains each)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal[1] = 1
    name: str
    organisation: str | None = None
    sets: list[str] = Field(
        min_length=1, description="indicator set ids or paths; the first is the one scored"
    )
    kinds: list[UnitKind] | None = Field(
        default=None,
        description="kinds of assessed unit, each with its own set; default: one kind scored "
        "with the first of `sets`",
    )
    stages: list[Stage] | None = Field(
        default=None, description="stages in order (default: one stage, the expert review)"
    )
    regions: str = "regions.yaml"
    tasks: str | None = Field(
        default=None, description="a tasks file in the workspace (tasks with deadlines)"
    )
    period_kind: Literal["year", "quarter", "month", "week"] = "year"
    period: str | None = Field(
        default=None, pattern=PERIOD_PATTERN, description="the current period"
    )
    database: str | None = Field(
        default=None, description="SQLAlchemy URL; default: a SQLite file in the workspace"
    )
    consolidation: Consolidation | None = None
    evaluators: list[Evaluator] = Field(default_factory=list)
    language: Literal["zh", "en"] = "zh"
    sample: bool = Field(default=False, description="sample data: reports carry 示例数据")
    report: ReportSettings = Field(default_factory=ReportSettings)
    note: str | None = None

    _v_period = field_validator("period", mode="before")(classmethod(lambda cls, v: _text(v)))

    @model_validator(mode="after")
    def _period_of_its_kind(self) -> WorkspaceConfig:
        from assessor.model.periods import parse_period

        if self.period is not None and parse_period(self.period).kind != self.period_kind:
            example = {"year": "2024", "quarter": "2024-Q1", "month": "2024-03", "week": "2024-W09"}
            raise ValueError(
                said(
                    "store.config_period_kind",
                    period=self.period,
                    kind=said(f"store.period_kind.{self.period_kind}"),
                    period_kind=self.period_kind,
                    example=example[self.period_kind],
                )
            )
        return self

    def lead(self) -> str | None:
        return next((e.name for e in self.evaluators if e.lead), None)


class RegionEntry(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    id: str
    name: str
    group: str | None = None
    parent: str | None = None
    kind: str | None = Field(default=None, description="a key of `kinds` (default: the first)")
    declared: str | None = Field(
        default=None, description="the grade key the unit applies for (申报星级)"
    )

    _v_ids = field_validator("id", "parent", "group", mode="before")(
        classmethod(lambda cls, v: _text(v))
    )

    _id_shape = field_validator("id", "parent")(checked_region_id)
    _name_shape = field_validator("name", "group")(checked_name)


class RegionsFile(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal[1] = 1
    note: str | None = None
    regions: list[RegionEntry] = Field(default_factory=list)


def _validate(model: type[BaseModel], path: Path, what: str) -> Any:
    raw = read_mapping(path, what)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise AssessorError(problems_from_validation(exc, raw, model, file=str(path))) from None


def read_config(folder: Path) -> WorkspaceConfig:
    path = folder / WORKSPACE_FILE
    if not path.is_file():
        raise AssessorError(
            Problem(
                said("store.not_a_workspace", folder=folder, file=WORKSPACE_FILE),
                file=str(folder),
            )
        )
    from assessor.loader.cache import cached_file

    config = cached_file(
        path,
        "workspaces",
        lambda: _validate(WorkspaceConfig, path, "a workspace file"),
        lambda found: isinstance(found, WorkspaceConfig),
        _READERS,
    )
    assert isinstance(config, WorkspaceConfig)
    return config


#: The modules that turn a workspace or regions file into models (besides model and loader):
#: the cache of validated files (loader/cache.py) is keyed by them too.
_READERS = (Path(__file__), Path(__file__).parent.parent / "report_sections.py")


def read_regions(path: Path) -> list[Region]:
    """Regions of a campaign; duplicate codes are an error naming the code. A file that read
    without a problem comes from the cache of validated files while it is unchanged."""
    from assessor.loader.cache import cached_file

    return cached_file(
        path,
        "regions",
        lambda: _read_regions(path),
        lambda found: isinstance(found, list) and all(isinstance(r, Region) for r in found),
        _READERS,
    )


def _read_regions(path: Path) -> list[Region]:
    data = _validate(RegionsFile, path, "a regions file")
    assert isinstance(data, RegionsFile)
    seen: set[str] = set()
    problems = []
    regions = []
    for r in data.regions:
        if r.id in seen:
            problems.append(
                Problem(
                    said("store.region_twice", region=r.id, name=r.name), file=str(path), key=r.id
                )
            )
        seen.add(r.id)
        regions.append(
            Region(
                id=r.id,
                name=r.name,
                group=r.group,
                parent=r.parent,
                kind=r.kind,
                declared=r.declared,
            )
        )
    if problems:
        raise AssessorError(problems)
    return regions


def bundled_indicators_dir() -> Path:
    """The repository's (or an installed copy's) indicators/ folder of bundled sets."""
    from assessor.resources import bundled

    return bundled("indicators")


def resolve_set(folder: Path, ref: str) -> Path:
    """A set given as a path (relative to the workspace) or as the id of a bundled set."""
    candidates = [folder / ref, folder / f"{ref}.yaml", bundled_indicators_dir() / f"{ref}.yaml"]
    for c in candidates:
        if c.is_file():
            full = c.resolve()
            if not _inside(full, folder) and full.suffix.lower() not in (".yaml", ".yml"):
                raise AssessorError(
                    Problem(
                        said("store.set_outside", set=repr(ref)),
                        file=str(folder / WORKSPACE_FILE),
                        key="sets",
                    )
                )
            return full
    raise AssessorError(
        Problem(
            said("store.set_missing", set=repr(ref), looked=listed([str(c) for c in candidates])),
            file=str(folder / WORKSPACE_FILE),
            key="sets",
        )
    )


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def regions_path(folder: Path, config: WorkspaceConfig) -> Path:
    """The regions file of a workspace: it must be inside the workspace folder (`init` copies
    it there), so workspace.yaml cannot make assessor read any other file."""
    path = folder / config.regions
    if not _inside(path, folder):
        raise AssessorError(
            Problem(
                said("store.regions_outside", file=repr(config.regions), folder=folder),
                file=str(folder / WORKSPACE_FILE),
                key="regions",
            )
        )
    return path


def database_url(folder: Path, config: WorkspaceConfig) -> str:
    if not config.database:
        return f"sqlite:///{(folder / DEFAULT_DATABASE).resolve()}"
    url = config.database
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        rel = url[len("sqlite:///") :]
        return f"sqlite:///{(folder / rel).resolve()}"
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):  # psycopg 3; the password comes from ~/.pgpass or PGPASSWORD
            return "postgresql+psycopg://" + url[len(scheme) :]
    return url
