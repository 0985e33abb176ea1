"""Replaying the audit log and comparing it with the tables it describes.

The hash chain proves the log was not rewritten; this proves the tables were not changed
behind it. Every entry (its value and its version, updated_by and updated_at), every status
(with who set it and when) and every evidence row (with who added it and when) must be what the
log says; so must every evidence verdict and on-site check. Times written before records and
rows shared one clock reading may differ by a few microseconds, so times are compared to the
second. Records written before stages existed have no stage: they are the stage `expert`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from assessor.store.codec import entry_from_payload, entry_payload, loads
from assessor.store.tables import DEFAULT_STAGE
from assessor.text.catalogue import said

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


def stage_of(r: Mapping[str, Any]) -> str:
    """A record's or row's stage (a record written before stages existed: the default)."""
    return str(r.get("stage") or DEFAULT_STAGE)


def _named(key: tuple[Any, ...]) -> str:
    """A key (set, stage, …) as messages name it: set/region/period/… and a stage other than
    the default in brackets, so one-stage workspaces read as they always did."""
    set_id, stage, *rest = key
    tail = "" if stage == DEFAULT_STAGE else f" [{stage}]"
    return "/".join(str(x) for x in (set_id, *rest)) + tail


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
        key = (r["set_id"], stage_of(r), r["region"], r["period"], r["evaluator"], r["leaf"])
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
    verdicts: list[dict[str, Any]] = (),  # type: ignore[assignment]
    site_checks: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> list[str]:
    """Every difference between the log's replay and the tables, one sentence each."""
    out: list[str] = []
    want = replay_entries(records)
    have: dict[tuple[str, ...], dict[str, Any]] = {
        (r["set_id"], stage_of(r), r["region"], r["period"], r["evaluator"], r["leaf"]): r
        for r in entries
    }
    for k in sorted(set(want) | set(have)):
        w, h = want.get(k), have.get(k)
        name = _named(k)
        if w is None or h is None or w["payload"] != _entry_payload(h):
            out.append(said("store.replay.entry_differs", name=name))
            continue
        for field, expected, found in (
            ("version", w["version"], h["version"]),
            ("updated_by", w["who"], h["updated_by"]),
        ):
            if expected != found:
                out.append(
                    said(
                        "store.replay.entry_field",
                        name=name,
                        field=field,
                        found=repr(found),
                        expected=repr(expected),
                    )
                )
        if not _close(w["at"], h["updated_at"]):
            out.append(
                said(
                    "store.replay.entry_field",
                    name=name,
                    field="updated_at",
                    found=h["updated_at"],
                    expected=w["at"],
                )
            )

    status_want: dict[tuple[str, ...], Mapping[str, Any]] = {}
    for r in records:
        if r["action"] == "status":
            status_want[(r["set_id"], stage_of(r), r["region"], r["period"])] = r
    status_have: dict[tuple[str, ...], dict[str, Any]] = {
        (r["set_id"], stage_of(r), r["region"], r["period"]): r for r in statuses
    }
    for sk in sorted(set(status_want) | set(status_have)):
        rec, row = status_want.get(sk), status_have.get(sk)
        name = _named(sk)
        expected = loads(rec["new"]) if rec is not None else "draft"
        if row is None:
            if expected != "draft":
                out.append(said("store.replay.status_missing", name=name, expected=expected))
            continue
        if rec is None or row["status"] != expected:
            out.append(
                said(
                    "store.replay.status_differs", name=name, found=row["status"], expected=expected
                )
            )
        elif row["updated_by"] != rec["who"] or not _close(row["updated_at"], rec["at"]):
            out.append(
                said(
                    "store.replay.status_by",
                    name=name,
                    by=row["updated_by"],
                    at=row["updated_at"],
                    logged_by=rec["who"],
                    logged_at=rec["at"],
                )
            )

    logged: dict[tuple[Any, ...], list[str]] = {}
    for r in records:
        if r["action"] == "evidence":
            new = loads(r["new"]) or {}
            ek = (r["set_id"], r["region"], r["period"], r["evaluator"], r["leaf"], stage_of(r),
                 new.get("path"), new.get("url"), new.get("sha256"), new.get("note"), r["who"])  # fmt: skip
            logged.setdefault(ek, []).append(r["at"])
    for row in sorted(evidence, key=lambda x: x["id"]):
        ek = (row["set_id"], row["region"], row["period"], row["evaluator"], row["leaf"], stage_of(row),
             row["path"], row["url"], row["sha256"], row["note"], row["added_by"])  # fmt: skip
        times = logged.get(ek, [])
        match = next((i for i, at in enumerate(times) if _close(at, row["added_at"])), None)
        if match is None:
            out.append(
                said(
                    "store.replay.evidence_not_logged",
                    id=row["id"],
                    where=f"{row['region']}/{row['period']}/{row['leaf']}",
                    item=row["path"] or row["url"],
                )
            )
        else:
            times.pop(match)
    for ek, times in logged.items():
        for _ in times:
            out.append(
                said(
                    "store.replay.evidence_deleted",
                    item=ek[6] or ek[7],
                    where=f"{ek[1]}/{ek[2]}/{ek[4]}",
                )
            )
    out += _compare_verdicts(records, verdicts)
    out += _compare_site_checks(records, site_checks)
    return out


