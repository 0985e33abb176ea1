"""`assessor schema`: the JSON Schema of indicator sets (or entries files), for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import reader_lang, said, say


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of indicator sets (or --entries files)",
        description=(
            "Print (or write with -o) the JSON Schema (draft 2020-12) that editors use for "
            "completion and help. Bundled sets point at it with the first line "
            "`# yaml-language-server: $schema=indicator-set.schema.json`."
        ),
    )
    p.add_argument("--entries", action="store_true", help="the schema of entries files")
    p.add_argument("--tasks", action="store_true", help="the schema of tasks files")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assessor.loader.schema import schema_text

    text = schema_text(entries=args.entries, tasks=args.tasks)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise AssessorError(
            Problem(
                said("cli.schema.cannot_write", reason=exc.strerror or exc),
                file=str(args.output),
            )
        ) from None
    print(say("cli.done.wrote", reader_lang(), path=args.output), file=sys.stderr)

    return 0
