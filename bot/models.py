"""All SQL tables of the bot, in one place (alembic migrations in bot/migrations follow them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, String, Text
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
