"""sd-community-2020: hand-computed points on the samples.

兰山区银雀山街道示例社区 371302-sq02 (吴昊, 郑洁): C1-01 level 5 (both); C1-02 75.1 and 74.0;
C2-05 full (both); V1 (居民信息泄露事件) yes.
"""

from __future__ import annotations

from tests.indicators.common import result

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
    # V1 → at most 三星: 三星级 needs only total ≥ 65
    assert r["total"] >= 90
    assert (r["rating"]["label"], r["rating"]["veto"]) == ("三星级", "V1")


def test_not_applicable_and_missing() -> None:
    assert result(SET, "371581-sq01")["nodes"]["C1-04"]["status"] == "na"
    r = result(SET, "371312-sq01")  # 居民满意度 (4 points) not entered
    assert r["completeness"] == 0.96
    assert r["provisional"] is True
