"""The store's review work: starting a stage from the previous one, verdicts on evidence
(有效 / 不足 / 无效) and on-site checks (现场核查), each audited in the same transaction.

Functions take the `Store` and use its `_write` transaction and `_append` audit helper, as
store.py's own methods do; `store.set_status` asks `evidence_gaps` before moving forward.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, Table, select

from assessor.errors import Problem, Said
from assessor.store import tables as t
from assessor.store.codec import dumps, entry_from_payload, loads
from assessor.store.errors import StoreError, listed
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.store.store import Store

#: An evidence item's verdict: valid, insufficient, invalid. Not judged yet: None (未审).
VERDICTS = ("有效", "不足", "无效")
#: Statuses a stage must have reached before the next stage may start from it.
STARTABLE_FROM = ("submitted", "reviewed", "final")


@dataclass(frozen=True)
class Verdict:
    item: str
    verdict: str
    reason: str | None
    judged_by: str
    judged_at: str


@dataclass(frozen=True)
class SiteCheck:
    checked_on: str
    checkers: tuple[str, ...]
    findings: str
    updated_by: str
    updated_at: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _unit(
    table: Table, set_id: str, stage: str, region: str, period: str
) -> list[ColumnElement[bool]]:
    """The rows of one unit in one stage and period: the filter every query here starts from."""
    c = table.c
    return [c.set_id == set_id, c.stage == stage, c.region == region, c.period == period]


# ---------------------------------------------------------------------- evidence items


def evidence_items(
    conn: Connection, set_id: str, stage: str, region: str, period: str
) -> dict[str, list[str]]:
    """Per leaf, the evidence items (paths or URLs) of one unit in one stage: the evidence
    rows and the items listed on entries, each once, in the order first seen."""
    out: dict[str, list[str]] = {}

    def add(leaf: str, item: str | None) -> None:
        if item and item not in out.setdefault(leaf, []):
            out[leaf].append(item)

    for row in conn.execute(
        select(t.evidence.c.leaf, t.evidence.c.path, t.evidence.c.url)
        .where(*_unit(t.evidence, set_id, stage, region, period))
        .order_by(t.evidence.c.id)
    ):
        add(row.leaf, row.path or row.url)
    for row in conn.execute(
        select(t.entries.c.leaf, t.entries.c.evidence)
        .where(*_unit(t.entries, set_id, stage, region, period))
        .order_by(t.entries.c.id)
    ):
        for item in loads(row.evidence) or []:
            add(row.leaf, str(item))
    return out


def _verdicts(
    conn: Connection, set_id: str, stage: str, region: str, period: str
) -> dict[tuple[str, str], Verdict]:
    rows = conn.execute(select(t.verdicts).where(*_unit(t.verdicts, set_id, stage, region, period)))
    return {
        (r.leaf, r.item): Verdict(r.item, r.verdict, r.reason, r.judged_by, r.judged_at)
        for r in rows
    }


def evidence_gaps(
    conn: Connection,
    set_id: str,
    stage: str,
    region: str,
    period: str,
    required: Sequence[str],
    *,
    final: bool,
) -> list[tuple[str, str]]:
    """Leaves of `required` (in the set's order) whose evidence does not allow the move, with
    why: a leaf with a value (not 不适用) needs an evidence item; to submit, one not judged
    不足 or 无效; to finalise, one judged 有效."""
    entered: dict[str, bool] = {}
    for row in conn.execute(
        select(t.entries.c.leaf, t.entries.c.na).where(
            *_unit(t.entries, set_id, stage, region, period)
        )
    ):
        entered[row.leaf] = entered.get(row.leaf, False) or not row.na
    items = evidence_items(conn, set_id, stage, region, period)
    verdicts = _verdicts(conn, set_id, stage, region, period)
    gaps: list[tuple[str, str]] = []
    for leaf in required:
        if not entered.get(leaf):
            continue
        found = items.get(leaf, [])
        if not found:
            gaps.append((leaf, said("store.gap_no_evidence")))
            continue
        judged = {i: verdicts[(leaf, i)].verdict if (leaf, i) in verdicts else None for i in found}
        usable = [i for i, v in judged.items() if v == "有效" or (v is None and not final)]
        if not usable:
            shown = listed([f"{i} {v or '未审'}" for i, v in judged.items()])
            why = (
                said("store.gap_none_judged_valid", valid="有效", items=shown)
                if final
                else said("store.gap_none_valid", items=shown)
            )
            gaps.append((leaf, why))
    return gaps


def gaps_problem(region: str, period: str, status: str, gaps: list[tuple[str, str]]) -> Problem:
    each = [said("store.gap", leaf=leaf, why=why) for leaf, why in gaps]
    return Problem(
        said(
            "store.gaps",
            region=region,
            period=period,
            status=said(f"workflow.{status}"),
            valid="有效",
            count=len(gaps),
            gaps=Said("; ".join(each), "；".join(x.zh for x in each)),
        ),
        key=region,
        code="evidence",
    )


# ---------------------------------------------------------------------- verdicts


def set_verdict(
    store: Store,
    set_id: str,
    stage: str,
    region: str,
    period: str,
    leaf: str,
    item: str,
    verdict: str,
    *,
    who: str,
    reason: str | None = None,
) -> str | None:
    """Judge one evidence item 有效 / 不足 / 无效 (audited); returns the previous verdict.
    不足 and 无效 need a reason: the county must know what to fix."""
    if verdict not in VERDICTS:
        raise StoreError(
            Problem(
                said(
                    "store.verdict_unknown",
                    verdict=repr(verdict),
                    item=item,
                    allowed=" / ".join(VERDICTS),
                ),
                key="verdict",
            )
        )
    if verdict != "有效" and not (reason or "").strip():
        raise StoreError(
            Problem(
                said("store.verdict_needs_reason", leaf=leaf, item=item, verdict=verdict), key=leaf
            )
        )
    with store._write() as conn:
        if store._status(conn, set_id, region, period, stage) == "final":
            raise StoreError(
                Problem(
                    said("store.stage_final", region=region, period=period, stage=stage),
                    key=region,
                )
            )
        items = evidence_items(conn, set_id, stage, region, period).get(leaf, [])
        if item not in items:
            raise StoreError(
                Problem(
                    said(
                        "store.no_such_item",
                        region=region,
                        leaf=leaf,
                        item=repr(item),
                        stage=stage,
                        items=listed(items) if items else said("store.none"),
                    ),
                    key=leaf,
                )
            )
        old = _verdicts(conn, set_id, stage, region, period).get((leaf, item))
        stamp = _now()
        values = {"verdict": verdict, "reason": reason, "judged_at": stamp, "judged_by": who}
        if old is None:
            conn.execute(
                t.verdicts.insert().values(
                    set_id=set_id,
                    stage=stage,
                    region=region,
                    period=period,
                    leaf=leaf,
                    item=item,
                    **values,
                )
            )
        else:
            conn.execute(
                t.verdicts.update()
                .where(
                    *_unit(t.verdicts, set_id, stage, region, period),
                    t.verdicts.c.leaf == leaf,
                    t.verdicts.c.item == item,
                )
                .values(**values)
            )
        store._append(
            conn, who=who, action="verdict", set_id=set_id, stage=stage, region=region,
            period=period, leaf=leaf, at=stamp, reason=reason,
            old=None if old is None else {"item": item, "verdict": old.verdict},
            new={"item": item, "verdict": verdict},
        )  # fmt: skip
        return None if old is None else old.verdict


def verdicts(
    store: Store, set_id: str, stage: str, region: str, period: str
) -> dict[tuple[str, str], Verdict]:
    """Every verdict of one unit in one stage, by (leaf, item)."""
    with store.engine.connect() as conn:
        return _verdicts(conn, set_id, stage, region, period)


def items(store: Store, set_id: str, stage: str, region: str, period: str) -> dict[str, list[str]]:
    with store.engine.connect() as conn:
        return evidence_items(conn, set_id, stage, region, period)


def gaps(
    store: Store,
    set_id: str,
    stage: str,
    region: str,
    period: str,
    required: Sequence[str],
    *,
    final: bool,
) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return evidence_gaps(conn, set_id, stage, region, period, required, final=final)


# ---------------------------------------------------------------------- on-site checks


def set_site_check(
    store: Store,
    set_id: str,
    stage: str,
    region: str,
    period: str,
    *,
    checked_on: str,
    checkers: Sequence[str],
    findings: str,
    who: str,
) -> None:
    """Record (or correct) the 现场核查 of one unit in one stage: date, checkers, findings."""
    try:
        dt.date.fromisoformat(checked_on)
    except ValueError:
        raise StoreError(
            Problem(said("store.site_check_date", date=repr(checked_on)), key="--date")
        ) from None
    names = [c.strip() for c in checkers if c.strip()]
    if not names:
        raise StoreError(Problem(said("store.site_check_checker"), key="--checker"))
    if not findings.strip():
        raise StoreError(Problem(said("store.site_check_findings"), key="--findings"))
    new = {"date": checked_on, "checkers": names, "findings": findings}
    scope = _unit(t.site_checks, set_id, stage, region, period)
    with store._write() as conn:
        row = conn.execute(select(t.site_checks).where(*scope)).one_or_none()
        stamp = _now()
        values = {"checked_on": checked_on, "checkers": dumps(names), "findings": findings,
                  "updated_at": stamp, "updated_by": who}  # fmt: skip
        old = None
        if row is None:
            conn.execute(
                t.site_checks.insert().values(
                    set_id=set_id, stage=stage, region=region, period=period, **values
                )
            )
        else:
            old = {
                "date": row.checked_on,
                "checkers": loads(row.checkers),
                "findings": row.findings,
            }
            conn.execute(t.site_checks.update().where(*scope).values(**values))
        store._append(conn, who=who, action="site-check", set_id=set_id, stage=stage,
                      region=region, period=period, old=old, new=new, at=stamp)  # fmt: skip


def site_check(store: Store, set_id: str, stage: str, region: str, period: str) -> SiteCheck | None:
    with store.engine.connect() as conn:
        row = conn.execute(
            select(t.site_checks).where(*_unit(t.site_checks, set_id, stage, region, period))
        ).one_or_none()
    if row is None:
        return None
    return SiteCheck(
        row.checked_on, tuple(loads(row.checkers)), row.findings, row.updated_by, row.updated_at
    )


# ---------------------------------------------------------------------- stages


def start_stage(
    store: Store,
    set_id: str,
    period: str,
    stage: str,
    from_stage: str,
    regions: Iterable[str],
    *,
    who: str,
    evaluators: Sequence[str] | None = None,
    prefer: Sequence[str] = (),
) -> int:
    """`start_units` for units scored with one set."""
    units = [(set_id, region) for region in regions]
    return start_units(store, units, period, stage, from_stage, who=who, evaluators=evaluators,
                       prefer=prefer)  # fmt: skip


def start_units(
    store: Store,
    units: Iterable[tuple[str, str]],
    period: str,
    stage: str,
    from_stage: str,
    *,
    who: str,
    evaluators: Sequence[str] | None = None,
    prefer: Sequence[str] = (),
) -> int:
    """Start `stage` for some units, each given as (its kind's set id, unit), from
    `from_stage`'s entries and evidence (one transaction for every kind, every copied entry
    audited as `carry`); returns the number of entries written.

    Each unit must have reached `submitted` in `from_stage` and have nothing yet in `stage`.
    Without `evaluators` every entry is copied under its own evaluator (as a new period does);
    with them, each leaf's entry (the first of `prefer`'s evaluators that has one, else the
    first written) becomes every one of them's starting value. Copies are marked carried over.
    """
    from assessor.store.store import EntryKey

    units = list(dict.fromkeys(units))
    reason = f"stage {stage} started from {from_stage}"
    with store._write() as conn:
        problems: list[Problem] = []
        for set_id, region in units:
            status = store._status(conn, set_id, region, period, from_stage)
            if status not in STARTABLE_FROM:
                problems.append(
                    Problem(
                        said(
                            "store.stage_not_submitted",
                            region=region,
                            period=period,
                            before=from_stage,
                            status=said(f"workflow.{status}"),
                            stage=stage,
                        ),
                        key=region,
                    )
                )
            started = conn.execute(
                select(t.entries.c.id)
                .where(*_unit(t.entries, set_id, stage, region, period))
                .limit(1)
            ).first()
            if started is not None or store._status(conn, set_id, region, period, stage) != "draft":
                problems.append(
                    Problem(
                        said("store.stage_started", region=region, period=period, stage=stage),
                        key=region,
                    )
                )
        if problems:
            raise StoreError(problems)
        rank = {name: i for i, name in enumerate(prefer)}
        copies: list[tuple[Any, Any]] = []
        for set_id, region in units:
            rows = conn.execute(
                select(t.entries)
                .where(*_unit(t.entries, set_id, from_stage, region, period))
                .order_by(t.entries.c.id)
            ).all()
            if evaluators is None:
                chosen = [(r, r.evaluator) for r in rows]
            else:
                first: dict[str, Any] = {}
                for r in sorted(rows, key=lambda r: (rank.get(r.evaluator, len(rank)), r.id)):
                    first.setdefault(r.leaf, r)
                chosen = [(r, name) for r in first.values() for name in evaluators]
            for r, name in chosen:
                entry = entry_from_payload(store._payload(r), name).model_copy(
                    update={"carried_over": True}
                )
                copies.append((EntryKey(set_id, region, period, name, r.leaf, stage), entry))
        n = store._put_many(conn, copies, who=who, reason=reason, action="carry")
        for set_id, region in units:
            for ev in conn.execute(
                select(t.evidence)
                .where(*_unit(t.evidence, set_id, from_stage, region, period))
                .order_by(t.evidence.c.id)
            ).all():
                key = EntryKey(set_id, region, period, ev.evaluator, ev.leaf, stage)
                store._insert_evidence(conn, key, path=ev.path, url=ev.url, sha256=ev.sha256,
                                       note=ev.note, who=who)  # fmt: skip
        return n
