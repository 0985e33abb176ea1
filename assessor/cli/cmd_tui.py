"""`assessor tui [WORKSPACE]`: the evaluator's terminal UI."""

from __future__ import annotations

import argparse
from pathlib import Path

from assessor.errors import UsageError
from assessor.text.catalogue import said


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "tui", help="score regions in the terminal UI (plain `assessor` in a workspace)"
    )
    p.add_argument(
        "workspace", nargs="?", type=Path, help="workspace folder (default: here or a parent)"
    )
    p.add_argument("--evaluator", help="who is scoring (default: the workspace's lead)")
    p.add_argument("--period", help="period (default: the workspace's current period)")
    p.add_argument("--kind", help="the kind of unit shown first (default: the first kind)")
    p.add_argument(
        "--lang", choices=["zh", "en"], help="interface language (default: the workspace's)"
    )
    p.add_argument(
        "--stage", help="the stage to work in (self, review, expert …; default: the latest)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assessor.store.workspace import find_workspace
    from assessor.tui.app import AssessorApp

    folder = args.workspace or find_workspace()
    if folder is None:
        raise UsageError(said("cli.no_workspace_here_tui"))

    app = AssessorApp(folder, evaluator=args.evaluator, period=args.period, lang=args.lang,
                      kind=args.kind, stage=args.stage)  # fmt: skip
    app.run()
    return app.return_code or 0  # 1 after an unforeseen error (its log's path was printed)
