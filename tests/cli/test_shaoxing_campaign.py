"""The bundled Shaoxing campaign (samples/campaigns/shaoxing-2021) end to end through the CLI:
both kinds imported into one workspace, scored for a week, a month and the year, each kind with
its own set, ranked among its own units, with rank points; the bulletin has a 周亮晒 per kind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli_run import assessor

ROOT = Path(__file__).resolve().parents[2]
WEEKS = [f"2021-W{w:02d}" for w in range(5, 14)]  # February, March and W13 (1 April: April)
MONTHS = ("2021-02", "2021-03", "2021-04")


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("shaoxing") / "sx"
    shutil.copytree(ROOT / "samples" / "campaigns" / "shaoxing-2021", ws)
    files = [
        str(f)
        for kind in ("county", "department")
        for w in WEEKS
        for f in sorted((ROOT / "samples" / f"shaoxing-2021-{kind}").glob(f"{w}-*.yaml"))
    ]
    p = assessor("import", "-w", str(ws), "--who", "测试", *files)
    assert p.returncode == 0, p.stderr
    return ws


def _json(*args: str) -> list[dict]:
    p = assessor(*args, "--format", "json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def _by_kind(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["kind"], []).append(r)
    return out


def test_a_week_ranks_counties_and_departments_apart_with_rank_points(campaign: Path) -> None:
    kinds = _by_kind(_json("score", str(campaign), "--period", "2021-W10"))
    assert {k: len(v) for k, v in kinds.items()} == {"county": 6, "department": 6}
    for rows in kinds.values():
        assert sorted(r["rank"] for r in rows)[0] == 1
        for r in rows:
            assert r["rank_points"]["points"] == max(100 - 2 * (r["rank"] - 1), 80)
    assert {r["set"] for r in kinds["department"]} == {"shaoxing-2021-department"}


def test_a_week_in_the_workspace_scores_as_the_entries_files_do(campaign: Path) -> None:
    ws = {r["region"]: r["total"] for r in _json("score", str(campaign), "--period", "2021-W10")}
    files = _json(
        "score", "--set", str(ROOT / "indicators" / "shaoxing-2021-county.yaml"), "--entries",
        *[str(p) for p in sorted((ROOT / "samples" / "shaoxing-2021-county").glob("2021-W1*"))],
        "--period", "2021-W10",
    )  # fmt: skip
    assert {r["region"]: r["total"] for r in files} == {
        k: ws[k] for k in (r["region"] for r in files)
    }


def test_a_month_rolls_its_weeks_up(campaign: Path) -> None:
    rows = _json("score", str(campaign), "--period", "2021-03")
    assert {tuple(r["rolled_up_from"]) for r in rows} == {
        ("2021-W09", "2021-W10", "2021-W11", "2021-W12")
    }


def test_the_year_composes_the_months_rank_points_per_kind(campaign: Path) -> None:
    months = {m: _by_kind(_json("score", str(campaign), "--period", m)) for m in MONTHS}
    for kind, rows in _by_kind(_json("score", str(campaign), "--period", "2021")).items():
        for r in rows:
            got = [
                next(
                    x["rank_points"]["points"]
                    for x in months[m][kind]
                    if x["region"] == r["region"]
                )
                for m in MONTHS
            ]
            assert r["rank_points"]["periods"] == dict(zip(MONTHS, got, strict=True))
            assert r["rank_points"]["points"] == round(sum(got) / 3, 2)


def test_the_bulletin_has_a_liangshai_section_per_kind(campaign: Path, tmp_path: Path) -> None:
    p = assessor(
        "report", str(campaign), "--type", "bulletin", "--period", "2021-W10", "-o", str(tmp_path)
    )
    assert p.returncode == 0, p.stderr
    (pdf,) = tmp_path.glob("*.pdf")
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "周亮晒：区、县（市）各维度排名" in text and "周亮晒：部门各维度排名" in text
