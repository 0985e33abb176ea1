"""The rows of an entry form: one per leaf, or one per named input of a formula leaf."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assessor.model.indicator_set import (
    AnyNode,
    BandsLeaf,
    CheckLeaf,
    ChoiceLeaf,
    CountLeaf,
    IndicatorSet,
    InnerNode,
    InputSpec,
    LevelLeaf,
    NumericLeaf,
    PointsLeaf,
    RankLeaf,
    RatioLeaf,
    SlopeLeaf,
)
from assessor.text.catalogue import say

HEADERS = (
    "编号",
    "指标",
    "填报项",
    "填报值",
    "不适用",
    "备注",
    "佐证材料",
    "评分标准",
    "填报说明",
    "输入键",
)
(
    COL_ID,
    COL_NAME,
    COL_ITEM,
    COL_VALUE,
    COL_NA,
    COL_COMMENT,
    COL_EVIDENCE,
    COL_CRITERIA,
    COL_GUIDE,
    COL_KEY,
) = range(1, 11)
NA_MARKS = frozenset({"是", "√", "✓", "yes", "y", "na", "n/a", "不适用", "true", "1"})


@dataclass(frozen=True)
class FormRow:
    node: AnyNode
    depth: int
    input: str | None = None  # the named input this row asks for
    first: bool = True  # the leaf's first row carries N/A, comment and evidence

    @property
    def leaf(self) -> bool:
        return not isinstance(self.node, InnerNode)

    @property
    def item(self) -> str:
        node = self.node
        if isinstance(node, NumericLeaf) and self.input and node.inputs:
            spec = node.inputs[self.input]
            return spec.label or self.input
        if isinstance(node, NumericLeaf) and node.input is not None and node.input.label:
            return node.input.label
        return _method_item(node)


def _method_item(node: AnyNode) -> str:
    if isinstance(node, LevelLeaf):
        return "星级/等级"
    if isinstance(node, ChoiceLeaf):
        return "选项"
    if isinstance(node, CheckLeaf):
        return "是/否"
    if isinstance(node, CountLeaf):
        return "次数/个数"
    if isinstance(node, PointsLeaf):
        return "得分"
    return "数值"


def form_rows(indicator_set: IndicatorSet) -> list[FormRow]:
    out: list[FormRow] = []

    def walk(nodes: list[AnyNode], depth: int) -> None:
        for n in nodes:
            if isinstance(n, InnerNode):
                out.append(FormRow(n, depth))
                walk(list(n.children), depth + 1)
            elif isinstance(n, NumericLeaf) and n.inputs:
                for i, name in enumerate(n.inputs):
                    out.append(FormRow(n, depth, name, first=i == 0))
            else:
                out.append(FormRow(n, depth))

    walk(list(indicator_set.tree), 0)
    return out


def num_text(x: Decimal | None) -> str:
    """1E+2 → 100, 2.50 → 2.5: numbers as an evaluator writes them."""
    if x is None:
        return ""
    return format(x.normalize(), "f")


def input_spec(row: FormRow) -> InputSpec | None:
    node = row.node
    if isinstance(node, NumericLeaf):
        if row.input and node.inputs:
            return node.inputs[row.input]
        return node.input
    return None


def criteria_lines(node: AnyNode, lang: str = "zh") -> list[str]:
    """The scoring rule of a leaf in words an evaluator reads beside the cell, one rule a line."""

    def say_(key: str, **fields: object) -> str:
        return say(f"criteria.{key}", lang, **fields)

    colon = say("punct.colon", lang)
    if isinstance(node, LevelLeaf):
        return [
            (say_("level", level=d.level, label=d.label) if d.label else str(d.level))
            + (colon + d.criteria if d.criteria else "")
            for d in node.levels
        ]
    if isinstance(node, ChoiceLeaf):
        return [
            say_("scores", score=num_text(o.score), when=(
                say_("level", level=o.key, label=o.label) if o.label and o.label != o.key else o.key))
            for o in node.options
        ]  # fmt: skip
    if isinstance(node, CheckLeaf):
        if node.kind == "veto":
            return [say_("veto_yes"), say_("veto_no")]
        return [say_("scores", when=say_("yes"), score=num_text(node.yes_score)),
                say_("scores", when=say_("no"), score=num_text(node.no_score))]  # fmt: skip
    if isinstance(node, BandsLeaf):
        parts = []
        for b in node.bands:
            cond = (f"≥ {num_text(b.min)}" if b.min is not None else f"> {num_text(b.above)}" if b.above is not None
                    else f"≤ {num_text(b.max)}" if b.max is not None else f"< {num_text(b.below)}")  # fmt: skip
            rule = say_("scores", when=cond, score=num_text(b.score))
            parts.append(
                say_("band_level", rule=rule, level=b.level) if b.level is not None else rule
            )
        return parts
    if isinstance(node, RatioLeaf):
        base = node.baseline if node.baseline is not None else Decimal(0)
        key = "ratio_lower" if node.direction == "lower" else "ratio"
        return [
            say_(key, base=num_text(base), target=num_text(node.target), cap=num_text(node.cap))
        ]
    if isinstance(node, SlopeLeaf):
        return [say_("slope", target=num_text(node.target), base=num_text(node.base_points),
                     unit=num_text(node.unit), per=num_text(node.per_unit))]  # fmt: skip
    if isinstance(node, CountLeaf):
        return [say_("count", each=num_text(node.each))]
    if isinstance(node, PointsLeaf):
        return [say_("points")]
    if isinstance(node, RankLeaf):
        return [say_("rank")]
    return []


def criteria_text(node: AnyNode, lang: str = "zh") -> str:
    """The scoring rule on one line (an Excel cell): the rules joined by ；/; ."""
    return say("punct.semicolon", lang).join(criteria_lines(node, lang))


def level_choices(node: AnyNode) -> list[str] | None:
    if isinstance(node, LevelLeaf):
        return [str(x) for x in sorted({0, *(d.level for d in node.levels)})]
    if isinstance(node, ChoiceLeaf):
        return [o.key for o in node.options]
    if isinstance(node, CheckLeaf):
        return ["是", "否"]
    return None
