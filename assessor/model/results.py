"""Results of scoring (spec §3) and how each number was obtained.

The engine makes hundreds of thousands of these per batch, so they are slotted dataclasses
(about 50× cheaper to build than pydantic models); pydantic still validates and serialises them
through `TypeAdapter` where needed. Numbers are exact Decimals, unrounded unless the set rounds
at each level; `assessor.scoring.result_to_json` writes the spec's rounded JSON, whose shape is
the pydantic model `ResultDocument`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Status = Literal["scored", "unscored", "na", "error"]


@dataclass(slots=True, frozen=True)
class EvaluatorScore:
    """One evaluator's contribution to a leaf before consolidation."""

    evaluator: str
    points: Decimal | None
    level: int | None = None
    value: Any = None
    status: str = "scored"
    message: str | None = None
    rule: str | None = None


@dataclass(slots=True)
class Explanation:
    """How a node's points came about: enough to rebuild the arithmetic in words."""

    method: str | None = None
    rule: str | None = None  # e.g. "band ≥ 75 → 0.8, level 4", "rank 2 of 7 → 1.0"
    achievement: Decimal | None = None
    nominal_max: Decimal | None = None
    scale: Decimal = Decimal(1)  # N/A redistribution factor
    exact_points: Decimal | None = None  # before rounding at each level
    evaluators: tuple[EvaluatorScore, ...] = ()
    consolidation: str | None = None
    periods: tuple[tuple[str, Decimal | None], ...] = ()
    rollup: str | None = None


@dataclass(slots=True)
class NodeResult:
    id: str
    name: str
    kind: str = "core"
    points: Decimal | None = None
    max: Decimal = Decimal(0)
    level: int | None = None
    status: str = "unscored"
    value: Any = None
    message: str | None = None
    leaf: bool = False
    disagreement: bool = False
    comment: str | None = None
    evidence: tuple[str, ...] = ()
    explanation: Explanation | None = None
    depth: int = 1
    parent: str | None = None


@dataclass(slots=True, frozen=True)
class RatingResult:
    key: str | None = None
    label: str | None = None
    stars: int | None = None
    veto: str | None = None
    veto_effect: str | None = None
    color: str | None = None


@dataclass(slots=True)
class RegionResult:
    set: str
    period: str
    region: str
    total: Decimal
    core_total: Decimal
    max: Decimal
    completeness: Decimal
    provisional: bool
    name: str | None = None
    group: str | None = None
    bonus_total: Decimal = Decimal(0)
    penalty_total: Decimal = Decimal(0)
    rank: int | None = None
    group_rank: int | None = None
    rating: RatingResult = field(default_factory=RatingResult)
    nodes: dict[str, NodeResult] = field(default_factory=dict)
    evaluators: tuple[str, ...] = ()
    rolled_up_from: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # e.g. "disagreement:D1-01"


class RatingDocument(BaseModel):
    model_config = ConfigDict(extra="allow")

    key: str | None
    label: str | None
    stars: int | None
    veto: str | None


class NodeDocument(BaseModel):
    model_config = ConfigDict(extra="allow")

    points: float | None
    max: float
    level: int | None
    status: Status


class ResultDocument(BaseModel):
    """One object of `assessor score --format json` (spec §3)."""

    model_config = ConfigDict(extra="allow")

    set: str
    period: str
    region: str
    name: str | None
    total: float
    max: float
    completeness: float
    provisional: bool
    rank: int | None
    rating: RatingDocument
    nodes: dict[str, NodeDocument]
