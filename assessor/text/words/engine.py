"""The engine's words: how it explains its arithmetic (``engine.<key>``), the scoring methods' names
(``engine.method.<method>``), a roll-up over periods (``engine.rollup.<how>``) and the labels of
`assessor explain` (``engine.explain.<key>``).

An evaluator reads "等级 4（4星）→ 得分率 0.8" in a Chinese report and terminal, not
"level 4 (4星) → 0.8". The formulas themselves stay in symbols, which read the same in both.
"""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    "level": w("等级 {lvl}（{label}）→ 得分率 {a}", "level {lvl} ({label}) → {a}"),
    "level_plain": w("等级 {lvl} → 得分率 {a}", "level {lvl} → {a}"),
    "option": w("选项「{label}」→ 得分率 {a}", "option {label} → {a}"),
    "check": w("{answer} → 得分率 {a}", "{answer} → {a}"),
    "yes": w("是", "yes"),
    "no": w("否", "no"),
    "clamped": w("，限定在 [0, {cap}]", ", clamped to [0, {cap}]"),
    "capped": w("，封顶 {cap}", ", capped at {cap}"),
    "band": w("区间 {label} → 得分率 {a}", "band {label} → {a}"),
    "with_level": w("，等级 {level}", ", level {level}"),
    "no_band": w("未落入任何区间 → 0", "no band matches → 0"),
    "curve": w("曲线在 {v} 处取值 {a}", "curve at {v} = {a}"),
    "points": w("直接填报得分 {v}", "{v} points entered"),
    "then": w("；", "; "),
    "rank": w(
        "填报值 {v}：{n} 个地区中排第 {r} 名 → 得分率 {a}", "value {v}: rank {r} of {n} → {a}"
    ),
    "all_equal": w(
        "填报值 {v}：{n} 个地区取值相同 → 得分率 1", "value {v}: all {n} peers equal → 1"
    ),
    "of_evaluators": w("{n} 名评估人取{how}：{pts} → {p}", "{how} of {n} evaluators: {pts} → {p}"),
    "of_values": w("{n} 名评估人的填报值取{how}", "{how} of {n} evaluators' values"),
    "mean": w("平均值", "mean"),
    "median": w("中位数", "median"),
    "trimmed_mean": w("去极值平均", "trimmed mean"),
    "trimmed": w("去掉最高、最低后的平均值", "trimmed mean (highest and lowest dropped)"),
    "lead": w("以主评估人 {lead} 的评分为准", "lead evaluator {lead}"),
    "veto": w(
        "任一评估人报告该事项即触发否决", "any evaluator reporting the event triggers the veto"
    ),
    "list": w("、", ", "),
    "inputs": w("（{items}）", " ({items})"),
    "input_sep": w("，", ", "),
    "pro_rata": w(
        "{due} → 序时目标 {target} × {share} = {eff}；",
        "{due} → target {target} × {share} = {eff}; ",
    ),
    "rolled": w("{n} 期取{how}", "{how} over {n} periods"),
    "method.level": w("等级评定", "level"),
    "method.choice": w("选项评定", "choice"),
    "method.check": w("是否判定", "check"),
    "method.ratio": w("达标比例", "ratio"),
    "method.bands": w("区间赋分", "bands"),
    "method.linear": w("分段线性", "linear"),
    "method.slope": w("增减计分", "slope"),
    "method.count": w("按数量计分", "count"),
    "method.points": w("直接赋分", "points"),
    "method.rank": w("排名赋分", "rank"),
    "method.minmax": w("极差法", "minmax"),
    "rollup.last": w("取最后一期", "last"),
    "rollup.sum": w("合计", "sum"),
    "rollup.mean": w("平均", "mean"),
    "rollup.max": w("取最大", "max"),
    "rollup.min": w("取最小", "min"),
    "explain.points": w("得分", "points"),
    "explain.of": w("满分", "max"),
    "explain.level": w("等级", "level"),
    "explain.value": w("填报值", "value"),
    "explain.rule": w("规则", "rule"),
    "explain.arith": w("计算", "arithmetic"),
    "explain.na": w(
        "不适用：分值按比例转给同级指标", "not applicable: its points go to its siblings"
    ),
    "explain.unscored": w("未填报：0 分", "no entry: 0 points"),
    "explain.error": w("错误", "error"),
    "explain.scale": w("不适用指标再分配：满分", "N/A redistribution: max"),
    "explain.evaluators": w("评估人", "evaluators"),
    "explain.consolidation": w("合并方式", "consolidation"),
    "explain.comment": w("备注", "comment"),
    "explain.evidence": w("佐证材料", "evidence"),
    "explain.children": w("下级指标", "children"),
    "explain.core": w("核心指标合计", "core children"),
    "explain.penalty": w("扣分", "penalties"),
    "explain.bonus": w("加分", "bonuses"),
    "explain.periods": w("分期得分", "periods"),
    "explain.rollup": w("汇总方式", "roll-up"),
    "explain.rolled": w("分期填报汇总", "periods combined"),
    "explain.disagree": w("评估人分歧较大", "evaluators disagree"),
    "explain.colon": w("：", ": "),
    "explain.item_sep": w("，", ", "),
    "explain.sep": w("，", ", "),
    "explain.paren": w("（{text}）", " ({text})"),
    "explain.lv": w("{level}级", "L{level}"),
}
