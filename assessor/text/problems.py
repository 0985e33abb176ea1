"""Problems and errors as a reader reads them, in their language (the CLI prints these)."""

from __future__ import annotations

from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import say


def problem_text(problem: Problem, lang: str) -> str:
    """`file:line:col: [key] message` in `lang`, a warning marked with the catalogue's word."""
    return problem.render(lang, say("cli.severity.warning", lang))


def error_text(error: AssessorError, lang: str) -> str:
    """Every problem of `error`, one per line, in `lang`."""
    return "\n".join(problem_text(p, lang) for p in error.problems)
