"""The star-rating sections of the reports, end to end through `assessor report` on the
bundled county samples: 申报等级达标情况 (county), 对照省定目标 and 评审组一致性 (ranking)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.indicators.common import entries_files, run_cli, set_path

SET = "sd-county-2020"


def _html(tmp_path: Path, *argv: str) -> str:
    args = ["report", "--set", str(set_path(SET)), "--entries"]
    args += [str(p) for p in entries_files(SET)] + ["--html", "-o", str(tmp_path), *argv]
    rc, out = run_cli(args)
    assert rc == 0, out
    (page,) = tmp_path.glob("*.html")
    text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    # reports write labels with full-width brackets (四星级（成长型）); compare on ASCII ones
    return re.sub(r"\s+", " ", text).replace("（", "(").replace("）", ")")


def test_the_county_report_judges_the_declared_grade(tmp_path: Path) -> None:
    text = _html(tmp_path, "--region", "371524", "--declared", "4B")
    # 东阿县 84.52 < 4B's 85: the engine's failing condition, and its level-3 indicators
    assert "东阿县申报 四星级(成长型) ，评定为四星级(基础型)， 未达到 申报等级" in text
    assert "总分 ≥ 85 84.52 未满足" in text
    assert "D1-03 政务服务类APP应用 3 ≥ 4 级 未达标" in text
    assert "提升到申报等级“四星级(成长型)”" in text  # the gap starts from the declared grade


def test_the_ranking_report_checks_the_provinces_county_targets(tmp_path: Path) -> None:
    text = _html(tmp_path, "--type", "ranking")
    assert "对照省定目标" in text
    # 聊城市: 8 counties, 2 五星, 4 四星, 0 三星, 2 未达星级; ≥ 三星 6/8 = 75 % (80 % needs 7)
    assert "聊城市 8(暂定 1) 2 4 0 2 75.0% 差 1 个" in text
    assert "80%的县达到省新型智慧城市建设地方标准三星级以上" in text


def test_the_ranking_appendix_shows_the_panels_agreement_with_its_formula(tmp_path: Path) -> None:
    text = _html(tmp_path, "--type", "ranking")
    assert "评审组一致性 评估人 3 名" in text
    assert "W = 12·S / (m²(n³−n) − m·ΣT)" in text
    assert re.search(r"总分\(各评估人单独计算的总分\)：ICC\(2,1\) = 0\.\d{3}", text)
    assert "分歧最大的指标(系数最低)：D2-10 基层网格化治理(W = 0.766)" in text


def test_a_declared_grade_the_set_does_not_have_is_refused_with_the_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, _ = run_cli(
        ["report", "--set", str(set_path(SET)), "--entries", *map(str, entries_files(SET)),
         "--html", "-o", str(tmp_path), "--region", "371524", "--declared", "4C"]
    )  # fmt: skip
    assert rc != 0
    err = capsys.readouterr().err
    assert "region 371524 declares grade '4C'" in err and "its grades: 5, 4B, 4A, 3, 0" in err
    assert not list(tmp_path.glob("*.pdf"))
