"""Grades with conditions (spec §1.8) and vetoes (spec §1.4)."""

from decimal import Decimal as D

from tests.scoring.helpers import make_set, one

SET = """
full_score: 100
{extra}
tree:
  - id: D1
    name: 数字惠民
    points: 50
    children:
      - id: L1
        name: l1
        points: 25
        method: level
        levels: [{{level: 1}}, {{level: 2}}, {{level: 3}}, {{level: 4}}, {{level: 5}}]
      - id: L2
        name: l2
        points: 25
        method: bands
        bands: [{{min: 90, score: 1, level: 5}}, {{min: 60, score: 0.6, level: 3}}]
  - id: D2
    name: 数字政府
    points: 50
    children:
      - {{id: P1, name: p1, points: 50, method: points}}
  - id: V1
    name: 重大网络安全事件
    kind: veto
    method: check
    effect: {effect}
  - id: BON
    name: 加分
    kind: bonus
    points: 10
    children:
      - {{id: B1, name: b1, points: 10, method: points}}
rating:
  {basis}
  grades:
    - {{key: "5", label: 五星级, stars: 5, min_score: 90, when: [{{share_at_level: {{level: 5, min: 0.5}}}}]}}
    - {{key: 4B, label: 四星级(成长型), stars: 4, min_score: 85, when: [{{node_ratio: {{node: D1, min: 0.8}}}}]}}
    - {{key: 4A, label: 四星级(基础型), stars: 4, min_score: 80, when: [{{mean_level: {{min: 3.5}}}}]}}
    - {{key: "3", label: 三星级, stars: 3, min_score: 70, when: [{{node_level: {{node: L1, min: 3}}}}]}}
    - {{key: "0", label: 未达星级, stars: 0}}
"""


def cs(effect: str = "{max_stars: 3}", basis: str = "", extra: str = ""):
    return make_set(SET.format(effect=effect, basis=basis, extra=extra))


def test_first_grade_whose_conditions_hold_wins():
    r = one(cs(), {"L1": 5, "L2": 95, "P1": 45})  # 25 + 25 + 45 = 95
    assert r.rating.key == "5"
    assert r.rating.stars == 5


def test_share_at_level_condition_blocks_a_grade():
    r = one(cs(), {"L1": 4, "L2": 95, "P1": 50})  # 20+25+50 = 95; levels 4, 5: half at 5 → ok
    assert r.rating.key == "5"
    r = one(cs(), {"L1": 4, "L2": 80, "P1": 50})  # 20+15+50 = 85; no level 5 → not 五星
    # 4B needs D1 ≥ 0.8 but D1 = 35/50 = 0.7; 4A: mean level (4×25 + 3×25)/50 = 3.5 holds
    assert r.rating.key == "4A"


def test_node_ratio_condition():
    # D1 = 5 + 15 = 20 of 50 (0.4 < 0.8) ; total 20 + 50 + bonus 10 = 80
    r = one(cs(), {"L1": 1, "L2": 60, "P1": 50, "B1": 10})
    assert r.total == D(80)
    # 4B fails on D1 ratio; 4A: mean level (1×25 + 3×25)/50 = 2 < 3.5 fails; 三星 needs L1 ≥ 3
    assert r.rating.key == "0"


def test_mean_level_condition_weighted_by_points():
    r = one(cs(), {"L1": 4, "L2": 65, "P1": 50})  # 20 + 15 + 50 = 85, D1 35/50 = 0.7
    # mean level (4×25 + 3×25)/50 = 3.5 → 4A holds
    assert r.rating.key == "4A"


def test_min_score_reads_the_total_as_displayed():
    r = one(cs(), {"L1": 5, "L2": 60, "P1": 44.996})  # 25 + 15 + 44.996 = 84.996 → 85.00
    # D1 = 40/50 = 0.8, so 四星级(成长型) holds on the displayed 85.00 (not on 84.996)
    assert r.rating.key == "4B"


def test_basis_core_ignores_bonuses():
    r = one(cs(basis="basis: core"), {"L1": 3, "L2": 60, "P1": 35, "B1": 10})  # core 65, total 75
    assert r.total == D(75)
    assert r.rating.key == "0"
    r = one(cs(), {"L1": 3, "L2": 60, "P1": 35, "B1": 10})
    assert r.rating.key == "3"


def test_veto_max_stars_caps_the_rating():
    r = one(cs(), {"L1": 5, "L2": 95, "P1": 50, "V1": True})
    assert r.rating.key == "3"
    assert r.rating.veto == "V1"
    assert r.total == D(100)


def test_veto_not_triggered_changes_nothing():
    r = one(cs(), {"L1": 5, "L2": 95, "P1": 50, "V1": False})
    assert r.rating.key == "5"
    assert r.rating.veto is None


def test_veto_zero_sets_total_to_zero_and_the_last_grade():
    r = one(cs(effect="zero"), {"L1": 5, "L2": 95, "P1": 50, "V1": True})
    assert r.total == 0
    assert r.rating.key == "0"
    assert r.rating.veto == "V1"


def test_veto_disqualify_leaves_no_rating():
    r = one(cs(effect="disqualify"), {"L1": 5, "L2": 95, "P1": 50, "V1": True})
    assert (r.rating.key, r.rating.label, r.rating.stars) == (None, None, None)
    assert r.rating.veto == "V1"


def test_no_grade_holding_means_no_rating():
    s = make_set(
        """
tree:
  - {id: P, name: p, points: 100, method: points}
rating:
  grades:
    - {key: A, label: 优秀, min_score: 90}
    - {key: B, label: 合格, min_score: 60}
"""
    )
    r = one(s, {"P": 30})
    assert r.rating.key is None
