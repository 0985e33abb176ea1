"""gbt33356-2016: hand-computed points on the samples (every level rounded to 2 decimals, half up).

Sample values (samples/gbt33356-2016/, both evaluators unless noted):
  济南市 370100: L1P1-A1 used 21 / total 27; L1P2-A1 王敏 realtime (1.0), 刘洋 daily (0.7);
                 L1P2-A2 realtime 941 / lines 979; L1P2-A3 83.1
  青岛市 370200: L1P9-A1 online 255.8 / retail 863.4 (target 30); L1P9-A2 na
  绍兴市 330600: L8P1-A1 not entered
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "gbt33356-2016"


def test_jinan_l1p1_a1_e_licence_use() -> None:
    # max = 8 × 30 % = 2.40; a = 21 / 27 = 0.7777…; 2.40 × 0.7777… = 1.8666… → 1.87
    n = result(SET, "370100")["nodes"]["L1P1-A1"]
    assert n["max"] == 2.4
    assert n["points"] == 1.87


def test_jinan_l1p2_each_level_rounding() -> None:
    nodes = result(SET, "370100")["nodes"]
    # A1 (max 3 × 30 % = 0.9): mean of 0.9 × 1.0 and 0.9 × 0.7 = (0.9 + 0.63) / 2 = 0.765 → 0.77
    assert nodes["L1P2-A1"]["points"] == 0.77
    # A2 (max 1.2): 1.2 × 941 / 979 = 1.15342… → 1.15
    assert nodes["L1P2-A2"]["points"] == 1.15
    # A3 (max 0.9): 0.9 × 83.1 / 100 = 0.7479 → 0.75
    assert nodes["L1P2-A3"]["points"] == 0.75
    # L1P2 = sum of the rounded sub-items: 0.77 + 1.15 + 0.75 = 2.67
    assert nodes["L1P2"]["points"] == 2.67


def test_qingdao_not_applicable_moves_points_to_sibling() -> None:
    nodes = result(SET, "370200")["nodes"]
    assert nodes["L1P9-A2"]["status"] == "na"
    assert nodes["L1P9-A2"]["points"] is None
    # L1P9 = 2 points: A1 1.2 + A2 0.8; A2 na → A1 is worth 2.
    # v = 255.8 / 863.4 × 100 = 29.6270…; a = v / 30 = 0.98756…; 2 × 0.98756… = 1.97513… → 1.98
    assert nodes["L1P9"]["max"] == 2
    assert nodes["L1P9-A1"]["points"] == 1.98
    assert nodes["L1P9"]["points"] == 1.98


def test_shaoxing_missing_survey_is_provisional() -> None:
    r = result(SET, "330600")
    assert r["nodes"]["L8P1-A1"]["status"] == "unscored"
    # the survey is 20 of 100 points: completeness = 80 / 100
    assert r["completeness"] == 0.8
    assert r["provisional"] is True


def test_grades_follow_total() -> None:
    for r in [result(SET, c) for c in ("370100", "370200", "371300", "371500", "330600")]:
        t = r["total"]
        expected = "领先" if t >= 80 else "良好" if t >= 65 else "发展" if t >= 50 else "起步"
        assert r["rating"]["label"] == expected, r["region"]
