"""The Excel entry form: an instructions sheet, one protected sheet per region, a hidden meta sheet."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from assessor.exchange.cells import safe_cell
from assessor.exchange.rows import (
    COL_COMMENT,
    COL_CRITERIA,
    COL_EVIDENCE,
    COL_GUIDE,
    COL_ID,
    COL_ITEM,
    COL_KEY,
    COL_NA,
    COL_NAME,
    COL_VALUE,
    HEADERS,
    FormRow,
    criteria_text,
    form_rows,
    input_spec,
    level_choices,
    num_text,
)
from assessor.model.entries import Region
from assessor.model.indicator_set import CountLeaf, IndicatorSet, NumericLeaf

META_SHEET = "_meta"
GUIDE_SHEET = "说明"
FORMAT_VERSION = "1"
WIDTHS = {COL_ID: 12, COL_NAME: 34, COL_ITEM: 22, COL_VALUE: 12, COL_NA: 8, COL_COMMENT: 24,
          COL_EVIDENCE: 24, COL_CRITERIA: 50, COL_GUIDE: 40, COL_KEY: 8}  # fmt: skip


BOUND = Decimal(10) ** 12  # "no limit" in a data validation, which needs both ends


def number_rule(row: FormRow) -> tuple[str, str, str, str] | None:
    """The data validation of a number cell: kind, min, max and the message in Chinese.

    Excel and WPS refuse text in such a cell; LibreOffice warns. The importer checks again.
    """
    node = row.node
    if not isinstance(node, NumericLeaf):
        return None
    spec = input_spec(row)
    kind = spec.type if spec is not None else "number"
    if kind not in ("number", "integer"):
        return None
    lo = spec.min if spec is not None else None
    hi = spec.max if spec is not None else None
    if isinstance(node, CountLeaf):
        kind, lo = "integer", max(lo or Decimal(0), Decimal(0))
    what = "整数" if kind == "integer" else "数字"
    if lo is not None and hi is not None:
        message = f"请填写 {num_text(lo)} 到 {num_text(hi)} 之间的{what}"
    elif lo is not None:
        message = f"请填写不小于 {num_text(lo)} 的{what}"
    elif hi is not None:
        message = f"请填写不大于 {num_text(hi)} 的{what}"
    else:
        message = f"请填写{what}"
    low = num_text(lo if lo is not None else -BOUND)
    high = num_text(hi if hi is not None else BOUND)
    return ("whole" if kind == "integer" else "decimal", low, high, message)


def sheet_title(region: Region, taken: set[str]) -> str:
    """Region code and name, ≤ 31 characters, without the characters Excel forbids."""
    base = re.sub(r"[\[\]:*?/\\]", "", f"{region.id} {region.name or ''}".strip())[:31]
    title, n = base, 2
    while title in taken:
        title = f"{base[:28]}~{n}"
        n += 1
    taken.add(title)
    return title


def guide_text(node: Any) -> str:
    """How to fill a row: the set's guidance, then what evidence to attach (and if it must be)."""
    parts = [node.guidance or node.description or ""]
    ev = node.evidence
    if ev is not None and (ev.hint or ev.required):
        need = "必须提供" if ev.required else "可选"
        parts.append(f"佐证（{need}）：{ev.hint or '相关证明材料'}")
    return "\n".join(p for p in parts if p)


