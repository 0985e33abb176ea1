"""`assessor lint SET…`: check indicator sets beyond the schema (docs/lint-rules.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assessor.cli.safe import term
from assessor.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "lint",
        help="check indicator set files (points adding up, bands, formulas, grades …)",
        description=(
            "Load each indicator set and check what an evaluator would trip over. Prints "
            "`file:line:col: [key] message` per problem; exits 1 when there are errors "
            "(warnings alone exit 0). A folder means every *.yaml set in it."
        ),
    )
    p.add_argument("sets", nargs="+", type=Path, metavar="SET", help="set files or folders")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors only, no warnings")
    p.set_defaults(run=run, quick=True)


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(x for x in p.iterdir() if x.suffix in (".yaml", ".yml")))
        else:
            out.append(p)
    return out


def run(args: argparse.Namespace) -> int:
    from assessor.loader.lint import lint_paths
    from assessor.text.catalogue import reader_lang, said, say, say_count
    from assessor.text.problems import problem_text

    paths = _expand(args.sets)
    if not paths:
        raise UsageError(said("cli.lint.no_files", paths=", ".join(map(str, args.sets))))
    lang = reader_lang()
    problems = lint_paths(paths)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    for p in problems:
        if args.quiet and p.severity != "error":
            continue
        code = say("cli.lint.code", lang, code=p.code) if p.code else ""
        print(term(problem_text(p, lang), lines=True) + code)
    print(
        say(
            "cli.lint.summary",
            lang,
            sets=say_count("cli.lint.sets", len(paths), lang),
            errors=say_count("cli.lint.errors", errors, lang),
            warnings=say_count("cli.lint.warnings", warnings, lang),
        )
    )
    return 1 if errors else 0
