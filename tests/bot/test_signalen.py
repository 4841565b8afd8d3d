"""SignaalStore on SQLite and PostgreSQL: gap-free references per house and year (also under
concurrency and failure, and apart from the aanmeldingen' numbers), one signal per concept id (also
when two confirmations race, and for the rows migration 0004 found without one), authorisation, the
audit trail without the summary, and erasure after the retention period, also by `python -m bot purge`."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import aanmeldingen as aanmeldingen_module
from bot import database
from bot import signalen as signalen_module
from bot.aanmeldingen import AanmeldingStore
from bot.models import ReferentieTellerRow, SignaalRow
from bot.signalen import SignaalStore
from dialogs.opslag import Signalen
from knowledge.aanmelding import AFGESLOTEN, Melder
from knowledge.signaal import AFGEHANDELD, NIEUW, Signaal
from tests.bot.test_aanmeldingen import Klok, audit, make_concept

_REPO = Path(__file__).resolve().parents[2]
_BEGIN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
# A value no other test data holds, to look for in audit details and the SQLite file's bytes.
_SAMENVATTING = "Zorgwekkend-SQ9-signaal over een jongere"
_HUIS_VAN = {"Maastricht": "MH", "Sittard-Geleen": "WM", "Venlo": "NL"}
ANNA = ("29:anna", "Anna de Vries")
BERT = ("29:bert", "Bert Jansen")


@pytest.fixture
def klok() -> Klok:
    return Klok(_BEGIN)


@pytest.fixture
def store(db: AsyncEngine, klok: Klok) -> SignaalStore:
    return SignaalStore(db, klok=klok)


async def leg_vast(
    store: SignaalStore, gemeente: str = "Maastricht", soort: str = "radicalisering",
    melder: tuple[str, str] = ANNA, samenvatting: str = _SAMENVATTING, concept_id: str | None = None,
) -> Signaal:
    """Record a signal; a new concept unless `concept_id` is given."""
    concept_id = concept_id or uuid.uuid4().hex
    return await store.vastleggen(concept_id, soort, gemeente, _HUIS_VAN[gemeente], samenvatting, *melder)


async def aantal_signalen(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return await conn.scalar(select(func.count()).select_from(SignaalRow.__table__))


def test_the_store_is_what_the_dialogs_expect():
    protocol = {naam for naam in vars(Signalen) if not naam.startswith("_")}
    assert protocol <= set(dir(SignaalStore))


class TestReferenties:
    async def test_numbers_count_per_house_and_restart_each_year(self, store: SignaalStore, klok: Klok):
        eerste = await leg_vast(store)
        tweede = await leg_vast(store, soort="polarisatie")
        westelijk = await leg_vast(store, gemeente="Sittard-Geleen")
        klok.nu = datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC)
        nieuw_jaar = await leg_vast(store)
        assert [s.referentie for s in (eerste, tweede, westelijk, nieuw_jaar)] == [
            "SIG-MH-2026-000001", "SIG-MH-2026-000002", "SIG-WM-2026-000001", "SIG-MH-2027-000001",
        ]

    async def test_the_year_is_the_year_in_limburg_not_in_utc(self, store: SignaalStore, klok: Klok):
        klok.nu = datetime(2027, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January 2028 in Maastricht
        assert (await leg_vast(store)).referentie == "SIG-MH-2028-000001"

    async def test_signals_and_aanmeldingen_count_apart(self, store: SignaalStore, db: AsyncEngine, klok: Klok):
        aanmeldingen = AanmeldingStore(db, klok=klok)
        melder = Melder("29:anna", "Anna de Vries", "Wijkteam Noord", "043 123 45 67")
        adres = {"conversation": {"id": "a:1"}, "serviceUrl": "https://smba.test/", "channelId": "msteams"}
        await aanmeldingen.bevestig("c1", make_concept(), melder, adres, None)
        assert (await leg_vast(store)).referentie == "SIG-MH-2026-000001"
        assert (await aanmeldingen.bevestig("c2", make_concept(), melder, adres, None)).referentie == (
            "ZVH-MH-2026-000002")
        assert (await leg_vast(store)).referentie == "SIG-MH-2026-000002"
        async with db.connect() as conn:
            tellers = await conn.execute(select(ReferentieTellerRow.veiligheidshuis, ReferentieTellerRow.laatste))
            assert sorted(tuple(t) for t in tellers) == [("MH", 2), ("SIG-MH", 2)]

    async def test_the_returned_signal_is_what_was_recorded_and_what_a_read_gives(
        self, store: SignaalStore
    ):
        signaal = await leg_vast(store, gemeente="Venlo", soort="verward_gedrag")
        assert signaal == Signaal(
            referentie="SIG-NL-2026-000001", aangemaakt=_BEGIN, soort="verward_gedrag", gemeente="Venlo",
            veiligheidshuis="NL", samenvatting=_SAMENVATTING, melder_id=ANNA[0], melder_naam=ANNA[1],
            status=NIEUW, afgehandeld=None, gewist=None,
        )
        assert await store.open_signalen("29:mw", ()) == [signaal]

    async def test_twenty_concurrent_signals_get_1_to_20(self, store: SignaalStore, db: AsyncEngine):
        uitkomsten = await asyncio.gather(*(leg_vast(store, melder=(f"29:m{i}", f"M{i}")) for i in range(20)))
        nummers = sorted(int(s.referentie.rsplit("-", 1)[1]) for s in uitkomsten)
        assert nummers == list(range(1, 21))
        assert await aantal_signalen(db) == 20
        async with db.connect() as conn:
            assert await conn.scalar(select(ReferentieTellerRow.laatste)) == 20

    async def test_a_failure_after_taking_a_number_gives_it_back(
        self, store: SignaalStore, db: AsyncEngine, monkeypatch
    ):
        echte_audit = signalen_module._audit

        def kapot(*args: Any) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(signalen_module, "_audit", kapot)
        with pytest.raises(RuntimeError):
            await leg_vast(store)
        assert await aantal_signalen(db) == 0
        monkeypatch.setattr(signalen_module, "_audit", echte_audit)
        assert (await leg_vast(store)).referentie == "SIG-MH-2026-000001"

    @pytest.mark.parametrize(
        ("veld", "waarde"),
        [("concept_id", ""), ("soort", ""), ("gemeente", " "), ("veiligheidshuis", "XX"), ("samenvatting", ""),
         ("melder_id", "")],
    )
    async def test_a_missing_field_or_unknown_house_is_refused_without_using_a_number(
        self, store: SignaalStore, veld: str, waarde: str
    ):
        velden = {
            "concept_id": "c1", "soort": "anders", "gemeente": "Maastricht", "veiligheidshuis": "MH",
            "samenvatting": _SAMENVATTING, "melder_id": ANNA[0], "melder_naam": ANNA[1], veld: waarde,
        }
        with pytest.raises(ValueError, match=veld if veld != "veiligheidshuis" else "Veiligheidshuis"):
            await store.vastleggen(**velden)
        assert (await leg_vast(store)).referentie == "SIG-MH-2026-000001"


async def teller(engine: AsyncEngine) -> int | None:
    """The last number handed out to the signals of MH in 2026."""
    async with engine.connect() as conn:
        return await conn.scalar(
            select(ReferentieTellerRow.laatste).where(ReferentieTellerRow.veiligheidshuis == "SIG-MH")
        )


class TestEenmaal:
    """A retried turn or a click again after the state was lost records the same concept again."""

    async def test_the_same_concept_twice_is_stored_once_and_uses_one_number(
        self, store: SignaalStore, db: AsyncEngine, klok: Klok
    ):
        eerste = await leg_vast(store, concept_id="c1")
        klok.nu += timedelta(minutes=5)
        tweede = await leg_vast(store, concept_id="c1", samenvatting="anders verwoord, na de crash")
        assert tweede == eerste  # the first summary and time stay
        assert await aantal_signalen(db) == 1
        assert await teller(db) == 1
        assert (await audit(db))[-1] == (ANNA[0], "gelezen", eerste.referentie, "vastleggen")
        assert (await leg_vast(store, concept_id="c2")).referentie == "SIG-MH-2026-000002"

    async def test_the_same_concept_confirmed_concurrently_is_stored_once(self, store: SignaalStore, db: AsyncEngine):
        uitkomsten = await asyncio.gather(*(leg_vast(store, concept_id="c1") for _ in range(8)))
        assert {s.referentie for s in uitkomsten} == {"SIG-MH-2026-000001"}
        assert await aantal_signalen(db) == 1
        assert await teller(db) == 1
        assert (await leg_vast(store, concept_id="c2")).referentie == "SIG-MH-2026-000002"

    async def test_a_confirmation_that_loses_the_race_returns_the_winners_signal(
        self, store: SignaalStore, db: AsyncEngine, monkeypatch
    ):
        """The other confirmation commits between our look and our insert: the unique index refuses
        ours, its number goes back, and the winner's signal is what we return."""
        winnaar = await leg_vast(store, concept_id="c1")
        echte = aanmeldingen_module._met_concept
        keken: list[str] = []

        def nog_niet_gezien(conn, tabel, concept_id):  # type: ignore[no-untyped-def]
            keken.append(concept_id)
            return None if len(keken) == 1 else echte(conn, tabel, concept_id)

        monkeypatch.setattr(aanmeldingen_module, "_met_concept", nog_niet_gezien)
        assert await leg_vast(store, concept_id="c1") == winnaar
        assert keken == ["c1", "c1"]  # looked, lost at the insert, looked again
        assert await aantal_signalen(db) == 1
        assert await teller(db) == 1

    async def test_two_stores_on_one_database_race_for_one_concept(self, database_url: str, db: AsyncEngine):
        """Two bot processes (two engines), each confirming the same concept several times at once."""
        tweede = database.create_engine(database_url)
        try:
            stores = [SignaalStore(db, klok=Klok(_BEGIN)), SignaalStore(tweede, klok=Klok(_BEGIN))]
            uitkomsten = await asyncio.gather(*(leg_vast(stores[i % 2], concept_id="c1") for i in range(10)))
        finally:
            await database.sluit(tweede)
        assert {s.referentie for s in uitkomsten} == {"SIG-MH-2026-000001"}
        assert await aantal_signalen(db) == 1
        assert await teller(db) == 1

    async def test_a_concept_id_of_another_melder_is_refused(self, store: SignaalStore, db: AsyncEngine):
        referentie = (await leg_vast(store, concept_id="c1")).referentie
        with pytest.raises(ValueError, match="another melder"):
            await leg_vast(store, concept_id="c1", melder=BERT)
        assert (await audit(db))[-1] == (BERT[0], "geweigerd", referentie, "vastleggen")
        assert await aantal_signalen(db) == 1

    async def test_a_concept_id_of_an_aanmelding_is_another_series(self, store: SignaalStore, db: AsyncEngine):
        melder = Melder(ANNA[0], ANNA[1], "Wijkteam Noord", "043 123 45 67")
        await AanmeldingStore(db, klok=Klok(_BEGIN)).bevestig("c1", make_concept(), melder, {}, None)
        assert (await leg_vast(store, concept_id="c1")).referentie == "SIG-MH-2026-000001"


