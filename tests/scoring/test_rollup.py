"""Roll-up, bonus, penalty, veto, N/A, completeness and rounding (spec §1.3–§1.5)."""

from decimal import Decimal as D

from tests.scoring.helpers import make_set, one, pts


def q(x):
    """Equal to 20 decimal places: exact arithmetic leaves residues only at the 34th digit."""
    return x.quantize(D("1e-20"))


BASE = """
full_score: 100
{extra}
tree:
  - id: A
    name: 甲
    points: 60
    children:
      - {{id: A1, name: a1, share: 50, method: points}}
      - {{id: A2, name: a2, share: 30, method: points, optional: true}}
      - {{id: A3, name: a3, share: 20, method: points, optional: true}}
      - id: AP
        name: 扣分
        kind: penalty
        points: 10
        children:
          - {{id: AP1, name: 迟报, method: count, each: 1, points: 10}}
  - id: B
    name: 乙
    points: 40
    children:
      - {{id: B1, name: b1, points: 40, method: ratio}}
  - id: BONUS
    name: 地方特色
    kind: bonus
    points: 8
    children:
      - {{id: X1, name: 工作试点, method: check, points: 5}}
      - {{id: X2, name: 创新示范, method: count, each: 2, points: 6}}
"""


def cs(extra: str = ""):
    return make_set(BASE.format(extra=extra))


FULL = {"A1": 30, "A2": 18, "A3": 12, "B1": 100}


def test_inner_node_is_the_sum_of_its_core_children():
    r = one(cs(), FULL)
    assert pts(r, "A") == D(60)
    assert r.total == D(100)


def test_penalty_is_subtracted_and_never_below_zero():
    r = one(cs(), {**FULL, "AP1": 3})
    assert pts(r, "A") == D(57)
    r = one(cs(), {"A1": 2, "AP1": 9})
    assert pts(r, "A") == D(0)  # 扣完为止


def test_bonus_node_is_capped_by_its_own_points_and_can_exceed_full_score():
    r = one(cs(), {**FULL, "X1": True, "X2": 3})  # 5 + min(6, 6) = 11, capped at 8
    assert pts(r, "BONUS") == D(8)
    assert r.total == D(108)
    assert r.core_total == D(100)


def test_bonus_cap_limits_all_bonuses_together():
    r = one(cs("bonus_cap: 5"), {**FULL, "X1": True, "X2": 3})
    assert r.total == D(105)


def test_na_leaf_points_go_to_core_siblings_in_proportion():
    r = one(cs(), {"A1": 30, "A2": "na", "A3": 12, "B1": 100})
    # siblings A1 (30) and A3 (12) share A2's 18: factor 60/42
    assert r.nodes["A2"].status == "na"
    assert r.nodes["A2"].points is None
    assert q(r.nodes["A1"].max) == q(D(30) * D(60) / D(42))
    assert q(pts(r, "A")) == D(60)  # full marks on the rest still give the parent's maximum
    assert q(r.total) == D(100)


def test_all_core_children_na_makes_the_parent_na_one_level_up():
    s = make_set(
        """
tree:
  - id: A
    name: a
    points: 50
    children:
      - {id: A1, name: a1, points: 50, method: points, optional: true}
  - id: B
    name: b
    points: 50
    children:
      - {id: B1, name: b1, points: 50, method: points}
"""
    )
    r = one(s, {"A1": "na", "B1": 25})
    assert r.nodes["A"].status == "na"
    assert q(r.nodes["B"].max) == D(100)
    assert q(pts(r, "B1")) == D(50)  # points method scaled by the same factor (×2)


def test_unscored_leaf_counts_zero_and_makes_the_result_provisional():
    r = one(cs(), {"A1": 30, "B1": 100})
    assert r.nodes["A2"].status == "unscored"
    assert r.completeness == D(70) / D(100)  # scored max A1 30 + B1 40 of 100
    assert r.provisional


def test_complete_entries_are_not_provisional():
    r = one(cs(), FULL)
    assert r.completeness == 1
    assert not r.provisional


ROUND = """
rounding: {{digits: 2, mode: {mode}, each_level: {each}}}
full_score: 10
tree:
  - id: P
    name: p
    points: 10
    children:
      - {{id: P1, name: p1, share: 24, method: ratio}}
      - {{id: P2, name: p2, share: 76, method: ratio}}
"""


def test_each_level_rounds_leaves_half_up_before_summing():
    # 0.85625 × 2.4 = 2.055 → 2.06 (never 2.05 from binary floats)
    s = make_set(ROUND.format(mode="half_up", each="true"))
    r = one(s, {"P1": 85.625, "P2": 0})
    assert pts(r, "P1") == D("2.06")


def test_half_even_rounds_ties_to_even_and_half_up_rounds_them_up():
    text = """
rounding: {{digits: 2, mode: {mode}, each_level: true}}
full_score: 10
tree:
  - {{id: P, name: p, points: 10, method: points}}
"""
    even = make_set(text.format(mode="half_even"))
    up = make_set(text.format(mode="half_up"))
    assert pts(one(even, {"P": 2.125}), "P") == D("2.12")
    assert pts(one(up, {"P": 2.125}), "P") == D("2.13")
    assert pts(one(even, {"P": 2.135}), "P") == D("2.14")


def test_without_each_level_only_displayed_numbers_are_rounded():
    s = make_set(ROUND.format(mode="half_up", each="false"))
    r = one(s, {"P1": 85.625, "P2": 0})
    assert r.nodes["P1"].points == D("2.055")
