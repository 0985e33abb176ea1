"""`assessor audit log` and `assessor audit verify`: who changed what, and proof nothing was altered."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from assessor.cli.cmd_workspace import add_folder_argument, open_from
from assessor.cli.safe import term
from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import reader_lang, said, say

if TYPE_CHECKING:
    from assessor.store.store import Store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help="the workspace's audit log")
    audit = p.add_subparsers(dest="audit_command", metavar="log|verify", required=True)
    q = audit.add_parser("log", help="every change: who, when, what, old → new, reason")
    add_folder_argument(q)
    q.add_argument("--region")
    q.add_argument("--node", help="indicator id")
    q.add_argument("-n", "--last", type=int, help="only the last N records")
    q.set_defaults(run=run_log)
    q = audit.add_parser(
        "verify", help="check the hash chain and that replaying it gives the entries"
    )
    add_folder_argument(q)
    q.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="HASH",
        help="a head hash printed by an earlier verify: the log must still hold that record",
    )
    q.set_defaults(run=run_verify)


def run_log(args: argparse.Namespace) -> int:
    from assessor.store.codec import payload_text as _short

    with open_from(args) as ws:
        for r in ws.store.audit_log(region=args.region, leaf=args.node, limit=args.last):
            where = " ".join(
                x
                for x in (r.region, r.period, r.leaf, f"({r.evaluator})" if r.evaluator else None)
                if x
            )
            line = f"#{r.seq} {r.at[:19]} {r.who} {r.action} {where}: {_short(r.old)} → {_short(r.new)}"
            if r.reason:
                line += f" [{r.reason}]"
            print(term(line))
    return 0


def _task_progress_problems(store: Store) -> list[Problem]:
    """Task progress reports (assessor/store/tasks.py) replayed from the log too."""
    from assessor.store.tasks import TaskProgressStore

    return TaskProgressStore(store).verify()


def run_verify(args: argparse.Namespace) -> int:
    with open_from(args) as ws:
        problems = ws.store.verify_audit()
        problems += _task_progress_problems(ws.store)
        for anchor in args.anchor:
            if ws.store.record_with_hash(anchor.strip().lower()) is None:
                problems.append(
                    Problem(
                        said("cli.audit.anchor_missing", anchor=anchor),

                        key="--anchor", code="audit-anchor",
                    )
                )  # fmt: skip
        seq, head = ws.store.chain_head()
    if problems:
        raise AssessorError(problems)
    lang = reader_lang()
    print(say("cli.audit.verified", lang, count=seq))
    print(say("cli.audit.head", lang, seq=seq, hash=head))
    print(say("cli.audit.keep_head", lang))

    return 0
