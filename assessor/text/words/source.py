"""Words of the sources a set quotes (assessor.model.sources): the names of the fields a quotation
backs up (``source.field.<yaml key>``). In English a field is named by its YAML key."""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    "label": w("出处", "Source"),
    "illustrative": w("示例", "illustrative (示例)"),
    "field.name": w("名称", "name"),
    "field.label": w("名称", "label"),
    "field.stars": w("星级", "stars"),
    "field.points": w("分值", "points"),
    "field.share": w("权重", "share"),
    "field.target": w("目标", "target"),
    "field.baseline": w("基线", "baseline"),
    "field.bands": w("档位", "bands"),
    "field.levels": w("等级", "levels"),
    "field.options": w("选项", "options"),
    "field.value": w("公式", "value"),
    "field.inputs": w("输入", "inputs"),
    "field.each": w("每项分值", "each"),
    "field.rank_levels": w("名次定级", "rank_levels"),
    "field.rank_scores": w("名次得分", "rank_scores"),
    "field.rest": w("名次得分", "rest"),
    "field.min_score": w("分数线", "min_score"),
    "field.when": w("条件", "when"),
    "field.cap": w("上限", "cap"),
    "field.curve": w("计分曲线", "curve"),
    "field.base_points": w("基础分", "base_points"),
    "field.per_unit": w("每单位分值", "per_unit"),
    "field.cap_points": w("分值上限", "cap_points"),
    "field.step": w("每名次递减", "step"),
    "field.floor": w("最低分", "floor"),
    "field.input": w("输入", "input"),
    "field.yes_score": w("“是”的得分率", "yes_score"),
    "field.no_score": w("“否”的得分率", "no_score"),
    "field.effect": w("否决后果", "effect"),
    "field.score": w("得分率", "score"),
    "field.min": w("下限", "min"),
    "field.above": w("高于", "above"),
    "field.max": w("上限", "max"),
    "field.below": w("低于", "below"),
    "field.pro_rata": w("序时进度", "pro_rata"),
    "field.rollup": w("汇总方式", "rollup"),
    "field.requires": w("必达项", "requires"),
    "field.indicator_level": w("指标等级要求", "indicator_level"),
}
