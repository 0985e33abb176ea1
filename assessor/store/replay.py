"""Replaying the audit log and comparing it with the tables it describes.

The hash chain proves the log was not rewritten; this proves the tables were not changed
behind it. Every entry (its value and its version, updated_by and updated_at), every status
(with who set it and when) and every evidence row (with who added it and when) must be what the
log says. Times written before records and rows shared one clock reading may differ by a few
microseconds, so times are compared to the second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from assessor.store.codec import entry_from_payload, entry_payload, loads

ENTRY_ACTIONS = ("set", "import", "carry")
TOLERANCE = dt.timedelta(seconds=1)


def _close(a: Any, b: Any) -> bool:
    if a == b:
        return True
    try:
        return (
            abs(dt.datetime.fromisoformat(str(a)) - dt.datetime.fromisoformat(str(b))) <= TOLERANCE
        )
    except ValueError:
        return False


def _entry_payload(row: Mapping[str, Any]) -> Any:
    """An entries row as the payload the log records (None if it cannot be read at all)."""
    try:
        raw = {
            "value": loads(row["value"]),
            "inputs": loads(row["inputs"]),
            "na": bool(row["na"]),
            "comment": row["comment"],
            "evidence": loads(row["evidence"]) or [],
            "carried_over": bool(row["carried_over"]),
        }
        return entry_payload(entry_from_payload(raw, str(row["evaluator"])))
    except Exception:  # a row edited into something that is no entry: a difference, shown
        return None


def replay_entries(records: Iterable[Mapping[str, Any]]) -> dict[tuple[str, ...], dict[str, Any]]:
    """Per entry key: the payload, version, who and when the log gives it. An evidence record
    changes an entry when it carries one (`new["entry"]`: the evidence was added to the
    evaluator's entry in the same transaction); older evidence records carry none."""
    state: dict[tuple[str, ...], dict[str, Any]] = {}
    for r in records:
        if r["action"] not in (*ENTRY_ACTIONS, "clear", "evidence"):
            continue
        key = (r["set_id"], r["region"], r["period"], r["evaluator"], r["leaf"])
        if r["action"] == "clear":
            state.pop(key, None)
            continue
        payload = loads(r["new"])
        if r["action"] == "evidence":
            if not isinstance(payload, dict) or "entry" not in payload:
                continue
            payload = payload["entry"]
        version = state[key]["version"] + 1 if key in state else 1
        state[key] = {
            "payload": payload,
            "version": version,
            "who": r["who"],
            "at": r["at"],
        }
    return state


def compare_tables(
    records: list[dict[str, Any]],
    entries: list[dict[str, Any]],
    statuses: list[dict[str, Any]],
    evidence: list[dict[str, Any]],
) -> list[str]:
    """Every difference between the log's replay and the tables, one sentence each."""
    out: list[str] = []
    want = replay_entries(records)
    have: dict[tuple[str, ...], dict[str, Any]] = {
        (r["set_id"], r["region"], r["period"], r["evaluator"], r["leaf"]): r for r in entries
    }
    for k in sorted(set(want) | set(have)):
        w, h = want.get(k), have.get(k)
        name = "/".join(k)
        if w is None or h is None or w["payload"] != _entry_payload(h):
            out.append(f"entry {name} differs from what the audit log says it should be")
            continue
        for field, expected, found in (
            ("version", w["version"], h["version"]),
            ("updated_by", w["who"], h["updated_by"]),
        ):
            if expected != found:
                out.append(
                    f"entry {name}: {field} is {found!r} but the audit log says {expected!r}"
                )
        if not _close(w["at"], h["updated_at"]):
            out.append(
                f"entry {name}: updated_at is {h['updated_at']} but the audit log says {w['at']}"
            )

    status_want: dict[tuple[str, ...], Mapping[str, Any]] = {}
    for r in records:
        if r["action"] == "status":
            status_want[(r["set_id"], r["region"], r["period"])] = r
    status_have: dict[tuple[str, ...], dict[str, Any]] = {
        (r["set_id"], r["region"], r["period"]): r for r in statuses
    }
    for sk in sorted(set(status_want) | set(status_have)):
        rec, row = status_want.get(sk), status_have.get(sk)
        name = "/".join(sk)
        expected = loads(rec["new"]) if rec is not None else "draft"
        if row is None:
            if expected != "draft":
                out.append(f"status of {name} is missing; the audit log says {expected}")
            continue
        if rec is None or row["status"] != expected:
            out.append(f"status of {name} is {row['status']} but the audit log says {expected}")
        elif row["updated_by"] != rec["who"] or not _close(row["updated_at"], rec["at"]):
            out.append(
                f"status of {name}: set by {row['updated_by']} at {row['updated_at']}, but the "
                f"audit log says {rec['who']} at {rec['at']}"
            )

    logged: dict[tuple[Any, ...], list[str]] = {}
    for r in records:
        if r["action"] == "evidence":
            new = loads(r["new"]) or {}
            ek = (r["set_id"], r["region"], r["period"], r["evaluator"], r["leaf"],
                 new.get("path"), new.get("url"), new.get("sha256"), new.get("note"), r["who"])  # fmt: skip
            logged.setdefault(ek, []).append(r["at"])
    for row in sorted(evidence, key=lambda x: x["id"]):
        ek = (row["set_id"], row["region"], row["period"], row["evaluator"], row["leaf"],
             row["path"], row["url"], row["sha256"], row["note"], row["added_by"])  # fmt: skip
        times = logged.get(ek, [])
        match = next((i for i, at in enumerate(times) if _close(at, row["added_at"])), None)
        if match is None:
            out.append(
                f"evidence row {row['id']} ({row['region']}/{row['period']}/{row['leaf']}: "
                f"{row['path'] or row['url']}) is not in the audit log (added or changed behind it)"
            )
        else:
            times.pop(match)
    for ek, times in logged.items():
        for _ in times:
            out.append(
                f"evidence {ek[5] or ek[6]} of {ek[1]}/{ek[2]}/{ek[4]} is in the audit log but not in "
                "the evidence table (deleted behind it)"
            )
    return out
