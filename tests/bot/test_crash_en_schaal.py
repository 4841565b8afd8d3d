"""Crash safety and scale-out with the real server processes.

- SIGKILL at a random moment while an aanmelding is being confirmed, 50 times: after a restart
  nothing confirmed is lost or duplicated, the references stay gap-free, and the user's next
  click gets a sensible answer. Likewise, 10 times, while a signal is being recorded. Also while a
  medewerker saves a triage.
- Two bot processes on one PostgreSQL database: a conversation whose turns alternate between them
  completes a full aanmelding; two turns of one conversation at the same moment on both processes
  are serialised or the later one is refused (it says so), never merged.
"""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from dialogs import messages
from tests.bot.test_aanmelding_http import FORMULIER
from tests.bot.test_messages_endpoint import teams_message
from tests.bot.test_processes import Server, _free_port
from tests.conftest import FakeConnector, postgres_admin

PROEVEN = 50
PROEVEN_SIGNAAL = 10


def _knop(activity: dict[str, Any], titel: str) -> dict[str, Any]:
    return next(a["data"] for a in activity["attachments"][0]["content"].get("actions", []) if a["title"] == titel)


class Gebruiker:
    """One professional's personal chat, talking to whichever server it is given."""

    def __init__(self, connector: FakeConnector, user_id: str | None = None) -> None:
        self.connector = connector
        self.user_id = user_id or f"29:{uuid.uuid4().hex[:10]}"
        self.gesprek = f"a:{uuid.uuid4().hex}"

    def bericht(self, tekst: str | None, value: Any = None) -> dict[str, Any]:
        gesprek = {"id": self.gesprek, "conversationType": "personal"}
        body = teams_message(tekst, self.connector.url, conversation=gesprek)
        body["from"] = {"id": self.user_id, "name": "Proef"}
        if value is not None:
            body["value"] = value
        return body

    def laatste(self) -> dict[str, Any]:
        return [a for a in self.connector.received if a["conversation"]["id"] == self.gesprek][-1]

    async def stuur(self, session: aiohttp.ClientSession, server: Server, tekst: str | None, value: Any = None):
        async with session.post(f"{server.url}/api/messages", json=self.bericht(tekst, value)) as resp:
            assert resp.status == 201, await resp.text()
        return self.laatste()


def _tekst(activity: dict[str, Any]) -> str:
    delen = [activity.get("text") or ""]
    for bijlage in activity.get("attachments") or []:
        delen += [b.get("text", "") for b in bijlage["content"].get("body", [])]
    return "\n".join(delen)


async def _klik_en_sigkill(
    session: aiohttp.ClientSession, tmp_path: Path, server: Server, gebruiker: Gebruiker, klik: dict[str, Any],
    kansen: random.Random,
) -> tuple[Server, str]:
    """Click, SIGKILL the server somewhere in that turn (or just after), restart it, and click again,
    as a user not sure what happened would: the new server and the text of its answer."""
    verzoek = asyncio.ensure_future(session.post(f"{server.url}/api/messages", json=gebruiker.bericht(None, klik)))
    await asyncio.sleep(kansen.uniform(0, 0.04))
    server.stop(signal.SIGKILL)
    try:
        (await verzoek).release()
    except aiohttp.ClientError:
        pass  # the server died before it answered
    server = Server(tmp_path, server.port)
    await server.ready(session)
    antwoord = _tekst(await gebruiker.stuur(session, server, None, klik))
    assert messages.FOUT_EXCUSES not in antwoord
    return server, antwoord


def _eenmaal_zonder_gat(tmp_path: Path, tabel: str, gebruikers: list[Gebruiker]) -> None:
    """Every user's record is stored once (nothing lost, nothing twice), numbered 1..n without a gap."""
    with sqlite3.connect(tmp_path / "data" / "zvh-assistent.db") as db:
        per_melder = dict(db.execute(f"SELECT melder_id, count(*) FROM {tabel} GROUP BY melder_id").fetchall())
        nummers = sorted(int(r[0].rsplit("-", 1)[1]) for r in db.execute(f"SELECT referentie FROM {tabel}"))
    assert per_melder == {g.user_id: 1 for g in gebruikers}
    assert nummers == list(range(1, len(gebruikers) + 1))


