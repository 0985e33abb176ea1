"""shaoxing-2021: 绍兴市 330600 computed by hand, every leaf (targets from source 004).

Both evaluators (周敏, 郑浩) entered the same values except SX2-01 (73.0 and 72.4):
  SX1 18/20 × 4 + 9/10 × 4 + 1/1 → 4 + 8/10 × 4 + 10/10 → 4      = 3.6 + 3.6 + 4 + 3.2 + 4 = 18.4
  SX2-01 (73 / 100 × 4 + 72.4 / 100 × 4) / 2 = (2.92 + 2.896) / 2 = 2.908
  SX2-02 75.8 / 80 × 4 = 3.79; SX2-03 93.3 / 100 × 4 = 3.732; SX2-04 47.1 / 60 × 4 = 3.14;
  SX2-05 89 / 100 × 4 = 3.56                                      → SX2 = 17.13
  SX3 16/20 × 5 + 8/10 × 5                                        = 8
  SX4 大赛 yes 4 + 目录 yes 4 + 65/80 × 4 = 3.25 + 83/100 × 4 = 3.32 + 88/100 × 4 = 3.52
      + 74/100 × 4 = 2.96 + 5/6 主题库 × 4 = 3.333…               = 24.38333…
  SX5 2 次检查 (不少于两次) 5.5 + 1 次演练 5.5 + 44/61 上云 × 5.5 = 3.96721…
      + 22/24 等保 × 5.5 = 5.04166…                               = 20.00888…
  total = 18.4 + 17.13 + 8 + 24.38333… + 20.00888… = 87.92221… → 87.92 → 良好
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "shaoxing-2021"


def test_counts_and_rates_against_the_yearly_targets() -> None:
    nodes = result(SET, "330600")["nodes"]
    assert nodes["SX1-04"]["points"] == 3.2  # 8 of the 10 亮证 scenes
    assert nodes["SX2-02"]["points"] == 3.79  # 75.8 % of 80 %
    assert nodes["SX2-04"]["points"] == 3.14  # 47.1 % of 60 %
    assert nodes["SX4-07"]["points"] == 3.33  # 5 of 6 主题库


def test_minimum_counts_score_full_when_reached() -> None:
    nodes = result(SET, "330600")["nodes"]
    assert nodes["SX5-01"]["points"] == 5.5  # 不少于两次
    assert nodes["SX5-02"]["points"] == 5.5  # 不少于一次


def test_shares_of_new_systems() -> None:
    nodes = result(SET, "330600")["nodes"]
    assert nodes["SX5-03"]["points"] == 3.97
    assert nodes["SX5-04"]["points"] == 5.04


def test_evaluators_averaged_dimensions_total() -> None:
    r = result(SET, "330600")
    nodes = r["nodes"]
    assert nodes["SX2-01"]["points"] == 2.91
    assert [nodes[d]["points"] for d in ("SX1", "SX2", "SX3", "SX4", "SX5")] == [
        18.4,
        17.13,
        8,
        24.38,
        20.01,
    ]
    assert r["total"] == 87.92
    assert r["rating"]["label"] == "良好"
