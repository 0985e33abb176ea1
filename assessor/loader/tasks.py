"""The tasks file of a campaign (`tasks: tasks.yaml` in workspace.yaml), read with located
messages: which unit (or every unit of a kind) carries which tasks, in which category, due when.

Every mistake is reported with the file, line and column, and names the allowed values: an
unknown category lists the file's `categories`, an unknown unit or kind lists the campaign's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from assessor.errors import AssessorError, Problem, Said
from assessor.loader.located import LocDict, LocList, read_mapping
from assessor.loader.messages import listing, problems_from_validation
from assessor.model.entries import Region
from assessor.model.tasks import Task
from assessor.text.catalogue import said

DEFAULT_KIND = "county"


class Feed(BaseModel):
    """A leaf whose value is the share of the unit's tasks done or on schedule (percent)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    leaf: str = Field(min_length=1, description="a leaf id of the unit's indicator set")
    categories: list[str] | None = Field(
        default=None, description="only tasks of these categories (default: all)"
    )


class TaskList(BaseModel):
    """Tasks of one unit (`unit:`), or of every unit of a kind (`kind:`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    unit: str | None = Field(default=None, description="a unit id of regions.yaml")
    kind: str | None = Field(default=None, description="a unit kind key of workspace.yaml")
    tasks: list[Task] = Field(min_length=1)

    @field_validator("unit", mode="before")
    @classmethod
    def _unit_as_text(cls, v: object) -> object:
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    @model_validator(mode="after")
    def _one_owner(self) -> TaskList:
        if (self.unit is None) == (self.kind is None):
            raise ValueError(said("load.tasks.one_owner"))
        return self


class TasksFile(BaseModel):
    """The keys of a tasks file (docs/format.md, "Tasks file")."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal[1] = 1
    campaign: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        max_length=100,
        description="the id progress is stored under (keep it when renaming the workspace)",
    )
    categories: list[str] = Field(
        min_length=1, description="allowed categories, in the order reports list them"
    )
    sample: bool = Field(default=False, description="sample data: reports carry 示例数据")
    note: str | None = None
    feeds: list[Feed] = Field(default_factory=list)
    lists: list[TaskList] = Field(min_length=1)


@dataclass(frozen=True)
class TaskBook:
    """A campaign's tasks, resolved per unit."""

    file: str
    campaign: str
    categories: tuple[str, ...]
    by_unit: Mapping[str, tuple[Task, ...]]
    feeds: tuple[Feed, ...] = ()
    sample: bool = False
    note: str | None = None
    units_order: tuple[str, ...] = field(default=())

    def tasks(self, unit: str) -> tuple[Task, ...]:
        return self.by_unit.get(unit, ())

    def task(self, unit: str, task_id: str) -> Task:
        for t in self.tasks(unit):
            if t.id == task_id:
                return t
        ids = [t.id for t in self.tasks(unit)]
        known = listing(ids) if ids else said("load.tasks.none")
        raise AssessorError(
            Problem(
                said("load.tasks.no_task", unit=unit, task=repr(task_id), known=known), key=task_id
            )
        )

    def units(self) -> list[str]:
        return [u for u in self.units_order if self.by_unit.get(u)]


def kind_of(region: Region, kinds: Iterable[str]) -> str:
    """A unit's kind: its own, or the campaign's first (county when none are declared)."""
    first = next(iter(kinds), DEFAULT_KIND)
    return region.kind or first


def load_tasks(
    path: Path | str,
    regions: Mapping[str, Region],
    kinds: Iterable[str] = (),
    leaves: Iterable[str] | None = None,
) -> TaskBook:
    """Read and check a tasks file against the campaign's units, kinds and (if given) leaves."""
    path = Path(path)
    file = str(path)
    raw = read_mapping(path, "a tasks file")
    try:
        data = TasksFile.model_validate(raw)
    except ValidationError as exc:
        raise AssessorError(problems_from_validation(exc, raw, TasksFile, file=file)) from None
    kind_keys = list(kinds) or [DEFAULT_KIND]
    problems: list[Problem] = []
    raw_lists = raw.get("lists")

    def problem(message: Said, node: object, key: str | None, at: str) -> None:
        if isinstance(node, LocDict) and key is not None and key in node:
            problems.append(node.value_mark(key).problem(message, key=at))
        elif isinstance(node, LocDict):
            problems.append(node.mark.problem(message, key=at))
        else:
            problems.append(Problem(message, file=file, key=at))

    allowed = listing(data.categories)
    by_unit: dict[str, list[Task]] = {}
    origin: dict[tuple[str, str], str] = {}
    for i, lst in enumerate(data.lists):
        raw_list = raw_lists[i] if isinstance(raw_lists, LocList) else None
        raw_tasks = raw_list.get("tasks") if isinstance(raw_list, LocDict) else None
        if lst.unit is not None:
            if lst.unit not in regions:
                problem(
                    said("load.tasks.unknown_unit", unit=repr(lst.unit), units=listing(sorted(regions))),
                    raw_list, "unit", f"lists[{i}].unit",
                )  # fmt: skip
                continue
            units = [lst.unit]
        else:
            assert lst.kind is not None
            if lst.kind not in kind_keys:
                problem(
                    said("load.tasks.unknown_kind", kind=repr(lst.kind), allowed=listing(kind_keys)),
                    raw_list, "kind", f"lists[{i}].kind",
                )  # fmt: skip
                continue
            units = [r.id for r in regions.values() if kind_of(r, kind_keys) == lst.kind]
        for j, task in enumerate(lst.tasks):
            raw_task = raw_tasks[j] if isinstance(raw_tasks, LocList) else None
            at = f"lists[{i}].tasks[{j}]"
            if task.category not in data.categories:
                problem(
                    said("load.tasks.unknown_task_category", task=task.id,
                         category=repr(task.category), allowed=allowed),
                    raw_task, "category", f"{at}.category",
                )  # fmt: skip
            for unit in units:
                here = f"{at} ({task.id})"
                if (unit, task.id) in origin:
                    problem(
                        said("load.tasks.twice", unit=unit, task=task.id,
                             other=origin[unit, task.id]),
                        raw_task, "id", f"{at}.id",
                    )  # fmt: skip
                    break
                origin[unit, task.id] = here
                by_unit.setdefault(unit, []).append(task)
    raw_feeds = raw.get("feeds")
    leaf_set = set(leaves) if leaves is not None else None
    for k, feed in enumerate(data.feeds):
        raw_feed = raw_feeds[k] if isinstance(raw_feeds, LocList) else None
        if leaf_set is not None and feed.leaf not in leaf_set:
            problem(
                said("load.tasks.unknown_leaf", leaf=repr(feed.leaf)),
                raw_feed, "leaf", f"feeds[{k}].leaf",
            )  # fmt: skip
        for c in feed.categories or []:
            if c not in data.categories:
                problem(
                    said("load.tasks.unknown_category", category=repr(c), allowed=allowed),
                    raw_feed, "categories", f"feeds[{k}].categories",
                )  # fmt: skip
    if problems:
        raise AssessorError(problems)
    return TaskBook(
        file=file,
        campaign=data.campaign,
        categories=tuple(data.categories),
        by_unit={u: tuple(ts) for u, ts in by_unit.items()},
        feeds=tuple(data.feeds),
        sample=data.sample,
        note=data.note,
        units_order=tuple(regions),
    )


__all__ = ["Feed", "TaskBook", "TaskList", "TasksFile", "kind_of", "load_tasks"]
