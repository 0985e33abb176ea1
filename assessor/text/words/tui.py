"""The terminal UI's words: labels, footer keys, notices (looked up as ``tui.<key>``).

Binding descriptions are keys here too (Textual's own "Focus Next" …), so the footer speaks the
interface language (assessor.tui.i18n.localize_bindings).
"""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    "Focus Next": w("焦点移到下一处", "Focus Next"),
    "Focus Previous": w("焦点移到上一处", "Focus Previous"),
    "Copy selected text": w("复制选中的文字", "Copy selected text"),
    "open_region": w("打开地区", "open region"),
    "palette_search": w(
        "搜索命令或地区（名称、编号、拼音首字母）…",
        "Search commands or regions (name, code, pinyin initials)…",
    ),
    "theme_search": w("搜索配色主题…", "Search for themes…"),
    "quit": w("退出", "Quit"),
    "back": w("返回", "Back"),
    "open": w("打开", "Open"),
    "next": w("下一个未评", "Next unscored"),
    "na": w("不适用", "N/A"),
    "undo": w("撤销", "Undo"),
    "refresh": w("刷新", "Refresh"),
    "region": w("地区", "Region"),
    "status": w("状态", "Status"),
    "done": w("完整度", "Done"),
    "total": w("总分", "Total"),
    "rating": w("评级", "Rating"),
    "rank": w("排名", "Rank"),
    "provisional": w("暂定", "provisional"),
    "value": w("填报值", "Value"),
    "comment": w("备注", "Comment"),
    "criteria": w("评分标准", "Criteria"),
    "guidance": w("填报说明", "Guidance"),
    "explain": w("得分说明", "Explanation"),
    "saved": w("已保存", "saved"),
    "invalid": w("未保存：", "not saved: "),
    "na_not_optional": w(
        "不能标为不适用：本指标未标记 optional（可选）",
        "cannot be marked n/a: the indicator is not optional",
    ),
    "conflict": w("冲突：", "conflict: "),
    "final": w("已定稿，只读", "final, read-only"),
    "final_reopen": w(
        "已定稿（只读）；如需修改，请先用 assessor set-status 地区 draft --reason 原因 重新打开",
        "is final (read-only); reopen it first with assessor set-status REGION draft --reason WHY",
    ),
    "no_rating": w("无评级", "no rating"),
    "period": w("评价期", "Period"),
    "choose_leaf": w("在左侧选择一个指标", "choose an indicator on the left"),
    "group": w("分组", "Group"),
    "home_title": w("评估总览", "Campaign"),
    "level_keys": w("数字键 0-5 选择等级", "keys 0-5 choose the level"),
    "evaluator": w("评估人", "Evaluator"),
    "all_done": w("你已填报本地区全部指标", "you have entered every indicator of this region"),
    "veto": w("一票否决", "veto"),
    "loading": w("正在读取并计算工作区…", "reading and scoring the workspace…"),
    "edit_yaml": w("编辑", "Edit"),
    "reload_set": w("重新载入", "Reload"),
    "file": w("文件", "file"),
    "points": w("分值", "points"),
    "kind": w("类型", "kind"),
    "method": w("方法", "method"),
    "optional": w("可不适用", "may be N/A"),
    "evidence_required": w("须附佐证材料", "evidence required"),
    "lint_kept": w(
        "指标体系文件有错误，仍使用上次载入的版本：",
        "the set file has errors; the set loaded before stays in use:",
    ),
    "set_copied": w("已复制到工作区以便编辑：", "copied into the workspace for editing: "),
    "set_reloaded": w("指标体系已重新载入并重新计分", "set reloaded and rescored"),
    "indicator_set": w("指标体系", "Indicator set"),
    "ranking": w("排名", "Ranking"),
    "reports": w("报告", "Reports"),
    "gap": w("升级路径", "Gap"),
    "previous": w("沿用上期", "Last period"),
    "palette": w("命令", "Palette"),
    "tasks": w("任务进度", "Tasks"),
    "theme": w("主题", "Theme"),
    "theme_help": w("更换配色主题", "Change the colour theme"),
    "quit_help": w("退出（所有修改均已保存）", "Quit (every change is saved)"),
    "keys": w("按键", "Keys"),
    "keys_help": w("显示当前可用的按键", "Show the keys available here"),
    "keys_hide": w("隐藏按键说明", "Hide the keys panel"),
    "screenshot": w("截图", "Screenshot"),
    "screenshot_help": w("将当前画面保存为 SVG", "Save the screen as SVG"),
    "redo": w("重做", "Redo"),
    "search": w("查找", "Find"),
    "evidence": w("佐证", "Evidence"),
    "nothing_to_undo": w("没有可撤销/重做的修改", "nothing to undo or redo"),
    "search_hint": w(
        "输入编号、名称或拼音首字母（如 zhwl）",
        "type an id, part of a name or pinyin initials (zhwl)",
    ),
    "refreshed": w(
        "已刷新：显示所有评估人的最新填报", "refreshed: every evaluator's latest entries"
    ),
    "conflict_by": w(
        "冲突：{who} 已将该指标改为 {value}，你的修改未保存、未覆盖对方；按 r 刷新后再填",
        "conflict: {who} changed this to {value}; yours was not saved and theirs is kept; press r to refresh",
    ),
    "evidence_ask": w(
        "佐证材料：工作区内的文件路径（相对于 {folder}）或网址",
        "Evidence: a file inside the workspace (relative to {folder}) or a URL",
    ),
    "evaluators": w("评估人", "Evaluators"),
    "attention": w("待处理", "Attention"),
    "filter": w("筛选", "Filter"),
    "filter_hint": w(
        "按名称、编码、拼音首字母或分组筛选；回车返回表格",
        "filter by name, code, pinyin initials or group; Enter returns to the table",
    ),
    "period_prev": w("上一期", "Prev period"),
    "period_next": w("下一期", "Next period"),
    "complete": w("已完成", "complete"),
    "showing": w("显示", "showing"),
    "kinds": w("类别", "Kinds"),
    "kind_next": w("切换类别", "Next kind"),
    "needs_attention": w("需要处理", "Needs attention"),
    "attention_line": w(
        "未评分 {unscored} 项 · 评估人分歧 {disagreements} 项 · 缺佐证 {evidence} 项 · 错误 {errors} 项（涉及 {regions} 个地区；a 只看这些地区）",
        "{unscored} unscored · {disagreements} disagreements · {evidence} missing evidence · {errors} errors (in {regions} regions; a shows only those)",
    ),
    "region_help": w(
        "↑↓ 选择指标，回车填写数值；回车、Tab 或离开输入框即保存，Esc 还原；等级指标可直接按数字键。\nn 下一个未评  d 下一个分歧  m 下一个缺佐证  / 查找（编号、名称、拼音首字母）  x 不适用  u 撤销  y 重做\ne 添加佐证  p 沿用上期  g 升级路径  w 提交/审核/定稿  r 刷新  F1 按键说明  Esc 返回",
        "Up/Down choose an indicator, Enter types its value; Enter, Tab or leaving the input stores it, Esc puts back what is stored; digit keys choose a level.\nn next unscored  d next disagreement  m next missing evidence  / find  x N/A  u undo  y redo\ne add evidence  p last period's value  g gap  w submit/review/finalise  r refresh  F1 keys  Esc back",
    ),
    "fill_all": w("填完所有输入后保存", "fill in every input to store it"),
    "not_yet_saved": w(
        "未保存：回车保存，Esc 还原（页头为预览）",
        "not stored yet: Enter stores, Esc puts back (the header is a preview)",
    ),
    "restored": w("已还原为已保存的值", "put back what is stored"),
    "value_first": w(
        "请先填写数值，备注随数值一起保存", "enter a value first; the comment is stored with it"
    ),
    "preview": w("预览（未保存）", "preview (not stored)"),
    "indicator": w("指标", "Indicator"),
    "raise": w("可提升", "Raise"),
    "reach": w("需达到", "Reach"),
    "computing": w("正在计算…", "computing…"),
    "no_gap": w("该地区没有结果", "no result for this region"),
    "report_kind": w("报告类型", "Report type"),
    "report_regions": w("地区（空格选择；Ctrl+A 全选）", "Regions (Space selects; Ctrl+A all)"),
    "render": w("生成 PDF", "Render PDF"),
    "report_county": w("地区评估报告（所选地区）", "County report (the regions chosen)"),
    "report_ranking": w("排名报告", "Ranking report"),
    "report_bulletin": w("通报", "Bulletin"),
    "rendering": w("正在生成…", "rendering…"),
    "select_all": w("全选", "All"),
    "bundled": w(
        "内置指标体系（按 e 复制到工作区后编辑）",
        "bundled set (e copies it into the workspace to edit)",
    ),
    "sort": w("排序", "Sort"),
    "group_filter": w("分组", "Group"),
    "move": w("升降", "Move"),
    "delta": w("分差", "Change"),
    "group_rank": w("组内", "In group"),
    "all_groups": w("全部", "all"),
    "sorted_by": w("排序", "sorted by"),
    "compared_with": w("对比", "compared with"),
    "help": w("帮助", "Help"),
    "keys_title": w("本画面的按键", "Keys on this screen"),
    "clear_filter": w("清除筛选", "Clear filter"),
    "workflow": w("提交/审核/定稿", "Submit/review/final"),
    "load_failed": w("工作区未能载入（见下方问题）", "the workspace did not load (problems below)"),
    "load_fix": w(
        "e 编辑指标体系文件（定位到出错行）  l 修正后重新载入  Ctrl+Q 退出",
        "e edit the set file (at the line)  l reload once fixed  Ctrl+Q quit",
    ),
    "edit_set_help": w(
        "在编辑器中打开出错的指标体系文件，定位到出错行",
        "open the set file in your editor at the problem's line",
    ),
    "reload_set_help": w("修正后重新读取工作区", "read the workspace again once fixed"),
    "period_empty": w("评价期 {period} 还没有任何填报", "period {period} has no entries yet"),
    "one_period": w("只有一个评价期（{period}）", "there is only one period ({period})"),
    "first_period": w("已是最早的评价期", "this is the earliest period"),
    "last_period": w("已是最新的评价期", "this is the latest period"),
    "screenshot_saved": w("截图已保存：", "screenshot saved: "),
    "to_draft": w("退回/重新打开", "Send back / reopen"),
    "to_submitted": w("提交", "Submit"),
    "to_reviewed": w("审核通过", "Approve review"),
    "to_final": w("定稿", "Finalise"),
    "reason_needed": w("须说明原因", "needs a reason"),
    "reason_ask": w(
        "{region}：从“{old}”改为“{new}”的原因（记入审计日志）",
        "{region}: why from '{old}' to '{new}' (goes in the audit log)",
    ),
    "reason_missing": w("未填写原因，状态未改变", "no reason given; the status is unchanged"),
    "next_disagreement": w("下一个分歧", "Next disagreement"),
    "next_evidence": w("下一个缺佐证", "Next missing evidence"),
    "no_disagreement": w(
        "本地区没有评估人分歧的指标", "no indicator of this region has evaluators disagreeing"
    ),
    "no_missing_evidence": w(
        "本地区没有缺佐证的指标", "no indicator of this region misses evidence"
    ),
    "level": w("选择等级并转到下一项", "choose a level and move on"),
    "enter_value": w(
        "回车：保存并转到下一个未评指标（公式指标：下一个输入框）",
        "Enter: store and go to the next indicator not entered (formula: the next input)",
    ),
    "esc_value": w(
        "Esc：还原为已保存的值；再按一次回到指标树",
        "Esc: put back what is stored; again: back to the tree",
    ),
    "tab_value": w(
        "Tab：保存并移到下一个输入框 / 备注", "Tab: store and move to the next input / the comment"
    ),
    "db_down": w(
        "数据库暂不可用，未保存；输入已保留，恢复后按回车重试：",
        "not saved, the database cannot be reached; your value is kept, press Enter to retry once it is back: ",
    ),
    "db_down_note": w("数据库不可用", "database unavailable"),
    "db_back": w(
        "数据库已恢复，正在读取最新填报", "the database is back; reading the latest entries"
    ),
    "stale_note": w("他人有新修改，正在刷新…", "others changed entries, refreshing…"),
    "db_retry": w(
        "数据库暂不可用，{seconds} 秒后自动重试（r 立即重试）",
        "the database cannot be reached; retrying in {seconds} s (r to retry now)",
    ),
    # the panel-agreement screen (tui/screens/agreement.py)
    "agreement.title": w("评审组一致性", "Panel agreement"),
    "agreement.indicator": w("指标", "Indicator"),
    "agreement.statistic": w("系数", "Statistic"),
    "agreement.value": w("值", "Value"),
    "agreement.level": w("程度", "Level"),
    "agreement.subjects": w("地区数", "Regions"),
    "agreement.overall": w("总分", "Totals"),
    "agreement.computing": w("正在计算…", "computing…"),
    "agreement.alone": w(
        "评估人不足 2 名，无法计算一致性", "fewer than 2 evaluators: no agreement to compute"
    ),
    "agreement.help": w(
        "Kendall W 与 ICC(2,1)，分歧最大的在前", "Kendall's W and ICC(2,1), least agreed first"
    ),
    "agreement.evaluators": w("评估人", "evaluators"),
    "history": w("修改记录", "History"),
    "no_previous": w("上期无此指标的填报", "no entry last period"),
    "department": w("责任部门", "Department"),
    "data_source": w("数据来源", "Data source"),
    # one unit's tasks with deadlines (tui/screens/tasks.py)
    "tasks.id": w("编号", "Id"),
    "tasks.name": w("任务", "Task"),
    "tasks.category": w("类别", "Category"),
    "tasks.deadline": w("截止", "Deadline"),
    "tasks.planned": w("序时", "Planned"),
    "tasks.actual": w("实际", "Actual"),
    "tasks.status": w("状态", "Status"),
    "tasks.reading": w("读取任务…", "reading the tasks…"),
    "tasks.value_hint": w("60 / 方案印发；平台上线 / 完成", "60 / milestone; milestone / done"),
    "tasks.head": w("{name}（{unit}）  截至 {on}", "{name} ({unit})  as of {on}"),
    "tasks.share": w(
        "按时序推进（含已完成）占比 {share}%", "on schedule (done included): {share}%"
    ),
    "tasks.milestones": w("；节点：{steps}", "; milestones: {steps}"),
    "tasks.milestone": w("{name}（{due}，{share}%）", "{name} ({due}, {share}%)"),
    "tasks.preview": w("预览：", "Preview: "),
    "tasks.enter_stores": w("（Enter 保存）", " (Enter stores it)"),
    "tasks.stored": w(
        "已保存：{unit} {task} {on}（版本 {version}）",
        "saved: {unit} {task} {on} (version {version})",
    ),
    "tasks.empty": w("（空）", "(empty)"),
    "tasks.bad_date": w("{text}：日期写作 2023-08-11", "{text}: write the date as 2023-08-11"),
    "tasks.ask": w(
        "输入完成百分比（0-100）、已达成节点名称或“完成”",
        "type the percentage done (0-100), the milestones reached or “done”",
    ),
    "tasks.bad_percent": w(
        "{text}：百分比应在 0 到 100 之间", "{text}: a percentage is between 0 and 100"
    ),
    "tasks.no_milestones": w(
        "（本任务无节点，请输入百分比）", "(this task has no milestones: type a percentage)"
    ),
    "tasks.unknown_milestone": w(
        "没有节点“{unknown}”；可选节点：{allowed}",
        "no milestone “{unknown}”; the milestones are: {allowed}",
    ),
    "stage": w("切换阶段", "Next stage"),
    "quit_how": w("按 {key} 退出", "Press {key} to quit"),
    "quit_title": w("要退出吗？", "Do you want to quit?"),
    "command_search": w("搜索命令…", "Search for commands…"),
    "crash": w(
        "assessor 意外中止：{what}\n已保存的数据不受影响。完整错误记录：{log}",
        "assessor stopped unexpectedly: {what}\nSaved entries are not affected. Full report: {log}",
    ),
    "crash_unknown": w("未知错误", "unknown error"),
    "not_judged": w("未审", "not judged"),
    # roll-ups and rank points (periods of several lengths)
    "period_length": w("周/月/季/年", "week/month/year"),
    "rolled_up": w("汇总自 {n} {unit}", "rolled up from {n} {unit}"),
    "read_only": w("只读", "read-only"),
    "unit_week": w("周", "weeks"),
    "unit_month": w("个月", "months"),
    "unit_quarter": w("个季度", "quarters"),
    "rolled_up_help": w(
        "{period} 由其中各期的填报汇总计算，不直接填报；在各周中填报",
        "{period} is computed from the entries of the periods inside it, not typed in; enter values in the weeks",
    ),
    "one_length": w(
        "本工作区只有一种周期，无法汇总",
        "this workspace has periods of one length only: nothing to roll up",
    ),
    "rank_pts": w("排名得分", "rank pts"),
    "rank_points_rule": w("排名得分：{rule}", "rank points: {rule}"),
    "rolled_up_refused": w(
        "{period} 汇总自 {n} 期（{first} … {last}），只读；请在各期中填报",
        "{period} is rolled up from {n} periods ({first} … {last}) and read-only; "
        "enter values in those periods",
    ),
    # a reviewer changing what the stage before gave an indicator (screens/region.py _decide)
    "change_reason_ask": w(
        "{leaf}：{stage}的值为 {before}，改为 {after}。请说明理由（与数值一并保存，记入审计日志和报告）",
        "{leaf}: {stage} gave {before}; you change it to {after}. Why? "
        "(stored with the value, in the audit log and the report)",
    ),
    "change_reason_missing": w(
        "{leaf} 未保存：修改{stage}的值须说明理由（回车后填写理由；Esc 还原）",
        "{leaf} not saved: changing the value of {stage} needs a reason "
        "(Enter, then the reason; Esc puts it back)",
    ),
    # refusals of the TUI (tui/app.py, tui/session.py, tui/widgets/verdict.py)
    "unknown_evaluator": w(
        "`--evaluator` {name}：不是本工作区的评估人；已有评估人：{known}"
        "（如需使用，请把该名字加到 `evaluators:` 下）",
        "--evaluator {name}: not an evaluator of this workspace; known: {known} "
        "(add the name under `evaluators:` to use it)",
    ),
    "unforeseen": w("意外错误（{kind}）：{detail}", "{kind}: {detail}"),
    "leaf_na_not_optional": w(
        "{leaf} 不能标为不适用：本指标未标记 optional（可选）",
        "{leaf} cannot be marked n/a: the indicator is not optional",
    ),
    "verdict_form": w(
        "请输入 编号 结论 理由，编号为 1–{count}：{answer}",
        "type NUMBER VERDICT REASON, NUMBER 1–{count}: {answer}",
    ),
    "verdict_word": w("{word}：结论只能是 {allowed}", "{word}: allowed {allowed}"),
}
