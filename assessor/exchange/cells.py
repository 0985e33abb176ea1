"""Cell values as evaluators' spreadsheets hold them (Excel, LibreOffice, WPS) → raw entry values."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Any


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
        return d.quantize(Decimal(1)) if d == d.to_integral_value() else d
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    text = unicodedata.normalize("NFKC", str(v)).strip()
    return text or None


def split_evidence(v: Any) -> list[str]:
    text = cell_text(v)
    if not text or not isinstance(text, str):
        return [] if not text else [str(text)]
    parts = [p.strip() for p in text.replace("；", ";").replace("\n", ";").split(";")]
    return [p for p in parts if p]
