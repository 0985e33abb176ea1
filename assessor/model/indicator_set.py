"""Pydantic models of an indicator set (spec §1).

Numbers are `Decimal` so that the engine can do exact decimal arithmetic; the YAML loader
hands numbers over as `Decimal` already (never via binary floats).

A node is an inner node (`children`) or a leaf whose `method` selects one model of a
discriminated union; the method's keys sit flat beside the node's own keys, as in the YAML.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from assessor.model.rank_points import RankPoints, YearComposition
from assessor.text.catalogue import said

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
SET_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
INPUT_NAME_PATTERN = r"^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*$"

Kind = Literal["core", "bonus", "penalty", "veto"]
RollupMethod = Literal["mean", "sum", "last", "max", "min"]
Direction = Literal["higher", "lower"]
Num = Decimal


class Strict(BaseModel):
    """Base: unknown keys are mistakes an evaluator should hear about."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True, populate_by_name=True)


# --------------------------------------------------------------------------- inputs


class InputSpec(Strict):
    label: str | None = None
    type: Literal["number", "integer", "boolean", "text"] = "number"
    min: Num | None = None
    max: Num | None = None
    unit: str | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _range_ordered(self) -> InputSpec:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(said("lint.set.input_range", min=self.min, max=self.max))
        return self


class EvidenceSpec(Strict):
    required: bool = False
    hint: str | None = None


# --------------------------------------------------------------------------- source


ILLUSTRATIVE = "示例"
SOURCE_FIELDS = (
    "name", "label", "stars", "points", "share", "target", "baseline", "cap", "bands", "levels", "options",
    "curve", "each", "base_points", "per_unit", "cap_points", "rank_scores", "rest", "rank_levels",
    "step", "floor", "value", "inputs", "input", "yes_score", "no_score", "effect", "min_score",
    "when", "score", "min", "above", "max", "below", "pro_rata", "rollup", "requires",
    "indicator_level",
)  # fmt: skip


class SourceRef(Strict):
    """Where a node (or some of its numbers) comes from: a quoted sentence, or 示例 and why.

    Bundled sets must say this for every indicator so that an evaluator can tell a source's
    number from an illustrative one (lint rule `source-missing`).
    """

    doc: str = Field(
        min_length=1,
        description="the source: a file in docs/sources/, a URL, a standard's number, or 示例",
    )
    quote: str | None = Field(
        default=None, description="the sentence quoted verbatim ('…' marks an omission)"
    )
    why: str | None = Field(default=None, description="with doc 示例: why there is no source")
    for_: list[str] = Field(
        default_factory=list,
        alias="for",
        description="the keys this backs, e.g. [target]; empty: the whole node",
    )
    note: str | None = None

    @model_validator(mode="after")
    def _quote_or_why(self) -> SourceRef:
        if self.doc.strip() == ILLUSTRATIVE:
            if not (self.why or "").strip():
                raise ValueError(said("lint.set.source_needs_why", illustrative=ILLUSTRATIVE))
        elif not (self.quote or "").strip():
            raise ValueError(said("lint.set.source_needs_quote", doc=self.doc))
        unknown = [k for k in self.for_ if k not in SOURCE_FIELDS]
        if unknown:
            raise ValueError(
                said(
                    "lint.set.source_for_unknown",
                    unknown=str(unknown),
                    allowed=", ".join(SOURCE_FIELDS),
                )
            )
        return self

    @property
    def illustrative(self) -> bool:
        return self.doc.strip() == ILLUSTRATIVE


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, dict | SourceRef) else value


#: `source:` takes one mapping or a list of them; the model always holds a list.
Sources = Annotated[
    list[SourceRef],
    BeforeValidator(_one_or_many, json_schema_input_type=SourceRef | list[SourceRef]),
]


def source_list(value: list[SourceRef] | None) -> list[SourceRef]:
    """A node's sources (none: an empty list)."""
    return list(value or [])


# --------------------------------------------------------------------------- node base


