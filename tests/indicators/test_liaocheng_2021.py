"""liaocheng-2021: 聊城市 371500 computed by hand, every leaf (targets from source 000).

Both evaluators (李娜, 何军) entered the same values except LC3-02 政务云 (9.2 and 8.9 PB):
  LC1-01 57 / 60 训练集与模型 × 8          = 7.6
  LC2-01 2 试点县 (target 2, "2-3个")      → 6
  LC2-02 41 / 50 场景 × 8                  = 6.56
  LC2-03 峰会 按期 (3月底前)               → 6
  LC2-04 162 / 200 项 on "我的聊城" × 8    = 6.48
  LC2-05 规划编制 yes                      → 6
  LC3-01 100 / 121 新增村级中心 = 82.64…%  → 82.64… / 100 × 6 = 4.95867…
  LC3-02 (9.2 / 10 × 7 + 8.9 / 10 × 7) / 2 = (6.44 + 6.23) / 2 = 6.335
  LC3-03 215.2 / 300 万 × 8                = 5.73866…
  LC3-04 7.2 / 8 万 × 7                    = 6.3
  LC4-01 74 / 100 × 8                      = 5.92
  LC4-02 258.7 / 300 PB × 7                = 6.03633…
  LC4-03 9 / 10 × 7                        = 6.3
  LC5-01 研讨班 yes                        → 8
  total = 7.6 + 31.04 + 23.33234… + 18.25633… + 8 = 88.22868… → 88.23 → 良好 (80 ≤ total < 90)
"""

from __future__ import annotations

from tests.indicators.common import result

SET = "liaocheng-2021"


def test_targets_are_scored_by_completion() -> None:
    nodes = result(SET, "371500")["nodes"]
    assert nodes["LC1-01"]["points"] == 7.6
    assert nodes["LC2-02"]["points"] == 6.56
    assert nodes["LC2-04"]["points"] == 6.48  # a total on the app, against 200
    assert nodes["LC3-01"]["points"] == 4.96  # 全覆盖 as 100 %
    assert nodes["LC3-03"]["points"] == 5.74
    assert nodes["LC4-02"]["points"] == 6.04


def test_evaluators_are_averaged() -> None:
    assert result(SET, "371500")["nodes"]["LC3-02"]["points"] == 6.34  # 6.335 half up


def test_milestones_score_full_when_met() -> None:
    nodes = result(SET, "371500")["nodes"]
    assert nodes["LC2-01"]["points"] == 6  # 2 of "2-3" counties
    assert nodes["LC2-03"]["points"] == 6  # summit by the end of March
    assert nodes["LC2-05"]["points"] == 6
    assert nodes["LC5-01"]["points"] == 8


def test_dimensions_total_and_grade() -> None:
    r = result(SET, "371500")
    nodes = r["nodes"]
    assert [nodes[d]["points"] for d in ("LC1", "LC2", "LC3", "LC4", "LC5")] == [
        7.6,
        31.04,
        23.33,
        18.26,
        8,
    ]
    assert r["total"] == 88.23
    assert r["rating"]["label"] == "良好"
    assert r["completeness"] == 1
