"""The province view: counties at each star per city against 鲁政办字〔2020〕136号's county
targets, computed by hand."""

from __future__ import annotations

from decimal import Decimal

from assessor.model.results import RatingResult, RegionResult
from assessor.scoring.province import SD_2020_136, ProvinceTarget, province_view


def county(rid: str, city: str, stars: int | None, provisional: bool = False) -> RegionResult:
    return RegionResult(
        set="sd-county-2020", period="2022", region=rid, total=Decimal(80),
        core_total=Decimal(80), max=Decimal(100), completeness=Decimal(1),
        provisional=provisional, group=city, rating=RatingResult(stars=stars),
    )  # fmt: skip


# 聊城市: 4, 3, 3, 0 stars; 临沂市: 5, 4, 4, 3, no rating (disqualified)
RESULTS = [
    county("a1", "聊城市", 4), county("a2", "聊城市", 3), county("a3", "聊城市", 3),
    county("a4", "聊城市", 0, provisional=True),
    county("b1", "临沂市", 5), county("b2", "临沂市", 4), county("b3", "临沂市", 4),
    county("b4", "临沂市", 3), county("b5", "临沂市", None),
]  # fmt: skip


def test_counties_by_star_per_city_and_in_total() -> None:
    view = province_view(RESULTS)
    assert view.star_levels == [5, 4, 3, 0, None]
    lc, ly = view.cities
    assert (lc.name, lc.counties, lc.by_stars, lc.provisional) == (
        "聊城市", 4, {4: 1, 3: 2, 0: 1}, 1
    )  # fmt: skip
    assert ly.by_stars == {5: 1, 4: 2, 3: 1, None: 1}
    assert (view.province.name, view.province.counties) == ("合计", 9)


def test_each_target_checked_with_the_counties_still_needed() -> None:
    view = province_view(RESULTS)
    lc, ly = view.cities
    # 2022 ≥ 三星 for 80 %: 聊城 3/4 = 75 % → one more; 临沂 4/5 = 80 % → met
    assert [(c.at, c.of, c.met, c.short) for c in (lc.checks[0], ly.checks[0])] == [
        (3, 4, False, 1), (4, 5, True, 0)
    ]  # fmt: skip
    # 2025 ≥ 四星 for 60 %: 聊城 1/4 (needs 2.4 → 2 more); 临沂 3/5 = 60 % met
    assert [(c.at, c.met, c.short) for c in (lc.checks[2], ly.checks[2])] == [
        (1, False, 2), (3, True, 0)
    ]  # fmt: skip
    # in total: ≥ 三星 7/9 = 77.8 % < 80 % (7.2 needed → 1 more); ≥ 四星 4/9 < 60 % (5.4 → 2)
    total = view.province.checks
    assert (total[0].at, total[0].short) == (7, 1)
    assert (total[1].at, total[1].short) == (7, 2)  # every county ≥ 三星 (普遍, 示例 reading)
    assert (total[2].at, total[2].short) == (4, 2)
    assert view.province.share_at_least(3) == Decimal(7) / 9


def test_the_targets_quote_the_document_and_mark_the_reading_of_putong() -> None:
    assert [t.text for t in SD_2020_136] == [
        "2022年：80%的县达到三星级以上",
        "2025年：全部县达到三星级以上",
        "2025年：60%的县达到四星级以上",
    ]
    assert "80%的县达到省新型智慧城市建设地方标准三星级以上" in SD_2020_136[0].quote
    assert SD_2020_136[1].illustrative and not SD_2020_136[0].illustrative


def test_a_share_exactly_at_the_target_meets_it() -> None:
    t = ProvinceTarget(2022, 3, Decimal("0.8"), "q", "doc")
    five = [county(f"c{i}", "x", 3 if i < 4 else 2) for i in range(5)]  # 4/5 = 0.8
    assert province_view(five, (t,)).province.checks[0].met
