"""The database schema as typed SQLAlchemy 2 ORM classes (`Mapped[...]`).

Migrations in migrations/ create and change these tables; a test checks that the migrated
schema and these classes agree. The store reads and writes single rows and bulk batches through
the classes' tables (`EntryRow.__table__` …), so the module-level names `entries`, `statuses`,
`evidence`, `audit` and `chain_head` are those tables.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Index, MetaData, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class Base(DeclarativeBase):
    metadata = metadata


class EntryRow(Base):
    """One evaluator's raw entry for one leaf of one region and period. `version` grows on each
    write so that a stale write is detected instead of silently overwriting (optimistic locking).
    """

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("set_id", "region", "period", "evaluator", "leaf", name="uq_entries_key"),
        Index("ix_entries_period", "set_id", "period", "region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(10))
    evaluator: Mapped[str] = mapped_column(String(100))
    leaf: Mapped[str] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(Text)  # JSON, Decimals tagged: they come back exact
    inputs: Mapped[str | None] = mapped_column(Text)  # JSON
    na: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)  # JSON list of relative paths or URLs
    carried_over: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int]
    updated_at: Mapped[str] = mapped_column(String(40))
    updated_by: Mapped[str] = mapped_column(String(100))


class StatusRow(Base):
    """Workflow state of a region's assessment in a period: draft → submitted → reviewed → final.
    No row means draft."""

    __tablename__ = "statuses"

    set_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    region: Mapped[str] = mapped_column(String(50), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[str] = mapped_column(String(40))
    updated_by: Mapped[str] = mapped_column(String(100))


class EvidenceRow(Base):
    """Supporting material: a file inside the workspace (with its sha256) or a URL."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(10))
    leaf: Mapped[str] = mapped_column(String(100))
    evaluator: Mapped[str] = mapped_column(String(100))
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[str] = mapped_column(String(40))
    added_by: Mapped[str] = mapped_column(String(100))


class AuditRow(Base):
    """Append-only, hash-chained log of every change: each record's hash covers the previous
    hash and the record's canonical JSON (see audit.py)."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_region_leaf", "region", "leaf"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    who: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    set_id: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(50))
    period: Mapped[str | None] = mapped_column(String(10))
    evaluator: Mapped[str | None] = mapped_column(String(100))
    leaf: Mapped[str | None] = mapped_column(String(100))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ChainHeadRow(Base):
    """The chain's head (one row, id 1): writers lock it, so the chain stays linear with many
    clients, and deleting the last records is detected because the head still names them."""

    __tablename__ = "chain_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))


class TaskProgressRow(Base):
    """What a unit reported on one task as of a date (percent, milestones reached, or done);
    the status against the schedule is computed by `assessor.scoring.tasks`, never stored."""

    __tablename__ = "task_progress"
    __table_args__ = (
        UniqueConstraint("campaign", "unit", "task", "as_of", name="uq_task_progress_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(50))
    task: Mapped[str] = mapped_column(String(100))
    as_of: Mapped[str] = mapped_column(String(10))  # ISO date
    percent: Mapped[str | None] = mapped_column(String(20))  # Decimal as text: exact
    reached: Mapped[str | None] = mapped_column(Text)  # JSON list of milestone names
    done: Mapped[bool] = mapped_column(default=False)
    done_on: Mapped[str | None] = mapped_column(String(10))
    comment: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int]
    updated_at: Mapped[str] = mapped_column(String(40))
    updated_by: Mapped[str] = mapped_column(String(100))


entries = cast(Table, EntryRow.__table__)
statuses = cast(Table, StatusRow.__table__)
evidence = cast(Table, EvidenceRow.__table__)
audit = cast(Table, AuditRow.__table__)
chain_head = cast(Table, ChainHeadRow.__table__)
task_progress = cast(Table, TaskProgressRow.__table__)
