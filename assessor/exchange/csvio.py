"""CSV entries in a long format: one row per leaf (or per named input), errors as file:line."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from assessor.errors import AssessorError, Problem
from assessor.exchange.cells import cell_text, split_evidence
from assessor.exchange.rows import NA_MARKS, form_rows
from assessor.loader.entry_values import EntryValueError, normalize_entry
from assessor.model.entries import Assessment, Region
from assessor.model.indicator_set import IndicatorSet, InnerNode, NumericLeaf, walk

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


def write_csv_template(
    path: Path | str,
    indicator_set: IndicatorSet,
    regions: list[Region],
    *,
    period: str,
    evaluator: str | None = None,
) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for region in regions:
            for row in form_rows(indicator_set):
                if not row.leaf:
                    continue
                w.writerow([region.id, region.name or "", region.group or "", period, evaluator or "",
                            row.node.id, row.input or "", "", "", "", ""])  # fmt: skip
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
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = path.read_text(encoding="gb18030")  # Excel on Chinese Windows saves CSV as GBK
        except UnicodeDecodeError:
            raise AssessorError(
                Problem(f"{path.name} is neither UTF-8 nor GB18030 text", file=file)
            ) from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in ("region", "indicator", "value") if c not in (reader.fieldnames or [])]
    if missing:
        raise AssessorError(Problem(f"{path.name}: missing column(s) {', '.join(missing)}; columns: {', '.join(COLUMNS)}",
                                    file=file, line=1))  # fmt: skip
    nodes = {n.id: n for n in walk(list(indicator_set.tree))}
    problems: list[Problem] = []
    grouped: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    lines: dict[tuple[str, str, str, str], int] = {}
    regions: dict[str, Region] = {}
    for n, row in enumerate(reader, start=2):
        rid = str(cell_text(row.get("region")) or "")
        node_id = str(cell_text(row.get("indicator")) or "")
        p = str(cell_text(row.get("period")) or period or "")
        ev = str(cell_text(row.get("evaluator")) or evaluator or "")
        if not rid or not node_id:
            if any(v for v in row.values()):
                problems.append(Problem("region and indicator are required", file=file, line=n))
            continue
        if not p:
            problems.append(
                Problem(
                    "no period: give a period column or --period", file=file, line=n, key="period"
                )
            )
            continue
        node = nodes.get(node_id)
        if node is None or isinstance(node, InnerNode):
            what = "a group, not an indicator" if node is not None else "unknown"
            problems.append(
                Problem(f"indicator {node_id!r} is {what}", file=file, line=n, key="indicator")
            )
            continue
        regions.setdefault(
            rid, Region(id=rid, name=cell_text(row.get("name")), group=cell_text(row.get("group")))
        )
        key = (p, rid, ev, node_id)
        raw = grouped.setdefault(key, {})
        lines.setdefault(key, n)
        value = cell_text(row.get("value"))
        name = cell_text(row.get("input"))
        if isinstance(node, NumericLeaf) and node.inputs and name:
            if value is not None:
                raw[str(name)] = value
        elif value is not None:
            raw["value"] = value
        na = cell_text(row.get("na"))
        if na is not None and str(na).lower() in NA_MARKS:
            raw["na"] = True
        if cell_text(row.get("comment")):
            raw["comment"] = str(cell_text(row.get("comment")))
        if split_evidence(row.get("evidence")):
            raw.setdefault("evidence", []).extend(split_evidence(row.get("evidence")))
    out: dict[str, Assessment] = {}
    for (p, rid, ev, node_id), raw in grouped.items():
        if not raw or set(raw) <= {"comment", "evidence"}:
            continue
        try:
            entry = normalize_entry(nodes[node_id], raw, evaluator=ev)
        except EntryValueError as exc:
            for _, message in exc.items:
                problems.append(
                    Problem(message, file=file, line=lines[(p, rid, ev, node_id)], key="value")
                )
            continue
        out.setdefault(p, Assessment(period=p)).add(regions[rid], node_id, entry)
    if problems:
        raise AssessorError(problems)
    return list(out.values())