class NodeBase(Strict):
    id: Annotated[str, Field(pattern=ID_PATTERN, description="unique in the set")]
    name: str
    description: str | None = None
    guidance: str | None = None
    points: Num | None = Field(default=None, ge=0, description="maximum points (absolute)")
    share: Num | None = Field(
        default=None, ge=0, le=100, description="maximum as a percentage of the parent's points"
    )
    kind: Kind | None = Field(default=None, description="core (default), bonus, penalty or veto")
    optional: bool = Field(default=False, description="may be marked not applicable (na)")
    evidence: EvidenceSpec | None = None
    department: str | None = None
    data_source: str | None = None
    tags: list[str] = Field(default_factory=list)
    source: Sources | None = Field(
        default=None, description="where it comes from: {doc, quote, for} or {doc: 示例, why}"
    )
    rollup: RollupMethod | None = Field(
        default=None,
        description="how this indicator (or every indicator under this group) rolls shorter "
        "periods up: its entries' values are combined (last, sum, mean, max, min) and scored "
        "once in the longer period; default: the set's rollup",
    )

    @model_validator(mode="after")
    def _points_or_share(self) -> NodeBase:
        if self.points is not None and self.share is not None:
            raise ValueError(said("lint.set.points_or_share"))
        return self


class InnerNode(NodeBase):
    children: list[Node] = Field(min_length=1)
    normalize: bool = Field(
        default=False, description="scale the children's points to fit this node's points"
    )


class NumericLeaf(NodeBase):
    """A leaf that reads one number: from `input`, or from the formula `value` over `inputs`."""

    unit: str | None = None
    input: InputSpec | None = None
    inputs: dict[Annotated[str, Field(pattern=INPUT_NAME_PATTERN)], InputSpec] | None = None
    value: str | None = Field(default=None, description="formula over the named inputs")

    @model_validator(mode="after")
    def _input_shape(self) -> NumericLeaf:
        if self.inputs and self.value is None:
            raise ValueError(said("lint.set.inputs_need_value"))
        if self.value is not None and not self.inputs:
            raise ValueError(said("lint.set.value_needs_inputs"))
        if self.input is not None and self.inputs:
            raise ValueError(said("lint.set.input_or_inputs"))
        return self


# --------------------------------------------------------------------------- methods


class LevelDef(Strict):
    level: int = Field(ge=0)
    label: str | None = None
    criteria: str | None = None
    score: Num | None = Field(default=None, ge=0)


class LevelLeaf(NodeBase):
    method: Literal["level"]
    levels: list[LevelDef] = Field(min_length=1)


class OptionDef(Strict):
    key: str
    label: str | None = None
    score: Num = Field(ge=0)
    criteria: str | None = None

    @field_validator("key", mode="before")
    @classmethod
    def _key_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | Decimal) and not isinstance(v, bool) else v


class ChoiceLeaf(NodeBase):
    method: Literal["choice"]
    options: list[OptionDef] = Field(min_length=1)


class CheckLeaf(NodeBase):
    method: Literal["check"]
    yes_score: Num = Decimal(1)
    no_score: Num = Decimal(0)
    effect: VetoEffect | None = Field(default=None, description="for veto leaves")
    yes_label: str | None = None
    no_label: str | None = None


def _percent(v: Any) -> Any:
    """20%, "20%" or 20 → 20 (a percentage of the yearly target)."""
    if isinstance(v, str):
        text = v.strip().rstrip("%").strip()
        try:
            return Decimal(text)
        except ArithmeticError as exc:
            raise ValueError(said("lint.set.not_percentage", value=repr(v))) from exc
    return v


def _month(v: Any) -> Any:
    """YAML reads `03` as 3 and `09` as text: both are months."""
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return v


#: What a schedule of month-end milestones looks like, as the refusal of a missing one shows it.
SCHEDULE_EXAMPLE = "{3: 20%, 6: 50%, 9: 75%, 12: 100%}"

Percent = Annotated[Num, BeforeValidator(_percent), Field(ge=0, le=100)]
Month = Annotated[int, BeforeValidator(_month), Field(ge=1, le=12)]


class ProRata(Strict):
    """序时: a yearly target judged in a shorter period against the share of the year due by
    the period's last day: by calendar days, or by a schedule of month-end milestones
    (percentages of the target, interpolated by days between them, 0 % on 1 January)."""

    by: Literal["days", "schedule"] = "days"
    schedule: dict[Month, Percent] | None = Field(
        default=None, description="month → percent due by its end, e.g. {3: 20%, 12: 100%}"
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: Any) -> Any:
        if isinstance(v, str):
            return {"by": v.strip()}
        if isinstance(v, dict) and "schedule" in v and "by" not in v:
            return {**v, "by": "schedule"}
        return v

    @model_validator(mode="after")
    def _schedule_shape(self) -> ProRata:
        if self.by == "days":
            if self.schedule is not None:
                raise ValueError(said("lint.set.days_no_schedule"))
            return self
        if not self.schedule:
            raise ValueError(said("lint.set.schedule_needed", example=SCHEDULE_EXAMPLE))
        months = sorted(self.schedule)
        if months[-1] != 12:
            raise ValueError(said("lint.set.schedule_december"))
        for m0, m1 in itertools.pairwise(months):
            a, b = self.schedule[m0], self.schedule[m1]
            if b < a:
                raise ValueError(said("lint.set.schedule_falls", a=a, m0=m0, b=b, m1=m1))
        return self