class TestVoorConcept:
    """A click on a recorded signal's card after its flow ended: the signal is looked up by its
    concept id, for the melder who recorded it only."""

    async def test_the_melder_gets_the_signal_and_the_read_is_audited(self, store: SignaalStore, db: AsyncEngine):
        signaal = await leg_vast(store, concept_id="c1")
        assert await store.voor_concept("c1", ANNA[0]) == signaal
        assert (await audit(db))[-1] == (ANNA[0], "gelezen", signaal.referentie, "voor_concept")

    async def test_another_melder_gets_none_and_the_refusal_is_audited(self, store: SignaalStore, db: AsyncEngine):
        signaal = await leg_vast(store, concept_id="c1")
        assert await store.voor_concept("c1", BERT[0]) is None
        assert (await audit(db))[-1] == (BERT[0], "geweigerd", signaal.referentie, "voor_concept")

    @pytest.mark.parametrize("concept_id", ["c2", "", "c1' OR '1'='1", "%", "x" * 5000])
    async def test_an_unknown_or_forged_concept_id_gets_none_and_no_event(
        self, store: SignaalStore, db: AsyncEngine, concept_id: str
    ):
        await leg_vast(store, concept_id="c1")
        voor = await audit(db)
        assert await store.voor_concept(concept_id, ANNA[0]) is None
        assert await audit(db) == voor

    async def test_an_aanmelding_of_that_concept_is_not_a_signal(self, store: SignaalStore, db: AsyncEngine):
        melder = Melder(ANNA[0], ANNA[1], "Wijkteam Noord", "043 123 45 67")
        await AanmeldingStore(db, klok=Klok(_BEGIN)).bevestig("c1", make_concept(), melder, {}, None)
        assert await store.voor_concept("c1", ANNA[0]) is None

    async def test_an_erased_signal_is_nobodys_any_more(self, store: SignaalStore, klok: Klok):
        referentie = (await leg_vast(store, concept_id="c1")).referentie
        await store.handel_af(referentie, "29:mw", ())
        klok.nu += timedelta(days=31 * 25)
        assert await store.purge(24) == 1
        assert await store.voor_concept("c1", ANNA[0]) is None


