"""sd-county-2020: hand-computed results on the samples.

Sample values (samples/sd-county-2020/; 张磊 and 陈静 score all 20 counties, 赵丽 the 12 of 临沂市):
  D1-03 apps connected to 爱山东 (same for every evaluator):
      高唐县 102, 临沭县 95, 兰山区 94, 兰陵县 94, 东昌府区 87, 沂水县 84, …
  兰陵县 371324: D2-01 air 99.3, water 95.7, noise 100;
      D5-01 levels 5 (陈静) 5 (张磊) 4 (赵丽); D5-02 4 4 3; D5-03 4 5 5; D5-04 5 5 5;
      D6-01 national; D6-02 3 cases; D6-03 level 3; V1 (重大网络安全事件) yes
  兰山区 371302: D3-03 na; D3-01 8.9 8.9 8.6
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "sd-county-2020"


def test_app_rank_stars() -> None:
    # ranks among all 20 counties: 102 → 1, 95 → 2, 94 and 94 → 3 (tie), 87 → 5
    lanling = result(SET, "371324")["nodes"]["D1-03"]
    assert (lanling["points"], lanling["level"]) == (2.5, 5)  # rank 3: 1.0 × 2.5, 5★
    lanshan = result(SET, "371302")["nodes"]["D1-03"]
    assert (lanshan["points"], lanshan["level"]) == (2.5, 5)  # ties share rank 3
    dongchangfu = result(SET, "371502")["nodes"]["D1-03"]
    assert (dongchangfu["points"], dongchangfu["level"]) == (2.0, 4)  # rank 5: 0.8 × 2.5, 4★


def test_environment_composite() -> None:
    # v = 99.3 × 0.4 + 95.7 × 0.4 + 100 × 0.2 = 39.72 + 38.28 + 20 = 98.00 ≥ 90 → 5★, 2.5 points
    n = result(SET, "371324")["nodes"]["D2-01"]
    assert n["value"] == 98
    assert (n["points"], n["level"]) == (2.5, 5)


def test_safeguards_mean_of_three_evaluators() -> None:
    # level / 5 × 2.5 per evaluator, then the mean:
    # D5-01 (2.5 + 2.5 + 2.0) / 3 = 2.333…; D5-02 (2.0 + 2.0 + 1.5) / 3 = 1.833…
    # D5-03 (2.0 + 2.5 + 2.5) / 3 = 2.333…; D5-04 2.5
    # D5 = 14/6 + 11/6 + 14/6 + 15/6 = 54/6 = 9.00 (ratio 0.9)
    nodes = result(SET, "371324")["nodes"]
    assert nodes["D5"]["points"] == 9
    # a consolidated level is the lower median: (5, 5, 4) → 5; (4, 4, 3) → 4
    assert nodes["D5-01"]["level"] == 5
    assert nodes["D5-02"]["level"] == 4


def test_bonus_capped_and_veto() -> None:
    r = result(SET, "371324")
    # D6: 工作试点 national 1.0 × 2 = 2; 创新示范 3 × 0.5 = 1.5; 宣传体验 level 3 of 3 → 2
    # = 5.5 (under the node's own 6), then the set's bonus_cap 5 applies
    assert r["nodes"]["D6"]["points"] == 5.5
    core = sum(r["nodes"][d]["points"] for d in ("D1", "D2", "D3", "D4", "D5"))
    assert round(r["total"] - core, 2) == 5
    # V1 yes → at most 三星: the first grade with stars ≤ 3 whose conditions hold is 三星级
    # (total ≥ 70 and D5 ratio 9 / 10 = 0.9 ≥ 0.6) although the total (≥ 90) would reach 五星
    assert r["total"] >= 90
    assert r["rating"]["label"] == "三星级"
    assert r["rating"]["stars"] == 3
    assert r["rating"]["veto"] == "V1"


def test_not_applicable_smart_agriculture() -> None:
    nodes = result(SET, "371302")["nodes"]
    assert nodes["D3-03"]["status"] == "na"
    # D3 keeps 15 points; the other six core indicators (13 points) share D3-03's 2:
    # D3-01 max = 3 × 15 / 13 = 3.4615…; 8.9, 8.9, 8.6 are all ≥ 7 → 0.8 (4★)
    # points = 0.8 × 3.4615… = 2.7692… → 2.77
    assert nodes["D3"]["max"] == 15
    assert nodes["D3-01"]["max"] == 3.46
    assert (nodes["D3-01"]["points"], nodes["D3-01"]["level"]) == (2.77, 4)


def test_unscored_makes_provisional() -> None:
    r = result(SET, "371329")  # 临沭县: D3-02 and D3-05 (2 + 2 points) not entered
    assert r["nodes"]["D3-02"]["status"] == "unscored"
    assert r["completeness"] == 0.96  # 96 / 100
    assert r["provisional"] is True
