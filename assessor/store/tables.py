"""The database tables (SQLAlchemy Core). Migrations in migrations/ create and change them."""

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
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: One evaluator's raw entry for one leaf of one region and period. `version` grows on each
#: write so that a stale write is detected instead of silently overwriting (optimistic locking).
entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("set_id", String(100), nullable=False),
    Column("region", String(50), nullable=False),
    Column("period", String(10), nullable=False),
    Column("evaluator", String(100), nullable=False),
    Column("leaf", String(100), nullable=False),
    Column("value", Text),  # JSON, Decimals tagged so they come back exact
    Column("inputs", Text),  # JSON
    Column("na", Boolean, nullable=False, default=False),
    Column("comment", Text),
    Column("evidence", Text),  # JSON list of workspace-relative paths or URLs
    Column("carried_over", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(100), nullable=False),
    UniqueConstraint("set_id", "region", "period", "evaluator", "leaf", name="uq_entries_key"),
)

#: Workflow state of a region's assessment in a period: draft → submitted → reviewed → final.
statuses = Table(
    "statuses",
    metadata,
    Column("set_id", String(100), primary_key=True),
    Column("region", String(50), primary_key=True),
    Column("period", String(10), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(100), nullable=False),
)

#: Supporting material: a file inside the workspace (with its sha256) or a URL.
evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("set_id", String(100), nullable=False),
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

#: Append-only, hash-chained log of every change: each record's hash covers the previous hash.
audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("who", String(100), nullable=False),
    Column("action", String(20), nullable=False),
    Column("set_id", String(100)),
    Column("region", String(50)),
    Column("period", String(10)),
    Column("evaluator", String(100)),
    Column("leaf", String(100)),
    Column("old", Text),
    Column("new", Text),
    Column("reason", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

#: The chain's head (one row): writers lock it, so the chain stays linear with many clients,
#: and deleting the last records is detected because the head still names them.
chain_head = Table(
    "chain_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

Index("ix_entries_period", entries.c.set_id, entries.c.period, entries.c.region)
Index("ix_audit_region_leaf", audit.c.region, audit.c.leaf)