ProRataKey = ProRata


class RatioLeaf(NumericLeaf):
    method: Literal["ratio"]
    baseline: Num | None = None
    target: Num = Decimal(100)
    cap: Num = Decimal(1)
    direction: Direction = "higher"
    pro_rata: ProRataKey | None = Field(
        default=None,
        description="序时: judge the yearly target in a week or month against the share of the "
        "year due by its end: `days` or {schedule: {3: 20%, 6: 50%, 9: 75%, 12: 100%}}",
    )

    @model_validator(mode="after")
    def _baseline(self) -> RatioLeaf:
        if self.pro_rata is not None and self.direction == "lower":
            raise ValueError(said("lint.set.pro_rata_target"))
        if self.direction == "lower" and self.baseline is None:
            raise ValueError(said("lint.set.lower_needs_baseline"))
        base = self.baseline if self.baseline is not None else Decimal(0)
        if base == self.target:
            raise ValueError(said("lint.set.baseline_is_target"))
        return self


class Band(Strict):
    min: Num | None = Field(default=None, description="v ≥ min")
    above: Num | None = Field(default=None, description="v > above")
    max: Num | None = Field(default=None, description="v ≤ max (direction: lower)")
    below: Num | None = Field(default=None, description="v < below (direction: lower)")
    score: Num = Field(ge=0)
    level: int | None = Field(default=None, ge=0)
    label: str | None = None
    source: Sources | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Band:
        given = [k for k in ("min", "above", "max", "below") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                said("lint.set.band_one_bound", given=str(given) if given else said("lint.none"))
            )
        return self


class BandsLeaf(NumericLeaf):
    method: Literal["bands"]
    bands: list[Band] = Field(min_length=1)
    direction: Direction = "higher"
    pro_rata: ProRataKey | None = Field(
        default=None,
        description="序时: the band thresholds are yearly; in a week or month each is scaled by "
        "the share of the year due by its end (`days` or {schedule: …})",
    )

    @model_validator(mode="after")
    def _pro_rata_direction(self) -> BandsLeaf:
        if self.pro_rata is not None and self.direction == "lower":
            raise ValueError(said("lint.set.pro_rata_thresholds"))
        return self


class LinearLeaf(NumericLeaf):
    method: Literal["linear"]
    curve: list[tuple[Num, Num]] = Field(min_length=2)


class SlopeLeaf(NumericLeaf):
    method: Literal["slope"]
    target: Num
    unit: Num = Field(default=Decimal(1), gt=0)  # type: ignore[assignment]
    per_unit: Num
    base_points: Num
    cap_points: Num | None = None
    unit_label: str | None = None


class CountLeaf(NumericLeaf):
    method: Literal["count"]
    each: Num = Field(gt=0)


class PointsLeaf(NumericLeaf):
    method: Literal["points"]


class RankLevel(Strict):
    max_rank: int = Field(ge=1)
    level: int = Field(ge=0)


class RankLeaf(NumericLeaf):
    method: Literal["rank"]
    order: Literal["desc", "asc"] = "desc"
    rank_scores: list[Num] | None = None
    rest: Num = Decimal(0)
    step: Num | None = None
    floor: Num = Decimal(0)
    scheme: Literal["linear"] | None = None
    rank_levels: list[RankLevel] | None = None
    peers: Literal["all", "group"] = "all"

    @model_validator(mode="after")
    def _one_scheme(self) -> RankLeaf:
        chosen = [
            n
            for n, v in (
                ("rank_scores", self.rank_scores),
                ("step", self.step),
                ("scheme", self.scheme),
            )
            if v is not None
        ]
        if len(chosen) > 1:
            raise ValueError(said("lint.set.rank_one_of", chosen=str(chosen)))
        return self


class MinmaxLeaf(NumericLeaf):
    method: Literal["minmax"]
    direction: Direction = "higher"
    peers: Literal["all", "group"] = "all"


