"""Index the audit log by region and leaf, for an indicator's history in the TUI.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_region_leaf", "audit", ["region", "leaf"])


def downgrade() -> None:
    op.drop_index("ix_audit_region_leaf", table_name="audit")
