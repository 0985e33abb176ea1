"""PDF speed: one county report warm in a long-lived process, and a batch of 150 regions, each
beside a plain WeasyPrint render of the same HTML (default options, a fresh FontConfiguration).

Run: `python bench/bench_report.py [--regions 150] [--plain-sample 10]` (or `make bench`).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_assessment, write_synthetic_set


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--regions", type=int, default=150)
    ap.add_argument("--leaves", type=int, default=60, help="indicators in the generated set")
    ap.add_argument(
        "--plain-sample", type=int, default=8, help="plain renders timed for the batch estimate"
    )
    args = ap.parse_args()

    from assessor.loader import load_set
    from assessor.report import context as rc
    from assessor.report.batch import Job, default_workers, render_batch
    from assessor.report.render import Renderer, RenderOptions
    from assessor.scoring import compile_checked, explain_lines, gap_to_next_grade, score

    tmp = Path(tempfile.mkdtemp(prefix="bench-report-"))
    s = load_set(write_synthetic_set(tmp / "set.yaml", args.leaves))
    cs = compile_checked(s)
    assessment = synthetic_assessment(cs, n_regions=args.regions, n_evaluators=1)
    results = score(cs, assessment)
    meta = rc.ReportMeta(title="新型智慧城市建设星级评估报告", organisation="示例市大数据局", date="2024-12-01",
                         sample=True, sample_note="示例数据（基准测试）", fingerprint="0" * 64)  # fmt: skip
    options = RenderOptions()
    renderer = Renderer(options)

    def county_html(rid: str) -> str:
        gap = gap_to_next_grade(cs, assessment, rid)
        ctx = rc.county_context(cs, results, rid, assessment.period, meta, renderer.font_family,
                                explain=explain_lines, gap=gap.lines() if gap else [])  # fmt: skip
        return renderer.html("county", ctx)

    first = results[0].region
    html = county_html(first)
    renderer.pdf(html)  # warm-up: WeasyPrint imported, fonts and stylesheet prepared
    times, out = [], None
    for _ in range(5):
        t0 = time.perf_counter()
        out = renderer.pdf(html)
        times.append(time.perf_counter() - t0)
    assert out is not None
    print(
        f"county report ({args.leaves} indicators): {out.pages} pages, {len(out.pdf) / 1024:.0f} KB"
    )
    print(
        f"  assessor, warm:        median {statistics.median(times):.2f} s  (target < 0.7 s, < 350 KB)"
    )

    import weasyprint

    standalone = renderer.html("county", rc.county_context(cs, results, first, assessment.period, meta,
                                                           renderer.font_family, explain=explain_lines), standalone=True)  # fmt: skip
    base = renderer.dirs[0].as_uri() + "/"
    plain_times, plain = [], b""
    for _ in range(3):
        t0 = time.perf_counter()
        plain = weasyprint.HTML(string=standalone, base_url=base).write_pdf()
        plain_times.append(time.perf_counter() - t0)
    print(
        f"  plain WeasyPrint, same HTML: median {statistics.median(plain_times):.2f} s, {len(plain) / 1024:.0f} KB"
    )

    jobs = [
        Job(r.region, r.name or r.region, county_html(r.region), tmp / "batch" / f"{r.region}.pdf")
        for r in results
    ]
    t0 = time.perf_counter()
    done = render_batch(jobs, options, renderer.fonts, workers=default_workers())
    t_batch = time.perf_counter() - t0
    ok = [d for d in done if d.ok]
    pages = sum(d.pages for d in ok)
    size = sum(d.size for d in ok)
    print(f"batch of {len(jobs)} county reports, {default_workers()} workers: {t_batch:.1f} s "
          f"({len(ok)} ok, {pages} pages, {size / 1024 / 1024:.1f} MB; target < 90 s for 150)")  # fmt: skip
    sample = jobs[: args.plain_sample]
    t0 = time.perf_counter()
    for job in sample:
        weasyprint.HTML(string=job.html.replace("</head>", f"<style>{renderer.stylesheet_text()}</style></head>", 1),
                        base_url=base).write_pdf(tmp / "plain.pdf")  # fmt: skip
    per = (time.perf_counter() - t0) / max(1, len(sample))
    print(f"  plain WeasyPrint, one process: {per:.2f} s a report → {per * len(jobs):.0f} s for {len(jobs)} "
          f"(measured on {len(sample)}, extrapolated)")  # fmt: skip


if __name__ == "__main__":
    main()
