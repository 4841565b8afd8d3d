"""A botbuilder Storage on SQL (SQLite or PostgreSQL) with optimistic concurrency by e_tag.

Values are stored as jsonpickle documents, as the SDK's own Cosmos and Blob storages do, because
BotState hands us DialogState objects; bot/codec.py writes and reads them, the same documents four
times faster. Our own state values stay plain dicts and strings (STYLE §3.7).

Every turn reads its state, so reading must be cheap. On a SQLite file it is one indexed SELECT
on the event loop's own thread (tens of microseconds, and in WAL mode a reader never waits for a
writer): through the async engine the same read took several hops to SQLite's worker thread and
back, each waiting for the GIL while other turns ran, and queued for the one pooled connection
behind the writes, so that under load a turn spent most of its time waiting to read its state.
Writes (a commit waits for fsync) stay off the event loop: a whole transaction in one hop to the
SQLite file's writer thread, shared with the record stores, or on PostgreSQL on the async engine
(database.in_transactie).
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from datetime import UTC, datetime
from functools import partial
from typing import Any

from botbuilder.core import Storage, StoreItem
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import codec, database
from bot.models import StateRow

_ETAG_FIELD = "e_tag"
_sqlite = sqlite_dialect()
_ANY = "*"

# Built once: building a statement per call cost more than running it.
_LEES = select(StateRow.key, StateRow.e_tag, StateRow.document).where(
    StateRow.key_hash.in_(bindparam("hashes", expanding=True))
)
_LEES_SQLITE = "SELECT key, e_tag, document FROM bot_state WHERE key_hash IN ({})"
_BIJWERKEN = (
    update(StateRow)
    .where(StateRow.key_hash == bindparam("h"), StateRow.e_tag == bindparam("verwacht"))
    .values(e_tag=bindparam("nieuw"), document=bindparam("doc"), updated_at=bindparam("nu"))
)


class EtagConflict(Exception):
    """A write carried an e_tag that no longer matches the stored one: someone else wrote first."""

    def __init__(self, key: str) -> None:
        super().__init__(f"e_tag conflict on a state item ({len(key)}-character key)")
        self.key = key


class SqlStorage(Storage):
    """Storage items in the bot_state table; every write or delete is one transaction."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        url = engine.url
        bestand = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
        self._lezer = _SqliteLezer(str(url.database)) if bestand else None

    async def read(self, keys: list[str]) -> dict[str, Any]:
        """The stored items for these keys; unknown keys are absent from the result."""
        return {key: waarde for key, (waarde, _) in (await self.read_documents(keys)).items()}

    async def read_documents(self, keys: list[str]) -> dict[str, tuple[Any, str]]:
        """read(), each item with the document it was read from (what `document` renders it as)."""
        if not keys:
            raise ValueError("Storage.read(): keys are required")
        hashes = [_hash(key) for key in keys]
        rows = self._lezer.lees(hashes) if self._lezer is not None else None
        if rows is None:
            async with self._engine.connect() as conn:
                rows = (await conn.execute(_LEES, {"hashes": hashes})).all()
        return {key: (_decode(tekst, e_tag), tekst) for key, e_tag, tekst in rows}

    async def close(self) -> None:
        """Close the SQLite reader; later reads go through the engine. Closing twice is harmless.
        The writes' thread is the engine's, closed with it (database.sluit)."""
        lezer, self._lezer = self._lezer, None
        if lezer is not None:
            lezer.sluit()

    async def write(self, changes: dict[str, Any]) -> None:
        """Insert or update items; a stale e_tag raises EtagConflict and writes nothing of this call."""
        if changes is None:
            raise ValueError("Storage.write(): changes are required")
        if not changes:
            return
        items = [(key, _verwacht(value), document(value)) for key, value in changes.items()]
        await database.in_transactie(self._engine, partial(_schrijf, items=items))

    async def write_document(self, key: str, value: Any, tekst: str) -> None:
        """write({key: value}) with `tekst`, what `document(value)` gave, as the document."""
        await database.in_transactie(self._engine, partial(_schrijf, items=[(key, _verwacht(value), tekst)]))

    async def delete(self, keys: list[str]) -> None:
        """Remove these items; unknown keys are ignored."""
        if keys:
            await database.in_transactie(self._engine, partial(_verwijder, hashes=[_hash(key) for key in keys]))

def _schrijf(conn: Connection, items: list[tuple[str, str | None, str]]) -> None:
    db = conn.connection.driver_connection
    if isinstance(db, sqlite3.Connection):  # the writer thread's; in memory it is aiosqlite's, below
        _schrijf_sqlite(db, items)
        return
    for key, expected, document in items:
        new_etag = uuid.uuid4().hex
        now = datetime.now(UTC)
        row = {"key_hash": _hash(key), "key": key, "e_tag": new_etag, "document": document, "updated_at": now}
        if expected == _ANY:
            _upsert(conn, row)
            continue
        if expected is None:
            # Written as new (its read found nothing): if another process created it meanwhile,
            # that process's state stands and this write is a conflict, not a silent overwrite.
            _voeg_toe(conn, row)
            continue
        waarden = {"h": row["key_hash"], "verwacht": expected, "nieuw": new_etag, "doc": document, "nu": now}
        if conn.execute(_BIJWERKEN, waarden).rowcount == 1:
            continue
        if conn.scalar(select(StateRow.key_hash).where(StateRow.key_hash == row["key_hash"])) is not None:
            raise EtagConflict(key)
        # The item was deleted since it was read: writing it anew is what MemoryStorage does.
        _voeg_toe(conn, row)


