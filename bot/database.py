"""The SQL engine: SQLite by default, PostgreSQL by DATABASE_URL; schema by alembic migrations."""

from __future__ import annotations

import asyncio
import logging
from contextlib import AbstractAsyncContextManager, nullcontext
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine as create_sync
from sqlalchemy import event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

log = logging.getLogger(__name__)

_MIGRATIONS = Path(__file__).with_name("migrations")


def create_engine(database_url: str) -> AsyncEngine:
    """An async engine for the URL; SQLite gets WAL and durable commits, its folder is created."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        pool: dict[str, int] = {}
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            # One connection per process: SQLite has one writer at a time anyway, and turns that queue
            # here for the connection wait their turn, where several connections would wait in SQLite's
            # busy handler and fail with "database is locked" after busy_timeout under load.
            pool = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60}
        engine = create_async_engine(url, **pool)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_pre_ping=True)


def schrijfbeurt(engine: AsyncEngine) -> AbstractAsyncContextManager[object]:
    """Hold while writing to a SQLite file: one writer at a time in this process. The state writer
    (bot/storage.py) and the record stores write through different connections; left to SQLite's
    busy handler, one waiting while the other's transaction spans a busy event loop failed after
    busy_timeout with "database is locked". Here the wait has no such limit, and SQLite's lock is
    left to other processes. PostgreSQL locks rows itself: nothing to hold."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return nullcontext()
    lus = asyncio.get_running_loop()
    sleutel = _bestand(url.database)
    gebonden = _SCHRIJFSLOTEN.get(sleutel)
    if gebonden is None or gebonden[0] is not lus:
        gebonden = _SCHRIJFSLOTEN[sleutel] = (lus, asyncio.Lock())
    return gebonden[1]


@cache
def _bestand(pad: str) -> str:
    # Resolved once per path, not on every write (a realpath is a system call per folder).
    return str(Path(pad).resolve())


# SQLite file -> (event loop, lock) of its writers in this process.
_SCHRIJFSLOTEN: dict[str, tuple[asyncio.AbstractEventLoop, asyncio.Lock]] = {}


def create_sync_engine(url: URL) -> Engine:
    """The same SQLite file with the same pragmas, for synchronous use on one worker thread
    (bot/storage.py writes state that way); one connection."""
    engine = create_sync(url.set(drivername="sqlite"), pool_size=1, max_overflow=0, pool_timeout=60)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets readers run beside the writer; synchronous=FULL makes a commit survive a crash.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Erased personal data (the purge) is overwritten with zeros, not left in free pages of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


async def migrate(engine: AsyncEngine) -> None:
    """Bring the schema to the newest migration (idempotent; runs at every start)."""
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)


# Any constant shared by all instances: two bots starting at once on a fresh PostgreSQL database
# must not both create the tables.
_MIGRATION_LOCK = 0x5A564801


def _upgrade(connection) -> None:  # type: ignore[no-untyped-def]
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": _MIGRATION_LOCK})
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def check(engine: AsyncEngine) -> None:
    """Raise if the database does not answer a trivial query (used by /healthz)."""
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


def describe(database_url: str) -> str:
    """The URL without its password, for the start-up log line."""
    return make_url(database_url).render_as_string(hide_password=True)
