"""Shared fixtures and builders: databases (SQLite file, PostgreSQL), Teams-shaped activities, cards."""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pytest
from aiohttp import web
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount, Entity
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import database
from bot.aanmeldingen import AanmeldingStore
from bot.composition import Onderdelen, build_bot
from bot.signalen import SignaalStore
from bot.storage import SqlStorage
from dialogs.opslag import Diensten


class Logboek(logging.Handler):
    """Every log line of the test run as the bot would write it in production: our own loggers at
    any level, libraries at INFO and above (Settings.configure_logging). tests/test_zz_logboek.py
    scans it for the personal values the tests use."""

    EIGEN = ("bot", "dialogs", "knowledge")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.regels: list[str] = []
        self._opmaak = logging.Formatter("%(levelname)s %(name)s: %(message)s")

    def emit(self, record: logging.LogRecord) -> None:
        eigen = record.name.split(".")[0] in self.EIGEN
        if eigen or record.levelno >= logging.INFO:
            self.regels.append(self._opmaak.format(record))


LOGBOEK = Logboek()


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    root = logging.getLogger()
    root.addHandler(LOGBOEK)
    root.setLevel(min(root.level, logging.INFO))
    for naam in Logboek.EIGEN:
        logging.getLogger(naam).setLevel(logging.DEBUG)


# The PostgreSQL server every development and CI machine of this project has (trust auth).
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards.

    Where PostgreSQL cannot be reached the tests skip with the reason, except under CI, where
    they fail: a green CI must mean the PostgreSQL paths ran.
    """
    naam = f"zvh_test_{uuid.uuid4().hex[:12]}"
    try:
        asyncio.run(postgres_admin(f'CREATE DATABASE "{naam}"'))
    except (TimeoutError, OSError, asyncpg.PostgresError) as fout:
        reden = f"PostgreSQL at {POSTGRES_URL} unreachable: {type(fout).__name__}: {fout}"
        if os.environ.get("CI"):
            pytest.fail(reden)
        pytest.skip(reden)
    yield make_url(POSTGRES_URL).set(database=naam).render_as_string(hide_password=False)
    asyncio.run(postgres_admin(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))


async def postgres_admin(sql: str) -> None:
    """Run one statement on the maintenance database of the test PostgreSQL server."""
    conn = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL), timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A SQLite file of its own for each test."""
    return f"sqlite+aiosqlite:///{tmp_path / 'zvh.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request) -> str:
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return request.getfixturevalue("sqlite_url")


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on an empty bot_state table."""
    engine = database.create_engine(database_url)
    await database.migrate(engine)
    async with engine.begin() as conn:
        from sqlalchemy import text

        await conn.execute(text("DELETE FROM bot_state"))
    yield engine
    await engine.dispose()


def teams_activity(
    text: str | None = None,
    *,
    value: Any = None,
    locale: str = "nl-NL",
    user_id: str = "user-1",
    conversation_id: str = "conv-1",
    conversation_type: str = "personal",
    service_url: str = "https://test.invalid",
    **velden: Any,
) -> Activity:
    """A message activity shaped like the ones Teams sends."""
    return Activity(
        type=ActivityTypes.message,
        id=uuid.uuid4().hex,
        text=text,
        value=value,
        locale=locale,
        channel_id="msteams",
        service_url=service_url,
        from_property=ChannelAccount(id=user_id, name="Test Gebruiker"),
        recipient=ChannelAccount(id="bot-1", name="ZVH-assistent"),
        conversation=ConversationAccount(id=conversation_id, conversation_type=conversation_type),
        **velden,
    )


def vermelding(tekst: str = "<at>ZVH-assistent</at>") -> Entity:
    """An @mention of the bot as Teams puts it in a message's entities."""
    entity = Entity(type="mention")
    entity.additional_properties = {"mentioned": {"id": "bot-1", "name": "ZVH-assistent"}, "text": tekst}
    return entity


def card_of(activity: Activity) -> dict[str, Any] | None:
    """The Adaptive Card in a reply, if any."""
    for attachment in activity.attachments or []:
        if attachment.content_type == "application/vnd.microsoft.card.adaptive":
            return attachment.content
    return None


def seen_text(activity: Activity) -> str:
    """Everything a user reads in a reply: its text, the card's text blocks and button titles."""
    delen = [activity.text or ""]
    card = card_of(activity)
    if card:
        delen += [b["text"] for b in card.get("body", []) if b.get("type") == "TextBlock"]
        delen += [a["title"] for a in card.get("actions", [])]
    return "\n".join(d for d in delen if d)


