"""Results of scoring (spec §3) and how each number was obtained.

The engine builds these with `model_construct` (no validation: it made the numbers itself);
`to_json` writes the spec's JSON shape, rounding as the set says.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["scored", "unscored", "na", "error"]


class EvaluatorScore(BaseModel):
    """One evaluator's contribution to a leaf before consolidation."""

    model_config = ConfigDict(frozen=True)

    evaluator: str
    points: Decimal | None
    level: int | None = None
    value: Any = None
    na: bool = False
    status: Status = "scored"
    message: str | None = None


class Explanation(BaseModel):
    """How a node's points came about: enough to rebuild the arithmetic in words."""

    model_config = ConfigDict(frozen=True)

    method: str | None = None
    inputs: dict[str, Any] | None = None
    value: Any = None
    formula: str | None = None
    achievement: Decimal | None = None
    rule: str | None = None  # e.g. "band ≥ 75 → 0.8 (4★)", "rank 2 of 7"
    nominal_max: Decimal | None = None
    scale: Decimal = Decimal(1)  # N/A redistribution factor
    raw_points: Decimal | None = None
    steps: tuple[str, ...] = ()
    evaluators: tuple[EvaluatorScore, ...] = ()
    consolidation: str | None = None
    periods: tuple[tuple[str, Decimal | None], ...] = ()
    rollup: str | None = None


class NodeResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: str = "core"
    points: Decimal | None = None
    max: Decimal = Decimal(0)
    level: int | None = None
    status: Status = "unscored"
    value: Any = None
    message: str | None = None
    leaf: bool = False
    disagreement: bool = False
    comment: str | None = None
    evidence: tuple[str, ...] = ()
    explanation: Explanation | None = None


class RatingResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str | None = None
    label: str | None = None
    stars: int | None = None
    veto: str | None = None
    veto_effect: str | None = None
    color: str | None = None


class RegionResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    set: str
    period: str
    region: str
    name: str | None = None
    group: str | None = None
    total: Decimal
    core_total: Decimal
    bonus_total: Decimal = Decimal(0)
    max: Decimal
    completeness: Decimal
    provisional: bool
    rank: int | None = None
    group_rank: int | None = None
    rating: RatingResult = Field(default_factory=RatingResult)
    nodes: dict[str, NodeResult] = Field(default_factory=dict)
    evaluators: tuple[str, ...] = ()
    rolled_up_from: tuple[str, ...] = ()
    digits: int = 2
    rounding_mode: str = "half_up"

    def node(self, node_id: str) -> NodeResult:
        return self.nodes[node_id]
