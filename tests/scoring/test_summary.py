"""Derived numbers for reports: points lost, peer mean and best, change between periods."""

from decimal import Decimal as D

from assessor.scoring import score
from assessor.scoring.summary import changes, peer_best, peer_mean, points_lost, ratio
from tests.scoring.helpers import assess, make_set

SET = """
full_score: 10
tree:
  - {id: P, name: p, points: 6, method: points}
  - {id: Q, name: q, points: 4, method: points, optional: true}
"""


def test_points_lost_is_max_minus_points_and_zero_for_na():
    (r,) = score(make_set(SET), assess({"a": {"P": 4.5, "Q": "na"}}))
    assert points_lost(r.nodes["P"]) == D("2.5")  # P got Q's 4 points: 4.5 × 10/6 = 7.5 of 10
    assert points_lost(r.nodes["Q"]) == 0
    (r,) = score(make_set(SET), assess({"a": {"P": 4.5, "Q": 1}}))
    assert points_lost(r.nodes["P"]) == D("1.5")
    assert ratio(r.nodes["P"]) == D("0.75")


def test_peer_mean_and_best_leave_out_regions_without_points():
    results = score(
        make_set(SET),
        assess({"a": {"P": 2, "Q": "na"}, "b": {"P": 6, "Q": 1}, "c": {"P": 4, "Q": 3}}),
    )
    assert peer_mean(results, "Q") == D(2)
    assert peer_best(results, "Q") == D(3)
    assert peer_mean([], "Q") is None


def test_change_against_the_previous_period():
    cs = make_set(SET)
    before = score(cs, assess({"a": {"P": 6, "Q": 4}, "b": {"P": 1, "Q": 1}}, period="2024-01"))
    now = score(cs, assess({"a": {"P": 1, "Q": 1}, "b": {"P": 6, "Q": 3}}, period="2024-02"))
    moved = changes(now, before)
    assert moved["b"].total == D(7)
    assert moved["b"].rank == 1  # from 2nd to 1st
    assert moved["a"].rank == -1