def buttons(activity: Activity) -> list[tuple[str, Any]]:
    """(title, data) of the card's buttons."""
    card = card_of(activity) or {}
    return [(a["title"], a.get("data")) for a in card.get("actions", [])]


class Gesprek:
    """A conversation with the real bot through botbuilder's TestAdapter: send, then read replies."""

    def __init__(self, onderdelen: Onderdelen) -> None:
        self.onderdelen = onderdelen
        self.adapter = TestAdapter(onderdelen.bot.on_turn)
        for piece in onderdelen.middleware:
            self.adapter.use(piece)
        from bot.adapter import make_on_turn_error

        self.adapter.on_turn_error = make_on_turn_error(onderdelen.state)

    async def send(self, activity_or_text: Activity | str, **velden: Any) -> list[Activity]:
        """Run one turn and return every activity the bot sent in it."""
        activity = (
            teams_activity(activity_or_text, **velden) if isinstance(activity_or_text, str) else activity_or_text
        )
        # TestAdapter copies user, bot and conversation from its template: make this activity the template.
        self.adapter.template = activity
        self.adapter.activity_buffer.clear()
        await self.adapter.process_activity(activity, self.onderdelen.bot.on_turn)
        replies = list(self.adapter.activity_buffer)
        self.adapter.activity_buffer.clear()
        return replies

    async def click(self, data: dict[str, Any], **velden: Any) -> list[Activity]:
        """A card button click as Teams sends it: a message with value and no text."""
        return await self.send(teams_activity(None, value=data, **velden))

    async def press(self, reply: Activity, title: str, **velden: Any) -> list[Activity]:
        """Click the button with this title on the card of an earlier reply."""
        data = dict(buttons(reply))[title]
        return await self.click(data, **velden)


# A ZVH-medewerker of Maastricht Heuvelland, and one who triages every Veiligheidshuis.
MEDEWERKERS = {"medewerker-mh": ("MH",), "medewerker-alle": ()}
# The tests' "now": birth years and references depend on the year.
NU = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)


class Berichten:
    """Records proactive messages (the real sender is tested over HTTP in tests/bot)."""

    def __init__(self) -> None:
        self.verstuurd: list[tuple[dict[str, Any], str]] = []

    async def __call__(self, adres: Mapping[str, Any], tekst: str) -> None:
        self.verstuurd.append((dict(adres), tekst))


def make_diensten(engine: AsyncEngine, melding: Any = None) -> Diensten:
    """The dialogs' outside world on a real store, with a fixed clock and the test medewerkers."""
    return Diensten(
        AanmeldingStore(engine, klok=lambda: NU), SignaalStore(engine, klok=lambda: NU), melding or Berichten(),
        MEDEWERKERS, klok=lambda: NU,
    )


def make_gesprek(engine: AsyncEngine, melding: Any = None) -> Gesprek:
    """The real bot on SQL state and the real aanmeldingen store of `engine`."""
    return Gesprek(build_bot(SqlStorage(engine), make_diensten(engine, melding)))


@pytest.fixture
async def sql_engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on a fresh SQLite file."""
    engine = database.create_engine(sqlite_url)
    await database.migrate(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def sql_storage(sql_engine: AsyncEngine) -> SqlStorage:
    """SqlStorage on a fresh SQLite file."""
    return SqlStorage(sql_engine)


@pytest.fixture
def berichten() -> Berichten:
    return Berichten()


@pytest.fixture
def gesprek(sql_engine: AsyncEngine, berichten: Berichten) -> Gesprek:
    """The real bot on SQL state and records, driven through the TestAdapter."""
    return make_gesprek(sql_engine, berichten)


class FakeConnector:
    """Plays the Bot Connector service: records every activity the bot posts."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        self.received.append(await request.json())
        return web.json_response({"id": uuid.uuid4().hex})

    def texts(self) -> list[str]:
        """What a user reads in each received activity (text or the card's text blocks)."""
        uit = []
        for activity in self.received:
            delen = [activity.get("text") or ""]
            for attachment in activity.get("attachments") or []:
                delen += [b.get("text", "") for b in attachment["content"].get("body", [])]
            uit.append("\n".join(d for d in delen if d))
        return uit


@pytest.fixture
async def connector(aiohttp_server) -> FakeConnector:
    fake = FakeConnector()
    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", fake.handle)
    app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", fake.handle)
    server = await aiohttp_server(app)
    fake.url = str(server.make_url("/"))
    return fake


__all__ = [
    "MEDEWERKERS", "NU", "Berichten", "FakeConnector", "Gesprek", "buttons", "card_of", "make_diensten",
    "make_gesprek", "seen_text", "teams_activity", "vermelding",
]
