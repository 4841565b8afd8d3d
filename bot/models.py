"""All SQL tables of the bot, in one place (alembic migrations in bot/migrations follow them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Text
from sqlmodel import Field, SQLModel


class StateRow(SQLModel, table=True):
    """One botbuilder storage item: conversation or per-user dialog state as JSON, with its e_tag."""

    __tablename__ = "bot_state"

    key: str = Field(sa_column=Column(Text, primary_key=True))
    e_tag: str = Field(sa_column=Column(Text, nullable=False))
    document: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
