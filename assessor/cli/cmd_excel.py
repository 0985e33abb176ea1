"""`assessor template`, `assessor import`, `assessor export`: Excel, CSV and YAML in and out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.cli.cmd_workspace import add_folder_argument, open_from
from assessor.cli.inputs import add_kind_argument
from assessor.cli.workspace_args import (
    add_stage_argument,
    add_who_argument,
    add_workspace_argument,
    who,
    workspace_from,
)
from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import reader_lang, said, say, say_count

if TYPE_CHECKING:
    from assessor.model.entries import Assessment
    from assessor.store.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "template", help="write an Excel entry form for the workspace's set and regions"
    )
    add_folder_argument(p)
    p.add_argument("-o", "--output", type=Path, help="the .xlsx (or .csv) to write")
    p.add_argument(
        "--period", help="period the form is for (default: the workspace's current period)"
    )
    p.add_argument("--region", action="append", help="only these regions (repeat)")
    p.add_argument("--evaluator", help="evaluator named in the form")
    add_kind_argument(p)
    p.set_defaults(run=run_template)

    p = sub.add_parser(
        "import", help="import entries from .xlsx, .csv or .yaml: all of them or none"
    )
    add_workspace_argument(p)
    add_who_argument(p)
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--evaluator", help="evaluator for files that name none (default: --who)")
    p.add_argument("--period", help="period for CSV files without a period column")
    p.add_argument("--reason", help="note kept in the audit log")
    add_stage_argument(p)
    add_kind_argument(p)
    p.set_defaults(run=run_import)

    p = sub.add_parser("export", help="write results and entries to .xlsx or .csv")
    add_folder_argument(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="an .xlsx or .csv file")
    p.add_argument("--period", help="only this period (default: every period)")
    add_stage_argument(p)
    add_kind_argument(p)
    p.set_defaults(run=run_export)


def run_template(args: argparse.Namespace) -> int:
    from assessor.cli.cmd_workspace import current_period
    from assessor.exchange import write_csv_template, write_template

    with open_from(args) as ws:
        period = current_period(ws, args.period)
        missing = [r for r in args.region or [] if r not in ws.regions]
        if missing:
            raise AssessorError(
                Problem(said("cli.unknown_regions", regions=", ".join(missing)), key="--region")
            )
        # One form per kind: each kind's units are entered against its own set.
        kinds = [args.kind] if args.kind else list(dict.fromkeys(
            ws.kind_of(r) for r in args.region or ws.regions
        ))  # fmt: skip
        if args.output is not None and len(kinds) > 1:
            raise AssessorError(
                Problem(
                    said("cli.excel.one_output", count=len(kinds), kinds=", ".join(kinds)),
                    key="--kind",
                )
            )
        for view in ws.views(kinds[0]) if len(kinds) == 1 else [ws.for_kind(k) for k in kinds]:
            regions = [view.regions[r] for r in (args.region or view.regions) if r in view.regions]
            out = args.output or ws.folder / f"{view.set_id}-{period}-填报.xlsx"
            writer = write_csv_template if out.suffix.lower() == ".csv" else write_template
            writer(out, view.indicator_set, regions, period=period, evaluator=args.evaluator)
            print(say_count("cli.done.template", len(regions), reader_lang(), path=out))
    return 0


def read_any(path: Path, ws: Workspace, period: str | None) -> list[Assessment]:
    """The entries of one .yaml, .csv or .xlsx file, checked against the workspace's set."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        from assessor.loader import load_entries

        return load_entries([path], ws.indicator_set)
    if suffix == ".csv":
        from assessor.exchange import read_csv

        return read_csv(path, ws.indicator_set, period=period)
    if suffix in (".xlsx", ".xlsm"):
        from assessor.exchange import read_workbook

        return read_workbook(path, ws.indicator_set)
    raise AssessorError(
        Problem(
            said("cli.excel.cannot_import", path=path, suffix=suffix or said("cli.excel.this")),
            file=str(path),
        )
    )


def _read_for_kind(
    path: Path, ws: Workspace, period: str | None, kind: str | None
) -> tuple[Workspace, list[Assessment]]:
    """A file's entries with the kind (view) they belong to: `kind`'s, or the first kind
    whose set reads the file cleanly (problems: those of the first kind's reading)."""
    views = ws.views(kind) if kind is not None or not ws.several_kinds else ws.views()
    first: AssessorError | None = None
    for view in views:
        try:
            return view, read_any(path, view, period)
        except AssessorError as exc:
            first = first or exc
    assert first is not None
    raise first


