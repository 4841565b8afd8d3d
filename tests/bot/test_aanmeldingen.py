"""AanmeldingStore on SQLite and PostgreSQL: gap-free references per region and year (also under
concurrency and failure), idempotent confirmation, authorisation, the audit trail, status changes,
erasure after the retention period, and the `python -m bot purge` / `cijfers` commands."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import aanmeldingen as aanmeldingen_module
from bot import database
from bot.aanmeldingen import AanmeldingStore, _maanden_terug
from bot.models import AanmeldingRow, AuditEventRow, ReferentieTellerRow, StateRow
from bot.storage import SqlStorage
from dialogs.opslag import Aanmeldingen, Telling
from knowledge.aanmelding import (
    AFGESLOTEN,
    DOELGROEP,
    GEBOORTEJAAR,
    GEINFORMEERD,
    GEMEENTE,
    GEZIN_MET_KINDEREN,
    IN_BEHANDELING,
    INITIALEN,
    LEEFGEBIEDEN,
    ONTVANGEN,
    ORGANISATIE,
    PARTNERS,
    REDEN_NIET_GEINFORMEERD,
    SITUATIE,
    STAGNATIE,
    TELEFOON,
    URGENTIE,
    VERVOLGACTIE_GEKOZEN,
    Melder,
)

_REPO = Path(__file__).resolve().parents[2]
_BEGIN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
# A value no other test data holds, to look for in the SQLite file's bytes.
_SITUATIE = "Zorgwekkend-XQ7-situatie"
_HUIS_VAN = {"Maastricht": "MH", "Sittard-Geleen": "WM", "Venlo": "NL"}

ANNA = Melder("29:anna", "Anna de Vries", "Wijkteam Noord", "043 123 45 67")
BERT = Melder("29:bert", "Bert Jansen", "Politie", "046 765 43 21")


class Klok:
    """A clock the test moves by hand."""

    def __init__(self, nu: datetime = _BEGIN) -> None:
        self.nu = nu

    def __call__(self) -> datetime:
        return self.nu


def make_concept(gemeente: str = "Maastricht", **velden: Any) -> dict[str, Any]:
    """A complete concept as the aanmelding dialog builds it (field names of knowledge.aanmelding)."""
    concept: dict[str, Any] = {
        ORGANISATIE: "Wijkteam Noord",
        TELEFOON: "043 123 45 67",
        GEMEENTE: {"gemeente": gemeente, "huis": _HUIS_VAN[gemeente]},
        DOELGROEP: "volwassenen",
        INITIALEN: "J.K.",
        GEBOORTEJAAR: 1988,
        GEZIN_MET_KINDEREN: True,
        LEEFGEBIEDEN: {"wonen": 2, "financien": 1},
        SITUATIE: _SITUATIE,
        PARTNERS: "woningcorporatie, schuldhulp",
        STAGNATIE: "geen regie",
        GEINFORMEERD: False,
        REDEN_NIET_GEINFORMEERD: "veiligheid melder",
        URGENTIE: "hoog",
    }
    concept.update(velden)
    return concept


_ADRES = {"conversation": {"id": "a:conv-anna"}, "serviceUrl": "https://smba.test/emea/", "channelId": "msteams"}


@pytest.fixture
def klok() -> Klok:
    return Klok()


@pytest.fixture
def store(db: AsyncEngine, klok: Klok) -> AanmeldingStore:
    return AanmeldingStore(db, klok=klok)


async def bevestig(store: AanmeldingStore, concept_id: str, melder: Melder = ANNA, **velden: Any):
    return await store.bevestig(concept_id, make_concept(**velden), melder, _ADRES, "A, B en C")


async def audit(engine: AsyncEngine) -> list[tuple[str, str, str, str]]:
    """(wie, actie, referentie, detail) of every audit event, in order."""
    async with engine.connect() as conn:
        rijen = await conn.execute(
            select(AuditEventRow.wie, AuditEventRow.actie, AuditEventRow.referentie, AuditEventRow.detail)
            .order_by(AuditEventRow.id)
        )
        return [tuple(r) for r in rijen]


async def aantal_rijen(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return await conn.scalar(select(func.count()).select_from(AanmeldingRow.__table__))


def test_the_store_is_what_the_dialogs_expect():
    protocol = {naam for naam in vars(Aanmeldingen) if not naam.startswith("_")}
    assert protocol <= set(dir(AanmeldingStore))


class TestReferenties:
    async def test_numbers_count_per_region_and_restart_each_year(self, store: AanmeldingStore, klok: Klok):
        eerste = await bevestig(store, "c1")
        tweede = await bevestig(store, "c2")
        westelijk = await bevestig(store, "c3", gemeente="Sittard-Geleen")
        klok.nu = datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC)
        nieuw_jaar = await bevestig(store, "c4")
        assert [a.referentie for a in (eerste, tweede, westelijk, nieuw_jaar)] == [
            "ZVH-MH-2026-000001", "ZVH-MH-2026-000002", "ZVH-WM-2026-000001", "ZVH-MH-2027-000001",
        ]

    async def test_the_year_is_the_year_in_limburg_not_in_utc(self, store: AanmeldingStore, klok: Klok):
        klok.nu = datetime(2027, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January 2028 in Maastricht
        assert (await bevestig(store, "c1")).referentie == "ZVH-MH-2028-000001"

    async def test_the_returned_aanmelding_holds_the_concept(self, store: AanmeldingStore):
        aanmelding = await bevestig(store, "c1")
        assert aanmelding.melder == ANNA
        assert (aanmelding.gemeente, aanmelding.veiligheidshuis, aanmelding.doelgroep) == (
            "Maastricht", "MH", "volwassenen")
        assert (aanmelding.initialen, aanmelding.geboortejaar, aanmelding.gezin_met_kinderen) == ("J.K.", 1988, True)
        assert aanmelding.leefgebieden == {"wonen": 2, "financien": 1}
        assert (aanmelding.situatie, aanmelding.geinformeerd) == (_SITUATIE, False)
        assert aanmelding.reden_niet_geinformeerd == "veiligheid melder"
        assert (aanmelding.status, aanmelding.criteria_uitkomst, aanmelding.urgentie) == (
            ONTVANGEN, "A, B en C", "hoog")
        assert aanmelding.aangemaakt == _BEGIN
        assert aanmelding.gewist is None
        # What a later read gives back is the same record.
        assert await store.open(aanmelding.referentie, ANNA.teams_id, None) == aanmelding

    async def test_reden_niet_geinformeerd_may_be_absent(self, store: AanmeldingStore):
        concept = make_concept(**{GEINFORMEERD: True})
        del concept[REDEN_NIET_GEINFORMEERD]
        aanmelding = await store.bevestig("c1", concept, ANNA, _ADRES, None)
        assert (aanmelding.geinformeerd, aanmelding.reden_niet_geinformeerd) == (True, "")
        assert aanmelding.criteria_uitkomst is None

    async def test_a_concept_without_a_field_is_refused_without_using_a_number(self, store: AanmeldingStore):
        concept = make_concept()
        del concept[SITUATIE]
        with pytest.raises(ValueError, match=SITUATIE):
            await store.bevestig("c1", concept, ANNA, _ADRES, None)
        assert (await bevestig(store, "c2")).referentie == "ZVH-MH-2026-000001"

    async def test_a_yes_no_field_must_be_a_bool(self, store: AanmeldingStore):
        with pytest.raises(ValueError, match=GEINFORMEERD):
            await store.bevestig("c1", make_concept(**{GEINFORMEERD: "nee"}), ANNA, _ADRES, None)

    async def test_twenty_concurrent_confirmations_get_1_to_20(self, store: AanmeldingStore, db: AsyncEngine):
        uitkomsten = await asyncio.gather(*(bevestig(store, f"c{i}") for i in range(20)))
        nummers = sorted(int(a.referentie.rsplit("-", 1)[1]) for a in uitkomsten)
        assert nummers == list(range(1, 21))
        async with db.connect() as conn:
            assert await conn.scalar(select(ReferentieTellerRow.laatste)) == 20

    async def test_a_failure_after_taking_a_number_gives_it_back(
        self, store: AanmeldingStore, db: AsyncEngine, monkeypatch
    ):
        echte_audit = aanmeldingen_module._audit

        def kapot(*args: Any) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(aanmeldingen_module, "_audit", kapot)
        with pytest.raises(RuntimeError):
            await bevestig(store, "c1")
        assert await aantal_rijen(db) == 0
        monkeypatch.setattr(aanmeldingen_module, "_audit", echte_audit)
        assert (await bevestig(store, "c2")).referentie == "ZVH-MH-2026-000001"
        assert (await bevestig(store, "c1")).referentie == "ZVH-MH-2026-000002"


class TestIdempotent:
    async def test_the_same_concept_twice_is_stored_once(self, store: AanmeldingStore, db: AsyncEngine):
        eerste = await bevestig(store, "c1")
        tweede = await bevestig(store, "c1")
        assert tweede == eerste
        assert await aantal_rijen(db) == 1
        assert (await bevestig(store, "c2")).referentie == "ZVH-MH-2026-000002"

    async def test_the_same_concept_confirmed_concurrently_is_stored_once(
        self, store: AanmeldingStore, db: AsyncEngine
    ):
        uitkomsten = await asyncio.gather(*(bevestig(store, "c1") for _ in range(8)))
        assert {a.referentie for a in uitkomsten} == {"ZVH-MH-2026-000001"}
        assert await aantal_rijen(db) == 1
        assert (await bevestig(store, "c2")).referentie == "ZVH-MH-2026-000002"

    async def test_a_concept_id_of_another_melder_is_refused(self, store: AanmeldingStore, db: AsyncEngine):
        referentie = (await bevestig(store, "c1")).referentie
        with pytest.raises(ValueError, match="another melder"):
            await bevestig(store, "c1", melder=BERT)
        assert (await audit(db))[-1] == (BERT.teams_id, "geweigerd", referentie, "bevestig")


class TestVoorConcept:
    """Bevestigen clicked on a summary after its flow ended: the aanmelding is looked up by its
    concept id, for the melder who confirmed it only."""

    async def test_the_melder_gets_the_aanmelding_and_the_read_is_audited(
        self, store: AanmeldingStore, db: AsyncEngine
    ):
        aanmelding = await bevestig(store, "c1")
        assert await store.voor_concept("c1", ANNA.teams_id) == aanmelding
        assert (await audit(db))[-1] == (ANNA.teams_id, "gelezen", aanmelding.referentie, "voor_concept")

    async def test_another_melder_gets_none_and_the_refusal_is_audited(self, store: AanmeldingStore, db: AsyncEngine):
        referentie = (await bevestig(store, "c1")).referentie
        assert await store.voor_concept("c1", BERT.teams_id) is None
        assert (await audit(db))[-1] == (BERT.teams_id, "geweigerd", referentie, "voor_concept")

    @pytest.mark.parametrize("concept_id", ["c2", "", "c1' OR '1'='1", "x" * 5000])
    async def test_an_unknown_or_forged_concept_id_gets_none_and_no_event(
        self, store: AanmeldingStore, db: AsyncEngine, concept_id: str
    ):
        await bevestig(store, "c1")
        voor = await audit(db)
        assert await store.voor_concept(concept_id, ANNA.teams_id) is None
        assert await audit(db) == voor


class TestAutorisatie:
    async def _drie(self, store: AanmeldingStore, klok: Klok) -> tuple[str, str, str]:
        mh = (await bevestig(store, "c1")).referentie
        klok.nu += timedelta(minutes=1)
        wm = (await bevestig(store, "c2", gemeente="Sittard-Geleen")).referentie
        klok.nu += timedelta(minutes=1)
        van_bert = (await bevestig(store, "c3", melder=BERT)).referentie
        return mh, wm, van_bert

    async def test_a_melder_sees_only_their_own_newest_first(self, store: AanmeldingStore, klok: Klok):
        mh, wm, van_bert = await self._drie(store, klok)
        assert [a.referentie for a in await store.van_melder(ANNA.teams_id)] == [wm, mh]
        assert [a.referentie for a in await store.van_melder(BERT.teams_id)] == [van_bert]
        assert (await store.open(mh, ANNA.teams_id, None)).referentie == mh

    async def test_another_professional_gets_none_and_a_refusal_is_audited(
        self, store: AanmeldingStore, klok: Klok, db: AsyncEngine
    ):
        mh, _, _ = await self._drie(store, klok)
        assert await store.open(mh, BERT.teams_id, None) is None
        assert (await audit(db))[-1] == (BERT.teams_id, "geweigerd", mh, "open")

    async def test_an_unknown_reference_is_none_like_a_refused_one(self, store: AanmeldingStore, db: AsyncEngine):
        assert await store.open("ZVH-MH-2026-999999", ANNA.teams_id, ()) is None
        assert await audit(db) == []

    async def test_a_medewerker_sees_the_houses_they_triage(self, store: AanmeldingStore, klok: Klok, db: AsyncEngine):
        mh, wm, van_bert = await self._drie(store, klok)
        assert (await store.open(mh, "29:mw-mh", ("MH",))).referentie == mh
        assert await store.open(wm, "29:mw-mh", ("MH",)) is None
        assert (await audit(db))[-1] == ("29:mw-mh", "geweigerd", wm, "open")
        assert [a.referentie for a in await store.werkvoorraad("29:mw-mh", ("MH",))] == [mh, van_bert]
        assert [a.referentie for a in await store.werkvoorraad("29:mw-wm", ("WM",))] == [wm]

    async def test_a_medewerker_of_all_houses_sees_all_oldest_first(self, store: AanmeldingStore, klok: Klok):
        mh, wm, van_bert = await self._drie(store, klok)
        assert (await store.open(wm, "29:mw", ())).referentie == wm
        assert [a.referentie for a in await store.werkvoorraad("29:mw", ())] == [mh, wm, van_bert]

    async def test_a_medewerker_still_sees_their_own_aanmelding_of_another_house(
        self, store: AanmeldingStore, klok: Klok
    ):
        _, wm, _ = await self._drie(store, klok)
        assert (await store.open(wm, ANNA.teams_id, ("MH",))).referentie == wm

    async def test_the_werkvoorraad_leaves_out_what_is_afgesloten(self, store: AanmeldingStore, klok: Klok):
        mh, wm, van_bert = await self._drie(store, klok)
        await store.zet_status(wm, "29:mw", (), AFGESLOTEN)
        assert [a.referentie for a in await store.werkvoorraad("29:mw", ())] == [mh, van_bert]


class TestAudit:
    async def test_every_read_and_change_is_one_event_per_record(
        self, store: AanmeldingStore, klok: Klok, db: AsyncEngine
    ):
        een = (await bevestig(store, "c1")).referentie
        twee = (await bevestig(store, "c2")).referentie
        await store.van_melder(ANNA.teams_id)
        await store.open(een, "29:mw", ("MH",))
        await store.werkvoorraad("29:mw", ())
        await store.zet_status(een, "29:mw", ("MH",), VERVOLGACTIE_GEKOZEN, "netwerkoverleg", "Zorgwekkend-XQ7-notitie")
        await store.zet_status(twee, "29:mw-wm", ("WM",), AFGESLOTEN)
        assert await audit(db) == [
            (ANNA.teams_id, "aangemaakt", een, "veiligheidshuis=MH"),
            (ANNA.teams_id, "aangemaakt", twee, "veiligheidshuis=MH"),
            (ANNA.teams_id, "gelezen", twee, "van_melder"),
            (ANNA.teams_id, "gelezen", een, "van_melder"),
            ("29:mw", "gelezen", een, "open"),
            ("29:mw", "gelezen", een, "werkvoorraad"),
            ("29:mw", "gelezen", twee, "werkvoorraad"),
            ("29:mw", "gewijzigd", een, "status=vervolgactie_gekozen;vervolgactie=netwerkoverleg;notitie"),
            ("29:mw-wm", "geweigerd", twee, "zet_status"),
        ]

    async def test_no_event_holds_a_personal_value(self, store: AanmeldingStore, klok: Klok, db: AsyncEngine):
        referentie = (await bevestig(store, "c1")).referentie
        await store.open(referentie, ANNA.teams_id, None)
        await store.zet_status(referentie, "29:mw", (), AFGESLOTEN, "terug", "Zorgwekkend-XQ7-notitie")
        klok.nu += timedelta(days=800)
        await store.purge(24)
        persoonlijk = ("XQ7", "J.K.", "1988", "Anna", "Wijkteam", "043", "woningcorporatie", "conv-anna")
        for *_, detail in await audit(db):
            assert not any(waarde in detail for waarde in persoonlijk), detail


class TestZetStatus:
    async def test_an_unknown_status_is_a_value_error(self, store: AanmeldingStore):
        referentie = (await bevestig(store, "c1")).referentie
        with pytest.raises(ValueError, match="status"):
            await store.zet_status(referentie, "29:mw", (), "weg")

    async def test_status_vervolgactie_and_notitie_change_and_afgesloten_is_set(
        self, store: AanmeldingStore, klok: Klok
    ):
        referentie = (await bevestig(store, "c1")).referentie
        klok.nu += timedelta(days=1)
        bezig = await store.zet_status(referentie, "29:mw", ("MH",), IN_BEHANDELING, notitie="gebeld met wijkteam")
        assert (bezig.status, bezig.notitie, bezig.bijgewerkt, bezig.afgesloten) == (
            IN_BEHANDELING, "gebeld met wijkteam", klok.nu, None)
        klok.nu += timedelta(days=1)
        klaar = await store.zet_status(referentie, "29:mw", ("MH",), AFGESLOTEN, "netwerkoverleg")
        assert (klaar.status, klaar.vervolgactie, klaar.afgesloten, klaar.bijgewerkt) == (
            AFGESLOTEN, "netwerkoverleg", klok.nu, klok.nu)
        assert klaar.notitie == "gebeld met wijkteam"  # no note given leaves the note as it was
        assert await store.open(referentie, ANNA.teams_id, None) == klaar
        leeg = await store.zet_status(referentie, "29:mw", ("MH",), AFGESLOTEN, notitie="")
        assert leeg.notitie == ""  # an empty note clears it

    async def test_with_an_expected_status_only_that_status_changes(self, store: AanmeldingStore, db):
        referentie = (await bevestig(store, "c1")).referentie
        eerst = await store.zet_status(referentie, "29:a", (), IN_BEHANDELING, verwacht_status=ONTVANGEN)
        assert eerst.status == IN_BEHANDELING
        await store.zet_status(referentie, "29:a", (), VERVOLGACTIE_GEKOZEN, "netwerkoverleg")
        # A colleague's first look, a moment later, does not undo that triage.
        later = await store.zet_status(referentie, "29:b", (), IN_BEHANDELING, verwacht_status=ONTVANGEN)
        assert (later.status, later.vervolgactie) == (VERVOLGACTIE_GEKOZEN, "netwerkoverleg")
        assert (await audit(db))[-1] == ("29:b", "gelezen", referentie, "zet_status;status veranderd")

    async def test_reopening_clears_afgesloten(self, store: AanmeldingStore):
        referentie = (await bevestig(store, "c1")).referentie
        await store.zet_status(referentie, "29:mw", (), AFGESLOTEN)
        heropend = await store.zet_status(referentie, "29:mw", (), IN_BEHANDELING)
        assert (heropend.status, heropend.afgesloten) == (IN_BEHANDELING, None)

    async def test_another_house_or_an_unknown_reference_gets_none(self, store: AanmeldingStore):
        referentie = (await bevestig(store, "c1")).referentie
        assert await store.zet_status(referentie, "29:mw", ("WM",), AFGESLOTEN) is None
        assert await store.zet_status("ZVH-MH-2026-000099", "29:mw", (), AFGESLOTEN) is None
        assert (await store.open(referentie, ANNA.teams_id, None)).status == ONTVANGEN

    async def test_adres_van_gives_the_conversation_reference(self, store: AanmeldingStore):
        referentie = (await bevestig(store, "c1")).referentie
        assert await store.adres_van(referentie) == _ADRES
        assert await store.adres_van("ZVH-MH-2026-000099") is None


class TestBewaartermijn:
    async def test_purge_erases_personal_fields_after_the_retention_period(
        self, store: AanmeldingStore, klok: Klok, db: AsyncEngine
    ):
        oud = (await bevestig(store, "c1")).referentie
        open_gebleven = (await bevestig(store, "c2")).referentie
        klok.nu = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
        await store.zet_status(oud, "29:mw", (), AFGESLOTEN, "terug", "notitie")
        klok.nu = datetime(2028, 3, 31, 12, 0, tzinfo=UTC)  # exactly 24 months: not yet
        assert await store.purge(24) == 0
        klok.nu += timedelta(seconds=1)
        assert await store.purge(24) == 1
        assert await store.purge(24) == 0

        gewist = await store.open(oud, "29:mw", ())
        assert gewist.gewist == klok.nu
        assert (gewist.referentie, gewist.gemeente, gewist.doelgroep, gewist.status, gewist.vervolgactie) == (
            oud, "Maastricht", "volwassenen", AFGESLOTEN, "terug")
        assert gewist.melder == Melder("", "", "", "")
        assert (gewist.initialen, gewist.geboortejaar, gewist.gezin_met_kinderen, gewist.leefgebieden) == (
            "", None, None, {})
        assert (gewist.situatie, gewist.partners, gewist.stagnatie, gewist.notitie) == ("", "", "", "")
        assert (gewist.geinformeerd, gewist.reden_niet_geinformeerd) == (None, "")
        assert await store.adres_van(oud) is None
        assert [a.referentie for a in await store.van_melder(ANNA.teams_id)] == [open_gebleven]
        assert (await store.open(open_gebleven, ANNA.teams_id, None)).situatie == _SITUATIE
        assert ("systeem", "gewist", oud, "bewaartermijn=24 maanden") in await audit(db)
        assert await store.cijfers(2026) == [Telling(2026, "Maastricht", "volwassenen", 2)]

    async def test_an_erased_aanmelding_takes_no_new_status_or_note(self, store: AanmeldingStore, klok: Klok):
        referentie = (await bevestig(store, "c1")).referentie
        await store.zet_status(referentie, "29:mw", (), AFGESLOTEN)
        klok.nu += timedelta(days=31 * 25)
        await store.purge(24)
        assert await store.zet_status(referentie, "29:mw", (), IN_BEHANDELING, notitie="nieuw") is None

    async def test_purge_needs_at_least_a_month(self, store: AanmeldingStore):
        with pytest.raises(ValueError):
            await store.purge(0)

    async def test_old_conversation_state_is_removed(self, store: AanmeldingStore, klok: Klok, db: AsyncEngine):
        storage = SqlStorage(db)
        await storage.write({"oud": {"formulier": {"situatie": _SITUATIE}}, "vers": {"n": 1}})
        async with db.begin() as conn:
            await conn.execute(update(StateRow).values(updated_at=klok.nu - timedelta(days=40)).where(
                StateRow.key == "oud"))
            await conn.execute(update(StateRow).values(updated_at=klok.nu - timedelta(days=29)).where(
                StateRow.key == "vers"))
        assert await store.ruim_oude_state_op() == 1
        assert set(await storage.read(["oud", "vers"])) == {"vers"}
        assert await store.ruim_oude_state_op(dagen=1) == 1


class TestCijfers:
    async def test_counts_per_gemeente_and_doelgroep_of_one_year_sorted(self, store: AanmeldingStore, klok: Klok):
        await bevestig(store, "c1", gemeente="Venlo")
        await bevestig(store, "c2", **{DOELGROEP: "jeugd"})
        await bevestig(store, "c3")
        await bevestig(store, "c4", **{DOELGROEP: "jeugd"})
        klok.nu = datetime(2027, 2, 1, tzinfo=UTC)
        await bevestig(store, "c5")
        assert await store.cijfers(2026) == [
            Telling(2026, "Maastricht", "jeugd", 2),
            Telling(2026, "Maastricht", "volwassenen", 1),
            Telling(2026, "Venlo", "volwassenen", 1),
        ]
        assert await store.cijfers(2027) == [Telling(2027, "Maastricht", "volwassenen", 1)]
        assert await store.cijfers(2025) == []


@pytest.mark.parametrize(
    ("moment", "maanden", "grens"),
    [
        (datetime(2028, 3, 31, 12, tzinfo=UTC), 1, datetime(2028, 2, 29, 12, tzinfo=UTC)),
        (datetime(2028, 3, 31, 12, tzinfo=UTC), 24, datetime(2026, 3, 31, 12, tzinfo=UTC)),
        (datetime(2027, 1, 15, tzinfo=UTC), 1, datetime(2026, 12, 15, tzinfo=UTC)),
        (datetime(2027, 1, 15, tzinfo=UTC), 13, datetime(2025, 12, 15, tzinfo=UTC)),
        (datetime(2026, 12, 31, tzinfo=UTC), 10, datetime(2026, 2, 28, tzinfo=UTC)),
    ],
)
def test_retention_counts_calendar_months(moment: datetime, maanden: int, grens: datetime):
    assert _maanden_terug(moment, maanden) == grens


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    weg = ("Microsoft", "BEWAARTERMIJN", "ZVH_", "DATABASE_URL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(weg)}
    env.update({"DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(_REPO)}, **extra)
    return env


def _bytes(pad: Path) -> bytes:
    """The database file with its WAL and shared-memory files, if any."""
    return b"".join(p.read_bytes() for p in sorted(pad.parent.glob(pad.name + "*")))


# A medewerker id no other test data holds, to look for in the SQLite file's bytes.
_SLUITER = "29:mw-XQ7-sluiter"


class TestCommands:
    async def _gevulde_database(self, pad: Path) -> None:
        engine = database.create_engine(f"sqlite+aiosqlite:///{pad}")
        try:
            await database.migrate(engine)
            klok = Klok(datetime(2020, 5, 4, tzinfo=UTC))
            store = AanmeldingStore(engine, klok=klok)
            oud = await bevestig(store, "c1")
            await bevestig(store, "c2", gemeente="Venlo", **{SITUATIE: "nog in behandeling"})
            await store.zet_status(oud.referentie, _SLUITER, (), AFGESLOTEN)
            await SqlStorage(engine).write({"gesprek": {"situatie": "half formulier"}})
            async with engine.begin() as conn:
                await conn.execute(update(StateRow).values(updated_at=datetime(2020, 5, 4, tzinfo=UTC)))
        finally:
            await database.sluit(engine)

    async def test_purge_erases_and_vacuums_the_sqlite_file(self, tmp_path: Path):
        pad = tmp_path / "zvh.db"
        await self._gevulde_database(pad)
        assert _SITUATIE.encode() in _bytes(pad)
        uit = subprocess.run(
            [sys.executable, "-m", "bot", "purge"], cwd=tmp_path,
            env=_env(tmp_path, DATABASE_URL=f"sqlite+aiosqlite:///{pad}"),
            capture_output=True, text=True, timeout=60,
        )
        assert uit.returncode == 0, uit.stderr
        assert uit.stdout == (
            "purge: 1 aanmeldingen gewist, 0 signalen gewist, 2 auditgebeurtenissen verwijderd, "
            "1 oude gesprekstoestanden verwijderd\n"
            "purge: NL: 1 aanmeldingen en 0 signalen open zonder wijziging sinds meer dan 24 maanden, "
            "niet gewist: sluit ze af in de werkvoorraad\n"
        )
        inhoud = _bytes(pad)
        assert _SITUATIE.encode() not in inhoud
        assert b"half formulier" not in inhoud
        # The medewerker who closed it was only in its audit trail, deleted with the erasure.
        assert _SLUITER.encode() not in inhoud
        assert b"nog in behandeling" in inhoud  # not afgesloten: kept (and reported for NL)

        uit = subprocess.run(
            [sys.executable, "-m", "bot", "cijfers", "--jaar", "2020"], cwd=tmp_path,
            env=_env(tmp_path, DATABASE_URL=f"sqlite+aiosqlite:///{pad}"),
            capture_output=True, text=True, timeout=60,
        )
        assert uit.returncode == 0, uit.stderr
        assert uit.stdout == "gemeente;doelgroep;aantal\nMaastricht;volwassenen;1\nVenlo;volwassenen;1\n"

    async def test_vacuum_removes_erased_bytes_where_sqlite_keeps_them(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ):
        """Debian builds SQLite with SECURE_DELETE, which hides the need for VACUUM; others do not."""
        from bot.__main__ import _vacuum

        pragmas = database._sqlite_pragmas

        def zonder_secure_delete(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
            pragmas(dbapi_connection, record)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA secure_delete=OFF")
            cursor.close()

        # On every connection of the engine, the writer thread's included.
        monkeypatch.setattr(database, "_sqlite_pragmas", zonder_secure_delete)
        pad = tmp_path / "zvh.db"
        engine = database.create_engine(f"sqlite+aiosqlite:///{pad}")
        try:
            await database.migrate(engine)
            store = AanmeldingStore(engine, klok=Klok(datetime(2020, 5, 4, tzinfo=UTC)))
            for i in range(5):
                referentie = (await bevestig(store, f"c{i}")).referentie
                await store.zet_status(referentie, "29:mw", (), AFGESLOTEN)
            await database.sluit(engine)  # checkpoint: the values are in the database file itself
            assert await AanmeldingStore(engine).purge(24) == 5
            await database.sluit(engine)
            assert _SITUATIE.encode() in _bytes(pad)
            await _vacuum(engine)
        finally:
            await database.sluit(engine)
        assert _SITUATIE.encode() not in _bytes(pad)

    def test_cijfers_of_a_fresh_database_is_the_header_only(self, tmp_path: Path):
        uit = subprocess.run(
            [sys.executable, "-m", "bot", "cijfers"], cwd=tmp_path, env=_env(tmp_path),
            capture_output=True, text=True, timeout=60,
        )
        assert uit.returncode == 0, uit.stderr
        assert uit.stdout == "gemeente;doelgroep;aantal\n"

    def test_purge_refuses_a_bad_retention_period(self, tmp_path: Path):
        uit = subprocess.run(
            [sys.executable, "-m", "bot", "purge"], cwd=tmp_path, env=_env(tmp_path, BEWAARTERMIJN_MAANDEN="0"),
            capture_output=True, text=True, timeout=60,
        )
        assert uit.returncode == 2
        assert "configuration error: BEWAARTERMIJN_MAANDEN" in uit.stderr
