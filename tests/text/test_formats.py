"""The one way numbers, periods, dates and changes are written (issue 15)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from assessor.text.formats import (
    cn_number,
    count,
    date_label,
    fullwidth,
    percent,
    period_label,
    points,
    signed,
)


def test_a_year_is_written_as_the_year_of_account() -> None:
    assert period_label("2021") == "2021年度"


def test_a_year_inside_a_sentence_drops_the_word_for_account() -> None:
    assert period_label("2021", year_word=False) == "2021年"


def test_months_quarters_and_weeks_are_written_in_chinese() -> None:
    assert period_label("2021-04") == "2021年4月"
    assert period_label("2021-Q1") == "2021年第一季度"
    assert period_label("2021-W18") == "2021年第18周"


def test_periods_are_written_in_english_for_an_english_reader() -> None:
    assert [period_label(p, "en") for p in ("2021", "2021-04", "2021-Q3", "2021-W09")] == [
        "2021",
        "April 2021",
        "Q3 2021",
        "week 9 of 2021",
    ]


def test_text_that_is_not_a_period_is_kept_as_given() -> None:
    assert period_label("上半年") == "上半年"


def test_dates_are_written_with_year_month_and_day_characters() -> None:
    assert date_label("2026-11-25") == "2026年11月25日"
    assert date_label(dt.date(2026, 1, 5)) == "2026年1月5日"
    assert date_label(dt.date(2026, 1, 5), "en") == "5 January 2026"


def test_a_change_carries_its_sign_and_a_true_minus() -> None:
    assert signed(Decimal("1.25")) == "+1.25"
    assert signed(Decimal("-0.5")) == "−0.5"
    assert signed(None) == "—"


def test_a_change_that_rounds_to_zero_has_no_sign() -> None:
    assert signed(Decimal("-0.004"), Decimal("0.01")) == "0.00"


def test_points_use_the_sets_digits_and_rounding() -> None:
    assert points(Decimal("93.585"), Decimal("0.01")) == "93.59"
    assert points(Decimal("93.585"), Decimal("0.01"), ROUND_HALF_EVEN) == "93.58"
    assert points(None, Decimal("0.01")) == "—"


def test_a_ratio_prints_as_a_percentage_with_one_decimal() -> None:
    assert percent(Decimal("0.8315")) == "83.2%"
    assert percent(Decimal("1")) == "100.0%"


def test_counts_carry_their_unit() -> None:
    assert count(17) == "17 项"
    assert count(3, "件") == "3 件"
    assert count(1, lang="en") == "1 item"


def test_chinese_numbers_for_sections() -> None:
    assert [cn_number(n) for n in (1, 10, 12, 21, 105, 110)] == [
        "一",
        "十",
        "十二",
        "二十一",
        "一百零五",
        "一百一十",
    ]


def test_punctuation_touching_chinese_becomes_full_width() -> None:
    assert fullwidth("评估人:张三") == "评估人：张三"
    assert fullwidth("五星级(标杆型)") == "五星级（标杆型）"
    assert fullwidth("等级(A)级") == "等级（A）级"


def test_punctuation_between_latin_text_and_digits_is_left_alone() -> None:
    for text in ("GB/T 33356(2016)", "3.5:1", "https://example.org/a?b=1", "(a, b)"):
        assert fullwidth(text) == text


@given(st.decimals(min_value=-1000, max_value=1000, places=4))
def test_a_signed_change_reads_back_as_the_rounded_change(d: Decimal) -> None:
    q = Decimal("0.01")
    text = signed(d, q).replace("−", "-").lstrip("+")
    assert Decimal(text) == d.quantize(q, rounding=ROUND_HALF_UP)


@given(st.text())
def test_fullwidth_never_changes_the_length_or_any_letter(text: str) -> None:
    out = fullwidth(text.replace("\n", ""))
    assert len(out) <= len(text)
    assert [c for c in out if c.isalnum()] == [c for c in text if c.isalnum()]


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=53))
def test_every_week_label_names_its_year_and_number(year: int, week: int) -> None:
    assert period_label(f"{year}-W{week:02d}") == f"{year}年第{week}周"


def test_a_chart_axis_names_periods_without_their_year() -> None:
    from assessor.text.formats import period_short

    assert [period_short(p) for p in ("2021-W13", "2021-04", "2021-Q2", "2021")] == [
        "第13周",
        "4月",
        "第二季度",
        "2021年",
    ]


def test_every_field_a_source_can_back_has_a_chinese_name() -> None:
    from assessor.model.indicator_set import SOURCE_FIELDS
    from assessor.model.sources import FIELD_NAMES_ZH

    assert set(SOURCE_FIELDS) <= set(FIELD_NAMES_ZH), set(SOURCE_FIELDS) - set(FIELD_NAMES_ZH)
