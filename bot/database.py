"""The SQL engine: SQLite by default, PostgreSQL by DATABASE_URL; schema by alembic migrations."""

from __future__ import annotations

import asyncio
import logging
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine as create_sync
from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

log = logging.getLogger(__name__)

T = TypeVar("T")

_MIGRATIONS = Path(__file__).with_name("migrations")


def create_engine(database_url: str) -> AsyncEngine:
    """An async engine for the URL; SQLite gets WAL and durable commits, its folder is created."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        pool: dict[str, int] = {}
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            # One connection per process, for reads and migrations: the writes go through in_transactie.
            pool = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60}
        engine = create_async_engine(url, **pool)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_pre_ping=True)


async def in_transactie(engine: AsyncEngine, werk: Callable[[Connection], T]) -> T:
    """Run `werk` in one transaction on `engine`'s database and return what it returns; an error
    rolls the whole transaction back.

    On a SQLite file every transaction of this process runs in one hop on the file's writer thread
    (its own connection, the same pragmas), which takes SQLite's write lock first (BEGIN IMMEDIATE):
    what a transaction reads is still true when it writes, and the state and record writes of this
    process take turns there instead of in SQLite's busy handler, which under load failed with
    "database is locked". Through aiosqlite the same transaction took a hop per statement, each
    waiting for the GIL while other turns ran: a confirmed aanmelding cost 2.9 ms of CPU, here 0.8.
    On PostgreSQL (row locks, asyncpg's own I/O) it runs on the async engine."""
    schrijver = _schrijver(engine)
    if schrijver is not None:
        return await schrijver.voer_uit(werk)
    async with engine.begin() as conn:
        return await conn.run_sync(_met_schrijfslot, werk)


async def sluit(engine: AsyncEngine) -> None:
    """Close the engine's SQLite writer thread (after the writes queued before), then the engine."""
    schrijver = _SCHRIJVERS.pop(engine.sync_engine, None)
    try:
        if schrijver is not None:
            await schrijver.sluit()
    finally:
        await engine.dispose()


class _Schrijver:
    """The writer thread of one SQLite file: a sync engine with one connection, used only there.

    Group commit: the transactions that queue while one commits run together as the next one, so
    under load many turns share one fsync (and one hop to the thread, one BEGIN, one COMMIT). If any
    of them fails, or the commit does, nothing of the group is kept and each runs again alone, so
    only the one that fails fails. Nobody hears of success before the commit: what a caller was told
    is stored, is on disk."""

    def __init__(self, url: URL) -> None:
        self._engine = create_sync_engine(url)
        self._draad = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zvh-schrijver")
        weakref.finalize(self, self._draad.shutdown, wait=False)
        self._slot = threading.Lock()
        self._wachtrij: list[_Beurt] = []
        self._bezig = False

    async def voer_uit(self, werk: Callable[[Connection], T]) -> T:
        lus = asyncio.get_running_loop()
        beurt = _Beurt(werk, lus.create_future(), lus)
        with self._slot:
            self._wachtrij.append(beurt)
            beginnen, self._bezig = not self._bezig, True
        if beginnen:
            self._draad.submit(self._verwerk)
        return await beurt.uitkomst

    def _verwerk(self) -> None:
        while True:
            with self._slot:
                beurten, self._wachtrij = self._wachtrij, []
                if not beurten:
                    self._bezig = False
                    return
            waarden = self._samen(beurten) if len(beurten) > 1 else None
            if waarden is not None:
                for beurt, waarde in zip(beurten, waarden, strict=True):
                    beurt.meld(True, waarde)
            else:
                for beurt in beurten:
                    beurt.meld(*self._alleen(beurt))

    def _samen(self, beurten: list[_Beurt]) -> list[Any] | None:
        """What each returns, all in one committed transaction; None when any failed or the commit
        did (SQLite may then have undone the whole transaction: nothing of it is kept)."""
        try:
            with self._engine.begin() as conn:
                return _met_schrijfslot(conn, lambda conn: [beurt.werk(conn) for beurt in beurten])
        except BaseException:  # noqa: BLE001 - rolled back; each runs again alone and hears its own outcome
            return None

    def _alleen(self, beurt: _Beurt) -> tuple[bool, Any]:
        try:
            with self._engine.begin() as conn:
                return True, _met_schrijfslot(conn, beurt.werk)
        except BaseException as fout:  # noqa: BLE001 - its caller hears it; the thread goes on
            return False, fout

    async def sluit(self) -> None:
        # The connection belongs to the thread: closed there, after what was queued before, without
        # blocking the event loop.
        try:
            await asyncio.get_running_loop().run_in_executor(self._draad, self._engine.dispose)
        finally:
            self._draad.shutdown(wait=False)


@dataclass(frozen=True)
class _Beurt:
    """One transaction waiting for the writer thread, and where its caller waits for the outcome."""

    werk: Callable[[Connection], Any]
    uitkomst: asyncio.Future[Any]
    lus: asyncio.AbstractEventLoop

    def meld(self, gelukt: bool, waarde: Any) -> None:
        """Give the caller the outcome, on its own event loop (from the writer thread)."""
        if not gelukt and isinstance(waarde, StopIteration):
            waarde = RuntimeError("a transaction raised StopIteration")  # a future refuses to hold one
        try:
            self.lus.call_soon_threadsafe(self._zet, gelukt, waarde)
        except RuntimeError:  # its event loop has closed: nobody waits any more
            pass

    def _zet(self, gelukt: bool, waarde: Any) -> None:
        if self.uitkomst.cancelled():
            return
        if gelukt:
            self.uitkomst.set_result(waarde)
        else:
            self.uitkomst.set_exception(waarde)


def _met_schrijfslot(conn: Connection, werk: Callable[[Connection], T]) -> T:
    if conn.dialect.name == "sqlite":
        # pysqlite would begin only at the first write, after our reads: take the lock first.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    return werk(conn)


def _schrijver(engine: AsyncEngine) -> _Schrijver | None:
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None  # in memory every connection has a database of its own: use the engine's
    schrijver = _SCHRIJVERS.get(engine.sync_engine)
    if schrijver is None:
        schrijver = _SCHRIJVERS[engine.sync_engine] = _Schrijver(url)
    return schrijver


# The engine (its sync_engine, which an AsyncEngine wraps) -> its SQLite writer; gone with the engine.
_SCHRIJVERS: weakref.WeakKeyDictionary[Engine, _Schrijver] = weakref.WeakKeyDictionary()


def create_sync_engine(url: URL) -> Engine:
    """The same SQLite file with the same pragmas, for synchronous use on one thread; one connection."""
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
