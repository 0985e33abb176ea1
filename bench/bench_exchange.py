"""Excel speed: importing a 150-region × 100-indicator workbook and exporting its results.

Run: `python bench/bench_exchange.py` (or `make bench`). Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import write_synthetic_set


def main() -> None:
    from openpyxl import load_workbook

    from assessor.exchange import read_workbook, write_export, write_template
    from assessor.exchange.rows import COL_ITEM, COL_VALUE
    from assessor.loader import load_set
    from assessor.model import Region
    from assessor.scoring import compile_checked, score
    from assessor.store.store import EntryKey, Store

    with tempfile.TemporaryDirectory() as tmp:
        s = load_set(write_synthetic_set(Path(tmp) / "s100.yaml", 100))
        regions = [
            Region(id=f"{370000 + i:06d}", name=f"示例县{i:03d}", group=f"示例市{i % 10}")
            for i in range(150)
        ]
        t0 = time.perf_counter()
        form = write_template(
            Path(tmp) / "form.xlsx", s, regions, period="2024", evaluator="评估人1"
        )
        t_template = time.perf_counter() - t0
        wb = load_workbook(form)
        for ws in wb.worksheets[2:]:
            for row in ws.iter_rows(min_row=2):
                if row[COL_VALUE - 1].protection.locked:
                    continue
                item = row[COL_ITEM - 1].value
                row[COL_VALUE - 1].value = {"星级/等级": 4, "选项": "B", "是/否": "是"}.get(
                    item, 82.5
                )
        wb.save(form)

        store = Store.open(f"sqlite:///{tmp}/ws.db")
        t0 = time.perf_counter()
        (a,) = read_workbook(form, s)
        rows = [
            (EntryKey(s.id, rid, a.period, e.evaluator, leaf), e)
            for rid, leaves in a.entries.items()
            for leaf, es in leaves.items()
            for e in es
        ]
        store.import_entries(rows, who="bench")
        t_import = time.perf_counter() - t0

        cs = compile_checked(s)
        t0 = time.perf_counter()
        assessment = store.assessment(s.id, "2024", {r.id: r for r in regions})
        t_read = time.perf_counter() - t0
        results = score(cs, assessment)
        t_score = time.perf_counter() - t0 - t_read
        out = write_export(Path(tmp) / "results.xlsx", cs, results, [assessment])
        t_export = time.perf_counter() - t0
        size = out.stat().st_size
        store.close()
    print(f"workbook: 150 regions × {len(cs.leaves)} indicators = {len(rows):,} entries")
    print(f"write the entry form (150 protected sheets): {t_template:.2f} s")
    print(
        f"import (read every cell, validate, store in one transaction): {t_import:.2f} s  (target < 5 s)"
    )
    print(
        f"export (read the store, score, write 排名/明细/填报, {size / 1024:.0f} KB): {t_export:.2f} s  (target < 3 s)"
    )
    print(
        f"  of which: read the store {t_read:.2f} s, score {t_score:.2f} s, write {t_export - t_read - t_score:.2f} s"
    )


if __name__ == "__main__":
    main()
