"""sd-city-2020 (extends sd-county-2020): structure and hand-computed points on the samples.

威海市 371000 (both evaluators): D1-01 used 1650 / total 1650; D1-15 online 31 / spaces 38;
D2-11 level 5.
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "sd-city-2020"


def test_indicator_count() -> None:
    nodes = result(SET, "371000")["nodes"]
    leaves = [k for k, n in nodes.items() if "-" in k and not k.startswith("V")]
    # 46 core + 3 bonus leaves (DB37/T 3890.1 has 49 indicators); D3-03 and D4-05 removed
    assert len(leaves) == 49
    assert "D3-03" not in nodes and "D4-05" not in nodes
    assert {"D1-15", "D1-16", "D2-11", "D2-12", "D3-08", "D4-07", "D4-08"} <= set(nodes)


def test_weihai_normalized_dimensions() -> None:
    nodes = result(SET, "371000")["nodes"]
    # D1 keeps 35 points over 16 indicators of 2.5 (= 40): each is worth 2.5 × 35 / 40 = 2.1875
    assert nodes["D1"]["max"] == 35
    # D1-01: 1650 / 1650 = 100 % ≥ 90 → 5★, 1.0 × 2.1875 → 2.19 shown
    assert (nodes["D1-01"]["points"], nodes["D1-01"]["level"]) == (2.19, 5)
    # D1-15: 31 / 38 = 81.58 % ≥ 80 → 5★
    assert (nodes["D1-15"]["points"], nodes["D1-15"]["level"]) == (2.19, 5)
    # D2 keeps 25 over 12 × 2.5 = 30: D2-11 level 5 → 2.5 × 25 / 30 = 2.0833… → 2.08
    assert nodes["D2-11"]["points"] == 2.08


def test_heze_provisional() -> None:
    r = result(SET, "371700")  # D2-11 and D4-08 not entered
    assert r["nodes"]["D2-11"]["status"] == "unscored"
    assert r["provisional"] is True
