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
    "lead": w("以牵头评估人 {lead} 的评分为准", "lead evaluator {lead}"),
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
    # the path to the next grade (scoring/gap.py)
    "gap.top": w("已是最高等级，无需提升。", "already the highest grade: nothing to raise."),
    "gap.no_grades": w("该指标体系没有可提升的等级。", "the set has no grades to rise to."),
    "gap.no_grade": w("无等级", "no grade"),
    "gap.head": w("从“{current}”提升到“{target}”", "from “{current}” to “{target}”"),
    "gap.head_declared": w("从“{current}”提升到申报等级“{target}”",
                           "from “{current}” to the declared grade “{target}”"),
    "gap.blocked": w("{head}：受一票否决事项 {veto} 限制，提高指标得分也无法升级。",
                     "{head}: the veto {veto} caps the grade; higher points cannot raise it."),
    "gap.unreachable": w("{head}：仅提高可填报的指标无法达到（还需满足该等级的其他条件）。",
                         "{head}: raising the indicators alone does not reach it (the grade has other conditions)."),
    "gap.failing": w("未满足：{condition}", "not met: {condition}"),
    "gap.steps": w("{head}：提高以下 {n} 项指标即可（按可提升分值排序），提升后总分约 {total}：",
                   "{head}: raise these {n} indicators (largest gain first); the total becomes about {total}:"),
    "gap.step": w("{node} {name}：{points} → {max} 分（+{gain}），需达到 {target}",
                  "{node} {name}: {points} → {max} points (+{gain}), reach {target}"),
    "gap.level": w("等级 {level}", "level {level}"),
    "gap.option": w("“{option}”", "“{option}”"),
    "gap.count": w("{n} 个", "{n}"),
    "gap.full": w("满分", "full marks"),
    # how far the evaluators agree (Koo & Li 2016 bands for ICC; used for Kendall's W as well)
    "agreement.none": w("无法计算", "cannot be computed"),
    "agreement.poor": w("差", "poor"),
    "agreement.moderate": w("一般", "moderate"),
    "agreement.good": w("良好", "good"),
    "agreement.excellent": w("极好", "excellent"),
    # a formula's functions, as a reader says them (the function's name in English)
    "function.min": w("较小值", "min"),
    "function.max": w("较大值", "max"),
    "function.abs": w("绝对值", "abs"),
    "function.round": w("取整", "round"),
    "function.if": w("如果", "if"),
    # one evaluator's entries over several periods, combined (scoring/rollup.py)
    "rolled_pick": w("{n} 期{how}，取 {period} 的 {value}", "{how} of {n} periods: {period}'s {value}"),
    "rolled_combined": w("{n} 期{how} = {value}", "{how} of {n} periods = {value}"),
    # a task against its schedule (scoring/tasks.py)
    "task.done": w("已完成", "done"),
    "task.on_schedule": w("按序时推进", "on schedule"),
    "task.behind": w("滞后于序时", "behind schedule"),
    "task.overdue": w("逾期", "overdue"),
    "task.late": w("（逾期完成）", " (late)"),
    "task.explain": w("序时 {planned}，实际 {actual} → {status}", "schedule {planned}, done {actual} → {status}"),
    "task.count": w("{status} {n} 项", "{n} {status}"),
    "task.tally": w("{total}项{category}：{counts}", "{total} {category}: {counts}"),
    # why a leaf cannot be scored: its result is an error with this message (scoring/methods.py)
    "leaf.no_value": w("未填报数值", "no value entered"),
    "leaf.stored_value": w("已存数值 {value}{problem}", "stored value {value}: {problem}"),
    "leaf.cannot_score": w("无法评分：{reason}", "cannot be scored: {reason}"),
    "leaf.score_not_finite": w("得分不是有限数值", "the score is not a number"),
    "leaf.not_a_number": w("不是数字：{value}", "not a number: {value}"),
    "leaf.formula_gives": w("{formula} 的结果 {value}{problem}", "{formula} gives {value}: {problem}"),
    "leaf.not_a_level": w("等级 {level} 不是等级数字", "level {level} is not a level number"),
    "leaf.unknown_level": w("本指标没有等级 {level}；允许的等级：{allowed}", "unknown level {level}; allowed: {allowed}"),
    "leaf.unknown_option": w("本指标没有选项 {option}；允许的选项：{allowed}", "unknown option {option}; allowed: {allowed}"),
    "leaf.not_yes_no": w("{value} 不是“是”或“否”", "{value} is not yes or no"),
    # a set the engine cannot compile (scoring/compiled.py; the loader refuses these first)
    "compile.duplicate_id": w("指标编号 {node} 重复", "duplicate id {node}"),
    "compile.root": w("根节点", "the root"),
    "compile.share_without_points": w("{node}（{name}）给出了 `share`，但其上级 {parent} 没有分值",
                                      "{node} ({name}) gives a share but its parent {parent} has no points"),
    "compile.leaf_without_points": w("末级指标 {node}（{name}）既没有 `points` 也没有 `share`",
                                     "leaf {node} ({name}) has neither points nor share"),
    "compile.node_says": w("{node}：{message}", "{node}: {message}"),
    "compile.rollup_sum_mixed": w(
        "指标集的 `rollup: {{method: sum}}` 不能与指标自身的 `rollup` 键（{nodes}）同时使用：各期得分相加会超过指标的满分；"
        "请改为对按期累计的指标给出 `rollup: sum`",
        "the set's `rollup: {{method: sum}}` cannot be combined with indicators' own "
        "`rollup` keys ({nodes}): summed points would exceed "
        "each indicator's maximum; give `rollup: sum` to the indicators that count per "
        "period instead"),
    "gap.level_label": w("等级 {level}（{label}）", "level {level} ({label})"),
    # a region's declared grade the set does not have (scoring/compliance.py)
    "declared_unknown": w("地区 {region} 的申报等级 {grade} 不是指标集 {set} 的等级；可选等级：{grades}",
                          "region {region} declares grade {grade}, which set {set} "
                          "does not have; its grades: {grades}"),
    "none": w("无", "none"),
    # a rank below 1 (scoring/rank_points.py: a caller's mistake, named all the same)
    "rank_from_one": w("名次从 1 开始（收到 {rank}）", "a rank starts at 1 (got {rank})"),
}  # fmt: skip
