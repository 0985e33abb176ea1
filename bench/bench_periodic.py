"""Periods: scoring the Shaoxing campaign's sample year (52 weeks of six 区、县(市)) for a week,
a month rolled up from its weeks, and the year (rolled up leaf by leaf from 52 weeks, plus the
twelve months scored and ranked for the year's rank points).

Run: `python bench/bench_periodic.py`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best_of(fn, n: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    from assessor.loader import load_entries, load_set
    from assessor.scoring import compile_checked, score

    for kind in ("county", "department"):
        cs = compile_checked(load_set(ROOT / "indicators" / f"shaoxing-2021-{kind}.yaml"))
        files = sorted((ROOT / "samples" / f"shaoxing-2021-{kind}").glob("*.yaml"))
        t0 = time.perf_counter()
        assessments = load_entries(files, cs.set)
        load = time.perf_counter() - t0
        print(f"shaoxing-2021-{kind}: {len(files)} files read in {load * 1000:.0f} ms")
        for period, n in (("2021-W10", 20), ("2021-06", 10), ("2021", 3)):
            best, median = best_of(lambda p=period, c=cs, a=assessments: score(c, a, period=p), n)
            print(
                f"  score --period {period:8}: best {best * 1000:7.1f} ms, median {median * 1000:7.1f} ms"
            )


if __name__ == "__main__":
    main()
