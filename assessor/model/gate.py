"""The last gate before the store: an entry and its key checked against `limits`.

The loaders and the TUI already refuse bad values with the indicator's own wording
(`assessor.loader.gate.gate_entry`); this check runs again where every door meets, in the
store's write path, so a value that slipped past a reader is refused rather than stored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assessor.errors import Said
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
from assessor.text.catalogue import said


def _value_problem(v: Any) -> Said | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        v = Decimal(v) if abs(v) < 10**18 else Decimal("Infinity")
    if isinstance(v, Decimal):
        bad = number_problem(v)
        return (
            None if bad is None else said("lint.limit.name", value=shown(str(v)[:40]), problem=bad)
        )
    if isinstance(v, str):
        bad = text_problem(v, MAX_TEXT_INPUT)
        return None if bad is None else said("lint.limit.name", value=shown(v), problem=bad)
    return said("lint.gate.not_a_value", type=type(v).__name__)


def entry_problems(entry: Entry) -> list[Said]:
    """What in `entry` cannot be stored (empty when it may be)."""
    out: list[Said] = []
    bad = _value_problem(entry.value)
    if bad:
        out.append(said("lint.gate.value", problem=bad))
    for name, v in (entry.inputs or {}).items():
        bad = id_problem(name, MAX_LEAF_ID)
        if bad:
            out.append(said("lint.gate.input_name", name=shown(name), problem=bad))
        bad_v = _value_problem(v)
        if bad_v:
            out.append(said("lint.gate.input", name=name, problem=bad_v))
    if entry.comment is not None:
        bad = text_problem(entry.comment, MAX_COMMENT, lines=True)
        if bad:
            out.append(said("lint.gate.comment", comment=shown(entry.comment), problem=bad))
    if len(entry.evidence) > MAX_EVIDENCE_ITEMS:
        out.append(
            said("lint.gate.evidence_count", count=len(entry.evidence), limit=MAX_EVIDENCE_ITEMS)
        )
    for item in entry.evidence:
        bad = evidence_problem(item)
        if bad:
            out.append(said("lint.gate.evidence", item=shown(item), problem=bad))
    return out


def key_problems(
    set_id: str, region: str, period: str, evaluator: str, leaf: str, period_kind: str | None = None
) -> list[Said]:
    """What is wrong with the ids an entry is stored under (empty when nothing)."""
    out: list[Said] = []
    for what, text, limit in (
        ("set_id", set_id, MAX_SET_ID),
        ("region_id", region, MAX_REGION_ID),
        ("evaluator", evaluator, MAX_EVALUATOR),
        ("indicator_id", leaf, MAX_LEAF_ID),
    ):
        bad = id_problem(text, limit) if isinstance(text, str) else said("lint.gate.not_text")
        if bad:
            out.append(said(f"lint.gate.{what}", id=shown(str(text)), problem=bad))
    try:
        p = parse_period(period)
    except (PeriodError, TypeError) as exc:
        why = exc.args[0] if exc.args else None
        out.append(why if isinstance(why, Said) else said("load.period_form", value=repr(period)))
    else:
        if str(p) != period:
            out.append(said("lint.gate.period_written", period=repr(period), canonical=str(p)))
        elif period_kind is not None and p.kind != period_kind:
            out.append(said("lint.gate.period_kind", period=period, kind=period_kind))
    return out
