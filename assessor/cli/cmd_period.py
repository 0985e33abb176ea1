"""`assessor period new` and `assessor period compare`: a new period from the previous one's
entries (statuses reset), and how two periods' results moved."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING

from assessor.cli.cmd_workspace import add_folder_argument, open_from
from assessor.cli.inputs import add_kind_argument
from assessor.cli.safe import term
from assessor.cli.workspace_args import add_who_argument, who
from assessor.text.catalogue import reader_lang, say

if TYPE_CHECKING:
    from rich.table import Table

    from assessor.model.results import RankPointsResult
    from assessor.scoring.compiled import CompiledSet
    from assessor.store.compare import RegionDelta


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("period", help="assessment periods: start a new one, compare two")
    periods = p.add_subparsers(dest="period_command", metavar="new|compare", required=True)
    q = periods.add_parser("new", help="clone the previous period's entries as carried-over drafts")
    add_folder_argument(q)
    add_who_argument(q)
    q.add_argument("period", help="the new period (2025, 2025-Q1, 2025-03, 2025-W09)")
    q.add_argument(
        "--from", dest="from_period", help="the period to copy (default: the one before)"
    )
    q.set_defaults(run=run_new)

    q = periods.add_parser(
        "compare",
        help="per region: total, rank, rank points and rating in two periods",
        description="Two periods side by side, each kind of unit apart. A month, quarter or "
        "year of a weekly campaign is rolled up from its weeks (as `score --period`); with "
        "rank points in the set, each period's 排名得分 (a year's composed of its months').",
    )
    add_folder_argument(q)
    q.add_argument("before", help="the earlier period")
    q.add_argument("after", help="the later period")
    q.add_argument("--region", help="one region: every indicator's points in both periods")
    add_kind_argument(q)
    q.set_defaults(run=run_compare)


def run_new(args: argparse.Namespace) -> int:
    with open_from(args) as ws:
        from assessor.model.periods import parse_period

        n = ws.new_period(args.period, args.from_period, who=who(args))
        source = args.from_period or str(parse_period(args.period).previous())
        print(say("cli.done.carried_over", reader_lang(), period=args.period, count=n,
                  source=source))  # fmt: skip
    return 0


def _num(v: object) -> str:
    return "—" if v is None else str(v)


def _signed(v: Decimal | None) -> str:
    """The engine's change (already rounded as printed) with its sign: +1.25 / −0.50 / 0.00."""
    from assessor.text.formats import signed

    return signed(v)


