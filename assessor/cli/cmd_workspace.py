"""`assessor init`, `assessor status`, `assessor set-status`: a campaign's folder and its progress."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.cli.inputs import add_kind_argument
from assessor.cli.safe import term
from assessor.cli.workspace_args import (
    add_stage_argument,
    add_who_argument,
    add_workspace_argument,
    who,
    workspace_from,
)
from assessor.errors import AssessorError, Problem, UsageError
from assessor.text.catalogue import reader_lang, said, say

if TYPE_CHECKING:
    from assessor.store.workspace import Workspace


def add_folder_argument(p: argparse.ArgumentParser) -> None:
    """`-w DIR` or a positional DIR: `assessor status my-campaign` reads like `assessor score`."""
    add_workspace_argument(p)
    p.add_argument(
        "folder", nargs="?", type=Path, metavar="WORKSPACE", help="workspace folder (same as -w)"
    )


def open_from(args: argparse.Namespace, *, read_only: bool = False) -> Workspace:
    """The workspace named by `-w`, the positional WORKSPACE, or found from the current folder."""
    folder = getattr(args, "folder", None)
    if folder is not None:
        if args.workspace is not None and args.workspace != folder:
            raise UsageError(said("cli.two_workspaces", first=args.workspace, second=folder))
        args.workspace = folder
    return workspace_from(args, read_only=read_only)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create a workspace folder for an assessment campaign")
    p.add_argument("folder", type=Path)
    one = p.add_mutually_exclusive_group(required=True)
    one.add_argument("--set", dest="set_ref", help="bundled set id or a set file (one kind)")
    one.add_argument(
        "--kind",
        dest="kinds",
        action="append",
        metavar="KEY:LABEL:SET",
        help="a kind of unit with its set, e.g. county:区、县（市）:sx-digital-gov (repeat for "
        "each kind; units name theirs with `kind:` in the regions file, default the first)",
    )
    p.add_argument(
        "--regions", type=Path, required=True, help="regions YAML file (GB/T 2260 codes)"
    )
    p.add_argument("--name", help="campaign name")
    p.add_argument("--period", help="current period (2024, 2024-Q1, 2024-03, 2024-W09)")
    p.add_argument(
        "--period-kind",
        choices=["year", "quarter", "month", "week"],
        help="the campaign's periods (default: the kind of --period, else year)",
    )
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
    add_kind_argument(p)
    p.set_defaults(run=run_status, quick=True)

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
    add_kind_argument(p)
    p.set_defaults(run=run_set_status)


def run_init(args: argparse.Namespace) -> int:
    from assessor.store.workspace import init_workspace

    ws = init_workspace(
        args.folder, set_ref=args.set_ref, regions_file=args.regions, name=args.name,
        period=args.period, database=args.database, organisation=args.organisation,
        evaluators=args.evaluator, kinds=_kinds(args.kinds), period_kind=args.period_kind,
    )  # fmt: skip
    if ws.several_kinds:
        lang = reader_lang()
        parts = [
            say("cli.done.init_kind", lang, key=k.key, label=k.label,
                set=ws.kind_set(k.key).id, count=len(ws.units(k.key)))
            for k in ws.kinds
        ]  # fmt: skip
        sep = "；" if lang == "zh" else "; "
        print(term(say("cli.done.init_kinds", lang, folder=ws.folder, kinds=sep.join(parts),
                       database=ws.url)))  # fmt: skip
    else:
        print(say("cli.done.init", reader_lang(), folder=ws.folder, set=ws.set_id,
                  count=len(ws.regions), database=ws.url))  # fmt: skip

    ws.close()
    return 0


def _kinds(values: list[str] | None) -> list[tuple[str, str, str]] | None:
    """`--kind county:区、县（市）:sx-digital-gov` → (key, label, set); the set may hold colons."""
    if values is None:
        return None
    out = []
    for v in values:
        parts = v.split(":", 2)
        if len(parts) != 3 or not all(x.strip() for x in parts):
            raise UsageError(
                said("cli.kind_form", value=v, example="department:市级部门:departments.yaml")
            )
        key, label, ref = (x.strip() for x in parts)
        out.append((key, label, ref))
    return out


def current_period(ws: Workspace, explicit: str | None) -> str:
    return ws.current_period(explicit)


def run_status(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from assessor.scoring import compile_checked, display, score

    with open_from(args, read_only=True) as ws:
        period = current_period(ws, args.period)
        stage_label = ""
        if ws.config.stages:
            from assessor.store.stages import find_stage

            stage_label = f" · {find_stage(ws.config, ws.stage).label} ({ws.stage})"
        # Each kind in its own table: scored with its own set, ranked among its own units.
        for view in ws.views(args.kind):
            cs = compile_checked(view.indicator_set)
            results = score(cs, view.assessment(period), consolidation=view.consolidation)
            statuses = view.statuses(period)
            kind = ws.kind(view.default_kind)
            title = f"{ws.config.name} · {period}"
            if ws.several_kinds:
                title = f"{ws.config.name} · {period} · {kind.label}"
            table = Table(title=term(title + stage_label), title_justify="left")
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
    return 0


def run_set_status(args: argparse.Namespace) -> int:
    with workspace_from(args) as ws:
        period = current_period(ws, args.period)
        target = ws.for_kind(args.kind) if args.kind else ws  # a view refuses other kinds
        every = target.regions
        regions = list(every) if args.region == ["all"] else args.region
        unknown = [r for r in regions if r not in ws.regions]
        if unknown:
            raise AssessorError(
                Problem(said("cli.unknown_regions_see", regions=", ".join(unknown)), key="region")
            )
        refused: list[Problem] = []
        for region in regions:
            try:
                old = target.set_status(
                    region, period, args.status, who=who(args), reason=args.reason
                )
            except AssessorError as exc:  # the others still move; every refusal is listed
                refused += exc.problems
                continue
            print(f"{region} {period}: {old} → {args.status}")
        if refused:
            raise AssessorError(refused)
    return 0