async def _proeven_met_sigkill(
    tmp_path: Path, connector: FakeConnector, zaad: int, proeven: int, tabel: str, referentie: str,
    tot_de_klik: Callable[[aiohttp.ClientSession, Server, Gebruiker], Awaitable[dict[str, Any]]],
) -> None:
    """`proeven` users each take the steps `tot_de_klik` to the button that stores their record, click
    it with a SIGKILL (_klik_en_sigkill) and must be answered with their reference (it starts with
    `referentie`); afterwards every record is stored once, gap-free."""
    kansen = random.Random(zaad)
    gebruikers: list[Gebruiker] = []
    async with aiohttp.ClientSession() as session:
        server = Server(tmp_path, _free_port())
        try:
            await server.ready(session)
            for _ in range(proeven):
                gebruiker = Gebruiker(connector)
                gebruikers.append(gebruiker)
                klik = await tot_de_klik(session, server, gebruiker)
                server, antwoord = await _klik_en_sigkill(session, tmp_path, server, gebruiker, klik, kansen)
                # Stored now, or already (the flow had ended): either way the reference, not a shrug.
                assert referentie in antwoord and messages.KLIK_NA_AFLOOP not in antwoord, antwoord
        finally:
            server.stop()

    _eenmaal_zonder_gat(tmp_path, tabel, gebruikers)


async def test_sigkill_during_confirm_loses_and_duplicates_nothing(tmp_path, connector: FakeConnector):
    async def tot_bevestigen(session: aiohttp.ClientSession, server: Server, gebruiker: Gebruiker) -> dict[str, Any]:
        formulier = await gebruiker.stuur(session, server, "aanmelden")
        samenvatting = await gebruiker.stuur(
            session, server, None, {**_knop(formulier, messages.KNOP_VERSTUREN), **FORMULIER}
        )
        return _knop(samenvatting, messages.KNOP_BEVESTIGEN)

    await _proeven_met_sigkill(tmp_path, connector, 20261122, PROEVEN, "aanmelding", "ZVH-MH-", tot_bevestigen)


async def test_sigkill_while_recording_a_signal_loses_and_duplicates_nothing(tmp_path, connector: FakeConnector):
    async def tot_vastleggen(session: aiohttp.ClientSession, server: Server, gebruiker: Gebruiker) -> dict[str, Any]:
        for tekst in ("signaal", "nee", "verward"):
            await gebruiker.stuur(session, server, tekst)
        vraag = await gebruiker.stuur(session, server, "Roermond")
        kaart = await gebruiker.stuur(session, server, None, _knop(vraag, messages.KNOP_VASTLEGGEN))
        return {**_knop(kaart, messages.KNOP_VASTLEGGEN), "samenvatting": "Verward gedrag op straat."}

    await _proeven_met_sigkill(tmp_path, connector, 20261123, PROEVEN_SIGNAAL, "signaal", "SIG-ML-", tot_vastleggen)


async def test_sigkill_during_triage_leaves_a_consistent_case(tmp_path, connector: FakeConnector):
    port = _free_port()
    kansen = random.Random(7)
    medewerker = "29:mw-crash"
    async with aiohttp.ClientSession() as session:
        server = Server(tmp_path, port, ZVH_MEDEWERKERS=f"{medewerker}@MH")
        try:
            await server.ready(session)
            melder = Gebruiker(connector)
            formulier = await melder.stuur(session, server, "aanmelden")
            samenvatting = await melder.stuur(session, server, None, {**_knop(formulier, messages.KNOP_VERSTUREN),
                                                                       **FORMULIER})
            bevestigd = await melder.stuur(session, server, None, _knop(samenvatting, messages.KNOP_BEVESTIGEN))
            referentie = _knop(bevestigd, messages.KNOP_AANMELDING_BEKIJKEN)["referentie"]
            mw = Gebruiker(connector, medewerker)
            detail = await mw.stuur(session, server, referentie)
            opslaan = _knop(detail, messages.KNOP_VERVOLGACTIE_OPSLAAN)
            for proef in range(10):
                waarde = {**opslaan, "vervolgactie": "netwerkoverleg", "notitie": f"ronde {proef}"}
                verzoek = asyncio.ensure_future(session.post(f"{server.url}/api/messages",
                                                             json=mw.bericht(None, waarde)))
                await asyncio.sleep(kansen.uniform(0, 0.04))
                server.stop(signal.SIGKILL)
                try:
                    (await verzoek).release()
                except aiohttp.ClientError:
                    pass
                server = Server(tmp_path, port, ZVH_MEDEWERKERS=f"{medewerker}@MH")
                await server.ready(session)
                antwoord = _tekst(await mw.stuur(session, server, None, waarde))  # saved again after the crash
                assert messages.FOUT_EXCUSES not in antwoord
        finally:
            server.stop()
    with sqlite3.connect(tmp_path / "data" / "zvh-assistent.db") as db:
        rijen = db.execute("SELECT status, vervolgactie, notitie FROM aanmelding").fetchall()
        wijzigingen = db.execute("SELECT count(*) FROM audit_event WHERE actie = 'gewijzigd'").fetchone()[0]
    assert rijen == [("vervolgactie_gekozen", "netwerkoverleg", "ronde 9")]
    assert wijzigingen >= 11  # the first look and every save that committed is in the audit trail


