"""sx-digital-gov: weekly rank-based points and roll-up into months and the year, by hand.

A-03 掌上办事项占比 (7 points, rank with step 0.05, floor 0.6):
  2021-W10 (数据组 only): 柯桥 100.0, 新昌 91.9, 越城 83.7, 诸暨 77.4, 嵊州 75.4, 上虞 74.8
  2021-W14 (数据组 / 督查组): 越城 82.6/82.6, 柯桥 98.6/98.6, 上虞 84.4/84.4,
           新昌 97.9/96.4, 诸暨 85.7/83.4, 嵊州 56.1/54.2
A-01 依申请事项接入率 (8 points) for 柯桥区 330603:
  W10 1397/1598, W11 1598/1598, W12 1443/1598 (weeks 10–12 are March: Thursdays 11, 18, 25 March)
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "sx-digital-gov"


def test_week10_rank_points() -> None:
    # 越城 is 3rd: 1 − 2 × 0.05 = 0.9 → 6.3; 上虞 is 6th: 1 − 5 × 0.05 = 0.75 → 5.25
    assert result(SET, "330602", "2021-W10")["nodes"]["A-03"]["points"] == 6.3
    assert result(SET, "330604", "2021-W10")["nodes"]["A-03"]["points"] == 5.25


def test_week14_values_consolidated_before_ranking() -> None:
    # means: 柯桥 98.6, 新昌 97.15, 诸暨 84.55, 上虞 84.4, 越城 82.6, 嵊州 55.15
    # 诸暨 3rd → 0.9 × 7 = 6.3 (ranking each evaluator first would give (0.9 + 0.85) / 2 × 7 = 6.125)
    assert result(SET, "330681", "2021-W14")["nodes"]["A-03"]["points"] == 6.3
    # 上虞 4th → 0.85 × 7 = 5.95
    assert result(SET, "330604", "2021-W14")["nodes"]["A-03"]["points"] == 5.95


def test_march_rolls_up_weeks_10_to_12() -> None:
    r = result(SET, "330603", "2021-03")
    # weekly A-01: 8 × 1397/1598 = 6.99374…, 8 × 1598/1598 = 8, 8 × 1443/1598 = 7.22403…
    # mean = 22.21777… / 3 = 7.40592… → 7.41
    assert r["nodes"]["A-01"]["points"] == 7.41
    # the total is the sum of the rolled-up nodes, i.e. the mean of the weekly totals
    weekly = [result(SET, "330603", f"2021-W{w}")["total"] for w in (10, 11, 12)]
    assert abs(r["total"] - sum(weekly) / 3) < 0.01


def test_year_traffic_lights() -> None:
    year = {c: result(SET, c, "2021") for c in ("330602", "330603", "330683")}
    for r in year.values():
        t = r["total"]
        expected = "绿灯" if t >= 85 else "黄灯" if t >= 70 else "红灯"
        assert r["rating"]["label"] == expected
    assert year["330683"]["provisional"] is True  # 嵊州 never reported B-03
    assert year["330683"]["nodes"]["B-03"]["status"] == "unscored"
