"""The sample star campaign in three stages from the command line, as scripts/demo_stages.sh
runs it: a refused submission names the indicator, `stage compare` lists every change with its
reason, and the county report (a real PDF, read back with pdftotext) shows 自评分 beside 核定分,
the changes and their reasons, the verdicts and the site check."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_run import ROOT, assessor

SAMPLE = ROOT / "samples" / "star-campaign-2021"
ITEM = "https://example.org/示例/{}/{}.pdf"


def ok(*args: str) -> str:
    p = assessor(*args)
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample run through all three stages (the demo's steps)."""
    ws = tmp_path_factory.mktemp("star") / "ws"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        shutil.copy(SAMPLE / name, ws)
    w = str(ws)
    ok("import", "-w", w, "--stage", "self", "--who", "县自评组", str(SAMPLE / "1-self.yaml"))
    ok("set-status", "-w", w, "--stage", "self", "--who", "县自评组", "all", "submitted")
    ok("stage", "start", "-w", w, "--who", "市复核组", "review")
    ok("import", "-w", w, "--stage", "review", "--who", "市复核组", str(SAMPLE / "2-review.yaml"))
    ok("set-status", "-w", w, "--stage", "review", "--who", "市复核组", "all", "submitted")
    ok("stage", "start", "-w", w, "--who", "省专家组", "expert")
    ok("import", "-w", w, "--stage", "expert", "--who", "省专家组", str(SAMPLE / "3-expert.yaml"))
    ok("site-check", "-w", w, "--stage", "expert", "--who", "省专家组", "371502",
       "--date", "2021-11-03", "--checker", "陈静", "--checker", "张磊",
       "--findings", "景区预约平台未与省文旅平台对接")  # fmt: skip
    ok("evidence", "verdict", "-w", w, "--stage", "expert", "--who", "省专家组", "371502",
       "D6-02", ITEM.format("371502", "D6-02"), "不足", "--reason", "入选文件缺少附件名单")  # fmt: skip
    return ws


def test_submitting_with_evidence_judged_insufficient_is_refused_naming_the_indicator(
    campaign: Path,
) -> None:
    p = assessor("set-status", "-w", str(campaign), "--stage", "expert", "371502", "submitted")
    assert p.returncode == 1
    assert "371502 2021 cannot become submitted" in p.stderr
    assert f"D6-02: no usable evidence item: {ITEM.format('371502', 'D6-02')} 不足" in p.stderr


def test_stage_compare_lists_every_change_with_its_reason(campaign: Path) -> None:
    out = subprocess.run(
        [*assessor_cmd(), "stage", "compare", str(campaign), "--region", "371502"],
        capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, check=True,
    ).stdout  # fmt: skip
    assert "自评分" in out and "复核分" in out and "核定分" in out
    assert "│ 合计" in out and "93.82 │          93.32 │          92.32" in out
    for reason in ("复核：协同办公系统未覆盖乡镇（街道），按四星档核定",
                   "现场核查：景区预约平台未与省文旅平台对接",
                   "复核：7 个应用未实际接入“爱山东”，按实际接入数核定"):  # fmt: skip
        assert reason in out


def test_the_county_report_shows_the_stages_changes_verdicts_and_site_check(
    campaign: Path, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the report back")
    ok("report", str(campaign), "--region", "371502", "--quiet", "-o", str(tmp_path))
    (pdf,) = tmp_path.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")  # fmt: skip
    assert "自评、复核与评审" in text
    assert "自评分 93.82 分" in text and "核定分 92.32 分" in text
    assert "复核：协同办公系统未覆盖乡镇（街道），按四星档核定" in text
    assert "入选文件缺少附件名单" in text and "不足" in text
    assert "景区预约平台未与省文旅平台对接" in text and "陈静、张磊" in text


def assessor_cmd() -> list[str]:
    import sys

    return [sys.executable, "-m", "assessor"]
