"""The 亮进度 bulletin and the county report's tasks section, read back from the PDFs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_run import assessor
from tests.tasks.conftest import SAMPLE


def pdf_text(path: Path) -> str:
    """The PDF's text with line breaks and spaces taken out (tables and paragraphs wrap)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bz")
    ws = root / "binzhou"
    shutil.copytree(SAMPLE, ws)
    for args in (
        ("tasks", "import", str(ws), str(ws / "progress.csv")),
        ("import", "-w", str(ws), str(ws / "entries-2023.yaml")),
        ("tasks", "bulletin", str(ws), "--on", "2023-11-30", "-o", str(root), "--date",
         "2023-12-01"),
        ("report", str(ws), "--region", "371600", "-o", str(root)),
    ):  # fmt: skip
        p = assessor(*args)
        assert p.returncode == 0, p.stderr
    return root


def test_the_bulletin_counts_every_unit_by_status(reports: Path) -> None:
    text = pdf_text(reports / "progress-binzhou-2023-2023-11-30.pdf")
    assert "目标任务推进情况通报（2023年11月30日）" in text
    assert "2个单位共承担67项任务：已完成32项，按序时推进31项，滞后于序时3项，逾期1项" in text
    assert "绿灯0个单位、黄灯1个、红灯1个" in text
    assert "17项主责任务：已完成11项，按序时推进5项，滞后于序时1项" in text
    assert "27项智慧城市重点任务：已完成17项，按序时推进8项，滞后于序时1项，逾期1项" in text
    assert "示例数据" in text


def test_the_bulletin_lists_the_tasks_behind_or_overdue_with_their_light(reports: Path) -> None:
    text = pdf_text(reports / "progress-binzhou-2023-2023-11-30.pdf")
    assert "ZH-06智慧城市重点任务6（示例）2023年11月15日100.0%85.0%红逾期示例：设备到货延迟" in text
    assert "“七库”系统建设" in text and "2023年12月31日75.0%50.0%黄滞后于序时" in text
    assert "ZR-02" not in text  # on schedule: not listed


def test_the_county_report_has_a_tasks_section_at_the_period_end(reports: Path) -> None:
    text = pdf_text(reports / "county-binzhou-2023-tasks-2023-371600.pdf")
    assert "目标任务推进情况截至2023年12月31日，滨州市（市本级智慧城市）承担任务41项" in text
    assert "27项智慧城市重点任务：已完成26项，逾期1项" in text
    assert "14项应用场景：已完成14项" in text
    assert "已完成或按序时推进的任务占97.6%" in text
