"""Results of scoring (spec §3) and how each number was obtained.

The engine makes hundreds of thousands of these per batch, so they are slotted dataclasses
(about 50× cheaper to build than pydantic models); pydantic still validates and serialises them
through `TypeAdapter` where needed. Numbers are exact Decimals, unrounded unless the set rounds
at each level; `assessor.scoring.result_to_json` writes the spec's rounded JSON, whose shape is
the pydantic model `ResultDocument`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from assessor.errors import in_language

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


class Explanation:
    """How a node's points came about: enough to rebuild the arithmetic in words.

    Built for every leaf of every region, read for a few: the rule's words and the evaluators'
    details are kept raw and formatted only when read.
    """

    __slots__ = (
        "_consolidation",
        "_evaluators",
        "_rule",
        "_scorer",
        "achievement",
        "exact_points",
        "method",
        "nominal_max",
        "periods",
        "rolled",
        "rollup",
        "scale",
    )

    def __init__(
        self,
        method: str | None = None,
        rule: object = None,
        achievement: Decimal | None = None,
        nominal_max: Decimal | None = None,
        scale: Decimal = Decimal(1),
        exact_points: Decimal | None = None,
        evaluators: Sequence[Any] = (),
        consolidation: object = None,
        periods: tuple[tuple[str, Decimal | None], ...] = (),
        rollup: str | None = None,
    ) -> None:
        self.method = method
        self._rule = rule
        self.achievement = achievement
        self.nominal_max = nominal_max
        self.scale = scale  # N/A redistribution factor
        self.exact_points = exact_points  # before rounding at each level
        self._evaluators = evaluators
        self._consolidation = consolidation
        self._scorer: Any = None
        self.periods = periods
        self.rollup = rollup
        self.rolled: tuple[Any, ...] = ()  # per evaluator: how its entries were combined

    @property
    def rule(self) -> str | None:
        """e.g. "band ≥ 75 → 0.8, level 4", "value 7: rank 2 of 4 → 0.67"."""
        return _in(self._rule, "en")

    def rule_text(self, lang: str) -> str | None:
        """The rule in `lang` ("zh": "区间 ≥ 75 → 得分率 0.8，等级 4")."""
        return _in(self._rule, lang)

    @property
    def consolidation(self) -> str | None:
        return _in(self._consolidation, "en")

    def consolidation_text(self, lang: str) -> str | None:
        return _in(self._consolidation, lang)

    @property
    def evaluator_names(self) -> tuple[str, ...]:
        """Who entered this leaf, without recomputing their results."""
        return tuple(getattr(item, "evaluator", "") for item in self._evaluators)

    @property
    def evaluators(self) -> tuple[EvaluatorScore, ...]:
        return self.evaluator_scores("en")

    def evaluator_scores(self, lang: str) -> tuple[EvaluatorScore, ...]:
        """Each evaluator's own result, rules in `lang`; the engine keeps their entries and
        recomputes on demand (its methods are pure), so a batch does not hold an object per
        evaluator and leaf."""
        out = []
        for item in self._evaluators:
            if isinstance(item, EvaluatorScore):
                out.append(item)
                continue
            o = self._scorer(item, self.nominal_max)
            rule = _in(o.rule, lang)
            out.append(
                EvaluatorScore(
                    item.evaluator, o.points, o.level, o.value, o.status, o.message, rule
                )
            )
        return tuple(out)


def _in(words: object, lang: str) -> str | None:
    """Words the engine keeps unformatted (a `Rule` knows its languages), or None."""
    return None if words is None else in_language(words, lang)


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
    veto_name: str | None = None  # the triggered veto's name, as every output words it


@dataclass(slots=True, frozen=True)
class Breakdown:
    """How the engine built a total from the top level of the tree (spec §1.3, §1.4).

    `core + bonus_counted − penalty_applied` is the total before a veto's `zero` effect. Bonus
    and penalty nodes nested inside a dimension are part of that dimension's points.
    """

    core: Decimal = Decimal(0)  # 基本项: the sum of the top-level core dimensions' points
    bonus_entered: Decimal = Decimal(0)  # top-level bonus nodes' points (实得), each ≤ its points
    bonus_counted: Decimal = Decimal(0)  # what the total counts of them after `bonus_cap`
    bonus_cap: Decimal | None = None  # the set's bonus_cap, else the bonus nodes' points
    penalty_entered: Decimal = Decimal(0)  # top-level penalty nodes' points (扣分 as entered)
    penalty_applied: Decimal = Decimal(0)  # what the total loses (never below 0: 扣完为止)
    penalty_cap: Decimal = Decimal(0)  # the most the top-level penalty nodes can take away
    zeroed: bool = False  # a triggered veto with effect `zero` set the total to 0


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
    breakdown: Breakdown = field(default_factory=Breakdown)
    vetoes: tuple[str, ...] = ()  # every triggered veto leaf, in set order
    rank_points: RankPointsResult | None = None  # 排名得分, when the set has a rule


@dataclass(slots=True, frozen=True)
class RankPointsResult:
    """排名得分 of a unit in a period: its rank turned into points by the set's rule, or the
    year composed from its periods' points; `words` says how, in Chinese and English."""

    points: Decimal
    rank: int | None  # the rank it was given for (None for a composed year)
    words_zh: str
    words_en: str
    periods: tuple[tuple[str, Decimal], ...] = ()  # a composed year: (period, points)

    def words(self, lang: str) -> str:
        return self.words_zh if lang == "zh" else self.words_en


class RatingDocument(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="allow")

    key: str | None
    label: str | None
    stars: int | None
    veto: str | None


class NodeDocument(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="allow")

    points: float | None
    max: float
    level: int | None
    status: Status


class ResultDocument(BaseModel):
    """One object of `assessor score --format json` (spec §3)."""

    model_config = ConfigDict(defer_build=True, extra="allow")

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
