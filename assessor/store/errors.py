"""Errors of the store that an evaluator can act on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assessor.errors import AssessorError, Problem, Said
from assessor.text.catalogue import said


def listed(items: Sequence[str], zh: Sequence[str] | None = None) -> Said:
    """Items named in a message, in each language's way: "a, b" in English, "a、b" in Chinese
    (`zh`: the items as Chinese writes them, when they differ)."""
    return Said(", ".join(items), "、".join(items if zh is None else zh))


def message_of(exc: BaseException) -> str:
    """An exception's message with its languages (a `Said` given to it), else its English."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Said) else str(exc)


class StoreError(AssessorError):
    """A write the store refused: a conflict, a final assessment, an unknown status …"""


class ConflictError(StoreError):
    """Someone else changed this entry since it was read: the write is refused, not merged."""

    def __init__(self, key: str, expected: int, current: int, by: str | None, value: Any) -> None:
        self.expected = expected
        self.current = current
        self.by = by
        self.current_value = value
        super().__init__(
            Problem(
                said(
                    "store.conflict",
                    key=key,
                    by=by or said("store.another_evaluator"),
                    current=current,
                    expected=expected,
                ),
                key=key,
                code="conflict",
            )
        )


class FinalError(StoreError):
    """The assessment is final (read-only); reopening it needs a reason."""


class StoreUnavailable(StoreError):
    """The database cannot be reached (server down, network gone, file unreadable): nothing was
    written; the same call succeeds once it is back."""
