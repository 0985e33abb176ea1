"""`assessor report` from the command line: sections left out, who signs, the audit anchor.

Real PDFs are written and read back with pdftotext (poppler-utils), as a user would check them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_run import assessor

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SET = str(ROOT / "indicators" / "sd-county-2020.yaml")
ENTRIES = [str(p) for p in sorted((SAMPLES / "sd-county-2020").glob("*.yaml"))]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def county_text(out: Path, *args: str) -> str:
    p = assessor("report", *args, "--region", "371502", "--quiet", "-o", str(out))
    assert p.returncode == 0, p.stderr
    (pdf,) = out.glob("*.pdf")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def headings(text: str) -> list[str]:
    return re.findall(r"^\s*([一二三四五六七八九十]、\S+)", text, flags=re.M)


def test_a_county_report_has_its_five_sections_and_two_signature_lines(tmp_path: Path) -> None:
    text = county_text(tmp_path, "--set", SET, "--entries", *ENTRIES)
    assert headings(text)[:5] == [
        "一、总体情况",
        "二、分维度得分",
        "三、指标得分明细",
        "四、失分情况",
        "五、晋级路径",
    ]
    assert "评估组组长（签字）" in text and "审核人（签字）" in text


def test_omitted_sections_are_left_out_and_the_rest_renumbered(tmp_path: Path) -> None:
    text = county_text(tmp_path, "--set", SET, "--entries", *ENTRIES, "--omit", "lost,charts")
    assert "失分情况" not in text and "图 1" not in text
    assert headings(text)[3] == "四、晋级路径"


def test_sign_names_who_signs(tmp_path: Path) -> None:
    text = county_text(
        tmp_path, "--set", SET, "--entries", *ENTRIES, "--sign", "专家组组长", "--sign", "分管领导"
    )
    assert "专家组组长（签字）" in text and "分管领导（签字）" in text
    assert "审核人（签字）" not in text


def test_omit_signatures_leaves_no_signature_lines(tmp_path: Path) -> None:
    text = county_text(tmp_path, "--set", SET, "--entries", *ENTRIES, "--omit", "signatures")
    assert "签字" not in text


def test_an_unknown_section_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    p = assessor("report", "--set", SET, "--entries", *ENTRIES, "--region", "371502",
                 "--omit", "lost,summery", "-o", str(tmp_path))  # fmt: skip
    assert p.returncode != 0
    assert "summery" in p.stderr and "indicators" in p.stderr and "signatures" in p.stderr
    assert not list(tmp_path.glob("*.pdf"))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample workspace with the sample entries imported, once for the file (~2 s)."""
    ws = tmp_path_factory.mktemp("imported") / "ws"
    shutil.copytree(SAMPLES / "workspace", ws)
    p = assessor("import", "-w", str(ws), "--who", "导入员", *ENTRIES)
    assert p.returncode == 0, p.stderr
    return ws


@pytest.fixture
def workspace(imported: Path, tmp_path: Path) -> Path:
    """A copy of it each test may change."""
    return Path(shutil.copytree(imported, tmp_path / "ws"))


def test_a_workspace_report_prints_an_audit_anchor_that_verifies(
    workspace: Path, tmp_path: Path
) -> None:
    text = county_text(tmp_path / "out", str(workspace))
    anchor = re.search(r"审计日志截至第 (\d+) 条记录.*?\n\s*([0-9a-f]{64})", text, flags=re.S)
    assert anchor is not None
    p = assessor("audit", "verify", "-w", str(workspace), "--anchor", anchor.group(2))
    assert p.returncode == 0, p.stderr
    assert f"record {anchor.group(1)}" in p.stdout + p.stderr


def test_the_workspace_report_block_omits_sections_and_names_signers(
    workspace: Path, tmp_path: Path
) -> None:
    config = workspace / "workspace.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "report:\n", "report:\n  omit: [gap]\n  signatures: [评估组长]\n", 1
        ),
        encoding="utf-8",
    )
    text = county_text(tmp_path / "out", str(workspace))
    assert "晋级路径" not in text and "评估组长（签字）" in text and "审核人" not in text


def test_a_misspelt_section_in_workspace_yaml_names_the_file_and_the_choices(
    workspace: Path, tmp_path: Path
) -> None:
    config = workspace / "workspace.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("report:\n", "report:\n  omit: [gapp]\n", 1),
        encoding="utf-8",
    )
    p = assessor("report", str(workspace), "--region", "371502", "-o", str(tmp_path / "out"))
    assert p.returncode != 0
    assert (
        "workspace.yaml:" in p.stderr
        and "'gapp'" in p.stderr
        and "lost, gap, findings, appendix" in p.stderr
    )
