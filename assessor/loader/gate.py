"""One gate for every value, whatever the door: TUI, YAML entries, Excel, CSV.

`gate_entry` is what a caller uses when an evaluator commits a value: it checks the raw value
against the indicator (type, range, levels, options; finite, |x| < 10¹⁵, ≤ 12 decimals; text
without control characters and within its column) and the ids it goes under (region,
period of the workspace's kind, evaluator), and raises `EntryValueError` naming the indicator,
the value and the rule. The store checks the same limits again before writing.
"""

from __future__ import annotations

from typing import Any

from assessor.loader.entry_values import EntryValueError, indicator_said, normalize_entry
from assessor.model.entries import Entry
from assessor.model.gate import entry_problems, key_problems
from assessor.model.indicator_set import AnyNode
from assessor.text.catalogue import said


def gate_entry(
    node: AnyNode,
    raw: Any,
    *,
    evaluator: str,
    region: str | None = None,
    period: str | None = None,
    period_kind: str | None = None,
    set_id: str = "set",
) -> Entry:
    """The checked `Entry` for `raw`, or `EntryValueError` listing every rule it breaks."""
    errors: list[tuple[str | None, str]] = []
    if region is not None or period is not None:
        for message in key_problems(
            set_id, region or "-", period or "2000", evaluator or "-", node.id, period_kind
        ):
            errors.append(
                (
                    None,
                    said("load.about_indicator", indicator=indicator_said(node), message=message),
                )
            )
    try:
        entry = normalize_entry(node, raw, evaluator=evaluator)
    except EntryValueError as exc:
        errors.extend(exc.items)
        raise EntryValueError(errors) from None
    errors.extend(
        (None, said("load.about_indicator", indicator=indicator_said(node), message=m))
        for m in entry_problems(entry)
    )
    if errors:
        raise EntryValueError(errors)
    return entry


__all__ = ["EntryValueError", "gate_entry"]
