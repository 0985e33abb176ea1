"""Tasks in a campaign of several kinds of unit are shown kind by kind, as the rankings are
(issue 16): `tasks show` heads each kind with its label and counts, its JSON says each unit's
kind, `--kind` shows one kind, and the 亮进度 bulletin has a section per kind. Hand-counted: on
30 June 2021 the counties' one task each (due 31 March) is done for 越城区 and overdue for the
other five; the departments' task (due 31 December, no progress) is behind schedule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assessor.store.task_board import TaskBoard
from assessor.store.workspace import open_workspace
from tests.cli_run import assessor
from tests.kinds_campaign import COUNTIES, DEPARTMENTS, write_campaign

ON = "2021-06-30"
TASKS = """format: 1
campaign: sx-tasks-test
categories: [重点任务]
lists:
  - kind: department
    tasks:
      - {id: D-1, name: 部门数据共享清单, category: 重点任务, deadline: 2021-12-31}
  - kind: county
    tasks:
      - {id: C-1, name: 区县公共数据平台接入, category: 重点任务, deadline: 2021-03-31}
"""


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    folder = write_campaign(tmp_path / "sx")
    (folder / "tasks.yaml").write_text(TASKS, encoding="utf-8")
    with (folder / "workspace.yaml").open("a", encoding="utf-8") as f:
        f.write("tasks: tasks.yaml\n")
    p = assessor("tasks", "set", str(folder), "330602", "C-1", "--on", "2021-03-20", "--done",
                 "--who", "测试")  # fmt: skip
    assert p.returncode == 0, p.stderr
    return folder


def test_the_board_groups_units_by_kind_in_the_campaigns_order(campaign: Path) -> None:
    ws = open_workspace(campaign)
    try:
        groups = TaskBoard(ws).by_kind(dt.date.fromisoformat(ON))
    finally:
        ws.close()
    assert [g.kind.key for g in groups] == ["county", "department"]  # workspace.yaml's order
    assert [u.unit for u in groups[0].units] == list(COUNTIES)
    assert [u.unit for u in groups[1].units] == list(DEPARTMENTS)
    assert all(g.several for g in groups)
    counties = [s.status for s in groups[0].states]
    assert sorted(counties) == ["done", *["overdue"] * 5]
    assert {s.status for s in groups[1].states} == {"behind"}


def test_tasks_show_heads_each_kind_with_its_counts_counties_before_departments(
    campaign: Path,
) -> None:
    p = assessor("tasks", "show", str(campaign), "--on", ON)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    county_head = out.index("区、县（市）（6 个单位）：6项任务：已完成 1 项，逾期 5 项")
    department_head = out.index("市级部门（3 个单位）：3项任务：滞后于序时 3 项")
    assert county_head < department_head
    for name in COUNTIES.values():
        assert county_head < out.index(name) < department_head, name
    for name in DEPARTMENTS.values():
        assert out.index(name) > department_head, name


def test_tasks_show_json_says_each_units_kind(campaign: Path) -> None:
    p = assessor("tasks", "show", str(campaign), "--on", ON, "--format", "json")
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    assert [(r["kind"], r["unit"]) for r in rows] == [
        *(("county", u) for u in COUNTIES),
        *(("department", u) for u in DEPARTMENTS),
    ]
    assert {r["kind_label"] for r in rows if r["kind"] == "department"} == {"市级部门"}


def test_tasks_show_kind_shows_one_kind(campaign: Path) -> None:
    p = assessor("tasks", "show", str(campaign), "--on", ON, "--kind", "department")
    assert p.returncode == 0, p.stderr
    assert all(name in p.stdout for name in DEPARTMENTS.values())
    assert not any(name in p.stdout for name in COUNTIES.values())
    p = assessor("tasks", "show", str(campaign), "--on", ON, "--kind", "township")
    assert p.returncode != 0
    assert "kinds: county (区、县（市）), department (市级部门)" in p.stderr, p.stderr


def test_the_bulletin_has_a_section_per_kind(campaign: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    p = assessor("tasks", "bulletin", str(campaign), "--on", ON, "-o", str(out), "--html",
                 timeout=300)  # fmt: skip
    assert p.returncode == 0, p.stderr
    (html_file,) = out.glob("progress-*.html")
    html = html_file.read_text(encoding="utf-8")
    counties = html.index('<h2 class="kind">区、县（市）</h2>')
    departments = html.index('<h2 class="kind">市级部门</h2>')
    assert counties < departments
    assert "区、县（市） 6 个单位共承担6项任务：已完成 1 项，逾期 5 项" in html
    assert "市级部门 3 个单位共承担3项任务：滞后于序时 3 项" in html
    for name in COUNTIES.values():
        assert counties < html.index(f"<td>{name}</td>") < departments, name
    for name in DEPARTMENTS.values():
        assert html.index(f"<td>{name}</td>") > departments, name
    assert (html_file.with_suffix(".pdf")).stat().st_size > 0


def test_a_campaign_of_one_kind_has_no_kind_headings(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "bz"
    folder.mkdir()
    for f in (root / "samples" / "binzhou-2023").iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    p = assessor("tasks", "show", str(folder), "--on", "2023-08-11", "--format", "json")
    assert p.returncode == 0, p.stderr
    assert all("kind" not in r for r in json.loads(p.stdout))
    p = assessor("tasks", "show", str(folder), "--on", "2023-08-11")
    assert "个单位）" not in p.stdout
