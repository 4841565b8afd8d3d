"""SqlStorage, the botbuilder Storage on SQL: the storage contract on SQLite and PostgreSQL,
optimistic concurrency by e_tag, the migrated schema, and SQLite's durability settings."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from botbuilder.dialogs import DialogInstance, DialogState
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import database
from bot.models import SQLModel
from bot.storage import EtagConflict, SqlStorage


class TestContract:
    async def test_unknown_key_is_absent(self, engine: AsyncEngine):
        assert await SqlStorage(engine).read(["nergens"]) == {}

    async def test_write_then_read_returns_the_value_with_an_etag(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"naam": "waarde", "lijst": [1, 2], "genest": {"x": True}}})
        gelezen = (await storage.read(["a", "b"]))
        assert set(gelezen) == {"a"}
        assert gelezen["a"]["naam"] == "waarde"
        assert gelezen["a"]["lijst"] == [1, 2]
        assert gelezen["a"]["genest"] == {"x": True}
        assert gelezen["a"]["e_tag"]

    async def test_read_without_keys_is_refused(self, engine: AsyncEngine):
        with pytest.raises(ValueError):
            await SqlStorage(engine).read([])

    async def test_delete_removes_and_unknown_keys_are_ignored(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}, "b": {"n": 2}})
        await storage.delete(["a", "bestaat-niet"])
        assert set(await storage.read(["a", "b"])) == {"b"}

    async def test_long_teams_like_keys_round_trip(self, engine: AsyncEngine):
        key = "msteams/conversations/19:" + "x" * 600 + "@thread.tacv2;messageid=1/users/29:" + "y" * 200
        storage = SqlStorage(engine)
        await storage.write({key: {"n": 1}})
        assert (await storage.read([key]))[key]["n"] == 1

    async def test_dialog_state_objects_round_trip(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        stack = DialogState([DialogInstance(id="CriteriaCheckDialog", state={"antwoorden": {"A": "ja"}})])
        await storage.write({"k": {"DialogState": stack}})
        gelezen = (await storage.read(["k"]))["k"]["DialogState"]
        assert isinstance(gelezen, DialogState)
        assert gelezen.dialog_stack[0].id == "CriteriaCheckDialog"
        assert gelezen.dialog_stack[0].state == {"antwoorden": {"A": "ja"}}


class TestEtag:
    async def test_write_with_the_current_etag_succeeds_and_changes_it(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}})
        item = (await storage.read(["a"]))["a"]
        oud = item["e_tag"]
        item["n"] = 2
        await storage.write({"a": item})
        nieuw = (await storage.read(["a"]))["a"]
        assert nieuw["n"] == 2
        assert nieuw["e_tag"] != oud

    async def test_stale_etag_raises_and_keeps_the_stored_value(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}})
        eerste = (await storage.read(["a"]))["a"]
        tweede = dict(eerste)
        await storage.write({"a": {**eerste, "n": 2}})
        with pytest.raises(EtagConflict):
            await storage.write({"a": {**tweede, "n": 3}})
        assert (await storage.read(["a"]))["a"]["n"] == 2

    async def test_an_item_deleted_since_it_was_read_is_written_anew(self, engine: AsyncEngine):
        """As MemoryStorage does: the state was cleared (a failed turn) while a turn held it."""
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}})
        item = (await storage.read(["a"]))["a"]
        await storage.delete(["a"])
        item["n"] = 2
        await storage.write({"a": item})
        assert (await storage.read(["a"]))["a"]["n"] == 2

    async def test_star_etag_overwrites(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}})
        await storage.write({"a": {"n": 5, "e_tag": "*"}})
        assert (await storage.read(["a"]))["a"]["n"] == 5

    async def test_empty_etag_is_refused(self, engine: AsyncEngine):
        with pytest.raises(ValueError):
            await SqlStorage(engine).write({"a": {"n": 1, "e_tag": ""}})

    async def test_a_conflict_writes_nothing_of_the_whole_change_set(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}, "b": {"n": 1}})
        oud = (await storage.read(["a"]))["a"]
        await storage.write({"a": {**oud, "n": 2}})
        with pytest.raises(EtagConflict):
            await storage.write({"b": {"n": 9, "e_tag": "*"}, "a": {**oud, "n": 3}})
        assert (await storage.read(["b"]))["b"]["n"] == 1

    async def test_two_concurrent_writers_of_one_version_one_wins(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 0}})
        gelezen = (await storage.read(["a"]))["a"]
        uitkomsten = await asyncio.gather(
            storage.write({"a": {**gelezen, "n": 1}}),
            storage.write({"a": {**gelezen, "n": 2}}),
            return_exceptions=True,
        )
        assert sum(isinstance(u, EtagConflict) for u in uitkomsten) == 1
        winnaar = 1 if uitkomsten[0] is None else 2
        assert (await storage.read(["a"]))["a"]["n"] == winnaar

    async def test_two_processes_creating_the_same_new_state_one_wins(self, engine: AsyncEngine):
        """Both read nothing and write their new state: the second is a conflict, never an overwrite
        (two bot processes behind a load balancer, the first message of a conversation)."""
        eerste, tweede = SqlStorage(engine), SqlStorage(engine)
        await eerste.write({"nieuw": {"n": 1}})
        with pytest.raises(EtagConflict):
            await tweede.write({"nieuw": {"n": 2}})
        assert (await eerste.read(["nieuw"]))["nieuw"]["n"] == 1

    async def test_etag_of_a_deleted_item_writes_it_anew(self, engine: AsyncEngine):
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}})
        item = (await storage.read(["a"]))["a"]
        await storage.delete(["a"])
        await storage.write({"a": {**item, "n": 2}})
        assert (await storage.read(["a"]))["a"]["n"] == 2


class TestSchema:
    async def test_migrations_match_the_models(self, engine: AsyncEngine):
        def diff(connection) -> list:
            return compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)

        async with engine.connect() as conn:
            assert await conn.run_sync(diff) == []

    async def test_migrating_twice_changes_nothing(self, engine: AsyncEngine):
        await database.migrate(engine)
        async with engine.connect() as conn:
            versie = await conn.scalar(text("SELECT version_num FROM alembic_version"))
        assert versie == "0004"


async def test_sqlite_runs_in_wal_mode_with_full_sync(sqlite_url: str):
    engine = database.create_engine(sqlite_url)
    try:
        async with engine.connect() as conn:
            assert (await conn.scalar(text("PRAGMA journal_mode"))) == "wal"
            assert (await conn.scalar(text("PRAGMA synchronous"))) == 2  # FULL
    finally:
        await database.sluit(engine)


async def test_sqlite_data_folder_is_created(tmp_path):
    engine = database.create_engine(f"sqlite+aiosqlite:///{tmp_path / 'nieuw' / 'map' / 'zvh.db'}")
    try:
        await database.migrate(engine)
        assert (tmp_path / "nieuw" / "map" / "zvh.db").exists()
    finally:
        await database.sluit(engine)


async def test_very_long_random_keys_work_on_both_databases(engine: AsyncEngine):
    """PostgreSQL cannot index a text key over ~2.7 KB; the key is hashed for the index."""
    import secrets

    key = "msteams/conversations/" + secrets.token_hex(3000) + "/users/" + secrets.token_hex(500)
    storage = SqlStorage(engine)
    await storage.write({key: {"n": 1}})
    assert (await storage.read([key]))[key]["n"] == 1
    await storage.delete([key])
    assert await storage.read([key]) == {}


async def test_two_instances_migrating_a_fresh_postgresql_at_once_both_start(postgres_url: str):
    import uuid as _uuid

    from sqlalchemy.engine import make_url

    from tests.conftest import postgres_admin

    naam = f"zvh_migrate_{_uuid.uuid4().hex[:8]}"
    await postgres_admin(f'CREATE DATABASE "{naam}"')
    url = make_url(postgres_url).set(database=naam).render_as_string(hide_password=False)
    engines = [database.create_engine(url) for _ in range(4)]
    try:
        await asyncio.wait_for(asyncio.gather(*(database.migrate(e) for e in engines)), timeout=60)
        async with engines[0].connect() as conn:
            assert await conn.scalar(text("SELECT version_num FROM alembic_version")) == "0004"
    finally:
        for e in engines:
            await database.sluit(e)
        await postgres_admin(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


class TestSqliteLezer:
    """On a SQLite file the state is read on the event loop's thread (bot/storage.py): it sees every
    committed write at once, and when it cannot read, the async engine reads instead."""

    async def test_the_reader_sees_every_committed_write_at_once(self, sql_engine: AsyncEngine):
        schrijver, lezer = SqlStorage(sql_engine), SqlStorage(sql_engine)
        for n in range(5):
            await schrijver.write({"k": {"n": n, "e_tag": "*"}})
            assert (await lezer.read(["k"]))["k"]["n"] == n
        assert lezer._lezer is not None and lezer._lezer._conn is not None  # read on the loop, not by the engine
        await schrijver.delete(["k"])
        assert await lezer.read(["k"]) == {}
        await lezer.close()
        assert (await lezer.read(["k", "ander"])) == {}  # after close through the engine
        await lezer.close()  # twice is harmless

    async def test_a_reader_that_cannot_read_leaves_it_to_the_engine(self, sql_engine: AsyncEngine, tmp_path):
        storage = SqlStorage(sql_engine)
        await storage.write({"k": {"n": 7}})
        storage._lezer._pad = str(tmp_path)  # a folder: sqlite3 cannot open it as a database
        assert (await storage.read(["k"]))["k"]["n"] == 7
        assert storage._lezer._conn is None

    async def test_the_reader_never_writes(self, sql_engine: AsyncEngine):
        storage = SqlStorage(sql_engine)
        await storage.read(["k"])
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            storage._lezer._conn.execute("DELETE FROM bot_state")

    async def test_memory_databases_are_read_and_written_by_the_engine(self):
        engine = database.create_engine("sqlite+aiosqlite://")
        try:
            await database.migrate(engine)
            storage = SqlStorage(engine)
            assert storage._lezer is None
            await storage.write({"k": {"n": 1}})
            eerste = await storage.read(["k"])
            assert eerste["k"]["n"] == 1
            eerste["k"]["n"] = 2
            await storage.write(eerste)
            with pytest.raises(EtagConflict):
                await storage.write({"k": {"n": 3, "e_tag": eerste["k"]["e_tag"]}})
            assert (await storage.read(["k"]))["k"]["n"] == 2
        finally:
            await database.sluit(engine)

    async def test_state_and_records_are_written_by_one_thread_that_closes_with_the_engine(self, sqlite_url):
        import threading

        from bot.aanmeldingen import AanmeldingStore

        engine = database.create_engine(sqlite_url)
        await database.migrate(engine)
        voor = set(threading.enumerate())
        storage = SqlStorage(engine)
        await storage.write({"a": {"n": 1}})
        await AanmeldingStore(engine).van_melder("29:iemand")  # a record transaction (its audit is a write)
        await storage.write({"b": {"n": 2}})
        nieuw = set(threading.enumerate()) - voor
        assert [t.name for t in nieuw] == ["zvh-schrijver_0"]
        await storage.close()
        await database.sluit(engine)
        for draad in nieuw:
            draad.join(5)
        assert not any(t.is_alive() for t in nieuw)
        # What it wrote is committed: another engine on the same file reads it.
        engine = database.create_engine(sqlite_url)
        try:
            assert set(await SqlStorage(engine).read(["a", "b"])) == {"a", "b"}
        finally:
            await database.sluit(engine)


class TestEenSchrijver:
    """The state writes and the record stores' transactions on one SQLite file run on its one writer
    thread (database.in_transactie): they take turns there instead of racing in SQLite's busy handler."""

    async def test_a_state_write_waits_out_a_long_record_transaction(self, sqlite_url, monkeypatch):
        from bot.aanmeldingen import AanmeldingStore

        pragmas = database._sqlite_pragmas

        def kort_geduld(dbapi_connection, record):  # noqa: ANN001
            pragmas(dbapi_connection, record)
            dbapi_connection.execute("PRAGMA busy_timeout=100")  # SQLite would give up after 0.1 s

        monkeypatch.setattr(database, "_sqlite_pragmas", kort_geduld)
        engine = database.create_engine(sqlite_url)
        try:
            await database.migrate(engine)
            storage = SqlStorage(engine)
            # A record transaction holding SQLite's write lock for half a second.
            lang = asyncio.ensure_future(AanmeldingStore(engine)._transactie(lambda conn: time.sleep(0.5)))
            await asyncio.sleep(0.1)
            schrijven = asyncio.ensure_future(storage.write({"k": {"n": 1}}))
            await asyncio.sleep(0.2)
            assert not schrijven.done()
            await lang
            await schrijven  # "database is locked" after 0.1 s if it had raced for the lock
            assert (await storage.read(["k"]))["k"]["n"] == 1
            await storage.close()
        finally:
            await database.sluit(engine)


