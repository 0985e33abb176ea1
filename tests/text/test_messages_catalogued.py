"""Every message a user is shown comes from the catalogue, in each language it speaks.

A problem, an error or a refusal built from an English string literal (or an f-string) is a
message in one language only: the Chinese evaluator would read English. This test reads the
source of `assessor/` and finds every such call; the catalogue test (test_catalogue.py) then
checks each catalogue entry has every language with the same placeholders.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "assessor"

#: Calls whose argument at this place (or `message=`) is shown to a user as it is.
MESSAGE_CALLS = {
    "Problem": 0,
    "AssessorError": 0,
    "UsageError": 0,
    "StoreError": 0,
    "problem": 0,  # Mark.problem(message, key, …)
    "Said": 0,  # a pair written inline instead of a catalogue entry
    "ValueError": 0,  # a validator's refusal, which loader/messages.py shows with its place
    "FormulaError": 0,
    "PeriodError": 0,
    "EntryValueError": 0,
}
#: The lint rules report through `add(code, message, …)` / `warn(code, message, …)`.
LINT_CALLS = {"add": 1, "warn": 1, "error": 1}


def _is_text(node: ast.expr) -> bool:
    """A literal string, an f-string, or text glued from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return False


def _name(call: ast.Call) -> str | None:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


def literal_messages(path: Path) -> Iterator[tuple[int, str]]:
    """(line, call name) of every message call in `path` whose message is written inline."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    calls = MESSAGE_CALLS | LINT_CALLS if path.name.startswith("lint") else MESSAGE_CALLS
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node) not in calls:
            continue
        at = calls[str(_name(node))]
        message = node.args[at] if len(node.args) > at else None
        for kw in node.keywords:
            if kw.arg == "message":
                message = kw.value
        if message is not None and _is_text(message):
            yield node.lineno, str(_name(node))


# Files whose messages are still written inline, by area, while they move into the catalogue.
# Each list only shrinks: a file listed here that has no inline message left fails the test.

PENDING_LINT: set[str] = set()

PENDING_LOAD: set[str] = set()

PENDING_STORE: set[str] = set()

PENDING_CLI: set[str] = set()

PENDING = PENDING_LINT | PENDING_LOAD | PENDING_STORE | PENDING_CLI


def _inline_messages() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "catalogue.py" or path.parent.name == "words":
            continue
        where = path.relative_to(PACKAGE).as_posix()
        for line, name in literal_messages(path):
            found.setdefault(where, []).append(f"assessor/{where}:{line} {name}(…)")
    return found


def test_every_message_shown_to_a_user_is_a_catalogue_entry() -> None:
    found = _inline_messages()
    inline = [hit for where, hits in found.items() if where not in PENDING for hit in hits]
    assert not inline, "messages written inline, not catalogue entries:\n" + "\n".join(inline)


def test_the_pending_list_only_names_files_still_to_move() -> None:
    done = sorted(PENDING - set(_inline_messages()))
    assert not done, f"no inline message left in {done}: take them off the pending list"


def test_the_finder_sees_literal_and_formatted_messages(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "Problem('plain')\n"
        "mark.problem(f'{x} is wrong', 'key')\n"
        "AssessorError('a' + str(b))\n"
        "Problem(said('k'))\n"
        "Problem(message=f'{y}')\n",
        encoding="utf-8",
    )
    assert list(literal_messages(sample)) == [
        (1, "Problem"),
        (2, "problem"),
        (3, "AssessorError"),
        (5, "Problem"),
    ]
