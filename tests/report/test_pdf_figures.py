"""The figures printed in the PDFs of the bundled samples are the engine's (issue 11).

Reports are made by the real command; their text is read back with pypdf and compared with
`assessor.scoring.figures` on the same inputs. The sets: sx-digital-gov (a top-level 扣分项: 柯桥区 in 2021-W18),
sd-county-2020 (a capped bonus, a veto), sx-digital-gov (weeks rolled up into months).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessor.loader import load_set
from assessor.loader.entries import load_entries
from assessor.model.results import RegionResult
from assessor.scoring import CompiledSet, compile_checked, display, score
from assessor.scoring.figures import Figures, figures
from assessor.scoring.history import score_history
from assessor.scoring.summary import shown_change
from tests.cli_run import ROOT, assessor


@cache
def engine(set_id: str, period: str | None = None) -> tuple[CompiledSet, list[RegionResult]]:
    s = load_set(ROOT / "indicators" / f"{set_id}.yaml")
    a = load_entries(sorted((ROOT / "samples" / set_id).glob("*.yaml")), s)
    cs = compile_checked(s)
    return cs, (score(cs, a) if period is None else score_history(cs, a, period))


def region_figures(
    set_id: str, region: str, period: str | None = None
) -> tuple[CompiledSet, Figures]:
    cs, results = engine(set_id, period)
    wanted = period or max(r.period for r in results)
    peers = [r for r in results if r.period == wanted]
    r = next(x for x in peers if x.region == region)
    return cs, figures(cs, r, peers)


def report(tmp: Path, set_id: str, *args: str) -> str:
    """Run `assessor report` and return the PDF's text with all whitespace removed."""
    entries = [str(p) for p in sorted((ROOT / "samples" / set_id).glob("*.yaml"))]
    done = assessor("report", "--set", f"indicators/{set_id}.yaml", "--entries", *entries,
                    "-o", str(tmp), "--quiet", "--date", "2026-01-01", *args)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (pdf,) = tmp.glob("*.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def deducted(tmp_path_factory: pytest.TempPathFactory) -> str:
    return report(tmp_path_factory.mktemp("wp"), "sx-digital-gov", "--region", "330603")


@pytest.fixture(scope="module")
def county_veto(tmp_path_factory: pytest.TempPathFactory) -> str:
    return report(tmp_path_factory.mktemp("lz"), "sd-county-2020", "--region", "371324")


@pytest.fixture(scope="module")
def county_losses(tmp_path_factory: pytest.TempPathFactory) -> str:
    return report(tmp_path_factory.mktemp("dc"), "sd-county-2020", "--region", "371502")


def test_core_score_is_the_sum_of_the_core_dimensions_with_a_top_level_deduction(
    deducted: str,
) -> None:
    cs, f = region_figures("sx-digital-gov", "330603")
    core = sum((d.points or 0 for d in f.dimensions if d.kind == "core"), Decimal(0))
    assert f.penalty_applied > 0 and abs(f.core - core) < Decimal("1e-24")
    assert f"基本项得分{display(cs, f.core)}/" in deducted
    assert f"总分{display(cs, f.total)}/" in deducted
    assert cs.round(f.core) + cs.round(f.bonus_counted) - cs.round(f.penalty_applied) == cs.round(
        f.total
    )


def test_a_deduction_reads_as_a_deduction_never_as_a_score(deducted: str) -> None:
    cs, f = region_figures("sx-digital-gov", "330603")
    cap = display(cs, f.penalty_cap)
    assert f"扣分扣分{display(cs, f.penalty_applied)}（上限{cap}）" in deducted  # 扣分 row
    penalty = next(d for d in f.dimensions if d.kind == "penalty")
    assert f"{penalty.name}（扣分{display(cs, penalty.points)}，上限{cap}分）" in deducted
    assert f"{display(cs, penalty.points)}/{cap}" not in deducted  # never 得分 / 满分
    # the largest deduction is listed in 失分情况, as a deduction
    (d, *_) = f.deductions
    start = deducted.index("四、失分情况")
    assert f"{d.id}{d.name}" in deducted[start : deducted.index("五、晋级路径", start)]


def test_points_lost_are_the_core_leaves_losses_and_add_up(county_losses: str) -> None:
    cs, f = region_figures("sd-county-2020", "371502")
    assert f"基本项共失分{display(cs, f.lost)}分，涉及{len(f.losses)}项指标" in county_losses
    assert f"失分合计{display(cs, f.lost)}" in county_losses
    printed = [x.lost for x in f.losses[:15]]
    for x in f.losses[:15]:
        assert f"{x.id}{x.name}" in county_losses
    assert sum(printed, Decimal(0)) <= f.lost
    dims = [d for d in f.dimensions if d.kind == "core"]
    assert abs(sum((d.lost or Decimal(0) for d in dims), Decimal(0)) - f.lost) < Decimal("1e-24")


def test_a_capped_bonus_shows_what_counts_its_cap_and_what_was_earned(county_veto: str) -> None:
    cs, f = region_figures("sd-county-2020", "371324")
    assert f.bonus_capped
    counted, cap, earned = (display(cs, x) for x in (f.bonus_counted, f.bonus_cap, f.bonus_entered))
    assert f"加分计入{counted}（上限{cap}，实得{earned}）" in county_veto
    assert f"基本项得分{display(cs, f.core)}/" in county_veto


def test_vetoes_are_named_and_each_says_whether_it_was_triggered(county_veto: str) -> None:
    _, f = region_figures("sd-county-2020", "371324")
    triggered = [v for v in f.vetoes if v.triggered]
    assert triggered and len(triggered) < len(f.vetoes)
    assert f"（一票否决：{triggered[0].name}）" in county_veto
    assert "一票否决：V1" not in county_veto
    for v in f.vetoes:
        assert f"{v.id}{v.name}{'已触发' if v.triggered else '未触发'}" in county_veto


def test_a_monthly_bulletin_compares_with_the_month_before(tmp_path: Path) -> None:
    text = report(tmp_path, "sx-digital-gov", "--type", "bulletin", "--period", "2021-04")
    cs, results = engine("sx-digital-gov", "2021-04")
    now = {r.region: r for r in results if r.period == "2021-04"}
    before = {r.region: r for r in results if r.period == "2021-03"}
    assert now and before and "与2021年3月相比" in text
    for rid, r in now.items():
        change = shown_change(cs, r.total, before[rid].total)
        sign = "+" if change > 0 else "−" if change < 0 else ""
        assert f"{r.name}{display(cs, r.total)}{sign}{display(cs, abs(change))}" in text
    colours = {"green": "绿", "yellow": "黄", "red": "红"}
    counts = {c: sum(1 for r in now.values() if r.rating.color == c) for c in colours}
    assert f"绿灯{counts['green']}个、黄灯{counts['yellow']}个、红灯{counts['red']}个" in text


def test_previous_names_a_rolled_up_month(tmp_path: Path) -> None:
    text = report(tmp_path, "sx-digital-gov", "--region", "330602", "--period", "2021-05",
                  "--previous", "2021-03")  # fmt: skip
    assert "上期（2021年3月）" in text and "与2021年3月相比" in text


def test_a_weekly_ranking_shows_nothing_after_its_week(tmp_path: Path) -> None:
    text = report(tmp_path, "sx-digital-gov", "--type", "ranking", "--period", "2021-W17")
    assert "第16周" in text and "2021年第16周" in text and "2021-W" not in text
    assert "W18" not in text and "第18周" not in text


def test_previous_without_entries_is_refused_by_name(tmp_path: Path) -> None:
    entries = [str(p) for p in sorted((ROOT / "samples" / "sx-digital-gov").glob("*.yaml"))]
    done = assessor("report", "--set", "indicators/sx-digital-gov.yaml", "--entries", *entries,
                    "--type", "bulletin", "--period", "2021-04", "--previous", "2020-12",
                    "-o", str(tmp_path))  # fmt: skip
    assert done.returncode != 0
    assert "--previous" in done.stderr and "2020-12" in done.stderr
    assert not list(tmp_path.glob("*.pdf"))