async def test_migration_0004_leaves_existing_signals_without_a_concept_id(database_url: str):
    """Signals stored before 0004 get NULL, which may repeat; a concept id may not."""
    from alembic import command
    from alembic.config import Config

    engine = database.create_engine(database_url)

    def naar(versie: str):  # type: ignore[no-untyped-def]
        def upgrade(connection) -> None:  # type: ignore[no-untyped-def]
            config = Config()
            config.set_main_option("script_location", str(database._MIGRATIONS))
            config.attributes["connection"] = connection
            command.downgrade(config, versie) if versie == "0003" else command.upgrade(config, versie)
        return upgrade

    oud_signaal = (
        "INSERT INTO signaal (referentie, aangemaakt, jaar, soort, gemeente, veiligheidshuis, status)"
        " VALUES (:ref, :nu, 2025, 'anders', 'Venlo', 'NL', 'nieuw')"
    )
    try:
        await database.migrate(engine)
        async with engine.begin() as conn:
            for tabel in ("audit_event", "signaal", "aanmelding", "referentie_teller", "bot_state"):
                await conn.execute(text(f"DELETE FROM {tabel}"))
            await conn.run_sync(naar("0003"))
            for nummer in (1, 2):
                await conn.execute(text(oud_signaal), {"ref": f"SIG-NL-2025-00000{nummer}", "nu": _BEGIN})
            await conn.run_sync(naar("head"))
        async with engine.connect() as conn:
            rijen = (await conn.execute(select(SignaalRow.referentie, SignaalRow.concept_id))).all()
        assert sorted(rijen) == [("SIG-NL-2025-000001", None), ("SIG-NL-2025-000002", None)]
        store = SignaalStore(engine, klok=Klok(_BEGIN))
        assert (await leg_vast(store, gemeente="Venlo", concept_id="c1")).referentie == "SIG-NL-2026-000001"
        with pytest.raises(IntegrityError):
            async with engine.begin() as conn:
                await conn.execute(update(SignaalRow.__table__).values(concept_id="c1"))
    finally:
        await database.sluit(engine)


