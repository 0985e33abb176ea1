"""`assessor period compare` on a weekly campaign (issue 16): a month or the year is rolled up
from its weeks as `assessor score --period` rolls it up, each kind apart, and each period's
rank points (排名得分) stand beside the ranks — the year's with the engine's composition."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.cli.test_shaoxing_campaign import campaign  # noqa: F401 - the module's fixture
from tests.cli_run import assessor


def _scores(folder: Path, period: str, kind: str) -> dict[str, dict[str, Any]]:
    p = assessor("score", str(folder), "--period", period, "--kind", kind, "--format", "json")
    assert p.returncode == 0, p.stderr
    return {r["region"]: r for r in json.loads(p.stdout)}


def _rows(out: str) -> dict[str, str]:
    """Table rows by unit id (the id is on the row's second line when the name wraps)."""
    lines = out.splitlines()
    rows: dict[str, str] = {}
    for i, line in enumerate(lines):
        for rid in re.findall(r"│ \S*? ?(\d{6}|sx-[a-z]+)\s", line):
            rows[rid] = lines[i - 1] + line if not re.search(r"\d+\.\d\d", line) else line
    return rows


def test_two_months_of_weeks_compare_with_the_totals_and_rank_points_of_score(
    campaign: Path,  # noqa: F811
) -> None:
    p = assessor("period", "compare", str(campaign), "2021-03", "2021-04", "--kind", "county")
    assert p.returncode == 0, p.stderr
    assert "2021-03 rolled up from 4 periods" in p.stdout, p.stdout
    assert "排名得分" in p.stdout
    before = _scores(campaign, "2021-03", "county")
    after = _scores(campaign, "2021-04", "county")
    rows = _rows(p.stdout)
    assert set(rows) == set(after), p.stdout
    for rid, line in rows.items():
        b, a = before[rid], after[rid]
        assert f"{b['total']:.2f}" in line and f"{a['total']:.2f}" in line, line
        want = f"{b['rank_points']['points']:.2f} → {a['rank_points']['points']:.2f}"
        assert want in line, (want, line)
        assert f"{b['rank']} → {a['rank']}" in line, line


def test_the_years_rank_points_are_shown_with_each_months_points_per_kind(
    campaign: Path,  # noqa: F811
) -> None:
    p = assessor("period", "compare", str(campaign), "2021-W10", "2021")
    assert p.returncode == 0, p.stderr
    assert "市级部门" in p.stdout and "区、县（市）" in p.stdout
    parts = p.stdout.split("2021 排名得分构成：100 − 2 ×（名次 − 1），最低 80")
    assert len(parts) == 3, p.stdout  # one composition per kind, after its table
    for kind, part in zip(("county", "department"), parts[1:], strict=True):
        lines = {line.split()[0]: line.split()[1:] for line in part.splitlines() if line.strip()}
        months = lines.pop("单位")
        for r in _scores(campaign, "2021", kind).values():
            rp = r["rank_points"]
            assert months == [m.split("-")[1] for m in rp["periods"]] + ["2021"], months
            got = [float(x) for x in lines[r["name"]]]
            assert got == [*rp["periods"].values(), rp["points"]], (r["name"], got)


def test_a_period_with_nothing_in_it_is_refused_naming_the_periods(
    campaign: Path,  # noqa: F811
) -> None:
    p = assessor("period", "compare", str(campaign), "2021-03", "2022-01")
    assert p.returncode != 0
    assert "no entries for period 2022-01" in p.stderr, p.stderr
