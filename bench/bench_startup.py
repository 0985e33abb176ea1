"""CLI start-up: how long `assessor --help`, `lint`, `score` and `status` take next to `python -c pass`.

Each command runs as a user types it (the installed `assessor` script of this interpreter's
environment, a fresh process each time) on the bundled samples; `status` runs on a copy of the
sample workspace with the sample entries imported (the import is not timed). The figure that
counts is the ratio of the median wall time to the median of `python -c pass` measured in the
same round, so a busy machine slows both sides alike. Targets: `--help` ≤ 4×, the others ≤ 10×.

Each of `lint`, `score` and `status` runs three ways:

- repeated: the same command line again on unchanged files, as a user checks the same thing
  again; the run is replayed from its record (assessor/cli/memo.py). The targets are for this.
- first run: a command line not run before (each timed run has an environment of its own, so no
  record matches) with the set cache warm: what the first command after editing an entries file
  or writing to the workspace costs. It also writes its record. Shown, with no target.
- cold: with the cache off (ASSESSOR_NO_CACHE=1): what the first command after editing a *set*
  costs (validated again). Shown, with no target.

Run: `python bench/bench_startup.py [--runs N] [--check] [--against REV]` (or `make bench`).
Prints figures; `--check` also exits 1 when a target is missed. `--against REV` also runs each
command on the code of git revision REV (`git archive` into a temporary folder put first on
`sys.path`, with its own copy of the sample workspace) in the same rounds: before and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# As on a user's machine: Python caches compiled modules (.pyc). Some shells and sandboxes set
# PYTHONDONTWRITEBYTECODE, which makes every start compile every module again.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def assessor_command() -> list[str]:
    """The console script next to this interpreter (what a user runs), else `python -m assessor`."""
    script = Path(sys.executable).parent / "assessor"
    return [str(script)] if script.exists() else [sys.executable, "-m", "assessor"]


def timed(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+system) of one run of `cmd`."""
    t0 = time.perf_counter()
    p = subprocess.Popen(
        cmd, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert p.stderr is not None
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{err.decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime


def sample_workspace(tmp: Path, assessor: list[str], samples: Path = SAMPLES) -> Path:
    ws = tmp / "workspace"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        shutil.copy(samples / "workspace" / name, ws / name)
    entries = sorted(str(p) for p in (SAMPLES / "sd-county-2020").glob("*.yaml"))
    subprocess.run(
        [*assessor, "import", "-w", str(ws), "--who", "bench", *entries],
        check=True,
        capture_output=True,
        env=ENV,
    )
    return ws


def old_code(rev: str, into: Path) -> list[str]:
    """The `assessor` command running revision `rev`'s code (and bundled sets and samples)."""
    into.mkdir()
    paths = ["assessor", "indicators", "templates", "samples/workspace", "pyproject.toml"]
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, *paths], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    # An editable install's finder would still find this checkout's package: drop it.
    code = (
        "import sys; sys.argv[0] = 'assessor'; "
        "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]; "
        f"sys.path.insert(0, {str(into)!r}); "
        "from assessor.cli.main import main; raise SystemExit(main())"
    )
    return [sys.executable, "-c", code]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (median kept)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--against", metavar="REV", help="also time git revision REV's code")
    args = parser.parse_args(argv)
    assessor = assessor_command()
    load_before = os.getloadavg()[0]
    county_entries = sorted(str(p) for p in (SAMPLES / "sd-county-2020").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ENV["ASSESSOR_CACHE_DIR"] = str(tmp / "cache")
        ENV.pop("ASSESSOR_NO_CACHE", None)
        uncached = {**ENV, "ASSESSOR_NO_CACHE": "1"}
        ws = sample_workspace(tmp, assessor)
        score = [
            *assessor,
            "score",
            "--set",
            "indicators/sd-county-2020.yaml",
            "--entries",
            *county_entries,
        ]
        lint = [*assessor, "lint", "indicators/sd-county-2020.yaml"]
        status = [*assessor, "status", "-w", str(ws)]
        cases: list[tuple[str, list[str], float]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], 1.0),
            ("assessor --help", [*assessor, "--help"], 4.0),
            ("assessor lint <bundled sd-county-2020>", lint, 10.0),
            ("assessor score <sd-county-2020 samples>", score, 10.0),
            ("assessor status <sample workspace>", status, 10.0),
            ("  lint, first run (set cache warm)", lint, 0.0),
            ("  score, first run (set cache warm)", score, 0.0),
            ("  status, first run (set cache warm)", status, 0.0),
            ("  lint, cold (cache off)", lint, 0.0),
            ("  score, cold (cache off)", score, 0.0),
            ("  status, cold (cache off)", status, 0.0),
        ]
        envs = {name: uncached for name, _, _ in cases if "cold" in name}
        fresh = {name for name, _, _ in cases if "first run" in name}
        if args.against:
            old = old_code(args.against, tmp / "old")
            (tmp / "old-ws").mkdir()
            old_ws = sample_workspace(tmp / "old-ws", old, tmp / "old" / "samples")
            n = len(assessor)
            for name, cmd, _ in list(cases[1:5]):
                cmd = [*old, *cmd[n:]]
                if name.startswith("assessor status"):
                    cmd = [*old, "status", "-w", str(old_ws)]
                cases.append((f"  {name.split(' <')[0]} at {args.against}", cmd, 0.0))
        for name, cmd, _ in cases:  # warm the file cache, .pyc files, set cache; not counted
            timed(cmd, ROOT, envs.get(name))
        walls: dict[str, list[float]] = {name: [] for name, _, _ in cases}
        cpus: dict[str, list[float]] = {name: [] for name, _, _ in cases}
        for run in range(args.runs):  # interleaved: a burst of load hits every command alike
            for name, cmd, _ in cases:
                env = envs.get(name)
                if name in fresh:  # a command line no record matches: it runs and records
                    env = {**ENV, "ASSESSOR_BENCH_RUN": str(run)}
                w, c = timed(cmd, ROOT, env)
                walls[name].append(w)
                cpus[name].append(c)
    base_wall = statistics.median(walls["python -c pass"])
    base_cpu = statistics.median(cpus["python -c pass"])
    load = os.getloadavg()[0]
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"CLI start-up: median of {args.runs} runs, as a ratio to `python -c pass`")
    print(
        f"({sys.executable}; {os.cpu_count()} CPUs; load average {load_before:.1f} at the start, "
        f"{load:.1f} at the end; {when})"
    )
    print(f"{'command':42} {'wall':>7} {'ratio':>6} {'CPU':>7} {'ratio':>6} {'target':>6}")
    missed = 0
    for name, _, target in cases:
        w, c = statistics.median(walls[name]), statistics.median(cpus[name])
        ok = not target or w / base_wall <= target
        missed += not ok
        verdict = "" if name.startswith("python") or not target else ("ok" if ok else "MISSED")
        limit = "≤" + format(target, ".0f") + "×" if target else ""
        print(
            f"{name:42} {w * 1000:5.0f}ms {w / base_wall:5.1f}× {c * 1000:5.0f}ms "
            f"{c / base_cpu:5.1f}× {limit:>6} {verdict}"
        )
    print(
        "(the target applies to the wall-time ratio; on a busy machine the CPU ratio is steadier)"
    )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
