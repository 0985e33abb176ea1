"""Reading a filled-in entry form: every cell checked, every problem located as sheet!cell.

Files come back from Excel, LibreOffice and WPS, so cells are read for what they mean, not for
how they are stored: numbers as text, full-width digits, 80.0 for 80, √ for 是, reordered sheets
and an unhidden `_meta` sheet are all fine. Nothing is returned unless every cell is valid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessor.errors import AssessorError, Problem
from assessor.exchange.cells import NOT_NA_MARKS, cell_note, cell_text, split_evidence, yes_no_mark
from assessor.exchange.rows import (
    COL_COMMENT,
    COL_EVIDENCE,
    COL_ID,
    COL_KEY,
    COL_NA,
    COL_VALUE,
    NA_MARKS,
)
from assessor.exchange.template import FORMAT_VERSION, GUIDE_SHEET, META_SHEET
from assessor.loader.entry_values import EntryValueError, indicator_label, normalize_entry
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import (
    AnyNode,
    CheckLeaf,
    IndicatorSet,
    InnerNode,
    NumericLeaf,
    walk,
)


class _Leaf:
    """What the rows of one leaf on one sheet hold, and where."""

    def __init__(self) -> None:
        self.value: Any = None
        self.value_cell: str = ""
        self.inputs: dict[str, Any] = {}
        self.input_cells: dict[str, str] = {}
        self.na: Any = None
        self.na_cell = ""
        self.comment: str | None = None
        self.evidence: list[str] = []


def _meta(wb: Any, file: str, name: str) -> tuple[dict[str, tuple[str, str]], dict[str, Region]]:
    """The `_meta` sheet: key → (value, cell), and sheet title → region."""
    if META_SHEET not in wb.sheetnames:
        raise AssessorError(
            Problem(
                f"{name} is not an assessor entry form (it has no {META_SHEET} sheet); "
                "make one with `assessor template`",
                file=file,
            )
        )
    meta: dict[str, tuple[str, str]] = {}
    sheets: dict[str, Region] = {}
    for r, row in enumerate(wb[META_SHEET].iter_rows(min_row=2, values_only=True), start=2):
        cells = list(row) + [None] * 5
        key = cell_text(cells[0])
        if key is None:
            continue
        if key == "region":
            title = str(cells[1])
            rid = cell_text(cells[4])
            rid = str(rid) if rid is not None else title.split(" ")[0]
            name_, group = cell_text(cells[2]), cell_text(cells[3])
            sheets[title] = Region(
                id=rid,
                name=None if name_ is None else str(name_),
                group=None if group is None else str(group),
            )
        else:
            value = cell_text(cells[1])
            meta[str(key)] = ("" if value is None else str(value), f"{META_SHEET}!B{r}")
    return meta, sheets


def _check_meta(
    meta: dict[str, tuple[str, str]], indicator_set: IndicatorSet, file: str, name: str
) -> list[Problem]:
    problems = []
    fmt, where = meta.get("format", ("", f"{META_SHEET}!B2"))
    if fmt and fmt != FORMAT_VERSION:
        problems.append(
            Problem(
                f"{name} is entry-form format {fmt}; this version of assessor reads format "
                f"{FORMAT_VERSION}: make a new form with `assessor template`",
                file=file,
                key=where,
            )
        )
    set_id, where = meta.get("set", ("", f"{META_SHEET}!B3"))
    if set_id and set_id != indicator_set.id:
        problems.append(
            Problem(
                f"{name} is a form for the set {set_id}, not {indicator_set.id}",
                file=file,
                key=where,
            )
        )
    period, where = meta.get("period", ("", f"{META_SHEET}!B5"))
    if not period:
        problems.append(Problem(f"{name} names no period", file=file, key=where))
    return problems


def _read_sheet(
    ws: Any, title: str, nodes: dict[str, AnyNode], file: str, problems: list[Problem]
) -> dict[str, _Leaf]:
    """The cells of one region sheet gathered per leaf; bad rows go to `problems`."""
    leaves: dict[str, _Leaf] = {}
    for r, row in enumerate(ws.iter_rows(min_row=2, max_col=COL_KEY, values_only=True), start=2):
        cells = list(row) + [None] * (COL_KEY - len(row))
        node_id = cell_text(cells[COL_ID - 1])
        if node_id is None:
            continue  # an empty row (LibreOffice and WPS keep or add some)
        node = nodes.get(str(node_id))
        if node is None:
            problems.append(
                Problem(
                    f"unknown indicator {str(node_id)!r} in column 编号: the rows of the form "
                    "must not be edited",
                    file=file,
                    key=f"{title}!A{r}",
                )
            )
            continue
        value = cell_text(cells[COL_VALUE - 1])
        if isinstance(node, InnerNode):
            if value is not None:
                problems.append(
                    Problem(
                        f"{indicator_label(node)} is a group of indicators: leave 填报值 empty "
                        "and fill in its indicators",
                        file=file,
                        key=f"{title}!D{r}",
                    )
                )
            continue
        leaf = leaves.setdefault(node.id, _Leaf())
        key = cell_text(cells[COL_KEY - 1])
        if isinstance(node, NumericLeaf) and node.inputs and key is not None:
            spec = node.inputs.get(str(key))
            if spec is not None and spec.type == "boolean":
                value = yes_no_mark(value)
            if value is not None:
                leaf.inputs[str(key)] = value
            leaf.input_cells[str(key)] = f"{title}!D{r}"
        else:
            leaf.value = yes_no_mark(value) if isinstance(node, CheckLeaf) else value
            leaf.value_cell = f"{title}!D{r}"
        if not leaf.na_cell:
            leaf.na_cell = f"{title}!E{r}"
        na = cell_text(cells[COL_NA - 1])
        if na is not None:
            leaf.na, leaf.na_cell = na, f"{title}!E{r}"
        comment = cell_note(cells[COL_COMMENT - 1])
        if comment is not None:
            leaf.comment = str(comment) if leaf.comment is None else f"{leaf.comment}\n{comment}"
        leaf.evidence += split_evidence(cells[COL_EVIDENCE - 1])
    return leaves


def _is_na(leaf: _Leaf, node: AnyNode, file: str, problems: list[Problem]) -> bool | None:
    """True/False for the 不适用 cell, None (with a problem) when it holds something else."""
    if leaf.na is None:
        return False
    word = str(leaf.na).strip().lower() if not isinstance(leaf.na, bool) else str(leaf.na).lower()
    if word in NA_MARKS or leaf.na is True:
        return True
    if word in NOT_NA_MARKS or leaf.na is False:
        return False
    problems.append(
        Problem(
            f"{indicator_label(node)}: 不适用 {leaf.na!r} is not allowed; allowed: 是 "
            "(not applicable, optional indicators only) or empty",
            file=file,
            key=leaf.na_cell,
        )
    )
    return None


def _raw_entry(
    leaf: _Leaf, node: AnyNode, na: bool, file: str, problems: list[Problem]
) -> tuple[dict[str, Any] | None, bool]:
    """The mapping normalize_entry reads (None when nothing was entered: unscored), and whether
    it may be stored: a formula leaf with some inputs empty is checked but not stored."""
    raw: dict[str, Any] = {}
    complete = True
    if na:
        raw["na"] = True
    elif leaf.inputs:
        missing = [k for k in leaf.input_cells if k not in leaf.inputs]
        if missing and isinstance(node, NumericLeaf):
            labels = {k: (s.label or k) for k, s in (node.inputs or {}).items()}
            for k in missing:
                problems.append(
                    Problem(
                        f"{indicator_label(node)}: {labels.get(k, k)} ({k}) is empty; fill in "
                        f"every input ({', '.join(labels.values())}) or none",
                        file=file,
                        key=leaf.input_cells[k],
                    )
                )
            complete = False
        raw.update(leaf.inputs)
    elif leaf.value is not None:
        raw["value"] = leaf.value
    else:
        return None, True
    if leaf.comment:
        raw["comment"] = leaf.comment
    if leaf.evidence:
        raw["evidence"] = leaf.evidence
    return raw, complete


def read_workbook(path: Path | str, indicator_set: IndicatorSet) -> list[Assessment]:
    """The entries of a filled-in form; raises AssessorError listing every bad cell."""
    from openpyxl import load_workbook

    path = Path(path)
    file = str(path)
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # not a workbook, or a damaged one: the evaluator must know which
        raise AssessorError(
            Problem(f"cannot read {path.name} as an Excel workbook (.xlsx): {exc}", file=file)
        ) from None
    problems: list[Problem] = []
    try:
        meta, sheets = _meta(wb, file, path.name)
        problems += _check_meta(meta, indicator_set, file, path.name)
        if problems:
            raise AssessorError(problems)
        period = meta["period"][0]
        evaluator = meta.get("evaluator", ("", ""))[0]
        nodes = {n.id: n for n in walk(list(indicator_set.tree))}
        assessment = Assessment(period=period)
        for title in wb.sheetnames:
            if title in (GUIDE_SHEET, META_SHEET):
                continue
            region = sheets.get(title)
            if region is None:
                known = ", ".join(list(sheets)[:6]) + (" …" if len(sheets) > 6 else "")
                problems.append(
                    Problem(
                        f"sheet {title!r} is not a region of this form (renamed or added?); "
                        f"the form's region sheets: {known}",
                        file=file,
                        key=f"{title}!A1",
                    )
                )
                continue
            assessment.regions[region.id] = region
            for node_id, leaf in _read_sheet(wb[title], title, nodes, file, problems).items():
                node = nodes[node_id]
                na = _is_na(leaf, node, file, problems)
                if na is None:
                    continue
                raw, complete = _raw_entry(leaf, node, na, file, problems)
                if raw is None:
                    continue
                try:
                    entry = normalize_entry(node, raw, evaluator=evaluator)
                except EntryValueError as exc:
                    for sub, message in exc.items:
                        first_input = next(iter(leaf.input_cells.values()), leaf.na_cell)
                        where = leaf.na_cell if na else leaf.value_cell or first_input
                        if sub in leaf.input_cells:
                            where = leaf.input_cells[sub]
                        elif sub == "evidence":
                            where = leaf.na_cell.replace("!E", "!G")
                        problems.append(Problem(message, file=file, key=where))
                    continue
                if complete:
                    assessment.add(region, node_id, entry)
    finally:
        wb.close()
    if problems:
        raise AssessorError(problems)
    return [assessment]
