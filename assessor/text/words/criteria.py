"""A leaf's scoring rule in words (``criteria.<key>``), beside the cell an evaluator fills in:
the TUI's criteria pane, the indicator-set view and the Excel entry template."""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    "level": w("{level}（{label}）", "{level} ({label})"),
    "scores": w("{when} 得 {score}", "{when} scores {score}"),
    "band_level": w("{rule}（{level}星）", "{rule} (level {level})"),
    "yes": w("是", "yes"),
    "no": w("否", "no"),
    "veto_yes": w("是：发生该事项（一票否决）", "yes: the event happened (veto)"),
    "veto_no": w("否：未发生", "no: it did not happen"),
    "ratio": w("完成率：基准 {base}，目标 {target}，封顶 {cap}",
               "completion: baseline {base}, target {target}, capped at {cap}"),
    "ratio_lower": w("完成率：基准 {base}，目标 {target}，越低越好，封顶 {cap}",
                     "completion: baseline {base}, target {target}, lower is better, capped at {cap}"),
    "slope": w("达到目标 {target} 得 {base} 分，每增减 {unit} 增减 {per} 分",
               "{base} points at the target {target}, {per} points more or less per {unit} above or below"),
    "count": w("每个 {each} 分，封顶", "{each} points each, capped"),
    "points": w("直接填写得分（专家打分）", "points entered directly (an expert's score)"),
    "rank": w("按同期各地区数值排名赋分（填写数值）",
              "points by rank among the regions of the period (enter the value)"),
}  # fmt: skip