def write_template(
    path: Path | str,
    indicator_set: IndicatorSet,
    regions: list[Region],
    *,
    period: str,
    evaluator: str | None = None,
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    wb = Workbook()
    guide = wb.active
    assert guide is not None
    guide.title = GUIDE_SHEET
    lines = [
        f"{indicator_set.name}（{indicator_set.id}，版本 {indicator_set.version or '—'}）填报表",
        f"评价期：{period}    评估人：{evaluator or '（请在导入时指定）'}",
        "",
        "填写方法：",
        "1. 每个地区一个工作表；只在白色单元格（填报值、不适用、备注、佐证材料）中填写，其余单元格已保护。",
        "2. 星级/等级填数字（0 表示未达到任何等级），选项填编号，是/否填“是”或“否”，数值填数字（可用全角数字）。",
        "3. 由多项数据计算的指标，每个填报项一行，分别填写。",
        "4. 不适用：仅可选指标可以填“是”，其分值按比例转给同级指标。留空的指标视为未评分。",
        "5. 佐证材料：工作区内文件的相对路径或网址，多个用分号分隔。",
        "6. 填好后用 `assessor import 文件.xlsx` 导入；有任何错误时不会导入任何数据，并列出每个错误单元格。",
        "",
        f"Entry form for {indicator_set.id}, period {period}. Fill in the white cells only; import with `assessor import`.",
    ]
    for i, line in enumerate(lines, 1):
        guide.cell(i, 1, safe_cell(line))
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110

    meta = wb.create_sheet(META_SHEET)
    meta.append(["key", "value", "name", "group", "id"])
    for k, v in (("format", FORMAT_VERSION), ("set", indicator_set.id), ("version", indicator_set.version or ""),
                 ("period", period), ("evaluator", evaluator or "")):  # fmt: skip
        meta.append([safe_cell(k), safe_cell(v)])

    rows = form_rows(indicator_set)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDDDDD")
    group_fill = PatternFill("solid", fgColor="F2F2F2")
    locked_fill = PatternFill("solid", fgColor="EEEEEE")
    wrap = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    taken: set[str] = {GUIDE_SHEET, META_SHEET}

    for region in regions:
        title = sheet_title(region, taken)
        meta.append(
            [
                safe_cell(x)
                for x in ("region", title, region.name or "", region.group or "", region.id)
            ]
        )
        ws = wb.create_sheet(title)
        ws.append(list(HEADERS))
        for c in range(1, len(HEADERS) + 1):
            cell = ws.cell(1, c)
            cell.font = bold
            cell.fill = header_fill
        validations: dict[tuple[str, ...], Any] = {}

        def validate(
            key: tuple[str, ...],
            make: Any,
            ref: str,
            ws: Any = ws,
            known: dict[tuple[str, ...], Any] = validations,
        ) -> None:
            """One DataValidation per distinct rule, covering every cell that uses it."""
            dv = known.get(key)
            if dv is None:
                dv = known[key] = make()
                ws.add_data_validation(dv)
            dv.add(ref)

        for r, row in enumerate(rows, start=2):
            node = row.node
            ws.cell(r, COL_ID, safe_cell(node.id))
            ws.cell(r, COL_NAME, safe_cell(("　" * row.depth) + node.name))
            if not row.leaf:
                for c in range(1, len(HEADERS) + 1):
                    ws.cell(r, c).fill = group_fill
                ws.cell(r, COL_NAME).font = bold
                continue
            ws.cell(r, COL_ITEM, safe_cell(row.item))
            ws.cell(r, COL_KEY, safe_cell(row.input or ""))
            value = ws.cell(r, COL_VALUE)
            value.protection = unlocked
            ref = value.coordinate
            choices = level_choices(node)
            if choices is not None:
                text = ",".join(choices)
                validate(("list", text), lambda text=text: DataValidation(
                    type="list", formula1=f'"{text}"', allow_blank=True, showErrorMessage=True,
                    errorTitle="不在可选范围内", error=f"可填：{text}"), ref)  # fmt: skip
            elif (rule := number_rule(row)) is not None:
                kind, lo, hi, message = rule
                validate((kind, lo, hi), lambda kind=kind, lo=lo, hi=hi, message=message: DataValidation(
                    type=kind, operator="between", formula1=lo, formula2=hi, allow_blank=True,
                    showErrorMessage=True, errorTitle="数值不符合要求", error=message), ref)  # fmt: skip
            if row.first:
                for c in (COL_COMMENT, COL_EVIDENCE):
                    ws.cell(r, c).protection = unlocked
                na = ws.cell(r, COL_NA)
                if node.optional:
                    na.protection = unlocked
                    validate(("na",), lambda: DataValidation(
                        type="list", formula1='"是"', allow_blank=True, showErrorMessage=True,
                        errorTitle="不适用", error="可选指标不适用时填“是”，否则留空"), na.coordinate)  # fmt: skip
                else:
                    na.fill = locked_fill
                ws.cell(r, COL_CRITERIA, safe_cell(criteria_text(node))).alignment = wrap
                ws.cell(r, COL_GUIDE, safe_cell(guide_text(node))).alignment = wrap
            else:
                for c in (COL_NA, COL_COMMENT, COL_EVIDENCE):
                    ws.cell(r, c).fill = locked_fill
        for col, width in WIDTHS.items():
            ws.column_dimensions[ws.cell(1, col).column_letter].width = width
        ws.column_dimensions[ws.cell(1, COL_KEY).column_letter].hidden = True
        ws.freeze_panes = "D2"
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
    meta.sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return path
