"""`assessor report`: PDF (and HTML) reports — a region's report, a ranking, a bulletin.

Reads the same inputs as `assessor score` (a set plus entries files, or a workspace), asks the
engine for every result, and hands them to `assessor.report` for formatting and rendering.
Nothing here computes a score.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessor.cli.inputs import add_input_arguments
from assessor.errors import AssessorError, Problem, UsageError
from assessor.report_sections import REPORT_SECTIONS
from assessor.text.catalogue import reader_lang, said, say

if TYPE_CHECKING:
    from assessor.cli.inputs import Inputs

DEFAULT_OUTPUT = Path("out/reports")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="PDF reports: a region's report, a ranking report, a periodic bulletin",
        description=(
            "Write PDF reports from a set and entries files (or a workspace). "
            "--type county (default) needs --region ID or --all; ranking and bulletin cover "
            "every region of the period."
        ),
    )
    add_input_arguments(p)
    p.add_argument(
        "--type",
        dest="report_type",
        choices=["county", "ranking", "bulletin"],
        default="county",
        help="county: one region's assessment report; ranking: league table across regions; "
        "bulletin: one- or two-page 周通报/月通报",
    )
    who = p.add_mutually_exclusive_group()
    who.add_argument("--region", action="append", default=[], help="region id (repeatable)")
    who.add_argument(
        "--all", action="store_true", help="a county report for every region (worker processes)"
    )
    p.add_argument(
        "--previous", metavar="PERIOD", help="compare with this period (default: the one before)"
    )
    p.add_argument(
        "--declared",
        metavar="GRADE",
        help="county report: judge against this grade key (申报等级; default: regions.yaml `declared`)",
    )
    p.add_argument(
        "-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="output folder (out/reports/)"
    )
    p.add_argument("--html", action="store_true", help="also write each report as HTML")
    p.add_argument(
        "--template-dir", type=Path, help="folder whose templates override the bundled ones"
    )
    p.add_argument("--title", help="report title (default: from the workspace or generated)")
    p.add_argument("--org", dest="organisation", help="issuing organisation (发文单位)")
    p.add_argument("--doc-number", help="document number (文号), e.g. 某数评〔2024〕3号")
    p.add_argument("--logo", type=Path, help="logo image for the cover")
    p.add_argument(
        "--omit",
        action="append",
        default=[],
        metavar="SECTION",
        help="leave a section out (repeatable or comma-separated): " + ", ".join(REPORT_SECTIONS),
    )
    p.add_argument(
        "--sign",
        action="append",
        metavar="ROLE",
        help="who signs a county report (repeatable; default 评估组组长 and 审核人)",
    )
    p.add_argument("--date", help="report date YYYY-MM-DD (default: today)")
    p.add_argument("--pdfa", action="store_true", help="write PDF/A-3b")
    sample = p.add_mutually_exclusive_group()
    sample.add_argument(
        "--sample", dest="sample", action="store_true", default=None, help="mark as 示例数据"
    )
    sample.add_argument(
        "--no-sample", dest="sample", action="store_false", help="never mark as 示例数据"
    )
    p.add_argument("--workers", type=int, help="worker processes for --all (default: one per core)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def _safe(text: str) -> str:
    """A file-name-safe version of an id (region ids are free text)."""
    return re.sub(r"[^0-9A-Za-z._-]+", "_", text).strip("_") or "x"


def _say(message: str) -> None:
    """A notice beside the report, in the reader's language when it knows its languages."""
    from assessor.errors import in_language

    lang = reader_lang()
    print(say("cli.usage_prefix", lang) + in_language(message, lang), file=sys.stderr)


