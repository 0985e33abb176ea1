"""The lint rules' and the indicator-set model's messages (``lint.<key>``): what `assessor lint` and a set that does not load say, file:line first.

Grouped by rule code (docs/lint-rules.md) and by model file. What a user types in the set file
(a YAML key, a method, a value) stays in `backticks` in both languages; a node is named by
``{node}`` (its id and name, ``lint.node``).
"""

from __future__ import annotations

from collections.abc import Mapping

from assessor.text.words import w

WORDS: dict[str, Mapping[str, str]] = {
    # how a node, a list and a kind are named inside the messages below
    "node": w("{id}（{name}）", "{id} ({name})"),
    "root": w("根节点（`full_score`）", "the root (full_score)"),
    "or": w("{first} 或 {rest}", "{first} or {rest}"),
    "none": w("无", "none"),
    "did_you_mean": w("；是否应为 {close}？", "; did you mean {close}?"),
    # share-without-points
    "share_without_points": w(
        "{node}设定了 `share: {share}`，但其上级 {parent}没有可按比例分配的分值；"
        "请为上级设定 `points`（或为该指标设定 `points`）",
        "{node} gives `share: {share}` but its parent {parent} has no points to take a share "
        "of; give the parent `points` (or the child `points`)",
    ),
    # share-sum
    "share_sum": w(
        "{node}下各基本项的 `share` 合计 {total}%，不是 100%（{parts}）；"
        "请修改 `share` 或设定 `normalize: true`",
        "the shares under {node} add up to {total}%, not 100% ({parts}); fix the shares or set "
        "`normalize: true`",
    ),
    # points-sum
    "points_sum.top": w(
        "顶层基本项合计 {total} 分（{parts}），但 `full_score` 为 {points}；"
        "请修改分值或 `full_score`，或在顶层设定 `normalize: true`",
        "the top-level core nodes add up to {total} points ({parts}), but full_score is "
        "{points}; fix the points, full_score, or set `normalize: true` at the top",
    ),
    "points_sum.node": w(
        "{node}设定为 {points} 分，但其下级基本项合计 {total} 分（{parts}）；"
        "请修改分值或设定 `normalize: true`",
        "{node} states {points} points but its core children add up to {total} ({parts}); "
        "fix the points or set `normalize: true`",
    ),
    # normalize-without-points
    "normalize_without_points": w(
        "{node}设定了 `normalize: true`，但没有设定可供缩放的分值",
        "{node} says `normalize: true` but states no points to scale to",
    ),
    # veto-method
    "veto_method.group": w(
        "{node}是指标组，却设定为否决项；否决项须为 `check` 叶指标",
        "{node} is a group with kind veto; a veto is a `check` leaf",
    ),
    "veto_method.leaf": w(
        "{node}是否决项，但其方法为 {method}；否决项须为 `check` 叶指标（“是”表示发生了否决事项）",
        "{node} is a veto with method {method}; a veto is a `check` leaf (yes = the vetoing "
        "event happened)",
    ),
    # bonus-without-points, leaf-without-points
    "bonus_without_points.group": w(
        "{node}是{kind}指标组，但没有分值：请设定 `points`（最多可加或可扣的分数）",
        "{node} is a {kind} group with no points: give it `points` (the most it can add or "
        "take away)",
    ),
    "without_points.leaf": w(
        "{node}既没有 `points` 也没有 `share`",
        "{node} has neither `points` nor `share`",
    ),
    "without_points.bonus": w(
        "{node}既没有 `points` 也没有 `share`（{kind}的分值是它最多可加或可扣的分数）",
        "{node} has neither `points` nor `share` (a {kind} leaf's points are the most it can "
        "add or take away)",
    ),
    # effect-not-veto
    "effect_not_veto": w(
        "{node}设定了 `effect`，但不是否决项；请加上 `kind: veto` 或删去 `effect`",
        "{node} has an `effect` but is not a veto; add `kind: veto` or remove `effect`",
    ),
    # peers-group
    "peers_group": w(
        "{node}在各地区所属的 `group` 内排名：填报中的每个地区都须有 `group:`；"
        "没有分组的地区不与任何地区比较（排第 1 名）",
        "{node} ranks within each region's `group`: every region in the entries needs "
        "`group:`; a region without one is compared with nobody (rank 1)",
    ),
    # veto-effect, veto-points, max-stars
    "veto_effect": w(
        "{node}是否决项，但没有 `effect`；可选：`zero`、`disqualify`、`{{max_stars: N}}`",
        "{node} is a veto without `effect`; allowed: zero, disqualify, {{max_stars: N}}",
    ),
    "veto_points": w(
        "{node}是否决项，不计分；其 `points`/`share` 不起作用",
        "{node} is a veto: it has no points; its `points`/`share` are ignored",
    ),
    "max_stars.no_stars": w(
        "{node}：`max_stars` 需要评级中的等级设定 `stars`",
        "{node}: `max_stars` needs a rating whose grades give `stars`",
    ),
    "max_stars.not_below": w(
        "{node}：`max_stars` 为 {cap}，不低于最高等级的 {best} 星，该否决项不起作用",
        "{node}: max_stars {cap} is not below the best grade's {best} stars, so the veto has "
        "no effect",
    ),
    # band-direction
    "band_direction.higher": w(
        "{node}：第 {band} 个区间使用了 `{key}`，但方向为 `{direction}`；"
        "请使用 {right}（或设定 `direction: lower`）",
        "{node}: band {band} uses `{key}` but the direction is {direction}; use {right} (or "
        "set `direction: lower`)",
    ),
    "band_direction.lower": w(
        "{node}：第 {band} 个区间使用了 `{key}`，但方向为 `{direction}`；请使用 {right}",
        "{node}: band {band} uses `{key}` but the direction is {direction}; use {right}",
    ),
    # band-unreachable
    "band_unreachable.higher": w(
        "{node}：第 {band} 个区间（`{key}` {value}）永远不会命中：其上方第 {above} 个区间"
        "（`{above_key}` {above_value}）已涵盖它的全部取值；区间自上而下判定，请按阈值从高到低排列",
        "{node}: band {band} ({key} {value}) can never match: band {above} ({above_key} "
        "{above_value}) above it takes all its values; bands are read top to bottom, so list "
        "them highest threshold first",
    ),
    "band_unreachable.lower": w(
        "{node}：第 {band} 个区间（`{key}` {value}）永远不会命中：其上方第 {above} 个区间"
        "（`{above_key}` {above_value}）已涵盖它的全部取值；区间自上而下判定，请按阈值从低到高排列",
        "{node}: band {band} ({key} {value}) can never match: band {above} ({above_key} "
        "{above_value}) above it takes all its values; bands are read top to bottom, so list "
        "them lowest threshold first",
    ),
    # band-order
    "band_order.score": w(
        "{node}：第 {band} 个区间得 {score} 分，高于其上方第 {above} 个区间（{above_score}）；"
        "区间通常从优到劣排列",
        "{node}: band {band} scores {score}, more than band {above} above it ({above_score}); "
        "bands are normally best first",
    ),
    "band_order.level": w(
        "{node}：第 {band} 个区间给出等级 {level}，高于其上方的区间（等级 {above_level}）",
        "{node}: band {band} gives level {level}, higher than a band above it (level "
        "{above_level})",
    ),
    # band-gap
    "band_gap.higher": w(
        "{node}：不小于 {floor} 且小于 {value} 的值不落入任何区间，得 0 分（等级 0）",
        "{node}: values from {floor} to below {value} match no band and score 0 (level 0)",
    ),
    "band_gap.lower": w(
        "{node}：大于 {value} 且不超过 {floor} 的值不落入任何区间，得 0 分（等级 0）",
        "{node}: values above {value} up to {floor} match no band and score 0 (level 0)",
    ),
    # level-duplicate, level-order, level-score-order
    "level_duplicate": w(
        "{node}：等级 {level} 定义了两次（第 {first} 项和第 {second} 项）",
        "{node}: level {level} is defined twice (items {first} and {second})",
    ),
    "level_order": w(
        "{node}：等级依次为 {levels}；请按从低到高排列",
        "{node}: levels are listed as {levels}; list them in ascending order",
    ),
    "level_score_order": w(
        "{node}：等级 {level} 得 {score} 分，低于等级 {lower}（{lower_score}）；等级越高，得分不得越低",
        "{node}: level {level} scores {score}, less than level {lower} ({lower_score}); a "
        "higher level must not score less",
    ),
    # curve-order
    "curve_order": w(
        "{node}：`curve` 的 x 值须递增；第 {point} 个点的 x 为 {x}，却排在 {previous} 之后",
        "{node}: curve x values must ascend; point {point} has x {x} after {previous}",
    ),
    # option-duplicate
    "option_duplicate": w(
        "{node}：选项键 {key} 出现了两次",
        "{node}: option key {key} is given twice",
    ),
    # rank-levels-order, rank-scores-order
    "rank_levels_order": w(
        "{node}：`rank_levels` 的 `max_rank` 须递增；{rank} 排在 {previous} 之后",
        "{node}: rank_levels must have max_rank ascending; {rank} comes after {previous}",
    ),
    "rank_scores_order": w(
        "{node}：`rank_scores` 在第 {rank} 名处上升（{previous} 之后为 {score}）；"
        "名次越靠后，得分通常越低",
        "{node}: rank_scores rise at rank {rank} ({score} after {previous}); a lower rank "
        "normally scores less",
    ),
    # ratio-direction
    "ratio_direction.higher": w(
        "{node}：目标值 {target} 低于基准值 {baseline}；数值越小越好的指标请设定 `direction: lower`",
        "{node}: target {target} is below baseline {baseline}; for smaller-is-better values "
        "set `direction: lower`",
    ),
    "ratio_direction.lower": w(
        "{node}：方向为 `lower` 时，目标值 {target} 应低于基准值 {baseline}",
        "{node}: with direction lower the target {target} should be below the baseline {baseline}",
    ),
    # formula-syntax, formula-unknown-input, input-unused
    "formula_syntax": w("{node}：{message}", "{node}: {message}"),
    "formula_unknown_input": w(
        "{node}：公式 {formula} 引用了 {names}，不在其输入项中；已声明的输入项：{declared}",
        "{node}: the formula {formula} names {names}, not among its inputs; declared inputs: "
        "{declared}",
    ),
    "input_unused": w(
        "{node}：输入项 {name} 未被公式 {formula} 使用",
        "{node}: input {name} is never used by the formula {formula}",
    ),
    # grade-duplicate-key, grade-order, grade-unreachable
    "grade_duplicate_key": w(
        "等级键 {key} 使用了两次（第 {first} 个和第 {second} 个等级）",
        "grade key {key} is used twice (grades {first} and {second})",
    ),
    "grade_order.min_score": w(
        "等级 {key}（{label}）要求 `min_score` {score}，高于其上方的等级（{above}）；"
        "等级须从高到低排列",
        "grade {key} ({label}) needs min_score {score}, more than the grade above it "
        "({above}); grades are listed best first",
    ),
    "grade_order.stars": w(
        "等级 {key}（{label}）为 {stars} 星，高于其上方的等级（{above} 星）；等级须从高到低排列",
        "grade {key} ({label}) has {stars} stars, more than the grade above it ({above}); "
        "grades are listed best first",
    ),
    "grade_unreachable": w(
        "等级 {key}（{label}）永远无法达到：其上方的等级 {above} 没有任何条件",
        "grade {key} ({label}) can never be reached: grade {above} above it has no conditions",
    ),
    # requires-unknown-leaf, requires-no-level, requires-level-unreachable
    "requires_unknown_leaf": w(
        "`requires`：{leaf} {what}；{term}须指向一个指标（叶指标）{hint}",
        "requires: {leaf} {what}; a {term} names an indicator (a leaf){hint}",
    ),
    "requires.is_group": w("是指标组，不是指标", "is a group, not an indicator"),
    "requires.not_in_set": w("不在本指标集中", "is not in this set"),
    "requires.indicators": w("；本指标集的指标：{leaves}", "; indicators: {leaves}"),
    "requires_no_level": w(
        "`requires`：{node}没有等级，`min_level` 无法满足（只写编号即要求该指标得满分）",
        "requires: {node} never has a level, so `min_level` cannot hold (give the bare id to "
        "require full points)",
    ),
    "requires_level_unreachable": w(
        "`requires`：{node}要求等级 {level}，但其最高等级为 {top}",
        "requires: {node} needs level {level}, but its top level is {top}",
    ),
    # condition-unknown-node, condition-node-level, condition-no-levels
    "condition_unknown_node": w(
        "`{name}`：本指标集中没有节点 {node}{hint}",
        "{name}: no node {node} in this set{hint}",
    ),
    "condition_node_level": w(
        "`node_level`：{node}没有等级（等级来自 `level` 叶指标、带等级的 `bands` "
        "和带 `rank_levels` 的 `rank`）",
        "node_level: {node} never has a level (levels come from `level` leaves, `bands` with "
        "levels and `rank` with rank_levels)",
    ),
    "condition_no_levels": w(
        "`{name}`：本指标集没有带等级的基本项叶指标，此条件永远不成立",
        "{name}: the set has no levelled core leaves, so this condition never holds",
    ),
    # bonus-cap-unused, rollup-sum, consolidation-lead
    "bonus_cap_unused": w(
        "设定了 `bonus_cap`，但本指标集没有加分项",
        "bonus_cap is set but the set has no bonus nodes",
    ),
    "rollup_sum": w(
        "`rollup: sum` 将各期得分相加，汇总后的总分可能超过 `full_score`，"
        "并照此与各等级的 `min_score` 比较",
        "rollup: sum adds the periods' points up, so a rolled-up total can exceed full_score "
        "and is compared with the grades' min_score as such",
    ),
    "consolidation_lead": w(
        "`consolidation` 的方法为 `lead` 时须设定 `lead:`（牵头评估人），除非工作区已指定",
        "consolidation: method lead needs `lead:` (the lead evaluator), unless the workspace "
        "names one",
    ),
    # rollup-sum-mixed, rank-points-order
    "rollup_sum_mixed": w(
        "`rollup: {{method: sum}}` 将各期得分相加，不能与指标自身的 `rollup` 键（{ids}）同时使用；"
        "请改为给按期计分的指标设定 `rollup: sum`",
        "rollup: {{method: sum}} adds the periods' points, which cannot be combined with "
        "indicators' own `rollup` keys ({ids}); give `rollup: sum` to the indicators that "
        "count per period instead",
    ),
    "rank_points_order.table": w(
        "`rank_points`：分值表在第 {rank} 名处上升（{previous} 之后为 {points}）；"
        "名次越靠后，得分通常越少",
        "rank_points: the table rises at rank {rank} ({points} after {previous}); a lower "
        "rank normally gets fewer points",
    ),
    "rank_points_order.rest": w(
        "`rank_points`：`rest` 为 {rest}，高于分值表的最后一项 {last}",
        "rank_points: `rest` {rest} is more than the table's last {last}",
    ),
    # rollup-not-number, pro-rata-rollup
    "rollup_not_number": w(
        "{node}是 `{method}` 叶指标：`rollup: {rollup}` 无法对其填报值求和或求平均，"
        "因此改为合并其得分（以满分为上限）；如需保留某一期的填报值，请使用 `last`、`max` 或 `min`",
        "{node} is a `{method}` leaf: rollup {rollup} cannot add or average its entries, so "
        "its points are combined instead (capped at its maximum); use last, max or min to "
        "keep one period's entry",
    ),
    "pro_rata_rollup.own": w(
        "{node}设有{term}目标（`pro_rata`），按累计值评判；但其汇总方式为 `{how}`，"
        "月度或年度因此不按最新累计值评判：请加上 `rollup: last`",
        "{node} has a {term} target (`pro_rata`), which judges a running total; it rolls up "
        "by {how}, so a month or the year is not judged on the latest total: add "
        "`rollup: last`",
    ),
    "pro_rata_rollup.set": w(
        "{node}设有{term}目标（`pro_rata`），按累计值评判；但其汇总方式为 `{how}`"
        "（指标集的 `rollup`），月度或年度因此不按最新累计值评判：请加上 `rollup: last`",
        "{node} has a {term} target (`pro_rata`), which judges a running total; it rolls up "
        "by {how} (the set's rollup), so a month or the year is not judged on the latest "
        "total: add `rollup: last`",
    ),
    # source-missing, source-for-unknown, source-number (loader/lint_sources.py)
    "source_missing": w(
        "{node}是内置指标，但没有 `source`（其自身和上级指标组均未设定）："
        "请给出 `{{doc, quote, for}}` 或 `{{doc: {illustrative}, why}}`",
        "{node} is a bundled indicator without `source` (on it or a group above it): give "
        "{{doc, quote, for}} or {{doc: {illustrative}, why}}",
    ),
    "source_for_unknown": w(
        "{node}：`source` 的 `for: [{key}]` 指向了该节点未设定的键；其已设定的键：{keys}",
        "{node}: source `for: [{key}]` names a key the node does not set; its keys: {keys}",
    ),
    "source_number": w(
        "{node}：`{key}` {value} 据称出自引文，但引文中没有 {value}：{quote}",
        "{node}: {key} {value} is said to come from the quote, but the quote has no {value}: "
        "{quote}",
    ),
    # the indicator-set model's refusals (model/indicator_set.py), shown with their place
    "set.input_range": w(
        "`min`（{min}）大于 `max`（{max}）",
        "min ({min}) is greater than max ({max})",
    ),
    "set.source_needs_why": w(
        "`doc: {illustrative}` 须有 `why`：说明为什么没有出处",
        "`doc: {illustrative}` needs `why`: say why there is no source",
    ),
    "set.source_needs_quote": w(
        "出处（{doc}）须有 `quote`：所依据的原文语句",
        "a source ({doc}) needs `quote`: the sentence it says",
    ),
    "set.source_for_unknown": w(
        "`for` 中的 {unknown} 不是可用的键；可用：{allowed}",
        "`for` names {unknown}; allowed: {allowed}",
    ),
    "set.points_or_share": w(
        "`points` 与 `share` 只能设定其一",
        "give `points` or `share`, not both",
    ),
    "set.inputs_need_value": w(
        "命名的 `inputs` 须有一个组合它们的 `value` 公式",
        "named `inputs` need a `value` formula that combines them",
    ),
    "set.value_needs_inputs": w(
        "`value` 公式须有命名的 `inputs`",
        "a `value` formula needs named `inputs`",
    ),
    "set.input_or_inputs": w(
        "`input`（单个值）与带 `value` 的 `inputs` 只能设定其一",
        "give `input` (one value) or `inputs` with `value`, not both",
    ),
    "set.not_percentage": w(
        "{value} 不是百分比（如 20%）",
        "{value} is not a percentage such as 20%",
    ),
    "set.days_no_schedule": w(
        "`by: days` 不带 `schedule`",
        "`by: days` takes no `schedule`",
    ),
    "set.schedule_needed": w(
        "`by: schedule` 须有 `schedule: {example}`",
        "`by: schedule` needs `schedule: {example}`",
    ),
    "set.schedule_december": w(
        "进度安排须写明 12 月底应完成的比例（如 `12: 100%`）",
        "a schedule must say what is due by December (e.g. `12: 100%`)",
    ),
    "set.schedule_falls": w(
        "进度安排从 {a}%（{m0} 月）降到 {b}%（{m1} 月）",
        "the schedule falls from {a}% (month {m0}) to {b}% (month {m1})",
    ),
    "set.pro_rata_target": w(
        "`pro_rata` 按进度折算应达到的目标，须为 `direction: higher`",
        "`pro_rata` scales a target to reach; it needs direction higher",
    ),
    "set.pro_rata_thresholds": w(
        "`pro_rata` 按进度折算应达到的阈值，须为 `direction: higher`",
        "`pro_rata` scales thresholds to reach; it needs direction higher",
    ),
    "set.lower_needs_baseline": w(
        "`direction: lower` 须有 `baseline`（得 0 分的值）",
        "`direction: lower` needs a `baseline` (the value that scores 0)",
    ),
    "set.baseline_is_target": w(
        "`baseline` 与 `target` 不能相同",
        "`baseline` and `target` must differ",
    ),
    "set.band_one_bound": w(
        "每个区间须有且只有 `min`、`above`（方向 `higher`）或 `max`、`below`（方向 `lower`）"
        "中的一个；实际为 {given}",
        "a band needs exactly one of `min`, `above` (direction higher) or `max`, `below` "
        "(direction lower); got {given}",
    ),
    "set.rank_one_of": w(
        "`rank_scores`、`step`、`scheme` 只能选其一；实际为 {chosen}",
        "choose one of rank_scores, step or scheme; got {chosen}",
    ),
    "set.disagreement": w(
        "`disagreement` 须为分数或百分比（如 '20%'）",
        "disagreement is a number of points or a percentage such as '20%'",
    ),
    # the formula language (model/formula.py)
    "formula.missing_input": w("缺少输入项 {names}", "missing input {names}"),
    "formula.division_by_zero": w("{formula} 中除数为 0", "division by zero in {formula}"),
    "formula.invalid": w(
        "无法计算 {formula}（0/0 或无效运算）",
        "cannot compute {formula} (0/0 or invalid operation)",
    ),
    "formula.too_many_chars": w(
        "公式 {formula} 过长：{length} 个字符，最多 {limit} 个",
        "formula {formula} is too long: {length} characters, at most {limit}",
    ),
    "formula.too_many_tokens": w(
        "公式 {formula} 过长：数字、名称和运算符超过 {limit} 个；请拆分为多个输入项",
        "formula {formula} is too long: more than {limit} numbers, names and operators; split "
        "it into inputs",
    ),
    "formula.too_deep": w(
        "公式 {formula} 嵌套过深：括号、函数调用或正负号超过 {limit} 层",
        "formula {formula} is nested too deeply: more than {limit} levels of parentheses, "
        "function calls or signs",
    ),
    "formula.bad_character": w(
        "公式 {formula} 的第 {column} 个字符 {bad} 不可用；可用：数字、输入项名称、`+ - * / ( )`、"
        "比较运算、`and` `or` `not`、`min` `max` `abs` `round` `if`",
        "unexpected {bad} at character {column} of formula {formula}; allowed: numbers, input "
        "names, + - * / ( ), comparisons, and or not, min max abs round if",
    ),
    "formula.unexpected": w(
        "{formula} 的第 {column} 个字符处不应出现 {token}",
        "unexpected {token} at character {column} of {formula}",
    ),
    "formula.expected": w(
        "{formula} 的第 {column} 个字符处应为 {token}",
        "expected {token} at character {column} of {formula}",
    ),
    "formula.ends_early": w("公式 {formula} 不完整", "formula {formula} ends too early"),
    "formula.empty": w("公式为空", "empty formula"),
    "formula.needs_arguments": w(
        "{formula} 中的函数 {name} 须在 `( )` 中给出参数",
        "function {name} needs arguments in ( ) in {formula}",
    ),
    "formula.unknown_function": w(
        "{formula} 中的函数 {name} 不存在；可用：{allowed}",
        "unknown function {name} in {formula}; allowed: {allowed}",
    ),
    "formula.arity": w(
        "{formula} 中的 {name}() 需要 {want} 个参数，实际为 {got} 个",
        "{name}() takes {want} arguments, got {got} in {formula}",
    ),
    # what any value may be (model/limits.py)
    "limit.not_finite": w("不是有限数值", "not a finite number"),
    "limit.too_large": w(
        "数值过大：须在 -10^15 与 10^15 之间",
        "too large: numbers must be between -10^15 and 10^15",
    ),
    "limit.too_precise": w(
        "精度过高：最多 {decimals} 位小数",
        "too precise: at most {decimals} decimal places",
    ),
    "limit.too_long": w(
        "过长：{length} 个字符，最多 {limit} 个",
        "too long: {length} characters, at most {limit}",
    ),
    "limit.control": w("含有控制字符", "contains control characters"),
    "limit.control_in_note": w(
        "含有控制字符（只允许换行符和制表符）",
        "contains control characters (only new lines and tabs)",
    ),
    "limit.id_empty": w("为空：编号至少须有一个字符", "empty: an id needs at least one character"),
    "limit.id_spaces": w("首尾有空格", "starts or ends with spaces"),
    "limit.evidence": w(
        "佐证材料须为 `http(s)` 网址，或工作区内的相对路径",
        "evidence is an http(s) link or a path relative to the workspace, inside it",
    ),
    "limit.region_id": w("地区编号 {id}：{problem}", "region id {id}: {problem}"),
    "limit.name": w("{value}：{problem}", "{value}: {problem}"),
    # the last check before the store (model/gate.py): what cannot be stored, and why
    "gate.not_a_value": w("{type} 类型不是数值", "{type} is not a value"),
    "gate.not_text": w("不是文字", "not text"),
    "gate.value": w("数值 {problem}", "value {problem}"),
    "gate.input_name": w("输入项名称 {name}：{problem}", "input name {name}: {problem}"),
    "gate.input": w("输入项 {name}：{problem}", "input {name}: {problem}"),
    "gate.comment": w("备注 {comment}：{problem}", "comment {comment}: {problem}"),
    "gate.evidence_count": w(
        "佐证材料 {count} 项，最多 {limit} 项", "{count} evidence items; at most {limit}"
    ),
    "gate.evidence": w("佐证材料 {item}：{problem}", "evidence {item}: {problem}"),
    "gate.set_id": w("指标集编号 {id}：{problem}", "set id {id}: {problem}"),
    "gate.region_id": w("地区编号 {id}：{problem}", "region id {id}: {problem}"),
    "gate.evaluator": w("评估人 {id}：{problem}", "evaluator {id}: {problem}"),
    "gate.indicator_id": w("指标编号 {id}：{problem}", "indicator id {id}: {problem}"),
    "gate.period_written": w(
        "评价期 {period} 应写作 {canonical}", "period {period} is not written as {canonical}"
    ),
    "gate.period_kind": w(
        "评价期 {period} 不是工作区设定的 `period_kind`（{kind}）",
        "period {period} is not a {kind}, the workspace's period_kind",
    ),
}
