"""luozhuang-2021: 罗庄区 371311 computed by hand, every leaf (targets from source 001).

Both evaluators (王芳, 刘强) entered the same values:
  LZ1-01 73.6 / 77.8 万条 = 94.60154…% ; / 95 × 15 = 14.93708…
  LZ2-01 2 新技术应用场景 (target 2)   → 12
  LZ2-02 2 大赛 (省、市第三届)         → 10
  LZ3-01 1 应用亮点 (target 1)         → 12
  LZ3-02 2 智慧社区(村居) (target 2)   → 14
  LZ3-03 2 市级标准 (target 2)         → 12
  LZ3-04 6 / 8 城区和重点乡镇 = 75 %   → 0.75 × 12 = 9
  LZ4-01 攻防演练 yes                  → 13
  total = 14.93708… + 22 + 47 + 13 = 96.93708… → 96.94 → 优秀
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "luozhuang-2021"


def test_data_quality_against_95_percent() -> None:
    node = result(SET, "371311")["nodes"]["LZ1-01"]
    assert node["points"] == 14.94
    assert round(node["value"], 2) == 94.6


def test_coverage_and_counts() -> None:
    nodes = result(SET, "371311")["nodes"]
    assert nodes["LZ3-04"]["points"] == 9  # 6 of 8 places have 5G
    assert nodes["LZ3-02"]["points"] == 14  # the first 2 smart communities
    assert nodes["LZ3"]["points"] == 47


def test_total_and_grade() -> None:
    r = result(SET, "371311")
    assert r["total"] == 96.94
    assert r["rating"]["label"] == "优秀"
