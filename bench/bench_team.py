"""A team on PostgreSQL under load: 30 evaluators writing, reading and re-scoring one campaign.

Run: `python bench/bench_team.py [--seconds 120] [--processes 30] [--restart]`. Prints figures;
asserts nothing (a lost update or a broken chain is printed as such and exits 1).

A throwaway PostgreSQL server starts on loopback (as the store tests start it). A workspace on
the bundled `sd-county-2020` set and the sample regions is created on it; then `--processes`
worker processes run for `--seconds`, each pausing `--think` seconds on average between
actions as a person does (`--think 0` measures the server flat out). Two processes share each
evaluator's name and a small set of indicators (3 regions × 5 indicators each), so they really
do race for the same entries: each write reads the entry's version first and passes it back
(`expected_version`), exactly as the TUI does, so a stale write is refused as a conflict instead
of overwriting.

Every acknowledged write is logged by its process as (entry, version, value). Afterwards:
- lost updates: two acknowledged writes of one entry with the same version but different values
  (a write of the value already stored keeps its version), or an entry whose stored
  version/value is not its highest acknowledged write (must be 0);
- the audit chain verified (hash chain + replay equals the entries);
- write latency p50/p95/p99 over acknowledged writes.

With `--restart` the server is stopped (`pg_ctl -m immediate`, as a crash) halfway and started
again 3 s later: writes in between are refused as `StoreUnavailable` and retried by the worker;
every write acknowledged before, during and after must be there.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PERIOD = "2021"
REGIONS_FILE = ROOT / "samples" / "workspace" / "regions.yaml"


def _level_leaves(ws: Any) -> list[str]:
    from assessor.model.indicator_set import InnerNode, walk

    return sorted(
        n.id
        for n in walk(list(ws.indicator_set.tree))
        if not isinstance(n, InnerNode) and getattr(n, "method", "") == "level"
    )


def worker(
    folder: str, index: int, seconds: float, think: float, out: str, ready: Any, go: Any
) -> None:
    """One evaluator's terminal, as fast as it can go."""
    from decimal import Decimal

    from assessor.model import Entry
    from assessor.scoring.compiled import compile_set
    from assessor.scoring.engine import score
    from assessor.store.errors import ConflictError, StoreUnavailable
    from assessor.store.workspace import open_workspace

    rng = random.Random(index)
    ws = open_workspace(folder)
    cs = compile_set(ws.indicator_set)
    evaluator = f"评估人{index // 2:02d}"  # two processes per evaluator: real races
    pair = index // 2
    regions = sorted(ws.regions)
    mine = [regions[(pair + k) % len(regions)] for k in range(3)]
    leaves = _level_leaves(ws)
    my_leaves = [leaves[(pair * 5 + k) % len(leaves)] for k in range(5)]
    acks: list[tuple[str, str, int, int]] = []
    latencies: list[float] = []
    counts = {"conflicts": 0, "unavailable": 0, "reads": 0, "rescores": 0}
    ws.get_entries(PERIOD, mine[0])  # connected, imports done: the clock may start
    ready.put(index)
    go.wait()
    deadline = time.time() + seconds
    while time.time() < deadline:
        if think:
            time.sleep(rng.uniform(0, 2 * think))  # a person reads, decides, types
        op = rng.random()
        try:
            if op < 0.75:
                region, leaf = rng.choice(mine), rng.choice(my_leaves)
                stored = ws.get_entry(region, PERIOD, leaf, evaluator)
                version = stored.version if stored else 0
                value = rng.randint(1, 5)
                t0 = time.perf_counter()
                try:
                    new = ws.set_entry(region, PERIOD, leaf, evaluator, Entry(value=Decimal(value)),
                                       expected_version=version)  # fmt: skip
                except ConflictError:
                    counts["conflicts"] += 1
                    continue
                latencies.append(time.perf_counter() - t0)
                acks.append((region, leaf, new, value))
            elif op < 0.95:
                ws.get_entries(PERIOD, rng.choice(regions))
                counts["reads"] += 1
            else:
                score(cs, ws.assessment(PERIOD), PERIOD)
                counts["rescores"] += 1
        except StoreUnavailable:
            counts["unavailable"] += 1
            time.sleep(0.2)  # the server is down: back off, then try again
    ws.close()
    Path(out).write_text(
        json.dumps({"evaluator": evaluator, "acks": acks, "latencies": latencies, **counts}),
        encoding="utf-8",
    )


