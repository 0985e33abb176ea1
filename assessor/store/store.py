"""The store: raw entries, statuses, evidence and the audit log, in SQLite or PostgreSQL.

Every write is one transaction that also appends its audit record. On SQLite, WAL mode, a busy
timeout and `BEGIN IMMEDIATE` for writes let two evaluators' terminals share one file without
"database is locked" errors; on PostgreSQL writers lock the chain head, so the audit chain stays
linear with many clients. A stale write (the entry's version moved on) raises `ConflictError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy import text as sql_text

from assessor.errors import Problem
from assessor.model.entries import Assessment, Entry, Region
from assessor.model.gate import entry_problems, key_problems
from assessor.model.limits import MAX_EVALUATOR, id_problem, shown
from assessor.store import tables as t
from assessor.store.audit import GENESIS, record_hash, verify_chain
from assessor.store.codec import dumps, entry_from_payload, entry_payload, loads
from assessor.store.errors import (
    ConflictError,
    FinalError,
    StoreError,
    StoreUnavailable,
    listed,
)
from assessor.store.outage import CONNECT_TIMEOUT, watch_for_outages
from assessor.store.schema import HEAD_REVISION as HEAD_REVISION
from assessor.store.tables import DEFAULT_STAGE
from assessor.text.catalogue import said

#: PostgreSQL channel on which every audited write announces its record number.
CHANGES_CHANNEL = "assessor_changes"
STATUSES = ("draft", "submitted", "reviewed", "final")
MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x61737365  # "asse": PostgreSQL advisory lock key held while migrating


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class StoredEntry:
    set_id: str
    region: str
    period: str
    evaluator: str
    leaf: str
    entry: Entry
    version: int
    updated_at: str
    updated_by: str
    stage: str = DEFAULT_STAGE


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    who: str
    action: str
    set_id: str | None
    region: str | None
    period: str | None
    evaluator: str | None
    leaf: str | None
    old: Any
    new: Any
    reason: str | None
    stage: str | None = (
        None  # None: a record that is no assessment's (records before stages: expert)
    )


@dataclass(frozen=True)
class EntryKey:
    set_id: str
    region: str
    period: str
    evaluator: str
    leaf: str
    stage: str = DEFAULT_STAGE

    def label(self) -> str:
        stage = "" if self.stage == DEFAULT_STAGE else f" [{self.stage}]"
        return f"{self.region}/{self.period}/{self.leaf} ({self.evaluator}){stage}"


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _rec: Any) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the driver
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.execute("PRAGMA synchronous=NORMAL")  # durable against a killed process
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _sqlite_backup(db: Path, backup: Path) -> None:
    """Copy a SQLite database through SQLite itself: a plain file copy would miss whatever is
    still in the -wal file (committed writes not yet checkpointed) and could copy a torn page."""
    import sqlite3

    src = sqlite3.connect(db)
    dst = sqlite3.connect(backup)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def gate(rows: Iterable[tuple[EntryKey, Entry]], who: str) -> None:
    """Refuse, before anything is written, an entry that breaks the limits (model/limits.py):
    whatever door it came by, nothing stored can later stop `score`, `export` or a report."""
    problems = []
    bad_who = id_problem(who, MAX_EVALUATOR) if isinstance(who, str) else said("store.not_text")
    if bad_who:
        problems.append(
            Problem(
                said("store.who_refused", who=shown(str(who)), problem=bad_who),
                key="who",
                code="gate",
            )
        )
    for key, entry in rows:
        found = key_problems(key.set_id, key.region, key.period, key.evaluator, key.leaf)
        found += entry_problems(entry)
        problems += [Problem(m, key=shown(key.label(), 80), code="gate") for m in found]
        if len(problems) >= 50:
            break
    if problems:
        raise StoreError(problems)


def _redacted(url: str) -> str:
    """The URL as a message shows it: without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: shown cut, it is the user's own text
        return repr(url[:80])


