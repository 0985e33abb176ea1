"""workplan-2021: 青岛市 370200 computed by hand, every leaf.

Both evaluators (李娜, 何军) entered the same values except W3-02 (34.0 and 33.3):
  W1-01 54 scenes (target 50)      → a = 1 (capped)              → 8
  W1-02 217 items (target 200)     → a = 1                       → 7
  W1-03 27 × 0.2                   = 5.4 (≤ 7)                   → 5.4
  W1-04 41 × 0.1                   = 4.1 (≤ 6)                   → 4.1
  W2-01 262.3 / 300 × 8            = 6.99466…
  W2-02 7.4 / 8 × 7                = 6.475
  W2-03 10.1 / 10 → capped         → 7
  W3-01 slope 8 + (100 − 95) × 0.5 = 10.5 → capped at 10         → 10
  W3-02 6.4 + (34.0 − 30) × 0.5 = 8.4 → 8; 6.4 + 3.3 × 0.5 = 8.05 → 8; mean 8
  W3-03 90 / 94 × 7                = 6.70212…
  W4-01 223 / 247 × 10             = 9.02834…
  W4-02 优秀 1.0 × 8                → 8
  W4-03 yes                        → 7
  core = 24.5 + 20.46966… + 24.70212… + 24.02834… = 93.70013…
  W5 penalty: 2 late reports × 1 = 2; W6 bonus: national 1.0 × 2 = 2
  total = 93.70013… − 2 + 2 = 93.70 → 优秀 (≥ 90)
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "workplan-2021"


def test_qingdao_leaves() -> None:
    nodes = result(SET, "370200")["nodes"]
    assert nodes["W1-03"]["points"] == 5.4  # count
    assert nodes["W2-01"]["points"] == 6.99  # ratio against 300 万
    assert nodes["W3-01"]["points"] == 10  # slope, capped
    assert nodes["W3-02"]["points"] == 8  # slope, both evaluators capped
    assert nodes["W3-03"]["points"] == 6.7


def test_qingdao_dimensions_penalty_bonus_total() -> None:
    r = result(SET, "370200")
    nodes = r["nodes"]
    assert nodes["W1"]["points"] == 24.5
    assert nodes["W2"]["points"] == 20.47
    assert nodes["W3"]["points"] == 24.7
    assert nodes["W4"]["points"] == 24.03
    assert nodes["W5"]["points"] == 2  # deducted
    assert nodes["W6"]["points"] == 2  # added
    assert r["total"] == 93.7
    assert r["rating"]["label"] == "优秀"


def test_linyi_missing_entry_is_provisional() -> None:
    r = result(SET, "371300")  # 爱山东日活用户 (W2-02, 7 points) not entered
    assert r["nodes"]["W2-02"]["status"] == "unscored"
    assert r["completeness"] == 0.93
    assert r["provisional"] is True
