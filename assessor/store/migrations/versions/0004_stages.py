"""Stages of a campaign (自评 → 复核 → 评审), evidence verdicts and on-site checks.

Entries, statuses and evidence gain a `stage` column; every existing row becomes the stage
`expert` (评审), the one stage of a workspace without `stages`, so nothing it held changes
meaning. Audit records gain a nullable `stage`: the records written before stay NULL (read as
`expert`), because a record's hash covers its stage only when it has one (audit.py), so the
chain of an existing database still verifies. The unique key of entries and the primary key of
statuses now include the stage (SQLite rebuilds those tables: batch mode).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STAGE = sa.String(20)
DEFAULT = sa.text("'expert'")


def upgrade() -> None:
    with op.batch_alter_table("entries") as b:
        b.add_column(sa.Column("stage", STAGE, nullable=False, server_default=DEFAULT))
        b.drop_constraint("uq_entries_key", type_="unique")
        b.create_unique_constraint(
            "uq_entries_key", ["set_id", "stage", "region", "period", "evaluator", "leaf"]
        )
    with op.batch_alter_table("statuses") as b:
        b.add_column(sa.Column("stage", STAGE, nullable=False, server_default=DEFAULT))
        b.drop_constraint("pk_statuses", type_="primary")
        b.create_primary_key("pk_statuses", ["set_id", "stage", "region", "period"])
    with op.batch_alter_table("evidence") as b:
        b.add_column(sa.Column("stage", STAGE, nullable=False, server_default=DEFAULT))
    with op.batch_alter_table("audit") as b:
        b.add_column(sa.Column("stage", STAGE, nullable=True))
    op.create_table(
        "evidence_verdicts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("set_id", sa.String(100), nullable=False),
        sa.Column("stage", STAGE, nullable=False),
        sa.Column("region", sa.String(50), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("leaf", sa.String(100), nullable=False),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("judged_at", sa.String(40), nullable=False),
        sa.Column("judged_by", sa.String(100), nullable=False),
        sa.UniqueConstraint(
            "set_id", "stage", "region", "period", "leaf", "item", name="uq_evidence_verdicts_key"
        ),
    )
    op.create_table(
        "site_checks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("set_id", sa.String(100), nullable=False),
        sa.Column("stage", STAGE, nullable=False),
        sa.Column("region", sa.String(50), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("checked_on", sa.String(10), nullable=False),
        sa.Column("checkers", sa.Text, nullable=False),
        sa.Column("findings", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("set_id", "stage", "region", "period", name="uq_site_checks_key"),
    )


def downgrade() -> None:
    op.drop_table("site_checks")
    op.drop_table("evidence_verdicts")
    with op.batch_alter_table("audit") as b:
        b.drop_column("stage")
    with op.batch_alter_table("evidence") as b:
        b.drop_column("stage")
    with op.batch_alter_table("statuses") as b:
        b.drop_constraint("pk_statuses", type_="primary")
        b.create_primary_key("pk_statuses", ["set_id", "region", "period"])
        b.drop_column("stage")
    with op.batch_alter_table("entries") as b:
        b.drop_constraint("uq_entries_key", type_="unique")
        b.create_unique_constraint(
            "uq_entries_key", ["set_id", "region", "period", "evaluator", "leaf"]
        )
        b.drop_column("stage")
