"""CSV entries in a long format: one row per leaf (or per named input), errors as file:line."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from assessor.errors import AssessorError, Problem
from assessor.exchange.cells import (
    NOT_NA_MARKS,
    cell_note,
    cell_text,
    safe_cell,
    split_evidence,
    yes_no_mark,
)
from assessor.exchange.rows import NA_MARKS, form_rows
from assessor.loader.entry_values import EntryValueError, normalize_entry
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import CheckLeaf, IndicatorSet, InnerNode, NumericLeaf, walk
from assessor.text.catalogue import said

COLUMNS = (
    "region",
    "name",
    "group",
    "period",
    "evaluator",
    "indicator",
    "input",
    "value",
    "na",
    "comment",
    "evidence",
)


#: The largest CSV read, and the longest field (Excel's cell limit).
MAX_CSV_BYTES = 50 * 1024 * 1024
MAX_FIELD = 32_767


def _rows(reader: Any, file: str, problems: list[Problem]) -> Any:
    """The records of `reader`; a malformed or over-long field ends reading with a problem
    naming its line, instead of a `_csv.Error` traceback."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(
                Problem(
                    said("exchange.csv_bad_line", reason=str(exc)),
                    file=file,
                    line=reader.line_num,
                )
            )
            return
        long = next((k for k, v in row.items() if isinstance(v, str) and len(v) > MAX_FIELD), None)
        if long is not None:
            problems.append(
                Problem(
                    said(
                        "exchange.csv_field_too_long",
                        field=long,
                        count=f"{len(row[long]):,}",
                        limit=f"{MAX_FIELD:,}",
                    ),
                    file=file,
                    line=reader.line_num,
                    key=str(long),
                )
            )
            continue
        yield row


