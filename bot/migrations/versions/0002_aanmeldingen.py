"""aanmelding, referentie_teller, audit_event: confirmed aanmeldingen, gap-free numbers, audit trail

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aanmelding",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("referentie", sa.String(32), nullable=False),
        sa.Column("concept_id", sa.Text(), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("veiligheidshuis", sa.String(8), nullable=False),
        sa.Column("gemeente", sa.Text(), nullable=False),
        sa.Column("doelgroep", sa.Text(), nullable=False),
        sa.Column("urgentie", sa.Text(), nullable=False),
        sa.Column("criteria_uitkomst", sa.Text(), nullable=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("vervolgactie", sa.Text(), nullable=True),
        sa.Column("afgesloten", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gewist", sa.DateTime(timezone=True), nullable=True),
        sa.Column("bijgewerkt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("melder_id", sa.Text(), nullable=True),
        sa.Column("melder_naam", sa.Text(), nullable=True),
        sa.Column("melder_organisatie", sa.Text(), nullable=True),
        sa.Column("melder_telefoon", sa.Text(), nullable=True),
        sa.Column("initialen", sa.Text(), nullable=True),
        sa.Column("geboortejaar", sa.Integer(), nullable=True),
        sa.Column("gezin_met_kinderen", sa.Boolean(), nullable=True),
        sa.Column("leefgebieden", sa.Text(), nullable=True),
        sa.Column("situatie", sa.Text(), nullable=True),
        sa.Column("partners", sa.Text(), nullable=True),
        sa.Column("stagnatie", sa.Text(), nullable=True),
        sa.Column("geinformeerd", sa.Boolean(), nullable=True),
        sa.Column("reden_niet_geinformeerd", sa.Text(), nullable=True),
        sa.Column("notitie", sa.Text(), nullable=True),
        sa.Column("adres", sa.Text(), nullable=True),
        sa.UniqueConstraint("referentie", name="uq_aanmelding_referentie"),
        sa.UniqueConstraint("concept_id", name="uq_aanmelding_concept_id"),
    )
    op.create_index("ix_aanmelding_melder_id", "aanmelding", ["melder_id"])
    op.create_index("ix_aanmelding_veiligheidshuis_status", "aanmelding", ["veiligheidshuis", "status"])
    op.create_table(
        "referentie_teller",
        sa.Column("veiligheidshuis", sa.String(8), primary_key=True),
        sa.Column("jaar", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("laatste", sa.Integer(), nullable=False),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("wanneer", sa.DateTime(timezone=True), nullable=False),
        sa.Column("wie", sa.Text(), nullable=False),
        sa.Column("actie", sa.String(16), nullable=False),
        sa.Column("referentie", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
    )
    op.create_index("ix_audit_event_referentie", "audit_event", ["referentie"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_referentie", table_name="audit_event")
    op.drop_table("audit_event")
    op.drop_table("referentie_teller")
    op.drop_index("ix_aanmelding_veiligheidshuis_status", table_name="aanmelding")
    op.drop_index("ix_aanmelding_melder_id", table_name="aanmelding")
    op.drop_table("aanmelding")
