"""Derived numbers for reports: points lost, peer mean and best, change between periods."""

from decimal import Decimal as D

from assessor.scoring import score
from assessor.scoring.summary import (
    changes,
    peer_best,
    peer_mean,
    points_lost,
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
    moved = changes(cs, now, before)
    assert moved["b"].total == D(7)
    assert moved["b"].rank == 1  # from 2nd to 1st
    assert moved["a"].rank == -1


def test_shown_change_is_the_difference_of_the_printed_figures():
    cs = make_set(SET)  # 2 decimals, half-up
    assert shown_change(cs, D("80.005"), D("79.994")) == D("0.02")  # 80.01 − 79.99, not 0.011
    assert shown_change(cs, D(80), None) is None


def test_a_region_lost_what_its_core_leaves_lost():
    cs = make_set(SET)
    (r,) = score(cs, assess({"a": {"P": 6, "Q": 4}}))
    assert region_points_lost(cs, r) == 0
    (r,) = score(cs, assess({"a": {"P": 5, "Q": 4}}))
    assert region_points_lost(cs, r) == D(1)


def test_the_change_of_a_total_is_the_same_figure_for_the_tui_and_the_reports():
    cs = make_set(SET)
    before = score(cs, assess({"a": {"P": "4.994", "Q": 3}}, period="2024-01"))
    now = score(cs, assess({"a": {"P": "5.005", "Q": 3}}, period="2024-02"))
    assert changes(cs, now, before)["a"].total == shown_change(cs, now[0].total, before[0].total)
    assert changes(cs, now, before)["a"].total == D("0.02")  # 8.01 − 7.99, as printed