@pytest.fixture
async def gedeelde_database(postgres_url: str):
    """A fresh PostgreSQL database for two bot processes."""
    naam = f"zvh_schaal_{uuid.uuid4().hex[:8]}"
    await postgres_admin(f'CREATE DATABASE "{naam}"')
    try:
        yield make_url(postgres_url).set(database=naam).render_as_string(hide_password=False)
    finally:
        await postgres_admin(f'DROP DATABASE "{naam}" WITH (FORCE)')


@pytest.mark.postgres
async def test_two_processes_on_one_postgresql_complete_an_aanmelding(tmp_path, connector, gedeelde_database):
    async with aiohttp.ClientSession() as session:
        servers = [Server(tmp_path, _free_port(), DATABASE_URL=gedeelde_database) for _ in range(2)]
        try:
            for server in servers:
                await server.ready(session)
            gebruiker = Gebruiker(connector)
            # Every turn on the other process, as a load balancer may do.
            formulier = await gebruiker.stuur(session, servers[0], "aanmelden")
            formulier_ingevuld = {**_knop(formulier, messages.KNOP_VERSTUREN), **FORMULIER}
            samenvatting = await gebruiker.stuur(session, servers[1], None, formulier_ingevuld)
            assert messages.SAMENVATTING_TITEL in _tekst(samenvatting)
            bevestigd = await gebruiker.stuur(session, servers[0], None, _knop(samenvatting, messages.KNOP_BEVESTIGEN))
            assert "Aanmelding ontvangen: ZVH-MH-" in _tekst(bevestigd)
            lijst = await gebruiker.stuur(session, servers[1], "mijn aanmeldingen")
            assert _knop(bevestigd, messages.KNOP_AANMELDING_BEKIJKEN)["referentie"] in _tekst(lijst)

            # Two answers of one conversation at the same moment, one on each process.
            tweede = Gebruiker(connector)
            await tweede.stuur(session, servers[0], "check")
            await tweede.stuur(session, servers[1], "weet ik niet")
            voor = len(connector.received)
            statussen = await asyncio.gather(*(
                session.post(f"{server.url}/api/messages", json=tweede.bericht(antwoord))
                for server, antwoord in zip(servers, ("ja", "nee"), strict=True)
            ))
            assert [s.status for s in statussen] == [201, 201]
            teksten = [_tekst(a) for a in connector.received[voor:] if a["conversation"]["id"] == tweede.gesprek]
            # Taken one after the other ("ja" then "nee": question B, then a verdict with A met; or "nee"
            # then "ja": the verdict on A, then "ja" outside the ended check), or the later one refused.
            # Merged would be both taken on the same state: "ja"'s question B and "nee"'s verdict on A.
            vraag_b = any("Criterium B van 4" in t for t in teksten)
            a_niet_voldaan = any(messages.CHECK_UITKOMST_LOKAAL in t and "Niet voldaan: A" in t for t in teksten)
            geweigerd = sum(messages.FOUT_GELIJKTIJDIG in t for t in teksten)
            assert vraag_b != a_niet_voldaan, teksten
            assert geweigerd <= 1, teksten
        finally:
            for server in servers:
                server.stop()
