"""Periods: scoring the Shaoxing campaign's sample year (52 weeks of six 区、县(市)) for a week,
a month rolled up from its weeks, and the year (rolled up leaf by leaf from 52 weeks, plus the
twelve months scored and ranked for the year's rank points).

Run: `python bench/bench_periodic.py`. Prints figures; asserts nothing. With a workspace of the
campaign (`python bench/bench_periodic.py out/shaoxing-2021`, as `make demo` builds it) it also
times what the TUI does on switching to a period: read it from the database (a month or the
year: the weeks inside it) and score it (`Session.read_state`).
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

    if len(sys.argv) > 1:
        tui_reads(Path(sys.argv[1]))


def tui_reads(folder: Path) -> None:
    """The TUI's read of a week, a month and the year, per kind, from the workspace's database."""
    from assessor.tui.session import Session

    for kind in ("county", "department"):
        s = Session.open(folder, kind=kind, period="2021-W10")
        print(f"TUI read of {folder} ({kind}): database + engine")
        for period, n in (("2021-W10", 10), ("2021-06", 5), ("2021", 3)):
            s.period = period
            best, median = best_of(s.read_state, n)
            print(
                f"  read_state {period:8}: best {best * 1000:7.1f} ms, median {median * 1000:7.1f} ms"
            )
        s.close()


if __name__ == "__main__":
    main()
