"""Periods and roll-up of shorter periods into longer ones (spec §1.7)."""

from decimal import Decimal as D

import pytest

from assessor.model.periods import PeriodError, parse_period
from assessor.scoring import score
from tests.scoring.helpers import assess, make_set

SET = """
full_score: 10
rollup: {{method: {method}}}
tree:
  - {{id: P, name: p, points: 10, method: points}}
  - id: L
    name: l
    points: 0
    method: level
    levels: [{{level: 1}}, {{level: 2}}, {{level: 3}}]
rating:
  grades:
    - {{key: G, label: 绿, min_score: 6}}
    - {{key: R, label: 红}}
"""


def weeks(values: dict[str, float], levels: dict[str, int] | None = None):
    return [
        assess({"r1": {"P": v, **({"L": levels[w]} if levels else {})}}, period=w)
        for w, v in values.items()
    ]


def test_iso_week_belongs_to_the_month_of_its_thursday():
    # 2024-W05 runs Mon 29 Jan – Sun 4 Feb; its Thursday is 1 Feb → February
    assert parse_period("2024-02").contains(parse_period("2024-W05"))
    assert not parse_period("2024-01").contains(parse_period("2024-W05"))
    # 2021-W53 (Thursday 31 Dec 2020?) no: 2020-W53 has Thursday 31 Dec 2020 → 2020
    assert parse_period("2020").contains(parse_period("2020-W53"))
    assert parse_period("2024-Q1").contains(parse_period("2024-03"))


def test_bad_period_names_the_allowed_forms():
    with pytest.raises(PeriodError, match="2024-Q1"):
        parse_period("2024-13")


def test_weeks_roll_up_into_a_month_by_mean():
    cs = make_set(SET.format(method="mean"))
    ws = weeks({"2024-W05": 4, "2024-W06": 8, "2024-W07": 9, "2024-W09": 3})
    (r,) = score(cs, ws, period="2024-02")  # W05–W08 are February; W09 (Thu 29 Feb) too
    assert r.total == D(6)  # mean(4, 8, 9, 3)
    assert r.rolled_up_from == ("2024-W05", "2024-W06", "2024-W07", "2024-W09")
    assert r.rating.key == "G"


def test_sum_and_last_rollups():
    ws = weeks({"2024-W10": 2, "2024-W11": 3})
    (s,) = score(make_set(SET.format(method="sum")), ws, period="2024-03")
    assert s.total == D(5)
    (last,) = score(make_set(SET.format(method="last")), ws, period="2024-03")
    assert last.total == D(3)


def test_rolled_up_level_is_the_lower_median():
    cs = make_set(SET.format(method="mean"))
    ws = weeks({"2024-W10": 1, "2024-W11": 1, "2024-W12": 1, "2024-W13": 1},
               levels={"2024-W10": 3, "2024-W11": 1, "2024-W12": 2, "2024-W13": 3})  # fmt: skip
    (r,) = score(cs, ws, period="2024-03")
    assert r.nodes["L"].level == 2  # sorted 1 2 3 3 → lower median 2


def test_a_period_with_its_own_entries_is_not_rolled_up():
    cs = make_set(SET.format(method="mean"))
    ws = [*weeks({"2024-W10": 2}), assess({"r1": {"P": 7}}, period="2024-03")]
    (r,) = score(cs, ws, period="2024-03")
    assert r.total == D(7)
    assert r.rolled_up_from == ()


def test_rank_is_taken_on_rolled_up_totals():
    cs = make_set(SET.format(method="mean"))
    ws = [
        assess({"a": {"P": 10}, "b": {"P": 0}}, period="2024-W10"),
        assess({"a": {"P": 0}, "b": {"P": 8}}, period="2024-W11"),
    ]
    r = {x.region: x for x in score(cs, ws, period="2024-03")}
    assert (r["a"].total, r["b"].total) == (D(5), D(4))
    assert (r["a"].rank, r["b"].rank) == (1, 2)


def test_a_region_missing_a_week_counts_as_unscored_that_week():
    cs = make_set(SET.format(method="mean"))
    ws = [
        assess({"a": {"P": 10}, "b": {"P": 10}}, period="2024-W10"),
        assess({"a": {"P": 10}}, period="2024-W11"),
    ]
    r = {x.region: x for x in score(cs, ws, period="2024-03")}
    assert r["b"].total == D(5)
    assert r["b"].provisional


def test_without_period_every_period_is_scored_in_order():
    cs = make_set(SET.format(method="mean"))
    ws = weeks({"2024-W11": 2, "2024-W10": 3})
    assert [r.period for r in score(cs, ws)] == ["2024-W10", "2024-W11"]