def check_database_url(url: str) -> None:
    """Refuse, before connecting, what cannot be an assessor database: another kind of server,
    text that is not a URL, or a SQLite path that is a folder or a special file."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    allowed = said("store.database_forms")
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise StoreError(
            Problem(
                said("store.database_not_url", url=_redacted(url), allowed=allowed),
                key="database",
                code="database",
            )
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            Problem(
                said(
                    "store.database_unsupported",
                    url=_redacted(url),
                    backend=backend,
                    allowed=allowed,
                ),
                key="database",
                code="database",
            )
        )
    if backend == "sqlite":
        path = parsed.database
        if not path or path == ":memory:":
            raise StoreError(
                Problem(
                    said("store.database_sqlite_file", url=url), key="database", code="database"
                )
            )
        p = Path(path)
        if p.exists() and not p.is_file():
            raise StoreError(
                Problem(
                    said("store.database_not_file", path=p),
                    key="database",
                    code="database",
                )
            )


class Store:
    """One workspace's database. Open with `Store.open(url)`; it migrates older databases."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.sqlite = url.startswith("sqlite")

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Open (and migrate) the database at `url`; one that cannot be reached or is not an
        assessor database is a `StoreError` naming it, with the driver's reason."""
        from sqlalchemy.exc import SQLAlchemyError

        check_database_url(url)
        try:
            engine = (
                _sqlite_engine(url)
                if url.startswith("sqlite")
                else create_engine(
                    url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT}
                )
            )
            watch_for_outages(engine, url)
            store = cls(engine, url)
            if migrate:
                store.migrate()
        except StoreError:
            raise
        except (SQLAlchemyError, OSError, ImportError, ValueError) as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            raise StoreError(
                Problem(
                    said(
                        "store.database_cannot_open",
                        url=_redacted(url),
                        reason=reason[0] if reason else type(exc).__name__,
                    ),
                    key="database",
                    code="database",
                )
            ) from None
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                return conn.execute(sql_text("SELECT version_num FROM alembic_version")).scalar()
            except StoreUnavailable:
                raise
            except Exception:  # no table yet: a new database
                conn.rollback()
                return None

    def migrate(self) -> Path | None:
        """Bring the schema to the newest revision; an older SQLite file is copied first.

        Returns the backup's path when one was made.
        """
        if self.revision() == HEAD_REVISION:
            return None
        with self._migration_lock():
            # Again under the lock: another evaluator may have migrated while this one waited.
            current = self.revision()
            if current == HEAD_REVISION:
                return None
            return self._upgrade(current)

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """One migration at a time per SQLite file. Evaluators opening a new database at the
        same moment each found it empty, then ran the migrations one after another (Alembic
        commits as it goes), the second adding columns the first had added: "duplicate column
        name". An exclusive lock on a file beside the database serialises them; PostgreSQL
        takes an advisory lock in `_upgrade` instead."""
        file = self.url.split("///", 1)[1] if "///" in self.url else ""
        if not self.sqlite or not file or file.startswith(":memory:"):
            yield
            return
        import fcntl

        # Beside the database, not on it: closing any descriptor of a SQLite file drops the
        # POSIX locks SQLite holds on it in this process. It stays (removing a lock file races).
        db = Path(file)
        with open(db.with_name(db.name + "-lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _upgrade(self, current: str | None) -> Path | None:
        backup = None
        if current is not None and self.sqlite:
            db = Path(self.url.split("///", 1)[1])
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = db.with_name(f"{db.name}.bak-{current}-{stamp}")
            self.engine.dispose()
            _sqlite_backup(db, backup)
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.connect().execution_options(write=True) as conn:
            if not self.sqlite:
                # Evaluators opening a new database at the same moment: one migrates, the
                # others wait here and then find it done (SQLite's BEGIN IMMEDIATE does this).
                conn.execute(sql_text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, HEAD_REVISION)
            conn.commit()
        return backup

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction that holds the right to append to the audit chain."""
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            if not self.sqlite:
                conn.execute(
                    select(t.chain_head.c.seq).where(t.chain_head.c.id == 1).with_for_update()
                )
            yield conn

    def _append(
        self,
        conn: Connection,
        *,
        who: str,
        action: str,
        key: EntryKey | None = None,
        set_id: str | None = None,
        region: str | None = None,
        period: str | None = None,
        stage: str | None = None,
        leaf: str | None = None,
        old: Any = None,
        new: Any = None,
        reason: str | None = None,
        at: str | None = None,
    ) -> None:
        head = self._head(conn)
        record = {
            "seq": head.seq + 1,
            "at": at or now(),
            "who": who,
            "action": action,
            "set_id": key.set_id if key else set_id,
            "stage": key.stage if key else stage,
            "region": key.region if key else region,
            "period": key.period if key else period,
            "evaluator": key.evaluator if key else None,
            "leaf": key.leaf if key else leaf,
            "old": None if old is None else dumps(old),
            "new": None if new is None else dumps(new),
            "reason": reason,
        }
        h = record_hash(head.hash, record)
        conn.execute(t.audit.insert().values(**record, prev_hash=head.hash, hash=h))
        conn.execute(
            t.chain_head.update().where(t.chain_head.c.id == 1).values(seq=record["seq"], hash=h)
        )
        if not self.sqlite:
            # Delivered to every listening terminal when (and only if) this transaction commits.
            conn.execute(
                sql_text("SELECT pg_notify(:channel, :seq)"),
                {"channel": CHANGES_CHANNEL, "seq": str(record["seq"])},
            )

    @staticmethod
    def _head(conn: Connection) -> Any:
        """The chain head row; without it nothing can be appended (and verify says so)."""
        head = conn.execute(
            select(t.chain_head.c.seq, t.chain_head.c.hash).where(t.chain_head.c.id == 1)
        ).one_or_none()
        if head is None:
            raise StoreError(
                Problem(
                    said("store.chain_head_missing_write"),
                    key="audit",
                    code="audit-chain",
                )
            )
        return head

    # ------------------------------------------------------------------ statuses

    def _status(
        self, conn: Connection, set_id: str, region: str, period: str, stage: str = DEFAULT_STAGE
    ) -> str:
        row = conn.execute(
            select(t.statuses.c.status).where(
                t.statuses.c.set_id == set_id,
                t.statuses.c.stage == stage,
                t.statuses.c.region == region,
                t.statuses.c.period == period,
            )
        ).scalar()
        return str(row) if row else "draft"

    def status(self, set_id: str, region: str, period: str, *, stage: str = DEFAULT_STAGE) -> str:
        with self.engine.connect() as conn:
            return self._status(conn, set_id, region, period, stage)

    def statuses(self, set_id: str, period: str, *, stage: str = DEFAULT_STAGE) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.statuses.c.region, t.statuses.c.status).where(
                    t.statuses.c.set_id == set_id,
                    t.statuses.c.stage == stage,
                    t.statuses.c.period == period,
                )
            )
            return {r.region: r.status for r in rows}

    def set_status(
        self,
        set_id: str,
        region: str,
        period: str,
        status: str,
        *,
        who: str,
        reason: str | None = None,
        stage: str = DEFAULT_STAGE,
        evidence_required: Iterable[str] = (),
    ) -> str:
        """Move a region's assessment (in one stage) along draft → submitted → reviewed → final.

        Going back, and reopening a final assessment, needs a reason (it goes in the audit log).
        Moving forward is refused, naming the indicators, while a leaf of `evidence_required`
        lacks usable evidence in this stage (`review.evidence_gaps`: none, or only 不足/无效
        items; to finalise, an item judged 有效).
        """
        if status not in STATUSES:
            raise StoreError(
                Problem(
                    said("store.status_unknown", status=repr(status), allowed=listed(STATUSES)),
                    key="status",
                )
            )
        with self._write() as conn:
            old = self._status(conn, set_id, region, period, stage)
            if old == status:
                return old
            backwards = STATUSES.index(status) < STATUSES.index(old)
            required = list(evidence_required)
            if not backwards and required:
                from assessor.store.review import evidence_gaps, gaps_problem

                gaps = evidence_gaps(
                    conn, set_id, stage, region, period, required, final=status == "final"
                )
                if gaps:
                    raise StoreError(gaps_problem(region, period, status, gaps))
            if backwards and not reason:
                what = (
                    said("store.reopening_final")
                    if old == "final"
                    else said(
                        "store.going_back",
                        old=said(f"workflow.{old}"),
                        new=said(f"workflow.{status}"),
                    )
                )
                raise StoreError(
                    Problem(
                        said("store.needs_reason", region=region, period=period, what=what),
                        key=region,
                    )
                )
            stamp = now()
            values = {"status": status, "updated_at": stamp, "updated_by": who}
            updated = conn.execute(
                t.statuses.update()
                .where(
                    t.statuses.c.set_id == set_id,
                    t.statuses.c.stage == stage,
                    t.statuses.c.region == region,
                    t.statuses.c.period == period,
                )
                .values(**values)
            )
            if updated.rowcount == 0:
                conn.execute(
                    t.statuses.insert().values(
                        set_id=set_id, stage=stage, region=region, period=period, **values
                    )
                )
            self._append(
                conn, who=who, action="status", set_id=set_id, region=region, period=period,
                stage=stage, old=old, new=status, reason=reason, at=stamp,
            )  # fmt: skip
            return old

    # ------------------------------------------------------------------ entries

    def _row(self, conn: Connection, key: EntryKey) -> Any:
        return conn.execute(
            select(t.entries).where(
                t.entries.c.set_id == key.set_id,
                t.entries.c.stage == key.stage,
                t.entries.c.region == key.region,
                t.entries.c.period == key.period,
                t.entries.c.evaluator == key.evaluator,
                t.entries.c.leaf == key.leaf,
            )
        ).one_or_none()

    @staticmethod
    def _payload(row: Any) -> dict[str, Any]:
        return {
            "value": loads(row.value),
            "inputs": loads(row.inputs),
            "na": bool(row.na),
            "comment": row.comment,
            "evidence": loads(row.evidence) or [],
            "carried_over": bool(row.carried_over),
        }

    def _check_writable(self, conn: Connection, key: EntryKey) -> None:
        if self._status(conn, key.set_id, key.region, key.period, key.stage) == "final":
            where = "" if key.stage == DEFAULT_STAGE else said("store.in_stage", stage=key.stage)
            opt = "" if key.stage == DEFAULT_STAGE else f" --stage {key.stage}"
            raise FinalError(
                Problem(
                    said(
                        "store.final_read_only",
                        region=key.region,
                        period=key.period,
                        where=where,
                        opt=opt,
                        leaf=key.leaf,
                    ),
                    key=key.label(),
                )
            )

    def _put(
        self,
        conn: Connection,
        key: EntryKey,
        entry: Entry,
        *,
        who: str,
        expected_version: int | None,
        reason: str | None,
        action: str = "set",
    ) -> int:
        gate([(key, entry)], who)
        self._check_writable(conn, key)
        row = self._row(conn, key)
        current = row.version if row is not None else 0
        if expected_version is not None and expected_version != current:
            raise ConflictError(key.label(), expected_version, current, row.updated_by if row else None,
                                self._payload(row) if row else None)  # fmt: skip
        new = entry_payload(entry)
        values = {
            "value": dumps(new["value"]),
            "inputs": None if new["inputs"] is None else dumps(new["inputs"]),
            "na": entry.na,
            "comment": entry.comment,
            "evidence": dumps(new["evidence"]),
            "carried_over": entry.carried_over,
            "version": current + 1,
            "updated_at": (stamp := now()),
            "updated_by": who,
        }
        if row is None:
            conn.execute(t.entries.insert().values(set_id=key.set_id, stage=key.stage, region=key.region, period=key.period,
                                                   evaluator=key.evaluator, leaf=key.leaf, **values))  # fmt: skip
            old = None
        else:
            old = self._payload(row)
            if old == new:
                return current  # nothing changed: no new version, no audit record
            conn.execute(t.entries.update().where(t.entries.c.id == row.id).values(**values))
        self._append(
            conn, who=who, action=action, key=key, old=old, new=new, reason=reason, at=stamp
        )
        return current + 1

    def set_entry(
        self,
        key: EntryKey,
        entry: Entry,
        *,
        who: str | None = None,
        expected_version: int | None = None,
        reason: str | None = None,
    ) -> int:
        """Store one entry; returns its new version. Refuses stale versions and final assessments."""
        with self._write() as conn:
            return self._put(conn, key, entry, who=who or key.evaluator,
                             expected_version=expected_version, reason=reason)  # fmt: skip

    def clear_entry(
        self,
        key: EntryKey,
        *,
        who: str | None = None,
        expected_version: int | None = None,
        reason: str | None = None,
    ) -> None:
        with self._write() as conn:
            self._check_writable(conn, key)
            row = self._row(conn, key)
            if row is None:
                return
            if expected_version is not None and expected_version != row.version:
                raise ConflictError(
                    key.label(), expected_version, row.version, row.updated_by, self._payload(row)
                )
            conn.execute(t.entries.delete().where(t.entries.c.id == row.id))
            self._append(conn, who=who or key.evaluator, action="clear", key=key,
                         old=self._payload(row), reason=reason)  # fmt: skip

    def import_entries(
        self, rows: Iterable[tuple[EntryKey, Entry]], *, who: str, reason: str | None = None
    ) -> int:
        """Store many entries in ONE transaction: all of them, or (on any error) none."""
        with self._write() as conn:
            return self._put_many(conn, list(rows), who=who, reason=reason, action="import")

    def _put_many(
        self,
        conn: Connection,
        rows: list[tuple[EntryKey, Entry]],
        *,
        who: str,
        reason: str | None,
        action: str,
    ) -> int:
        """Many writes with a handful of statements: existing rows and statuses are read once,
        new rows and audit records are inserted in bulk, and the chain head is moved once."""
        if not rows:
            return 0
        gate(rows, who)
        scopes = {(k.set_id, k.stage, k.period) for k, _ in rows}
        finals: set[tuple[str, str, str, str]] = set()
        existing: dict[tuple[str, ...], Any] = {}
        for set_id, stage, period in scopes:
            for r in conn.execute(
                select(t.statuses.c.region).where(
                    t.statuses.c.set_id == set_id,
                    t.statuses.c.stage == stage,
                    t.statuses.c.period == period,
                    t.statuses.c.status == "final",
                )
            ):
                finals.add((set_id, stage, r.region, period))
            for r in conn.execute(
                select(t.entries).where(
                    t.entries.c.set_id == set_id,
                    t.entries.c.stage == stage,
                    t.entries.c.period == period,
                )
            ):
                existing[(r.set_id, r.region, r.period, r.evaluator, r.leaf, r.stage)] = r
        for key, _ in rows:
            if (key.set_id, key.stage, key.region, key.period) in finals:
                self._check_writable(conn, key)  # raises FinalError with the usual message
        head = self._head(conn)
        seq, prev = head.seq, head.hash
        stamp = now()
        inserts: list[dict[str, Any]] = []
        records: list[dict[str, Any]] = []
        written: dict[tuple[str, ...], dict[str, Any]] = {}
        for key, entry in rows:
            k = (key.set_id, key.region, key.period, key.evaluator, key.leaf, key.stage)
            new = entry_payload(entry)
            row = existing.get(k)
            old = written.get(k) or (self._payload(row) if row is not None else None)
            if old == new:
                continue
            values = {
                "value": dumps(new["value"]),
                "inputs": None if new["inputs"] is None else dumps(new["inputs"]),
                "na": entry.na,
                "comment": entry.comment,
                "evidence": dumps(new["evidence"]),
                "carried_over": entry.carried_over,
                "updated_at": stamp,
                "updated_by": who,
            }
            if row is None and k not in written:
                inserts.append({"set_id": key.set_id, "stage": key.stage, "region": key.region, "period": key.period,
                                "evaluator": key.evaluator, "leaf": key.leaf, "version": 1, **values})  # fmt: skip
            elif row is None:
                match = next(
                    x
                    for x in inserts
                    if (
                        x["set_id"],
                        x["region"],
                        x["period"],
                        x["evaluator"],
                        x["leaf"],
                        x["stage"],
                    )
                    == k
                )
                match.update(values, version=match["version"] + 1)
            else:
                conn.execute(
                    t.entries.update()
                    .where(t.entries.c.id == row.id)
                    .values(**values, version=t.entries.c.version + 1)
                )
            written[k] = new
            seq += 1
            record = {
                "seq": seq, "at": stamp, "who": who, "action": action, "set_id": key.set_id,
                "stage": key.stage, "region": key.region, "period": key.period, "evaluator": key.evaluator, "leaf": key.leaf,
                "old": None if old is None else dumps(old), "new": dumps(new), "reason": reason,
            }  # fmt: skip
            h = record_hash(prev, record)
            records.append({**record, "prev_hash": prev, "hash": h})
            prev = h
        if inserts:
            conn.execute(t.entries.insert(), inserts)
        if records:
            conn.execute(t.audit.insert(), records)
            conn.execute(
                t.chain_head.update().where(t.chain_head.c.id == 1).values(seq=seq, hash=prev)
            )
        return len(records)

    def get_entry(self, key: EntryKey) -> StoredEntry | None:
        with self.engine.connect() as conn:
            row = self._row(conn, key)
            return None if row is None else self._stored(row)

    def _stored(self, row: Any) -> StoredEntry:
        return StoredEntry(
            row.set_id, row.region, row.period, row.evaluator, row.leaf,
            entry_from_payload(self._payload(row), row.evaluator), row.version, row.updated_at, row.updated_by,
            row.stage,
        )  # fmt: skip

    def entries(
        self,
        set_id: str,
        period: str | None = None,
        region: str | None = None,
        *,
        stage: str = DEFAULT_STAGE,
    ) -> list[StoredEntry]:
        q = select(t.entries).where(t.entries.c.set_id == set_id, t.entries.c.stage == stage)
        if period is not None:
            q = q.where(t.entries.c.period == period)
        if region is not None:
            q = q.where(t.entries.c.region == region)
        with self.engine.connect() as conn:
            return [self._stored(r) for r in conn.execute(q.order_by(t.entries.c.id))]

    def periods(self, set_id: str, *, stage: str | None = None) -> list[str]:
        """Periods with entries (in `stage`, or in any stage)."""
        from assessor.model.periods import period_sort_key

        q = select(t.entries.c.period).where(t.entries.c.set_id == set_id)
        if stage is not None:
            q = q.where(t.entries.c.stage == stage)
        with self.engine.connect() as conn:
            found = conn.execute(q.distinct()).scalars()
            return sorted(found, key=period_sort_key)

    def stages_with_entries(self, set_id: str, period: str | None = None) -> set[str]:
        """The stages holding entries (in `period`, or in any)."""
        q = select(t.entries.c.stage).where(t.entries.c.set_id == set_id)
        if period is not None:
            q = q.where(t.entries.c.period == period)
        with self.engine.connect() as conn:
            return set(conn.execute(q.distinct()).scalars())

    def assessment(
        self,
        set_id: str,
        period: str,
        regions: dict[str, Region],
        *,
        stage: str = DEFAULT_STAGE,
    ) -> Assessment:
        """What the engine scores: every region of the campaign, with its stored entries in one
        stage."""
        found: dict[str, Region] = dict(regions)
        entries: dict[str, dict[str, list[Entry]]] = {}
        q = (
            select(t.entries)
            .where(
                t.entries.c.set_id == set_id,
                t.entries.c.stage == stage,
                t.entries.c.period == period,
            )
            .order_by(t.entries.c.id)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                if row.region not in found:  # entries of a region since removed from the list
                    found[row.region] = Region(id=row.region)
                entry = entry_from_payload(self._payload(row), row.evaluator)
                entries.setdefault(row.region, {}).setdefault(row.leaf, []).append(entry)
        # Built directly (the entries are already validated models): Assessment.add per entry
        # cost a third of reading a 15,000-entry campaign.
        return Assessment.model_construct(period=period, regions=found, entries=entries)

    def assessments(
        self, set_id: str, regions: dict[str, Region], *, stage: str = DEFAULT_STAGE
    ) -> list[Assessment]:
        return [
            self.assessment(set_id, p, regions, stage=stage)
            for p in self.periods(set_id, stage=stage)
        ]

    # ------------------------------------------------------------------ periods

    def new_period(
        self, set_id: str, period: str, from_period: str, *, who: str, stage: str = DEFAULT_STAGE
    ) -> int:
        """Start `period` from `from_period`'s entries (of one stage), as drafts marked carried
        over."""
        in_stage = (t.entries.c.set_id == set_id, t.entries.c.stage == stage)
        with self._write() as conn:
            existing = conn.execute(
                select(t.entries.c.id).where(*in_stage, t.entries.c.period == period).limit(1)
            ).first()
            if existing is not None:
                raise StoreError(
                    Problem(said("store.period_has_entries", period=period), key=period)
                )
            reason = f"carried over from {from_period}"
            status_scope = (
                t.statuses.c.set_id == set_id,
                t.statuses.c.stage == stage,
                t.statuses.c.period == period,
            )
            for st in conn.execute(
                select(t.statuses).where(*status_scope)
            ).all():  # statuses start again at draft (audited, since they were set)
                self._append(conn, who=who, action="status", set_id=set_id, region=st.region,
                             period=period, stage=stage, old=st.status, new="draft", reason=reason)  # fmt: skip
            conn.execute(t.statuses.delete().where(*status_scope))
            rows = conn.execute(
                select(t.entries)
                .where(*in_stage, t.entries.c.period == from_period)
                .order_by(t.entries.c.id)
            ).all()
            carried = [
                (
                    EntryKey(set_id, row.region, period, row.evaluator, row.leaf, stage),
                    entry_from_payload(self._payload(row), row.evaluator).model_copy(
                        update={"carried_over": True}
                    ),
                )
                for row in rows
            ]
            self._put_many(conn, carried, who=who, reason=reason, action="carry")  # fmt: skip
            for ev in conn.execute(
                select(t.evidence)
                .where(
                    t.evidence.c.set_id == set_id,
                    t.evidence.c.stage == stage,
                    t.evidence.c.period == from_period,
                )
                .order_by(t.evidence.c.id)
            ).all():
                key = EntryKey(set_id, ev.region, period, ev.evaluator, ev.leaf, stage)
                self._insert_evidence(conn, key, path=ev.path, url=ev.url, sha256=ev.sha256,
                                      note=ev.note, who=who)  # fmt: skip
            return len(rows)

    # ------------------------------------------------------------------ evidence

    def add_evidence(
        self,
        key: EntryKey,
        *,
        path: str | None = None,
        url: str | None = None,
        sha256: str | None = None,
        note: str | None = None,
        who: str | None = None,
    ) -> int:
        """Attach a file or a URL; the evaluator's entry, when there is one, lists it too (so
        results and reports carry it). One transaction, one audit record: the record's `new`
        holds the entry as it now is under "entry", which the replay applies."""
        if (path is None) == (url is None):
            raise StoreError(Problem(said("store.evidence_path_or_url"), key=key.label()))
        who = who or key.evaluator
        item = path if path is not None else url
        with self._write() as conn:
            self._check_writable(conn, key)
            row, stamp = self._row(conn, key), now()
            new: dict[str, Any] = {"path": path, "url": url, "sha256": sha256, "note": note}
            if row is not None and item not in (old := self._payload(row))["evidence"]:
                entry = entry_from_payload(old, key.evaluator)
                entry = entry.model_copy(update={"evidence": (*entry.evidence, item)})
                gate([(key, entry)], who)
                new["entry"] = entry_payload(entry)
                conn.execute(t.entries.update().where(t.entries.c.id == row.id).values(
                    evidence=dumps(new["entry"]["evidence"]), version=row.version + 1,
                    updated_at=stamp, updated_by=who))  # fmt: skip
            return self._insert_evidence(
                conn, key, path=path, url=url, sha256=sha256, note=note, who=who,
                at=stamp, record=new,
            )  # fmt: skip

    def _insert_evidence(
        self,
        conn: Connection,
        key: EntryKey,
        *,
        path: str | None,
        url: str | None,
        sha256: str | None,
        note: str | None,
        who: str,
        at: str | None = None,
        record: dict[str, Any] | None = None,
    ) -> int:
        """Insert one evidence row and its one audit record (`record` defaults to the item)."""
        stamp = at or now()
        res = conn.execute(
            t.evidence.insert().values(
                set_id=key.set_id, stage=key.stage, region=key.region, period=key.period, leaf=key.leaf,
                evaluator=key.evaluator, path=path, url=url, sha256=sha256, note=note,
                added_at=stamp, added_by=who,
            )
        )  # fmt: skip
        new = (
            record
            if record is not None
            else {"path": path, "url": url, "sha256": sha256, "note": note}
        )
        self._append(conn, who=who, action="evidence", key=key, new=new, at=stamp)
        pk = res.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def evidence(
        self,
        set_id: str,
        region: str,
        period: str,
        leaf: str | None = None,
        *,
        stage: str = DEFAULT_STAGE,
    ) -> list[dict[str, Any]]:
        q = select(t.evidence).where(
            t.evidence.c.set_id == set_id,
            t.evidence.c.stage == stage,
            t.evidence.c.region == region,
            t.evidence.c.period == period,
        )
        if leaf is not None:
            q = q.where(t.evidence.c.leaf == leaf)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q.order_by(t.evidence.c.id))]

    # ------------------------------------------------------------------ audit

    def audit_log(
        self,
        *,
        region: str | None = None,
        leaf: str | None = None,
        limit: int | None = None,
        period: str | None = None,
        stage: str | None = None,
    ) -> list[AuditRecord]:
        """Audit records, oldest first (with `limit`, the last `limit` of them). `stage` keeps
        one stage's records (those written before stages existed count as `expert`)."""
        q = select(t.audit)
        if stage is not None:
            q = q.where(
                t.audit.c.stage == stage
                if stage != DEFAULT_STAGE
                else ((t.audit.c.stage == stage) | t.audit.c.stage.is_(None))
            )
        if region is not None:
            q = q.where(t.audit.c.region == region)
        if leaf is not None:
            q = q.where(t.audit.c.leaf == leaf)
        if period is not None:
            q = q.where(t.audit.c.period == period)
        q = q.order_by(t.audit.c.seq.desc() if limit else t.audit.c.seq)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = list(conn.execute(q))
        if limit:
            rows.reverse()
        return [
            AuditRecord(
                r.seq,
                r.at,
                r.who,
                r.action,
                r.set_id,
                r.region,
                r.period,
                r.evaluator,
                r.leaf,
                loads(r.old),
                loads(r.new),
                r.reason,
                r.stage or (DEFAULT_STAGE if r.set_id is not None else None),
            )
            for r in rows
        ]

    def chain_head(self) -> tuple[int, str]:
        """(last record's number, its hash): write it down (a report, minutes) and a later
        `audit verify --anchor HASH` proves that nothing up to that record was rewritten."""
        with self.engine.connect() as conn:
            row = self._head(conn)
        return int(row.seq), str(row.hash)

    def writers_since(self, seq: int) -> set[str]:
        """Who wrote after audit record `seq`: a terminal re-reads only for other people's work."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.audit.c.who).where(t.audit.c.seq > seq).distinct())
            return {str(r.who) for r in rows}

    def record_with_hash(self, digest: str) -> int | None:
        """The number of the audit record whose hash is `digest`, if the log holds one."""
        with self.engine.connect() as conn:
            seq = conn.execute(select(t.audit.c.seq).where(t.audit.c.hash == digest)).scalar()
        return None if seq is None else int(seq)

    def verify_audit(self) -> list[Problem]:
        """Every break in the hash chain, and every difference between replaying it and the
        tables it describes: entries (values and their version, updated_by, updated_at),
        statuses (with who and when) and evidence rows."""
        from assessor.store.replay import compare_tables

        with self.engine.connect() as conn:
            records = [
                dict(r._mapping) for r in conn.execute(select(t.audit).order_by(t.audit.c.seq))
            ]
            head_row = conn.execute(
                select(t.chain_head.c.seq, t.chain_head.c.hash).where(t.chain_head.c.id == 1)
            ).one_or_none()
            entries = [dict(r._mapping) for r in conn.execute(select(t.entries))]
            statuses = [dict(r._mapping) for r in conn.execute(select(t.statuses))]
            evidence = [dict(r._mapping) for r in conn.execute(select(t.evidence))]
            verdicts = [dict(r._mapping) for r in conn.execute(select(t.verdicts))]
            site_checks = [dict(r._mapping) for r in conn.execute(select(t.site_checks))]
        problems: list[Problem] = []
        if head_row is None:
            problems.append(
                Problem(
                    said("store.chain_head_missing"),
                    key="audit",
                    code="audit-chain",
                )
            )
            last = records[-1] if records else None
            head = (int(last["seq"]), str(last["hash"])) if last else (0, GENESIS)
        else:
            head = (head_row.seq, head_row.hash) if head_row.seq else (0, GENESIS)
        problems += [
            Problem(m, key="audit", code="audit-chain") for m in verify_chain(records, head)
        ]
        problems += [
            Problem(m, key="audit", code="audit-replay")
            for m in compare_tables(records, entries, statuses, evidence, verdicts, site_checks)
        ]
        return problems

    def _all_entries(self) -> list[StoredEntry]:
        with self.engine.connect() as conn:
            return [
                self._stored(r) for r in conn.execute(select(t.entries).order_by(t.entries.c.id))
            ]

    @staticmethod
    def _replay(records: list[dict[str, Any]], stage: str) -> dict[tuple[str, ...], Any]:
        """The entries of one stage the audit log describes, applying each record in order."""
        state: dict[tuple[str, ...], Any] = {}
        for r in records:
            if (r.get("stage") or DEFAULT_STAGE) != stage:
                continue
            added = loads(r["new"]) if r["action"] == "evidence" else None
            if isinstance(added, dict) and "entry" in added:  # the entry lists the evidence
                key = (r["set_id"], r["region"], r["period"], r["evaluator"], r["leaf"])
                state[key] = added["entry"]
            if r["action"] in ("set", "import", "carry", "clear"):
                key = (r["set_id"], r["region"], r["period"], r["evaluator"], r["leaf"])
                if r["action"] == "clear":
                    state.pop(key, None)
                else:
                    state[key] = loads(r["new"])
        return state

    def replay(self, stage: str = DEFAULT_STAGE) -> dict[tuple[str, ...], Entry]:
        """One stage's entries as the audit log describes them, keyed (set, region, period,
        evaluator, leaf)."""
        with self.engine.connect() as conn:
            records = [
                dict(r._mapping) for r in conn.execute(select(t.audit).order_by(t.audit.c.seq))
            ]
        return {k: entry_from_payload(v, k[3]) for k, v in self._replay(records, stage).items()}
