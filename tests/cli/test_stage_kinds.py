"""Stages in a campaign of two kinds of unit: 区县 scored with one set (data/stage-test.yaml:
A1–A4, points as entered) and 市级部门 with another (M1, M2 here). Every stage command works on
each unit with its own kind's set — starting a stage, listing, judging evidence, the site check,
comparing the stages — where it once took the first kind's set for every unit (and refused a
department's indicator as "not a leaf of stage-test"). Figures are the values entered."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessor.model import Entry
from assessor.store.review import site_check, verdicts
from assessor.store.workspace import open_workspace
from tests.cli_run import ROOT, assessor

DATA = ROOT / "tests" / "store" / "data"
COUNTY, DEPARTMENT = "371502", "lc-dsj"
ITEM = "https://example.org/示例/lc-dsj/M1.pdf"
DEPARTMENT_SET = """\
id: stage-dept-test
name: 市级部门阶段测试（示例）
version: "1"
tree:
  - {id: M1, name: 制度建设, points: 60, method: points,
     evidence: {required: true, hint: 制度文件}}
  - {id: M2, name: 应用成效, points: 40, method: points}
rating:
  grades:
    - {key: G, label: 绿, min_score: 80}
    - {key: R, label: 红}
"""
WORKSPACE = """\
format: 1
name: 两类单位的阶段测试（示例）
sets: [stage-test.yaml, departments.yaml]
kinds:
  - {key: county, label: 区县, set: stage-test.yaml}
  - {key: department, label: 市级部门, set: departments.yaml}
regions: regions.yaml
period: "2021"
stages:
  - {key: self, label: 自评, evaluators: [自评组]}
  - {key: review, label: 复核, evaluators: [复核组]}
sample: true
"""
REGIONS = """\
format: 1
regions:
  - {id: "371502", name: 东昌府区}
  - {id: lc-dsj, name: 市大数据局, kind: department}
"""


def ok(*args: str) -> str:
    p = subprocess.run(
        [sys.executable, "-m", "assessor", *args], capture_output=True, text=True,
        timeout=300, env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both units assessed themselves (the county 90, the department 80, each with evidence)
    and submitted; nothing of 复核 yet."""
    folder = tmp_path_factory.mktemp("kinds") / "ws"
    folder.mkdir()
    shutil.copy(DATA / "stage-test.yaml", folder)
    (folder / "departments.yaml").write_text(DEPARTMENT_SET, encoding="utf-8")
    (folder / "workspace.yaml").write_text(WORKSPACE, encoding="utf-8")
    (folder / "regions.yaml").write_text(REGIONS, encoding="utf-8")
    ws = open_workspace(folder)
    ws.use_stage("self")
    for region, values in ((COUNTY, {"A1": 38, "A2": 27, "A3": 17, "A4": 8}),
                           (DEPARTMENT, {"M1": 50, "M2": 30})):  # fmt: skip
        for leaf, v in values.items():
            ws.set_entry(region, "2021", leaf, "自评组", Entry(value=D(v)))
    ws.add_evidence(COUNTY, "2021", "A2", "自评组", url="https://example.org/share.png")
    ws.add_evidence(DEPARTMENT, "2021", "M1", "自评组", url=ITEM)
    for region in (COUNTY, DEPARTMENT):
        ws.set_status(region, "2021", "submitted", who="自评组")
    ws.close()
    return folder


@pytest.fixture(scope="module")
def reviewed(campaign: Path) -> tuple[Path, str]:
    """`stage start review` for every unit that submitted, then the department's review: a
    value changed with its reason, its evidence judged 不足, its site check."""
    w = str(campaign)
    said = ok("stage", "start", "-w", w, "--who", "复核组", "review")
    ws = open_workspace(campaign)
    ws.use_stage("review")
    ws.set_entry(DEPARTMENT, "2021", "M1", "复核组", Entry(value=D(45)), reason="制度未印发")
    ws.close()
    ok("evidence", "verdict", "-w", w, "--stage", "review", "--who", "复核组", DEPARTMENT, "M1",
       ITEM, "不足", "--reason", "缺少印发文号")  # fmt: skip
    ok("site-check", "-w", w, "--stage", "review", "--who", "复核组", DEPARTMENT,
       "--date", "2021-11-04", "--checker", "王芳", "--findings", "制度文件为征求意见稿")  # fmt: skip
    return campaign, said


