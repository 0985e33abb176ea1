"""Batch rendering in worker processes: failures are reported, the rest still produced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessor.model import RegionResult
from assessor.report import context as rc
from assessor.report.batch import Job, render_batch
from assessor.scoring import CompiledSet


def test_one_failure_does_not_stop_the_batch(
    compiled: CompiledSet, results: list[RegionResult], renderer: Any, tmp_path: Path
) -> None:
    meta = rc.ReportMeta(date="2024-03-01")
    html = renderer.html("bulletin", rc.bulletin_context(compiled, results, "2024-02", meta))
    blocked = tmp_path / "blocked.pdf"
    blocked.mkdir()  # a folder where the PDF should go: writing it fails
    jobs = [
        Job("a", "甲", html, tmp_path / "a.pdf"),
        Job("b", "乙", html, blocked),
        Job("c", "丙", html, tmp_path / "c.pdf"),
    ]
    out = render_batch(jobs, renderer.options, renderer.fonts, workers=2)
    assert [r.ok for r in out] == [True, False, True]
    assert (tmp_path / "a.pdf").stat().st_size > 1000 and (tmp_path / "c.pdf").exists()


def test_workers_are_recycled(
    compiled: CompiledSet, results: list[RegionResult], renderer: Any, tmp_path: Path
) -> None:
    meta = rc.ReportMeta(date="2024-03-01")
    html = renderer.html("bulletin", rc.bulletin_context(compiled, results, "2024-02", meta))
    jobs = [Job(str(i), str(i), html, tmp_path / f"{i}.pdf") for i in range(4)]
    out = render_batch(jobs, renderer.options, renderer.fonts, workers=1, recycle=2)
    assert all(r.ok and r.pages == 1 for r in out)
