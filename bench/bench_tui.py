"""TUI speed: first frame, keystroke to updated total at 1,000 leaves, home with 150 regions.

Run: `python bench/bench_tui.py` (or `make bench`). Headless (Textual's run_test); prints figures.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_assessment, write_synthetic_set


def make_workspace(folder: Path, n_leaves: int, n_regions: int) -> None:
    from assessor.loader import load_set
    from assessor.scoring import compile_checked
    from assessor.store.store import EntryKey
    from assessor.store.workspace import open_workspace

    set_path = write_synthetic_set(folder / "synthetic.yaml", n_leaves)
    cs = compile_checked(load_set(set_path))
    a = synthetic_assessment(cs, n_regions=n_regions, n_evaluators=1, period="2024")
    regions = [{"id": r.id, "name": r.name, "group": r.group} for r in a.regions.values()]
    (folder / "regions.yaml").write_text(
        yaml.safe_dump({"format": 1, "regions": regions}, allow_unicode=True), "utf-8"
    )
    (folder / "workspace.yaml").write_text(
        yaml.safe_dump({"format": 1, "name": "基准测试", "sets": ["synthetic.yaml"], "period": "2024",
                        "evaluators": [{"name": "评估人1", "lead": True}]}, allow_unicode=True), "utf-8")  # fmt: skip
    ws = open_workspace(folder)
    rows = [(EntryKey(cs.set.id, rid, "2024", e.evaluator, leaf), e)
            for rid, leaves in a.entries.items() for leaf, es in leaves.items() for e in es]  # fmt: skip
    ws.store.import_entries(rows, who="bench")
    ws.close()


async def measure(folder: Path) -> None:
    from textual.widgets import DataTable, Input

    from assessor.tui.app import AssessorApp
    from assessor.tui.screens.region import RegionScreen

    t0 = time.perf_counter()
    app = AssessorApp(folder, evaluator="评估人1")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        first = time.perf_counter() - t0
        await app.workers.wait_for_complete()
        await pilot.pause()
        filled = time.perf_counter() - t0
        table = app.screen.query_one("#regions", DataTable)
        leaves = len(app.session.cs.leaves)
        print(f"first frame: {first:.2f} s  (target < 1 s)")
        print(
            f"home filled: {table.row_count} regions × {leaves} leaves read and scored in a worker, {filled:.2f} s"
        )
        t1 = time.perf_counter()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegionScreen)
        print(
            f"open a region (tree of {len(screen.tree_nodes)} nodes): {time.perf_counter() - t1:.2f} s"
        )
        leaf = next(c.id for c in app.session.cs.leaves if c.method == "ratio")
        await screen.show(leaf)
        await pilot.pause()
        times = []
        for i in range(30):
            t2 = time.perf_counter()
            screen.query_one("#in-value", Input).value = str(40 + i)  # one keystroke's change
            await pilot.pause()
            times.append(time.perf_counter() - t2)
        print(
            f"keystroke → stored, re-scored, header and tree updated: median {statistics.median(times) * 1000:.0f} ms  (target < 50 ms)"
        )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        make_workspace(folder, 1000, 150)
        print(
            f"(setup: a workspace of 150 regions × 1,000 leaves, 150,000 entries, in {time.perf_counter() - t0:.1f} s)"
        )
        asyncio.run(measure(folder))


if __name__ == "__main__":
    main()
