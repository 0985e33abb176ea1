"""Progress reports on tasks in a spreadsheet: the Excel form (`assessor tasks template`) and
reading it back (or a CSV with the same headers).

Columns are found by their header, so a CSV may hold only the columns it needs (单位代码, 任务编号,
填报日期 and one of 完成百分比 / 已达成节点 / 已完成). A row with none of those filled in is a
task not reported on and is skipped. Every bad cell is reported with its sheet, row and column
and what is allowed; if any is bad, nothing is stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessor.errors import AssessorError, Problem, Said
from assessor.exchange.cells import YES_MARKS, cell_text, safe_cell
from assessor.model.tasks import TaskProgress
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.store.task_board import TaskBoard

SHEET = "进度填报"
UNIT, UNIT_NAME, TASK, TASK_NAME, CATEGORY, DEADLINE, MILESTONES = (
    "单位代码", "单位名称", "任务编号", "任务名称", "类别", "截止日期", "节点（日期 计划占比）",
)  # fmt: skip
AS_OF, PERCENT, REACHED, DONE, DONE_ON, COMMENT = (
    "填报日期", "完成百分比", "已达成节点", "已完成", "完成日期", "说明",
)  # fmt: skip
HEADERS = (UNIT, UNIT_NAME, TASK, TASK_NAME, CATEGORY, DEADLINE, MILESTONES,
           AS_OF, PERCENT, REACHED, DONE, DONE_ON, COMMENT)  # fmt: skip
REQUIRED = (UNIT, TASK, AS_OF)
YES = frozenset({"是", "yes", "y", "true", "1", "完成", "已完成", *YES_MARKS})
NO = frozenset({"否", "no", "n", "false", "0", "未完成", "×"})
_SPLIT = re.compile(r"[；;，,、\n]+")
_CN_DATE = re.compile(r"^(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?$")


def _col(i: int) -> str:
    return chr(65 + i)


def _text(v: Any) -> str | None:
    v = cell_text(v)
    if v is None or v == "":
        return None
    if isinstance(v, Decimal) and v == v.to_integral_value():
        return str(int(v))
    return str(v)


def _as_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    text = _text(v)
    if text is None:
        return None
    m = _CN_DATE.match(text.strip())
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise ValueError(said("exchange.not_a_date", text=repr(text)))


def _as_percent(v: Any) -> Decimal | None:
    text = _text(v)
    if text is None:
        return None
    try:
        value = Decimal(text.strip().rstrip("%％"))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(said("exchange.not_a_percent", text=repr(text)))
    return value


def _as_done(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    text = _text(v)
    if text is None:
        return False
    low = text.strip().lower()
    if low in YES:
        return True
    if low in NO:
        return False
    raise ValueError(said("exchange.not_done_mark", text=repr(text), yes="是"))


def _rows_xlsx(path: Path) -> tuple[str, list[list[Any]]]:
    from openpyxl import load_workbook

    from assessor.exchange.workbook import check_package

    check_package(path)
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:
        raise AssessorError(
            Problem(said("exchange.not_xlsx", name=path.name, reason=str(exc)), file=str(path))
        ) from None
    try:
        sheet = SHEET if SHEET in wb.sheetnames else wb.sheetnames[0]
        rows = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()
    return sheet, rows


def _rows_csv(path: Path) -> tuple[str, list[list[Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AssessorError(
            Problem(said("exchange.cannot_read", name=path.name, reason=str(exc)), file=str(path))
        ) from None
    return path.name, [list(r) for r in csv.reader(text.splitlines())]


def read_progress(path: Path | str, board: TaskBoard) -> list[tuple[str, TaskProgress]]:
    """Progress reports of a filled-in form or CSV, checked against the tasks file."""
    path = Path(path)
    file = str(path)
    sheet, rows = _rows_csv(path) if path.suffix.lower() == ".csv" else _rows_xlsx(path)
    if not rows:
        raise AssessorError(Problem(said("exchange.progress_empty", name=path.name), file=file))
    header = [(_text(h) or "").strip() for h in rows[0]]
    missing = [h for h in REQUIRED if h not in header]
    if missing:
        raise AssessorError(
            Problem(
                said(
                    "exchange.progress_header",
                    missing=", ".join(missing),
                    headers=" | ".join(HEADERS),
                    required=", ".join(REQUIRED),
                    choices=f"{PERCENT}, {REACHED}, {DONE}",
                ),
                file=file,
                key=f"{sheet}!1",
            )
        )
    col = {h: i for i, h in enumerate(header) if h}
    problems: list[Problem] = []
    out: list[tuple[str, TaskProgress]] = []
    seen: dict[tuple[str, str, dt.date], int] = {}
    for r, row in enumerate(rows[1:], start=2):

        def cell(name: str, row: list[Any] = row) -> Any:
            i = col.get(name)
            return row[i] if i is not None and i < len(row) else None

        def bad(name: str, message: Said, r: int = r) -> None:
            problems.append(
                Problem(
                    said("exchange.in_column", message=message, column=name),
                    file=file,
                    key=f"{sheet}!{_col(col[name])}{r}",
                )
            )

        unit, task_id = _text(cell(UNIT)), _text(cell(TASK))
        values: dict[str, Any] = {}
        for name, parse in ((PERCENT, _as_percent), (DONE, _as_done), (DONE_ON, _as_date),
                            (AS_OF, _as_date)):  # fmt: skip
            try:
                values[name] = parse(cell(name))
            except ValueError as exc:
                why = exc.args[0] if exc.args else ""
                bad(name, why if isinstance(why, Said) else Said(str(exc), str(exc)))
                values[name] = None
        reached = tuple(x.strip() for x in _SPLIT.split(_text(cell(REACHED)) or "") if x.strip())
        reported = values[PERCENT] is not None or reached or values[DONE]
        if not reported and not values.get(DONE_ON):
            continue  # a task not reported on this time
        if unit is None or task_id is None:
            bad(UNIT if unit is None else TASK, said("exchange.progress_no_unit_task"))
            continue
        if unit not in board.book.by_unit:
            known = ", ".join(board.units())
            bad(UNIT, said("exchange.progress_unknown_unit", unit=repr(unit), known=known))
            continue
        task = next((t for t in board.book.tasks(unit) if t.id == task_id), None)
        if task is None:
            known = ", ".join(t.id for t in board.book.tasks(unit))
            bad(TASK, said("exchange.progress_unknown_task", unit=unit, task=repr(task_id),
                           known=known))  # fmt: skip
            continue
        names = [m.name for m in task.milestones]
        unknown = [x for x in reached if x not in names]
        if unknown:
            bad(REACHED, said(
                "exchange.progress_unknown_milestone", task=task_id, unknown=", ".join(unknown),
                known=", ".join(names) or said("exchange.progress_no_milestones", column=PERCENT),
            ))  # fmt: skip
            continue
        as_of = values[AS_OF]
        if as_of is None:
            if AS_OF in col and _text(cell(AS_OF)) is None:
                bad(AS_OF, said("exchange.progress_no_date"))
            continue
        if values[DONE_ON] is not None and not values[DONE]:
            bad(DONE_ON, said("exchange.progress_done_on_not_done", yes="是", column=DONE))
            continue
        if values[DONE_ON] is not None and values[DONE_ON] > as_of:
            bad(DONE_ON, said("exchange.progress_done_after", done_on=values[DONE_ON], as_of=as_of))
            continue
        key = (unit, task_id, as_of)
        if key in seen:
            bad(TASK, said("exchange.progress_twice", unit=unit, task=task_id, as_of=as_of,
                           first=seen[key]))  # fmt: skip

            continue
        seen[key] = r
        out.append(
            (unit, TaskProgress(
                task=task_id, as_of=as_of, percent=values[PERCENT], reached=reached,
                done=bool(values[DONE]), done_on=values[DONE_ON],
                comment=_text(cell(COMMENT)) if COMMENT in col else None,
            ))
        )  # fmt: skip
    if problems:
        raise AssessorError(problems)
    return out


def write_template(path: Path | str, board: TaskBoard, units: list[str], on: dt.date) -> int:
    """The form: one row per task, what is known on `on` filled in; returns the row count."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append(list(HEADERS))
    grey = PatternFill("solid", fgColor="EEEEEE")
    for c in ws[1]:
        c.font = Font(bold=True)
    n = 0
    for unit in units:
        for task in board.book.tasks(unit):
            last = board.latest(unit, task.id, on)
            p = last.progress if last else None
            steps = "；".join(f"{m.name} {m.due} {m.share}%" for m in task.milestones)
            ws.append([safe_cell(x) for x in (
                unit, board.unit_name(unit), task.id, task.name, task.category,
                task.deadline.isoformat(), steps, on.isoformat(),
                None if p is None or p.percent is None else float(p.percent),
                "；".join(p.reached) if p else None, "是" if p and p.done else None,
                p.done_on.isoformat() if p and p.done_on else None, None,
            )])  # fmt: skip
            n += 1
    for row in ws.iter_rows(min_row=2, max_col=7):
        for c in row:
            c.fill = grey
    yes_no = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    pct = DataValidation(type="decimal", operator="between", formula1="0", formula2="100",
                         allow_blank=True)  # fmt: skip
    ws.add_data_validation(yes_no)
    ws.add_data_validation(pct)
    yes_no.add(f"K2:K{n + 1}")
    pct.add(f"I2:I{n + 1}")
    for letter, width in zip("ABCDEFGHIJKLM", (10, 18, 9, 30, 12, 11, 40, 11, 10, 20, 7, 11, 24),
                             strict=True):  # fmt: skip
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    info = wb.create_sheet("说明")
    for line in (
        f"任务进度填报表：{board.book.campaign}，填报日期 {on}",
        "灰色列为任务信息，请勿修改；每行填写 完成百分比（0-100）、已达成节点（多个用；分隔）或 已完成（是）。",
        "未填写进度的行视为本次未报告，导入时跳过。导入：assessor tasks import 文件.xlsx",
        *(["示例数据"] if board.book.sample else []),
    ):
        info.append([line])
    wb.save(str(path))
    return n


__all__ = ["HEADERS", "SHEET", "read_progress", "write_template"]
