"""Rendering many reports: long-lived worker processes, one per core, each with one Renderer.

Why workers and not threads: WeasyPrint layout is pure Python (the GIL); why long-lived: a
fresh process pays ~0.4 s to import WeasyPrint and more to load fonts, a warm one renders a
county report in well under a second. Each worker keeps one `Renderer` (one shared
`FontConfiguration`, stylesheets parsed once) and is replaced after `recycle` reports because
WeasyPrint's memory grows over repeated renders (it levels off around 30 renders).

The parent sends each report's context (or its HTML) to the workers, so the parent never
imports WeasyPrint. A report that fails is reported with its error; the others
are still produced.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor.report.fonts import FontPlan
from assessor.report.render import Renderer, RenderOptions

#: Reports per worker before it is replaced (WeasyPrint memory levels off around 30 renders).
RECYCLE_AFTER = 30


@dataclass(frozen=True)
class Job:
    """One report to write: its HTML (or its type and context) and where the PDF goes.

    A job made with `Job.report` is rendered from its context in the worker, as
    `Renderer.render` does it: a report over 8 pages gets its 目录, whose page numbers only a
    layout can tell.
    """

    key: str  # e.g. the region id, shown in progress and errors
    label: str
    html: str
    output: Path
    kind: str | None = None
    context: dict[str, Any] | None = None

    @classmethod
    def report(cls, key: str, label: str, kind: str, context: dict[str, Any], output: Path) -> Job:
        """A report rendered in the worker from `context` (with its 目录 when it is long)."""
        return cls(key, label, "", output, kind, context)


@dataclass(frozen=True)
class JobResult:
    key: str
    label: str
    output: Path
    pages: int = 0
    size: int = 0
    seconds: float = 0.0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_renderer: Renderer | None = None


def _init_worker(options: RenderOptions, fonts: FontPlan) -> None:
    """Worker start-up: import WeasyPrint and prepare fonts and stylesheets once."""
    global _renderer
    _renderer = Renderer(options, fonts=fonts)
    _renderer._prepare()


def render_job(job: Job, renderer: Renderer | None = None) -> JobResult:
    """Render and write one PDF; any exception becomes the result's `error`."""
    r = renderer or _renderer
    start = time.perf_counter()
    try:
        if r is None:
            raise RuntimeError("worker not initialised")
        if job.kind is not None and job.context is not None:
            out = r.render(job.kind, job.context)
        else:
            out = r.pdf(job.html)
        job.output.parent.mkdir(parents=True, exist_ok=True)
        tmp = job.output.with_name(job.output.name + ".part")
        tmp.write_bytes(out.pdf)
        os.replace(tmp, job.output)
        return JobResult(
            job.key, job.label, job.output, out.pages, len(out.pdf), time.perf_counter() - start
        )
    except Exception as exc:
        return JobResult(
            job.key,
            job.label,
            job.output,
            seconds=time.perf_counter() - start,
            error=f"{type(exc).__name__}: {exc}",
        )


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def render_batch(
    jobs: Sequence[Job],
    options: RenderOptions,
    fonts: FontPlan,
    workers: int | None = None,
    recycle: int = RECYCLE_AFTER,
    on_result: Callable[[JobResult], None] | None = None,
) -> list[JobResult]:
    """Render `jobs` in worker processes; results in the order of `jobs`.

    Workers are started with ``spawn`` (required for recycling and safe with threads).
    A crashed worker marks the reports it was rendering as failed, never the whole batch.
    """
    n = max(1, min(workers or default_workers(), len(jobs) or 1))
    results: dict[int, JobResult] = {}
    ctx = multiprocessing.get_context("spawn")
    # Recycling: a fresh pool for every `n × recycle` reports. (ProcessPoolExecutor's own
    # max_tasks_per_child can deadlock on Python 3.11 when a worker retires.)
    chunk = n * max(1, recycle)
    for start in range(0, len(jobs), chunk):
        part = list(enumerate(jobs))[start : start + chunk]
        with ProcessPoolExecutor(
            max_workers=min(n, len(part)),
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(options, fonts),
        ) as pool:
            futures: list[tuple[int, Future[JobResult]]] = [
                (i, pool.submit(render_job, job)) for i, job in part
            ]
            for i, fut in _as_completed(futures):
                try:
                    res = fut.result()
                except BrokenProcessPool as exc:
                    job = jobs[i]
                    res = JobResult(job.key, job.label, job.output, error=f"worker crashed: {exc}")
                except Exception as exc:  # pickling errors and the like
                    job = jobs[i]
                    res = JobResult(
                        job.key, job.label, job.output, error=f"{type(exc).__name__}: {exc}"
                    )
                results[i] = res
                if on_result is not None:
                    on_result(res)
    return [results[i] for i in range(len(jobs))]


def _as_completed(
    futures: list[tuple[int, Future[JobResult]]],
) -> Iterator[tuple[int, Future[JobResult]]]:
    from concurrent.futures import as_completed

    index = {id(f): i for i, f in futures}
    for f in as_completed([f for _, f in futures]):
        yield index[id(f)], f
