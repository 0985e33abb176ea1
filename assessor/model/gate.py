"""The last gate before the store: an entry and its key checked against `limits`.

The loaders and the TUI already refuse bad values with the indicator's own wording
(`assessor.loader.gate.gate_entry`); this check runs again where every door meets, in the
store's write path, so a value that slipped past a reader is refused rather than stored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assessor.model.entries import Entry
from assessor.model.limits import (
    MAX_COMMENT,
    MAX_EVALUATOR,
    MAX_EVIDENCE_ITEMS,
    MAX_LEAF_ID,
    MAX_REGION_ID,
    MAX_SET_ID,
    MAX_TEXT_INPUT,
    evidence_problem,
    id_problem,
    number_problem,
    shown,
    text_problem,
)
from assessor.model.periods import PeriodError, parse_period


def _value_problem(v: Any) -> str | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        v = Decimal(v) if abs(v) < 10**18 else Decimal("Infinity")
    if isinstance(v, Decimal):
        bad = number_problem(v)
        return None if bad is None else f"{shown(str(v)[:40])}: {bad}"
    if isinstance(v, str):
        bad = text_problem(v, MAX_TEXT_INPUT)
        return None if bad is None else f"{shown(v)}: {bad}"
    return f"{type(v).__name__} is not a value"


def entry_problems(entry: Entry) -> list[str]:
    """What in `entry` cannot be stored (empty when it may be)."""
    out: list[str] = []
    bad = _value_problem(entry.value)
    if bad:
        out.append(f"value {bad}")
    for name, v in (entry.inputs or {}).items():
        bad = id_problem(name, MAX_LEAF_ID)
        if bad:
            out.append(f"input name {shown(name)}: {bad}")
        bad_v = _value_problem(v)
        if bad_v:
            out.append(f"input {name}: {bad_v}")
    if entry.comment is not None:
        bad = text_problem(entry.comment, MAX_COMMENT, lines=True)
        if bad:
            out.append(f"comment {shown(entry.comment)}: {bad}")
    if len(entry.evidence) > MAX_EVIDENCE_ITEMS:
        out.append(f"{len(entry.evidence)} evidence items; at most {MAX_EVIDENCE_ITEMS}")
    for item in entry.evidence:
        bad = evidence_problem(item)
        if bad:
            out.append(f"evidence {shown(item)}: {bad}")
    return out


def key_problems(
    set_id: str, region: str, period: str, evaluator: str, leaf: str, period_kind: str | None = None
) -> list[str]:
    """What is wrong with the ids an entry is stored under (empty when nothing)."""
    out: list[str] = []
    for what, text, limit in (
        ("set id", set_id, MAX_SET_ID),
        ("region id", region, MAX_REGION_ID),
        ("evaluator", evaluator, MAX_EVALUATOR),
        ("indicator id", leaf, MAX_LEAF_ID),
    ):
        bad = id_problem(text, limit) if isinstance(text, str) else "not text"
        if bad:
            out.append(f"{what} {shown(str(text))}: {bad}")
    try:
        p = parse_period(period)
    except (PeriodError, TypeError) as exc:
        out.append(str(exc))
    else:
        if str(p) != period:
            out.append(f"period {period!r} is not written as {p}")
        elif period_kind is not None and p.kind != period_kind:
            out.append(f"period {period} is not a {period_kind}, the workspace's period_kind")
    return out
