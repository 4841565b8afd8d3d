"""All SQL tables of the bot, in one place (alembic migrations in bot/migrations follow them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class StateRow(SQLModel, table=True):
    """One botbuilder storage item: conversation or per-user dialog state as JSON, with its e_tag."""

    __tablename__ = "bot_state"

    # The key is hashed for the index: Teams ids can make keys longer than a PostgreSQL btree entry.
    key_hash: str = Field(sa_column=Column(String(64), primary_key=True))
    key: str = Field(sa_column=Column(Text, nullable=False))
    e_tag: str = Field(sa_column=Column(Text, nullable=False))
    document: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class AanmeldingRow(SQLModel, table=True):
    """One confirmed aanmelding. The personal fields are nullable: purge() erases them after the
    retention period and sets gewist, while the counting fields (gemeente, doelgroep, ...) stay."""

    __tablename__ = "aanmelding"
    __table_args__ = (
        UniqueConstraint("referentie", name="uq_aanmelding_referentie"),
        # Confirming the same concept twice (a double click, a retried turn) must not store it twice.
        UniqueConstraint("concept_id", name="uq_aanmelding_concept_id"),
        Index("ix_aanmelding_melder_id", "melder_id"),
        Index("ix_aanmelding_veiligheidshuis_status", "veiligheidshuis", "status"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    referentie: str = Field(sa_column=Column(String(32), nullable=False))
    concept_id: str = Field(sa_column=Column(Text, nullable=False))
    aangemaakt: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    jaar: int = Field(sa_column=Column(Integer, nullable=False))
    veiligheidshuis: str = Field(sa_column=Column(String(8), nullable=False))
    gemeente: str = Field(sa_column=Column(Text, nullable=False))
    doelgroep: str = Field(sa_column=Column(Text, nullable=False))
    urgentie: str = Field(sa_column=Column(Text, nullable=False))
    criteria_uitkomst: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    status: str = Field(sa_column=Column(String(32), nullable=False))
    vervolgactie: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    afgesloten: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    gewist: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    bijgewerkt: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    # Personal data, erased by purge().
    melder_id: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    melder_naam: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    melder_organisatie: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    melder_telefoon: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    initialen: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    geboortejaar: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    gezin_met_kinderen: bool | None = Field(default=None, sa_column=Column(Boolean, nullable=True))
    leefgebieden: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # JSON {code: score}
    situatie: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    partners: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    stagnatie: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    geinformeerd: bool | None = Field(default=None, sa_column=Column(Boolean, nullable=True))
    reden_niet_geinformeerd: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    notitie: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    adres: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # JSON conversation reference


class SignaalRow(SQLModel, table=True):
    """One recorded signal. The personal fields are nullable: purge() erases them after the
    retention period and sets gewist, while kind, gemeente and house stay for counting."""

    __tablename__ = "signaal"
    __table_args__ = (
        UniqueConstraint("referentie", name="uq_signaal_referentie"),
        # Recording the same signal twice (a retried turn, a click again after a crash) stores it once.
        # NULL for signals stored before migration 0004; NULLs may repeat in a unique index.
        Index("uq_signaal_concept_id", "concept_id", unique=True),
        Index("ix_signaal_veiligheidshuis_status", "veiligheidshuis", "status"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    referentie: str = Field(sa_column=Column(String(32), nullable=False))
    concept_id: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    aangemaakt: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    jaar: int = Field(sa_column=Column(Integer, nullable=False))
    soort: str = Field(sa_column=Column(Text, nullable=False))
    gemeente: str = Field(sa_column=Column(Text, nullable=False))
    veiligheidshuis: str = Field(sa_column=Column(String(8), nullable=False))
    status: str = Field(sa_column=Column(String(32), nullable=False))
    afgehandeld: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    gewist: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    # Personal data, erased by purge().
    samenvatting: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    melder_id: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    melder_naam: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class ReferentieTellerRow(SQLModel, table=True):
    """The last reference number handed out per series per year (gap-free: it rolls back with the
    transaction that stores the record). Aanmeldingen count under the house code ("MH"), recorded
    signals under "SIG-" and the house code ("SIG-MH"), the prefix of their references."""

    __tablename__ = "referentie_teller"

    veiligheidshuis: str = Field(sa_column=Column(String(8), primary_key=True))
    jaar: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    laatste: int = Field(sa_column=Column(Integer, nullable=False))


class AuditEventRow(SQLModel, table=True):
    """Who read, changed, was refused or erased which aanmelding or signal, and when. The detail never holds
    the value of a personal field. `python -m bot purge` deletes an event older than the retention
    period once its record holds no personal data any more (bot/bewaartermijn.py)."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_referentie", "referentie"),
        Index("ix_audit_event_wanneer", "wanneer"),  # the purge deletes old events
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    wanneer: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    wie: str = Field(sa_column=Column(Text, nullable=False))  # Teams user id, or "systeem"
    actie: str = Field(sa_column=Column(String(16), nullable=False))
    referentie: str = Field(sa_column=Column(String(32), nullable=False))
    detail: str = Field(sa_column=Column(Text, nullable=False))
