"""Entries, statuses, evidence, the audit log and its chain head.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("set_id", sa.String(100), nullable=False),
        sa.Column("region", sa.String(50), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("evaluator", sa.String(100), nullable=False),
        sa.Column("leaf", sa.String(100), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("inputs", sa.Text),
        sa.Column("na", sa.Boolean, nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("evidence", sa.Text),
        sa.Column("carried_over", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint(
            "set_id", "region", "period", "evaluator", "leaf", name="uq_entries_key"
        ),
    )
    op.create_index("ix_entries_period", "entries", ["set_id", "period", "region"])
    op.create_table(
        "statuses",
        sa.Column("set_id", sa.String(100), primary_key=True),
        sa.Column("region", sa.String(50), primary_key=True),
        sa.Column("period", sa.String(10), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("set_id", sa.String(100), nullable=False),
        sa.Column("region", sa.String(50), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("leaf", sa.String(100), nullable=False),
        sa.Column("evaluator", sa.String(100), nullable=False),
        sa.Column("path", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("sha256", sa.String(64)),
        sa.Column("note", sa.Text),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("who", sa.String(100), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("set_id", sa.String(100)),
        sa.Column("region", sa.String(50)),
        sa.Column("period", sa.String(10)),
        sa.Column("evaluator", sa.String(100)),
        sa.Column("leaf", sa.String(100)),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute("INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '" + "0" * 64 + "')")


def downgrade() -> None:
    for table in ("chain_head", "audit", "evidence", "statuses", "entries"):
        op.drop_table(table)
