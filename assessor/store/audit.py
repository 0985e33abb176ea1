"""The hash chain of the audit log: each record's hash covers the previous hash and the record,
so editing, deleting or reordering any past record breaks the chain from there on.

A record's canonical JSON holds the twelve fields every record has had since the first
revision, plus `stage` when the record has one. Records written before stages existed have no
stage (NULL, read as the default stage `expert`) and hash exactly as they always did, so an
existing database's chain still verifies after migration 0004; every newer assessment record
names its stage, and that name is covered by its hash (setting a stage on an old record, or
removing one from a new record, breaks the chain).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from assessor.store.codec import dumps
from assessor.text.catalogue import said

GENESIS = "0" * 64
FIELDS = (
    "seq",
    "at",
    "who",
    "action",
    "set_id",
    "region",
    "period",
    "evaluator",
    "leaf",
    "old",
    "new",
    "reason",
)


def canonical(record: Mapping[str, Any]) -> dict[str, Any]:
    """What a record's hash covers: FIELDS, and `stage` if the record has one."""
    body = {k: record.get(k) for k in FIELDS}
    if record.get("stage") is not None:
        body["stage"] = record["stage"]
    return body


def record_hash(prev_hash: str, record: Mapping[str, Any]) -> str:
    body = dumps(canonical(record))
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def verify_chain(records: Iterable[Mapping[str, Any]], head: tuple[int, str]) -> list[str]:
    """What is wrong with the chain (empty when it verifies): edits, gaps, reorders, truncation."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    last_seq, last_hash = 0, GENESIS
    for r in records:
        seq = int(r["seq"])
        if seq != expected_seq:
            problems.append(said("store.audit.out_of_order", seq=expected_seq, found=seq))
            expected_seq = seq
        if r["prev_hash"] != prev:
            problems.append(said("store.audit.not_following", seq=seq, before=seq - 1))
        if record_hash(str(r["prev_hash"]), r) != r["hash"]:
            problems.append(
                said(
                    "store.audit.edited",
                    seq=seq,
                    action=r["action"],
                    leaf=r.get("leaf") or "",
                    who=r["who"],
                    at=r["at"],
                )
            )
        prev = str(r["hash"])
        expected_seq += 1
        last_seq, last_hash = seq, prev
    if (last_seq, last_hash) != head:
        problems.append(said("store.audit.head_mismatch", last=last_seq, head=head[0]))
    return problems