class TestAutorisatie:
    async def _drie(self, store: SignaalStore, klok: Klok) -> tuple[str, str, str]:
        mh = (await leg_vast(store)).referentie
        klok.nu += timedelta(minutes=1)
        wm = (await leg_vast(store, gemeente="Sittard-Geleen")).referentie
        klok.nu += timedelta(minutes=1)
        mh2 = (await leg_vast(store, melder=BERT, soort="huiselijk_geweld")).referentie
        return mh, wm, mh2

    async def test_open_signalen_of_the_houses_oldest_first(self, store: SignaalStore, klok: Klok):
        mh, wm, mh2 = await self._drie(store, klok)
        assert [s.referentie for s in await store.open_signalen("29:mw-mh", ("MH",))] == [mh, mh2]
        assert [s.referentie for s in await store.open_signalen("29:mw-wm", ("WM",))] == [wm]
        assert [s.referentie for s in await store.open_signalen("29:mw", ("WM", "MH"))] == [mh, wm, mh2]
        assert await store.open_signalen("29:mw-ps", ("PS",)) == []

    async def test_an_empty_tuple_means_all_houses(self, store: SignaalStore, klok: Klok):
        mh, wm, mh2 = await self._drie(store, klok)
        assert [s.referentie for s in await store.open_signalen("29:mw", ())] == [mh, wm, mh2]

    async def test_handel_af_by_a_medewerker_of_the_house(self, store: SignaalStore, klok: Klok):
        mh, wm, mh2 = await self._drie(store, klok)
        klok.nu += timedelta(days=1)
        afgehandeld = await store.handel_af(mh, "29:mw-mh", ("MH",))
        assert (afgehandeld.referentie, afgehandeld.status, afgehandeld.afgehandeld) == (mh, AFGEHANDELD, klok.nu)
        assert afgehandeld.samenvatting == _SAMENVATTING
        assert [s.referentie for s in await store.open_signalen("29:mw", ())] == [wm, mh2]
        alle = await store.handel_af(wm, "29:mw", ())
        assert alle.status == AFGEHANDELD
        assert [s.referentie for s in await store.open_signalen("29:mw", ())] == [mh2]

    async def test_another_house_or_an_unknown_reference_gets_none(
        self, store: SignaalStore, klok: Klok, db: AsyncEngine
    ):
        mh, wm, _ = await self._drie(store, klok)
        assert await store.handel_af(wm, "29:mw-mh", ("MH",)) is None
        assert (await audit(db))[-1] == ("29:mw-mh", "geweigerd", wm, "handel_af")
        voor = await audit(db)
        assert await store.handel_af("SIG-MH-2026-999999", "29:mw", ()) is None
        assert await audit(db) == voor  # nothing to audit for what does not exist
        assert [s.referentie for s in await store.open_signalen("29:mw-wm", ("WM",))] == [wm]

    async def test_handling_twice_keeps_the_first_time(self, store: SignaalStore, klok: Klok, db: AsyncEngine):
        referentie = (await leg_vast(store)).referentie
        eerste = await store.handel_af(referentie, "29:mw", ())
        klok.nu += timedelta(hours=1)
        tweede = await store.handel_af(referentie, "29:mw2", ("MH",))
        assert tweede == eerste
        assert (await audit(db))[-1] == ("29:mw2", "gelezen", referentie, "handel_af")