class Afgebroken(BaseException):
    """Not an Exception, as KeyboardInterrupt is not (which would stop the test's event loop)."""


class TestGroepsCommit:
    """Transactions that queue while one commits share the next commit (and its fsync); each still
    succeeds or fails alone, and hears of its success only once it is committed."""

    @pytest.fixture
    async def sqlite_engine(self, sqlite_url: str):
        engine = database.create_engine(sqlite_url)
        await database.migrate(engine)
        yield engine
        await database.sluit(engine)

    @staticmethod
    def _tel_commits(engine: AsyncEngine) -> list[int]:
        commits = [0]
        event.listen(database._schrijver(engine)._engine, "commit", lambda conn: commits.__setitem__(0, commits[0] + 1))
        return commits

    async def test_many_writes_at_once_share_commits_and_all_are_stored(self, sqlite_engine: AsyncEngine):
        storage = SqlStorage(sqlite_engine)
        commits = self._tel_commits(sqlite_engine)
        # The first holds the writer thread a moment, so the others queue behind it.
        eerste = asyncio.ensure_future(database.in_transactie(sqlite_engine, lambda conn: time.sleep(0.2)))
        await asyncio.sleep(0.05)
        await asyncio.gather(eerste, *(storage.write({f"k{i}": {"n": i}}) for i in range(30)))
        gelezen = await storage.read([f"k{i}" for i in range(30)])
        assert {k: v["n"] for k, v in gelezen.items()} == {f"k{i}": i for i in range(30)}
        assert commits[0] == 2  # the sleeper's, then one for the 30 that waited

    async def test_a_failing_transaction_in_a_group_changes_nothing_and_the_others_stand(
        self, sqlite_engine: AsyncEngine
    ):
        storage = SqlStorage(sqlite_engine)
        await storage.write({"oud": {"n": 0}})
        verouderd = {"n": 1, "e_tag": "niet-meer-geldig"}
        eerste = asyncio.ensure_future(database.in_transactie(sqlite_engine, lambda conn: time.sleep(0.2)))
        await asyncio.sleep(0.05)
        uitkomsten = await asyncio.gather(
            eerste, storage.write({"a": {"n": 1}}), storage.write({"b": {"n": 2}, "oud": verouderd}),
            storage.write({"c": {"n": 3}}), return_exceptions=True,
        )
        assert uitkomsten[1] is None and uitkomsten[3] is None
        assert isinstance(uitkomsten[2], EtagConflict)
        gelezen = await storage.read(["a", "b", "c", "oud"])
        assert {k: v["n"] for k, v in gelezen.items()} == {"a": 1, "c": 3, "oud": 0}  # nothing of the failed one

    async def test_when_the_commit_fails_every_caller_hears_it_and_nothing_is_stored(
        self, sqlite_engine: AsyncEngine, monkeypatch
    ):
        storage = SqlStorage(sqlite_engine)
        schrijver = database._schrijver(sqlite_engine)
        dialect = schrijver._engine.dialect

        def kapotte_commit(dbapi_connection) -> None:  # noqa: ANN001
            raise sqlite3.OperationalError("disk I/O error")

        eerste = asyncio.ensure_future(database.in_transactie(sqlite_engine, lambda conn: time.sleep(0.2)))
        await asyncio.sleep(0.05)
        monkeypatch.setattr(dialect, "do_commit", kapotte_commit)  # the sleeper's commit fails too
        uitkomsten = await asyncio.gather(
            eerste, *(storage.write({f"k{i}": {"n": i}}) for i in range(5)), return_exceptions=True
        )
        assert all(isinstance(u, Exception) and "disk I/O error" in str(u) for u in uitkomsten)
        monkeypatch.undo()
        assert await storage.read([f"k{i}" for i in range(5)]) == {}
        await storage.write({"daarna": {"n": 1}})  # the writer goes on
        assert (await storage.read(["daarna"]))["daarna"]["n"] == 1

    async def test_a_transaction_after_which_sqlite_undid_the_whole_group_fails_alone(
        self, sqlite_engine: AsyncEngine
    ):
        """Disk full or an I/O error: SQLite rolls back the whole transaction, the work of the others
        in the group with it. They run again, alone; only the failing one fails."""
        storage = SqlStorage(sqlite_engine)

        def schijf_vol(conn) -> None:  # noqa: ANN001
            conn.connection.driver_connection.execute("ROLLBACK")  # what SQLite does on SQLITE_FULL
            raise sqlite3.OperationalError("database or disk is full")

        eerste = asyncio.ensure_future(database.in_transactie(sqlite_engine, lambda conn: time.sleep(0.2)))
        await asyncio.sleep(0.05)
        uitkomsten = await asyncio.gather(
            eerste, storage.write({"a": {"n": 1}}), database.in_transactie(sqlite_engine, schijf_vol),
            storage.write({"b": {"n": 2}}), return_exceptions=True,
        )
        assert uitkomsten[1] is None and uitkomsten[3] is None
        assert isinstance(uitkomsten[2], sqlite3.OperationalError)
        assert {k: v["n"] for k, v in (await storage.read(["a", "b"])).items()} == {"a": 1, "b": 2}

    @pytest.mark.parametrize("fout", [Afgebroken, StopIteration])
    async def test_any_exception_reaches_its_caller_and_the_writer_goes_on(self, sqlite_engine, fout):
        def kapot(conn) -> None:  # noqa: ANN001
            raise fout

        # (A future cannot hold a StopIteration: the caller gets a RuntimeError for it.)
        with pytest.raises(Afgebroken if fout is Afgebroken else RuntimeError):
            await asyncio.wait_for(database.in_transactie(sqlite_engine, kapot), 5)
        storage = SqlStorage(sqlite_engine)
        await asyncio.wait_for(storage.write({"daarna": {"n": 1}}), 5)
        assert (await storage.read(["daarna"]))["daarna"]["n"] == 1
