"""Store speed: one entry write on SQLite (median), importing and exporting a campaign.

Run: `python bench/bench_store.py` (or `make bench`). Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from assessor.model import Entry
    from assessor.store.store import EntryKey, Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        times = []
        for i in range(500):
            key = EntryKey("bench", f"{370000 + i % 150}", "2024", "评估人1", f"L{i % 100}")
            t0 = time.perf_counter()
            store.set_entry(key, Entry(value=Decimal(i) / 7))
            times.append(time.perf_counter() - t0)
        print(f"one entry write on SQLite (WAL, audited): median {statistics.median(times) * 1000:.2f} ms, "
              f"p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms  (target < 5 ms median)")  # fmt: skip

        rows = [
            (
                EntryKey("bench", f"{370000 + r}", "2024", "评估人1", f"L{i}"),
                Entry(value=Decimal(r + i)),
            )
            for r in range(150)
            for i in range(100)
        ]
        t0 = time.perf_counter()
        store.import_entries(rows, who="bench")
        print(f"storing 15,000 entries in one import transaction: {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        problems = store.verify_audit()
        print(
            f"audit verify + replay of {len(store.audit_log()):,} records: {time.perf_counter() - t0:.2f} s ({len(problems)} problems)"
        )
        store.close()


if __name__ == "__main__":
    main()