def _compare_verdicts(records: list[dict[str, Any]], rows: Iterable[dict[str, Any]]) -> list[str]:
    """The last `verdict` record of each evidence item against the evidence_verdicts table."""
    out: list[str] = []
    want: dict[tuple[Any, ...], Mapping[str, Any]] = {}
    for r in records:
        if r["action"] == "verdict":
            item = (loads(r["new"]) or {}).get("item")
            want[(r["set_id"], stage_of(r), r["region"], r["period"], r["leaf"], item)] = r
    have = {
        (r["set_id"], r["stage"], r["region"], r["period"], r["leaf"], r["item"]): r for r in rows
    }
    for k in sorted(set(want) | set(have), key=str):
        rec, row = want.get(k), have.get(k)
        name = _named(k)
        if rec is None or row is None:
            where = said("store.replay.the_log" if row is None else "store.replay.the_verdicts")
            out.append(said("store.replay.verdict_missing", name=name, where=where))
            continue
        new = loads(rec["new"]) or {}
        if (
            row["verdict"] != new.get("verdict")
            or row["reason"] != rec["reason"]
            or row["judged_by"] != rec["who"]
            or not _close(row["judged_at"], rec["at"])
        ):
            out.append(
                said(
                    "store.replay.verdict_differs",
                    name=name,
                    verdict=row["verdict"],
                    by=row["judged_by"],
                    logged=new.get("verdict"),
                    logged_by=rec["who"],
                )
            )
    return out


def _compare_site_checks(
    records: list[dict[str, Any]], rows: Iterable[dict[str, Any]]
) -> list[str]:
    """The last `site-check` record of each unit and stage against the site_checks table."""
    out: list[str] = []
    want: dict[tuple[Any, ...], Mapping[str, Any]] = {}
    for r in records:
        if r["action"] == "site-check":
            want[(r["set_id"], stage_of(r), r["region"], r["period"])] = r
    have = {(r["set_id"], r["stage"], r["region"], r["period"]): r for r in rows}
    for k in sorted(set(want) | set(have), key=str):
        rec, row = want.get(k), have.get(k)
        name = _named(k)
        if rec is None or row is None:
            where = said("store.replay.the_log" if row is None else "store.replay.the_site_checks")
            out.append(said("store.replay.site_check_missing", name=name, where=where))
            continue
        new = loads(rec["new"]) or {}
        found = {
            "date": row["checked_on"],
            "checkers": loads(row["checkers"]),
            "findings": row["findings"],
        }
        if (
            found != new
            or row["updated_by"] != rec["who"]
            or not _close(row["updated_at"], rec["at"])
        ):
            out.append(said("store.replay.site_check_differs", name=name))
    return out
