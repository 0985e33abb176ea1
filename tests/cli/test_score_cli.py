"""`assessor score --format json` on sets and entries written against the spec, checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_run import assessor

DATA = Path(__file__).parent / "data"


def score_json(*args: str) -> dict[tuple[str, str], dict]:
    p = assessor("score", *args, "--format", "json")
    assert p.returncode == 0, p.stderr
    return {(r["period"], r["region"]): r for r in json.loads(p.stdout)}


@pytest.fixture(scope="module")
def county():
    return score_json(
        "--set", str(DATA / "county.yaml"),
        "--entries", str(DATA / "county-zhang.yaml"), str(DATA / "county-li.yaml"),
    )  # fmt: skip


def test_two_evaluators_bonus_cap_and_five_stars(county):
    r = county[("2024", "371502")]
    # D1-01 92 > 90 → 6; D1-02 137/160 = 0.85625 × 9 = 7.70625; D1-03 mean(15, 9) = 12
    # D2-01 mean(30, 26) = 28 ranks 2nd → 1.0 × 40; D2-02 mean(30, 24) = 27
    # core 92.70625 + bonus 5 (2 + 3) capped by bonus_cap 3 → 95.70625 → 95.71
    assert r["total"] == 95.71
    assert r["nodes"]["D1-02"]["points"] == 7.71
    assert r["nodes"]["D1-03"] == {**r["nodes"]["D1-03"], "points": 12, "level": 3}
    assert r["nodes"]["D2-01"]["points"] == 40
    assert r["nodes"]["D2-01"]["level"] == 4
    assert r["nodes"]["D2-02"]["points"] == 27
    # levelled leaves D1-01 (5), D1-03 (3), D2-01 (4): 2 of 3 at ≥ 4 → 五星级
    assert r["rating"] == {"key": "5", "label": "五星级", "stars": 5, "veto": None}
    assert r["rank"] == 1
    assert r["completeness"] == 1
    assert r["provisional"] is False


def test_na_redistribution_and_veto_capping_stars(county):
    r = county[("2024", "371503")]
    # D1-03 na: D1-01 (4.8 of 6) and D1-02 (4.5 of 9) scaled by 30/15 = 2
    assert r["nodes"]["D1-03"]["status"] == "na"
    assert r["nodes"]["D1-03"]["points"] is None
    assert r["nodes"]["D1-01"]["points"] == 9.6
    assert r["nodes"]["D1-01"]["max"] == 12
    assert r["nodes"]["D1"]["points"] == 18.6
    assert r["total"] == 82.6
    # 四星级 by score, capped at three stars by the veto
    assert r["rating"] == {"key": "3", "label": "三星级", "stars": 3, "veto": "V"}


def test_rank_ties_none_and_rank_beyond_levels(county):
    assert county[("2024", "371521")]["nodes"]["D2-01"]["points"] == 32  # 3rd → 0.8
    r = county[("2024", "371522")]
    assert r["nodes"]["D2-01"]["points"] == 24  # 4th → 0.6
    assert r["nodes"]["D2-01"]["level"] == 0


def test_missing_entries_make_the_result_provisional(county):
    r = county[("2024", "371522")]
    assert r["nodes"]["D1-02"]["status"] == "unscored"
    assert r["total"] == 61.8
    assert r["completeness"] == 0.91  # scored max 6 + 15 + 40 + 30 of 100
    assert r["provisional"] is True
    assert r["rating"]["key"] == "3"


def test_competition_ranks_of_totals(county):
    ranks = {k[1]: v["rank"] for k, v in county.items()}
    assert ranks == {"371502": 1, "371503": 2, "371521": 3, "371522": 4}


def weekly_files() -> list[str]:
    return [str(p) for p in sorted(DATA.glob("weekly-*.yaml"))]


def test_weeks_roll_up_into_the_month_of_their_thursday():
    out = score_json("--set", str(DATA / "weekly.yaml"), "--entries", *weekly_files(),
                     "--period", "2024-03")  # fmt: skip
    a, b = out[("2024-03", "a")], out[("2024-03", "b")]
    # a: W10 54 + 36, W11 60 + 40 (tie, both 1st), W12 51.3 + 36 → mean(90, 100, 87.3)
    assert a["total"] == 92.43
    assert a["nodes"]["W1"]["points"] == 55.1
    assert b["total"] == 89  # mean(82, 88, 97); W14 (April) is not in March
    assert (a["rank"], b["rank"]) == (1, 2)
    assert a["rating"]["label"] == "绿"


def test_each_week_is_scored_without_period():
    out = score_json("--set", str(DATA / "weekly.yaml"), "--entries", *weekly_files())
    assert sorted({k[0] for k in out}) == ["2024-W10", "2024-W11", "2024-W12", "2024-W14"]
    assert out[("2024-W11", "a")]["total"] == 100


def test_explain_shows_the_arithmetic_of_a_leaf():
    p = assessor("explain", "--set", str(DATA / "county.yaml"),
                 "--entries", str(DATA / "county-zhang.yaml"), "--region", "371502",
                 "--node", "D1-02")  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert "0.85625 × 9 = 7.70625 → 7.71" in p.stdout


def test_csv_has_a_row_per_region_and_a_column_per_node():
    p = assessor("score", "--set", str(DATA / "county.yaml"),
                 "--entries", str(DATA / "county-zhang.yaml"), "--format", "csv")  # fmt: skip
    assert p.returncode == 0, p.stderr
    lines = p.stdout.strip().splitlines()
    assert len(lines) == 5
    assert "D1-03" in lines[0].split(",")


def test_table_shows_rank_total_and_stars():
    p = assessor("score", "--set", str(DATA / "county.yaml"),
                 "--entries", str(DATA / "county-zhang.yaml"), str(DATA / "county-li.yaml"))  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert "95.71" in p.stdout
    assert "★★★★★" in p.stdout


def test_usage_errors_exit_2():
    assert assessor("score").returncode == 2
    assert assessor("score", "--format", "xml").returncode == 2
    assert assessor("nonsense").returncode == 2


def test_unknown_region_in_explain_exits_1_with_a_message():
    p = assessor("explain", "--set", str(DATA / "county.yaml"),
                 "--entries", str(DATA / "county-zhang.yaml"), "--region", "999999")  # fmt: skip
    assert p.returncode == 1
    assert "999999" in p.stderr
    assert "Traceback" not in p.stderr
