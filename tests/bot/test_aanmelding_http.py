"""Proactive messages over HTTP as Teams sends the turns, through the real adapter (ProactieveMelding).

An aanmelding: the melder fills in the form card and confirms through /api/messages; a
ZVH-medewerker opens it in their own conversation; the status message reaches the melder's
conversation, posted to the fake connector like any reply. Nothing personal in the log.
A recorded signal: posted to the meldpunt's channel configured in MELDPUNT_GESPREKKEN.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import replace
from types import MappingProxyType
from typing import Any

import pytest

from bot.app import create_app
from bot.config import Settings
from dialogs import messages
from knowledge.aanmelding import load_formulier
from tests.bot.test_messages_endpoint import teams_message
from tests.conftest import FakeConnector

FK = load_formulier()
SITUATIE = "Uniek-situatie-7Q: overlast en schulden, hulp loopt vast."
FORMULIER = {
    "organisatie": "Wijkteam Zuid-9X", "telefoon": "06-12345678", "gemeente": "Maastricht",
    "doelgroep": FK.doelgroepen[0].code, "initialen": "Q.X.", "geboortejaar": "1979", "gezin_met_kinderen": "ja",
    f"zrm_{FK.leefgebieden[0].code}": "2", "situatie": SITUATIE, "partners": "GGZ", "stagnatie": "Geen plan.",
    "geinformeerd": "ja", "urgentie": FK.urgenties[0].code,
}


@pytest.fixture
async def client(aiohttp_client, sqlite_url):
    settings = replace(Settings.for_tests(sqlite_url), medewerkers=MappingProxyType({"29:mw": ("MH",)}))
    return await aiohttp_client(create_app(settings))


def _card(activity: dict[str, Any]) -> dict[str, Any]:
    return activity["attachments"][0]["content"]


def _knop(activity: dict[str, Any], titel: str) -> dict[str, Any]:
    return next(a["data"] for a in _card(activity).get("actions", []) if a["title"] == titel)


async def test_confirm_over_http_then_the_melder_hears_of_the_triage(client, connector: FakeConnector, caplog):
    # As Settings.configure_logging at LOG_LEVEL=DEBUG: our loggers at DEBUG, libraries at INFO.
    caplog.set_level(logging.INFO)
    for naam in ("bot", "dialogs", "knowledge"):
        caplog.set_level(logging.DEBUG, logger=naam)
    melder = {"conversation": {"id": "a:conv-melder", "conversationType": "personal", "tenantId": "tenant-1"}}

    async def post(text: str | None, value: Any = None, **velden: Any) -> dict[str, Any]:
        voor = len(connector.received)
        body = teams_message(text, connector.url, **velden)
        if value is not None:
            body["value"] = value
        resp = await client.post("/api/messages", json=body)
        assert resp.status in (200, 201)
        assert len(connector.received) > voor
        return connector.received[-1]

    formulier = await post("aanmelden", **melder)
    samenvatting = await post(None, {**_knop(formulier, messages.KNOP_VERSTUREN), **FORMULIER}, **melder)
    assert _card(samenvatting)["body"][0]["text"] == messages.SAMENVATTING_TITEL
    bevestigd = await post(None, _knop(samenvatting, messages.KNOP_BEVESTIGEN), **melder)
    titel = _card(bevestigd)["body"][0]["text"]
    assert titel.startswith("Aanmelding ontvangen: ZVH-MH-") and titel.endswith("-000001")  # the real clock's year
    referentie = _knop(bevestigd, messages.KNOP_AANMELDING_BEKIJKEN)["referentie"]

    medewerker = {
        "from": {"id": "29:mw", "name": "Medewerker"},
        "conversation": {"id": "a:conv-mw", "conversationType": "personal", "tenantId": "tenant-1"},
    }
    voor = len(connector.received)
    await post(None, {"actie": "aanmelding_bekijken", "referentie": referentie}, **medewerker)
    nieuw = connector.received[voor:]
    naar_melder = [a for a in nieuw if a["conversation"]["id"] == "a:conv-melder"]
    assert [a["text"] for a in naar_melder] == [
        messages.STATUS_BERICHT.format(referentie=referentie, status=FK.statussen[1].nl)
    ]
    naar_medewerker = [a for a in nieuw if a["conversation"]["id"] == "a:conv-mw"]
    assert SITUATIE in str(naar_medewerker[-1])

    for waarde in (SITUATIE, "Wijkteam Zuid-9X", "Q.X.", "06-12345678"):
        assert waarde not in caplog.text


async def test_a_recorded_signal_reaches_the_meldpunt_channel(aiohttp_client, sqlite_url, connector: FakeConnector):
    """MELDPUNT_GESPREKKEN as an operator sets it; the channel is the local listener."""
    kanaal = {"MH/radicalisering": {"conversation_id": "19:meldpunt-mh@thread.tacv2", "service_url": connector.url,
                                    "tenant_id": "tenant-1"}}
    settings = Settings.from_env({"DATABASE_URL": sqlite_url, "MELDPUNT_GESPREKKEN": json.dumps(kanaal)})
    client = await aiohttp_client(create_app(settings))
    for tekst in ("signaal", "nee", "radicalisering", "Maastricht", "vastleggen",
                  "Jongen uit de wijk zegt dat hij naar Syrië wil om te strijden."):
        resp = await client.post("/api/messages", json=teams_message(tekst, connector.url))
        assert resp.status == 201
    in_kanaal = [a for a in connector.received if a["conversation"]["id"] == "19:meldpunt-mh@thread.tacv2"]
    assert len(in_kanaal) == 1
    assert "Syrië" in in_kanaal[0]["text"] and "SIG-MH-" in in_kanaal[0]["text"]
    assert messages.SIGNAAL_DOORGEZET in connector.texts()[-1]


async def test_a_medewerker_opening_their_own_aanmelding_is_answered(aiohttp_client, sqlite_url, connector):
    """The status message goes to the very conversation whose turn is running: it must not wait
    for that turn's lock (it once hung the chat until a restart)."""
    settings = replace(Settings.for_tests(sqlite_url), medewerkers=MappingProxyType({"29:user-1": ("MH",)}))
    client = await aiohttp_client(create_app(settings))

    async def post(text: str | None, value: Any = None) -> dict[str, Any]:
        body = teams_message(text, connector.url)
        if value is not None:
            body["value"] = value
        resp = await asyncio.wait_for(client.post("/api/messages", json=body), timeout=15)
        assert resp.status == 201
        return connector.received[-1]

    formulier = await post("aanmelden")
    samenvatting = await post(None, {**_knop(formulier, messages.KNOP_VERSTUREN), **FORMULIER})
    bevestigd = await post(None, _knop(samenvatting, messages.KNOP_BEVESTIGEN))
    referentie = _knop(bevestigd, messages.KNOP_AANMELDING_BEKIJKEN)["referentie"]
    voor = len(connector.received)
    await post(None, {"actie": "aanmelding_bekijken", "referentie": referentie})
    teksten = connector.texts()[voor:]
    assert messages.STATUS_BERICHT.format(referentie=referentie, status=FK.statussen[1].nl) in teksten
    assert any(messages.KNOP_VERVOLGACTIE_OPSLAAN in str(a) for a in connector.received[voor:])
    help_ = await asyncio.wait_for(client.post("/api/messages", json=teams_message("help", connector.url)), 15)
    assert help_.status == 201
