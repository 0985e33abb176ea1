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


def test_a_long_report_rendered_in_a_worker_gets_its_toc(
    renderer: Any, pdftotext: Any, tmp_path: Path
) -> None:
    """`assessor report --all` renders in workers: a report over 8 pages opens with its 目录
    there too, as `Renderer.render` gives it to a single report."""
    import re

    from assessor.scoring import explain_lines, score
    from tests.report.test_official_text import META, bundled

    cs, assessments, _ = bundled("sd-county-2020")
    results = [r for a in assessments for r in score(cs, a)]
    ctx = rc.county_context(cs, results, "371502", "2021", META, renderer.font_family,
                            explain=explain_lines)  # fmt: skip
    [done] = render_batch(
        [Job.report("371502", "东昌府区", "county", ctx, tmp_path / "a.pdf")],
        renderer.options,
        renderer.fonts,
        workers=1,
    )
    assert done.ok, done.error
    pages = pdftotext((tmp_path / "a.pdf").read_bytes(), tmp_path).split("\f")
    assert "目录" in re.sub(r"\s+", "", pages[1])
    assert done.pages == renderer.render("county", ctx).pages
