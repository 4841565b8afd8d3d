"""Hostile and broken requests at POST /api/messages, generated (hypothesis): never a 5xx, and a
well-formed message always gets an answer at its serviceUrl."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import create_app
from bot.config import Settings
from tests.conftest import FakeConnector
from tests.dialogs.test_vijandig import JSON, TEKST

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
async def client(aiohttp_client, sqlite_url):
    return await aiohttp_client(create_app(Settings.for_tests(sqlite_url)))


def _activity(connector_url: str, **velden) -> dict:
    activity = {
        "type": "message", "id": uuid.uuid4().hex, "channelId": "msteams", "serviceUrl": connector_url,
        "from": {"id": f"29:{uuid.uuid4().hex[:8]}", "name": "Fuzz"},
        "conversation": {"id": f"a:{uuid.uuid4().hex}", "conversationType": "personal"},
        "recipient": {"id": "28:bot-1", "name": "ZVH-assistent"}, "locale": "nl-NL",
    }
    activity.update(velden)
    return activity


VELD = st.sampled_from(["type", "text", "value", "from", "conversation", "recipient", "serviceUrl", "locale",
                        "entities", "channelData", "membersAdded", "attachments", "deliveryMode", "id"])


@FUZZ
@given(velden=st.dictionaries(VELD, JSON, max_size=5))
async def test_any_field_of_any_type_is_never_a_server_error(client, connector: FakeConnector, velden: dict):
    resp = await client.post("/api/messages", json=_activity(connector.url, **velden))
    assert resp.status < 500, (velden, resp.status, await resp.text())


@FUZZ
@given(body=JSON)
async def test_any_json_body_is_never_a_server_error(client, body):
    resp = await client.post("/api/messages", json=body)
    assert 400 <= resp.status < 500


@FUZZ
@given(tekst=TEKST, soort=st.sampled_from(["personal", "groupChat", "channel", None, 5]))
async def test_a_message_with_any_text_gets_an_answer(client, connector: FakeConnector, tekst: str, soort):
    activity = _activity(connector.url, text=tekst)
    activity["conversation"]["conversationType"] = soort
    voor = len(connector.received)
    resp = await client.post("/api/messages", json=activity)
    assert resp.status < 500
    if soort == "personal" and resp.status in (200, 201) and tekst.strip():
        assert len(connector.received) > voor, repr(tekst)


async def test_a_conversation_update_storm(client, connector: FakeConnector):
    leden = [{"id": f"29:lid-{i}"} for i in range(500)]
    for _ in range(50):
        body = _activity(connector.url, type="conversationUpdate", membersAdded=leden)
        body["conversation"]["conversationType"] = "channel"
        assert (await client.post("/api/messages", json=body)).status < 500
    assert connector.received == []  # nobody greeted: only the bot joining a channel is welcomed