# The same writes on SQLite, straight on the writer's sqlite3 connection inside the transaction
# database.in_transactie began: SQLAlchemy's execution machinery cost four times the write itself
# (0.3 of 0.37 ms of CPU), and the writer thread's CPU is taken from the turns'. No savepoint: an
# insert that breaks the key undoes only itself, and the conflict it raises rolls back the rest.
_SQLITE_NIEUW = "INSERT INTO bot_state (key_hash, key, e_tag, document, updated_at) VALUES (?, ?, ?, ?, ?)"
_SQLITE_ALTIJD = (
    f"{_SQLITE_NIEUW} ON CONFLICT (key_hash) DO UPDATE "
    "SET e_tag = excluded.e_tag, document = excluded.document, updated_at = excluded.updated_at"
)
_SQLITE_BIJWERKEN = "UPDATE bot_state SET e_tag = ?, document = ?, updated_at = ? WHERE key_hash = ? AND e_tag = ?"
_SQLITE_BESTAAT = "SELECT 1 FROM bot_state WHERE key_hash = ?"
# A datetime as SQLAlchemy stores it in SQLite (text that sorts as time), so both read it alike.
_SQLITE_DATUM = StateRow.__table__.c.updated_at.type.dialect_impl(_sqlite).bind_processor(_sqlite)


def _schrijf_sqlite(db: sqlite3.Connection, items: list[tuple[str, str | None, str]]) -> None:
    for key, expected, document in items:
        h, new_etag, now = _hash(key), uuid.uuid4().hex, _SQLITE_DATUM(datetime.now(UTC))
        if expected == _ANY:
            db.execute(_SQLITE_ALTIJD, (h, key, new_etag, document, now))
            continue
        if expected is not None:
            if db.execute(_SQLITE_BIJWERKEN, (new_etag, document, now, h, expected)).rowcount == 1:
                continue
            if db.execute(_SQLITE_BESTAAT, (h,)).fetchone() is not None:
                raise EtagConflict(key)
            # Deleted since it was read: written anew, as in _schrijf.
        try:
            db.execute(_SQLITE_NIEUW, (h, key, new_etag, document, now))
        except sqlite3.IntegrityError as race:  # created by another process since our read
            raise EtagConflict(key) from race


def _voeg_toe(conn: Connection, row: dict[str, Any]) -> None:
    try:
        with conn.begin_nested():
            conn.execute(insert(StateRow).values(**row))
    except IntegrityError as race:
        raise EtagConflict(row["key"]) from race


def _verwijder(conn: Connection, hashes: list[str]) -> None:
    conn.execute(delete(StateRow).where(StateRow.key_hash.in_(hashes)))


class _SqliteLezer:
    """A query-only connection to the SQLite file, used on the event loop's thread. It never waits
    (busy_timeout 0): when SQLite is busy or the file unreadable, `lees` gives None and the read goes
    through the async engine instead."""

    def __init__(self, pad: str) -> None:
        self._pad = pad
        self._conn: sqlite3.Connection | None = None

    def lees(self, hashes: list[str]) -> list[tuple[str, str, str]] | None:
        try:
            if self._conn is None:
                # Autocommit: every SELECT is its own read transaction and sees every committed write.
                conn = sqlite3.connect(self._pad, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA busy_timeout=0")
                conn.execute("PRAGMA query_only=ON")
                self._conn = conn
            return self._conn.execute(_LEES_SQLITE.format(",".join("?" * len(hashes))), hashes).fetchall()
        except sqlite3.Error:
            self.sluit()
            return None

    def sluit(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _upsert(conn: Connection, row: dict[str, Any]) -> None:
    """Insert or overwrite one row with the dialect's native upsert (SQLite and PostgreSQL agree)."""
    dialect_insert = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(
        dialect_insert(StateRow)
        .values(**row)
        .on_conflict_do_update(
            index_elements=[StateRow.key_hash],
            set_={veld: row[veld] for veld in ("e_tag", "document", "updated_at")},
        )
    )


def _etag_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get(_ETAG_FIELD)
    return getattr(value, _ETAG_FIELD, None)


def document(value: Any) -> str:
    """The document a value is stored as: its jsonpickle text without its e_tag."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != _ETAG_FIELD}
    return codec.encode(value)


def _verwacht(value: Any) -> str | None:
    expected = _etag_of(value)
    if expected == "":
        raise ValueError("Storage.write(): an empty e_tag is not allowed")
    return expected


def _decode(document: str, e_tag: str) -> Any:
    value = codec.decode(document)
    if isinstance(value, dict):
        value[_ETAG_FIELD] = e_tag
    elif isinstance(value, StoreItem) or hasattr(value, "__dict__"):
        value.e_tag = e_tag
    return value