METHODS = (
    "level",
    "choice",
    "check",
    "ratio",
    "bands",
    "linear",
    "slope",
    "count",
    "points",
    "rank",
    "minmax",
)
NUMERIC_METHODS = frozenset(
    {"ratio", "bands", "linear", "slope", "count", "points", "rank", "minmax"}
)
POINT_METHODS = frozenset({"slope", "count", "points"})
PEER_METHODS = frozenset({"rank", "minmax"})


def _node_tag(value: Any) -> str:
    if isinstance(value, dict):
        method = value.get("method")
        if method is None:
            return "inner"
        return str(method)
    if isinstance(value, BaseModel):
        return str(getattr(value, "method", "inner"))
    return "inner"


Leaf = LevelLeaf | ChoiceLeaf | CheckLeaf | RatioLeaf | BandsLeaf | LinearLeaf | SlopeLeaf | CountLeaf | PointsLeaf | RankLeaf | MinmaxLeaf  # fmt: skip

Node = Annotated[
    Annotated[InnerNode, Tag("inner")]
    | Annotated[LevelLeaf, Tag("level")]
    | Annotated[ChoiceLeaf, Tag("choice")]
    | Annotated[CheckLeaf, Tag("check")]
    | Annotated[RatioLeaf, Tag("ratio")]
    | Annotated[BandsLeaf, Tag("bands")]
    | Annotated[LinearLeaf, Tag("linear")]
    | Annotated[SlopeLeaf, Tag("slope")]
    | Annotated[CountLeaf, Tag("count")]
    | Annotated[PointsLeaf, Tag("points")]
    | Annotated[RankLeaf, Tag("rank")]
    | Annotated[MinmaxLeaf, Tag("minmax")],
    Discriminator(
        _node_tag,
        custom_error_type="unknown_method",
        custom_error_message=f"unknown method; allowed: {', '.join(METHODS)}",
    ),
]


# --------------------------------------------------------------------------- veto effect


class MaxStars(Strict):
    max_stars: int = Field(ge=0)


VetoEffect = Literal["zero", "disqualify"] | MaxStars


# --------------------------------------------------------------------------- set level


class Rounding(Strict):
    digits: int = Field(default=2, ge=0, le=10)
    mode: Literal["half_up", "half_even"] = "half_up"
    each_level: bool = False


class NodeRatio(Strict):
    node: str
    min: Num = Field(ge=0)


class NodeLevel(Strict):
    node: str
    min: int = Field(ge=0)


class ShareAtLevel(Strict):
    level: int = Field(ge=0)
    min: Num = Field(ge=0, le=1)


class MeanLevel(Strict):
    min: Num = Field(ge=0)


class NodeRatioCond(Strict):
    node_ratio: NodeRatio


class NodeLevelCond(Strict):
    node_level: NodeLevel


class ShareAtLevelCond(Strict):
    share_at_level: ShareAtLevel


class MeanLevelCond(Strict):
    mean_level: MeanLevel


Condition = NodeRatioCond | NodeLevelCond | ShareAtLevelCond | MeanLevelCond


# --- grade keys for declared grades and tiers by checklist (issue 17: 必达项, 达标/未达标)


class Required(Strict):
    """A 必达项: an indicator a grade requires to pass, whatever the total."""

    leaf: str = Field(description="the indicator's id")
    min_level: int | None = Field(
        default=None, ge=0, description="the level it must reach; absent: full points (通过)"
    )
    label: str | None = Field(
        default=None, description="the requirement in the document's words, e.g. 达到70%"
    )


def _required_item(v: Any) -> Any:
    """A bare id is the short form of {leaf: id}: the indicator must get full points."""
    if isinstance(v, str | int) and not isinstance(v, bool):
        return {"leaf": str(v)}
    return v


class Grade(Strict):
    key: str
    label: str
    stars: int | None = Field(default=None, ge=0)
    min_score: Num | None = None
    when: list[Condition] = Field(default_factory=list)
    requires: list[Required] = Field(
        default_factory=list,
        description="必达项: indicators that must pass for this grade, besides the score "
        "(a leaf id: full points; {leaf, min_level}: at least that level)",
    )
    indicator_level: int | None = Field(
        default=None,
        ge=0,
        description="the level every levelled indicator needs to be 达标 against this grade "
        "(default: `stars`); 必达项 and node_level conditions name their own",
    )
    color: str | None = Field(default=None, description="e.g. green / yellow / red")
    description: str | None = None
    source: Sources | None = None

    @field_validator("key", mode="before")
    @classmethod
    def _key_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | Decimal) and not isinstance(v, bool) else v

    @field_validator("requires", mode="before")
    @classmethod
    def _requires_short(cls, v: Any) -> Any:
        return [_required_item(x) for x in v] if isinstance(v, list) else v