def test_starting_a_stage_starts_every_kinds_units_under_their_own_sets(
    reviewed: tuple[Path, str],
) -> None:
    folder, said = reviewed
    assert "started in 2021 for 2 unit(s): 6 entries carried over" in said
    ws = open_workspace(folder)
    ws.use_stage("review")
    try:
        department = ws.for_kind("department")
        carried = {(e.leaf, e.entry.value) for e in department.get_entries("2021", DEPARTMENT)}
        assert carried == {("M1", D(45)), ("M2", D(30))}
        assert {e.leaf for e in ws.get_entries("2021", COUNTY)} == {"A1", "A2", "A3", "A4"}
        assert ws.store.verify_audit() == []
    finally:
        ws.close()


def test_a_departments_verdict_and_site_check_are_kept_under_its_kinds_set(
    reviewed: tuple[Path, str],
) -> None:
    folder, _ = reviewed
    ws = open_workspace(folder)
    try:
        v = verdicts(ws.store, "stage-dept-test", "review", DEPARTMENT, "2021")[("M1", ITEM)]
        assert (v.verdict, v.reason, v.judged_by) == ("不足", "缺少印发文号", "复核组")
        check = site_check(ws.store, "stage-dept-test", "review", DEPARTMENT, "2021")
        assert check is not None and check.findings == "制度文件为征求意见稿"
    finally:
        ws.close()


def test_evidence_list_shows_the_departments_required_indicator(
    reviewed: tuple[Path, str],
) -> None:
    folder, _ = reviewed
    out = ok("evidence", "list", "-w", str(folder), "--stage", "review", DEPARTMENT)
    row = next(line for line in out.splitlines() if "M1" in line and "example.org" in line)
    assert "是" in row and "不足" in row and "缺少印发文号" in row  # required, judged, why
    assert "M1: no item judged 有效" in out


def test_stage_list_counts_the_units_of_every_kind(reviewed: tuple[Path, str]) -> None:
    folder, _ = reviewed
    out = ok("stage", "list", str(folder))
    review = next(line for line in out.splitlines() if "复核 (review)" in line)
    assert [c.strip() for c in review.split("│")[3:8]] == ["2", "2", "0", "0", "0"]


def test_stage_compare_scores_each_kind_with_its_own_set(reviewed: tuple[Path, str]) -> None:
    folder, _ = reviewed
    out = ok("stage", "compare", str(folder))
    assert "2021 · 区县: stages side by side" in out and "2021 · 市级部门" in out
    county = next(line for line in out.splitlines() if COUNTY in line)
    department = next(line for line in out.splitlines() if DEPARTMENT in line)
    assert [c.strip() for c in county.split("│")[2:6]] == [
        "90.00",
        "90.00",
        "0.00",
        "四星级 (复核)",
    ]
    assert [c.strip() for c in department.split("│")[2:6]] == [
        "80.00",
        "75.00",
        "-5.00",
        "红 (复核)",
    ]
    one = ok("stage", "compare", str(folder), "--region", DEPARTMENT)
    assert "M1 制度建设" in one and "M2 应用成效" in one and "A1" not in one
    assert "制度未印发" in one  # the reason given with the value


def test_a_department_leaf_is_refused_for_a_county_naming_its_set(
    reviewed: tuple[Path, str],
) -> None:
    folder, _ = reviewed
    p = assessor("evidence", "verdict", "-w", str(folder), "--stage", "review", "--who", "复核组",
                 COUNTY, "M1", ITEM, "有效")  # fmt: skip
    assert p.returncode == 1
    assert "M1 is not a leaf of stage-test" in p.stderr


def test_status_in_a_stage_shows_each_kind_scored_with_its_set(
    reviewed: tuple[Path, str],
) -> None:
    folder, _ = reviewed
    out = ok("status", str(folder), "--stage", "review")
    assert "区县 · 复核 (review)" in out and "市级部门 · 复核 (review)" in out
    department = next(line for line in out.splitlines() if DEPARTMENT in line)
    assert "75.00" in department and "红" in department


def test_the_departments_report_shows_its_stages_change_verdict_and_site_check(
    reviewed: tuple[Path, str], tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the report back")
    folder, _ = reviewed
    ok("report", str(folder), "--region", DEPARTMENT, "--quiet", "-o", str(tmp_path))
    (pdf,) = tmp_path.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")  # fmt: skip
    section = text[text.rindex("自评、复核与评审") :]
    assert "自评分 80.00 分（绿），复核分 75.00 分（红）" in section
    assert "M1 制度建设" in section and "制度未印发（复核组）" in section
    assert "缺少印发文号" in section and "制度文件为征求意见稿" in section
