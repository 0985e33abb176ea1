"""Progress on tasks with deadlines (按时序推进), in the `task_progress` table.

One row per campaign, unit, task and date (`as_of`): what the unit reported that day — a
percentage, the milestones reached, or done. Each decision is one write and one audit record
(action `task`, in the same hash chain as entries), with an optimistic `version`: a write made
from a stale screen is refused, not merged. The status against the schedule is never stored; the
engine (`assessor.scoring.tasks`) computes it from these rows and the tasks file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from assessor.errors import Problem
from assessor.model.tasks import TaskProgress
from assessor.store import tables as t
from assessor.store.errors import ConflictError
from assessor.store.store import EntryKey, now
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from assessor.store.store import Store

ACTION = "task"
IMPORT_ACTION = "task-import"


@dataclass(frozen=True)
class StoredProgress:
    campaign: str
    unit: str
    progress: TaskProgress
    version: int
    updated_at: str
    updated_by: str


def payload(p: TaskProgress) -> dict[str, Any]:
    """What the audit log records and the row holds (exact: the percentage as text)."""
    return {
        "percent": None if p.percent is None else str(p.percent),
        "reached": list(p.reached),
        "done": p.done,
        "done_on": None if p.done_on is None else p.done_on.isoformat(),
        "comment": p.comment,
    }


def _row_payload(row: Any) -> dict[str, Any]:
    return {
        "percent": row.percent,
        "reached": json.loads(row.reached) if row.reached else [],
        "done": bool(row.done),
        "done_on": row.done_on,
        "comment": row.comment,
    }


def _progress(row: Any) -> TaskProgress:
    return TaskProgress(
        task=row.task,
        as_of=dt.date.fromisoformat(row.as_of),
        percent=None if row.percent is None else Decimal(row.percent),
        reached=tuple(json.loads(row.reached)) if row.reached else (),
        done=bool(row.done),
        done_on=None if row.done_on is None else dt.date.fromisoformat(row.done_on),
        comment=row.comment,
    )


class TaskProgressStore:
    """The store's task progress API (the Store's transactions and audit chain)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _row(self, conn: Connection, campaign: str, unit: str, task: str, as_of: str) -> Any:
        c = t.task_progress.c
        return conn.execute(
            select(t.task_progress).where(
                c.campaign == campaign, c.unit == unit, c.task == task, c.as_of == as_of
            )
        ).one_or_none()

    def _put(
        self,
        conn: Connection,
        campaign: str,
        unit: str,
        p: TaskProgress,
        *,
        who: str,
        expected_version: int | None,
        reason: str | None,
        action: str,
    ) -> int:
        as_of = p.as_of.isoformat()
        row = self._row(conn, campaign, unit, p.task, as_of)
        current = row.version if row is not None else 0
        label = f"{unit}/{p.task}/{as_of}"
        if expected_version is not None and expected_version != current:
            raise ConflictError(label, expected_version, current, row.updated_by if row else None,
                                _row_payload(row) if row else None)  # fmt: skip
        new = payload(p)
        values = {
            "percent": new["percent"],
            "reached": json.dumps(new["reached"], ensure_ascii=False) if p.reached else None,
            "done": p.done,
            "done_on": new["done_on"],
            "comment": p.comment,
            "version": current + 1,
            "updated_at": (stamp := now()),
            "updated_by": who,
        }
        if row is None:
            conn.execute(
                t.task_progress.insert().values(
                    campaign=campaign, unit=unit, task=p.task, as_of=as_of, **values
                )
            )
            old = None
        else:
            old = _row_payload(row)
            if old == new:
                return current  # nothing changed: no new version, no audit record
            conn.execute(
                t.task_progress.update().where(t.task_progress.c.id == row.id).values(**values)
            )
        key = EntryKey(set_id=campaign, region=unit, period=as_of, evaluator="", leaf=p.task)
        self.store._append(
            conn, who=who, action=action, key=key, old=old, new=new, reason=reason, at=stamp
        )
        return current + 1

    def record(
        self,
        campaign: str,
        unit: str,
        progress: TaskProgress,
        *,
        who: str,
        expected_version: int | None = None,
        reason: str | None = None,
    ) -> int:
        """Store one report of progress; returns its version (unchanged if nothing changed)."""
        with self.store._write() as conn:
            return self._put(conn, campaign, unit, progress, who=who,
                             expected_version=expected_version, reason=reason, action=ACTION)  # fmt: skip

    def record_many(
        self,
        campaign: str,
        rows: Iterable[tuple[str, TaskProgress]],
        *,
        who: str,
        reason: str | None = None,
    ) -> int:
        """Store many reports in ONE transaction (an Excel import): all, or on error none.
        Returns how many rows changed."""
        changed = 0
        with self.store._write() as conn:
            for unit, p in rows:
                as_of = p.as_of.isoformat()
                row = self._row(conn, campaign, unit, p.task, as_of)
                before = row.version if row is not None else 0
                after = self._put(conn, campaign, unit, p, who=who, expected_version=None,
                                  reason=reason, action=IMPORT_ACTION)  # fmt: skip
                changed += after != before
        return changed

    def get(self, campaign: str, unit: str, task: str, as_of: dt.date) -> StoredProgress | None:
        with self.store.engine.connect() as conn:
            row = self._row(conn, campaign, unit, task, as_of.isoformat())
        return None if row is None else self._stored(row)

    def progress(self, campaign: str, unit: str | None = None) -> list[StoredProgress]:
        """Every report of the campaign (or of one unit), oldest first."""
        c = t.task_progress.c
        q = select(t.task_progress).where(c.campaign == campaign)
        if unit is not None:
            q = q.where(c.unit == unit)
        with self.store.engine.connect() as conn:
            rows = conn.execute(q.order_by(c.unit, c.task, c.as_of)).all()
        return [self._stored(r) for r in rows]

    def verify(self) -> list[Problem]:
        """Every difference between replaying the log's task records and the task_progress
        table: a report changed, added or deleted behind the log (the hash chain itself is
        checked by `Store.verify_audit`)."""
        from assessor.store.replay import _close

        with self.store.engine.connect() as conn:
            records = conn.execute(
                select(t.audit)
                .where(t.audit.c.action.in_((ACTION, IMPORT_ACTION)))
                .order_by(t.audit.c.seq)
            ).all()
            rows = conn.execute(select(t.task_progress)).all()
        want: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        for r in records:
            key = (r.set_id, r.region, r.leaf, r.period)
            version = want[key]["version"] + 1 if key in want else 1
            want[key] = {"new": json.loads(r.new), "version": version, "who": r.who, "at": r.at}
        out: list[Problem] = []
        for row in rows:
            key = (row.campaign, row.unit, row.task, row.as_of)
            label = said(
                "store.progress_label",
                row=f"{row.unit}/{row.task}/{row.as_of}",
                campaign=row.campaign,
            )
            w = want.pop(key, None)
            if w is None:
                out.append(Problem(said("store.replay_not_logged", what=label),
                                   key="audit", code="audit-replay"))  # fmt: skip
                continue
            have = _row_payload(row)
            if have != w["new"] or row.version != w["version"] or row.updated_by != w["who"] \
                    or not _close(row.updated_at, w["at"]):  # fmt: skip
                out.append(Problem(
                    said("store.replay_differs", what=label, have=have, version=row.version,
                         by=row.updated_by, logged=w["new"], logged_version=w["version"],
                         logged_by=w["who"]),
                    key="audit", code="audit-replay",
                ))  # fmt: skip
        for campaign, unit, task, as_of in want:
            label = said("store.progress_label", row=f"{unit}/{task}/{as_of}", campaign=campaign)
            out.append(Problem(said("store.replay_not_in_table", what=label), key="audit",
                               code="audit-replay"))  # fmt: skip
        return out

    @staticmethod
    def _stored(row: Any) -> StoredProgress:
        return StoredProgress(row.campaign, row.unit, _progress(row), row.version,
                              row.updated_at, row.updated_by)  # fmt: skip


__all__ = ["ACTION", "IMPORT_ACTION", "StoredProgress", "TaskProgressStore", "payload"]
