"""Where each indicator comes from, as the set view and the report appendix show it.

A node's sources are its own `source` entries plus those of the groups above it that have no
`for` (a group's source without `for` speaks for everything under it). Wording lives here once,
so the TUI and the reports print the same line.
"""

from __future__ import annotations

from typing import Any

from assessor.model.indicator_set import InnerNode, SourceRef, source_list

LABEL = {"zh": "出处", "en": "Source"}
ILLUSTRATIVE = {"zh": "示例", "en": "illustrative (示例)"}

FIELD_NAMES_ZH = {
    "name": "名称",
    "label": "名称",
    "stars": "星级",
    "points": "分值",
    "share": "权重",
    "target": "目标",
    "baseline": "基线",
    "bands": "档位",
    "levels": "等级",
    "options": "选项",
    "value": "公式",
    "inputs": "输入",
    "each": "每项分值",
    "rank_levels": "名次定级",
    "rank_scores": "名次得分",
    "rest": "名次得分",
    "min_score": "分数线",
    "when": "条件",
    "cap": "上限",
    "curve": "计分曲线",
    "base_points": "基础分",
    "per_unit": "每单位分值",
    "cap_points": "分值上限",
    "step": "每名次递减",
    "floor": "最低分",
    "input": "输入",
    "yes_score": "“是”的得分率",
    "no_score": "“否”的得分率",
    "effect": "否决后果",
    "score": "得分率",
    "min": "下限",
    "above": "高于",
    "max": "上限",
    "below": "低于",
    "pro_rata": "序时进度",
    "rollup": "汇总方式",
    "requires": "必达项",
    "indicator_level": "指标等级要求",
}


def effective_sources(tree: list[Any]) -> dict[str, list[SourceRef]]:
    """Every node's sources: its own, then its ancestors' whole-node ones (nearest first)."""
    out: dict[str, list[SourceRef]] = {}

    def visit(node: Any, inherited: list[SourceRef]) -> None:
        own = source_list(node.source)
        out[node.id] = own + inherited
        if isinstance(node, InnerNode):
            passed = [r for r in own if not r.for_] + inherited
            for child in node.children:
                visit(child, passed)

    for n in tree:
        visit(n, [])
    return out


def source_line(ref: SourceRef, lang: str = "zh") -> str:
    """One source as a reader sees it: 「quote」 and document, or 示例 and why; then what it backs."""
    zh = lang == "zh"
    keys = list(dict.fromkeys(FIELD_NAMES_ZH.get(k, k) if zh else k for k in ref.for_))
    if zh:
        backs, sep = (f"（{'、'.join(keys)}）" if keys else ""), "："
    else:
        backs, sep = (f" ({', '.join(keys)})" if keys else ""), ": "
    if ref.illustrative:
        return f"{ILLUSTRATIVE['zh' if zh else 'en']}{sep}{ref.why}{backs}"
    note = f"{'；' if zh else '; '}{ref.note}" if ref.note else ""
    return f"「{ref.quote}」— {ref.doc}{note}{backs}"
