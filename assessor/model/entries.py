"""Entries: what evaluators enter for each leaf (spec §2).

`EntriesFile` mirrors the YAML file as written. `Entry` is one validated, normalised value for
one leaf by one evaluator; the engine reads only `Entry` objects, so the YAML loader, the Excel
importer, the store and the TUI all meet here.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assessor.model.limits import checked_name, checked_region_id, id_problem
from assessor.model.periods import PERIOD_PATTERN
from assessor.text.catalogue import said

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


#: The exact types Entry's validation keeps as they are (no subclass; a Decimal when finite).
_VALUE_TYPES: tuple[type, ...] = (type(None), Decimal, int, bool, str)
_INPUT_TYPES: tuple[type, ...] = (Decimal, bool, str)


def _kept(v: object, types: tuple[type, ...]) -> bool:
    return type(v) in types and (not isinstance(v, Decimal) or v.is_finite())


def _unchanged_by_validation(fields: dict[str, Any]) -> bool:
    """Validating `fields` as an Entry would keep every one as it is."""
    inputs = fields.get("inputs")
    return (
        _kept(fields.get("value"), _VALUE_TYPES)
        and (
            inputs is None
            or (
                type(inputs) is dict
                and all(type(k) is str and _kept(v, _INPUT_TYPES) for k, v in inputs.items())
            )
        )
        and all(type(fields.get(f, False)) is bool for f in ("na", "carried_over", "derived"))
        and (fields.get("comment") is None or type(fields["comment"]) is str)
        and type(fields.get("evidence", ())) is tuple
        and all(type(x) is str for x in fields.get("evidence", ()))
        and type(fields.get("evaluator", "")) is str
    )


def entry_of(**fields: Any) -> Entry:
    """`Entry(**fields)`, without validating again what validation would keep as it is (the
    loader's checked values, the store's decoded rows: thousands per command): the same model
    field for field, the same fields marked as set. Anything else is validated, to the same
    entry or the same error."""
    if not (_unchanged_by_validation(fields) and _direct() and set(fields) <= set(_DEFAULTS)):
        return Entry(**fields)
    entry = Entry.__new__(Entry)
    object.__setattr__(entry, "__dict__", {k: fields.get(k, d) for k, d in _DEFAULTS.items()})
    object.__setattr__(entry, "__pydantic_fields_set__", set(fields))
    object.__setattr__(entry, "__pydantic_extra__", None)
    object.__setattr__(entry, "__pydantic_private__", None)
    return entry


#: Entry's fields and their defaults, in order (what `model_construct` fills in).
_DEFAULTS: dict[str, Any] = {
    "value": None,
    "inputs": None,
    "na": False,
    "comment": None,
    "evidence": (),
    "evaluator": "",
    "carried_over": False,
    "derived": False,
}


@functools.cache
def _direct() -> bool:
    """Entry is still the plain model `entry_of` builds as `model_construct` would: these
    fields with these defaults, no aliases, no validators, no post-init, no extra fields."""
    fields = Entry.__pydantic_fields__
    return (
        list(fields) == list(_DEFAULTS)
        and all(f.default == _DEFAULTS[n] and f.default_factory is None for n, f in fields.items())
        and all(f.alias is None and f.validation_alias is None for f in fields.values())
        and not Entry.__pydantic_decorators__.field_validators
        and not Entry.__pydantic_decorators__.model_validators
        and not Entry.__pydantic_post_init__
        and not Entry.__pydantic_root_model__
        and Entry.model_config.get("extra") != "allow"
    )


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
            raise ValueError(said("load.evaluator_refused", value=repr(str(v)[:40]), bad=bad))
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
