"""The engine's reader-facing figures, one behaviour each (issue 11)."""

from decimal import Decimal as D

import pytest

from assessor.model.periods import parse_period
from assessor.scoring import score
from assessor.scoring.figures import figures, leaders
from assessor.scoring.history import enclosing, periods_up_to, previous_period
from tests.scoring.helpers import assess, make_set

SET = """
full_score: 10
bonus_cap: 2
tree:
  - {id: A, name: a, points: 6, method: points}
  - {id: B, name: b, points: 4, method: points}
  - {id: P, name: p, points: 3, kind: penalty, method: points}
  - {id: X, name: x, points: 3, kind: bonus, method: points}
  - {id: V, name: 发生重大事故, kind: veto, method: check, effect: {max_stars: 3}}
rating:
  grades:
    - {key: g, label: 好, stars: 4, color: green, min_score: 9}
    - {key: y, label: 中, stars: 3, color: yellow, min_score: 6}
    - {key: r, label: 差, stars: 1, color: red}
"""


def one(entries: dict, **kw):  # type: ignore[no-untyped-def]
    cs = make_set(SET)
    (r,) = score(cs, assess({"r": entries}), **kw)
    return cs, r, figures(cs, r, [r])


def test_core_is_the_sum_of_the_core_dimensions_not_total_minus_bonus() -> None:
    _, r, f = one({"A": 5, "B": 3, "P": 2, "X": 1})
    assert f.core == D(8) and f.penalty_applied == D(2) and f.bonus_counted == D(1)
    assert r.total == f.core + f.bonus_counted - f.penalty_applied == D(7)


def test_a_deduction_never_takes_more_than_the_core_points() -> None:
    _, r, f = one({"A": 1, "B": 0, "P": 3})
    assert (f.penalty_entered, f.penalty_applied, f.penalty_cap) == (D(3), D(1), D(3))
    assert r.total == 0


def test_a_capped_bonus_counts_the_cap_and_keeps_what_was_earned() -> None:
    _, r, f = one({"A": 6, "B": 4, "X": 3})
    assert (f.bonus_entered, f.bonus_counted, f.bonus_cap) == (D(3), D(2), D(2))
    assert f.bonus_capped and r.total == D(12)


def test_points_lost_are_over_core_leaves_only() -> None:
    _, _, f = one({"A": 4, "B": 4, "P": 2, "X": 3})  # a bonus does not make up for A's loss
    assert f.lost == D(2) and [x.id for x in f.losses] == ["A"]
    assert [(d.id, d.points) for d in f.deductions] == [("P", D(2))]


def test_a_penalty_dimension_has_no_ratio_no_loss_and_its_change_is_its_effect() -> None:
    cs = make_set(SET)
    before = score(cs, assess({"r": {"A": 6, "B": 4, "P": 3}}, period="2024-01"))
    now = score(cs, assess({"r": {"A": 6, "B": 4, "P": 0}}, period="2024-02"))
    f = figures(cs, now[0], now, before[0])
    p = next(d for d in f.dimensions if d.id == "P")
    assert p.ratio is None and p.lost is None
    assert p.change == D(3)  # three points less deducted: an improvement
    assert f.change == D(3)


def test_vetoes_are_all_listed_with_their_names_and_whether_triggered() -> None:
    _, r, f = one({"A": 6, "B": 4, "V": True})
    assert [(v.id, v.name, v.triggered, v.effect) for v in f.vetoes] == [
        ("V", "发生重大事故", True, "max_stars:3")
    ]
    assert r.rating.veto_name == "发生重大事故"


def test_the_light_is_the_ratings_colour() -> None:
    _, r, f = one({"A": 5, "B": 2})
    assert (r.rating.key, f.light) == ("y", "yellow")


def test_next_grade_is_measured_on_the_printed_basis_and_a_veto_blocks_it() -> None:
    _, _, f = one({"A": 5, "B": "2.5"})
    assert f.next_grade is not None
    assert (f.next_grade.grade.key, f.next_grade.points_short) == ("g", D("1.50"))
    _, _, f = one({"A": 6, "B": 2, "V": True})
    assert f.next_grade is not None and f.next_grade.blocked_by == "V"


def test_leaders_keep_every_region_tied_at_the_cut() -> None:
    cs = make_set(SET)
    results = score(cs, assess({"a": {"A": 6}, "b": {"A": 5}, "c": {"A": 5}, "d": {"A": 5}}))
    assert [(x.rank, x.region) for x in leaders(cs, results, "A", top=2)] == [
        (1, "a"), (2, "b"), (2, "c"), (2, "d"),
    ]  # fmt: skip


def test_a_penalty_is_never_a_leader() -> None:
    cs = make_set(SET)
    results = score(cs, assess({"a": {"P": 3}, "b": {"P": 1}}))
    assert leaders(cs, results, "P") == []


@pytest.mark.parametrize(
    ("period", "present", "previous"),
    [
        ("2021-04", ["2021-W10", "2021-W14", "2021-W18"], "2021-03"),  # weeks rolled up
        ("2021-W14", ["2021-W12", "2021-W13", "2021-W14"], "2021-W13"),
        ("2021-Q2", ["2021-02", "2021-05"], "2021-Q1"),
        ("2022", ["2021-Q3", "2022-01"], "2021"),
        ("2021-03", ["2021-03", "2021-04"], None),  # nothing after the period
    ],
)
def test_the_previous_period_of_every_kind(period: str, present: list, previous: str) -> None:
    assert previous_period(period, present) == previous


def test_a_report_never_reaches_past_its_period() -> None:
    assert periods_up_to("2021-W17", ["2021-W16", "2021-W17", "2021-W18"]) == [
        "2021-W16",
        "2021-W17",
    ]


def test_a_week_belongs_to_the_month_of_its_thursday() -> None:
    assert str(enclosing(parse_period("2021-W13"), "month")) == "2021-04"  # Thu 1 April
    assert enclosing(parse_period("2021"), "month") is None
