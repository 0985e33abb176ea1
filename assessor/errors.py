"""User-facing errors: each carries where (file, line, column, key) and what is allowed.

The CLI and the TUI print these; they never show a traceback or a pydantic dump.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class Said(str):
    """A message in English (the str: files, logs, the CLI) that also knows its Chinese
    wording, for the evaluator typing into the Chinese terminal UI."""

    zh: str

    def __new__(cls, en: str, zh: str) -> Said:
        self = super().__new__(cls, en)
        self.zh = zh
        return self

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        """Both wordings survive pickling (results go to report worker processes)."""
        return (str(self), self.zh)


def in_language(words: object, lang: str) -> str:
    """Words in `lang` when they know their languages (a `Said`, a scoring `Rule`: anything
    with `text(lang)`), else as they are."""
    text = getattr(words, "text", None)
    return str(text(lang)) if callable(text) else str(words)


@dataclass(frozen=True)
class Problem:
    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    key: str | None = None  # e.g. "tree[0].children[2].bands" or an indicator id
    severity: str = "error"  # "error" or "warning"
    code: str | None = None  # lint rule id, e.g. "points-sum"

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        return self.render("en", "warning: ")

    def render(self, lang: str, warning: str) -> str:
        """`file:line:col: [key] message` with the message in `lang` and `warning` before a
        warning's message (the words are the catalogue's: `assessor.text.problems`). The
        location and the key stay as written: they point into the user's file. A problem that
        is in no file (a command's refusal) is its message alone."""
        key = f"[{self.key}] " if self.key else ""
        sev = warning if self.severity == "warning" else ""
        said = f"{key}{sev}{in_language(self.message, lang)}"
        if self.file is None and self.line is None:
            return said  # a command's own refusal: there is no place to point at
        return f"{self.location()}: {said}"


@dataclass
class AssessorError(Exception):
    """An error an evaluator can act on. `problems` lists every one found, not just the first."""

    problems: list[Problem] = field(default_factory=list)

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class UsageError(AssessorError):
    """Wrong command-line usage (exit code 2)."""
