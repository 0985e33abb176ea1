"""What any value may be before it is stored, whatever door it came in by.

One table of limits and the checks that apply them, shared by the loaders (YAML, Excel, CSV),
the TUI (through `assessor.loader.gate`) and the store, so that nothing accepted can later make
`score`, `export` or a report fail: numbers are finite, below 10¹⁵ in magnitude and carry at most
12 decimal places; ids and names have no control characters and fit their database columns.
Each check returns `None` or a reason in English and Chinese (`Said`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from assessor.errors import Said
from assessor.text.catalogue import said

#: |x| must stay below this for every number (even for inputs without `max`).
MAX_MAGNITUDE = Decimal(10) ** 15
MAX_EXPONENT = 15
#: Digits after the decimal point a number may carry.
MAX_DECIMALS = 12
#: Characters of numeric text read before it is parsed (a 100,000-digit "number" is refused
#: without being converted).
MAX_NUMBER_TEXT = 64

#: Column sizes of the database (store/tables.py): a longer value is refused, not truncated.
MAX_REGION_ID = 50
MAX_EVALUATOR = 100
MAX_LEAF_ID = 100
MAX_SET_ID = 100
MAX_NAME = 200  # a region's name and group
MAX_COMMENT = 10_000
MAX_EVIDENCE_ITEM = 2_000
MAX_EVIDENCE_ITEMS = 100
MAX_TEXT_INPUT = 2_000

# C0 and C1 control characters, DEL, and the Unicode line/paragraph separators; comments may
# keep new lines and tabs.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_NOTE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def shown(text: str, limit: int = 40) -> str:
    """A value as a message quotes it: control characters visible, long text cut."""
    cut = text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"
    return ascii(cut) if _CONTROL.search(cut) else repr(cut)


def number_problem(value: Decimal, *, computed: bool = False) -> Said | None:
    """Why `value` cannot be stored: not finite, too large, or too many decimal places (a
    `computed` value, such as a formula's quotient, may have any number of decimals)."""
    if not value.is_finite():
        return said("lint.limit.not_finite")
    # Read from the digits, without arithmetic: abs() or quantize() of 1e999999999 overflow.
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if any(digits) and value.adjusted() >= MAX_EXPONENT:
        return said("lint.limit.too_large")
    # Trailing zeros are not precision (1.50000000000000 has two decimals); counted only when
    # the exponent alone says too many, as it rarely does.
    if not computed and exponent < -MAX_DECIMALS and any(digits):
        zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    else:
        zeros = 0
    if not computed and any(digits) and exponent + zeros < -MAX_DECIMALS:
        return said("lint.limit.too_precise", decimals=MAX_DECIMALS)
    return None


def text_problem(text: str, limit: int, *, lines: bool = False) -> Said | None:
    """Why `text` cannot be stored: longer than its column, or holding control characters
    (new lines and tabs are allowed where `lines`)."""
    if len(text) > limit:
        return said("lint.limit.too_long", length=len(text), limit=limit)
    if (_CONTROL_IN_NOTE if lines else _CONTROL).search(text):
        return said("lint.limit.control_in_note" if lines else "lint.limit.control")
    return None


def id_problem(text: str, limit: int) -> Said | None:
    """Why `text` is not an id: empty, padded with spaces, too long or with control characters."""
    if not text or not text.strip():
        return said("lint.limit.id_empty")
    if text != text.strip():
        return said("lint.limit.id_spaces")
    return text_problem(text, limit)


def evidence_problem(item: str) -> Said | None:
    """Why an evidence item is neither an http(s) link nor a relative path inside the
    workspace (the rule the TUI applies when evidence is attached)."""
    bad = text_problem(item, MAX_EVIDENCE_ITEM)
    if bad is not None:
        return bad
    low = item.strip().lower()
    if low.startswith(("http://", "https://")):
        return None
    rule = said("lint.limit.evidence")
    path = item.strip().replace("\\", "/")
    if not path or path.startswith("/") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path):
        return rule
    if ".." in path.split("/"):
        return rule
    return None


def checked_region_id(value: str | None) -> str | None:
    """A region id within its column, of the allowed shape (a pydantic after-validator)."""
    bad = None if value is None else id_problem(value, MAX_REGION_ID)
    if bad is not None:
        raise ValueError(said("lint.limit.region_id", id=repr(value), problem=bad))
    return value


def checked_name(value: str | None) -> str | None:
    """A region's name or group within its column, without control characters."""
    bad = None if value is None else text_problem(value, MAX_NAME)
    if bad is not None:
        raise ValueError(said("lint.limit.name", value=repr(str(value)[:40]), problem=bad))
    return value
