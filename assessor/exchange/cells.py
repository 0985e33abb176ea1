"""Cell values as evaluators' spreadsheets hold them (Excel, LibreOffice, WPS) → raw entry values."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from typing import Any

# Ticks and crosses people type into yes/no cells; normalize_entry knows 是/否 but not these.
YES_MARKS = frozenset({"√", "✓", "✔", "☑", "对", "是的"})
NO_MARKS = frozenset({"×", "✗", "✘", "x", "X", "☐", "不是"})
# What an evaluator may put in the 不适用 column to mean "applicable" (the same as leaving it empty).
NOT_NA_MARKS = frozenset({"否", "no", "n", "false", "0", "×", "✗", "x", "适用", "-", "—"})


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?%?$")


def safe_cell(v: Any) -> Any:
    """A text cell that no spreadsheet will run (CSV/formula injection, as OWASP recommends):
    text starting with = + - @ (or a tab, CR or new line, or their full-width forms) gets a
    leading apostrophe; a plain number written as text (-5, +3.2) stays as it is; other values
    pass unchanged."""
    if isinstance(v, str) and v.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(v):
        return "'" + v
    return v


def cell_text(v: Any) -> Any:
    """None for empty; numbers as Decimal (80.0 → 80); text NFKC-normalised and stripped."""
    if v is None:
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return str(v)
        d = Decimal(repr(v))
        return d.to_integral_value() if d == d.to_integral_value() else d  # 80.0 → 80
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return v.isoformat()
    text = unicodedata.normalize("NFKC", str(v)).strip()
    return text or None


def cell_note(v: Any) -> str | None:
    """A comment or evidence cell as typed (only stripped): NFKC would turn ，：into ASCII."""
    if v is None:
        return None
    if isinstance(v, float) and math.isfinite(v) and v.is_integer() and abs(v) < 1e15:
        v = int(v)
    text = str(v).strip()
    return text or None


def yes_no_mark(v: Any) -> Any:
    """√ → 是 and × → 否 for yes/no cells; anything else unchanged (normalize_entry judges it)."""
    if isinstance(v, str):
        if v in YES_MARKS:
            return "是"
        if v in NO_MARKS:
            return "否"
    return v


def split_evidence(v: Any) -> list[str]:
    """File names or links separated by ; ； or new lines (one cell may hold several)."""
    text = cell_note(v)
    if text is None:
        return []
    parts = [p.strip() for p in text.replace("；", ";").replace("\n", ";").split(";")]
    return [p for p in parts if p]
