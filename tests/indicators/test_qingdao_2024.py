"""qingdao-2024: 青岛市 370200 computed by hand, every leaf (targets from source 002).

Both evaluators (张伟, 陈敏) entered the same values; QD5-03 (3 个 5A 数据中心) is not entered:
  QD1-01 行动方案 yes                       → 8
  QD2-01 32 / 35 免证办 × 8                 = 7.31428…
  QD2-02 7 / 10 一码通城 × 8                = 5.6
  QD2-03 5 / 5 数字公务助手                 → 8
  QD2-04 5 / 6 低空场景 × 8                 = 6.66666…
  QD3-01 9 / 10 品牌 × 9                    = 8.1
  QD3-02 44 / 50 场景 × 9                   = 7.92
  QD3-03 获评 五星级标杆城市                → 9
  QD3-04 7 / 10 区(市) 四星 = 70 % × 9      = 6.3
  QD5-01 24.3 / 30 % × 8                    = 6.48
  QD5-02 4.3 / 5.3 万机架 × 8               = 6.49056…
  QD5-03 unscored                           → 0 (completeness (100 − 8) / 100 = 0.92)
  total = 8 + 27.58095… + 31.32 + 12.97056… = 79.87151… → 79.87 → 合格 (provisional)
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "qingdao-2024"


def test_counts_against_the_plan() -> None:
    nodes = result(SET, "370200")["nodes"]
    assert nodes["QD2-01"]["points"] == 7.31
    assert nodes["QD2-04"]["points"] == 6.67
    assert nodes["QD5-02"]["points"] == 6.49  # 4.3 of 5.3 万 racks


def test_share_of_districts_at_four_stars() -> None:
    assert result(SET, "370200")["nodes"]["QD3-04"]["points"] == 6.3


def test_missing_data_centre_count_is_provisional() -> None:
    r = result(SET, "370200")
    assert r["nodes"]["QD5-03"]["status"] == "unscored"
    assert r["completeness"] == 0.92
    assert r["provisional"] is True
    assert r["total"] == 79.87
    assert r["rating"]["label"] == "合格"
