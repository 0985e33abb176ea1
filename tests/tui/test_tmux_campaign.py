"""The Shaoxing 2021 campaign in a real terminal (issue 16): 区、县（市） and 市级部门 in one
workspace, each kind on its own home list with its own set, ranks and the engine's totals.
Waits are for text on screen, never fixed sleeps."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assessor.text.formats import period_label
from tests.tui.test_tmux_e2e import eventually, terminal, tmux, typed

ROOT = Path(__file__).resolve().parents[2]
COUNTIES = ("越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县")
DEPARTMENTS = ("市公安局", "市卫生健康委", "市交通运输局", "市市场监管局")
LEAD = "市大数据局-数据组"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled campaign with a year of sample weeks imported, as `make demo` builds it."""
    folder = tmp_path_factory.mktemp("shaoxing")
    for f in (ROOT / "samples" / "campaigns" / "shaoxing-2021").glob("*.yaml"):
        shutil.copy(f, folder / f.name)
    files = sorted((ROOT / "samples" / "shaoxing-2021-county").glob("*.yaml"))
    files += sorted((ROOT / "samples" / "shaoxing-2021-department").glob("*.yaml"))
    subprocess.run(
        [sys.executable, "-m", "assessor", "import", "-w", str(folder), "--who", "test",
         *map(str, files)],
        check=True, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    return folder


def cli_totals(folder: Path, period: str, kind: str) -> dict[str, str]:
    """Each unit's total as `assessor score` prints it (the engine's, with the set's digits)."""
    out = subprocess.run(
        [sys.executable, "-m", "assessor", "score", str(folder), "--period", period,
         "--kind", kind, "--format", "json"],
        check=True, capture_output=True, text=True, timeout=300,
    ).stdout  # fmt: skip
    return {r["name"]: f"{float(r['total']):.2f}" for r in json.loads(out)}


def test_counties_and_departments_each_on_their_own_list_with_the_engines_totals(
    campaign: Path, tmp_path: Path
) -> None:
    """A week of the campaign (the TUI scores weeks as entered; a month or the year rolled up
    from its weeks is scored by the CLI and the reports, tests/cli/test_shaoxing_campaign.py)."""
    period = "2021-W10"
    folder = tmp_path / "ws"
    shutil.copytree(campaign, folder)
    counties = cli_totals(folder, period, "county")
    departments = cli_totals(folder, period, "department")
    with terminal(folder, (160, 50), LEAD) as session:

        def screen() -> str:
            return tmux("capture-pane", "-t", session, "-p")

        def rows(names: tuple[str, ...]) -> dict[str, str]:
            return {n: line for line in screen().splitlines() for n in names if n in line}

        eventually(lambda: len(rows(COUNTIES)) == len(COUNTIES), "the counties", screen)
        shown = screen()
        assert not rows(DEPARTMENTS), shown  # one kind at a time
        assert "区、县（市）" in shown and period_label(period) in shown, shown  # 2021年第10周
        for name, line in rows(COUNTIES).items():
            assert counties[name] in line, (name, counties[name], line)
        typed(session, "t")  # the next kind: its own set, units and ranks
        eventually(lambda: len(rows(DEPARTMENTS)) == len(DEPARTMENTS), "the departments", screen)
        assert not rows(COUNTIES), screen()
        for name, line in rows(DEPARTMENTS).items():
            assert departments[name] in line, (name, departments[name], line)


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_a_month_and_the_year_rolled_up_from_the_weeks_counties_and_departments_apart(
    campaign: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """`g` goes from the week to its month, quarter and year (the engine's roll-up of the
    weeks, read-only, saying 汇总自 N 周); every unit's total is the one `assessor score
    --period` prints for that period and kind."""
    folder = tmp_path / "ws"
    shutil.copytree(campaign, folder)
    expected = {
        (period, kind): cli_totals(folder, period, kind)
        for period, kind in (("2021-03", "county"), ("2021", "county"),
                             ("2021", "department"), ("2021-12", "department"))
    }  # fmt: skip
    with terminal(folder, size, LEAD) as session:

        def screen() -> str:
            return tmux("capture-pane", "-t", session, "-p")

        def rows(names: tuple[str, ...]) -> dict[str, str]:
            return {n: line for line in screen().splitlines() for n in names if n in line}

        def showing(period: str, kind: str, weeks: int) -> None:
            names = COUNTIES if kind == "county" else DEPARTMENTS
            totals = expected[(period, kind)]

            def right() -> bool:
                found = rows(names)
                return (
                    f"汇总自 {weeks} 周" in screen()
                    and len(found) == len(names)
                    and all(totals[n] in line for n, line in found.items())
                )

            eventually(right, f"{period} {kind}: {totals}", screen)
            other = DEPARTMENTS if kind == "county" else COUNTIES
            assert not rows(other), screen()  # one kind at a time

        eventually(lambda: len(rows(COUNTIES)) == len(COUNTIES), "the counties", screen)
        typed(session, "g")  # 2021-W10 → March (W09–W12: their Thursdays are in March)
        showing("2021-03", "county", 4)
        assert "只读" in screen()
        typed(session, "g")  # → 2021-Q1 (W01–W12; W13's Thursday is 1 April)
        eventually(  # at 80 columns the summary line ends at "汇总自 12"
            lambda: "2021年第一季度" in screen() and "汇总自 12" in screen(), "the quarter", screen
        )
        typed(session, "g")  # → 2021
        showing("2021", "county", 52)
        typed(session, "t")  # the departments of the same year: their own set and ranks
        showing("2021", "department", 52)
        typed(session, "g")  # after the year: its last week with entries, typed in
        eventually(lambda: "2021年第52周" in screen() and "汇总自" not in screen(), "W52", screen)
        typed(session, "g")  # → December, from its weeks
        showing("2021-12", "department", 5)
