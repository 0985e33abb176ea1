"""`assessor tasks`: tasks with deadlines (按时序推进) — statuses on a date, progress entered one
report at a time, imported from Excel or CSV, and the Excel form to fill in.

Every status, light, count and share comes from the engine (`assessor.scoring.tasks`) through
the workspace's task board; this module only formats them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.cli.cmd_workspace import add_folder_argument, open_from
from assessor.cli.safe import term
from assessor.cli.workspace_args import add_who_argument, who
from assessor.errors import UsageError
from assessor.text.catalogue import reader_lang, said, say, table

if TYPE_CHECKING:
    from rich.console import Console

    from assessor.store.task_board import KindTasks, TaskBoard, UnitTasks
    from assessor.store.workspace import Workspace

LIGHT_ZH = table("light", "zh")
LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "red"}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as 2023-08-11"
        ) from None


def _percent(text: str) -> Decimal:
    try:
        value = Decimal(text.rstrip("%"))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage (0 … 100)") from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage (0 … 100)")
    return value


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tasks", help="tasks with deadlines: statuses, progress, Excel import")
    tasks = p.add_subparsers(
        dest="tasks_command", metavar="show|set|import|template|bulletin", required=True
    )

    q = tasks.add_parser(
        "show",
        help="each task's status on a date, counts by category",
        description="Each unit's tasks on a date, the units of each kind apart (区、县（市） "
        "before 市级部门, as the rankings are), with each kind's counts.",
    )
    add_folder_argument(q)
    q.add_argument("--unit", help="one unit (default: every unit with tasks)")
    _kind_argument(q)
    q.add_argument("--on", type=_date, help="the date (default: today, within the period)")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(run=run_show)

    q = tasks.add_parser("set", help="enter one progress report (audited)")
    add_folder_argument(q)
    add_who_argument(q)
    q.add_argument("unit", help="the unit id")
    q.add_argument("task", help="the task id")
    q.add_argument("--on", type=_date, help="the report's date (default: today)")
    how = q.add_mutually_exclusive_group(required=True)
    how.add_argument("--percent", type=_percent, help="percent done (0 … 100)")
    how.add_argument("--reached", nargs="+", metavar="MILESTONE", help="milestones reached")
    how.add_argument("--done", action="store_true", help="the task is finished")
    q.add_argument("--done-on", type=_date, help="when it was finished (default: --on)")
    q.add_argument("--comment")
    q.add_argument("--version", type=int, help="the version you read (refused if changed since)")
    q.add_argument("--reason", help="why (recorded in the audit log)")
    q.set_defaults(run=run_set)

    q = tasks.add_parser("import", help="import progress reports from .xlsx or .csv (all or none)")
    add_folder_argument(q)
    add_who_argument(q)
    q.add_argument("file", type=Path, help="a filled-in form (`assessor tasks template`) or CSV")
    q.add_argument("--reason", help="why (recorded in the audit log)")
    q.set_defaults(run=run_import)

    q = tasks.add_parser("template", help="the Excel form for progress reports")
    add_folder_argument(q)
    q.add_argument("-o", "--output", type=Path, required=True, help="the .xlsx to write")
    q.add_argument("--unit", help="one unit (default: every unit with tasks)")
    q.add_argument("--on", type=_date, help="the date the form is for (default: today)")
    q.set_defaults(run=run_template)

    q = tasks.add_parser("bulletin", help="the 亮进度 bulletin (PDF): every unit's tasks on a date")
    add_folder_argument(q)
    q.add_argument("--on", type=_date, help="the date (default: today, within the period)")
    q.add_argument("-o", "--output", type=Path, default=Path("out/reports"), help="output folder")
    q.add_argument("--date", help="the date printed on the bulletin (default: today)")
    _kind_argument(q)
    q.add_argument("--html", action="store_true", help="also write the HTML")
    q.set_defaults(run=run_bulletin)


def _kind_argument(p: argparse.ArgumentParser) -> None:
    from assessor.cli.inputs import add_kind_argument

    add_kind_argument(p)


def _default_date(ws: Workspace, explicit: dt.date | None) -> dt.date:
    from assessor.store.task_board import default_date

    return default_date(ws, explicit)


def _board(ws: Workspace) -> TaskBoard:
    from assessor.store.task_board import TaskBoard

    return TaskBoard(ws)


def _json(groups: list[KindTasks]) -> str:
    """One object per unit, kind by kind; in a campaign of several kinds each says its kind."""
    out = []
    for group, u in ((g, u) for g in groups for u in g.units):
        kind = {"kind": group.kind.key, "kind_label": group.kind.label} if group.several else {}
        out.append(
            {
                **kind,
                "unit": u.unit,
                "name": u.name,
                "on": u.on.isoformat(),
                "share_on_schedule": None if u.share is None else str(u.share),
                "tallies": [
                    {"category": t.category, "total": t.total, "counts": t.counts,
                     "sentence": t.sentence("zh")}
                    for t in u.tallies
                ],
                "tasks": [
                    {"id": s.task.id, "name": s.task.name, "category": s.task.category,
                     "deadline": s.task.deadline.isoformat(), "status": s.status,
                     "words": s.words("zh"), "light": s.light, "planned": str(s.planned),
                     "actual": str(s.actual), "late": s.late}
                    for s in u.states
                ],
            }
        )  # fmt: skip
    return json.dumps(out, ensure_ascii=False, indent=2)


def _pct(x: Decimal) -> str:
    return f"{x.quantize(Decimal('0.1'))}%"


def print_groups(groups: list[KindTasks], detail: bool) -> None:
    """Kind by kind (a heading and the kind's counts when the campaign has several), then
    each of its units."""
    from rich.console import Console
    from rich.text import Text

    from assessor.scoring.tasks import overall

    console = Console()
    for g in groups:
        if g.several:
            total = overall(g.states)
            heading = f"{g.kind.label}（{len(g.units)} 个单位）：{total.sentence('zh')}"
            console.rule(Text(term(heading), style="bold"), align="left")
        print_units(g.units, detail, console)


def print_units(units: list[UnitTasks], detail: bool, console: Console | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    for u in units:
        console.print(Text(term(f"{u.name}（{u.unit}） {u.on.isoformat()}"), style="bold"))
        if detail:
            table = Table(show_edge=False, pad_edge=False)
            for col in ("编号", "任务", "类别", "截止", "序时", "实际", "状态", "灯"):
                table.add_column(col, justify="right" if col in ("序时", "实际") else "left")
            for s in u.states:
                table.add_row(
                    s.task.id, Text(term(s.task.name)), Text(term(s.task.category)),
                    s.task.deadline.isoformat(), _pct(s.planned), _pct(s.actual),
                    Text(s.words("zh")),
                    Text(f"● {LIGHT_ZH[s.light]}", style=LIGHT_STYLE[s.light]),
                )  # fmt: skip
            console.print(table)
        for t in u.tallies:
            console.print(Text(term(t.sentence("zh"))))
        if u.share is not None:
            console.print(f"按时序推进（含已完成）占比：{_pct(u.share)}")
        console.print()


def run_show(args: argparse.Namespace) -> int:
    with open_from(args) as ws:
        board = _board(ws)
        on = _default_date(ws, args.on)
        groups = board.by_kind(on, args.kind, args.unit)
    if args.format == "json":
        print(_json(groups))
    else:
        if board.book.sample:
            print("示例数据")
        if not groups:
            print(term(say("cli.tasks.no_unit_of_kind", reader_lang(), kind=args.kind)))
        print_groups(groups, detail=True)
    return 0


def run_set(args: argparse.Namespace) -> int:
    from assessor.model.tasks import TaskProgress

    if args.done_on and not args.done:
        raise UsageError(said("cli.tasks.done_on_needs_done"))

    with open_from(args) as ws:
        board = _board(ws)
        on = args.on or dt.date.today()
        progress = TaskProgress(
            task=args.task, as_of=on, percent=args.percent,
            reached=tuple(args.reached or ()), done=args.done,
            done_on=args.done_on if args.done else None, comment=args.comment,
        )  # fmt: skip
        version = board.record(args.unit, progress, who=who(args),
                               expected_version=args.version, reason=args.reason)  # fmt: skip
        state = board.unit_tasks(args.unit, on)
        (s,) = [x for x in state.states if x.task.id == args.task]
    status = f"{s.explain('zh')}（{LIGHT_ZH[s.light]}灯）"  # the board's words are Chinese
    print(term(say("cli.tasks.recorded", reader_lang(), unit=args.unit, task=args.task, on=on,
                   version=version, state=status)))  # fmt: skip
    return 0


def run_import(args: argparse.Namespace) -> int:
    from assessor.exchange.task_progress import read_progress

    with open_from(args) as ws:
        board = _board(ws)
        rows = read_progress(args.file, board)
        n = board.record_many(rows, who=who(args), reason=args.reason)
    print(say("cli.tasks.imported", reader_lang(), count=len(rows), file=args.file, stored=n,
              unchanged=len(rows) - n))  # fmt: skip
    return 0


def run_template(args: argparse.Namespace) -> int:
    from assessor.exchange.task_progress import write_template

    with open_from(args) as ws:
        board = _board(ws)
        on = _default_date(ws, args.on)
        units = [args.unit] if args.unit else board.units()
        for u in units:
            board.check_unit(u)
        n = write_template(args.output, board, units, on)
    print(say("cli.tasks.template", reader_lang(), path=args.output, count=n, on=on))
    return 0


def run_bulletin(args: argparse.Namespace) -> int:
    from assessor import __version__
    from assessor.report import context as rc
    from assessor.report.render import Renderer, RenderOptions
    from assessor.report.tasks_context import progress_bulletin

    with open_from(args) as ws:
        board = _board(ws)
        on = _default_date(ws, args.on)
        settings = ws.config.report
        sample = ws.config.sample or board.book.sample
        meta = rc.ReportMeta(
            title=None, organisation=settings.organisation or ws.config.organisation,
            doc_number=settings.document_number, date=args.date or dt.date.today().isoformat(),
            sample=sample, sample_note=(board.book.note or ws.config.note) if sample else None,
            generator=f"assessor {__version__}",
        )  # fmt: skip
        ctx = progress_bulletin(board, on, meta, kind=args.kind)
        folder = ws.folder
    renderer = Renderer(RenderOptions(roots=[folder]))
    html = renderer.env.get_template("progress.html").render(**ctx, inline_css=None)
    out = renderer.pdf(html)
    args.output.mkdir(parents=True, exist_ok=True)
    stem = args.output / f"progress-{board.campaign}-{on.isoformat()}"
    stem.with_suffix(".pdf").write_bytes(out.pdf)
    if args.html:
        css = renderer.stylesheet_text()
        stem.with_suffix(".html").write_text(
            renderer.env.get_template("progress.html").render(**ctx, inline_css=css),
            encoding="utf-8",
        )
    print(say("cli.done.pdf", reader_lang(), path=stem.with_suffix(".pdf"), pages=out.pages,
              kb=len(out.pdf) // 1024))  # fmt: skip

    return 0
