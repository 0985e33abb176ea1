"""sd-county-2020-local-example: a local variant made with extends; hand-computed on 东昌府区 371502.

东昌府区 (孙浩, 周倩): D1-04 79.5 (both); D3-01 9.1 and 8.9; D3-03 na; LC-01 na;
LC-02 traced 1305 / producers 1625.
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "sd-county-2020-local-example"


def test_reweighted_dimensions() -> None:
    nodes = result(SET, "371502")["nodes"]
    assert nodes["D1"]["max"] == 30  # 35 → 30 (normalize)
    assert nodes["D3"]["max"] == 20  # 15 → 20 with LC-01 (3) and LC-02 (2)
    # D1-04 max = 2.5 × 30 / 35 = 2.142857…; 79.5 ≥ 75 → 0.8 (4★) → 1.714285… → 1.71
    assert nodes["D1-04"]["max"] == 2.14
    assert (nodes["D1-04"]["points"], nodes["D1-04"]["level"]) == (1.71, 4)


def test_local_indicators_with_not_applicable() -> None:
    nodes = result(SET, "371502")["nodes"]
    assert nodes["D3-03"]["status"] == "na"
    assert nodes["LC-01"]["status"] == "na"
    # D3's 20 points go to the 15 points that remain: factor 20 / 15 = 4/3
    # D3-01 max 3 × 4/3 = 4; 9.1 and 8.9 ≥ 7 → 0.8 → 3.20
    assert nodes["D3-01"]["max"] == 4
    assert nodes["D3-01"]["points"] == 3.2
    # LC-02: 1305 / 1625 = 80.31 % ≥ 75 → 0.8; max 2 × 4/3 = 2.666…; 0.8 × 2.666… = 2.133… → 2.13
    assert (nodes["LC-02"]["points"], nodes["LC-02"]["level"]) == (2.13, 4)


def test_inherits_rating_and_vetoes() -> None:
    r = result(SET, "371502")
    assert "V1" in r["nodes"] and "V2" in r["nodes"]
    assert r["rating"]["label"] in {
        "五星级(标杆型)",
        "四星级(成长型)",
        "四星级(基础型)",
        "三星级",
        "未达星级",
    }
