"""Several evaluators on one leaf (spec §1.9)."""

from decimal import Decimal as D

from assessor.model.indicator_set import Consolidation
from assessor.scoring import score
from tests.scoring.helpers import assess, make_set, one

POINTS = "full_score: 10\n{extra}\ntree:\n  - {{id: P, name: p, points: 10, method: points}}\n"
LEVEL = """
full_score: 10
tree:
  - id: L
    name: l
    points: 10
    method: level
    levels: [{level: 1}, {level: 2}, {level: 3}, {level: 4}, {level: 5}]
"""


def test_mean_is_the_default():
    r = one(make_set(POINTS.format(extra="")), {"P": [6, 7, 9]})
    assert r.total.quantize(D("1e-20")) == (D(22) / D(3)).quantize(D("1e-20"))


def test_median_of_an_even_count_is_the_mean_of_the_middle_two():
    s = make_set(POINTS.format(extra="consolidation: {method: median}"))
    assert one(s, {"P": [2, 6, 7, 9]}).total == D("6.5")


def test_trimmed_mean_drops_highest_and_lowest_above_trim_over():
    s = make_set(POINTS.format(extra="consolidation: {method: trimmed_mean}"))
    # 6 evaluators > 5: drop 1 and 10 → mean(6, 7, 8, 9) = 7.5
    assert one(s, {"P": [1, 6, 7, 8, 9, 10]}).total == D("7.5")
    # 5 evaluators: plain mean
    assert one(s, {"P": [1, 6, 7, 8, 8]}).total == D(6)


def test_lead_evaluator_decides():
    s = make_set(POINTS.format(extra="consolidation: {method: lead, lead: e2}"))
    assert one(s, {"P": [3, 9, 4]}).total == D(9)


def test_workspace_consolidation_overrides_the_sets():
    s = make_set(POINTS.format(extra=""))
    (r,) = score(s, assess({"r1": {"P": [2, 6, 7]}}), consolidation=Consolidation(method="median"))
    assert r.total == D(6)


def test_consolidated_level_is_the_lower_median():
    r = one(make_set(LEVEL), {"L": [3, 5, 4, 2]})
    assert r.nodes["L"].level == 3  # sorted 2 3 4 5 → lower median 3
    assert r.total == D("7")  # points: mean(6, 10, 8, 4) = 7


def test_disagreement_beyond_twenty_percent_of_the_maximum_is_flagged():
    r = one(make_set(POINTS.format(extra="")), {"P": [5, 7.5]})
    assert r.nodes["P"].disagreement  # 2.5 > 2
    r = one(make_set(POINTS.format(extra="")), {"P": [5, 7]})
    assert not r.nodes["P"].disagreement


def test_disagreement_threshold_can_be_set_in_points_or_percent():
    s = make_set(POINTS.format(extra="consolidation: {disagreement: 1}"))
    assert one(s, {"P": [5, 6.5]}).nodes["P"].disagreement
    s = make_set(POINTS.format(extra="consolidation: {disagreement: '50%'}"))
    assert not one(s, {"P": [5, 9]}).nodes["P"].disagreement


def test_rank_values_are_consolidated_before_ranking():
    s = make_set(
        "full_score: 10\ntree:\n  - {id: R, name: r, points: 10, method: rank, scheme: linear}\n"
    )
    a = assess({"a": {"R": [10, 2]}, "b": {"R": [5, 5]}})  # a: mean 6 > b: 5
    r = {x.region: x for x in score(s, a)}
    assert r["a"].nodes["R"].points == D(10)
    assert r["b"].nodes["R"].points == D(0)


def test_explanation_keeps_every_evaluators_points():
    r = one(make_set(POINTS.format(extra="")), {"P": [6, 8]})
    ex = r.nodes["P"].explanation
    assert [(e.evaluator, e.points) for e in ex.evaluators] == [("e1", D(6)), ("e2", D(8))]
    assert r.evaluators == ("e1", "e2")


def test_rescoring_one_changed_leaf_equals_scoring_from_scratch():
    from assessor.model import Entry
    from assessor.scoring import rescore_leaf

    s = make_set(
        """
tree:
  - id: A
    name: a
    points: 60
    children:
      - {id: A1, name: a1, share: 50, method: points}
      - {id: A2, name: a2, share: 50, method: ratio, optional: true}
  - {id: B, name: b, points: 40, method: points}
"""
    )
    a = assess({"r1": {"A1": [20, 25], "A2": "na", "B": 10}})
    (before,) = score(s, a)
    a.entries["r1"]["B"] = [Entry(value=D(33), evaluator="e1")]
    after = rescore_leaf(s, before, a, "B")
    (scratch,) = score(s, a)
    assert after.total == scratch.total == D("22.5") * D(60) / D(30) + D(33)
    assert after.nodes["A1"].points == scratch.nodes["A1"].points
