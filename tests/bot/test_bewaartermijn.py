"""The retention policy of `python -m bot purge` (bot/bewaartermijn.py) on SQLite and PostgreSQL:
audit events go once they are older than the period and their record holds no personal data any
more; open aanmeldingen and signals past the period are counted per house and never erased.

One timeline for most tests (the period is 24 months, "now" is 25 months after the start):
- MH: aanmelding `gesloten` closed on day 1 (erased now), read again after 6 months;
  `open_oud` never changed (reported); `laat_gesloten` closed after 20 months (kept);
- NL: aanmelding `bijgewerkt` still open but given a note after 10 months (not reported);
- MH: signal `afgehandeld` on day 1 (erased now); signal `open_signaal` never handled (reported).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import bewaartermijn
from bot.aanmeldingen import AanmeldingStore
from bot.signalen import SignaalStore
from knowledge.aanmelding import AFGESLOTEN, IN_BEHANDELING
from tests.bot.test_aanmeldingen import ANNA, Klok, audit, bevestig
from tests.bot.test_signalen import BERT, leg_vast

_BEGIN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
_NU = datetime(2028, 4, 2, 9, 30, tzinfo=UTC)  # 25 months later
# The professionals of the timeline: who must be gone from the audit trail, and who must stay.
_SLUITER = "29:mw-sluit-XQ7"
_LATE_LEZER = "29:mw-leest-later"


class Tijdlijn(NamedTuple):
    gesloten: str
    open_oud: str
    laat_gesloten: str
    bijgewerkt: str
    afgehandeld: str
    open_signaal: str


async def tijdlijn(db: AsyncEngine, klok: Klok) -> Tijdlijn:
    aanmeldingen, signalen = AanmeldingStore(db, klok=klok), SignaalStore(db, klok=klok)
    klok.nu = _BEGIN
    gesloten = (await bevestig(aanmeldingen, "c1")).referentie
    open_oud = (await bevestig(aanmeldingen, "c2")).referentie
    laat_gesloten = (await bevestig(aanmeldingen, "c3")).referentie
    bijgewerkt = (await bevestig(aanmeldingen, "c4", gemeente="Venlo")).referentie
    afgehandeld = (await leg_vast(signalen)).referentie
    open_signaal = (await leg_vast(signalen, melder=BERT)).referentie
    klok.nu = _BEGIN + timedelta(days=1)
    await aanmeldingen.zet_status(gesloten, _SLUITER, (), AFGESLOTEN)
    await signalen.handel_af(afgehandeld, _SLUITER, ())
    klok.nu = _BEGIN + timedelta(days=183)
    await aanmeldingen.open(gesloten, _LATE_LEZER, ())
    klok.nu = _BEGIN + timedelta(days=305)
    await aanmeldingen.zet_status(bijgewerkt, "29:mw-nl", ("NL",), IN_BEHANDELING, notitie="loopt nog")
    klok.nu = _BEGIN + timedelta(days=610)
    await aanmeldingen.zet_status(laat_gesloten, "29:mw", (), AFGESLOTEN)
    klok.nu = _NU
    return Tijdlijn(gesloten, open_oud, laat_gesloten, bijgewerkt, afgehandeld, open_signaal)


class TestAudit:
    async def test_events_of_erased_records_older_than_the_period_go_the_rest_stay(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        t = await tijdlijn(db, klok)
        voor = await audit(db)
        uitkomst = await bewaartermijn.purge(db, 24, klok=klok)
        na = await audit(db)

        weg = [e for e in voor if e not in na]
        # Made, closed, handled on day 1 and before: more than 24 months old, and their records erased.
        assert sorted((wie, actie, ref) for wie, actie, ref, _ in weg) == sorted([
            (ANNA.teams_id, "aangemaakt", t.gesloten),
            (_SLUITER, "gewijzigd", t.gesloten),
            (ANNA.teams_id, "aangemaakt", t.afgehandeld),
            (_SLUITER, "gewijzigd", t.afgehandeld),
        ])
        assert uitkomst.audit_verwijderd == len(weg) == 4
        assert not any(_SLUITER in e for e in na)
        # The later read of the erased aanmelding is not 24 months old yet; the erasures just made stay.
        assert (_LATE_LEZER, "gelezen", t.gesloten, "open") in na
        assert {ref for wie, actie, ref, _ in na if actie == "gewist"} == {t.gesloten, t.afgehandeld}
        # Records that still hold personal data keep their whole trail, however old.
        for ref in (t.open_oud, t.laat_gesloten, t.bijgewerkt, t.open_signaal):
            assert [e for e in voor if e[2] == ref] == [e for e in na if e[2] == ref]

    async def test_an_event_exactly_one_period_old_stays(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        store = AanmeldingStore(db, klok=klok)
        referentie = (await bevestig(store, "c1")).referentie
        await store.zet_status(referentie, _SLUITER, (), AFGESLOTEN)
        klok.nu = datetime(2028, 3, 2, 9, 30, 1, tzinfo=UTC)
        assert await store.purge(24) == 1
        klok.nu = datetime(2028, 3, 2, 9, 30, tzinfo=UTC)  # exactly 24 calendar months after the events
        assert await store.ruim_audit_op(24) == 0
        klok.nu += timedelta(seconds=1)
        assert await store.ruim_audit_op(24) == 2
        assert [actie for _, actie, _, _ in await audit(db)] == ["gewist"]

    async def test_events_of_a_reference_with_no_record_go_after_the_period(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        store = AanmeldingStore(db, klok=klok)
        referentie = (await bevestig(store, "c1")).referentie
        async with db.begin() as conn:  # e.g. removed by hand, or by a downgrade
            await conn.execute(text("DELETE FROM aanmelding"))
        klok.nu = _NU
        assert await store.ruim_audit_op(24) == 1
        assert not [e for e in await audit(db) if e[2] == referentie]

    async def test_the_period_is_at_least_a_month(self, db: AsyncEngine):
        with pytest.raises(ValueError):
            await AanmeldingStore(db).ruim_audit_op(0)


class TestOpenNaDeTermijn:
    async def test_open_records_past_the_period_are_counted_per_house_and_kept(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        t = await tijdlijn(db, klok)
        uitkomst = await bewaartermijn.purge(db, 24, klok=klok)
        assert (uitkomst.aanmeldingen_gewist, uitkomst.signalen_gewist) == (1, 1)
        assert uitkomst.open_aanmeldingen == {"MH": 1}  # open_oud; not the NL one with its note
        assert uitkomst.open_signalen == {"MH": 1}
        aanmeldingen = AanmeldingStore(db, klok=klok)
        for ref in (t.open_oud, t.bijgewerkt):
            assert (await aanmeldingen.open(ref, "29:mw", ())).gewist is None
        assert [s.referentie for s in await SignaalStore(db, klok=klok).open_signalen("29:mw", ())] == [t.open_signaal]

    async def test_counted_until_someone_acts_then_not(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        t = await tijdlijn(db, klok)
        aanmeldingen, signalen = AanmeldingStore(db, klok=klok), SignaalStore(db, klok=klok)
        assert await aanmeldingen.open_over_termijn(24) == {"MH": 1}
        assert await signalen.open_over_termijn(24) == {"MH": 1}
        await aanmeldingen.zet_status(t.open_oud, "29:mw", (), IN_BEHANDELING, notitie="casus loopt nog")
        await signalen.handel_af(t.open_signaal, "29:mw", ())
        assert (await aanmeldingen.open_over_termijn(24), await signalen.open_over_termijn(24)) == ({}, {})

    async def test_exactly_one_period_without_a_change_is_not_reported_yet(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        aanmeldingen, signalen = AanmeldingStore(db, klok=klok), SignaalStore(db, klok=klok)
        await bevestig(aanmeldingen, "c1", gemeente="Sittard-Geleen")
        await leg_vast(signalen, gemeente="Venlo")
        klok.nu = datetime(2028, 3, 2, 9, 30, tzinfo=UTC)
        assert (await aanmeldingen.open_over_termijn(24), await signalen.open_over_termijn(24)) == ({}, {})
        klok.nu += timedelta(seconds=1)
        assert (await aanmeldingen.open_over_termijn(24), await signalen.open_over_termijn(24)) == (
            {"WM": 1}, {"NL": 1})


class TestUitvoer:
    async def test_the_lines_hold_counts_and_house_codes_only(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        await tijdlijn(db, klok)
        async with db.begin() as conn:
            await conn.execute(text(
                "INSERT INTO bot_state (key_hash, key, e_tag, document, updated_at) "
                "VALUES ('h', 'msteams/conversations/a:1', 'e', '{}', :oud)"
            ), {"oud": _BEGIN})
        regels = (await bewaartermijn.purge(db, 24, klok=klok)).regels()
        assert regels == [
            "purge: 1 aanmeldingen gewist, 1 signalen gewist, 4 auditgebeurtenissen verwijderd, "
            "1 oude gesprekstoestanden verwijderd",
            "purge: MH: 1 aanmeldingen en 1 signalen open zonder wijziging sinds meer dan 24 maanden, "
            "niet gewist: sluit ze af in de werkvoorraad",
        ]

    async def test_a_second_run_erases_nothing_more_and_still_reports(self, db: AsyncEngine):
        klok = Klok(_BEGIN)
        await tijdlijn(db, klok)
        await bewaartermijn.purge(db, 24, klok=klok)
        tweede = await bewaartermijn.purge(db, 24, klok=klok)
        assert (tweede.aanmeldingen_gewist, tweede.signalen_gewist, tweede.audit_verwijderd) == (0, 0, 0)
        assert tweede.regels()[1:] == [
            "purge: MH: 1 aanmeldingen en 1 signalen open zonder wijziging sinds meer dan 24 maanden, "
            "niet gewist: sluit ze af in de werkvoorraad",
        ]

    def test_houses_in_the_order_of_limburg_and_only_those_with_something_open(self):
        uitkomst = bewaartermijn.Opruiming(24, 0, 0, 0, 0, {"NL": 2, "MH": 1}, {"PS": 3})
        assert [r.split(":")[1].strip() for r in uitkomst.regels()[1:]] == ["MH", "PS", "NL"]
        assert "PS: 0 aanmeldingen en 3 signalen" in uitkomst.regels()[2]
        assert bewaartermijn.Opruiming(24, 0, 0, 0, 0).regels()[1:] == []
