"""signaal.concept_id: confirming one signal twice stores it once; audit_event by wanneer for the purge

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: signals stored before this migration have no concept id. A unique index, not a
    # constraint: SQLite adds it without copying the table, and both databases let NULLs repeat.
    op.add_column("signaal", sa.Column("concept_id", sa.Text(), nullable=True))
    op.create_index("uq_signaal_concept_id", "signaal", ["concept_id"], unique=True)
    # The purge deletes audit events by age every day.
    op.create_index("ix_audit_event_wanneer", "audit_event", ["wanneer"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_wanneer", table_name="audit_event")
    op.drop_index("uq_signaal_concept_id", table_name="signaal")
    with op.batch_alter_table("signaal") as batch:
        batch.drop_column("concept_id")
