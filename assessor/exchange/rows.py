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


def criteria_text(node: AnyNode) -> str:
    """The scoring rule of a leaf in words an evaluator reads beside the cell."""
    if isinstance(node, LevelLeaf):
        return "；".join(
            f"{d.level}{'（' + d.label + '）' if d.label else ''}{'：' + d.criteria if d.criteria else ''}"
            for d in node.levels
        )
    if isinstance(node, ChoiceLeaf):
        return "；".join(
            f"{o.key}{'（' + o.label + '）' if o.label and o.label != o.key else ''} 得 {num_text(o.score)}"
            for o in node.options
        )
    if isinstance(node, CheckLeaf):
        if node.kind == "veto":
            return "是：发生该事项（一票否决）；否：未发生"
        return f"是 得 {num_text(node.yes_score)}；否 得 {num_text(node.no_score)}"
    if isinstance(node, BandsLeaf):
        parts = []
        for b in node.bands:
            cond = (f"≥ {num_text(b.min)}" if b.min is not None else f"> {num_text(b.above)}" if b.above is not None
                    else f"≤ {num_text(b.max)}" if b.max is not None else f"< {num_text(b.below)}")  # fmt: skip
            lv = f"（{b.level}星）" if b.level is not None else ""
            parts.append(f"{cond} 得 {num_text(b.score)}{lv}")
        return "；".join(parts)
    if isinstance(node, RatioLeaf):
        base = node.baseline if node.baseline is not None else Decimal(0)
        return f"完成率：基准 {num_text(base)}，目标 {num_text(node.target)}，{'越低越好，' if node.direction == 'lower' else ''}封顶 {num_text(node.cap)}"
    if isinstance(node, SlopeLeaf):
        return f"达到目标 {num_text(node.target)} 得 {num_text(node.base_points)} 分，每增减 {num_text(node.unit)} 增减 {num_text(node.per_unit)} 分"
    if isinstance(node, CountLeaf):
        return f"每个 {num_text(node.each)} 分，封顶"
    if isinstance(node, PointsLeaf):
        return "直接填写得分（专家打分）"
    if isinstance(node, RankLeaf):
        return "按同期各地区数值排名赋分（填写数值）"
    return ""


def level_choices(node: AnyNode) -> list[str] | None:
    if isinstance(node, LevelLeaf):
        return [str(x) for x in sorted({0, *(d.level for d in node.levels)})]
    if isinstance(node, ChoiceLeaf):
        return [o.key for o in node.options]
    if isinstance(node, CheckLeaf):
        return ["是", "否"]
    return None
