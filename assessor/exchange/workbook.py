"""Reading a filled-in entry form: every cell checked, every problem located as sheet!cell.

Files come back from Excel, LibreOffice and WPS, so cells are read for what they mean, not for
how they are stored: numbers as text, full-width digits, 80.0 for 80, √ for 是, reordered sheets
and an unhidden `_meta` sheet are all fine. Nothing is returned unless every cell is valid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessor.errors import AssessorError, Problem, Said
from assessor.exchange.cells import NOT_NA_MARKS, cell_note, cell_text, split_evidence, yes_no_mark
from assessor.exchange.rows import (
    COL_COMMENT,
    COL_EVIDENCE,
    COL_ID,
    COL_KEY,
    COL_NA,
    COL_VALUE,
    HEADERS,
    NA_MARKS,
)
from assessor.exchange.template import FORMAT_VERSION, GUIDE_SHEET, META_SHEET
from assessor.loader.entry_values import EntryValueError, normalize_entry
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import (
    AnyNode,
    CheckLeaf,
    IndicatorSet,
    InnerNode,
    NumericLeaf,
    walk,
)
from assessor.text.catalogue import said


def _label(node: AnyNode) -> Said:
    """`id (name)` of an indicator, in either language."""
    return said("exchange.indicator", id=node.id, name=node.name)


#: Limits of a form: the file, the unpacked workbook, any one part of it, and any one cell
#: (Excel's own limit). A 2.2 MB file holding a 2 GB cell is refused before it is unpacked.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 100 * 1024 * 1024
MAX_CELL_CHARS = 32_767


def check_package(path: Path) -> None:
    """Refuse a file that is not a sane .xlsx before openpyxl sees it: not a regular file,
    too big (packed or unpacked), not a zip, or XML with a DTD (entity bombs)."""
    import stat
    import zipfile

    file = str(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise AssessorError(
            Problem(said("exchange.cannot_read", name=path.name, reason=exc.strerror), file=file)
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise AssessorError(Problem(said("exchange.not_regular_file", name=path.name), file=file))
    if st.st_size > MAX_FILE_BYTES:
        raise AssessorError(
            Problem(
                said(
                    "exchange.form_too_big",
                    name=path.name,
                    size=f"{st.st_size:,}",
                    limit=f"{MAX_FILE_BYTES:,}",
                ),
                file=file,
            )
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            big = max(infos, key=lambda i: i.file_size, default=None)
            if total > MAX_UNPACKED_BYTES or (big is not None and big.file_size > MAX_PART_BYTES):
                raise AssessorError(
                    Problem(
                        said(
                            "exchange.form_unpacks_too_big",
                            name=path.name,
                            total=f"{total:,}",
                            part=big.filename if big else "",
                            part_size=f"{big.file_size if big else 0:,}",
                            limit=f"{MAX_UNPACKED_BYTES:,}",
                            part_limit=f"{MAX_PART_BYTES:,}",
                        ),
                        file=file,
                    )
                )
            for i in infos:
                if i.filename.endswith((".xml", ".rels")):
                    with z.open(i) as f:
                        head = f.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise AssessorError(
                            Problem(
                                said("exchange.form_dtd", name=path.name, part=i.filename),
                                file=file,
                            )
                        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise AssessorError(
            Problem(said("exchange.not_xlsx", name=path.name, reason=str(exc)), file=file)
        ) from None


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
                said("exchange.no_meta_sheet", name=name, sheet=META_SHEET),
                file=file,
            )
        )
    meta: dict[str, tuple[str, str]] = {}
    sheets: dict[str, Region] = {}
    owner: dict[str, str] = {}
    problems: list[Problem] = []
    for r, row in enumerate(wb[META_SHEET].iter_rows(min_row=2, values_only=True), start=2):
        cells = list(row) + [None] * 5
        key = cell_text(cells[0])
        if key is None:
            continue
        if key == "region":
            title = str(cells[1])
            rid = cell_text(cells[4])
            rid = str(rid) if rid is not None else title.split(" ")[0]
            # The template names each sheet "<id> <name>": a region id edited to another
            # sheet's would store one region's values as another's.
            if not title.startswith(rid) or rid in owner:
                why = (
                    said("exchange.meta_region_twice", sheet=repr(owner[rid]))
                    if rid in owner
                    else said("exchange.meta_region_mismatch", sheet=repr(title))
                )
                problems.append(
                    Problem(
                        said("exchange.meta_region", sheet=META_SHEET, region=repr(rid), why=why),
                        file=file,
                        key=f"{META_SHEET}!E{r}",
                    )
                )
                continue
            owner[rid] = title
            name_, group = cell_text(cells[2]), cell_text(cells[3])
            sheets[title] = Region(
                id=rid,
                name=None if name_ is None else str(name_),
                group=None if group is None else str(group),
            )
        else:
            value = cell_text(cells[1])
            meta[str(key)] = ("" if value is None else str(value), f"{META_SHEET}!B{r}")
    if problems:
        raise AssessorError(problems)
    return meta, sheets


def _check_meta(
    meta: dict[str, tuple[str, str]], indicator_set: IndicatorSet, file: str, name: str
) -> list[Problem]:
    problems = []
    fmt, where = meta.get("format", ("", f"{META_SHEET}!B2"))
    if fmt and fmt != FORMAT_VERSION:
        problems.append(
            Problem(
                said("exchange.form_format", name=name, found=fmt, wanted=FORMAT_VERSION),
                file=file,
                key=where,
            )
        )
    set_id, where = meta.get("set", ("", f"{META_SHEET}!B3"))
    if set_id and set_id != indicator_set.id:
        problems.append(
            Problem(
                said("exchange.form_other_set", name=name, found=set_id, wanted=indicator_set.id),
                file=file,
                key=where,
            )
        )
    period, where = meta.get("period", ("", f"{META_SHEET}!B5"))
    if not period:
        problems.append(Problem(said("exchange.form_no_period", name=name), file=file, key=where))
    return problems


def _formula_cells(path: Path, titles: list[str]) -> dict[str, dict[int, list[int]]]:
    """Per sheet and row, the columns holding a formula (read without cached values)."""
    from openpyxl import load_workbook

    out: dict[str, dict[int, list[int]]] = {}
    wb = load_workbook(path, data_only=False, read_only=True)
    try:
        for title in titles:
            rows = wb[title].iter_rows(min_row=1, max_col=COL_KEY, values_only=True)
            for r, row in enumerate(rows, start=1):
                cols = [c for c, v in enumerate(row) if isinstance(v, str) and v.startswith("=")]
                if cols:
                    out.setdefault(title, {})[r] = cols
    finally:
        wb.close()
    return out


def _read_sheet(
    ws: Any,
    title: str,
    nodes: dict[str, AnyNode],
    file: str,
    problems: list[Problem],
    formulas: dict[int, list[int]] | None = None,
) -> dict[str, _Leaf]:
    """The cells of one region sheet gathered per leaf; bad rows go to `problems`."""
    leaves: dict[str, _Leaf] = {}
    seen: dict[tuple[str, str | None], int] = {}
    rows = ws.iter_rows(min_row=1, max_col=COL_KEY, values_only=True)
    header = [cell_text(c) for c in next(rows, ())]
    header = [str(h) if h is not None else "" for h in header] + [""] * len(HEADERS)
    if header[: COL_KEY - 1] != list(HEADERS[: COL_KEY - 1]):
        bad = next(i for i, h in enumerate(HEADERS[: COL_KEY - 1]) if header[i] != h)
        problems.append(
            Problem(
                said(
                    "exchange.form_header",
                    column=chr(65 + bad),
                    found=repr(header[bad]),
                    wanted=repr(HEADERS[bad]),
                    headers=" | ".join(HEADERS[: COL_KEY - 1]),
                ),
                file=file,
                key=f"{title}!{chr(65 + bad)}1",
            )
        )
        return {}
    for r, row in enumerate(rows, start=2):
        cells = list(row) + [None] * (COL_KEY - len(row))
        for c, v in enumerate(cells):
            if isinstance(v, str) and len(v) > MAX_CELL_CHARS:
                problems.append(
                    Problem(
                        said(
                            "exchange.cell_too_long",
                            count=f"{len(v):,}",
                            limit=f"{MAX_CELL_CHARS:,}",
                        ),
                        file=file,
                        key=f"{title}!{chr(65 + c)}{r}",
                    )
                )
                cells[c] = None
        if formulas is not None and r in formulas:
            for c in formulas[r]:
                if cells[c] is None:
                    problems.append(
                        Problem(
                            said("exchange.cell_formula"),
                            file=file,
                            key=f"{title}!{chr(65 + c)}{r}",
                        )
                    )
        node_id = cell_text(cells[COL_ID - 1])
        if node_id is None:
            continue  # an empty row (LibreOffice and WPS keep or add some)
        row_key = cell_text(cells[COL_KEY - 1])
        dup = (str(node_id), None if row_key is None else str(row_key))
        if dup in seen:
            problems.append(
                Problem(
                    said("exchange.row_twice_input", id=dup[0], input=dup[1], first=seen[dup])
                    if dup[1]
                    else said("exchange.row_twice", id=dup[0], first=seen[dup]),
                    file=file,
                    key=f"{title}!A{r}",
                )
            )
            continue
        seen[dup] = r
        node = nodes.get(str(node_id))
        if node is None:
            problems.append(
                Problem(
                    said(
                        "exchange.row_unknown_indicator",
                        id=repr(str(node_id)),
                        column=HEADERS[COL_ID - 1],
                    ),
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
                        said(
                            "exchange.row_group_value",
                            indicator=_label(node),
                            column=HEADERS[COL_VALUE - 1],
                        ),
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
    for node_id, leaf in leaves.items():
        node = nodes[node_id]
        if isinstance(node, NumericLeaf) and node.inputs:
            for k in node.inputs:
                if k not in leaf.input_cells:
                    problems.append(
                        Problem(
                            said(
                                "exchange.row_input_missing",
                                indicator=_label(node),
                                input=k,
                                label=node.inputs[k].label or k,
                            ),
                            file=file,
                            key=f"{title}!A{min(seen.get((node_id, x), 2) for x in node.inputs)}",
                        )
                    )
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
            said(
                "exchange.form_na_value",
                indicator=_label(node),
                column=HEADERS[COL_NA - 1],
                value=repr(leaf.na),
                yes="是",
            ),
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
                        said(
                            "exchange.input_empty",
                            indicator=_label(node),
                            label=labels.get(k, k),
                            input=k,
                            labels=", ".join(labels.values()),
                        ),
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
    check_package(path)
    try:
        return _read_workbook(path, indicator_set, load_workbook)
    except AssessorError:
        raise
    except Exception as exc:  # damaged XML, a truncated sheet: the evaluator must know which
        raise AssessorError(
            Problem(
                said(
                    "exchange.not_xlsx",
                    name=path.name,
                    reason=f"{type(exc).__name__}: {str(exc)[:200]}",
                ),
                file=file,
            )
        ) from None


def _read_workbook(path: Path, indicator_set: IndicatorSet, load_workbook: Any) -> list[Assessment]:
    file = str(path)
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # not a workbook, or a damaged one: the evaluator must know which
        raise AssessorError(
            Problem(said("exchange.not_xlsx", name=path.name, reason=str(exc)), file=file)
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
        formulas = _formula_cells(path, [t for t in wb.sheetnames if t in sheets])
        for title in wb.sheetnames:
            if title in (GUIDE_SHEET, META_SHEET):
                continue
            region = sheets.get(title)
            if region is None:
                known = ", ".join(list(sheets)[:6]) + (" …" if len(sheets) > 6 else "")
                problems.append(
                    Problem(
                        said("exchange.sheet_not_region", sheet=repr(title), known=known),
                        file=file,
                        key=f"{title}!A1",
                    )
                )
                continue
            assessment.regions[region.id] = region
            for node_id, leaf in _read_sheet(
                wb[title], title, nodes, file, problems, formulas.get(title)
            ).items():
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