def _results(
    inputs: Inputs, period: str | None, previous: str | None = None
) -> tuple[list[Any], str]:
    """The results of the period shown and of the earlier periods of its kind (rolled up where
    needed: the engine's `score_history`), for 较上期 and trends; never a later period."""
    from assessor.model.periods import PeriodError, parse_period, period_sort_key
    from assessor.scoring.history import periods_with_entries, score_history

    cs = inputs.compiled
    present = periods_with_entries(inputs.assessments)
    if not present:
        raise AssessorError(Problem(said("cli.report.no_entries")))
    try:
        wanted = str(parse_period(period)) if period is not None else None
        if previous is not None:
            parse_period(previous)
    except PeriodError as exc:
        raise UsageError(exc.args[0] if exc.args else str(exc)) from None
    if wanted is None:
        wanted = max(present, key=period_sort_key)
    results = score_history(cs, inputs.assessments, wanted, inputs.consolidation, previous)
    if not any(r.period == wanted for r in results):
        raise AssessorError(Problem(said("cli.report.no_period", period=wanted)))
    if previous is not None and not any(r.period == str(parse_period(previous)) for r in results):
        raise AssessorError(
            Problem(
                said("cli.report.no_period", period=previous),
                key="--previous",
            )
        )
    return results, wanted


def _gap_lines(inputs: Inputs, region: str, period: str, declared: str | None = None) -> list[str]:
    """The engine's path to the declared (else the next) grade, as lines for the report."""
    from assessor.scoring import gap_to_next_grade
    from assessor.scoring.engine import merge_assessments

    merged = merge_assessments(inputs.assessments).get(period)
    if merged is None:  # a rolled-up period: the gap is computed on periods with entries
        return []
    gap = gap_to_next_grade(
        inputs.compiled, merged, region, inputs.consolidation, target_key=declared
    )
    return gap.lines() if gap is not None else []


