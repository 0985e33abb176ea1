"""Excel and CSV import/export messages (``exchange.<key>``): which sheet, row and column is wrong and what it may hold."""

from __future__ import annotations

from collections.abc import Mapping

WORDS: dict[str, Mapping[str, str]] = {}
