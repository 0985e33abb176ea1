"""Progress forms with mistakes: every bad cell named by sheet, row and column; nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from assessor.errors import AssessorError
from assessor.exchange.task_progress import HEADERS, read_progress
from assessor.store.task_board import TaskBoard
from assessor.store.workspace import open_workspace


def form(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "进度填报"
    ws.append(list(HEADERS))
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def row(unit: object, task: str, on: object, pct: object = None, reached: object = None,
        done: object = None, done_on: object = None) -> list[object]:  # fmt: skip
    return [unit, None, task, None, None, None, None, on, pct, reached, done, done_on, None]


def errors(campaign: Path, rows: list[list[object]]) -> list[str]:
    ws = open_workspace(campaign)
    try:
        board = TaskBoard(ws)
        with pytest.raises(AssessorError) as exc:
            read_progress(form(campaign / "f.xlsx", rows), board)
        return [f"{p.key}: {p.message}" for p in exc.value.problems]
    finally:
        ws.close()


def test_every_bad_cell_is_named_by_sheet_row_and_column(campaign: Path) -> None:
    got = errors(campaign, [
        row("BZDSJ", "ZR-01", "2023-08-11", pct=120),
        row("BZDSJ", "ZR-99", "2023-08-11", pct=10),
        row("BZDSJ", "ZR-08", "2023-08-11", reached="上线"),
        row("BZDSJ", "ZR-02", "8月11日", pct=10),
        row("999999", "ZR-02", "2023-08-11", pct=10),
        row("BZDSJ", "ZR-03", "2023-08-11", done="差不多"),
        row("BZDSJ", "ZR-04", "2023-08-11", done="是", done_on="2023-09-01"),
    ])  # fmt: skip
    assert got == [
        "进度填报!I2: '120' is not a percentage: write a number from 0 to 100 (column 完成百分比)",
        "进度填报!C3: unit BZDSJ has no task 'ZR-99'; its tasks: ZD-01, ZD-02, ZD-03, ZD-04, "
        "ZD-05, ZD-06, MS-01, MS-02, MS-03, ZR-01, ZR-02, ZR-03, ZR-04, ZR-05, ZR-06, ZR-07, "
        "ZR-08, ZR-09, ZR-10, ZR-11, ZR-12, ZR-13, ZR-14, ZR-15, ZR-16, ZR-17 (column 任务编号)",
        "进度填报!J4: task ZR-08 has no milestone 上线; its milestones: 方案印发, 建设推进, 试运行 "
        "(column 已达成节点)",
        "进度填报!H5: '8月11日' is not a date; write it as 2023-08-11 (column 填报日期)",
        "进度填报!A6: unknown unit '999999'; units with tasks: BZDSJ, 371600 (column 单位代码)",
        "进度填报!K7: '差不多': write 是 (done) or leave it empty (column 已完成)",
        "进度填报!L8: finished 2023-09-01, after the report's date 2023-08-11 (column 完成日期)",
    ]


def test_a_row_reported_twice_is_refused(campaign: Path) -> None:
    got = errors(campaign, [row("BZDSJ", "ZR-01", "2023-08-11", pct=10),
                            row("BZDSJ", "ZR-01", "2023-08-11", pct=20)])  # fmt: skip
    assert got == ["进度填报!C3: BZDSJ ZR-01 on 2023-08-11 is reported twice (first in row 2) "
                   "(column 任务编号)"]  # fmt: skip


def test_a_form_without_the_key_columns_is_refused_naming_them(campaign: Path) -> None:
    ws = open_workspace(campaign)
    try:
        path = campaign / "x.csv"
        path.write_text("单位,任务,进度\nBZDSJ,ZR-01,10\n", encoding="utf-8")
        with pytest.raises(AssessorError, match="no column 单位代码, 任务编号, 填报日期"):
            read_progress(path, TaskBoard(ws))
    finally:
        ws.close()


def test_rows_not_reported_on_are_skipped_and_dates_in_chinese_are_read(campaign: Path) -> None:
    ws = open_workspace(campaign)
    try:
        rows = read_progress(form(campaign / "f.xlsx", [
            row("BZDSJ", "ZR-01", "2023-08-11"),
            row("BZDSJ", "ZR-02", "2023年8月11日", pct="45%"),
        ]), TaskBoard(ws))  # fmt: skip
    finally:
        ws.close()
    ((unit, p),) = rows
    assert (unit, p.task, str(p.as_of), str(p.percent)) == ("BZDSJ", "ZR-02", "2023-08-11", "45")


def test_a_failed_import_stores_nothing(campaign: Path) -> None:
    from tests.cli_run import assessor

    path = form(campaign / "f.xlsx", [row("BZDSJ", "ZR-01", "2023-08-11", pct=10),
                                      row("BZDSJ", "ZR-02", "2023-08-11", pct=101)])  # fmt: skip
    p = assessor("tasks", "import", str(campaign), str(path))
    assert p.returncode == 1 and "进度填报!I3" in p.stderr
    ws = open_workspace(campaign)
    try:
        assert TaskBoard(ws).history() == []
    finally:
        ws.close()
