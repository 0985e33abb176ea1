"""The gap to the next grade: the engine proposes leaves to raise and checks the plan."""

import re
from decimal import Decimal as D

from assessor.scoring import gap_to_next_grade
from tests.scoring.helpers import assess, make_set

SET = """
full_score: 100
tree:
  - id: A
    name: 甲
    points: 60
    children:
      - {id: A1, name: a1, share: 50, method: level, levels: [{level: 1}, {level: 2}, {level: 3}, {level: 4}, {level: 5}]}
      - {id: A2, name: a2, share: 50, method: bands, bands: [{above: 90, score: 1, level: 5}, {min: 60, score: 0.5, level: 3}]}
  - {id: B, name: 乙, points: 40, method: ratio}
  - {id: V, name: 否决, kind: veto, method: check, effect: zero}
rating:
  grades:
    - {key: A, label: 优秀, min_score: 90}
    - {key: B, label: 良好, min_score: 75}
    - {key: C, label: 合格}
"""


def test_the_leaves_with_most_points_lost_come_first_and_the_plan_reaches_the_grade():
    cs = make_set(SET)
    a = assess({"r": {"A1": 3, "A2": 70, "B": 80}})  # 18 + 15 + 32 = 65 → 合格
    gap = gap_to_next_grade(cs, a, "r")
    assert (gap.current, gap.target, gap.reached) == ("合格", "良好", True)
    assert [s.node for s in gap.steps] == ["A2"]  # +15 (the most) → 80 ≥ 75
    assert gap.steps[0].target == "> 90"
    assert gap.total_after == D(80)


def test_several_steps_when_one_is_not_enough():
    cs = make_set(SET)
    a = assess({"r": {"A1": 1, "A2": 70, "B": 50}})  # 6 + 15 + 20 = 41 → 合格
    gap = gap_to_next_grade(cs, a, "r")
    # A1 loses 24, B 20, A2 15: A1 alone gives 65 < 75; with B 85 ≥ 75
    assert [s.node for s in gap.steps] == ["A1", "B"]
    assert [s.gain for s in gap.steps] == [D(24), D(20)]
    assert gap.total_after == D(85)


def test_the_top_grade_needs_nothing():
    cs = make_set(SET)
    gap = gap_to_next_grade(cs, assess({"r": {"A1": 5, "A2": 95, "B": 100}}), "r")
    assert gap.target is None
    assert "最高" in gap.lines()[0]


def test_a_veto_blocks_the_way_up():
    cs = make_set(SET)
    gap = gap_to_next_grade(cs, assess({"r": {"A1": 5, "A2": 95, "B": 50, "V": True}}), "r")
    assert gap.blocked_by == "V"
    assert "一票否决" in gap.lines()[0]


def test_the_plan_shows_points_rounded_as_the_set_rounds_them():
    cs = make_set(SET.replace("share: 50, method: level", "share: 33.333, method: level"))
    a = assess({"r": {"A1": 1, "A2": 70, "B": 50}})
    gap = gap_to_next_grade(cs, a, "r")
    assert gap is not None and gap.steps
    assert any(-int(s.max.as_tuple().exponent) > 2 for s in gap.steps)  # exact in the plan…
    assert not any(re.search(r"\d\.\d{3}", line) for line in gap.lines())  # …2 digits shown
