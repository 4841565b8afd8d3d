"""POST /api/messages as Teams sends it, and GET /healthz.

Replies of a normal turn go to the activity's serviceUrl: a fake connector (a real aiohttp server
on 127.0.0.1) records them. With deliveryMode expectReplies they come back in the HTTP response.
Malformed requests get a 4xx and a log line, never a 500.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot.app import MAX_BODY_BYTES, create_app
from bot.config import Settings
from dialogs import messages
from dialogs.i18n import Teksten
from tests.conftest import FakeConnector, postgres_admin

EN = Teksten("en")


@pytest.fixture
async def client(aiohttp_client, sqlite_url):
    return await aiohttp_client(create_app(Settings.for_tests(sqlite_url)))


def teams_message(text: str | None, service_url: str, **velden: Any) -> dict[str, Any]:
    """A message activity as JSON, the way Teams posts it."""
    activity = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "timestamp": "2026-11-22T10:00:00.000Z",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": "29:user-1", "name": "Test Gebruiker", "aadObjectId": "00000000-0000-0000-0000-000000000001"},
        "conversation": {"id": "a:conv-1", "conversationType": "personal", "tenantId": "tenant-1"},
        "recipient": {"id": "28:bot-1", "name": "ZVH-assistent"},
        "locale": "nl-NL",
        "text": text,
        "channelData": {"tenant": {"id": "tenant-1"}},
    }
    activity.update(velden)
    return activity


class TestDefaultDelivery:
    async def test_help_reply_is_posted_to_the_service_url(self, client, connector: FakeConnector):
        resp = await client.post("/api/messages", json=teams_message("help", connector.url))
        assert resp.status == 201
        assert len(connector.received) == 1
        assert messages.HULP_TITEL in connector.texts()[0]
        assert connector.received[0]["replyToId"]

    async def test_conversation_update_gets_the_welcome_card(self, client, connector: FakeConnector):
        body = teams_message(None, connector.url, type="conversationUpdate",
                             membersAdded=[{"id": "28:bot-1"}])
        resp = await client.post("/api/messages", json=body)
        assert resp.status == 201
        assert messages.WELKOM_TITEL in connector.texts()[0]

    async def test_conversation_update_without_channel_data_still_welcomes(self, client, connector):
        body = teams_message(None, connector.url, type="conversationUpdate", membersAdded=[{"id": "28:bot-1"}])
        del body["channelData"]
        resp = await client.post("/api/messages", json=body)
        assert resp.status == 201
        assert messages.WELKOM_TITEL in connector.texts()[0]

    async def test_english_locale_replies_in_english(self, client, connector: FakeConnector):
        await client.post("/api/messages", json=teams_message("help", connector.url, locale="en-US"))
        assert EN(messages.HULP_TITEL) in connector.texts()[0]

    async def test_a_multi_turn_flow_over_http(self, client, connector: FakeConnector):
        for tekst in ("check", "weet ik niet", "ja", "nee"):
            assert (await client.post("/api/messages", json=teams_message(tekst, connector.url))).status == 201
        assert messages.CHECK_UITKOMST_LOKAAL in connector.texts()[-1]

    async def test_unknown_activity_type_is_accepted_quietly(self, client, connector: FakeConnector):
        resp = await client.post("/api/messages", json=teams_message(None, connector.url, type="somethingNew"))
        assert resp.status == 201
        assert connector.received == []


class TestExpectReplies:
    async def test_expect_replies_returns_the_replies(self, client):
        body = teams_message("help", "https://unused.invalid", deliveryMode="expectReplies")
        resp = await client.post("/api/messages", json=body)
        assert resp.status == 200
        replies = (await resp.json())["activities"]
        assert [r["type"] for r in replies] == ["message"]  # no trace with a state snapshot
        kaart = replies[0]["attachments"][0]["content"]
        assert any(b.get("text") == messages.HULP_TITEL for b in kaart["body"])

    async def test_expect_replies_needs_no_service_url(self, client):
        body = teams_message("check", "", deliveryMode="expectReplies")
        del body["serviceUrl"]
        resp = await client.post("/api/messages", json=body)
        assert resp.status == 200
        assert len((await resp.json())["activities"]) == 2  # intro + criterion A


class TestMalformed:
    @pytest.mark.parametrize(
        ("data", "content_type", "status"),
        [
            (b"dit is geen json", "application/json", 400),
            (b"[1, 2, 3]", "application/json", 400),
            (b'{"text": "hallo"}', "application/json", 400),
            (b'{"type": ""}', "application/json", 400),
            (b'{"type": 5}', "application/json", 400),
            (b'{"type": "message", "text": "help"}', "application/json", 400),
            (b'{"type": "message", "channelId": "msteams", "conversation": {"id": "c"}, "from": {"id": "u"}}',
             "application/json", 400),
            (b"\xff\xfe\x00", "application/json", 400),
            (b"[" * 100_000, "application/json", 400),
            (b'{"type": "message", "text": "help"}', "application/json; charset=foo", 400),
            (b'{"type": "message"}', "text/plain", 415),
            (b"type=message", "application/x-www-form-urlencoded", 415),
        ],
        ids=["not-json", "array", "no-type", "empty-type", "type-not-string", "no-conversation",
             "no-service-url", "bad-utf8", "deeply-nested", "unknown-charset", "text-plain", "form"],
    )
    async def test_rejected_with_4xx_and_a_log_line(self, client, caplog, data, content_type, status):
        with caplog.at_level(logging.WARNING, logger="bot.app"):
            resp = await client.post("/api/messages", data=data, headers={"Content-Type": content_type})
        assert resp.status == status
        assert any(f"refused with {status}" in r.getMessage() for r in caplog.records)

    async def test_body_over_256_kb_is_413(self, client, connector, caplog):
        body = teams_message("x" * (MAX_BODY_BYTES + 10), connector.url)
        with caplog.at_level(logging.WARNING, logger="bot.app"):
            resp = await client.post("/api/messages", json=body)
        assert resp.status == 413
        assert connector.received == []
        assert any("refused with 413" in r.getMessage() for r in caplog.records)

    async def test_get_is_not_allowed(self, client):
        assert (await client.get("/api/messages")).status == 405


class TestFailures:
    async def test_a_failing_turn_apologises_logs_no_message_text_and_returns_201(
        self, client, connector, monkeypatch, caplog
    ):
        from dialogs.root import RootDialog

        async def kapot(self, inner_dc, options=None):
            raise RuntimeError(f"kon niet verwerken: {inner_dc.context.activity.text}")

        monkeypatch.setattr(RootDialog, "on_begin_dialog", kapot)
        with caplog.at_level(logging.DEBUG):
            resp = await client.post("/api/messages", json=teams_message("help voor J. de Vries", connector.url))
        assert resp.status == 201
        assert connector.texts() == [messages.FOUT_EXCUSES]
        assert "turn failed: RuntimeError" in caplog.text
        assert "de Vries" not in caplog.text

    async def test_after_a_failed_turn_the_broken_flow_is_gone(self, client, connector, monkeypatch):
        await client.post("/api/messages", json=teams_message("check", connector.url))
        await client.post("/api/messages", json=teams_message("weet ik niet", connector.url))

        def kapot(*_args):
            raise RuntimeError("stuk")

        monkeypatch.setattr("dialogs.criteria_check.volgende_vraag", kapot)
        await client.post("/api/messages", json=teams_message("ja", connector.url))
        monkeypatch.undo()
        assert connector.texts()[-1] == messages.FOUT_EXCUSES
        await client.post("/api/messages", json=teams_message("ja", connector.url))
        assert messages.NIET_BEGREPEN in connector.texts()[-1]

    async def test_unreachable_service_url_does_not_give_a_500(self, client):
        resp = await client.post("/api/messages", json=teams_message("help", "http://127.0.0.1:9/"))
        assert resp.status == 201


class TestAuthentication:
    @pytest.mark.parametrize(
        "header",
        [None, "", "Bearer", "Bearer x", "Bearer a.b.c", "Basic dXNlcjpwdw==",
         "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXVy"],
        ids=["missing", "empty", "no-token", "garbage", "three-parts", "basic", "hs256"],
    )
    async def test_configured_app_id_without_a_valid_token_is_401(
        self, aiohttp_client, sqlite_url, connector, header
    ):
        settings = Settings(APP_ID="00000000-0000-0000-0000-0000000000aa", APP_PASSWORD="geheim",
                            APP_TYPE="SingleTenant", APP_TENANTID="tenant-1", database_url=sqlite_url)
        client = await aiohttp_client(create_app(settings))
        headers = {} if header is None else {"Authorization": header}
        resp = await client.post("/api/messages", json=teams_message("help", connector.url), headers=headers)
        assert resp.status == 401
        assert connector.received == []

    async def test_a_bad_token_is_refused_even_in_local_mode(self, client, connector):
        resp = await client.post("/api/messages", json=teams_message("help", connector.url),
                                 headers={"Authorization": "Bearer a.b.c"})
        assert resp.status == 401
        assert connector.received == []


class TestHealthz:
    async def test_ok_when_the_database_answers(self, client):
        resp = await client.get("/healthz")
        assert resp.status == 200
        assert await resp.json() == {"status": "ok", "database": "ok"}

    async def test_503_when_the_database_goes_away(self, aiohttp_client, postgres_url):
        naam = f"zvh_health_{uuid.uuid4().hex[:8]}"
        await postgres_admin(f'CREATE DATABASE "{naam}"')
        url = make_url(postgres_url).set(database=naam).render_as_string(hide_password=False)
        client = await aiohttp_client(create_app(Settings.for_tests(url)))
        assert (await client.get("/healthz")).status == 200
        await postgres_admin(f'DROP DATABASE "{naam}" WITH (FORCE)')
        resp = await client.get("/healthz")
        assert resp.status == 503
        assert (await resp.json())["database"] == "unreachable"


class TestConcurrentTurns:
    async def test_quick_answers_of_one_user_are_taken_one_after_another(self, client, connector):
        import asyncio

        await client.post("/api/messages", json=teams_message("check", connector.url))
        await client.post("/api/messages", json=teams_message("weet ik niet", connector.url))
        antwoorden = await asyncio.gather(
            *(client.post("/api/messages", json=teams_message("ja", connector.url)) for _ in range(3))
        )
        assert [r.status for r in antwoorden] == [201, 201, 201]
        teksten = connector.texts()
        assert not any(messages.FOUT_GELIJKTIJDIG in t for t in teksten)
        assert sum("Criterium B van 4" in t for t in teksten) == 1
        assert sum("Criterium C van 4" in t for t in teksten) == 1
        assert messages.CHECK_UITKOMST_AANMELDEN in teksten[-1]  # all three criteria met

    async def test_a_turn_that_loses_the_etag_race_sends_only_the_notice(self, client, connector, monkeypatch):
        """Another process wrote this user's state first: the losing turn's own answer (here the next
        criterion) must not reach the user, only the request to send the answer again."""
        from bot.storage import EtagConflict, SqlStorage

        await client.post("/api/messages", json=teams_message("check", connector.url))
        await client.post("/api/messages", json=teams_message("weet ik niet", connector.url))
        voor = len(connector.received)

        async def verloren(self, key, value, tekst):
            raise EtagConflict(key)

        monkeypatch.setattr(SqlStorage, "write_document", verloren)
        await client.post("/api/messages", json=teams_message("ja", connector.url))
        assert connector.texts()[voor:] == [messages.FOUT_GELIJKTIJDIG]

    async def test_a_database_error_keeps_the_flow_and_asks_to_send_the_answer_again(
        self, client, connector, monkeypatch
    ):
        """The database did not take the turn ("database is locked", a dropped connection): what was
        stored before it is intact, so the flow stays and the same answer works a moment later."""
        import sqlite3

        from sqlalchemy.exc import OperationalError

        from bot.storage import SqlStorage

        await client.post("/api/messages", json=teams_message("check", connector.url))
        await client.post("/api/messages", json=teams_message("weet ik niet", connector.url))
        voor = len(connector.received)
        echte_write = SqlStorage.write_document

        async def op_slot(self, key, value, tekst):
            raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))

        monkeypatch.setattr(SqlStorage, "write_document", op_slot)
        await client.post("/api/messages", json=teams_message("ja", connector.url))
        assert connector.texts()[voor:] == [messages.FOUT_OPSLAG]
        monkeypatch.setattr(SqlStorage, "write_document", echte_write)
        await client.post("/api/messages", json=teams_message("ja", connector.url))
        assert "Criterium B van" in " ".join(connector.texts()[voor + 1:])
