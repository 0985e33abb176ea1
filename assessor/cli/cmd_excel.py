"""`assessor template`, `assessor import`, `assessor export`: Excel, CSV and YAML in and out."""

from __future__ import annotations

import argparse
from pathlib import Path

from assessor.cli.cmd_workspace import add_folder_argument, open_from
from assessor.cli.workspace_args import (
    add_who_argument,
    add_workspace_argument,
    who,
    workspace_from,
)
from assessor.errors import AssessorError, Problem


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
    p.set_defaults(run=run_import)

    p = sub.add_parser("export", help="write results and entries to .xlsx or .csv")
    add_folder_argument(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="an .xlsx or .csv file")
    p.add_argument("--period", help="only this period (default: every period)")
    p.set_defaults(run=run_export)


def run_template(args: argparse.Namespace) -> int:
    from assessor.cli.cmd_workspace import current_period
    from assessor.exchange import write_csv_template, write_template

    ws = open_from(args)
    try:
        period = current_period(ws, args.period)
        regions = [ws.regions[r] for r in (args.region or ws.regions) if r in ws.regions]
        missing = [r for r in args.region or [] if r not in ws.regions]
        if missing:
            raise AssessorError(Problem(f"unknown region(s) {', '.join(missing)}", key="--region"))
        out = args.output or ws.folder / f"{ws.set_id}-{period}-填报.xlsx"
        writer = write_csv_template if out.suffix.lower() == ".csv" else write_template
        writer(out, ws.indicator_set, regions, period=period, evaluator=args.evaluator)
        print(f"wrote {out} ({len(regions)} regions)")
    finally:
        ws.close()
    return 0


def read_any(path: Path, ws: object, period: str | None) -> list:  # type: ignore[type-arg]
    from assessor.store.workspace import Workspace

    assert isinstance(ws, Workspace)
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
            f"{path}: cannot import {suffix or 'this'} files; use .xlsx, .csv or .yaml",
            file=str(path),
        )
    )


def run_import(args: argparse.Namespace) -> int:
    from assessor.store.store import EntryKey

    ws = workspace_from(args)
    try:
        me = who(args)
        rows = []
        problems: list[Problem] = []
        for path in args.files:
            if not path.is_file():
                problems.append(Problem(f"{path} does not exist", file=str(path)))
                continue
            try:
                assessments = read_any(path, ws, args.period)
            except AssessorError as exc:
                problems.extend(exc.problems)
                continue
            for a in assessments:
                for rid, leaves in a.entries.items():
                    if rid not in ws.regions:
                        problems.append(
                            Problem(
                                f"region {rid} is not in the workspace's regions.yaml",
                                file=str(path),
                                key=rid,
                            )
                        )
                        continue
                    for leaf, entries in leaves.items():
                        for e in entries:
                            evaluator = e.evaluator
                            if not evaluator or evaluator == str(path):
                                evaluator = args.evaluator or me
                            rows.append((EntryKey(ws.set_id, rid, a.period, evaluator, leaf),
                                         e.model_copy(update={"evaluator": evaluator})))  # fmt: skip
        if problems:
            raise AssessorError(problems)  # nothing was imported
        n = ws.store.import_entries(
            rows, who=me, reason=args.reason or f"import {', '.join(map(str, args.files))}"
        )
        print(f"imported {n} entries from {len(args.files)} file(s)")
    finally:
        ws.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    from assessor.exchange import write_export
    from assessor.scoring import compile_checked, score

    ws = open_from(args)
    try:
        cs = compile_checked(ws.indicator_set)
        assessments = ws.assessments()
        if args.period:
            assessments = [a for a in assessments if a.period == args.period]
        results = score(cs, assessments, period=args.period, consolidation=ws.consolidation)
        out = write_export(args.output, cs, results, assessments)
        print(f"wrote {out}: {len(results)} region results")
    finally:
        ws.close()
    return 0
