"""The reports' own words for a set's settings (``report.<key>``): scope, rounding, a veto's effect.

Status, kind, light and consolidation words are shared with the other front ends (words/common.py).
"""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    # `scope` is free text in a set; the usual English words are shown in Chinese
    "scope.province": w("省级", "province"),
    "scope.city": w("市级", "city"),
    "scope.county": w("县级", "county"),
    "scope.district": w("区级", "district"),
    "scope.community": w("社区", "community"),
    "scope.department": w("部门", "department"),
    "rounding.half_up": w("四舍五入", "round half up"),
    "rounding.half_even": w(
        "银行家舍入（四舍六入五成双）", "round half to even (banker's rounding)"
    ),
    "veto_effect.zero": w("总分计为 0", "the total counts as 0"),
    "veto_effect.disqualify": w("取消评级资格", "no rating can be given"),
    "veto_effect.max_stars": w("最高评为{stars}", "rated {stars} at most"),
}
