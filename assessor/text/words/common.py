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
}
