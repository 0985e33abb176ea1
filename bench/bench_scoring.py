"""Scoring speed: batch leaf evaluations per second, re-scoring one region, load and lint.

Run: `python bench/bench_scoring.py` (or `make bench`). Prints figures; asserts nothing.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_assessment, write_synthetic_set


def best_of(fn, n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    from assessor.loader import lint_set, load_set, load_set_located
    from assessor.model import Entry
    from assessor.scoring import compile_set, rescore_leaf, score

    with tempfile.TemporaryDirectory() as tmp:
        path = write_synthetic_set(Path(tmp) / "synthetic.yaml", 1000)

        def load_and_lint() -> None:
            indicator_set, raw = load_set_located(path)  # one parse serves both
            lint_set(indicator_set, raw, file=str(path))

        load_best, load_med = best_of(load_and_lint, 7)
        s = load_set(path)
    cs = compile_set(s)
    n_leaves = len(cs.leaves)
    a = synthetic_assessment(cs, n_regions=150, n_evaluators=3)
    evaluations = n_leaves * 150 * 3

    def batch() -> None:
        gc.collect()  # start each run from the same heap; the collection is not timed
        t0 = time.perf_counter()
        score(cs, a)
        batch_times.append(time.perf_counter() - t0)

    batch_times: list[float] = []
    for _ in range(3):
        batch()
    batch_best, batch_med = min(batch_times), statistics.median(batch_times)

    # Re-score one region after one changed entry (what the TUI does on each keystroke).
    rid = next(iter(a.regions))
    (previous,) = score(cs, a, regions=[rid])
    leaves = [c for c in cs.leaves if c.method == "ratio"]
    times = []
    for i in range(50):
        leaf = leaves[i % len(leaves)]
        a.entries[rid][leaf.id][0] = Entry(value=Decimal(i), evaluator="评估人1")
        t0 = time.perf_counter()
        previous = rescore_leaf(cs, previous, a, leaf.id)
        times.append(time.perf_counter() - t0)
    re_best, re_med = min(times), statistics.median(times)
    full_best, _ = best_of(lambda: score(cs, a, regions=[rid]), 10)

    print(f"set: {n_leaves} leaves, {len(cs.nodes) - 1} nodes; 150 regions × 3 evaluators")
    print(
        f"load + lint the 1,000-leaf set:    best {load_best * 1000:7.1f} ms  median {load_med * 1000:7.1f} ms  (target < 300 ms)"
    )
    print(
        f"batch score ({evaluations:,} leaf evaluations): best {batch_best:5.2f} s  median {batch_med:5.2f} s"
    )
    print(
        f"  = {evaluations / batch_best:,.0f} leaf evaluations/s (best), {evaluations / batch_med:,.0f}/s (median)  (target ≥ 200,000/s)"
    )
    print(
        f"re-score one region after one edit: best {re_best * 1000:6.2f} ms  median {re_med * 1000:6.2f} ms  (target < 10 ms)"
    )
    print(
        f"  (scoring that region from scratch, all 3,000 evaluations: best {full_best * 1000:6.2f} ms)"
    )


if __name__ == "__main__":
    main()
