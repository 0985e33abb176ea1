"""CSV long format: template → filled → read back; errors located as file:line + column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from assessor.errors import AssessorError
from assessor.exchange import read_csv, write_csv_template
from assessor.exchange.csvio import COLUMNS
from assessor.model import Entry
from assessor.model.indicator_set import LevelLeaf, NumericLeaf

from .conftest import LEAVES, NODES, OPTIONAL, REGIONS, SET, as_entry_value, cell_value


def write_rows(path: Path, rows: list[dict[str, str]], *, bom: bool = True) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return path


def template_rows(tmp_path: Path) -> list[dict[str, str]]:
    path = write_csv_template(tmp_path / "t.csv", SET, REGIONS[:2], period="2021", evaluator="李四")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_csv_template_has_the_documented_header_and_a_row_per_leaf_or_input(
    tmp_path: Path,
) -> None:
    path = write_csv_template(tmp_path / "t.csv", SET, REGIONS[:1], period="2021")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == COLUMNS
    want = sum(len(n.inputs) if isinstance(n, NumericLeaf) and n.inputs else 1 for n in LEAVES)
    assert len(rows) == want


def test_a_filled_csv_round_trips_to_the_entries_typed(tmp_path: Path) -> None:
    rows = template_rows(tmp_path)
    expected: dict[tuple[str, str], Entry] = {}
    for i, row in enumerate(rows):
        node = NODES[row["indicator"]]
        key = row["input"] or None
        if node.id == OPTIONAL:
            row["na"] = "是"
            expected[(row["region"], node.id)] = Entry(na=True, evaluator="李四")
            continue
        v = cell_value(node, key, i)
        row["value"] = str(v)
        old = expected.get((row["region"], node.id))
        if key:
            inputs = dict(old.inputs or {}) if old else {}
            inputs[key] = as_entry_value(node, v)
            expected[(row["region"], node.id)] = Entry(inputs=inputs, evaluator="李四")
        else:
            row["comment"] = "多行\n备注，保留标点" if i % 4 == 0 else ""
            expected[(row["region"], node.id)] = Entry(
                value=as_entry_value(node, v), comment=row["comment"] or None, evaluator="李四"
            )
    (a,) = read_csv(write_rows(tmp_path / "filled.csv", rows), SET)
    got = {(rid, leaf): es for rid, ls in a.entries.items() for leaf, es in ls.items()}
    assert got == {k: [e] for k, e in expected.items()}
    assert a.period == "2021" and a.regions[REGIONS[0].id] == REGIONS[0]


def test_a_csv_without_bom_or_period_column_takes_the_period_given(tmp_path: Path) -> None:
    level = next(n for n in LEAVES if isinstance(n, LevelLeaf))
    p = tmp_path / "plain.csv"
    p.write_text(f"region,indicator,value\n371502,{level.id},２\n", encoding="utf-8")
    (a,) = read_csv(p, SET, period="2022", evaluator="王五")
    (entry,) = a.entries["371502"][level.id]
    assert (a.period, entry.value, entry.evaluator) == ("2022", 2, "王五")


def test_empty_values_are_no_entry_not_an_error(tmp_path: Path) -> None:
    rows = template_rows(tmp_path)
    assert read_csv(write_rows(tmp_path / "empty.csv", rows), SET) == []


def test_csv_errors_are_all_reported_with_line_and_column(tmp_path: Path) -> None:
    level = next(n for n in LEAVES if isinstance(n, LevelLeaf))
    mandatory = next(n for n in LEAVES if isinstance(n, LevelLeaf) and n is not level)
    formula = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.inputs)
    a, b = list(formula.inputs or {})[:2]
    base = {"region": "371502", "period": "2021"}
    rows = [
        base | {"indicator": level.id, "value": "7"},
        base | {"indicator": "NOPE", "value": "1"},
        base | {"indicator": mandatory.id, "na": "是"},
        base | {"indicator": formula.id, "input": a, "value": "abc"},
        base | {"indicator": formula.id, "input": b, "value": "3"},
        base | {"indicator": level.id, "region": "371503", "value": "1", "na": "也许"},
    ]
    with pytest.raises(AssessorError) as err:
        read_csv(write_rows(tmp_path / "bad.csv", rows), SET)
    found = sorted((p.line or 0, p.key or "") for p in err.value.problems)
    assert found == [(2, "value"), (3, "indicator"), (4, "na"), (5, "input"), (7, "na")]
    assert all(p.file == str(tmp_path / "bad.csv") for p in err.value.problems)
    assert "allowed levels" in next(p.message for p in err.value.problems if p.line == 2)


def test_a_csv_missing_required_columns_says_which(tmp_path: Path) -> None:
    p = tmp_path / "cols.csv"
    p.write_text("region,value\n371502,1\n", encoding="utf-8")
    with pytest.raises(AssessorError, match="missing column"):
        read_csv(p, SET)
