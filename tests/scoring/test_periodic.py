"""Per-indicator roll-up, 序时 targets and rank points (issue 16), computed by hand.

Weeks 2021-W10, W11 and W12 all belong to March 2021 (their Thursdays are 11, 18, 25 March).
"""

from __future__ import annotations

from decimal import ROUND_CEILING
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.scoring import explain_lines, score
from tests.scoring.helpers import assess, make_set, pts

WEEKS = ("2021-W10", "2021-W11", "2021-W12")


def one_leaf(rollup: str, extra: str = "") -> Any:
    return make_set(f"""
full_score: 10
tree:
  - {{id: A1, name: 新增共享接口, points: 10, method: ratio, target: 100, rollup: {rollup}{extra}}}
""")


def weekly(values: list[Any], leaf: str = "A1", region: str = "r1") -> list[Any]:
    return [assess({region: {leaf: v}}, period=w) for w, v in zip(WEEKS, values, strict=False)]


def month(cs: Any, weeks: list[Any], period: str = "2021-03") -> Any:
    (r,) = score(cs, weeks, period=period)
    return r


# ------------------------------------------------------------------ roll-up, one per method


@pytest.mark.parametrize(
    ("method", "points"),
    [
        ("last", D("2.4")),  # the latest running total, 24 of 100
        ("sum", D("8.4")),  # 10 + 50 + 24 = 84 new this month
        ("mean", D("2.8")),  # (10 + 50 + 24) / 3 = 28
        ("max", D("5")),  # 50
        ("min", D("1")),  # 10
    ],
)
def test_each_rollup_method_combines_the_weekly_values_then_scores_once(
    method: str, points: D
) -> None:
    cs = one_leaf(method)
    r = month(cs, weekly([10, 50, 24]))
    assert pts(r, "A1") == points
    assert r.total == points
    assert r.rolled_up_from == WEEKS


def test_a_cumulative_count_scores_its_last_total_against_the_target_not_the_weekly_mean() -> None:
    cs = one_leaf("last")
    r = month(cs, weekly([60, 80, 100]))
    assert pts(r, "A1") == 10  # 100 of 100: full marks (the mean of weekly scores would be 8)


def test_sum_of_named_inputs_applies_the_formula_to_the_sums() -> None:
    cs = make_set("""
full_score: 10
tree:
  - id: A1
    name: 网上受理率
    points: 10
    method: ratio
    rollup: sum
    inputs: {online: {type: integer}, total: {type: integer}}
    value: online / total * 100
""")
    r = month(cs, weekly([{"online": 1, "total": 10}, {"online": 9, "total": 30}]))
    assert pts(r, "A1") == D("2.5")  # 10 / 40 = 25 %, not the mean of 10 % and 30 %


def test_a_group_rollup_is_inherited_and_a_leaf_may_override_it() -> None:
    cs = make_set("""
full_score: 20
tree:
  - id: G
    name: 累计
    rollup: last
    children:
      - {id: G1, name: 数据集, points: 10, method: ratio, target: 100}
      - {id: G2, name: 接口, points: 10, method: ratio, target: 100, rollup: max}
""")
    weeks = [
        assess({"r1": {"G1": v, "G2": v}}, period=w)
        for w, v in zip(WEEKS, [10, 50, 24], strict=True)
    ]
    r = month(cs, weeks)
    assert (pts(r, "G1"), pts(r, "G2"), r.total) == (D("2.4"), D(5), D("7.4"))


def test_leaves_without_a_rollup_key_keep_the_sets_rollup_of_points() -> None:
    cs = make_set("""
full_score: 20
rollup: {method: mean}
tree:
  - {id: A1, name: 累计, points: 10, method: ratio, target: 100, rollup: last}
  - {id: B1, name: 是否上线, points: 10, method: check}
""")
    weeks = [
        assess({"r1": {"A1": 10, "B1": True}}, period="2021-W10"),
        assess({"r1": {"A1": 30, "B1": False}}, period="2021-W11"),
    ]
    r = month(cs, weeks)
    assert pts(r, "A1") == 3  # last: 30 of 100
    assert pts(r, "B1") == 5  # mean of 10 and 0 points


def test_rollup_peers_are_ranked_on_the_combined_values() -> None:
    cs = make_set("""
full_score: 10
tree:
  - {id: R1, name: 调用量, points: 10, method: rank, rank_scores: [1, 0.5], rollup: sum}
""")
    weeks = [
        assess({"a": {"R1": 10}, "b": {"R1": 30}}, period="2021-W10"),
        assess({"a": {"R1": 40}, "b": {"R1": 5}}, period="2021-W11"),
    ]
    got = {r.region: pts(r, "R1") for r in score(cs, weeks, period="2021-03")}
    assert got == {"a": 10, "b": 5}  # 50 against 35


def test_the_explanation_lists_the_periods_and_the_method() -> None:
    cs = one_leaf("last")
    r = month(cs, weekly([10, 50, 24]))
    text = "\n".join(explain_lines(cs, r, "A1", "zh"))
    assert "2021年第12周 24" in text and "取最后一期" in text
    assert "(24 − 0) / (100 − 0) = 0.24" in text