def run_compare(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from assessor.errors import AssessorError, Problem
    from assessor.scoring import compile_checked
    from assessor.scoring.rank_points import rule_words
    from assessor.text.catalogue import said

    with open_from(args) as ws:
        known = ws.periods()
        missing = [p for p in (args.before, args.after) if not _scorable(p, known)]
        if missing:
            raise AssessorError(
                Problem(
                    said(
                        "cli.period.no_entries", missing=", ".join(missing), known=", ".join(known)
                    ),
                    key="period",
                )
            )
        # Each kind compared with its own set, ranked among its own units; a region: its kind.
        kind = args.kind or (ws.kind_of(args.region) if args.region in ws.regions else None)
        parts = [
            (ws.kind(v.default_kind).label if ws.several_kinds else None,
             v.compare_periods(args.before, args.after))
            for v in ws.views(kind)
        ]  # fmt: skip
        rolled = {
            ws.kind(v.default_kind).label if ws.several_kinds else None: _rolled(
                v.store.periods(v.set_id), (args.before, args.after)
            )
            for v in ws.views(kind)
        }
        digits = {
            ws.kind(v.default_kind).label if ws.several_kinds else None: compile_checked(
                v.indicator_set
            )
            for v in ws.views(kind)
        }
    if args.region:
        d = next((x for _, deltas in parts for x in deltas if x.region == args.region), None)
        if d is None:
            raise AssessorError(
                Problem(said("cli.unknown_region", region=args.region), key="--region")
            )

        table = Table(title=term(f"{d.name or ''} {d.region}: {args.before} → {args.after}"),
                      title_justify="left")  # fmt: skip
        for col in ("指标", args.before, args.after, "变化"):
            table.add_column(col, justify="left" if col == "指标" else "right")
        for n in d.nodes.values():
            table.add_row(Text(term(f"{n.id} {n.name}")), _num(n.before), _num(n.after),
                          _signed(n.delta))  # fmt: skip
        Console().print(table)
        return 0
    console = Console()
    for label, deltas in parts:
        cs = digits[label]
        title = f"{args.before} → {args.after}" + (f" · {label}" if label else "")
        title += "".join(f" ({p} rolled up from {n} periods)" for p, n in rolled[label])
        table = Table(title=term(title), title_justify="left")
        points = any(d.before_points or d.after_points for d in deltas)
        cols = [
            "地区",
            args.before,
            args.after,
            "变化",
            "排名",
            *(["排名得分"] if points else []),
            "评级",
        ]
        for col in cols:
            table.add_column(col, justify="left" if col in ("地区", "评级") else "right",
                             no_wrap=col in ("排名", "排名得分"))  # fmt: skip
        for d in deltas:
            rank = f"{d.before_rank or '—'} → {d.after_rank or '—'}"
            rating = d.after_rating or "—"
            if d.rating_changed:
                rating = f"{d.before_rating or '—'} → {rating}"
            row: list[Text | str] = [Text(term(f"{d.name or ''} {d.region}")), _num(d.before_total),
                   _num(d.after_total), _signed(d.total_delta), rank]  # fmt: skip
            if points:
                row.append(f"{_points(cs, d.before_points)} → {_points(cs, d.after_points)}")
            table.add_row(*row, Text(term(rating)))
        console.print(table)
        for period, side in ((args.before, "before_points"), (args.after, "after_points")):
            composed = [(d, getattr(d, side)) for d in deltas if getattr(d, side) is not None]
            composed = [(d, rp) for d, rp in composed if rp.periods]
            if composed:  # a year's rank points: each month's, as the engine composed them
                rule = cs.set.rank_points
                how = f"：{rule_words(rule, 'zh')}" if rule is not None else ""
                console.print(Text(term(f"{period} 排名得分构成{how}")))  # as wide as it needs
                console.print(_composition(cs, period, composed))
    return 0


def _composition(
    cs: CompiledSet, period: str, composed: list[tuple[RegionDelta, RankPointsResult]]
) -> Table:
    """A year's rank points unit by unit: each month's points (a column per month) and the
    year's, as the engine composed them; with more than twelve periods, the engine's words."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, padding=(0, 0, 0, 1), pad_edge=False)
    table.add_column("单位", no_wrap=True)
    periods = list(dict.fromkeys(p for _, rp in composed for p, _ in rp.periods))
    by_column = len(periods) <= 12
    for p in periods if by_column else []:
        table.add_column(p.split("-")[-1], justify="right", no_wrap=True)
    table.add_column(period, justify="right", no_wrap=True)
    if not by_column:
        table.add_column("构成")
    for d, rp in composed:
        got = dict(rp.periods)
        cells = (
            [f"{got[p].normalize():f}" if p in got else "—" for p in periods] if by_column else []
        )
        words = [] if by_column else [Text(term(rp.words("zh")))]
        table.add_row(Text(term(d.name or d.region)), *cells, _points(cs, rp), *words)
    return table


def _rolled(present: list[str], periods: tuple[str, ...]) -> list[tuple[str, int]]:
    """The periods compared that have no entries of their own, with how many shorter periods
    the engine rolls each up from (as `assessor score` titles them)."""
    from assessor.store.period_view import inner_periods

    return [(p, len(inner_periods(p, present))) for p in periods if p not in present]


def _scorable(period: str, known: list[str]) -> bool:
    """A period with entries, or one the engine rolls up from shorter periods inside it."""
    from assessor.model.periods import PeriodError
    from assessor.store.period_view import inner_periods

    if period in known:
        return True
    try:
        return bool(inner_periods(period, known))
    except PeriodError:
        return False


def _points(cs: CompiledSet, rp: RankPointsResult | None) -> str:
    """The engine's rank points with the set's digits; — where the unit was not ranked."""
    from assessor.scoring import display

    return "—" if rp is None else display(cs, rp.points)