class TestAudit:
    async def test_every_read_and_change_is_one_event_per_record(
        self, store: SignaalStore, klok: Klok, db: AsyncEngine
    ):
        een = (await leg_vast(store)).referentie
        twee = (await leg_vast(store, gemeente="Sittard-Geleen", soort="polarisatie", melder=BERT)).referentie
        await store.open_signalen("29:mw", ())
        await store.open_signalen("29:mw-mh", ("MH",))
        await store.handel_af(een, "29:mw-mh", ("MH",))
        await store.handel_af(twee, "29:mw-mh", ("MH",))
        await store.open_signalen("29:mw", ())
        assert await audit(db) == [
            (ANNA[0], "aangemaakt", een, "soort=radicalisering;veiligheidshuis=MH"),
            (BERT[0], "aangemaakt", twee, "soort=polarisatie;veiligheidshuis=WM"),
            ("29:mw", "gelezen", een, "open_signalen"),
            ("29:mw", "gelezen", twee, "open_signalen"),
            ("29:mw-mh", "gelezen", een, "open_signalen"),
            ("29:mw-mh", "gewijzigd", een, "status=afgehandeld"),
            ("29:mw-mh", "geweigerd", twee, "handel_af"),
            ("29:mw", "gelezen", twee, "open_signalen"),
        ]

    async def test_no_event_holds_the_summary_or_the_melder_name(
        self, store: SignaalStore, klok: Klok, db: AsyncEngine
    ):
        referentie = (await leg_vast(store)).referentie
        await store.open_signalen("29:mw", ())
        await store.handel_af(referentie, "29:mw", ())
        klok.nu += timedelta(days=800)
        assert await store.purge(24) == 1
        gebeurtenissen = await audit(db)
        assert len(gebeurtenissen) == 4
        for *_, detail in gebeurtenissen:
            assert not any(waarde in detail for waarde in ("SQ9", "jongere", "Anna", "Vries")), detail