def test_set_wide_sum_beside_indicator_rollups_is_refused() -> None:
    from assessor.errors import AssessorError

    with pytest.raises(AssessorError, match="cannot be combined"):
        make_set("""
full_score: 10
rollup: {method: sum}
tree:
  - {id: A1, name: a, points: 10, method: ratio, rollup: last}
""")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=3))
def test_rollup_of_values_matches_plain_arithmetic(values: list[int]) -> None:
    for method, expect in (
        ("last", values[-1]),
        ("sum", sum(values)),
        ("max", max(values)),
        ("min", min(values)),
    ):
        r = month(one_leaf(method), weekly(values))
        assert pts(r, "A1") == min(D(expect) / 10, D(10)), method


# ------------------------------------------------------------------ 序时 targets

DAYS = ", pro_rata: days"
SCHEDULE = ", pro_rata: {schedule: {3: 20%, 6: 50%, 9: 75%, 12: 100%}}"


def scored(cs: Any, period: str, value: Any) -> Any:
    (r,) = score(cs, assess({"r1": {"A1": value}}, period=period))
    return r


def test_on_schedule_by_days_in_w10_scores_full_marks() -> None:
    cs = one_leaf("last", DAYS)
    # W10 ends Sunday 14 March 2021: day 73 of 365 = 20 %; 20 % of 100 is due
    assert pts(scored(cs, "2021-W10", 20), "A1") == 10
    assert pts(scored(cs, "2021-W10", 10), "A1") == 5


def test_by_days_in_month_6_the_target_is_181_of_365_days() -> None:
    cs = one_leaf("last", DAYS)
    r = scored(cs, "2021-06", 40)
    got = pts(r, "A1")
    assert got is not None
    exact = D(10) * D(40) * D(365) / (D(100) * D(181))  # 40 of 100 × 181/365 = 8.066…
    assert got.quantize(D("1e-20")) == exact.quantize(D("1e-20"))
    assert str(cs.round(r.total)) == "8.07"


def test_at_year_end_the_whole_target_is_due() -> None:
    cs = one_leaf("last", DAYS)
    assert pts(scored(cs, "2021", 99), "A1") == D("9.9")
    cs = one_leaf("last", SCHEDULE)
    assert pts(scored(cs, "2021", 99), "A1") == D("9.9")


def test_a_schedule_is_interpolated_by_days_between_its_milestones() -> None:
    cs = one_leaf("last", SCHEDULE)
    # W10: 20 % × 73/90 (31 March is day 90) = 16.2…%; 16.3 is ahead of it
    assert pts(scored(cs, "2021-W10", D("16.3")), "A1") == 10
    assert pts(scored(cs, "2021-06", 40), "A1") == 8  # 50 % due by the end of June
    assert pts(scored(cs, "2021-09", 75), "A1") == 10


def test_a_rolled_up_month_is_judged_against_the_target_due_by_the_months_end() -> None:
    cs = one_leaf("last", SCHEDULE)
    weeks = [assess({"r1": {"A1": v}}, period=w) for w, v in (("2021-W23", 40), ("2021-W24", 50))]
    (r,) = score(cs, weeks, period="2021-06")
    assert pts(r, "A1") == 10  # last 50, 50 due by 30 June


def test_the_explanation_shows_the_pro_rated_target() -> None:
    cs = one_leaf("last", DAYS)
    text = "\n".join(explain_lines(cs, scored(cs, "2021-W10", 10), "A1", "zh"))
    assert "73/365 天" in text
    assert "序时目标 100 × 20% = 20" in text
    assert "(10 − 0) / (20 − 0) = 0.5" in text


def test_bands_thresholds_are_pro_rated_too() -> None:
    cs = make_set("""
full_score: 10
tree:
  - id: A1
    name: 数据集
    points: 10
    method: bands
    pro_rata: days
    bands: [{min: 100, score: 1}, {min: 50, score: 0.5}]
""")
    assert pts(scored(cs, "2021-W10", 20), "A1") == 10  # 20 ≥ 100 × 20 %
    assert pts(scored(cs, "2021-W10", 10), "A1") == 5  # 10 ≥ 50 × 20 %


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=52))
def test_a_unit_exactly_on_schedule_scores_full_marks_every_week(week: int) -> None:
    from assessor.model.indicator_set import ProRata
    from assessor.model.periods import parse_period
    from assessor.scoring.prorata import due

    cs = one_leaf("last", DAYS)
    period = f"2021-W{week:02d}"
    exact = D(100) * due(ProRata(), parse_period(period)).share
    on_time = exact.quantize(D("0.01"), rounding=ROUND_CEILING)  # as entered: two decimals
    assert pts(scored(cs, period, on_time), "A1") == 10


# ------------------------------------------------------------------ rank points

RANKED = """
full_score: 10
rank_points: {{first: 100, step: 2, floor: 60{year}}}
tree:
  - {{id: A1, name: a, points: 10, method: points}}
"""


