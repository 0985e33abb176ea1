"""Reading a filled-in entry form: every cell checked, every problem located as sheet!cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessor.errors import AssessorError, Problem
from assessor.exchange.cells import cell_text, split_evidence
from assessor.exchange.rows import (
    COL_COMMENT,
    COL_EVIDENCE,
    COL_ID,
    COL_KEY,
    COL_NA,
    COL_VALUE,
    NA_MARKS,
)
from assessor.exchange.template import GUIDE_SHEET, META_SHEET
from assessor.loader.entry_values import EntryValueError, normalize_entry
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import IndicatorSet, InnerNode, NumericLeaf, walk


class _Leaf:
    """What the rows of one leaf on one sheet hold, and where."""

    def __init__(self) -> None:
        self.value: Any = None
        self.value_cell: str = ""
        self.inputs: dict[str, Any] = {}
        self.input_cells: dict[str, str] = {}
        self.na: Any = None
        self.comment: Any = None
        self.evidence: list[str] = []
        self.na_cell = ""


def read_workbook(path: Path | str, indicator_set: IndicatorSet) -> list[Assessment]:
    """The entries of a filled-in form; raises AssessorError listing every bad cell."""
    from openpyxl import load_workbook

    path = Path(path)
    file = str(path)
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # not a workbook, or a damaged one
        raise AssessorError(
            Problem(f"cannot read {path.name} as an Excel workbook: {exc}", file=file)
        ) from None
    problems: list[Problem] = []
    try:
        if META_SHEET not in wb.sheetnames:
            raise AssessorError(
                Problem(
                    f"{path.name} is not an assessor entry form (no {META_SHEET} sheet); "
                    "make one with `assessor template`",
                    file=file,
                )
            )
        meta: dict[str, str] = {}
        sheets: dict[str, Region] = {}
        for row in wb[META_SHEET].iter_rows(min_row=2, values_only=True):
            if not row or row[0] is None:
                continue
            key = str(row[0]).strip()
            if key == "region":
                title = str(row[1])
                rid = str(
                    cell_text(row[4])
                    if len(row) > 4 and row[4] is not None
                    else title.split(" ")[0]
                )
                sheets[title] = Region(id=rid, name=(row[2] or None), group=(row[3] or None))
            else:
                meta[key] = "" if row[1] is None else str(cell_text(row[1]))
        if meta.get("set") and meta["set"] != indicator_set.id:
            raise AssessorError(
                Problem(
                    f"{path.name} is a form for set {meta['set']}, not {indicator_set.id}",
                    file=file,
                    key=f"{META_SHEET}!B3",
                )
            )
        period = meta.get("period") or ""
        evaluator = meta.get("evaluator") or ""
        nodes = {n.id: n for n in walk(list(indicator_set.tree))}
        assessment = Assessment(period=period)
        for title in wb.sheetnames:
            if title in (GUIDE_SHEET, META_SHEET):
                continue
            region = sheets.get(title)
            if region is None:
                problems.append(Problem(f"sheet {title!r} is not a region of this form; regions: "
                                        f"{', '.join(list(sheets)[:5])} …", file=file, key=f"{title}!A1"))  # fmt: skip
                continue
            assessment.regions[region.id] = region
            leaves: dict[str, _Leaf] = {}
            for r, row in enumerate(wb[title].iter_rows(min_row=2, values_only=True), start=2):
                cells = list(row) + [None] * (COL_KEY - len(row))
                node_id = cell_text(cells[COL_ID - 1])
                if node_id is None:
                    continue
                node = nodes.get(str(node_id))
                if node is None:
                    problems.append(
                        Problem(f"unknown indicator {node_id!r}", file=file, key=f"{title}!A{r}")
                    )
                    continue
                if isinstance(node, InnerNode):
                    continue
                leaf = leaves.setdefault(node.id, _Leaf())
                value = cell_text(cells[COL_VALUE - 1])
                key = cell_text(cells[COL_KEY - 1])
                if isinstance(node, NumericLeaf) and node.inputs and key:
                    if value is not None:
                        leaf.inputs[str(key)] = value
                    leaf.input_cells[str(key)] = f"{title}!D{r}"
                else:
                    leaf.value = value
                    leaf.value_cell = f"{title}!D{r}"
                if (
                    cells[COL_NA - 1] is not None
                    or cells[COL_COMMENT - 1] is not None
                    or cells[COL_EVIDENCE - 1] is not None
                ):
                    leaf.na = (
                        cell_text(cells[COL_NA - 1]) if cells[COL_NA - 1] is not None else leaf.na
                    )
                    leaf.na_cell = f"{title}!E{r}"
                    leaf.comment = cell_text(cells[COL_COMMENT - 1]) or leaf.comment
                    leaf.evidence += split_evidence(cells[COL_EVIDENCE - 1])
                if not leaf.na_cell:
                    leaf.na_cell = f"{title}!E{r}"
            for node_id, leaf in leaves.items():
                node = nodes[node_id]
                raw: dict[str, Any] = {}
                is_na = leaf.na is not None and str(leaf.na).strip().lower() in NA_MARKS
                if leaf.na is not None and not is_na:
                    problems.append(Problem(f"{node.id} ({node.name}): 不适用 is “是” or empty, not {leaf.na!r}",
                                            file=file, key=leaf.na_cell))  # fmt: skip
                    continue
                if is_na:
                    raw["na"] = True
                elif leaf.inputs:
                    raw.update(leaf.inputs)
                elif leaf.value is not None:
                    raw["value"] = leaf.value
                else:
                    continue  # nothing entered: unscored, not an error
                if leaf.comment:
                    raw["comment"] = str(leaf.comment)
                if leaf.evidence:
                    raw["evidence"] = leaf.evidence
                try:
                    entry = normalize_entry(node, raw, evaluator=evaluator)
                except EntryValueError as exc:
                    for sub, message in exc.items:
                        where = (
                            leaf.input_cells.get(sub or "", "") or leaf.value_cell or leaf.na_cell
                        )
                        if is_na:
                            where = leaf.na_cell
                        problems.append(Problem(message, file=file, key=where))
                    continue
                assessment.add(region, node_id, entry)
    finally:
        wb.close()
    if problems:
        raise AssessorError(problems)
    return [assessment]