class TestBewaartermijn:
    async def test_purge_erases_summary_and_melder_and_keeps_the_rest(
        self, store: SignaalStore, klok: Klok, db: AsyncEngine
    ):
        oud = (await leg_vast(store)).referentie
        open_gebleven = (await leg_vast(store, gemeente="Venlo")).referentie
        klok.nu = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
        await store.handel_af(oud, "29:mw", ())
        klok.nu = datetime(2028, 3, 31, 12, 0, tzinfo=UTC)  # exactly 24 calendar months: not yet
        assert await store.purge(24) == 0
        klok.nu += timedelta(seconds=1)
        assert await store.purge(24) == 1
        assert await store.purge(24) == 0
        assert ("systeem", "gewist", oud, "bewaartermijn=24 maanden") in await audit(db)

        async with db.connect() as conn:
            rijen = {
                r["referentie"]: dict(r)
                for r in (await conn.execute(select(SignaalRow.__table__))).mappings()
            }
        gewist = rijen[oud]
        assert (gewist["samenvatting"], gewist["melder_id"], gewist["melder_naam"]) == (None, None, None)
        assert signalen_module._utc(gewist["gewist"]) == klok.nu
        assert (gewist["soort"], gewist["gemeente"], gewist["veiligheidshuis"], gewist["jaar"], gewist["status"]) == (
            "radicalisering", "Maastricht", "MH", 2026, AFGEHANDELD)
        assert signalen_module._utc(gewist["afgehandeld"]) == datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
        bewaard = rijen[open_gebleven]
        assert (bewaard["samenvatting"], bewaard["melder_id"], bewaard["gewist"]) == (_SAMENVATTING, ANNA[0], None)
        assert [s.referentie for s in await store.open_signalen("29:mw", ())] == [open_gebleven]

    async def test_an_erased_signal_reads_as_empty_texts(self, store: SignaalStore, klok: Klok):
        referentie = (await leg_vast(store)).referentie
        await store.handel_af(referentie, "29:mw", ())
        klok.nu += timedelta(days=31 * 25)
        await store.purge(24)
        gewist = await store.handel_af(referentie, "29:mw", ())  # already afgehandeld: returned as stored
        assert (gewist.samenvatting, gewist.melder_id, gewist.melder_naam) == ("", "", "")
        assert (gewist.gewist, gewist.status, gewist.soort) == (klok.nu, AFGEHANDELD, "radicalisering")

    async def test_an_aanmelding_purge_leaves_signals_alone_and_the_other_way_round(
        self, store: SignaalStore, klok: Klok, db: AsyncEngine
    ):
        referentie = (await leg_vast(store)).referentie
        await store.handel_af(referentie, "29:mw", ())
        aanmeldingen = AanmeldingStore(db, klok=klok)
        melder = Melder("29:anna", "Anna de Vries", "Wijkteam Noord", "043 123 45 67")
        aanmelding = await aanmeldingen.bevestig("c1", make_concept(), melder, {"channelId": "msteams"}, None)
        await aanmeldingen.zet_status(aanmelding.referentie, "29:mw", (), AFGESLOTEN)
        klok.nu += timedelta(days=31 * 25)
        assert await aanmeldingen.purge(24) == 1
        assert await store.purge(24) == 1

    async def test_purge_needs_at_least_a_month(self, store: SignaalStore):
        with pytest.raises(ValueError):
            await store.purge(0)


def _bytes(pad: Path) -> bytes:
    """The database file with its WAL and shared-memory files, if any."""
    return b"".join(p.read_bytes() for p in sorted(pad.parent.glob(pad.name + "*")))


async def test_the_purge_command_erases_signals_from_the_sqlite_file(tmp_path: Path):
    pad = tmp_path / "zvh.db"
    engine = database.create_engine(f"sqlite+aiosqlite:///{pad}")
    try:
        await database.migrate(engine)
        store = SignaalStore(engine, klok=Klok(datetime(2020, 5, 4, tzinfo=UTC)))
        oud = await leg_vast(store)
        await leg_vast(store, samenvatting="nog open signaal")
        await store.handel_af(oud.referentie, "29:mw-SQ9-afhandelaar", ())
    finally:
        await database.sluit(engine)
    assert _SAMENVATTING.encode() in _bytes(pad)
    weg = ("Microsoft", "BEWAARTERMIJN", "ZVH_", "DATABASE_URL", "MELDPUNT_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(weg)}
    env.update(DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(_REPO), DATABASE_URL=f"sqlite+aiosqlite:///{pad}")
    uit = subprocess.run(
        [sys.executable, "-m", "bot", "purge"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout == (
        "purge: 0 aanmeldingen gewist, 1 signalen gewist, 2 auditgebeurtenissen verwijderd, "
        "0 oude gesprekstoestanden verwijderd\n"
        "purge: MH: 0 aanmeldingen en 1 signalen open zonder wijziging sinds meer dan 24 maanden, "
        "niet gewist: sluit ze af in de werkvoorraad\n"
    )
    inhoud = _bytes(pad)
    assert _SAMENVATTING.encode() not in inhoud
    assert b"29:mw-SQ9-afhandelaar" not in inhoud  # only in the audit events of the erased signal
    assert b"nog open signaal" in inhoud  # not afgehandeld: kept (and reported for MH)
