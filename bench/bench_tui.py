"""TUI speed: first frame, keystroke to previewed total and Enter to stored total at 1,000
leaves, ranking of 150 regions.

Run: `python bench/bench_tui.py` (or `make bench`). Headless (Textual's run_test); prints figures.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def first_frame_in_tmux(folder: Path) -> float | None:
    """Process start → the home screen painted, in a real terminal (tmux, 160×50): imports,
    reading workspace.yaml and the first paint; entries are read and scored afterwards."""
    import shutil
    import subprocess
    import uuid

    if shutil.which("tmux") is None:
        return None
    session = f"bench-{uuid.uuid4().hex[:8]}"
    cmd = f"cd {folder} && {sys.executable} -m assessor tui --evaluator 评估人1"
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", cmd],
                   check=True)  # fmt: skip
    try:
        while time.perf_counter() - t0 < 30:
            screen = subprocess.run(["tmux", "capture-pane", "-t", session, "-p"],
                                    capture_output=True, text=True).stdout  # fmt: skip
            if "Ctrl+P" in screen or "^p" in screen:  # the footer: the frame is painted
                return time.perf_counter() - t0
            time.sleep(0.01)
        return None
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def paints(widget: Any) -> list[tuple[float, str]]:
    """Record when a widget is painted and what it showed (instrumentation for the bench)."""
    log: list[tuple[float, str]] = []
    original = widget.render_lines

    def render_lines(crop: Any) -> Any:
        lines = original(crop)
        log.append((time.perf_counter(), "".join(s.text for s in lines)))
        return lines

    widget.render_lines = render_lines
    return log


async def measure(folder: Path) -> None:
    from textual.widgets import DataTable, Input, Static

    from assessor.scoring import display
    from assessor.tui.app import AssessorApp
    from assessor.tui.screens.ranking import RankingScreen
    from assessor.tui.screens.region import RegionScreen

    app = AssessorApp(folder, evaluator="评估人1")
    async with app.run_test(size=(160, 50)) as pilot:
        t0 = time.perf_counter()
        while not app.loaded:  # a condition, not a guess: the load worker may start late
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        filled = time.perf_counter() - t0
        table = app.screen.query_one("#regions", DataTable)
        leaves = len(app.session.cs.leaves)
        print(
            f"home filled: {table.row_count} regions × {leaves} leaves read and scored in a worker, {filled:.2f} s"
        )
        t1 = time.perf_counter()
        await pilot.press("enter")
        while not (isinstance(app.screen, RegionScreen) and app.screen.is_ready()):
            await pilot.pause()
        screen = app.screen
        print(
            f"open a region (tree of {len(screen.tree_nodes)} nodes): {time.perf_counter() - t1:.2f} s"
        )
        leaf = next(c.id for c in app.session.cs.leaves if c.method == "ratio")
        screen._go_to(leaf)
        while not (screen.leaf == leaf and screen.is_ready()):
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        log = paints(screen.query_one("#head", Static))
        s = app.session
        to_preview, to_stored, to_idle = [], [], []
        for i in range(30):
            field = screen.query_one("#in-value", Input)
            field.focus()
            await pilot.pause()
            typed = str(40 if i % 2 else 90)
            preview = s.preview(screen.region_id, leaf, s.checked(screen.region_id, leaf, typed))
            want = display(s.cs, preview.total)
            log.clear()
            t2 = time.perf_counter()
            field.value = typed  # a keystroke's change: checked, previewed, nothing stored
            await pilot.pause()
            to_idle.append(time.perf_counter() - t2)
            to_preview.append(next(t for t, text in log if f" {want} " in text) - t2)
            log.clear()
            t3 = time.perf_counter()
            await pilot.press("enter")  # the decision: stored, audited, re-scored, painted
            stored = display(s.cs, s.results[screen.region_id].total)
            assert stored == want, (stored, want)
            to_stored.append(
                next(t for t, text in log if f" {want} " in text and "预览" not in text) - t3
            )
        print(
            f"keystroke → checked, previewed by the engine and the header painted with the "
            f"preview total: median {statistics.median(to_preview) * 1000:.0f} ms  "
            f"(target < 50 ms); until the screen is idle {statistics.median(to_idle) * 1000:.0f} ms"
        )
        print(
            f"Enter → stored (one write, one audit record), re-scored and the header painted: "
            f"median {statistics.median(to_stored) * 1000:.0f} ms  (target < 100 ms)"
        )
        await pilot.press("escape")
        await pilot.pause()
        first_paint: list[float] = []
        original = DataTable.render_lines

        def render_lines(table: DataTable, crop: Any) -> Any:  # type: ignore[type-arg]
            lines = original(table, crop)
            if table.id == "ranking" and not first_paint:
                first_paint.append(time.perf_counter())
            return lines

        DataTable.render_lines = render_lines  # type: ignore[method-assign]
        t3 = time.perf_counter()
        await pilot.press("k")
        await pilot.pause()
        settled = time.perf_counter() - t3
        DataTable.render_lines = original  # type: ignore[method-assign]
        painted = first_paint[0] - t3
        ranking = app.screen
        assert isinstance(ranking, RankingScreen)
        rows = ranking.query_one("#ranking", DataTable).row_count
        print(
            f"ranking of {rows} regions: painted {painted * 1000:.0f} ms  (target < 300 ms); "
            f"settled {settled * 1000:.0f} ms"
        )
        await app.workers.wait_for_complete()  # the previous period, scored in a worker


def load() -> str:
    """The machine's load average: figures from a shared machine say so."""
    import os

    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min), {os.cpu_count()} cores"


def main() -> None:
    print(f"(before: {load()})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        make_workspace(folder, 1000, 150)
        print(
            f"(setup: a workspace of 150 regions × 1,000 leaves, 150,000 entries, in {time.perf_counter() - t0:.1f} s)"
        )
        first = first_frame_in_tmux(folder)
        if first is not None:
            print(
                f"first frame (process start → home painted, tmux 160×50): {first:.2f} s  (target < 1 s)"
            )
        asyncio.run(measure(folder))
    print(f"(after: {load()})")


if __name__ == "__main__":
    main()
