"""Entries: what evaluators enter for each leaf (spec §2).

`EntriesFile` mirrors the YAML file as written. `Entry` is one validated, normalised value for
one leaf by one evaluator; the engine reads only `Entry` objects, so the YAML loader, the Excel
importer, the store and the TUI all meet here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assessor.model.limits import checked_name, checked_region_id, id_problem
from assessor.model.periods import PERIOD_PATTERN

Scalar = Decimal | int | bool | str
EntryValue = Decimal | int | bool | str | None


class Entry(BaseModel):
    """One evaluator's validated entry for one leaf.

    `value` holds the single value (a Decimal for numbers, an int level, a bool for check,
    an option key); `inputs` holds named inputs for formula leaves; `na` marks 不适用.
    """

    model_config = ConfigDict(defer_build=True, frozen=True)

    value: EntryValue = None
    inputs: dict[str, Decimal | bool | str] | None = None
    na: bool = False
    comment: str | None = None
    evidence: tuple[str, ...] = ()
    evaluator: str = ""
    carried_over: bool = False
    #: made by the engine from stored entries (a roll-up's mean); never stored itself, so its
    #: numbers may have more decimals than an entered value may
    derived: bool = False


class RegionBlock(BaseModel):
    """A region's entries as written in a file (values not yet checked against the set)."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    region: str
    name: str | None = None
    group: str | None = None
    parent: str | None = None
    entries: dict[str, Any] = Field(default_factory=dict)

    @field_validator("region", mode="before")
    @classmethod
    def _region_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | Decimal) and not isinstance(v, bool) else v

    _id_shape = field_validator("region", "parent")(checked_region_id)
    _name_shape = field_validator("name", "group")(checked_name)


class EntriesFile(BaseModel):
    """An entries file as written (spec §2)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal[1] = 1
    set: str
    period: str = Field(pattern=PERIOD_PATTERN)
    evaluator: str | None = None
    note: str | None = None
    regions: list[RegionBlock] = Field(default_factory=list)

    @field_validator("period", "evaluator", mode="before")
    @classmethod
    def _as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | Decimal) and not isinstance(v, bool) else v

    @field_validator("evaluator")
    @classmethod
    def _evaluator_shape(cls, v: str | None) -> str | None:
        from assessor.model.limits import MAX_EVALUATOR

        bad = None if v is None else id_problem(v, MAX_EVALUATOR)
        if bad is not None:
            raise ValueError(f"evaluator {str(v)[:40]!r}: {bad}")
        return v


class Region(BaseModel):
    """A region being assessed: a GB/T 2260 code where there is one."""

    model_config = ConfigDict(defer_build=True, frozen=True)

    id: str
    name: str | None = None
    group: str | None = None
    parent: str | None = None
    kind: str | None = None  # a key of the workspace's unit kinds; None: its first kind
    declared: str | None = None  # the grade key applied for (申报星级)


class Assessment(BaseModel):
    """Everything the engine needs for one period: regions and their entries.

    `entries[region_id][leaf_id]` is the list of entries by different evaluators.
    """

    model_config = ConfigDict(defer_build=True)

    period: str
    regions: dict[str, Region] = Field(default_factory=dict)
    entries: dict[str, dict[str, list[Entry]]] = Field(default_factory=dict)

    def add(self, region: Region, leaf_id: str, entry: Entry) -> None:
        known = self.regions.get(region.id)
        if known is None or (known.name is None and region.name is not None):
            self.regions[region.id] = region
        self.entries.setdefault(region.id, {}).setdefault(leaf_id, []).append(entry)
