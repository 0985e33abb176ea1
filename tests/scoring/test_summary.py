"""Derived numbers for reports: points lost, peer mean and best, change between periods."""

from decimal import Decimal as D

from assessor.scoring import score
from assessor.scoring.summary import (
    changes,
    peer_best,
    peer_mean,
    points_lost,
    points_short,
    ratio,
    region_points_lost,
    shown_change,
)
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


def test_shown_change_is_the_difference_of_the_printed_figures():
    cs = make_set(SET)  # 2 decimals, half-up
    assert shown_change(cs, D("80.005"), D("79.994")) == D("0.02")  # 80.01 − 79.99, not 0.011
    assert shown_change(cs, D(80), None) is None


def test_points_short_of_a_grade_counts_from_the_printed_total():
    cs = make_set(SET)
    (r,) = score(cs, assess({"a": {"P": "4.497", "Q": 3}}))  # 7.497 → printed 7.50
    assert points_short(cs, r, D(8)) == D("0.50")
    assert points_short(cs, r, D("7.5")) is None


def test_a_region_with_bonus_above_full_score_lost_nothing():
    (r,) = score(make_set(SET), assess({"a": {"P": 6, "Q": 4}}))
    assert region_points_lost(r) == 0
    (r,) = score(make_set(SET), assess({"a": {"P": 5, "Q": 4}}))
    assert region_points_lost(r) == D(1)
