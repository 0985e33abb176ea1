"""`assessor init`, `assessor status`, `assessor set-status`: a campaign's folder and its progress."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.cli.safe import term
from assessor.cli.workspace_args import (
    add_stage_argument,
    add_who_argument,
    add_workspace_argument,
    who,
    workspace_from,
)
from assessor.errors import AssessorError, Problem, UsageError

if TYPE_CHECKING:
    from assessor.store.workspace import Workspace


def add_folder_argument(p: argparse.ArgumentParser) -> None:
    """`-w DIR` or a positional DIR: `assessor status my-campaign` reads like `assessor score`."""
    add_workspace_argument(p)
    p.add_argument(
        "folder", nargs="?", type=Path, metavar="WORKSPACE", help="workspace folder (same as -w)"
    )


def open_from(args: argparse.Namespace) -> Workspace:
    """The workspace named by `-w`, the positional WORKSPACE, or found from the current folder."""
    folder = getattr(args, "folder", None)
    if folder is not None:
        if args.workspace is not None and args.workspace != folder:
            raise UsageError(f"two workspaces given: {args.workspace} and {folder}")
        args.workspace = folder
    return workspace_from(args)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create a workspace folder for an assessment campaign")
    p.add_argument("folder", type=Path)
    p.add_argument("--set", dest="set_ref", required=True, help="bundled set id or a set file")
    p.add_argument(
        "--regions", type=Path, required=True, help="regions YAML file (GB/T 2260 codes)"
    )
    p.add_argument("--name", help="campaign name")
    p.add_argument("--period", help="current period (2024, 2024-Q1, 2024-03, 2024-W09)")
    p.add_argument(
        "--database",
        help="database URL (default: a SQLite file in the folder; postgresql://… for a team)",
    )
    p.add_argument("--organisation", help="issuing organisation, e.g. 聊城市大数据局")
    p.add_argument(
        "--evaluator", action="append", default=[], help="an evaluator (repeat; the first leads)"
    )
    p.set_defaults(run=run_init)

    p = sub.add_parser("status", help="progress, total, rating and status of every region")
    add_folder_argument(p)
    p.add_argument("--period", help="period (default: the workspace's current or latest period)")
    add_stage_argument(p)
    p.set_defaults(run=run_status)

    p = sub.add_parser(
        "set-status", help="move a region along draft → submitted → reviewed → final"
    )
    add_workspace_argument(p)
    add_who_argument(p)
    p.add_argument("region", nargs="+", help="region id(s), or 'all'")
    p.add_argument("status", help="draft, submitted, reviewed or final")
    p.add_argument("--period", help="period (default: the workspace's current or latest period)")
    p.add_argument("--reason", help="why (required to go back, e.g. reopening a final assessment)")
    add_stage_argument(p)
    p.set_defaults(run=run_set_status)


def run_init(args: argparse.Namespace) -> int:
    from assessor.store.workspace import init_workspace

    ws = init_workspace(
        args.folder, set_ref=args.set_ref, regions_file=args.regions, name=args.name,
        period=args.period, database=args.database, organisation=args.organisation,
        evaluators=args.evaluator,
    )  # fmt: skip
    print(f"workspace {ws.folder}: set {ws.set_id}, {len(ws.regions)} regions, database {ws.url}")
    ws.close()
    return 0


def current_period(ws: Workspace, explicit: str | None) -> str:
    return ws.current_period(explicit)


def run_status(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from assessor.scoring import compile_checked, display, score

    ws = open_from(args)
    try:
        period = current_period(ws, args.period)
        cs = compile_checked(ws.indicator_set)
        results = score(
            cs,
            ws.store.assessment(ws.set_id, period, ws.regions, stage=ws.stage),
            consolidation=ws.consolidation,
        )
        statuses = ws.store.statuses(ws.set_id, period, stage=ws.stage)
        title = f"{ws.config.name} · {period}"
        if ws.config.stages:
            from assessor.store.stages import find_stage

            title += f" · {find_stage(ws.config, ws.stage).label} ({ws.stage})"
        table = Table(title=term(title), title_justify="left")
        for col, just in (("地区", "left"), ("状态", "left"), ("完整度", "right"), ("总分", "right"),
                          ("评级", "left"), ("排名", "right"), ("评估人数", "right")):  # fmt: skip
            table.add_column(col, justify=just)  # type: ignore[arg-type]
        for r in sorted(results, key=lambda x: x.region):
            flags = " ⚠" if any(f.startswith("disagreement") for f in r.flags) else ""
            table.add_row(
                Text(term(f"{r.name or ''} {r.region}")), term(statuses.get(r.region, "draft")),
                f"{r.completeness * 100:.0f}%", Text(display(cs, r.total) + ("*" if r.provisional else "")),
                Text((r.rating.label or "—") + flags), str(r.rank or ""), str(len(r.evaluators)),
            )  # fmt: skip
        Console().print(table)
    finally:
        ws.close()
    return 0


def run_set_status(args: argparse.Namespace) -> int:
    ws = workspace_from(args)
    try:
        period = current_period(ws, args.period)
        regions = list(ws.regions) if args.region == ["all"] else args.region
        unknown = [r for r in regions if r not in ws.regions]
        if unknown:
            raise AssessorError(
                Problem(f"unknown region(s) {', '.join(unknown)}; see regions.yaml", key="region")
            )
        refused: list[Problem] = []
        for region in regions:
            try:
                old = ws.set_status(region, period, args.status, who=who(args), reason=args.reason)
            except AssessorError as exc:  # the others still move; every refusal is listed
                refused += exc.problems
                continue
            print(f"{region} {period}: {old} → {args.status}")
        if refused:
            raise AssessorError(refused)
    finally:
        ws.close()
    return 0
