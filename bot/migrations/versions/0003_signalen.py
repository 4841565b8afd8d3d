"""signaal: recorded signals (their numbers count in referentie_teller under "SIG-<huis>")

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
        "signaal",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("referentie", sa.String(32), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("soort", sa.Text(), nullable=False),
        sa.Column("gemeente", sa.Text(), nullable=False),
        sa.Column("veiligheidshuis", sa.String(8), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("afgehandeld", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gewist", sa.DateTime(timezone=True), nullable=True),
        sa.Column("samenvatting", sa.Text(), nullable=True),
        sa.Column("melder_id", sa.Text(), nullable=True),
        sa.Column("melder_naam", sa.Text(), nullable=True),
        sa.UniqueConstraint("referentie", name="uq_signaal_referentie"),
    )
    op.create_index("ix_signaal_veiligheidshuis_status", "signaal", ["veiligheidshuis", "status"])


def downgrade() -> None:
    # The "SIG-..." rows of referentie_teller go with the signals they numbered.
    op.execute("DELETE FROM referentie_teller WHERE veiligheidshuis LIKE 'SIG-%'")
    op.drop_index("ix_signaal_veiligheidshuis_status", table_name="signaal")
    op.drop_table("signaal")
