"""Small helpers: write YAML snippets to files and collect the problems they raise."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from assessor.errors import AssessorError, Problem
from assessor.loader import load_set
from assessor.loader.lint import lint_paths

MINIMAL_TREE = """\
tree:
  - id: A
    name: 甲
    points: 100
    children:
      - {id: A1, name: 一, points: 60, method: check}
      - {id: A2, name: 二, points: 40, method: check}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def set_problems(path: Path) -> list[Problem]:
    """The problems load_set raises (fails the test when it loads cleanly)."""
    with pytest.raises(AssessorError) as info:
        load_set(path)
    return info.value.problems


def only(problems: list[Problem], code: str | None = None, text: str | None = None) -> Problem:
    """The single problem with this code and/or text in its message."""
    found = [
        p
        for p in problems
        if (code is None or p.code == code) and (text is None or text in p.message)
    ]
    assert len(found) == 1, f"expected one {code or text!r} problem, got: " + "\n".join(
        str(p) for p in problems
    )
    return found[0]


def lint(folder: Path, text: str, name: str = "s.yaml") -> list[Problem]:
    return lint_paths([write(folder, name, text)])


def codes(problems: list[Problem]) -> set[str]:
    return {p.code or "" for p in problems}
