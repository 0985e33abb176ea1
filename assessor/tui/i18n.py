"""Interface strings in Chinese (default) and English."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "quit": "退出", "back": "返回", "open": "打开", "next": "下一个未评", "na": "不适用", "undo": "撤销",
        "refresh": "刷新", "region": "地区", "status": "状态", "done": "完整度", "total": "总分", "rating": "评级",
        "rank": "排名", "provisional": "暂定", "value": "填报值", "comment": "备注", "criteria": "评分标准",
        "guidance": "填报说明", "explain": "得分说明", "saved": "已保存", "invalid": "未保存：", "conflict": "冲突：",
        "final": "已定稿，只读", "no_rating": "无评级", "period": "评价期", "choose_leaf": "在左侧选择一个指标",
        "group": "指标组", "home_title": "评估总览", "level_keys": "数字键 0-5 选择等级", "evaluator": "评估人",
        "all_done": "全部指标已评分", "veto": "一票否决", "loading": "正在读取并计算工作区…",
    },
    "en": {
        "quit": "Quit", "back": "Back", "open": "Open", "next": "Next unscored", "na": "N/A", "undo": "Undo",
        "refresh": "Refresh", "region": "Region", "status": "Status", "done": "Done", "total": "Total",
        "rating": "Rating", "rank": "Rank", "provisional": "provisional", "value": "Value", "comment": "Comment",
        "criteria": "Criteria", "guidance": "Guidance", "explain": "Explanation", "saved": "saved",
        "invalid": "not saved: ", "conflict": "conflict: ", "final": "final, read-only", "no_rating": "no rating",
        "period": "Period", "choose_leaf": "choose an indicator on the left", "group": "group",
        "home_title": "Campaign", "level_keys": "keys 0-5 choose the level", "evaluator": "Evaluator",
        "all_done": "every indicator is scored", "veto": "veto", "loading": "reading and scoring the workspace…",
    },
}  # fmt: skip


def t(lang: str, key: str) -> str:
    return STRINGS.get(lang, STRINGS["zh"]).get(key, key)
