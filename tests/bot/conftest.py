"""Fixtures of the record-store tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import database


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated engine with empty record tables (the PostgreSQL database is shared per session)."""
    engine = database.create_engine(database_url)
    await database.migrate(engine)
    async with engine.begin() as conn:
        for tabel in ("audit_event", "signaal", "aanmelding", "referentie_teller", "bot_state"):
            await conn.execute(text(f"DELETE FROM {tabel}"))
    yield engine
    await database.sluit(engine)