def run(args: argparse.Namespace) -> int:
    from assessor.report import context as rc
    from assessor.report.render import Renderer, RenderOptions
    from assessor.report.source import (
        DEFAULT_SAMPLE_NOTE,
        audit_head,
        detect_sample,
        workspace_settings,
    )
    from assessor.report.tasks_context import county_tasks_reader
    from assessor.scoring import explain_lines

    if args.report_type == "county" and not (args.region or args.all):
        raise UsageError(said("cli.report.county_needs_region"))
    omit = _sections(args.omit)
    workspace = getattr(args, "workspace", None)
    anchor = audit_head(workspace) if workspace is not None and workspace.is_dir() else None
    from assessor.cli.inputs import read_kind_inputs

    # Each kind of unit with its own set and results (ranked among its own units).
    scored, period = _kind_results(read_kind_inputs(args), args.period, args.previous)
    cs = scored[0][0].compiled
    settings = workspace_settings(workspace)
    sample, note = detect_sample(list(args.entries), workspace)
    if args.sample is not None:
        sample = args.sample
        note = (note or DEFAULT_SAMPLE_NOTE) if sample else None

    logo = args.logo or settings.logo
    roots: list[Path] = []
    if workspace is not None:
        roots.append(workspace)
    if logo is not None:
        if not logo.is_file():
            raise AssessorError(Problem(said("cli.report.no_logo", path=logo), file=str(logo)))
        roots.append(logo)
    options = RenderOptions(template_dir=args.template_dir, roots=roots, pdfa=args.pdfa)
    if args.template_dir is not None and not args.template_dir.is_dir():
        raise UsageError(said("cli.report.template_dir", path=args.template_dir))
    renderer = Renderer(options, notify=_say)

    meta = rc.ReportMeta(
        title=args.title or settings.title,
        organisation=args.organisation or settings.organisation,
        doc_number=args.doc_number or settings.doc_number,
        logo=logo.resolve().as_uri() if logo else None,
        date=args.date or dt.date.today().isoformat(),
        sample=sample,
        sample_note=note,
        fingerprint=_fingerprint([i for i, _ in scored]),
        sources=[rc.shown_source(p) for p in scored[0][0].sources],
        recipients=tuple(settings.recipients),
        copies=tuple(settings.copies),
        generator=_generator(),
        omit=frozenset(omit or settings.omit),
        signatures=tuple(
            args.sign
            if args.sign is not None
            else settings.signatures
            if settings.signatures is not None
            else rc.DEFAULT_SIGNATURES
        ),
        audit_head=anchor,
    )
    out_dir: Path = args.output
    out_dir.mkdir(parents=True, exist_ok=True)
    font = renderer.font_family
    set_id = _safe(cs.set.id)

    from assessor.report import stars
    from assessor.scoring.engine import merge_assessments

    def merged_of(part: Inputs) -> Any:
        return merge_assessments(part.assessments).get(period)

    if args.report_type in ("ranking", "bulletin"):
        from assessor.report.kinds import combine

        parts = []
        for part, part_results in scored:
            if args.report_type == "ranking":
                ctx = rc.ranking_context(part.compiled, part_results, period, meta, font,
                                         previous_period=args.previous)  # fmt: skip
                ctx.update(stars.ranking_sections(part.compiled, part_results, period,
                                                  merged_of(part)))  # fmt: skip
            else:
                ctx = rc.bulletin_context(part.compiled, part_results, period, meta,
                                          previous_period=args.previous)  # fmt: skip
            parts.append((part.heading, ctx))
        ctx = combine(parts, _kinds_title(args.report_type, workspace, parts))
        if len(scored) > 1:
            name = "-".join([args.report_type, *(_safe(i.kind.key) for i, _ in scored if i.kind)])
            name += f"-{_safe(period)}"
        else:
            name = f"{args.report_type}-{set_id}-{_safe(period)}"
        _write_one(renderer, args.report_type, ctx, out_dir / name, args.html)
        return 0

    # A county report is its unit's kind's: that kind's set, peers and ranks.
    owner = {
        r.region: (part, part_results)
        for part, part_results in reversed(scored)
        for r in part_results
        if r.period == period
    }
    every = [r for part, rs in scored for r in rs]
    regions = _regions(every, period, args.region, args.all)
    evidence_root = workspace if workspace is not None else _common_parent(args.entries)
    contexts = []
    tasks_of = county_tasks_reader(workspace, period)
    panels = {
        id(part): stars.agreement_context(
            part.compiled, [r for r in rs if r.period == period], merged_of(part)
        )
        for part, rs in scored
    }
    for rid in regions:
        part, part_results = owner[rid]
        part_meta = meta if len(scored) == 1 else replace(
            meta, fingerprint=_fingerprint([part])
        )  # fmt: skip
        ctx = rc.county_context(
            part.compiled,
            part_results,
            rid,
            period,
            part_meta,
            font,
            explain=explain_lines,
            gap=_gap_lines(part, rid, period, args.declared),
            evidence_root=evidence_root,
            previous_period=args.previous,
        )
        if workspace is not None:
            from assessor.report.stages_context import stage_review_context

            ctx["stage_review"] = stage_review_context(workspace, period, rid)
        ctx["tasks"] = tasks_of(rid)
        ctx.update(
            stars.county_sections(part.compiled, part_results, rid, period, merged_of(part),
                                  panels[id(part)], args.declared)
        )  # fmt: skip
        stem = out_dir / f"county-{_safe(part.compiled.set.id)}-{_safe(period)}-{_safe(rid)}"
        contexts.append((rid, ctx, stem))
    if len(contexts) == 1 and not args.all:
        rid, ctx, stem = contexts[0]
        _write_one(renderer, "county", ctx, stem, args.html)
        return 0
    return _batch(renderer, options, contexts, out_dir, args)


def _kind_results(
    parts: list[Inputs], period: str | None, previous: str | None
) -> tuple[list[tuple[Inputs, list[Any]]], str]:
    """Each kind's results for the period shown (the latest with entries in any kind unless
    asked for); a kind without entries in it is left out, and only when every kind is
    without is that an error."""
    from assessor.model.periods import period_sort_key
    from assessor.scoring.history import periods_with_entries

    if period is None and len(parts) > 1:
        present = [p for i in parts for p in periods_with_entries(i.assessments)]
        period = max(present, key=period_sort_key) if present else None
    out: list[tuple[Inputs, list[Any]]] = []
    wanted = period
    first: AssessorError | None = None
    for inputs in parts:
        try:
            results, wanted = _results(inputs, period, previous)
        except AssessorError as exc:
            if len(parts) == 1 or not all(p.message.startswith("no entries") for p in exc.problems):
                raise
            first = first or exc
            continue
        out.append((inputs, results))
    if not out:
        assert first is not None
        raise first
    assert wanted is not None
    return out, wanted


