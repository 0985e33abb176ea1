"""Words every area shares, under their own keys (no area prefix): one wording per meaning.

A leaf's status reads 未填报 in the report, in Excel, in `assessor explain` and on the screen
alike; a traffic light is 绿/黄/红 in the CLI, the tasks report and the progress report.
"""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    # a node's scoring status (model.results.NodeResult.status)
    "status.scored": w("已评分", "scored"),
    "status.unscored": w("未填报", "unscored"),
    "status.na": w("不适用", "n/a"),
    "status.error": w("错误", "error"),
    # a task's or a target's traffic light
    "light.green": w("绿", "green"),
    "light.yellow": w("黄", "yellow"),
    "light.red": w("红", "red"),
    # a region's place in the workflow (store: draft → submitted → reviewed → final)
    "workflow.draft": w("草稿", "draft"),
    "workflow.submitted": w("已提交", "submitted"),
    "workflow.reviewed": w("已审核", "reviewed"),
    "workflow.final": w("已定稿", "final"),
    # an indicator's kind (model: IndicatorKind)
    "kind.core": w("基本项", "core"),
    "kind.bonus": w("加分项", "bonus"),
    "kind.penalty": w("扣分项", "penalty"),
    "kind.veto": w("否决项", "veto"),
    # how several evaluators' entries become one (a set's `consolidation.method`)
    "consolidation.mean": w("算术平均", "mean"),
    "consolidation.median": w("中位数", "median"),
    "consolidation.trimmed_mean": w(
        "去掉一个最高分和一个最低分后平均", "trimmed mean (highest and lowest dropped)"
    ),
    "consolidation.lead": w("以牵头评估人为准", "the lead evaluator's"),
    # a star grade by number (三星级: the standard's own name of the grade)
    "stars.1": w("一星级", "1 star"),
    "stars.2": w("二星级", "2 stars"),
    "stars.3": w("三星级", "3 stars"),
    "stars.4": w("四星级", "4 stars"),
    "stars.5": w("五星级", "5 stars"),
    # punctuation that differs by language: Chinese text takes full-width marks
    "punct.colon": w("：", ": "),
    "punct.list": w("、", ", "),
    "punct.comma": w("，", ", "),
    "punct.semicolon": w("；", "; "),
    "punct.paren": w("（{text}）", " ({text})"),
    # what an audit record did (store: the audit log's `action`)
    "audit.set": w("填报", "set"),
    "audit.clear": w("清除", "clear"),
    "audit.import": w("导入", "import"),
    "audit.na": w("标为不适用", "marked n/a"),
    "audit.status": w("状态变更", "status"),
    "audit.carry": w("沿用上期", "carried over"),
    "audit.evidence": w("佐证", "evidence"),
    "audit.site-check": w("现场核查", "site check"),
    "audit.verdict": w("佐证审核", "verdict"),
}
