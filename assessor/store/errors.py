"""Errors of the store that an evaluator can act on."""

from __future__ import annotations

from typing import Any

from assessor.errors import AssessorError, Problem


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
                f"{key} was changed by {by or 'another evaluator'} (version {current}, you had "
                f"version {expected}); reload it and enter your value again",
                key=key,
                code="conflict",
            )
        )


class FinalError(StoreError):
    """The assessment is final (read-only); reopening it needs a reason."""


class StoreUnavailable(StoreError):
    """The database cannot be reached (server down, network gone, file unreadable): nothing was
    written; the same call succeeds once it is back."""