class Rating(Strict):
    basis: Literal["total", "core"] = "total"
    grades: list[Grade] = Field(min_length=1)


class Rollup(Strict):
    method: RollupMethod = "mean"


class YearRule(YearComposition):
    """How the year's rank points come from shorter periods (月评价 → 年考核)."""

    from_: Literal["week", "month", "quarter"] = Field(
        default="month", alias="from", description="the periods the year is composed of"
    )


class SetRankPoints(RankPoints):
    """排名得分 of the set: each period's rank (within the unit kind) → points; the year
    composed from its periods' points (`year`)."""

    year: YearRule | None = Field(
        default=None,
        description="{how: mean|sum, from: month, periods_share: 100, year_end_share: 0}",
    )


class Consolidation(Strict):
    method: Literal["mean", "median", "trimmed_mean", "lead"] = "mean"
    trim_over: int = Field(default=5, ge=2)
    disagreement: Num | str | None = Field(
        default=None,
        description="points, or a percentage of the leaf's maximum such as '20%' (default 20%)",
    )
    lead: str | None = Field(default=None, description="the lead evaluator (method: lead)")

    @field_validator("disagreement")
    @classmethod
    def _pct(cls, v: Num | str | None) -> Num | str | None:
        if isinstance(v, str) and not re.fullmatch(r"\d+(\.\d+)?\s*%", v.strip()):
            raise ValueError(said("lint.set.disagreement"))
        return v


class NodeOverride(BaseModel):
    """Fields to replace on a parent's node (any node key except `id`)."""

    model_config = ConfigDict(defer_build=True, extra="allow", frozen=True)


class AddNode(Strict):
    under: str | None = Field(default=None, description="parent node id; omitted: the root")
    node: Node
    after: str | None = None


class IndicatorSet(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal[1] = 1
    id: Annotated[str, Field(pattern=SET_ID_PATTERN)]
    name: str
    version: str | None = None
    source: str | None = None
    scope: str | None = None
    description: str | None = None
    full_score: Num = Field(default=Decimal(100), gt=0)
    rounding: Rounding = Field(default_factory=Rounding)
    normalize: bool = False
    bonus_cap: Num | None = Field(default=None, ge=0)
    extends: str | None = None
    override: dict[str, dict[str, Any]] | None = None
    remove: list[str] | None = None
    add: list[AddNode] | None = None
    tree: list[Node] = Field(min_length=1)
    rating: Rating | None = None
    rollup: Rollup | None = None
    rank_points: SetRankPoints | None = None
    consolidation: Consolidation = Field(default_factory=Consolidation)
    language: str | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | Decimal) and not isinstance(v, bool) else v


# Schemas are built on first use (defer_build): a command that never validates a set does not
# pay for it; forward references (Node, Leaf) resolve from this module's namespace then.

AnyNode = InnerNode | Leaf


def effective_kind(node: NodeBase, inherited: Kind | None) -> Kind:
    """A node's kind: its own, else the one inherited from a bonus/penalty ancestor."""
    if node.kind is not None:
        return node.kind
    return inherited or "core"


def share_points(parent_points: Decimal, share: Decimal) -> Decimal:
    """A node's points from its `share` (percent) of its parent's points (spec §1.1): the one
    definition the compiler and lint both use."""
    return parent_points * share / Decimal(100)


def implied_points(kind: Kind, children: list[tuple[Kind, Decimal | None]]) -> Decimal | None:
    """An inner node without `points` is worth the sum of its children of its own kind; None
    when one of them is not known."""
    same = [p for k, p in children if k == kind]
    if any(p is None for p in same):
        return None
    return sum((p for p in same if p is not None), Decimal(0))


def is_leaf(node: AnyNode) -> bool:
    return not isinstance(node, InnerNode)


def walk(nodes: list[Any]) -> list[AnyNode]:
    """All nodes, depth first, parents before children."""
    out: list[AnyNode] = []
    stack = list(reversed(nodes))
    while stack:
        n = stack.pop()
        out.append(n)
        if isinstance(n, InnerNode):
            stack.extend(reversed(n.children))
    return out


def yields_level(node: AnyNode) -> bool:
    """A levelled leaf (spec §1.8): its method can yield a level."""
    if isinstance(node, LevelLeaf):
        return True
    if isinstance(node, BandsLeaf):
        return any(b.level is not None for b in node.bands)
    if isinstance(node, RankLeaf):
        return bool(node.rank_levels)
    return False
