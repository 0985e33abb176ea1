"""The database schema as SQLAlchemy Core tables.

Migrations in migrations/ create and change these tables; a test checks that the migrated
schema and these definitions agree. The store reads and writes single rows and bulk batches
through the module-level tables `entries`, `statuses`, `evidence`, `audit`, `chain_head` and
`task_progress`, plus `verdicts` and `site_checks`. Core, not ORM classes: the store never maps
rows to objects, and importing `sqlalchemy.orm` would add about a third to the start-up of every
workspace command.

Every assessment row carries its `stage` (自评 `self`, 复核 `review`, 评审 `expert` …, the keys of
workspace.yaml's `stages`); a workspace without stages has the one stage `expert`, which is also
what rows written before stages existed were migrated to (migration 0004).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from assessor.store.schema import DEFAULT_STAGE as DEFAULT_STAGE  # re-exported: the stage column's

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _stage_column(*, primary_key: bool = False) -> Column[str]:
    return Column(
        "stage",
        String(20),
        primary_key=primary_key,
        nullable=False,
        server_default=text(f"'{DEFAULT_STAGE}'"),
    )


# One evaluator's raw entry for one leaf of one region and period. `version` grows on each
# write so that a stale write is detected instead of silently overwriting (optimistic locking).
entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("set_id", String(100), nullable=False),
    _stage_column(),
    Column("region", String(50), nullable=False),
    Column("period", String(10), nullable=False),
    Column("evaluator", String(100), nullable=False),
    Column("leaf", String(100), nullable=False),
    Column("value", Text),  # JSON, Decimals tagged: they come back exact
    Column("inputs", Text),  # JSON
    Column("na", Boolean, nullable=False, default=False),
    Column("comment", Text),
    Column("evidence", Text),  # JSON list of relative paths or URLs
    Column("carried_over", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(100), nullable=False),
    UniqueConstraint(
        "set_id", "stage", "region", "period", "evaluator", "leaf", name="uq_entries_key"
    ),
    Index("ix_entries_period", "set_id", "period", "region"),
)


# Workflow state of a region's assessment in a period and stage: draft → submitted → reviewed →
# final. No row means draft.
statuses = Table(
    "statuses",
    metadata,
    Column("set_id", String(100), primary_key=True),
    _stage_column(primary_key=True),
    Column("region", String(50), primary_key=True),
    Column("period", String(10), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(100), nullable=False),
)


# Supporting material: a file inside the workspace (with its sha256) or a URL.
evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("set_id", String(100), nullable=False),
    _stage_column(),
    Column("region", String(50), nullable=False),
    Column("period", String(10), nullable=False),
    Column("leaf", String(100), nullable=False),
    Column("evaluator", String(100), nullable=False),
    Column("path", Text),
    Column("url", Text),
    Column("sha256", String(64)),
    Column("note", Text),
    Column("added_at", String(40), nullable=False),
    Column("added_by", String(100), nullable=False),
)


# A reviewer's verdict on one evidence item (a path or URL) of one indicator in one stage:
# 有效 / 不足 / 无效, with why. The latest verdict stands; earlier ones are in the audit log.
verdicts = Table(
    "evidence_verdicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("set_id", String(100), nullable=False),
    Column("stage", String(20), nullable=False),
    Column("region", String(50), nullable=False),
    Column("period", String(10), nullable=False),
    Column("leaf", String(100), nullable=False),
    Column("item", Text, nullable=False),
    Column("verdict", String(10), nullable=False),
    Column("reason", Text),
    Column("judged_at", String(40), nullable=False),
    Column("judged_by", String(100), nullable=False),
    UniqueConstraint(
        "set_id", "stage", "region", "period", "leaf", "item", name="uq_evidence_verdicts_key"
    ),
)


# A 现场核查 (on-site check) of one unit in one stage and period: when, who, what was found.
site_checks = Table(
    "site_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("set_id", String(100), nullable=False),
    Column("stage", String(20), nullable=False),
    Column("region", String(50), nullable=False),
    Column("period", String(10), nullable=False),
    Column("checked_on", String(10), nullable=False),  # ISO date
    Column("checkers", Text, nullable=False),  # JSON list of names
    Column("findings", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(100), nullable=False),
    UniqueConstraint("set_id", "stage", "region", "period", name="uq_site_checks_key"),
)


# Append-only, hash-chained log of every change: each record's hash covers the previous
# hash and the record's canonical JSON (see audit.py).
audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("who", String(100), nullable=False),
    Column("action", String(20), nullable=False),
    Column("set_id", String(100)),
    Column("stage", String(20)),  # None: no stage (not an assessment's)
    Column("region", String(50)),
    Column("period", String(10)),
    Column("evaluator", String(100)),
    Column("leaf", String(100)),
    Column("old", Text),
    Column("new", Text),
    Column("reason", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_region_leaf", "region", "leaf"),
)


# The chain's head (one row, id 1): writers lock it, so the chain stays linear with many
# clients, and deleting the last records is detected because the head still names them.
chain_head = Table(
    "chain_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)


# What a unit reported on one task as of a date (percent, milestones reached, or done);
# the status against the schedule is computed by `assessor.scoring.tasks`, never stored.
task_progress = Table(
    "task_progress",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign", String(100), nullable=False),
    Column("unit", String(50), nullable=False),
    Column("task", String(100), nullable=False),
    Column("as_of", String(10), nullable=False),  # ISO date
    Column("percent", String(20)),  # Decimal as text: exact
    Column("reached", Text),  # JSON list of milestone names
    Column("done", Boolean, nullable=False, default=False),
    Column("done_on", String(10)),
    Column("comment", Text),
    Column("version", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(100), nullable=False),
    UniqueConstraint("campaign", "unit", "task", "as_of", name="uq_task_progress_key"),
)
