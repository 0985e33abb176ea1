"""`assessor tasks` as a user runs it on the Binzhou sample: import, show, set, template."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_run import assessor


def imported(campaign: Path) -> Path:
    p = assessor("tasks", "import", str(campaign), str(campaign / "progress.csv"), "--who", "t")
    assert p.returncode == 0, p.stderr
    assert "322 progress reports read" in p.stdout and "322 stored" in p.stdout
    return campaign


def test_on_the_press_day_every_task_of_the_bureau_is_on_schedule(campaign: Path) -> None:
    # 2023-08-11: "承担的6项'1+8+1'重点工作、3件民生实事和17项主责任务全部按时序推进"
    p = assessor("tasks", "show", str(imported(campaign)), "--unit", "BZDSJ", "--on", "2023-08-11")
    assert p.returncode == 0, p.stderr
    assert "6项重点工作：已完成 1 项，按序时推进 5 项" in p.stdout
    assert "3项民生实事：按序时推进 3 项" in p.stdout
    assert "17项主责任务：已完成 5 项，按序时推进 12 项" in p.stdout
    assert "按时序推进（含已完成）占比：100.0%" in p.stdout
    assert "示例数据" in p.stdout


def test_late_in_the_year_lights_are_yellow_and_red(campaign: Path) -> None:
    p = assessor("tasks", "show", str(imported(campaign)), "--on", "2023-11-30", "--format", "json")
    assert p.returncode == 0, p.stderr
    units = {u["unit"]: u for u in json.loads(p.stdout)}
    city = {t["id"]: t for t in units["371600"]["tasks"]}
    assert (city["ZH-06"]["words"], city["ZH-06"]["light"]) == ("逾期", "red")
    assert (city["ZH-07"]["words"], city["ZH-07"]["light"]) == ("滞后于序时", "yellow")
    sentences = [t["sentence"] for t in units["371600"]["tallies"]]
    assert sentences == [
        "27项智慧城市重点任务：已完成 17 项，按序时推进 8 项，滞后于序时 1 项，逾期 1 项",
        "14项应用场景：按序时推进 13 项，滞后于序时 1 项",
    ]
    assert units["BZDSJ"]["tallies"][2]["sentence"] == (
        "17项主责任务：已完成 11 项，按序时推进 5 项，滞后于序时 1 项"
    )


def test_set_stores_one_report_and_prints_the_new_status(campaign: Path) -> None:
    ws = imported(campaign)
    p = assessor("tasks", "set", str(ws), "BZDSJ", "ZR-08", "--on", "2023-11-30",
                 "--reached", "方案印发", "建设推进", "试运行", "--who", "督查科")  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert "version 2; 序时 75%，实际 75% → 按序时推进（绿灯）" in p.stdout
    log = assessor("audit", "log", "-w", str(ws), "--last", "1")
    assert "督查科" in log.stdout and "ZR-08" in log.stdout


def test_set_refuses_an_unknown_milestone_naming_the_milestones(campaign: Path) -> None:
    p = assessor("tasks", "set", str(campaign), "BZDSJ", "ZR-08", "--on", "2023-11-30",
                 "--reached", "上线")  # fmt: skip
    assert p.returncode == 1
    assert (
        "task ZR-08 has no milestone '上线'; its milestones: 方案印发, 建设推进, 试运行" in p.stderr
    )


def test_set_refuses_a_stale_version(campaign: Path) -> None:
    ws = imported(campaign)
    p = assessor("tasks", "set", str(ws), "BZDSJ", "ZR-02", "--on", "2023-08-11",
                 "--percent", "70", "--version", "0")  # fmt: skip
    assert p.returncode == 1 and "version 1, you had version 0" in p.stderr


def test_the_template_round_trips_through_import(campaign: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ws = imported(campaign)
    form = tmp_path / "进度.xlsx"
    p = assessor("tasks", "template", str(ws), "-o", str(form), "--on", "2023-12-15",
                 "--unit", "BZDSJ")  # fmt: skip
    assert p.returncode == 0, p.stderr and "26 tasks" in p.stdout
    wb = load_workbook(form)
    sheet = wb["进度填报"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[2].value == "ZR-02")
    row[8].value = 100  # 完成百分比
    wb.save(form)
    p = assessor("tasks", "import", str(ws), str(form))
    assert p.returncode == 0, p.stderr
    assert "26 progress reports read" in p.stdout and "26 stored" in p.stdout
    show = assessor("tasks", "show", str(ws), "--unit", "BZDSJ", "--on", "2023-12-15",
                    "--format", "json")  # fmt: skip
    (unit,) = json.loads(show.stdout)
    assert next(t for t in unit["tasks"] if t["id"] == "ZR-02")["status"] == "done"


def test_a_fed_leaf_scores_the_share_of_tasks_on_schedule_at_the_period_end(
    campaign: Path,
) -> None:
    ws = imported(campaign)
    p = assessor("import", "-w", str(ws), "--who", "t", str(ws / "entries-2023.yaml"))
    assert p.returncode == 0, p.stderr
    p = assessor("score", str(ws), "--format", "json")
    assert p.returncode == 0, p.stderr
    got = {r["region"]: r for r in json.loads(p.stdout)}
    # 31 Dec 2023: the bureau's 26 tasks all done → 100 % of 80 points; T1-02 level 4 → 16
    assert got["BZDSJ"]["nodes"]["T1-01"]["points"] == 80
    assert got["BZDSJ"]["total"] == 96
    # the city: 40 of 41 done (ZH-06 overdue) → 97.56 % → 78.05; T1-02 level 3 → 12
    assert got["371600"]["nodes"]["T1-01"]["points"] == 78.05
    assert got["371600"]["total"] == 90.05


def test_audit_verify_replays_the_task_progress_too(campaign: Path) -> None:
    import sqlite3

    ws = imported(campaign)
    assert assessor("audit", "verify", str(ws)).returncode == 0
    with sqlite3.connect(ws / "assessor.db") as db:
        db.execute("UPDATE task_progress SET percent = '99' WHERE task = 'ZR-02'")
    p = assessor("audit", "verify", str(ws))
    assert p.returncode == 1 and "task progress BZDSJ/ZR-02/" in p.stderr
