"""The command line's own words (``cli.<key>``), for the commands that take --lang."""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    # assessor explain: a region's summary before each top-level node's explanation
    "total": w("总分", "total"),
    "rank": w("排名", "rank"),
    "rank_points": w("排名得分", "rank points"),
    "veto": w("一票否决", "veto"),
    "rating": w("评级", "rating"),
    "completeness": w("完整度", "completeness"),
    "provisional": w("（暂定）", " (provisional)"),
    "bonus": w("加分", "bonus"),
    "penalties": w("扣分", "penalties"),
}