def write_csv_template(
    path: Path | str,
    indicator_set: IndicatorSet,
    regions: list[Region],
    *,
    period: str,
    evaluator: str | None = None,
) -> Path:
    """A long CSV to fill in: one row per leaf, or per named input (UTF-8 with BOM for Excel)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for region in regions:
            for row in form_rows(indicator_set):
                if not row.leaf:
                    continue
                w.writerow([safe_cell(x) for x in (region.id, region.name or "", region.group or "", period,
                            evaluator or "", row.node.id, row.input or "", "", "", "", "")])  # fmt: skip
    return path


def read_csv(
    path: Path | str,
    indicator_set: IndicatorSet,
    *,
    period: str | None = None,
    evaluator: str | None = None,
) -> list[Assessment]:
    """Entries from a long CSV; raises AssessorError listing every bad line and column."""
    path = Path(path)
    file = str(path)
    from assessor.loader.located import read_limited

    try:
        data = read_limited(path, MAX_CSV_BYTES, "CSV file")
    except OSError as exc:
        raise AssessorError(
            Problem(said("exchange.cannot_read", name=path.name, reason=exc.strerror), file=file)
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")  # Excel on Chinese Windows saves CSV as GBK
        except UnicodeDecodeError:
            raise AssessorError(
                Problem(said("exchange.csv_encoding", name=path.name), file=file)
            ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))  # comments may hold new lines
    try:
        fields = [cell_text(f) for f in reader.fieldnames or []]
    except csv.Error as exc:
        raise AssessorError(
            Problem(
                said("exchange.csv_bad_header", name=path.name, reason=str(exc)),
                file=file,
                line=1,
            )
        ) from None
    reader.fieldnames = [str(f or "").lower() for f in fields]
    missing = [c for c in ("region", "indicator", "value") if c not in reader.fieldnames]
    if missing:
        raise AssessorError(
            Problem(
                said(
                    "exchange.csv_missing_columns",
                    name=path.name,
                    missing=", ".join(missing),
                    columns=", ".join(COLUMNS),
                ),
                file=file,
                line=1,
            )
        )
    nodes = {n.id: n for n in walk(list(indicator_set.tree))}
    problems: list[Problem] = []
    grouped: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    where: dict[tuple[str, str, str, str], dict[str | None, int]] = {}
    regions: dict[str, Region] = {}
    rows_read = _rows(reader, file, problems)
    for row in rows_read:
        line = reader.line_num  # the physical line (a record may span several)
        rid = str(cell_text(row.get("region")) or "")
        node_id = str(cell_text(row.get("indicator")) or "")
        p = str(cell_text(row.get("period")) or period or "")
        ev = str(cell_text(row.get("evaluator")) or evaluator or "")
        if not rid or not node_id:
            if any(cell_text(v) is not None for v in row.values() if not isinstance(v, list)):
                problems.append(
                    Problem(
                        said("exchange.csv_region_indicator"),
                        file=file,
                        line=line,
                        key="region" if not rid else "indicator",
                    )
                )
            continue
        if not p:
            problems.append(
                Problem(
                    said("exchange.csv_no_period"),
                    file=file,
                    line=line,
                    key="period",
                )
            )
            continue
        node = nodes.get(node_id)
        if node is None or isinstance(node, InnerNode):
            what = "exchange.csv_group" if node is not None else "exchange.csv_unknown_indicator"
            problems.append(
                Problem(said(what, id=repr(node_id)), file=file, line=line, key="indicator")
            )
            continue
        name, group = cell_text(row.get("name")), cell_text(row.get("group"))
        regions.setdefault(
            rid,
            Region(
                id=rid,
                name=None if name is None else str(name),
                group=None if group is None else str(group),
            ),
        )
        key = (p, rid, ev, node_id)
        raw = grouped.setdefault(key, {})
        lines = where.setdefault(key, {None: line})
        value = cell_text(row.get("value"))
        input_name = cell_text(row.get("input"))
        if isinstance(node, NumericLeaf) and node.inputs and input_name is not None:
            spec = node.inputs.get(str(input_name))
            if spec is not None and spec.type == "boolean":
                value = yes_no_mark(value)
            lines[str(input_name)] = line
            if value is not None:
                raw[str(input_name)] = value
        elif value is not None:
            raw["value"] = yes_no_mark(value) if isinstance(node, CheckLeaf) else value
            lines["value"] = line
        na = cell_text(row.get("na"))
        if na is not None:
            word = str(na).lower()
            if word in NA_MARKS:
                raw["na"] = True
                lines["na"] = line
            elif word not in NOT_NA_MARKS:
                problems.append(
                    Problem(
                        said(
                            "exchange.csv_na_value",
                            id=node_id,
                            value=repr(str(na)),
                            allowed="是/yes/na",
                        ),
                        file=file,
                        line=line,
                        key="na",
                    )
                )
        comment = cell_note(row.get("comment"))
        if comment is not None:
            old = raw.get("comment")
            raw["comment"] = str(comment) if old is None else f"{old}\n{comment}"
        evidence = split_evidence(row.get("evidence"))
        if evidence:
            raw.setdefault("evidence", []).extend(evidence)
    out: dict[str, Assessment] = {}
    for (p, rid, ev, node_id), raw in grouped.items():
        if not raw or set(raw) <= {"comment", "evidence"}:
            continue  # nothing entered: unscored, not an error
        node = nodes[node_id]
        if isinstance(node, NumericLeaf) and node.inputs and "na" not in raw:
            given = [k for k in node.inputs if k in raw]
            absent = [k for k in node.inputs if k not in raw]
            if given and absent:
                lines = where[(p, rid, ev, node_id)]
                for k in absent:
                    problems.append(
                        Problem(
                            said(
                                "exchange.csv_input_missing",
                                indicator=said("exchange.indicator", id=node_id, name=node.name),
                                input=k,
                                label=node.inputs[k].label or k,
                                inputs=", ".join(node.inputs),
                            ),
                            file=file,
                            line=lines.get(k, lines[None]),
                            key="value" if k in lines else "input",
                        )
                    )
                continue
        try:
            entry = normalize_entry(node, raw, evaluator=ev)
        except EntryValueError as exc:
            lines = where[(p, rid, ev, node_id)]
            for sub, message in exc.items:
                column = "na" if "na" in raw else "value"
                if sub is not None and sub in lines and sub not in ("value", "na"):
                    column = "input" if sub not in ("comment", "evidence") else sub
                line = lines.get(sub, lines.get(column, lines[None]))
                problems.append(Problem(message, file=file, line=line, key=column))
            continue
        out.setdefault(p, Assessment(period=p)).add(regions[rid], node_id, entry)
    if problems:
        raise AssessorError(problems)
    return list(out.values())