def _fingerprint(parts: list[Inputs]) -> str:
    """The data fingerprint: of the set and entries, or of each kind's in turn."""
    import hashlib

    from assessor.report.context import fingerprint

    prints = [fingerprint(i.compiled.set, i.assessments) for i in parts]
    if len(prints) == 1:
        return prints[0]
    return hashlib.sha256("\n".join(prints).encode()).hexdigest()


def _kinds_title(report_type: str, workspace: Path | None, parts: list[Any]) -> str | None:
    """A ranking or bulletin over several kinds is titled after the campaign."""
    if workspace is None or len(parts) < 2:
        return None
    from assessor.store.config import read_config

    first = parts[0][1]
    tail = "排名报告" if report_type == "ranking" else str(first.get("bulletin_name", "通报"))
    return f"{read_config(workspace).name}{first['period_label']}{tail}"


def _sections(values: list[str]) -> list[str]:
    """`--omit a,b --omit c` → [a, b, c], each checked against the known sections."""
    names = [v.strip() for value in values for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in REPORT_SECTIONS]
    if unknown:
        raise UsageError(
            said(
                "cli.report.unknown_section",
                names=", ".join(unknown),
                sections=", ".join(REPORT_SECTIONS),
            )
        )
    return names


def _generator() -> str:
    from assessor import __version__

    return f"assessor {__version__}"


def _common_parent(paths: list[Path]) -> Path | None:
    if not paths:
        return None
    parents = [p.resolve().parent for p in paths]
    common = parents[0]
    for p in parents[1:]:
        while common not in (p, *p.parents):
            common = common.parent
    return common


def _regions(results: list[Any], period: str, wanted: list[str], every: bool) -> list[str]:
    present = [
        r.region
        for r in sorted(
            (r for r in results if r.period == period), key=lambda r: (r.rank or 10**9, r.region)
        )
    ]
    if every:
        return present
    missing = [w for w in wanted if w not in present]
    if missing:
        known = ", ".join(present[:20]) + (" …" if len(present) > 20 else "")
        raise AssessorError(
            Problem(
                said(
                    "cli.report.no_region_result",
                    regions=", ".join(missing),
                    period=period,
                    known=known,
                )
            )
        )
    return wanted


def _write_one(renderer: Any, kind: str, ctx: dict[str, Any], stem: Path, html: bool) -> None:
    out = renderer.render(kind, ctx)
    pdf_path = stem.with_suffix(".pdf")
    pdf_path.write_bytes(out.pdf)
    if html:
        stem.with_suffix(".html").write_text(
            renderer.html(kind, ctx, standalone=True), encoding="utf-8"
        )
    _say(said("cli.done.pdf", path=pdf_path, pages=out.pages, kb=len(out.pdf) // 1024))
    for url in renderer.policy.refused:
        _say(said("cli.report.refused_url", url=url[:120]))


def _batch(
    renderer: Any,
    options: Any,
    contexts: list[tuple[str, dict[str, Any], Path]],
    out_dir: Path,
    args: argparse.Namespace,
) -> int:
    from assessor.report.batch import Job, render_batch

    jobs = []
    for rid, ctx, stem in contexts:
        if args.html:
            stem.with_suffix(".html").write_text(
                renderer.html("county", ctx, standalone=True), encoding="utf-8"
            )
        jobs.append(Job.report(rid, ctx["region"]["name"], "county", ctx, stem.with_suffix(".pdf")))
    failed: list[Any] = []
    quiet = args.quiet or not sys.stderr.isatty()
    if quiet:
        results = render_batch(jobs, options, renderer.fonts, workers=args.workers)
    else:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        ) as progress:
            task = progress.add_task("rendering reports", total=len(jobs))
            results = render_batch(
                jobs,
                options,
                renderer.fonts,
                workers=args.workers,
                on_result=lambda res: progress.update(
                    task, advance=1, description=f"rendering reports · {res.label}"
                ),
            )
    for res in results:
        if not res.ok:
            failed.append(res)
            _say(said("cli.report.one_failed", label=res.label, key=res.key, error=res.error))
    done = len(results) - len(failed)
    pages = sum(r.pages for r in results)
    _say(said("cli.done.reports", done=done, total=len(results), folder=out_dir, pages=pages))

    return 1 if failed else 0
