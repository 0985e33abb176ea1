"""Each leaf method of spec §1.2, with expectations computed by hand."""

from decimal import Decimal as D

from tests.scoring.helpers import make_set, one, pts


def leaf(method_yaml: str, points: int = 10) -> str:
    return f"""
full_score: {points}
tree:
  - id: X
    name: 指标
    points: {points}
{method_yaml}
"""


LEVEL = leaf(
    """    method: level
    levels:
      - {level: 1, label: 一星}
      - {level: 2, label: 二星}
      - {level: 3, label: 三星}
      - {level: 4, label: 四星}
      - {level: 5, label: 五星}
"""
)


def test_level_scores_level_over_top_level_by_default():
    r = one(make_set(LEVEL), {"X": 4})
    assert pts(r, "X") == D(8)  # 4/5 × 10
    assert r.nodes["X"].level == 4


def test_level_zero_means_no_level_met():
    r = one(make_set(LEVEL), {"X": 0})
    assert pts(r, "X") == 0
    assert r.nodes["X"].level == 0


def test_level_uses_explicit_scores():
    cs = make_set(
        leaf(
            """    method: level
    levels:
      - {level: 1, score: 0.2}
      - {level: 2, score: 0.7}
"""
        )
    )
    assert pts(one(cs, {"X": 2}), "X") == D(7)


def test_choice_scores_the_chosen_option():
    cs = make_set(
        leaf(
            """    method: choice
    options:
      - {key: A, label: 优秀, score: 1.0}
      - {key: B, label: 良好, score: 0.8}
      - {key: C, label: 一般, score: 0.6}
"""
        )
    )
    assert pts(one(cs, {"X": "B"}), "X") == D(8)


def test_check_yes_and_no_scores():
    cs = make_set(leaf("    method: check\n    no_score: 0.25\n"))
    assert pts(one(cs, {"X": True}), "X") == D(10)
    assert pts(one(cs, {"X": False}), "X") == D("2.5")


def test_ratio_defaults_target_100_and_caps_at_1():
    cs = make_set(leaf("    method: ratio\n    input: {type: number}\n"))
    assert pts(one(cs, {"X": 82.5}), "X") == D("8.25")
    assert pts(one(cs, {"X": 130}), "X") == D(10)  # 超额不加分
    assert pts(one(cs, {"X": -5}), "X") == D(0)


def test_ratio_with_baseline_and_cap_above_one():
    cs = make_set(leaf("    method: ratio\n    baseline: 50\n    target: 90\n    cap: 1.2\n"))
    assert pts(one(cs, {"X": 70}), "X") == D(5)  # (70-50)/(90-50) = 0.5
    assert pts(one(cs, {"X": 100}), "X") == D(12)  # 1.25 capped at 1.2


def test_ratio_lower_is_better():
    cs = make_set(
        leaf("    method: ratio\n    direction: lower\n    baseline: 30\n    target: 10\n")
    )
    assert pts(one(cs, {"X": 15}), "X") == D("7.5")  # (30-15)/(30-10) = 0.75
    assert pts(one(cs, {"X": 40}), "X") == D(0)


BANDS = leaf(
    """    method: bands
    bands:
      - {above: 90, score: 1.0, level: 5}
      - {min: 75, score: 0.8, level: 4}
      - {min: 50, score: 0.6, level: 3}
"""
)


def test_bands_min_is_inclusive_and_above_is_strict():
    cs = make_set(BANDS)
    assert (pts(one(cs, {"X": 90}), "X"), one(cs, {"X": 90}).nodes["X"].level) == (D(8), 4)
    assert one(cs, {"X": 90.01}).nodes["X"].level == 5
    assert one(cs, {"X": 75}).nodes["X"].level == 4


def test_bands_no_match_scores_zero_with_level_zero():
    r = one(make_set(BANDS), {"X": 10})
    assert pts(r, "X") == 0
    assert r.nodes["X"].level == 0


def test_bands_lower_direction_reads_max_and_below():
    cs = make_set(
        leaf(
            """    method: bands
    direction: lower
    bands:
      - {below: 5, score: 1.0}
      - {max: 10, score: 0.5}
"""
        )
    )
    assert pts(one(cs, {"X": 4}), "X") == D(10)
    assert pts(one(cs, {"X": 5}), "X") == D(5)
    assert pts(one(cs, {"X": 10}), "X") == D(5)
    assert pts(one(cs, {"X": 11}), "X") == D(0)


def test_linear_interpolates_and_clamps_at_both_ends():
    cs = make_set(leaf("    method: linear\n    curve: [[0, 0], [50, 0.6], [100, 1.0]]\n"))
    assert pts(one(cs, {"X": 75}), "X") == D(8)  # 0.6 + 25/50 × 0.4 = 0.8
    assert pts(one(cs, {"X": -3}), "X") == D(0)
    assert pts(one(cs, {"X": 200}), "X") == D(10)


def test_slope_gives_base_points_at_target_and_steps_per_unit():
    # 完成目标得 8 分 (80%), 每增减 1 个百分点增减 0.5 分, cap 10
    cs = make_set(
        leaf("    method: slope\n    target: 100\n    per_unit: 0.5\n    base_points: 8\n")
    )
    assert pts(one(cs, {"X": 100}), "X") == D(8)
    assert pts(one(cs, {"X": 103}), "X") == D("9.5")
    assert pts(one(cs, {"X": 110}), "X") == D(10)  # capped at the node's points
    assert pts(one(cs, {"X": 90}), "X") == D(3)
    assert pts(one(cs, {"X": 70}), "X") == D(0)  # never negative


def test_slope_unit_divides_the_difference():
    cs = make_set(
        leaf(
            "    method: slope\n    target: 50\n    unit: 5\n    per_unit: 1\n    base_points: 6\n"
        )
    )
    assert pts(one(cs, {"X": 60}), "X") == D(8)  # 6 + (60-50)/5 × 1


def test_count_gives_each_per_occurrence_up_to_points():
    cs = make_set(leaf("    method: count\n    each: 3\n"))
    assert pts(one(cs, {"X": 2}), "X") == D(6)
    assert pts(one(cs, {"X": 5}), "X") == D(10)


def test_points_are_taken_as_entered_within_zero_and_max():
    cs = make_set(leaf("    method: points\n"))
    assert pts(one(cs, {"X": 7.5}), "X") == D("7.5")
    assert pts(one(cs, {"X": 12}), "X") == D(10)


def test_formula_value_over_named_inputs():
    cs = make_set(
        leaf(
            """    method: ratio
    inputs:
      used: {type: integer}
      total: {type: integer}
    value: used / total * 100
"""
        )
    )
    r = one(cs, {"X": {"used": 120, "total": 150}})
    assert pts(r, "X") == D(8)
    assert r.nodes["X"].value == D(80)


def test_formula_division_by_zero_makes_the_leaf_an_error():
    cs = make_set(
        leaf(
            """    method: ratio
    inputs: {used: {}, total: {}}
    value: used / total * 100
"""
        )
    )
    r = one(cs, {"X": {"used": 1, "total": 0}})
    assert r.nodes["X"].status == "error"
    assert "division by zero" in (r.nodes["X"].message or "")
    assert pts(r, "X") == 0


def test_formula_missing_input_makes_the_leaf_an_error():
    cs = make_set(
        leaf(
            """    method: ratio
    inputs: {used: {}, total: {}}
    value: used / total * 100
"""
        )
    )
    r = one(cs, {"X": {"used": 1}})
    assert r.nodes["X"].status == "error"
    assert "missing input total" in (r.nodes["X"].message or "")
