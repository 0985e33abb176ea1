"""sd-community-2020: hand-computed points and tiers (基础型 / 成长型 / 标杆型) on the samples.

兰山区银雀山街道示例社区 371302-sq02 (吴昊, 郑洁): C1-01 level 5 (both); C1-02 75.1 and 74.0;
C2-05 full (both); V1 (居民信息泄露事件) yes → 不予评级 (示例 rule).
东昌府区古楼街道示例社区 371502-sq01: 5G 网络覆盖率 84 (both): 基础型 (≥ 80, the published line)
but not 成长型 (示例 ≥ 90), whatever its total.
兰山区兰山街道示例社区 371302-sq01: 广播电视覆盖率 65 (both): below 基础型's 70.
"""

from __future__ import annotations

from pathlib import Path

from assessor.loader import load_set
from tests.indicators.common import result, set_path

SET = "sd-community-2020"


def test_indicator_count() -> None:
    nodes = result(SET, "371302-sq02")["nodes"]
    leaves = [k for k in nodes if "-" in k and not k.startswith("V")]
    assert len(leaves) == 24  # 22 core + 2 bonus


def test_yinqueshan_points_and_veto() -> None:
    r = result(SET, "371302-sq02")
    nodes = r["nodes"]
    assert (nodes["C1-01"]["points"], nodes["C1-01"]["level"]) == (5, 5)  # 5 / 5 × 5
    # 75.1 and 74.0 are both ≥ 70 → 0.8 × 5 = 4, 4★
    assert (nodes["C1-02"]["points"], nodes["C1-02"]["level"]) == (4, 4)
    assert nodes["C2-05"]["points"] == 4  # full = 1.0 × 4
    assert r["total"] >= 90
    assert (r["rating"]["label"], r["rating"]["veto"]) == (None, "V1")  # disqualify


def test_a_high_total_with_a_failed_growth_requirement_is_only_basic() -> None:
    r = result(SET, "371502-sq01")
    # 84 ≥ 80 (基础型, level 1) but < 90 (成长型, level 2): 0.7 × 4 = 2.8
    assert (r["nodes"]["C3-02"]["points"], r["nodes"]["C3-02"]["level"]) == (2.8, 1)
    assert r["total"] >= 90  # far above 成长型's 80 and even 标杆型's 90
    assert r["rating"]["key"] == "basic"


def test_a_failed_basic_requirement_leaves_no_tier_whatever_the_total() -> None:
    r = result(SET, "371302-sq01")
    # 65 < 70: the lowest band, 0.3 × 4 = 1.2, level 0
    assert (r["nodes"]["C3-03"]["points"], r["nodes"]["C3-03"]["level"]) == (1.2, 0)
    assert r["total"] >= 80
    assert r["rating"]["key"] == "none"


def test_the_basic_requirements_quote_the_published_table() -> None:
    s = load_set(Path(set_path(SET)))
    basic = next(g for g in s.rating.grades if g.key == "basic")  # type: ignore[union-attr]
    assert [(q.leaf, q.min_level) for q in basic.requires] == [
        ("C3-01", 1), ("C3-02", 1), ("C3-03", 1), ("C3-04", 1), ("C3-05", 1)
    ]  # fmt: skip
    c301 = next(n for n in s.tree if n.id == "C3").children[0]  # type: ignore[attr-defined]
    band = next(b for b in c301.bands if b.level == 1)
    assert band.min == 70
    assert band.source[0].quote == "家庭千兆光纤网络覆盖率达到70%"


def test_not_applicable_and_missing() -> None:
    assert result(SET, "371581-sq01")["nodes"]["C1-04"]["status"] == "na"
    r = result(SET, "371312-sq01")  # 居民满意度 (4 points) not entered
    assert r["completeness"] == 0.96
    assert r["provisional"] is True
