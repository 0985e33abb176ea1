"""The words the engine explains its arithmetic with, in Chinese and in English.

An evaluator reads "等级 4（4星）→ 得分率 0.8" in a Chinese report and a Chinese terminal, not
"level 4 (4星) → 0.8". The formulas themselves stay in symbols, which read the same in both.
English is the default of `str()` so logs, JSON and tests keep one stable wording.
"""

from __future__ import annotations

from typing import Final

Phrases = dict[str, str]

EN: Final[Phrases] = {
    "level": "level {lvl} ({label}) → {a}",
    "level_plain": "level {lvl} → {a}",
    "option": "option {label} → {a}",
    "check": "{answer} → {a}",
    "yes": "yes",
    "no": "no",
    "clamped": ", clamped to [0, {cap}]",
    "capped": ", capped at {cap}",
    "band": "band {label} → {a}",
    "with_level": ", level {level}",
    "no_band": "no band matches → 0",
    "curve": "curve at {v} = {a}",
    "points": "{v} points entered",
    "then": "; ",
    "rank": "value {v}: rank {r} of {n} → {a}",
    "all_equal": "value {v}: all {n} peers equal → 1",
    "of_evaluators": "{how} of {n} evaluators: {pts} → {p}",
    "of_values": "{how} of {n} evaluators' values",
    "mean": "mean",
    "median": "median",
    "trimmed_mean": "trimmed mean",
    "trimmed": "trimmed mean (highest and lowest dropped)",
    "lead": "lead evaluator {lead}",
    "veto": "any evaluator reporting the event triggers the veto",
    "list": ", ",
    "inputs": " ({items})",
    "input_sep": ", ",
    "lang": "en",
    "pro_rata": "{due} → target {target} × {share} = {eff}; ",
    "rolled": "{how} over {n} periods",
}

ZH: Final[Phrases] = {
    "level": "等级 {lvl}（{label}）→ 得分率 {a}",
    "level_plain": "等级 {lvl} → 得分率 {a}",
    "option": "选项「{label}」→ 得分率 {a}",
    "check": "{answer} → 得分率 {a}",
    "yes": "是",
    "no": "否",
    "clamped": "，限定在 [0, {cap}]",
    "capped": "，封顶 {cap}",
    "band": "区间 {label} → 得分率 {a}",
    "with_level": "，等级 {level}",
    "no_band": "未落入任何区间 → 0",
    "curve": "曲线在 {v} 处取值 {a}",
    "points": "直接填报得分 {v}",
    "then": "；",
    "rank": "填报值 {v}：{n} 个地区中排第 {r} 名 → 得分率 {a}",
    "all_equal": "填报值 {v}：{n} 个地区取值相同 → 得分率 1",
    "of_evaluators": "{n} 名评估人取{how}：{pts} → {p}",
    "of_values": "{n} 名评估人的填报值取{how}",
    "mean": "平均值",
    "median": "中位数",
    "trimmed_mean": "去极值平均",
    "trimmed": "去掉最高、最低后的平均值",
    "lead": "以主评估人 {lead} 的评分为准",
    "veto": "任一评估人报告该事项即触发否决",
    "list": "、",
    "inputs": "（{items}）",
    "input_sep": "，",
    "lang": "zh",
    "pro_rata": "{due} → 序时目标 {target} × {share} = {eff}；",
    "rolled": "{n} 期取{how}",
}

_BY_LANG: Final[dict[str, Phrases]] = {"en": EN, "zh": ZH}


def phrases(lang: str) -> Phrases:
    """The phrasebook of `lang`; English for a language we do not speak."""
    return _BY_LANG.get(lang, EN)


METHOD_ZH: Final[dict[str, str]] = {
    "level": "等级评定",
    "choice": "选项评定",
    "check": "是否判定",
    "ratio": "达标比例",
    "bands": "区间赋分",
    "linear": "分段线性",
    "slope": "增减计分",
    "count": "按数量计分",
    "points": "直接赋分",
    "rank": "排名赋分",
    "minmax": "极差法",
}


def method_name(method: str, lang: str) -> str:
    """A scoring method as the reader calls it; the YAML keyword in English."""
    return METHOD_ZH.get(method, method) if lang == "zh" else method
