"""The CLI on a campaign of two kinds (区县 with sx-digital-gov, 市级部门 with a test set): each kind
scored with its own set, ranked among its own units, shown in its own section; `--kind KEY`
for one kind; one-set workspaces made before kinds existed unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.cli_run import assessor
from tests.kinds_campaign import COUNTIES, DEPARTMENTS, department_entries_files, make_campaign

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_campaign(tmp_path_factory.mktemp("kinds") / "sx")


def _json(*args: str) -> list[dict]:
    p = assessor(*args, "--format", "json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_score_ranks_each_kind_among_its_own_units_with_its_own_set(campaign: Path) -> None:
    out = _json("score", str(campaign), "--period", "2021-W10")
    departments = {r["region"]: r for r in out if r["kind"] == "department"}
    counties = {r["region"]: r for r in out if r["kind"] == "county"}
    assert set(departments) == set(DEPARTMENTS) and set(counties) == set(COUNTIES)
    assert {r["set"] for r in departments.values()} == {"test-departments"}
    assert {r["set"] for r in counties.values()} == {"sx-digital-gov"}
    # 体制机制 60 × value% + 创新工作 by rank (40, 36, 32): 54 + 36, 42 + 40, 30 + 32
    assert {k: (r["total"], r["rank"]) for k, r in departments.items()} == {
        "sx-dsj": (90, 1), "sx-rsj": (82, 2), "sx-scjg": (62, 3),
    }  # fmt: skip
    assert sorted(r["rank"] for r in counties.values()) == [1, 2, 3, 4, 5, 6]


def test_score_kind_gives_only_that_kind(campaign: Path) -> None:
    out = _json("score", str(campaign), "--period", "2021-W10", "--kind", "department")
    assert {r["region"] for r in out} == set(DEPARTMENTS)


def test_score_table_heads_each_kind_with_its_label(campaign: Path) -> None:
    p = assessor("score", str(campaign), "--period", "2021-W11")
    assert p.returncode == 0, p.stderr
    assert p.stdout.index("区、县（市） ·") < p.stdout.index("市级部门 ·")
    assert "市大数据局" in p.stdout.split("市级部门 ·")[1]
    assert "越城区" not in p.stdout.split("市级部门 ·")[1]


def test_score_csv_says_each_rows_kind(campaign: Path) -> None:
    p = assessor("score", str(campaign), "--period", "2021-W11", "--format", "csv")
    assert p.returncode == 0, p.stderr
    rows = [line.split(",") for line in p.stdout.splitlines()]
    assert rows[0][:3] == ["kind", "period", "region"]
    assert {r[2]: r[0] for r in rows[1:]} == {
        **{c: "county" for c in COUNTIES}, **{d: "department" for d in DEPARTMENTS},
    }  # fmt: skip


def test_an_unknown_kind_is_refused_listing_the_kinds(campaign: Path) -> None:
    p = assessor("score", str(campaign), "--kind", "township")
    assert p.returncode == 1
    assert "'township'" in p.stderr and "county (区、县（市）), department (市级部门)" in p.stderr


def test_kind_needs_a_workspace() -> None:
    data = ROOT / "tests/cli/data"
    p = assessor("score", "--set", str(data / "weekly.yaml"), "--entries",
                 str(data / "weekly-2024-W10.yaml"), "--kind", "county")  # fmt: skip
    assert p.returncode == 2 and "--kind needs a workspace" in p.stderr


def test_status_shows_each_kind_in_its_own_table(campaign: Path) -> None:
    p = assessor("status", str(campaign), "--period", "2021-W10")
    assert p.returncode == 0, p.stderr
    county, department = p.stdout.split("市级部门")[0], p.stdout.split("市级部门")[1]
    assert "区、县（市）" in county and "越城区" in county and "市大数据局" not in county
    assert "市大数据局" in department and "越城区" not in department
    only = assessor("status", str(campaign), "--period", "2021-W10", "--kind", "department")
    assert "越城区" not in only.stdout and "市市场监管局" in only.stdout


def test_set_status_all_of_one_kind_moves_only_that_kinds_units(tmp_path: Path) -> None:
    folder = make_campaign(tmp_path / "sx")
    p = assessor("set-status", "-w", str(folder), "all", "submitted", "--kind", "department",
                 "--period", "2021-W10", "--who", "组长")  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert sorted(line.split()[0] for line in p.stdout.splitlines()) == sorted(DEPARTMENTS)
    refused = assessor("set-status", "-w", str(folder), "330602", "submitted", "--kind",
                       "department", "--period", "2021-W10", "--who", "组长")  # fmt: skip
    assert refused.returncode == 1 and "330602 is a unit of kind county" in refused.stderr


def test_export_writes_each_kinds_sheets_ranked_within_the_kind(
    campaign: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "结果.xlsx"
    p = assessor("export", str(campaign), "-o", str(out), "--period", "2021-W10")
    assert p.returncode == 0, p.stderr
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == [
        "排名-区、县（市）", "明细-区、县（市）", "填报-区、县（市）",
        "排名-市级部门", "明细-市级部门", "填报-市级部门",
    ]  # fmt: skip
    rows = list(wb["排名-市级部门"].iter_rows(min_row=2, values_only=True))
    assert {(r[3], r[1], r[6]) for r in rows} == {
        ("sx-dsj", 1, 90), ("sx-rsj", 2, 82), ("sx-scjg", 3, 62),
    }  # fmt: skip
    counties = list(wb["排名-区、县（市）"].iter_rows(min_row=2, values_only=True))
    assert {r[3] for r in counties} == set(COUNTIES)
    wb.close()


def test_export_kind_writes_only_that_kinds_sheets(campaign: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "部门.xlsx"
    p = assessor("export", str(campaign), "-o", str(out), "--kind", "department")
    assert p.returncode == 0, p.stderr
    assert load_workbook(out, read_only=True).sheetnames == [
        "排名-市级部门", "明细-市级部门", "填报-市级部门",
    ]  # fmt: skip


def test_export_csv_leads_with_each_rows_kind(campaign: Path, tmp_path: Path) -> None:
    out = tmp_path / "结果.csv"
    assert assessor("export", str(campaign), "-o", str(out)).returncode == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("类别,")
    kinds = {line.split(",")[0] for line in lines[1:]}
    assert kinds == {"区、县（市）", "市级部门"}


def test_import_reads_a_department_file_against_the_department_set(tmp_path: Path) -> None:
    folder = make_campaign(tmp_path / "sx")
    doc = yaml.safe_load(department_entries_files(tmp_path)[0].read_text(encoding="utf-8"))
    doc["period"] = "2021-W12"
    path = tmp_path / "w12.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    p = assessor("import", "-w", str(folder), str(path), "--who", "录入员")
    assert p.returncode == 0, p.stderr
    assert "imported 6 entries" in p.stdout
    out = _json("score", str(folder), "--period", "2021-W12", "--kind", "department")
    assert {r["region"]: r["rank"] for r in out} == {"sx-dsj": 1, "sx-rsj": 2, "sx-scjg": 3}


def test_template_writes_one_form_per_kind(tmp_path: Path) -> None:
    folder = make_campaign(tmp_path / "sx")
    p = assessor("template", str(folder), "--period", "2021-W12")
    assert p.returncode == 0, p.stderr
    assert (folder / "sx-digital-gov-2021-W12-填报.xlsx").is_file()
    assert (folder / "test-departments-2021-W12-填报.xlsx").is_file()
    refused = assessor("template", str(folder), "-o", str(tmp_path / "one.xlsx"))
    assert refused.returncode == 1 and "--kind" in refused.stderr


def test_period_compare_shows_each_kinds_moves_within_the_kind(campaign: Path) -> None:
    p = assessor("period", "compare", str(campaign), "2021-W10", "2021-W11")
    assert p.returncode == 0, p.stderr
    departments = p.stdout.split("· 市级部门")[1]
    assert "越城区" not in departments
    # 市市场监管局 62 → 80 passes 市人力社保局 (82 → 76): rank 3 → 2
    line = next(x for x in departments.splitlines() if "sx-scjg" in x)
    assert "62.00" in line and "80.00" in line and "3 → 2" in line


# ------------------------------------------------------------------ init and migration


def test_init_makes_a_campaign_of_two_kinds(tmp_path: Path) -> None:
    regions = tmp_path / "units.yaml"
    units = [{"id": k, "name": v} for k, v in COUNTIES.items()]
    units += [{"id": k, "name": v, "kind": "department"} for k, v in DEPARTMENTS.items()]
    regions.write_text(yaml.safe_dump({"format": 1, "regions": units}, allow_unicode=True))
    shutil.copy(ROOT / "tests/cli/data/weekly.yaml", tmp_path / "departments.yaml")
    folder = tmp_path / "campaign"
    p = assessor(
        "init", str(folder), "--regions", str(regions), "--period", "2021-W10",
        "--kind", "county:区、县（市）:sx-digital-gov",
        "--kind", f"department:市级部门:{tmp_path / 'departments.yaml'}",
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert "county (区、县（市）): set sx-digital-gov, 6 units" in p.stdout
    assert "department (市级部门): set e2e-weekly, 3 units" in p.stdout
    config = yaml.safe_load((folder / "workspace.yaml").read_text(encoding="utf-8"))
    assert config["period_kind"] == "week"
    assert [k["key"] for k in config["kinds"]] == ["county", "department"]
    status = assessor("status", str(folder))
    assert status.returncode == 0, status.stderr
    assert "区、县（市）" in status.stdout and "市级部门" in status.stdout


def test_init_refuses_a_unit_of_an_undeclared_kind_and_leaves_nothing(tmp_path: Path) -> None:
    regions = tmp_path / "units.yaml"
    units = [{"id": "330602", "name": "越城区"}, {"id": "x1", "name": "某乡镇", "kind": "township"}]
    regions.write_text(yaml.safe_dump({"format": 1, "regions": units}, allow_unicode=True))
    folder = tmp_path / "campaign"
    p = assessor("init", str(folder), "--regions", str(regions),
                 "--kind", "county:区、县（市）:sx-digital-gov")  # fmt: skip
    assert p.returncode == 1
    assert f"{regions}:" in p.stderr and "'township'" in p.stderr
    assert "allowed: county (区、县（市）)" in p.stderr
    assert not folder.exists()


def test_init_refuses_set_and_kind_together(tmp_path: Path) -> None:
    p = assessor("init", str(tmp_path / "c"), "--regions", "x.yaml", "--set", "sd-county-2020",
                 "--kind", "county:区县:sd-county-2020")  # fmt: skip
    assert p.returncode == 2 and "not allowed with argument" in p.stderr


def test_a_workspace_made_before_kinds_scores_as_its_entries_files_do(tmp_path: Path) -> None:
    """workspace.yaml exactly as `assessor init` wrote it before kinds existed."""
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(ROOT / "samples/workspace/regions.yaml", folder / "regions.yaml")
    (folder / "workspace.yaml").write_text(
        "# assessor workspace: docs/workspace.md explains every key\n"
        "format: 1\nname: 聊城市县级新型智慧城市星级评估\nsets:\n- sd-county-2020\n"
        "regions: regions.yaml\nperiod: '2021'\nevaluators:\n- name: 专家组-陈静\n  lead: true\n"
        "language: zh\n",
        encoding="utf-8",
    )
    files = sorted((ROOT / "samples/sd-county-2020").glob("*.yaml"))
    p = assessor("import", "-w", str(folder), *map(str, files), "--who", "导入员")
    assert p.returncode == 0, p.stderr
    from_workspace = _json("score", str(folder))
    from_files = _json("score", "--set", str(ROOT / "indicators/sd-county-2020.yaml"),
                       "--entries", *map(str, files), "--consolidation", "mean")  # fmt: skip
    assert all("kind" not in r for r in from_workspace)
    key = lambda r: (r["period"], r["region"])  # noqa: E731
    assert [(key(r), r["total"], r["rank"]) for r in sorted(from_workspace, key=key)] == [
        (key(r), r["total"], r["rank"]) for r in sorted(from_files, key=key)
    ]
    status = assessor("status", str(folder))
    assert status.returncode == 0 and "区、县（市）" not in status.stdout
