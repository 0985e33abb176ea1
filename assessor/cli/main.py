"""Entry point of the `assessor` command.

Each sub-command lives in its own module `assessor.cli.cmd_<name>` exposing
`register(subparsers)`; a command's `run(args)` returns the exit code:
0 ok, 1 invalid input, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

#: Each command and the module `assessor.cli.cmd_<module>` that registers it, in the order
#: `assessor --help` lists them. A command line names its command first, so only that module
#: is imported and registered (tests/test_startup.py checks this table against the modules).
COMMANDS: dict[str, str] = {
    "lint": "lint",
    "schema": "schema",
    "score": "score",
    "explain": "explain",
    "agreement": "agreement",
    "init": "workspace",
    "status": "workspace",
    "set-status": "workspace",
    "template": "excel",
    "import": "excel",
    "export": "excel",
    "audit": "audit",
    "period": "period",
    "stage": "stage",
    "evidence": "stage",
    "site-check": "stage",
    "report": "report",
    "doctor": "doctor",
    "tui": "tui",
    "tasks": "tasks",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


#: Read-only commands: a repeated run on unchanged inputs is replayed (assessor/cli/memo.py).
QUICK = frozenset({"lint", "score", "status"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"assessor: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: with `command` (a known one), only that command's module is
    imported and registered, which is all its arguments need; without, every command (for
    `--help`, a mistyped command, or none)."""
    import importlib

    from assessor import __version__

    parser = _Parser(
        prog="assessor",
        description="Star-rating assessments of cities and counties against YAML indicator sets.",
    )
    parser.add_argument("--version", action="version", version=f"assessor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parser.set_defaults(commands=sub.choices)
    modules = (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(f"assessor.cli.cmd_{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Only a command typed at the shell is replayed; a caller of `main(argv)` in Python (a test,
    # a script) may have changed anything in its process, so it always runs.
    if argv is None and args_list and args_list[0] in QUICK:
        from assessor.cli.memo import Memo

        memo = Memo.for_run(args_list)
        if memo is not None:
            replayed = memo.replay()
            if replayed is not None:
                return replayed
            return memo.record(lambda: _main(args_list))
    return _main(args_list)


def _main(args_list: list[str]) -> int:
    from assessor.cli.safe import term
    from assessor.errors import AssessorError, UsageError
    from assessor.text.catalogue import reader_lang, say, say_count
    from assessor.text.problems import error_text, problem_text

    parser = build_parser(args_list[0] if args_list else None)
    if not args_list:
        # `assessor` alone opens the TUI when run inside a workspace folder.
        from pathlib import Path

        if Path("workspace.yaml").exists() and "tui" in parser.get_default("commands"):
            args_list = ["tui"]
        else:
            parser.print_help()
            return 2
    args = parser.parse_args(args_list)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        if getattr(args, "quick", False):
            return _quick(args)
        return int(args.run(args))
    except UsageError as exc:
        lang = reader_lang()
        print(
            say("cli.usage_prefix", lang) + term(error_text(exc, lang), lines=True), file=sys.stderr
        )
        return 2
    except AssessorError as exc:
        lang = reader_lang()
        for problem in exc.problems:
            print(term(problem_text(problem, lang), lines=True), file=sys.stderr)
        print(say_count("cli.problems_found", len(exc.problems), lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _quick(args: argparse.Namespace) -> int:
    """A short read-only command (`lint`, `score`, `status`: `quick=True`) runs with Python's
    cyclic garbage collector paused. Nearly all it allocates is the classes, functions and
    models its imports create, which live until it exits: the collector would only scan them
    again and again (over a hundred collections a run), and reference counting frees the
    rest. The TUI, reports and writes keep the collector on."""
    from assessor.gcpause import collector_paused

    with collector_paused():
        return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
