"""`assessor period new`: start a period from the previous one's entries, statuses reset."""

from __future__ import annotations

import argparse

from assessor.cli.workspace_args import (
    add_who_argument,
    add_workspace_argument,
    who,
    workspace_from,
)
from assessor.errors import AssessorError, Problem


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("period", help="assessment periods")
    periods = p.add_subparsers(dest="period_command", metavar="new", required=True)
    q = periods.add_parser("new", help="clone the previous period's entries as carried-over drafts")
    add_workspace_argument(q)
    add_who_argument(q)
    q.add_argument("period", help="the new period (2025, 2025-Q1, 2025-03, 2025-W09)")
    q.add_argument(
        "--from", dest="from_period", help="the period to copy (default: the one before)"
    )
    q.set_defaults(run=run_new)


def run_new(args: argparse.Namespace) -> int:
    from assessor.model.periods import PeriodError, parse_period

    try:
        new = parse_period(args.period)
        source = str(parse_period(args.from_period)) if args.from_period else str(new.previous())
    except PeriodError as exc:
        raise AssessorError(Problem(str(exc), key="period")) from None
    ws = workspace_from(args)
    try:
        if source not in ws.store.periods(ws.set_id):
            raise AssessorError(
                Problem(f"period {source} has no entries to carry over", key="--from")
            )
        n = ws.store.new_period(ws.set_id, str(new), source, who=who(args))
        print(f"period {new}: {n} entries carried over from {source} as drafts")
    finally:
        ws.close()
    return 0
