"""Entries as JSON that comes back exactly: Decimals are tagged, never turned into floats."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from assessor.model.entries import Entry


def encode_value(v: Any) -> Any:
    if isinstance(v, Decimal):
        return {"d": str(v)}
    if isinstance(v, dict):
        return {k: encode_value(x) for k, x in v.items()}
    return v


def decode_value(v: Any) -> Any:
    if isinstance(v, dict):
        if set(v) == {"d"}:
            return Decimal(v["d"])
        return {k: decode_value(x) for k, x in v.items()}
    return v


def entry_payload(e: Entry) -> dict[str, Any]:
    """The parts of an entry that the audit log records and the database stores."""
    return {
        "value": encode_value(e.value),
        "inputs": encode_value(e.inputs) if e.inputs is not None else None,
        "na": e.na,
        "comment": e.comment,
        "evidence": list(e.evidence),
        "carried_over": e.carried_over,
    }


def entry_from_payload(p: dict[str, Any], evaluator: str) -> Entry:
    return Entry(
        value=decode_value(p.get("value")),
        inputs=decode_value(p["inputs"]) if p.get("inputs") is not None else None,
        na=bool(p.get("na")),
        comment=p.get("comment"),
        evidence=tuple(p.get("evidence") or ()),
        evaluator=evaluator,
        carried_over=bool(p.get("carried_over")),
    )


def dumps(obj: Any) -> str:
    """Canonical JSON: the same object always gives the same text (the audit hashes it)."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def payload_text(v: object, lang: str = "zh", labels: Mapping[str, str] | None = None) -> str:
    """An audit record's old or new payload (or a conflicting value) in a few words, as the
    audit log, the TUI's history and its conflict message show it: 不适用 45 a=1, b=2 “comment”.
    `labels` names the inputs as the form does (使用电子证照办理的事项数=46), else their keys."""
    from assessor.text.catalogue import say

    names = labels or {}
    if isinstance(v, dict):
        value = v.get("value")
        if isinstance(value, dict) and "d" in value:
            value = value["d"]
        parts = [say("status.na", lang)] if v.get("na") else []
        if isinstance(value, bool):
            parts.append(say("engine.yes" if value else "engine.no", lang))
        elif value is not None:
            parts.append(str(value))
        if v.get("inputs"):
            parts.append(
                say("punct.list", lang).join(
                    f"{names.get(k, k)}={x['d'] if isinstance(x, dict) else x}"
                    for k, x in v["inputs"].items()
                )
            )
        if v.get("comment"):
            parts.append(f"“{v['comment']}”")
        return " ".join(parts) or "—"
    return "—" if v is None else str(v)