def _period_problem(period: str, kind: str) -> str | None:
    """Why entries cannot be imported under `period` in a workspace of periods of `kind`."""
    from assessor.model.periods import PeriodError, parse_period

    try:
        p = parse_period(period)
    except PeriodError as exc:
        return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    if p.kind != kind:
        return said("cli.excel.period_kind", period=p, kind=kind)
    return None


def _inside(folder: Path, item: str) -> bool:
    """An http(s) link, or a relative path that stays inside the workspace (symlinks followed):
    the rule the TUI applies when evidence is attached."""
    if item.lower().startswith(("http://", "https://")):
        return True
    try:
        (folder / item).resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def import_files(
    ws: Workspace,
    files: list[Path],
    *,
    who: str,
    evaluator: str | None = None,
    period: str | None = None,
    reason: str | None = None,
    kind: str | None = None,
) -> int:
    """Read and check every file, then store all their entries in one transaction.

    Each file is read against `kind`'s set, or (a campaign of several kinds) the first kind's
    set that reads it without a problem.

    Every problem of every file is collected first; if there is any, nothing is stored.
    Returns the number of entries that changed.
    """
    from dataclasses import replace

    from assessor.store.store import EntryKey

    rows = []
    problems: list[Problem] = []
    for path in files:
        if not path.is_file():
            problems.append(Problem(said("cli.excel.no_file", path=path), file=str(path)))
            continue
        try:
            view, assessments = _read_for_kind(path, ws, period, kind)
        except AssessorError as exc:
            problems.extend(exc.problems)
            continue
        for a in assessments:
            bad_period = _period_problem(a.period, ws.config.period_kind)
            if bad_period is not None:
                problems.append(Problem(bad_period, file=str(path), key="period"))
                continue
            for rid, leaves in a.entries.items():
                if rid not in view.regions:
                    problems.append(
                        Problem(
                            said("cli.excel.region_not_in_workspace", region=rid)
                            if rid not in ws.regions
                            else said(
                                "cli.excel.region_other_kind",
                                region=rid,
                                kind=ws.kind_of(rid),
                                wanted=view.default_kind,
                                set=view.set_id,
                            ),
                            file=str(path),
                            key=rid,
                        )
                    )
                    continue
                for leaf, entries in leaves.items():
                    for e in entries:
                        for item in e.evidence:
                            if not _inside(ws.folder, item):
                                problems.append(
                                    Problem(
                                        said(
                                            "cli.excel.evidence_outside",
                                            region=rid,
                                            leaf=leaf,
                                            item=repr(item),
                                            folder=ws.folder,
                                        ),
                                        file=str(path),
                                        key=f"{rid}/{leaf}",
                                    )
                                )
                        by = e.evaluator
                        if not by or by == str(path):
                            by = evaluator or who
                        for p in ws._stage_evaluator_problems(ws.stage, by):
                            problems.append(replace(p, file=str(path), key=f"{rid}/{leaf}"))
                        rows.append((EntryKey(view.set_id, rid, a.period, by, leaf, ws.stage),
                                     e.model_copy(update={"evaluator": by})))  # fmt: skip
    if problems:
        raise AssessorError(problems)  # nothing was imported
    return ws.store.import_entries(
        rows, who=who, reason=reason or f"import {', '.join(map(str, files))}"
    )


def run_import(args: argparse.Namespace) -> int:
    with workspace_from(args) as ws:
        n = import_files(ws, args.files, who=who(args), evaluator=args.evaluator,
                         period=args.period, reason=args.reason, kind=args.kind)  # fmt: skip
        print(say("cli.done.imported", reader_lang(), count=n, files=len(args.files)))
    return 0


def export_workspace(
    ws: Workspace, out: Path, period: str | None = None, kind: str | None = None
) -> tuple[Path, int]:
    """Score the workspace with the engine and write results and entries; (path, results).
    A campaign of several kinds gets each kind's sheets (排名-市级部门 …), scored with its
    own set and ranked among its own units; `kind` writes only that kind's."""
    from assessor.exchange.export import ExportPart, write_export_parts
    from assessor.scoring import compile_checked, score

    parts = []
    for view in ws.views(kind):
        cs = compile_checked(view.indicator_set)
        assessments = view.assessments()
        if period:
            assessments = [a for a in assessments if a.period == period]
        results = score(cs, assessments, period=period, consolidation=view.consolidation)
        label = ws.kind(view.default_kind).label if ws.several_kinds else None
        parts.append(ExportPart(label, cs, results, assessments))
    return write_export_parts(out, parts), sum(len(p.results) for p in parts)


def run_export(args: argparse.Namespace) -> int:
    with open_from(args) as ws:
        out, n = export_workspace(ws, args.output, args.period, args.kind)
        print(say("cli.done.exported", reader_lang(), path=out, count=n))

    return 0
