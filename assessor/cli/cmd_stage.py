"""`assessor stage …`, `assessor evidence …`, `assessor site-check`: the stages of a campaign
(自评 → 复核 → 评审), side by side with the reasons for every change, verdicts on evidence and
on-site checks."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING

from assessor.cli.cmd_workspace import add_folder_argument, current_period, open_from
from assessor.cli.safe import term
from assessor.cli.workspace_args import (
    add_stage_argument,
    add_who_argument,
    add_workspace_argument,
    who,
    workspace_from,
)
from assessor.errors import AssessorError, Problem, in_language
from assessor.text.catalogue import reader_lang, said, say

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from assessor.store.stage_compare import StageComparison


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("stage", help="stages of a campaign: list, start one, compare them")
    stages = p.add_subparsers(dest="stage_command", metavar="list|start|compare", required=True)
    q = stages.add_parser("list", help="the stages, their evaluators and how far each unit is")
    add_folder_argument(q)
    q.add_argument("--period", help="period (default: the workspace's current or latest)")
    q.set_defaults(run=run_list)

    q = stages.add_parser("start", help="start a stage from the previous stage's entries")
    add_workspace_argument(q)
    add_who_argument(q)
    q.add_argument("stage", help="the stage to start (a key of workspace.yaml's stages)")
    q.add_argument(
        "region", nargs="*", help="units (default: every unit that submitted the stage before)"
    )
    q.add_argument("--period", help="period (default: the workspace's current or latest)")
    q.set_defaults(run=run_start)

    q = stages.add_parser(
        "compare", help="自评分 / 复核分 / 核定分 side by side, every change with its reason"
    )
    add_folder_argument(q)
    q.add_argument("--period", help="period (default: the workspace's current or latest)")
    q.add_argument("--region", help="one unit: every indicator in every stage, and the changes")
    q.set_defaults(run=run_compare)

    p = sub.add_parser("evidence", help="evidence of a unit: list it, judge it 有效/不足/无效")
    ev = p.add_subparsers(dest="evidence_command", metavar="list|verdict", required=True)
    q = ev.add_parser("list", help="every evidence item of a unit with its verdict")
    add_workspace_argument(q)
    add_stage_argument(q)
    q.add_argument("region")
    q.add_argument("--period", help="period (default: the workspace's current or latest)")
    q.set_defaults(run=run_evidence_list)
    q = ev.add_parser("verdict", help="judge one evidence item: 有效, 不足 or 无效")
    add_workspace_argument(q)
    add_who_argument(q)
    add_stage_argument(q)
    q.add_argument("region")
    q.add_argument("leaf", help="the indicator (leaf id)")
    q.add_argument("item", help="the evidence item: its path or URL as `evidence list` shows it")
    q.add_argument("verdict", help="有效, 不足 or 无效 (also valid, insufficient, invalid)")
    q.add_argument("--reason", help="why (required for 不足 and 无效)")
    q.add_argument("--period", help="period (default: the workspace's current or latest)")
    q.set_defaults(run=run_verdict)

    p = sub.add_parser("site-check", help="record the 现场核查 of a unit: date, checkers, findings")
    add_workspace_argument(p)
    add_who_argument(p)
    add_stage_argument(p)
    p.add_argument("region")
    p.add_argument("--date", required=True, help="the day of the check (YYYY-MM-DD)")
    p.add_argument("--checker", action="append", required=True, help="a checker (repeat)")
    p.add_argument("--findings", required=True, help="what the check found")
    p.add_argument("--period", help="period (default: the workspace's current or latest)")
    p.set_defaults(run=run_site_check)


VERDICT_WORDS = {"valid": "有效", "insufficient": "不足", "invalid": "无效"}


def _num(v: Decimal | None) -> str:
    return "—" if v is None else str(v)


def _signed(v: Decimal | None) -> str:
    if v is None:
        return "—"
    return f"+{v}" if v > 0 else str(v)


def run_list(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from assessor.store.stages import campaign_stages

    with open_from(args) as ws:
        period = current_period(ws, args.period)
        table = Table(title=term(f"{ws.config.name} · {period}: stages"), title_justify="left")
        for col in ("阶段", "评估人", "已录入", "初稿", "已提交", "已审核", "定稿"):
            table.add_column(col)
        for s in campaign_stages(ws.config):
            begun = 0
            counts = {k: 0 for k in ("draft", "submitted", "reviewed", "final")}
            for view in ws.views():  # every kind's units, each under its own set
                statuses = ws.store.statuses(view.set_id, period, stage=s.key)
                found = {e.region for e in ws.store.entries(view.set_id, period, stage=s.key)}
                begun += len(found & set(view.regions))
                for r in view.regions:
                    counts[statuses.get(r, "draft")] += 1
            mark = " ←" if s.key == ws.stage else ""
            table.add_row(
                term(f"{s.label} ({s.key}){mark}"), term(", ".join(s.evaluators or ["(全部)"])),
                str(begun), *(str(counts[k]) for k in counts),
            )  # fmt: skip
        Console().print(table)
    return 0


def run_start(args: argparse.Namespace) -> int:
    from assessor.store.stages import find_stage, start_stage

    with workspace_from(args) as ws:
        period = current_period(ws, args.period)
        regions, n = start_stage(ws, args.stage, period, args.region or None, who=who(args))
        label = find_stage(ws.config, args.stage).label
        print(
            f"stage {args.stage} ({label}) started in {period} for {len(regions)} unit(s): "
            f"{n} entries carried over from the stage before"
        )
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from rich.console import Console

    from assessor.store.stage_compare import compare_stages

    with open_from(args) as ws:
        period = current_period(ws, args.period)
        if args.region and args.region not in ws.regions:
            raise AssessorError(
                Problem(said("cli.unknown_region", region=args.region), key="--region")
            )

        found = compare_stages(ws, period, [args.region] if args.region else None)
        kinds = {c.region: ws.kind_of(c.region) for c in found}
    console = Console()
    if args.region:
        _one_unit(console, found[0], period)
        return 0
    # a campaign of several kinds: a table per kind, each unit scored with its kind's set
    for k in ws.kinds:
        mine = [c for c in found if kinds[c.region] == k.key]
        if mine:
            title = f"{period} · {k.label}" if ws.several_kinds else period
            console.print(_overview(f"{title}: stages side by side", mine))
    return 0


def _overview(title: str, found: list[StageComparison]) -> Table:
    """Units side by side: each stage's total, the change from the first to the last stage
    reached, the rating and how many changes were not explained."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=term(title), title_justify="left")
    table.add_column("地区")
    for c in found[0].columns:
        table.add_column(term(c.score_name), justify="right")
    table.add_column("变化", justify="right")
    table.add_column("评级")
    table.add_column("未说明理由", justify="right")
    for cmp in found:
        started = [c for c in cmp.columns if c.started]
        change = (
            started[-1].total - started[0].total
            if len(started) > 1 and started[-1].total is not None and started[0].total is not None
            else None
        )
        final = cmp.final
        table.add_row(
            Text(term(f"{cmp.name or ''} {cmp.region}")),
            *(_num(c.total) for c in cmp.columns), _signed(change),
            Text(term(f"{final.rating or '—'} ({final.label})" if final else "—")),
            str(len(cmp.unexplained)) if cmp.changes else "",
        )  # fmt: skip
    return table


