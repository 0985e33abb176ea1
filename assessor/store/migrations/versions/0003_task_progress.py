"""Progress reports on tasks with deadlines (按时序推进): one row per unit, task and date.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_progress",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("campaign", sa.String(100), nullable=False),
        sa.Column("unit", sa.String(50), nullable=False),
        sa.Column("task", sa.String(100), nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
        sa.Column("percent", sa.String(20)),
        sa.Column("reached", sa.Text),
        sa.Column("done", sa.Boolean, nullable=False),
        sa.Column("done_on", sa.String(10)),
        sa.Column("comment", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("campaign", "unit", "task", "as_of", name="uq_task_progress_key"),
    )


def downgrade() -> None:
    op.drop_table("task_progress")
