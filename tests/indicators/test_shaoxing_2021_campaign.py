"""The Shaoxing 2021 campaign sets on their year of sample weeks: a week, a month and the year,
counties and departments apart (周亮晒、月评价、年考核，按排名得分)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from tests.indicators.common import ROOT, result, score_json

COUNTY = "shaoxing-2021-county"
DEPARTMENT = "shaoxing-2021-department"
COUNTIES = {"330602", "330603", "330604", "330681", "330683", "330624"}


def test_the_sample_weeks_are_what_the_generator_writes() -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/gen_shaoxing.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_in_w10_a_county_on_schedule_scores_full_marks_for_its_running_totals() -> None:
    # W10 ends Sunday 14 March 2021: 73/365 = 20 % of the yearly target is due.
    for rid in COUNTIES:
        r = result(COUNTY, rid, "2021-W10")
        for leaf, target in (("A-01", 20), ("A-04", 10), ("A-06", 20), ("C-02", 100)):
            n = r["nodes"][leaf]
            due = Decimal(target) / 5
            if Decimal(str(n["value"])) >= due:
                assert n["points"] == n["max"], (rid, leaf, n)
            else:
                expected = Decimal(str(n["value"])) / due * Decimal(str(n["max"]))
                assert Decimal(str(n["points"])) == expected.quantize(Decimal("0.01")), (rid, leaf)


def test_each_kind_is_ranked_on_its_own() -> None:
    for set_id in (COUNTY, DEPARTMENT):
        ranks = sorted(r["rank"] for r in score_json(set_id, "2021-06"))
        assert len(ranks) == 6 and ranks[0] == 1
    assert {r["region"] for r in score_json(COUNTY, "2021-06")} == COUNTIES


def test_a_months_rank_points_follow_its_rank() -> None:
    for r in score_json(COUNTY, "2021-06"):
        assert r["rank_points"]["points"] == max(100 - 2 * (r["rank"] - 1), 80)


def test_the_years_rank_points_are_the_mean_of_the_twelve_months() -> None:
    months = [f"2021-{m:02d}" for m in range(1, 13)]
    by_month = {m: {r["region"]: r["rank"] for r in score_json(COUNTY, m)} for m in months}
    for r in score_json(COUNTY, "2021"):
        points = [max(100 - 2 * (by_month[m][r["region"]] - 1), 80) for m in months]
        assert r["rank_points"]["periods"] == dict(zip(months, points, strict=True))
        mean = Decimal(sum(points)) / 12
        assert Decimal(str(r["rank_points"]["points"])) == mean.quantize(Decimal("0.01"))


def test_tasks_the_city_bureau_leads_are_not_applicable_to_other_departments() -> None:
    lead = result(DEPARTMENT, "sx-dsjj", "2021")
    other = result(DEPARTMENT, "sx-gaj", "2021")
    assert lead["nodes"]["C-05"]["status"] == "scored"
    assert other["nodes"]["C-05"]["status"] == "na"
    assert other["nodes"]["C-02"]["max"] > 5  # C-05/C-06/C-07's points went to its siblings


def test_at_year_end_a_running_total_is_judged_on_its_last_week() -> None:
    r = result(COUNTY, "330602", "2021")
    last = result(COUNTY, "330602", "2021-W52")
    assert r["nodes"]["C-02"]["value"] == last["nodes"]["C-02"]["value"]
