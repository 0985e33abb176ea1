"""Reports of a campaign of two kinds: one ranking table (and one of each chart) per kind in the
ranking report and the bulletin, each headed by its kind's label; a unit's own report uses its
kind's set and peers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli_run import assessor
from tests.kinds_campaign import make_campaign


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_campaign(tmp_path_factory.mktemp("kinds") / "sx")


def _report(campaign: Path, out: Path, *args: str) -> str:
    p = assessor("report", str(campaign), "--period", "2021-W11", "-o", str(out), "--html",
                 "--quiet", "--date", "2021-03-22", *args)  # fmt: skip
    assert p.returncode == 0, p.stderr
    (html,) = out.glob("*.html")
    assert html.with_suffix(".pdf").is_file()
    return html.read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _league_rows(html: str) -> list[list[str]]:
    """The rows of each league (or bulletin) table, as cell texts."""
    tables = re.findall(r'<table class="data (?:league|bulletin)">(.*?)</table>', html, re.S)
    return [
        [_text(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for t in tables
        for row in re.findall(r"<tr>(.*?)</tr>", t.split("<tbody>")[1], re.S)
    ]


def test_the_ranking_report_has_one_table_per_kind_headed_by_its_label(
    campaign: Path, tmp_path: Path
) -> None:
    html = _report(campaign, tmp_path, "--type", "ranking")
    text = _text(html)
    assert "（一）区、县（市）" in text and "（二）市级部门" in text
    tables = re.findall(r'<table class="data league">(.*?)</table>', html, re.S)
    assert len(tables) == 2
    assert "越城区" in tables[0] and "市大数据局" not in tables[0]
    departments = [r[:3] for r in _league_rows(html) if r[1].startswith("市")]
    # W11: 57 + 36, 48 + 32, 36 + 40
    assert departments == [["1", "市大数据局", "93.00"], ["2", "市市场监管局", "80.00"],
                           ["3", "市人力社保局", "76.00"]]  # fmt: skip
    assert "市级部门各评级地区数" in text and "区、县（市） × 维度得分" in text
    figures = [int(n) for n in re.findall(r"图 (\d+)　", text)]
    assert figures == list(range(1, len(figures) + 1))  # numbered once through both kinds
    assert "各类单位按各自的指标体系评分、分别排名" in text


def test_the_bulletin_ranks_each_kind_in_its_own_table(campaign: Path, tmp_path: Path) -> None:
    html = _report(campaign, tmp_path, "--type", "bulletin")
    text = _text(html)
    assert "（一）区、县（市）" in text and "（二）市级部门" in text
    assert "2021年第11周共 6 个单位纳入通报" in text and "2021年第11周共 3 个单位纳入通报" in text
    ranks = {r[2]: r[0] for r in _league_rows(html)}
    assert (ranks["市大数据局"], ranks["市市场监管局"], ranks["市人力社保局"]) == ("1", "2", "3")
    assert ranks["越城区"] == "1"


def test_a_ranking_of_one_kind_shows_only_that_kind(campaign: Path, tmp_path: Path) -> None:
    html = _report(campaign, tmp_path, "--type", "ranking", "--kind", "department")
    assert len(re.findall(r'<table class="data league">', html)) == 1
    assert "越城区" not in html and "市大数据局" in html
    assert next(tmp_path.glob("*.pdf")).name == "ranking-test-departments-2021-W11.pdf"


def test_a_departments_own_report_uses_the_department_set_and_peers(
    campaign: Path, tmp_path: Path
) -> None:
    html = _report(campaign, tmp_path, "--region", "sx-rsj")
    text = _text(html)
    assert "市级部门数字化转型评价（测试）" in text
    assert "业务应用成熟度" not in text  # a county dimension
    assert next(tmp_path.glob("*.pdf")).name == "county-test-departments-2021-W11-sx-rsj.pdf"
