"""The database schema as typed SQLAlchemy 2 ORM classes (`Mapped[...]`).

Migrations in migrations/ create and change these tables; a test checks that the migrated
schema and these classes agree. The store reads and writes single rows and bulk batches through
the classes' tables (`EntryRow.__table__` …), so the module-level names `entries`, `statuses`,
`evidence`, `verdicts`, `site_checks`, `audit` and `chain_head` are those tables.

Every assessment row carries its `stage` (自评 `self`, 复核 `review`, 评审 `expert` …, the keys of
workspace.yaml's `stages`); a workspace without stages has the one stage `expert`, which is also
what rows written before stages existed were migrated to (migration 0004).
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Index, MetaData, String, Table, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)


#: The stage of a workspace without `stages`, and of every row written before stages existed.
DEFAULT_STAGE = "expert"


class Base(DeclarativeBase):
    metadata = metadata


def _stage_column() -> Mapped[str]:
    return mapped_column(String(20), server_default=text(f"'{DEFAULT_STAGE}'"))


class EntryRow(Base):
    """One evaluator's raw entry for one leaf of one region and period. `version` grows on each
    write so that a stale write is detected instead of silently overwriting (optimistic locking).
    """

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint(
            "set_id", "stage", "region", "period", "evaluator", "leaf", name="uq_entries_key"
        ),
        Index("ix_entries_period", "set_id", "period", "region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(100))
    stage: Mapped[str] = _stage_column()
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
    """Workflow state of a region's assessment in a period and stage: draft → submitted →
    reviewed → final. No row means draft."""

    __tablename__ = "statuses"

    set_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    stage: Mapped[str] = mapped_column(
        String(20), primary_key=True, server_default=text(f"'{DEFAULT_STAGE}'")
    )
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
    stage: Mapped[str] = _stage_column()
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


class VerdictRow(Base):
    """A reviewer's verdict on one evidence item (a path or URL) of one indicator in one stage:
    有效 / 不足 / 无效, with why. The latest verdict stands; earlier ones are in the audit log."""

    __tablename__ = "evidence_verdicts"
    __table_args__ = (
        UniqueConstraint(
            "set_id", "stage", "region", "period", "leaf", "item", name="uq_evidence_verdicts_key"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(100))
    stage: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(10))
    leaf: Mapped[str] = mapped_column(String(100))
    item: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text)
    judged_at: Mapped[str] = mapped_column(String(40))
    judged_by: Mapped[str] = mapped_column(String(100))


class SiteCheckRow(Base):
    """A 现场核查 (on-site check) of one unit in one stage and period: when, who, what was found."""

    __tablename__ = "site_checks"
    __table_args__ = (
        UniqueConstraint("set_id", "stage", "region", "period", name="uq_site_checks_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(100))
    stage: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(10))
    checked_on: Mapped[str] = mapped_column(String(10))  # ISO date
    checkers: Mapped[str] = mapped_column(Text)  # JSON list of names
    findings: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))
    updated_by: Mapped[str] = mapped_column(String(100))


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
    stage: Mapped[str | None] = mapped_column(String(20))  # None: no stage (not an assessment's)
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
verdicts = cast(Table, VerdictRow.__table__)
site_checks = cast(Table, SiteCheckRow.__table__)
audit = cast(Table, AuditRow.__table__)
chain_head = cast(Table, ChainHeadRow.__table__)
task_progress = cast(Table, TaskProgressRow.__table__)
