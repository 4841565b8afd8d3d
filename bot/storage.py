"""A botbuilder Storage on SQL (SQLite or PostgreSQL) with optimistic concurrency by e_tag.

Values are stored as jsonpickle documents, as the SDK's own Cosmos and Blob storages do, because
BotState hands us DialogState objects. Our own state values stay plain dicts and strings (STYLE §3.7).
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

import jsonpickle
from botbuilder.core import Storage, StoreItem
from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.models import StateRow

_ETAG_FIELD = "e_tag"
_ANY = "*"


class EtagConflict(Exception):
    """A write carried an e_tag that no longer matches the stored one: someone else wrote first."""

    def __init__(self, key: str) -> None:
        super().__init__(f"e_tag conflict on a state item ({len(key)}-character key)")
        self.key = key


class SqlStorage(Storage):
    """Storage items in the bot_state table; every call is one transaction on the async engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def read(self, keys: list[str]) -> dict[str, Any]:
        """The stored items for these keys; unknown keys are absent from the result."""
        if not keys:
            raise ValueError("Storage.read(): keys are required")
        async with self._engine.connect() as conn:
            rows = await conn.execute(
                select(StateRow.key, StateRow.e_tag, StateRow.document).where(
                    StateRow.key_hash.in_([_hash(key) for key in keys])
                )
            )
            return {key: _decode(document, e_tag) for key, e_tag, document in rows}

    async def write(self, changes: dict[str, Any]) -> None:
        """Insert or update items; a stale e_tag raises EtagConflict and writes nothing of this call."""
        if changes is None:
            raise ValueError("Storage.write(): changes are required")
        if not changes:
            return
        async with self._engine.begin() as conn:
            for key, value in changes.items():
                expected = _etag_of(value)
                if expected == "":
                    raise ValueError("Storage.write(): an empty e_tag is not allowed")
                new_etag = uuid.uuid4().hex
                document = _encode(value)
                now = datetime.now(UTC)
                row = {"key_hash": _hash(key), "key": key, "e_tag": new_etag, "document": document, "updated_at": now}
                if expected == _ANY:
                    await _upsert(conn, row)
                    continue
                if expected is None:
                    # Written as new (its read found nothing): if another process created it meanwhile,
                    # that process's state stands and this write is a conflict, not a silent overwrite.
                    try:
                        async with conn.begin_nested():
                            await conn.execute(insert(StateRow).values(**row))
                    except IntegrityError as race:
                        raise EtagConflict(key) from race
                    continue
                result = await conn.execute(
                    update(StateRow)
                    .where(StateRow.key_hash == row["key_hash"], StateRow.e_tag == expected)
                    .values(e_tag=new_etag, document=document, updated_at=now)
                )
                if result.rowcount == 1:
                    continue
                exists = await conn.scalar(select(StateRow.key_hash).where(StateRow.key_hash == row["key_hash"]))
                if exists is not None:
                    raise EtagConflict(key)
                # The item was deleted since it was read: writing it anew is what MemoryStorage does.
                try:
                    async with conn.begin_nested():
                        await conn.execute(insert(StateRow).values(**row))
                except IntegrityError as race:
                    raise EtagConflict(key) from race

    async def delete(self, keys: list[str]) -> None:
        """Remove these items; unknown keys are ignored."""
        if not keys:
            return
        async with self._engine.begin() as conn:
            await conn.execute(delete(StateRow).where(StateRow.key_hash.in_([_hash(key) for key in keys])))


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


async def _upsert(conn: Any, row: dict[str, Any]) -> None:
    """Insert or overwrite one row with the dialect's native upsert (SQLite and PostgreSQL agree)."""
    dialect_insert = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
    await conn.execute(
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


def _encode(value: Any) -> str:
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != _ETAG_FIELD}
    return jsonpickle.encode(value)


def _decode(document: str, e_tag: str) -> Any:
    value = jsonpickle.decode(document)
    if isinstance(value, dict):
        value[_ETAG_FIELD] = e_tag
    elif isinstance(value, StoreItem) or hasattr(value, "__dict__"):
        value.e_tag = e_tag
    return value
