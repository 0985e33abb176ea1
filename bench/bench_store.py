"""Store speed, measured through a real workspace as `assessor` uses it.

Run: `python bench/bench_store.py` (or `make bench`). Prints figures; asserts nothing.

- one audited entry write on SQLite (WAL, BEGIN IMMEDIATE), median and p95 (target < 5 ms);
- importing a 150-region × 100-indicator workbook into the workspace: read, every cell checked
  by `normalize_entry`, stored in one transaction with its audit records (target < 5 s);
- exporting it: entries read from the database, scored by the engine, 排名/明细/填报 written
  (target < 3 s);
- audit verify (hash chain + replay) of everything written.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_exchange import fill
from bench.synthetic import write_synthetic_set

N_REGIONS = 150
N_LEAVES = 100


def main() -> None:
    from assessor.cli.cmd_excel import export_workspace, import_files
    from assessor.exchange import write_template
    from assessor.model import Entry
    from assessor.model.indicator_set import InnerNode, walk
    from assessor.store.workspace import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        set_path = write_synthetic_set(root / "s100.yaml", N_LEAVES)
        regions = [
            {"id": f"{370000 + i:06d}", "name": f"示例县{i:03d}", "group": f"示例市{i % 10}"}
            for i in range(N_REGIONS)
        ]
        (root / "regions.yaml").write_text(
            yaml.safe_dump({"format": 1, "regions": regions}, allow_unicode=True),
            encoding="utf-8",
        )
        ws = init_workspace(
            root / "ws", set_ref=str(set_path), regions_file=root / "regions.yaml", period="2024"
        )
        s = ws.indicator_set
        node_of = {n.id: n for n in walk(list(s.tree))}
        leaves = [n.id for n in node_of.values() if not isinstance(n, InnerNode)]
        numeric = [lid for lid in leaves if getattr(node_of[lid], "method", "") == "points"]

        times = []
        for i in range(500):
            t0 = time.perf_counter()
            ws.set_entry(regions[i % N_REGIONS]["id"], "2023", numeric[i % len(numeric)], "评估人1",
                         Entry(value=Decimal(i % 3)))  # fmt: skip
            times.append(time.perf_counter() - t0)
        median, p95 = statistics.median(times), sorted(times)[int(len(times) * 0.95)]
        print(f"one entry write on SQLite (WAL, audited):     median {median * 1000:.2f} ms, "
              f"p95 {p95 * 1000:.2f} ms  (target < 5 ms)")  # fmt: skip

        form = write_template(root / "form.xlsx", s, list(ws.regions.values()), period="2024",
                              evaluator="评估人1")  # fmt: skip
        cells = fill(form, node_of)
        t0 = time.perf_counter()
        n = import_files(ws, [form], who="bench")
        t_import = time.perf_counter() - t0
        print(f"import {N_REGIONS} × {len(leaves)} workbook ({cells:,} cells → {n:,} entries, "
              f"checked, stored, audited): {t_import:.2f} s  (target < 5 s)")  # fmt: skip

        t0 = time.perf_counter()
        out, results = export_workspace(ws, root / "结果.xlsx", "2024")
        t_export = time.perf_counter() - t0
        print(f"export it (read store, score {results} regions, write .xlsx "
              f"{out.stat().st_size / 1024:.0f} KB): {t_export:.2f} s  (target < 3 s)")  # fmt: skip
        t0 = time.perf_counter()
        out, _ = export_workspace(ws, root / "结果.csv", "2024")
        print(f"export it as .csv (明细): {time.perf_counter() - t0:.2f} s")

        t0 = time.perf_counter()
        problems = ws.store.verify_audit()
        seq, _ = ws.store.chain_head()
        print(f"audit verify + replay of {seq:,} records: {time.perf_counter() - t0:.2f} s "
              f"({len(problems)} problems)")  # fmt: skip
        ws.close()


if __name__ == "__main__":
    main()
