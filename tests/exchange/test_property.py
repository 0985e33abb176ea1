"""Whatever an evaluator types, import answers with entries or an AssessorError, never a crash."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from assessor.errors import AssessorError
from assessor.exchange import read_csv, read_workbook, write_template
from assessor.exchange.csvio import COLUMNS
from assessor.exchange.rows import COL_COMMENT, COL_EVIDENCE, COL_NA, COL_VALUE

from .conftest import LEAVES, REGIONS, SET

TEMPLATE = Path(tempfile.mkdtemp(prefix="exchange-prop-")) / "form.xlsx"
write_template(TEMPLATE, SET, REGIONS[:1], period="2021")

cell = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t)),
    st.sampled_from(["是", "否", "√", "×", "不适用", "na", "８２。５", " 4 ", "1e400", "-0"]),
)
columns = st.sampled_from([COL_VALUE, COL_NA, COL_COMMENT, COL_EVIDENCE])
edits = st.lists(st.tuples(st.integers(2, 80), columns, cell), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(edits)
def test_random_cells_give_entries_or_an_assessor_error(changes: list) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(TEMPLATE)
    ws = wb.worksheets[2]
    for r, c, v in changes:
        ws.cell(r, c, v)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.xlsx"
        wb.save(path)
        try:
            read_workbook(path, SET)
        except AssessorError as exc:
            assert exc.problems and all(p.key and "!" in p.key for p in exc.problems)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([n.id for n in LEAVES] + ["", "X"]), st.text(max_size=8), st.text(max_size=4)), max_size=6))  # fmt: skip
def test_random_csv_cells_give_entries_or_an_assessor_error(rows: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS)
            w.writeheader()
            for leaf, value, na in rows:
                w.writerow({"region": "371502", "period": "2021", "indicator": leaf,
                            "value": value, "na": na})  # fmt: skip
        try:
            read_csv(path, SET)
        except AssessorError as exc:
            assert exc.problems and all(p.line for p in exc.problems)
