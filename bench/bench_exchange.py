"""Excel speed: importing a 150-region × 100-indicator entry form and exporting 150 results.

Run: `python bench/bench_exchange.py` (or `make bench`). Prints figures; asserts nothing.
Targets: import < 5 s, export < 3 s. The set comes from bench/synthetic.py (100 leaves in
10 dimensions × 10 sub-dimensions: 100 divides evenly, so the set has exactly 100 leaves).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import write_synthetic_set

N_REGIONS = 150
N_LEAVES = 100


def fill(form: Path, node_of: Any) -> int:
    """Fill every value cell by script as an evaluator would; returns the number of cells."""
    from openpyxl import load_workbook

    from assessor.exchange.rows import COL_ID, COL_VALUE
    from assessor.model.indicator_set import CheckLeaf, ChoiceLeaf, LevelLeaf

    wb = load_workbook(form)
    n = 0
    for ws in wb.worksheets[2:]:
        for i, row in enumerate(ws.iter_rows(min_row=2), start=2):
            if row[COL_VALUE - 1].protection.locked:
                continue
            node = node_of[row[COL_ID - 1].value]
            if isinstance(node, LevelLeaf):
                value: Any = 1 + i % max(d.level for d in node.levels)
            elif isinstance(node, ChoiceLeaf):
                value = node.options[i % len(node.options)].key
            elif isinstance(node, CheckLeaf):
                value = "是" if i % 2 else "否"
            else:
                value = 30 + (i * 7) % 70 + 0.5
            row[COL_VALUE - 1].value = value
            n += 1
    wb.save(form)
    return n


def main() -> None:
    from assessor.exchange import read_workbook, write_export, write_template
    from assessor.loader import load_set
    from assessor.model import Region
    from assessor.model.indicator_set import InnerNode, walk
    from assessor.scoring import compile_set, score

    with tempfile.TemporaryDirectory() as tmp:
        s = load_set(write_synthetic_set(Path(tmp) / "s100.yaml", N_LEAVES))
        node_of = {n.id: n for n in walk(list(s.tree))}
        leaves = sum(not isinstance(n, InnerNode) for n in node_of.values())
        regions = [
            Region(id=f"{370000 + i:06d}", name=f"示例县{i:03d}", group=f"示例市{i % 10}")
            for i in range(N_REGIONS)
        ]
        t0 = time.perf_counter()
        form = write_template(Path(tmp) / "form.xlsx", s, regions, period="2024", evaluator="甲")
        t_template = time.perf_counter() - t0
        cells = fill(form, node_of)

        t0 = time.perf_counter()
        assessments = read_workbook(form, s)
        t_import = time.perf_counter() - t0
        entries = sum(len(ls) for a in assessments for ls in a.entries.values())

        cs = compile_set(s)
        t0 = time.perf_counter()
        results = score(cs, assessments)
        t_score = time.perf_counter() - t0
        t0 = time.perf_counter()
        out = write_export(Path(tmp) / "results.xlsx", cs, results, assessments)
        t_export = time.perf_counter() - t0
        size = out.stat().st_size
        t0 = time.perf_counter()
        write_export(Path(tmp) / "results.csv", cs, results)
        t_csv = time.perf_counter() - t0

    print(f"set: {leaves} leaves; form: {N_REGIONS} region sheets, {cells:,} value cells filled")
    print(f"write_template (protected sheets, drop-downs):  {t_template:5.2f} s")
    print(
        f"read_workbook ({entries:,} entries, every cell checked): {t_import:5.2f} s  (target < 5 s)"
    )
    print(f"score {N_REGIONS} regions (engine, not exchange):   {t_score:5.2f} s")
    print(
        f"write_export .xlsx (排名/明细/填报, {size / 1024:.0f} KB):  {t_export:5.2f} s  (target < 3 s)"
    )
    print(f"write_export .csv (明细):                         {t_csv:5.2f} s")


if __name__ == "__main__":
    main()