def test_each_periods_rank_becomes_points_and_ties_share_them() -> None:
    cs = make_set(RANKED.format(year=""))
    rs = score(cs, assess({"a": {"A1": 9}, "b": {"A1": 9}, "c": {"A1": 7}}, period="2021-W10"))
    got = {r.region: (r.rank, r.rank_points.points if r.rank_points else None) for r in rs}
    assert got == {"a": (1, 100), "b": (1, 100), "c": (3, 96)}
    c = next(r for r in rs if r.region == "c")
    assert c.rank_points is not None
    assert c.rank_points.words("zh") == "第 3 名：100 − 2 ×（名次 − 1），最低 60 → 96"


def test_the_year_is_the_mean_of_its_months_rank_points() -> None:
    cs = make_set(RANKED.format(year=", year: {how: mean, from: month}"))
    months = [
        assess({"a": {"A1": 9}, "b": {"A1": 7}}, period="2021-01"),  # a 100, b 98
        assess({"a": {"A1": 5}, "b": {"A1": 8}}, period="2021-02"),  # a 98, b 100
        assess({"a": {"A1": 6}, "b": {"A1": 6}}, period="2021-03"),  # tie: 100, 100
    ]
    year = {r.region: r for r in score(cs, months, period="2021")}
    assert year["a"].rank_points is not None and year["b"].rank_points is not None
    assert year["a"].rank_points.points.quantize(D("1e-20")) == (D(298) / 3).quantize(D("1e-20"))
    assert year["a"].rank_points.periods == (
        ("2021-01", D(100)), ("2021-02", D(98)), ("2021-03", D(100)),
    )  # fmt: skip
    assert "3 个周期排名得分平均：100、98、100" in year["a"].rank_points.words("zh")


def test_months_rolled_up_from_weeks_compose_the_year() -> None:
    cs = make_set(RANKED.format(year=", year: {how: mean, from: month}"))
    weeks = [
        assess({"a": {"A1": 9}, "b": {"A1": 7}}, period="2021-W01"),  # January
        assess({"a": {"A1": 9}, "b": {"A1": 9}}, period="2021-W02"),  # January: a 9, b 8
        assess({"a": {"A1": 1}, "b": {"A1": 8}}, period="2021-W06"),  # February: b first
    ]
    year = {r.region: r for r in score(cs, weeks, period="2021")}
    assert year["a"].rank_points is not None
    assert year["a"].rank_points.periods == (("2021-01", D(100)), ("2021-02", D(98)))
    assert year["a"].rank_points.points == 99


def test_a_year_end_part_is_weighed_in_when_the_year_has_entries() -> None:
    cs = make_set(
        RANKED.format(
            year=", year: {how: mean, from: month, periods_share: 60, year_end_share: 40}"
        )
    )
    data = [
        assess({"a": {"A1": 9}, "b": {"A1": 7}}, period="2021-01"),  # a 100
        assess({"a": {"A1": 5}, "b": {"A1": 8}}, period="2021-02"),  # a 98 → mean 99
        assess({"a": {"A1": 5}, "b": {"A1": 8}}, period="2021"),  # year end: a 98
    ]
    year = {r.region: r for r in score(cs, data, period="2021")}
    assert year["a"].rank_points is not None
    assert year["a"].rank_points.points == D(99) * D("0.6") + D(98) * D("0.4")  # 98.6


def test_a_mean_with_endless_decimals_is_scored_not_refused_as_too_precise() -> None:
    cs = one_leaf("mean")
    r = month(cs, weekly([10, 10, 11]))  # 31 / 3 = 10.333…
    assert r.nodes["A1"].status == "scored"
    got = pts(r, "A1")
    assert got is not None and got.quantize(D("1e-20")) == (D(31) / 30).quantize(D("1e-20"))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=12).map(sorted),
    st.sampled_from([2020, 2021, 2024]),
)
def test_the_share_due_never_falls_from_week_to_week_and_is_whole_at_year_end(
    percents: list[int], year: int
) -> None:
    from assessor.model.indicator_set import ProRata
    from assessor.model.periods import parse_period
    from assessor.scoring.prorata import due

    months = list(range(13 - len(percents), 13))  # the last milestone is December's
    rule = ProRata.model_validate({"schedule": dict(zip(months, percents, strict=True))})
    weeks = [f"{year}-W{w:02d}" for w in range(1, 53)]
    shares = [due(rule, parse_period(w)).share for w in weeks]
    assert shares == sorted(shares)
    assert due(rule, parse_period(str(year))).share == D(percents[-1]) / 100
    assert due(ProRata(), parse_period(f"{year}-12")).share == 1


def test_last_takes_the_latest_week_anyone_entered_not_each_evaluators_own_latest() -> None:
    cs = one_leaf("last")
    weeks = [
        assess({"r1": {"A1": [20, 18]}}, period="2021-W10"),  # e1 enters, e2 re-checks
        assess({"r1": {"A1": 30}}, period="2021-W11", evaluator="e1"),
    ]
    r = month(cs, weeks)
    assert pts(r, "A1") == 3  # W11's 30; e2's W10 re-check does not pull it back to 19
    assert r.nodes["A1"].explanation is not None
    assert [x.evaluator for x in r.nodes["A1"].explanation.rolled] == ["e1"]