def percentile(xs: list[float], p: float) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--processes", type=int, default=30)
    ap.add_argument("--restart", action="store_true", help="crash and restart the server halfway")
    ap.add_argument(
        "--think", type=float, default=0.5,
        help="mean seconds an evaluator pauses between actions (0: flat out)",
    )  # fmt: skip
    args = ap.parse_args()

    from assessor.store.workspace import init_workspace, open_workspace
    from tests.store.pg import PostgresServer

    server = PostgresServer()
    server.start()
    try:
        url = server.new_database("team")
        tmp = Path(tempfile.mkdtemp(prefix="assessor-team-"))
        init_workspace(tmp / "ws", set_ref="sd-county-2020", regions_file=REGIONS_FILE,
                       period=PERIOD, database=url).close()  # fmt: skip
        ctx = mp.get_context("spawn")
        ready, go = ctx.Queue(), ctx.Event()
        folder = str(tmp / "ws")
        procs = [
            ctx.Process(
                target=worker,
                args=(folder, i, args.seconds, args.think, str(tmp / f"w{i}.json"), ready, go),
            )
            for i in range(args.processes)
        ]
        for p in procs:
            p.start()
        for _ in procs:  # every process started, imported and connected before the clock runs
            ready.get(timeout=300)
        start_at = time.time()
        go.set()
        restarted = ""
        if args.restart:
            time.sleep(max(0.0, start_at + args.seconds / 2 - time.time()))
            t0 = time.time()
            server.halt()
            time.sleep(3)
            server.resume()
            restarted = (
                f"; server crashed (pg_ctl -m immediate) and back after {time.time() - t0:.1f} s"
            )
        for p in procs:
            p.join()
        failed = [i for i, p in enumerate(procs) if p.exitcode != 0]

        results = [json.loads((tmp / f"w{i}.json").read_text(encoding="utf-8"))
                   for i in range(args.processes) if i not in failed]  # fmt: skip
        latencies = [x for r in results for x in r["latencies"]]
        acked: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
        for r in results:
            for region, leaf, version, value in r["acks"]:
                acked.setdefault((r["evaluator"], region, leaf), []).append((version, value))

        ws = open_workspace(tmp / "ws")
        lost = 0
        for (evaluator, region, leaf), writes in acked.items():
            # Two writes acknowledged with one version must be the same value (the second
            # changed nothing, so the store kept the version); different values would mean one
            # silently replaced the other.
            by_version: dict[int, set[int]] = {}
            for version, value in writes:
                by_version.setdefault(version, set()).add(value)
            lost += sum(len(values) - 1 for values in by_version.values())
            top_version, top_value = max(writes)
            stored = ws.get_entry(region, PERIOD, leaf, evaluator)
            if stored is None or stored.version != top_version or stored.entry.value != top_value:
                lost += 1
        t0 = time.perf_counter()
        problems = ws.store.verify_audit()
        t_verify = time.perf_counter() - t0
        seq, _ = ws.store.chain_head()
        ws.close()

        n = len(latencies)
        total = lambda k: sum(r[k] for r in results)  # noqa: E731
        pace = f"pausing {args.think:g} s on average" if args.think else "flat out"
        print(f"{args.processes} evaluator processes for {args.seconds:.0f} s on PostgreSQL "
              f"(loopback), {pace}{restarted}")  # fmt: skip
        print(f"  acknowledged writes: {n:,} ({n / args.seconds:.0f}/s); conflicts refused and "
              f"reported: {total('conflicts'):,}; refused while the server was down: "
              f"{total('unavailable'):,}")  # fmt: skip
        print(f"  reads: {total('reads'):,}; campaign re-scores: {total('rescores'):,}")
        if n:
            print(f"  write latency: p50 {percentile(latencies, 50) * 1000:.1f} ms, "
                  f"p95 {percentile(latencies, 95) * 1000:.1f} ms, "
                  f"p99 {percentile(latencies, 99) * 1000:.1f} ms, "
                  f"mean {statistics.fmean(latencies) * 1000:.1f} ms")  # fmt: skip
        print(f"  lost updates: {lost}; crashed workers: {len(failed)}")
        print(f"  audit verify: {seq:,} records, {len(problems)} problems ({t_verify:.1f} s)")
        return 1 if lost or failed or problems else 0
    finally:
        server.stop()


if __name__ == "__main__":
    raise SystemExit(main())
