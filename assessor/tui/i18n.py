"""Interface strings in Chinese (default) and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.dom import DOMNode

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        # Textual's own bindings (Screen: tab, shift+tab, ctrl+c), keyed by their description
        "Focus Next": "焦点移到下一处", "Focus Previous": "焦点移到上一处", "Copy selected text": "复制选中的文字",
        "open_region": "打开地区", "palette_search": "搜索命令或地区（名称、编号、拼音首字母）…",
        "theme_search": "搜索配色主题…",
        "quit": "退出", "back": "返回", "open": "打开", "next": "下一个未评", "na": "不适用", "undo": "撤销",
        "refresh": "刷新", "region": "地区", "status": "状态", "done": "完整度", "total": "总分", "rating": "评级",
        "rank": "排名", "provisional": "暂定", "value": "填报值", "comment": "备注", "criteria": "评分标准",
        "guidance": "填报说明", "explain": "得分说明", "saved": "已保存", "invalid": "未保存：", "na_not_optional": "不能标为不适用：本指标未标记 optional（可选）", "conflict": "冲突：",
        "final": "已定稿，只读", "final_reopen": "已定稿（只读）；如需修改，请先用 assessor set-status 地区 draft --reason 原因 重新打开", "no_rating": "无评级", "period": "评价期", "choose_leaf": "在左侧选择一个指标",
        "group": "分组", "home_title": "评估总览", "level_keys": "数字键 0-5 选择等级", "evaluator": "评估人",
        "all_done": "你已填报本地区全部指标", "veto": "一票否决", "loading": "正在读取并计算工作区…",
        "edit_yaml": "编辑", "reload_set": "重新载入", "file": "文件", "points": "分值", "kind": "类型",
        "method": "方法", "optional": "可不适用", "evidence_required": "须附佐证材料",
        "lint_kept": "指标体系文件有错误，仍使用上次载入的版本：", "set_copied": "已复制到工作区以便编辑：",
        "set_reloaded": "指标体系已重新载入并重新计分", "indicator_set": "指标体系",
        "ranking": "排名", "reports": "报告", "gap": "升级路径", "previous": "沿用上期", "palette": "命令", "tasks": "任务进度",
        "theme": "主题", "theme_help": "更换配色主题", "quit_help": "退出（所有修改均已保存）",
        "keys": "按键", "keys_help": "显示当前可用的按键", "keys_hide": "隐藏按键说明",
        "screenshot": "截图", "screenshot_help": "将当前画面保存为 SVG",
        "redo": "重做", "search": "查找", "evidence": "佐证", "nothing_to_undo": "没有可撤销/重做的修改",
        "search_hint": "输入编号、名称或拼音首字母（如 zhwl）", "refreshed": "已刷新：显示所有评估人的最新填报",
        "conflict_by": "冲突：{who} 已将该指标改为 {value}，你的修改未保存、未覆盖对方；按 r 刷新后再填",
        "evidence_ask": "佐证材料：工作区内的文件路径（相对于 {folder}）或网址",
        "evaluators": "评估人", "attention": "待处理", "status_draft": "草稿", "status_submitted": "已提交",
        "status_reviewed": "已审核", "status_final": "已定稿", "filter": "筛选", "filter_hint": "按名称、编码、拼音首字母或分组筛选；回车返回表格",
        "period_prev": "上一期", "period_next": "下一期", "complete": "已完成", "showing": "显示",
        "kinds": "类别", "kind_next": "切换类别",
        "needs_attention": "需要处理",
        "attention_line": "未评分 {unscored} 项 · 评估人分歧 {disagreements} 项 · 缺佐证 {evidence} 项 · 错误 {errors} 项（涉及 {regions} 个地区；a 只看这些地区）",
        "region_help": "↑↓ 选择指标，回车填写数值；回车、Tab 或离开输入框即保存，Esc 还原；等级指标可直接按数字键。\n"
        "n 下一个未评  d 下一个分歧  m 下一个缺佐证  / 查找（编号、名称、拼音首字母）  x 不适用  u 撤销  y 重做\n"
        "e 添加佐证  p 沿用上期  g 升级路径  w 提交/审核/定稿  r 刷新  F1 按键说明  Esc 返回",
        "fill_all": "填完所有输入后保存", "not_yet_saved": "未保存：回车保存，Esc 还原（页头为预览）",
        "restored": "已还原为已保存的值", "value_first": "请先填写数值，备注随数值一起保存", "preview": "预览（未保存）",
        "indicator": "指标", "raise": "可提升", "reach": "需达到", "computing": "正在计算…",
        "no_gap": "该地区没有结果",
        "report_kind": "报告类型", "report_regions": "地区（空格选择；Ctrl+A 全选）", "render": "生成 PDF",
        "report_county": "地区评估报告（所选地区）", "report_ranking": "排名报告", "report_bulletin": "通报",
        "rendering": "正在生成…", "select_all": "全选",
        "bundled": "内置指标体系（按 e 复制到工作区后编辑）", "sort": "排序", "group_filter": "分组", "move": "升降", "delta": "分差", "group_rank": "组内",
        "all_groups": "全部", "sorted_by": "排序", "compared_with": "对比",
        "help": "帮助", "keys_title": "本画面的按键", "clear_filter": "清除筛选", "workflow": "提交/审核/定稿",
        "load_failed": "工作区未能载入（见下方问题）", "load_fix": "e 编辑指标体系文件（定位到出错行）  l 修正后重新载入  Ctrl+Q 退出",
        "edit_set_help": "在编辑器中打开出错的指标体系文件，定位到出错行", "reload_set_help": "修正后重新读取工作区",
        "period_empty": "评价期 {period} 还没有任何填报", "one_period": "只有一个评价期（{period}）",
        "first_period": "已是最早的评价期", "last_period": "已是最新的评价期",
        "screenshot_saved": "截图已保存：", "to_draft": "退回/重新打开", "to_submitted": "提交",
        "to_reviewed": "审核通过", "to_final": "定稿", "reason_needed": "须说明原因",
        "reason_ask": "{region}：从“{old}”改为“{new}”的原因（记入审计日志）", "reason_missing": "未填写原因，状态未改变",
        "next_disagreement": "下一个分歧", "next_evidence": "下一个缺佐证", "no_disagreement": "本地区没有评估人分歧的指标",
        "no_missing_evidence": "本地区没有缺佐证的指标", "level": "选择等级并转到下一项",
        "enter_value": "回车：保存并转到下一个未评指标（公式指标：下一个输入框）", "esc_value": "Esc：还原为已保存的值；再按一次回到指标树",
        "tab_value": "Tab：保存并移到下一个输入框 / 备注",
        "db_down": "数据库暂不可用，未保存；输入已保留，恢复后按回车重试：",
        "db_down_note": "数据库不可用", "db_back": "数据库已恢复，正在读取最新填报",
        "stale_note": "他人有新修改，正在刷新…", "db_retry": "数据库暂不可用，{seconds} 秒后自动重试（r 立即重试）",
        "change_reason_ask": "{leaf}：{stage}的值为 {before}，改为 {after}。请说明理由（与数值一并保存，记入审计日志和报告）",
        "change_reason_missing": "{leaf} 未保存：修改{stage}的值须说明理由（回车后填写理由；Esc 还原）",
    },
    "en": {
        "quit": "Quit", "back": "Back", "open": "Open", "next": "Next unscored", "na": "N/A", "undo": "Undo",
        "refresh": "Refresh", "region": "Region", "status": "Status", "done": "Done", "total": "Total",
        "rating": "Rating", "rank": "Rank", "provisional": "provisional", "value": "Value", "comment": "Comment",
        "criteria": "Criteria", "guidance": "Guidance", "explain": "Explanation", "saved": "saved",
        "invalid": "not saved: ", "na_not_optional": "cannot be marked n/a: the indicator is not optional", "conflict": "conflict: ", "final": "final, read-only", "final_reopen": "is final (read-only); reopen it first with assessor set-status REGION draft --reason WHY", "no_rating": "no rating",
        "period": "Period", "choose_leaf": "choose an indicator on the left", "group": "Group",
        "home_title": "Campaign", "level_keys": "keys 0-5 choose the level", "evaluator": "Evaluator",
        "all_done": "you have entered every indicator of this region", "veto": "veto", "loading": "reading and scoring the workspace…",
        "edit_yaml": "Edit", "reload_set": "Reload", "file": "file", "points": "points", "kind": "kind",
        "method": "method", "optional": "may be N/A", "evidence_required": "evidence required",
        "lint_kept": "the set file has errors; the set loaded before stays in use:",
        "set_copied": "copied into the workspace for editing: ", "set_reloaded": "set reloaded and rescored",
        "indicator_set": "Indicator set",
        "ranking": "Ranking", "reports": "Reports", "gap": "Gap", "previous": "Last period", "palette": "Palette", "tasks": "Tasks",
        "theme": "Theme", "theme_help": "Change the colour theme", "quit_help": "Quit (every change is saved)",
        "keys": "Keys", "keys_help": "Show the keys available here", "keys_hide": "Hide the keys panel",
        "screenshot": "Screenshot", "screenshot_help": "Save the screen as SVG",
        "redo": "Redo", "search": "Find", "evidence": "Evidence", "nothing_to_undo": "nothing to undo or redo",
        "search_hint": "type an id, part of a name or pinyin initials (zhwl)",
        "refreshed": "refreshed: every evaluator's latest entries",
        "conflict_by": "conflict: {who} changed this to {value}; yours was not saved and theirs is kept; press r to refresh",
        "evidence_ask": "Evidence: a file inside the workspace (relative to {folder}) or a URL",
        "evaluators": "Evaluators", "attention": "Attention", "status_draft": "draft",
        "status_submitted": "submitted", "status_reviewed": "reviewed", "status_final": "final", "filter": "Filter",
        "filter_hint": "filter by name, code, pinyin initials or group; Enter returns to the table",
        "period_prev": "Prev period", "period_next": "Next period", "complete": "complete", "showing": "showing",
        "kinds": "Kinds", "kind_next": "Next kind",
        "needs_attention": "Needs attention",
        "attention_line": "{unscored} unscored · {disagreements} disagreements · {evidence} missing evidence · {errors} errors (in {regions} regions; a shows only those)",
        "region_help": "Up/Down choose an indicator, Enter types its value; Enter, Tab or leaving the input "
        "stores it, Esc puts back what is stored; digit keys choose a level.\n"
        "n next unscored  d next disagreement  m next missing evidence  / find  x N/A  u undo  y redo\n"
        "e add evidence  p last period's value  g gap  w submit/review/finalise  r refresh  F1 keys  Esc back",
        "fill_all": "fill in every input to store it", "not_yet_saved": "not stored yet: Enter stores, Esc puts back (the header is a preview)",
        "restored": "put back what is stored", "value_first": "enter a value first; the comment is stored with it", "preview": "preview (not stored)",
        "indicator": "Indicator", "raise": "Raise", "reach": "Reach", "computing": "computing…",
        "no_gap": "no result for this region",
        "open_region": "open region", "palette_search": "Search commands or regions (name, code, pinyin initials)…",
        "theme_search": "Search for themes…",
        "report_kind": "Report type", "report_regions": "Regions (Space selects; Ctrl+A all)",
        "render": "Render PDF", "report_county": "County report (the regions chosen)",
        "report_ranking": "Ranking report", "report_bulletin": "Bulletin", "rendering": "rendering…",
        "select_all": "All",
        "bundled": "bundled set (e copies it into the workspace to edit)", "sort": "Sort", "group_filter": "Group", "move": "Move", "delta": "Change", "group_rank": "In group",
        "all_groups": "all", "sorted_by": "sorted by", "compared_with": "compared with",
        "help": "Help", "keys_title": "Keys on this screen", "clear_filter": "Clear filter", "workflow": "Submit/review/final",
        "load_failed": "the workspace did not load (problems below)", "load_fix": "e edit the set file (at the line)  l reload once fixed  Ctrl+Q quit",
        "edit_set_help": "open the set file in your editor at the problem's line", "reload_set_help": "read the workspace again once fixed",
        "period_empty": "period {period} has no entries yet", "one_period": "there is only one period ({period})",
        "first_period": "this is the earliest period", "last_period": "this is the latest period",
        "screenshot_saved": "screenshot saved: ", "to_draft": "Send back / reopen", "to_submitted": "Submit",
        "to_reviewed": "Approve review", "to_final": "Finalise", "reason_needed": "needs a reason",
        "reason_ask": "{region}: why from '{old}' to '{new}' (goes in the audit log)", "reason_missing": "no reason given; the status is unchanged",
        "next_disagreement": "Next disagreement", "next_evidence": "Next missing evidence", "no_disagreement": "no indicator of this region has evaluators disagreeing",
        "no_missing_evidence": "no indicator of this region misses evidence", "level": "choose a level and move on",
        "enter_value": "Enter: store and go to the next indicator not entered (formula: the next input)", "esc_value": "Esc: put back what is stored; again: back to the tree",
        "tab_value": "Tab: store and move to the next input / the comment",
        "db_down": "not saved, the database cannot be reached; your value is kept, press Enter to retry once it is back: ",
        "db_down_note": "database unavailable", "db_back": "the database is back; reading the latest entries",
        "stale_note": "others changed entries, refreshing…", "db_retry": "the database cannot be reached; retrying in {seconds} s (r to retry now)",
        "change_reason_ask": "{leaf}: {stage} gave {before}; you change it to {after}. Why? (stored with the value, in the audit log and the report)",
        "change_reason_missing": "{leaf} not saved: changing the value of {stage} needs a reason (Enter, then the reason; Esc puts it back)",
    },
}  # fmt: skip


def t(lang: str, key: str) -> str:
    return STRINGS.get(lang, STRINGS["zh"]).get(key, key)


def localize_bindings(node: DOMNode, lang: str | None = None) -> None:
    """Footer labels in the interface language: binding descriptions are keys of STRINGS.

    Bindings are class attributes, but each node holds its own copy (`_bindings`), so a
    screen rewrites its copy once when it is created; unknown descriptions stay as written.
    """
    from dataclasses import replace

    from textual._context import active_app

    if lang is None:
        lang = getattr(active_app.get(None), "lang", None) or "zh"
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=t(lang, b.description)) if b.description else b
                      for b in bindings]  # fmt: skip
