"""排名得分: ranks into points by each rule shape, ties, and the year from its months."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from assessor.model.rank_points import RankPoints, YearComposition
from assessor.scoring.peers import competition_ranks
from assessor.scoring.rank_points import compose_year, points_by_unit, rank_points, rule_words

LINEAR = RankPoints(first=Decimal(100), step=Decimal(2), floor=Decimal(60))
TABLE = RankPoints(table=(Decimal(100), Decimal(95), Decimal(90)), rest=Decimal(80))
TIERS = RankPoints.model_validate(
    {"tiers": [{"upto": 3, "points": 100}, {"upto": 6, "points": 90}], "rest": 80}
)


def test_linear_rule_loses_step_points_per_rank() -> None:
    assert [rank_points(LINEAR, r) for r in (1, 2, 6)] == [100, 98, 90]


def test_linear_rule_stops_at_its_floor() -> None:
    assert rank_points(LINEAR, 30) == 60  # 100 − 58 = 42 → 60


def test_table_rule_gives_rest_beyond_the_table() -> None:
    assert [rank_points(TABLE, r) for r in (1, 3, 4)] == [100, 90, 80]


def test_tiers_include_their_upper_bound() -> None:
    assert [rank_points(TIERS, r) for r in (3, 4, 6, 7)] == [100, 90, 90, 80]


def test_tied_units_share_the_points_of_their_shared_rank() -> None:
    ranks = competition_ranks({"越城区": Decimal(91), "柯桥区": Decimal(91), "上虞区": Decimal(88)})
    assert points_by_unit(LINEAR, ranks) == {"越城区": 100, "柯桥区": 100, "上虞区": 96}


def test_a_unit_without_a_rank_gets_no_points() -> None:
    assert points_by_unit(LINEAR, {"a": 1, "b": None}) == {"a": 100}


def test_exactly_one_rule_shape_is_accepted() -> None:
    with pytest.raises(ValidationError, match="exactly one of"):
        RankPoints.model_validate({"first": 100, "step": 2, "table": [100]})
    with pytest.raises(ValidationError, match="needs both"):
        RankPoints.model_validate({"first": 100})


def test_the_rules_read_as_written() -> None:
    assert rule_words(LINEAR, "zh") == "100 − 2 ×（名次 − 1），最低 60"
    assert rule_words(TIERS, "zh") == "第1–3名 100，第4–6名 90，其后 80"
    assert rule_words(TABLE, "en") == "by rank 100, 95, 90, then 80"


def test_the_year_is_the_mean_of_the_months_a_unit_was_ranked_in() -> None:
    months = [("2021-01", {"a": Decimal(100), "b": Decimal(98)}),
              ("2021-02", {"a": Decimal(96)})]  # fmt: skip
    year = compose_year(YearComposition(), months)
    assert year["a"].value == 98
    assert year["b"].value == 98 and year["b"].periods == (("2021-01", Decimal(98)),)
    assert year["a"].words("zh") == "2 个周期排名得分平均：100、96 → 98"


def test_months_and_a_year_end_part_are_weighed_by_their_shares() -> None:
    how = YearComposition(periods_share=Decimal(60), year_end_share=Decimal(40))
    months = [("2021-01", {"a": Decimal(100)}), ("2021-02", {"a": Decimal(90)})]
    year = compose_year(how, months, {"a": Decimal(80)})
    assert year["a"].value == Decimal(95) * Decimal("0.6") + Decimal(80) * Decimal("0.4")  # 89
    assert year["a"].words("zh").endswith("；× 60% + 年终 80 × 40% = 89")


def test_shares_must_add_up_to_100() -> None:
    with pytest.raises(ValidationError, match="must be 100"):
        YearComposition(periods_share=Decimal(60), year_end_share=Decimal(30))


@given(st.integers(1, 200), st.integers(1, 200))
def test_a_better_rank_never_gets_fewer_points(a: int, b: int) -> None:
    better, worse = sorted((a, b))
    for rule in (LINEAR, TABLE, TIERS):
        assert rank_points(rule, better) >= rank_points(rule, worse)