def _one_unit(console: Console, cmp: StageComparison, period: str) -> None:
    """One unit: every indicator in every stage, then each change with its reason."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=term(f"{cmp.name or ''} {cmp.region} · {period}"), title_justify="left")
    table.add_column("指标")
    for c in cmp.columns:
        table.add_column(term(c.score_name), justify="right")
    for row in cmp.rows:
        table.add_row(
            Text(term("  " * (row.depth - 1) + f"{row.id} {row.name}")),
            *(
                _num(p) + (f" ({_signed(d)})" if d else "")
                for p, d in zip(row.points, row.deltas, strict=True)
            ),
        )
    table.add_row(Text("合计"), *(_num(c.total) for c in cmp.columns))
    table.add_row(Text("评级"), *(Text(term(c.rating or "—")) for c in cmp.columns))
    console.print(table)
    if cmp.changes:
        changes = Table(title="变化与理由", title_justify="left")
        for col in ("阶段", "指标", "填报值", "之前", "之后", "变化", "理由", "修改人"):
            changes.add_column(col, justify="right" if col in ("之前", "之后", "变化") else "left")
        for ch in cmp.changes:
            value = f"{ch.value_before} → {ch.value_after}" if ch.value_after else ""
            changes.add_row(
                term(ch.label), Text(term(f"{ch.id} {ch.name}")), Text(term(value)),
                _num(ch.before), _num(ch.after), _signed(ch.delta),
                Text(term(ch.reason or "（未说明理由）")), term(ch.who or "—"),
            )  # fmt: skip
        console.print(changes)


def run_evidence_list(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from assessor.store.stages import evidence_gaps, evidence_review

    with workspace_from(args) as ws:
        period = current_period(ws, args.period)
        lines = evidence_review(ws, args.region, period)
        gaps = evidence_gaps(ws, args.region, period, final=True)
        stage = ws.stage
    table = Table(title=term(f"{args.region} · {period} · {stage}: evidence"), title_justify="left")
    for col in ("指标", "佐证材料", "必需", "结论", "理由", "审核人", "时间"):
        table.add_column(col)
    for x in lines:
        table.add_row(
            term(x.leaf), Text(term(x.item)), "是" if x.required else "", term(x.verdict or "未审"),
            Text(term(x.reason or "")), term(x.judged_by or ""), term((x.judged_at or "")[:16]),
        )  # fmt: skip
    Console().print(table)
    if gaps:
        print("before it can be final (定稿), these need an item judged 有效:")
    lang = reader_lang()
    for leaf, why in gaps:  # each reason in the reader's language (store.gap_*)
        print(term(f"  {leaf}: {in_language(why, lang)}"))
    return 0


def run_verdict(args: argparse.Namespace) -> int:
    from assessor.store.stages import judge_evidence

    verdict = VERDICT_WORDS.get(args.verdict.lower(), args.verdict)
    with workspace_from(args) as ws:
        period = current_period(ws, args.period)
        old = judge_evidence(ws, args.region, period, args.leaf, args.item, verdict,
                             who=who(args), reason=args.reason)  # fmt: skip
        print(term(f"{args.region} {args.leaf} {args.item}: {old or '未审'} → {verdict}"))
    return 0


def run_site_check(args: argparse.Namespace) -> int:
    from assessor.store.stages import record_site_check

    with workspace_from(args) as ws:
        period = current_period(ws, args.period)
        record_site_check(ws, args.region, period, checked_on=args.date, checkers=args.checker,
                          findings=args.findings, who=who(args))  # fmt: skip
        print(term(say("cli.stage.site_check", reader_lang(), region=args.region, period=period,
                       stage=ws.stage, date=args.date)))  # fmt: skip

    return 0
