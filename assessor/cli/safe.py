"""Text from data (region names, evaluators, comments, messages) made safe for a terminal.

A region named `\x1b]0;…` or `\x1b[2J` would retitle or clear the evaluator's terminal if it were
printed raw; every table and line the CLI prints from data goes through `term` first.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_KEEP_LINES = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def term(text: object, *, lines: bool = False) -> str:
    """`text` with control characters written as visible escapes (\\x1b); new lines kept
    where `lines`."""
    return (_CONTROL_KEEP_LINES if lines else _CONTROL).sub(_escape, str(text))
