"""An aanmelding as professionals and ZVH-medewerkers go through it, on the real bot and SQL store.

The form by card (happy path, mistakes with specific messages, the card again with what was
entered), by typing (one question per field), review and change, cancel (nothing stored), the
hand-over from a criteria check, interruptions, a store that fails at confirm, then mijn
aanmeldingen, somebody else's reference, and the medewerker's triage with messages to the melder.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from botbuilder.schema import Activity
from sqlalchemy import text

from bot.composition import build_bot
from bot.storage import SqlStorage
from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.aanmelding import load_formulier
from tests.conftest import (
    Berichten,
    Gesprek,
    buttons,
    card_of,
    make_diensten,
    make_gesprek,
    seen_text,
    teams_activity,
    vermelding,
)

NL = Teksten("nl")
EN = Teksten("en")
FK = load_formulier()
DOELGROEP = FK.doelgroepen[0]
GEBIED_1, GEBIED_2 = FK.leefgebieden[0], FK.leefgebieden[1]
GOED = {
    "organisatie": "Wijkteam Maastricht-Noord",
    "telefoon": "06-12345678",
    "gemeente": "Maastricht",
    "doelgroep": DOELGROEP.code,
    "initialen": "j.p.",
    "geboortejaar": "1987",
    "gezin_met_kinderen": "nee",
    f"zrm_{GEBIED_1.code}": "2",
    f"zrm_{GEBIED_2.code}": "1",
    "situatie": "Veel overlast in de straat en oplopende schulden; de hulpverlening loopt vast.",
    "partners": "Wijkteam en GGZ",
    "stagnatie": "Partners komen niet tot een gezamenlijk plan.",
    "geinformeerd": "ja",
    "reden_niet_geinformeerd": "",
    "urgentie": FK.urgenties[0].code,
}


def inputs(reply: Activity) -> dict[str, Any]:
    """id -> value of every input field on the reply's card."""
    card = card_of(reply) or {}
    return {b["id"]: b.get("value") for b in card.get("body", []) if b.get("type", "").startswith("Input.")}


def tabel_van(reply: Activity) -> list[list[str]]:
    """The texts of the Table on a reply's card, row by row."""
    tabel = next(b for b in card_of(reply)["body"] if b["type"] == "Table")
    return [[cel["items"][0]["text"] for cel in rij["cells"]] for rij in tabel["rows"]]


def verzend(reply: Activity, **velden: Any) -> dict[str, Any]:
    """What Teams sends when the form on `reply` is submitted with these field values."""
    data = dict(buttons(reply)[0][1])
    return {**data, **velden}


async def formulier(gesprek: Gesprek, **kw: Any) -> Activity:
    replies = await gesprek.send("aanmelden", **kw)
    assert card_of(replies[-1])["body"][0]["text"] in (NL(messages.AANMELDING_TITEL), EN(messages.AANMELDING_TITEL))
    return replies[-1]


async def naar_samenvatting(gesprek: Gesprek, **velden: Any) -> Activity:
    kaart = await formulier(gesprek)
    replies = await gesprek.click(verzend(kaart, **{**GOED, **velden}))
    assert messages.SAMENVATTING_TITEL in seen_text(replies[-1]), seen_text(replies[-1])
    return replies[-1]


async def aantal_aanmeldingen(sql_engine) -> int:
    """Rows in the aanmelding table: what is really stored, not what the bot says."""
    async with sql_engine.connect() as conn:
        return (await conn.execute(text("SELECT count(*) FROM aanmelding"))).scalar_one()


class TestFormulierPerKaart:
    async def test_card_then_summary_then_confirm_gives_a_reference(self, gesprek: Gesprek, sql_engine):
        kaart = await formulier(gesprek)
        velden = inputs(kaart)
        assert {"organisatie", "telefoon", "gemeente", "doelgroep", "initialen", "geboortejaar", "situatie",
                "geinformeerd", "urgentie", f"zrm_{GEBIED_1.code}"} <= set(velden)
        assert "bsn" not in " ".join(velden).lower() and "naam" not in " ".join(velden).lower()
        replies = await gesprek.click(verzend(kaart, **GOED))
        samenvatting = seen_text(replies[-1])
        facts = {f["title"]: f["value"] for b in card_of(replies[-1])["body"] if b["type"] == "FactSet"
                 for f in b["facts"]}
        assert facts[messages.VELD_INITIALEN] == "J.P."
        assert facts[messages.VELD_GEMEENTE] == "Maastricht"
        assert facts[messages.VELD_LEEFGEBIEDEN] == f"{GEBIED_1.nl} 2, {GEBIED_2.nl} 1"
        assert NL(messages.HUIS_KOP, naam="Zorg- en Veiligheidshuis Maastricht-Heuvelland") in samenvatting
        assert await aantal_aanmeldingen(sql_engine) == 0  # nothing stored before Bevestigen

        replies = await gesprek.press(replies[-1], messages.KNOP_BEVESTIGEN)
        assert NL(messages.BEVESTIGD_TITEL, referentie="ZVH-MH-2026-000001") in seen_text(replies[0])
        assert FK.na_aanmelding_nl in seen_text(replies[0])
        assert await aantal_aanmeldingen(sql_engine) == 1

        replies = await gesprek.send("mijn aanmeldingen")
        assert "ZVH-MH-2026-000001" in seen_text(replies[0])
        assert NL(messages.MIJN_TITEL) in seen_text(replies[0])

    async def test_mistakes_get_specific_messages_and_the_card_keeps_what_was_entered(
        self, gesprek: Gesprek, sql_engine
    ):
        kaart = await formulier(gesprek)
        fout = {**GOED, "geboortejaar": "1890", "situatie": "Zijn BSN is 111222333, woont bij zijn moeder.",
                "gemeente": "Amsterdam", "initialen": "Jan"}
        replies = await gesprek.click(verzend(kaart, **fout))
        melding = replies[0].text
        assert melding.startswith(NL(messages.AANMELDING_FOUTEN))
        assert NL(messages.FOUT_GEBOORTEJAAR, veld=messages.VELD_GEBOORTEJAAR, min=1916, max=2026) in melding
        assert NL(messages.FOUT_BSN, veld=messages.VELD_SITUATIE) in melding
        assert "'Amsterdam'" in melding
        assert NL(messages.FOUT_GEEN_INITIALEN, veld=messages.VELD_INITIALEN) in melding
        opnieuw = inputs(replies[1])
        assert opnieuw["organisatie"] == GOED["organisatie"]  # kept
        assert opnieuw["geboortejaar"] == "1890"  # shown again to correct
        assert await aantal_aanmeldingen(sql_engine) == 0

        replies = await gesprek.click(verzend(replies[1], **GOED))
        assert messages.SAMENVATTING_TITEL in seen_text(replies[-1])

    async def test_not_informed_needs_a_reason(self, gesprek: Gesprek):
        kaart = await formulier(gesprek)
        replies = await gesprek.click(verzend(kaart, **{**GOED, "geinformeerd": "nee"}))
        assert NL(messages.FOUT_LEEG, veld=messages.VELD_REDEN) in replies[0].text
        reden = {"geinformeerd": "nee", "reden_niet_geinformeerd": "Veiligheid van de melder."}
        replies = await gesprek.click(verzend(replies[1], **{**GOED, **reden}))
        assert "Veiligheid van de melder." in seen_text(replies[-1]) or any(
            f["value"] == "Veiligheid van de melder."
            for b in card_of(replies[-1])["body"] if b["type"] == "FactSet" for f in b["facts"]
        )

    async def test_a_click_on_an_older_form_is_refused(self, gesprek: Gesprek, sql_engine):
        oud = await formulier(gesprek)
        await gesprek.send("annuleren")
        await formulier(gesprek)
        replies = await gesprek.click(verzend(oud, **GOED))
        assert replies[0].text == NL(messages.FOUT_ANDERE_KAART)
        assert await aantal_aanmeldingen(sql_engine) == 0


class TestFormulierGetypt:
    async def test_every_field_by_typing_with_a_mistake_and_a_change(self, gesprek: Gesprek):
        await formulier(gesprek)
        replies = await gesprek.send("ik typ het liever")
        assert replies[0].text == NL(messages.AANMELDING_GETYPT)
        assert messages.VRAAG_ORGANISATIE in seen_text(replies[1])
        antwoorden = [
            ("Wijkteam Heerlen", messages.VRAAG_TELEFOON),
            ("045 123 4567", messages.VRAAG_GEMEENTE),
            ("heerlen", messages.VRAAG_DOELGROEP),
            (DOELGROEP.nl, messages.VRAAG_INITIALEN),
            ("AB", messages.VRAAG_GEBOORTEJAAR),
        ]
        for antwoord, volgende in antwoorden:
            replies = await gesprek.send(antwoord)
            assert volgende in seen_text(replies[-1]), (antwoord, seen_text(replies[-1]))
        replies = await gesprek.send("19877")
        jaar = NL(messages.FOUT_GEBOORTEJAAR, veld=messages.VELD_GEBOORTEJAAR, min=1916, max=2026)
        assert replies[0].text == jaar
        assert messages.VRAAG_GEBOORTEJAAR in seen_text(replies[1])
        replies = await gesprek.send("1990")
        assert messages.VRAAG_GEZIN in seen_text(replies[-1])
        replies = await gesprek.send("ja")
        assert "ZRM" in seen_text(replies[-1])
        replies = await gesprek.send(f"{GEBIED_1.nl} 2, {GEBIED_2.nl} 3")
        replies = await gesprek.send("Mail hem op jan@example.nl, het gaat slecht met hem.")
        assert replies[0].text == NL(messages.FOUT_EMAIL, veld=messages.VELD_SITUATIE)
        replies = await gesprek.send("Ernstige verwaarlozing van de woning en overlast voor de buren.")
        assert messages.VRAAG_PARTNERS in seen_text(replies[-1])
        await gesprek.send("geen")
        replies = await gesprek.send("Niemand krijgt contact; hulp wordt geweigerd.")
        assert messages.VRAAG_GEINFORMEERD in seen_text(replies[-1])
        replies = await gesprek.send("nee")
        assert messages.VRAAG_REDEN in seen_text(replies[-1])
        await gesprek.send("Dreiging richting de melder.")
        replies = await gesprek.send("1")  # the first urgentie, by its number
        assert messages.SAMENVATTING_TITEL in seen_text(replies[-1])

        replies = await gesprek.send("wijzig geboortejaar")
        assert messages.VRAAG_GEBOORTEJAAR in seen_text(replies[-1])
        replies = await gesprek.send("1991")
        facts = {f["title"]: f["value"] for b in card_of(replies[-1])["body"] if b["type"] == "FactSet"
                 for f in b["facts"]}
        assert facts[messages.VELD_GEBOORTEJAAR] == "1991"
        assert facts[messages.VELD_GEMEENTE] == "Heerlen"
        replies = await gesprek.send("wijzigen")
        assert "wijzig geboortejaar" in replies[0].text  # names the fields instead of guessing
        replies = await gesprek.send("bevestigen")
        assert NL(messages.BEVESTIGD_TITEL, referentie="ZVH-PS-2026-000001") in seen_text(replies[0])

    async def test_a_glossary_question_in_the_middle_is_answered_and_the_field_asked_again(self, gesprek: Gesprek):
        await formulier(gesprek)
        await gesprek.send("liever typen")
        replies = await gesprek.send("wat is een ZRM?")
        assert "Zelfredzaamheid" in seen_text(replies[0])
        assert messages.VRAAG_ORGANISATIE in seen_text(replies[-1])


class TestAnnulerenEnOnderbreken:
    async def test_cancel_on_the_summary_stores_nothing(self, gesprek: Gesprek, sql_engine):
        samenvatting = await naar_samenvatting(gesprek)
        replies = await gesprek.press(samenvatting, messages.KNOP_ANNULEREN)
        assert replies[0].text == NL(messages.GESTOPT)
        assert await aantal_aanmeldingen(sql_engine) == 0
        replies = await gesprek.send("mijn aanmeldingen")
        assert NL(messages.MIJN_GEEN) in seen_text(replies[0])

    async def test_another_command_does_not_throw_the_form_away(self, gesprek: Gesprek):
        kaart = await formulier(gesprek)
        replies = await gesprek.click({cards.ACTIE: "criteria_check", cards.TAAL: "nl"})
        assert replies[0].text == NL(messages.AANMELDING_DOORGAAN)
        replies = await gesprek.click(verzend(kaart, **GOED))
        assert messages.SAMENVATTING_TITEL in seen_text(replies[-1])

    async def test_112_comes_first_inside_the_form(self, gesprek: Gesprek):
        await formulier(gesprek)
        replies = await gesprek.send("hij staat nu met een mes voor de deur")
        assert "112" in seen_text(replies[0])


class TestVanuitDeCheck:
    async def test_the_outcome_button_starts_a_prefilled_aanmelding(self, gesprek: Gesprek):
        replies = await gesprek.send("check")
        data = dict(buttons(replies[-1]))[messages.KNOP_VERDER]
        replies = await gesprek.click({**data, "gemeente": "sittard"})
        for _ in range(3):
            replies = await gesprek.press(replies[-1], messages.JA)
        assert [titel for titel, _ in buttons(replies[0])][0] == messages.KNOP_AANMELDEN
        replies = await gesprek.press(replies[0], messages.KNOP_AANMELDEN)
        kaart = replies[-1]
        assert inputs(kaart)["gemeente"] == "Sittard-Geleen"
        replies = await gesprek.click(verzend(kaart, **{**GOED, "gemeente": "Sittard-Geleen"}))
        replies = await gesprek.press(replies[-1], messages.KNOP_BEVESTIGEN)
        assert NL(messages.BEVESTIGD_TITEL, referentie="ZVH-WM-2026-000001") in seen_text(replies[0])
        replies = await gesprek.press(replies[0], messages.KNOP_AANMELDING_BEKIJKEN)
        assert messages.CHECK_UITKOMST_AANMELDEN in str(card_of(replies[0]))


    async def test_maastricht_heuvellands_own_rule_is_recorded_as_aanmelden(self, gesprek: Gesprek, sql_engine):
        await gesprek.send("check")
        await gesprek.send("Maastricht")
        await gesprek.send("nee")  # A: no overlast or crime
        await gesprek.send("ja")  # E: the voluntary local approach falls short
        replies = await gesprek.send("ja")  # C
        replies = await gesprek.press(replies[0], messages.KNOP_AANMELDEN)
        replies = await gesprek.click(verzend(replies[-1], **GOED))
        await gesprek.press(replies[-1], messages.KNOP_BEVESTIGEN)
        async with sql_engine.connect() as conn:
            uitkomst = (await conn.execute(text("SELECT criteria_uitkomst FROM aanmelding"))).scalar_one()
        assert uitkomst == "aanmelden"


class _FaaltEenKeer:
    """A real store whose first confirm fails, as a database that is briefly away would."""

    def __init__(self, echt) -> None:
        self._echt = echt
        self.gefaald = False

    def __getattr__(self, naam):
        return getattr(self._echt, naam)

    async def bevestig(self, *args, **kwargs):
        if not self.gefaald:
            self.gefaald = True
            raise ConnectionError("database weg")
        return await self._echt.bevestig(*args, **kwargs)


class TestOpslaanMislukt:
    async def test_the_concept_survives_a_failed_confirm(self, sql_engine, caplog):
        echt = make_diensten(sql_engine)
        diensten = replace(echt, aanmeldingen=_FaaltEenKeer(echt.aanmeldingen))
        gesprek = Gesprek(build_bot(SqlStorage(sql_engine), diensten))
        samenvatting = await naar_samenvatting(gesprek)
        replies = await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        assert replies[0].text == NL(messages.OPSLAAN_MISLUKT)
        assert messages.SAMENVATTING_TITEL in seen_text(replies[1])
        assert "database weg" not in caplog.text
        replies = await gesprek.press(replies[1], messages.KNOP_BEVESTIGEN)
        assert NL(messages.BEVESTIGD_TITEL, referentie="ZVH-MH-2026-000001") in seen_text(replies[0])


class TestInzienEnTriage:
    async def test_nobody_sees_another_professionals_aanmelding(self, gesprek: Gesprek):
        samenvatting = await naar_samenvatting(gesprek)
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        replies = await gesprek.send("mijn aanmeldingen", user_id="user-2", conversation_id="conv-2")
        assert NL(messages.MIJN_GEEN) in seen_text(replies[0])
        replies = await gesprek.send("ZVH-MH-2026-000001", user_id="user-2", conversation_id="conv-2")
        assert replies[0].text == NL(messages.AANMELDING_ONBEKEND, referentie="ZVH-MH-2026-000001")
        forged = {cards.ACTIE: "aanmelding_bekijken", cards.REFERENTIE: "ZVH-MH-2026-000001"}
        replies = await gesprek.click(forged, user_id="user-2", conversation_id="conv-2")
        assert replies[0].text == NL(messages.AANMELDING_ONBEKEND, referentie="ZVH-MH-2026-000001")
        replies = await gesprek.send("zvh-mh-2026-1")
        assert NL(messages.DETAIL_TITEL, referentie="ZVH-MH-2026-000001") in seen_text(replies[0])

    async def test_medewerker_triages_and_the_melder_is_told(self, gesprek: Gesprek, berichten: Berichten):
        samenvatting = await naar_samenvatting(gesprek)
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        mw = {"user_id": "medewerker-mh", "conversation_id": "conv-mw"}

        replies = await gesprek.send("werkvoorraad", **mw)
        assert "ZVH-MH-2026-000001" in seen_text(replies[0])
        replies = await gesprek.click({**dict(buttons(replies[0]))[messages.KNOP_AANMELDING_BEKIJKEN],
                                       cards.REFERENTIE: "ZVH-MH-2026-000001"}, **mw)
        detail = replies[0]
        assert GOED["situatie"] in str(card_of(detail))
        assert berichten.verstuurd[-1][1] == NL(
            messages.STATUS_BERICHT, referentie="ZVH-MH-2026-000001", status=FK.statussen[1].nl
        )
        assert berichten.verstuurd[-1][0]["user"]["id"] == "user-1"

        data = dict(buttons(detail))[messages.KNOP_VERVOLGACTIE_OPSLAAN]
        replies = await gesprek.click({**data, "vervolgactie": "", "notitie": ""}, **mw)
        assert replies[0].text == NL(messages.TRIAGE_KIES_VERVOLGACTIE)
        actie = FK.vervolgacties[1]
        replies = await gesprek.click({**data, "vervolgactie": actie.code, "notitie": "BSN 111222333"}, **mw)
        assert replies[0].text == NL(messages.FOUT_BSN, veld=messages.DETAIL_NOTITIE)
        replies = await gesprek.click({**data, "vervolgactie": actie.code, "notitie": "Bespreken op 3 dec."}, **mw)
        assert replies[0].text == NL(
            messages.TRIAGE_OPGESLAGEN, referentie="ZVH-MH-2026-000001", status=FK.statussen[2].nl
        )
        assert actie.nl in berichten.verstuurd[-1][1]

        sluit = dict(buttons(replies[1]))[messages.KNOP_AFSLUITEN]
        replies = await gesprek.click({**sluit, "vervolgactie": actie.code, "notitie": "Bespreken op 3 dec."}, **mw)
        assert FK.statussen[3].nl in replies[0].text
        replies = await gesprek.send("mijn aanmeldingen")
        assert FK.statussen[3].nl in seen_text(replies[0])

    async def test_only_medewerkers_triage_and_only_their_own_region(self, gesprek: Gesprek):
        samenvatting = await naar_samenvatting(gesprek, gemeente="Sittard-Geleen")
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        replies = await gesprek.send("werkvoorraad", user_id="user-2", conversation_id="c2")
        assert replies[0].text == NL(messages.ALLEEN_MEDEWERKERS)
        forged = {cards.ACTIE: "triage", cards.REFERENTIE: "ZVH-WM-2026-000001", "stap": "afsluiten",
                  "vervolgactie": FK.vervolgacties[0].code}
        replies = await gesprek.click(forged, user_id="user-2", conversation_id="c2")
        assert replies[0].text == NL(messages.ALLEEN_MEDEWERKERS)
        replies = await gesprek.click(forged, user_id="medewerker-mh", conversation_id="c3")
        assert replies[0].text == NL(messages.AANMELDING_ONBEKEND, referentie="ZVH-WM-2026-000001")
        replies = await gesprek.send("werkvoorraad", user_id="medewerker-mh", conversation_id="c3")
        assert NL(messages.WERKVOORRAAD_GEEN) in seen_text(replies[0])
        replies = await gesprek.send("werkvoorraad", user_id="medewerker-alle", conversation_id="c4")
        assert "ZVH-WM-2026-000001" in seen_text(replies[0])

    async def test_figures_per_doelgroep_per_gemeente_as_table_and_csv(self, gesprek: Gesprek):
        for gemeente in ("Maastricht", "Maastricht", "Heerlen"):
            samenvatting = await naar_samenvatting(gesprek, gemeente=gemeente)
            await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        replies = await gesprek.send("cijfers", user_id="medewerker-alle", conversation_id="c5")
        # One table per Veiligheidshuis (as the annual reports publish them), then all of it as CSV.
        mh, ps = (tabel_van(reply) for reply in replies[:2])
        assert mh == [["Gemeente", DOELGROEP.nl, "Totaal"], ["Maastricht", "2", "2"], ["Totaal", "2", "2"]]
        assert ps == [["Gemeente", DOELGROEP.nl, "Totaal"], ["Heerlen", "1", "1"], ["Totaal", "1", "1"]]
        assert "Maastricht-Heuvelland" in seen_text(replies[0]) and "Parkstad" in seen_text(replies[1])
        assert "Heerlen;1;1" in replies[2].text and "Maastricht;2;2" in replies[2].text
        replies = await gesprek.send("cijfers", user_id="medewerker-mh", conversation_id="c6")
        assert tabel_van(replies[0])[1] == ["Maastricht", "2", "2"]
        assert "Heerlen" not in replies[1].text  # only the medewerker's own house
        replies = await gesprek.send("cijfers 2025", user_id="medewerker-alle", conversation_id="c5")
        assert NL(messages.CIJFERS_GEEN, jaar=2025) in seen_text(replies[0])
        replies = await gesprek.send("cijfers")
        assert replies[0].text == NL(messages.ALLEEN_MEDEWERKERS)


class TestEngels:
    async def test_the_form_in_english(self, sql_engine):
        gesprek = make_gesprek(sql_engine)
        replies = await gesprek.send("register", locale="en-US")
        assert EN(messages.AANMELDING_TITEL) in seen_text(replies[-1])
        replies = await gesprek.click(verzend(replies[-1], **GOED), locale="en-US")
        assert EN(messages.SAMENVATTING_TITEL) in seen_text(replies[-1])


class TestNaReview:
    """What a review found: each once broke, each now has a test."""

    async def test_in_a_group_chat_nothing_about_cases_is_shown(self, gesprek: Gesprek):
        groep = {"conversation_type": "groupChat", "conversation_id": "19:groep@thread.v2"}
        samenvatting = await naar_samenvatting(gesprek)
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        for bericht in ("aanmelden", "mijn aanmeldingen", "ZVH-MH-2026-000001", "werkvoorraad", "cijfers 2026"):
            replies = await gesprek.send(
                teams_activity(f"<at>ZVH-assistent</at> {bericht}", **groep, entities=[vermelding()])
            )
            assert [r.text for r in replies] == [NL(messages.ALLEEN_PERSOONLIJK)], bericht
        forged = {cards.ACTIE: "aanmelding_bekijken", cards.REFERENTIE: "ZVH-MH-2026-000001"}
        replies = await gesprek.click(forged, **groep)
        assert [r.text for r in replies] == [NL(messages.ALLEEN_PERSOONLIJK)]

    async def test_a_refused_bsn_is_not_kept_in_the_conversation_state(self, gesprek: Gesprek, sql_engine):
        kaart = await formulier(gesprek)
        replies = await gesprek.click(verzend(kaart, **{**GOED, "situatie": "BSN 111222333 van moeder"}))
        assert NL(messages.FOUT_NIET_BEWAARD) in replies[0].text
        assert inputs(replies[1])["situatie"] == ""
        async with sql_engine.connect() as conn:
            documenten = (await conn.execute(text("SELECT document FROM bot_state"))).scalars().all()
        assert documenten and not any("111222333" in d for d in documenten)

    async def test_an_older_summary_cannot_confirm_other_values(self, gesprek: Gesprek, sql_engine):
        oud = await naar_samenvatting(gesprek)
        replies = await gesprek.press(oud, messages.KNOP_WIJZIGEN)
        replies = await gesprek.click(verzend(replies[-1], **{**GOED, "geboortejaar": "1950"}))
        nieuw = replies[-1]
        replies = await gesprek.press(oud, messages.KNOP_BEVESTIGEN)
        assert replies[0].text == NL(messages.SAMENVATTING_KIES)
        assert await aantal_aanmeldingen(sql_engine) == 0
        replies = await gesprek.press(nieuw, messages.KNOP_BEVESTIGEN)
        assert NL(messages.BEVESTIGD_TITEL, referentie="ZVH-MH-2026-000001") in seen_text(replies[0])

    async def test_bevestigen_again_after_the_flow_ended_gives_the_same_reference(
        self, gesprek: Gesprek, sql_engine
    ):
        samenvatting = await naar_samenvatting(gesprek)
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        replies = await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        assert [r.text for r in replies] == [NL(messages.AANMELDING_AL_ONTVANGEN, referentie="ZVH-MH-2026-000001")]
        assert await aantal_aanmeldingen(sql_engine) == 1

    async def test_bevestigen_of_another_user_or_a_forged_concept_gets_the_general_answer(
        self, gesprek: Gesprek, sql_engine
    ):
        samenvatting = await naar_samenvatting(gesprek)
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        bevestigen = dict(buttons(samenvatting))[messages.KNOP_BEVESTIGEN]
        replies = await gesprek.click(bevestigen, user_id="user-2", conversation_id="conv-2")
        assert [r.text for r in replies] == [NL(messages.KLIK_NA_AFLOOP)]
        for vervalst in ("0" * 32, "x" * 65, 7, None):
            replies = await gesprek.click({**bevestigen, cards.AANMELDING_CONCEPT: vervalst})
            assert [r.text for r in replies] == [NL(messages.KLIK_NA_AFLOOP)]
        assert await aantal_aanmeldingen(sql_engine) == 1

    async def test_a_description_with_danger_words_gets_112_and_is_still_the_answer(self, gesprek: Gesprek):
        await formulier(gesprek)
        await gesprek.send("liever typen")
        for antwoord in ("Wijkteam Venlo", "077 123 4567", "Venlo", DOELGROEP.nl, "AB", "1970", "nee",
                         f"{GEBIED_1.nl} 2"):
            await gesprek.send(antwoord)
        replies = await gesprek.send("Vorige maand met een mes bedreigd; eerdere suïcidepoging in 2023.")
        assert "112" in seen_text(replies[0]) or "113" in seen_text(replies[0])
        assert messages.VRAAG_PARTNERS in seen_text(replies[-1])  # the situatie was taken
        replies = await gesprek.send("Wat is er aan de hand? Niemand weet het, iedereen wacht op elkaar.")
        assert messages.VRAAG_STAGNATIE in seen_text(replies[-1])  # a long question-like text is an answer

    async def test_english_changes_and_confirms_in_english(self, sql_engine):
        gesprek = make_gesprek(sql_engine)
        replies = await gesprek.send("register", locale="en-US")
        replies = await gesprek.click(verzend(replies[-1], **GOED), locale="en-US")
        replies = await gesprek.send("change the birth year", locale="en-US")
        assert EN(messages.VRAAG_GEBOORTEJAAR) in seen_text(replies[-1])
        await gesprek.send("1988", locale="en-US")
        replies = await gesprek.send("yes", locale="en-US")
        assert EN(messages.BEVESTIGD_TITEL, referentie="ZVH-MH-2026-000001") in seen_text(replies[0])


class TestTriageNaReview:
    async def test_medewerker_notes_clear_reopening_and_repeated_news(self, gesprek: Gesprek, berichten: Berichten):
        samenvatting = await naar_samenvatting(gesprek)
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        mw = {"user_id": "medewerker-mh", "conversation_id": "conv-mw"}
        replies = await gesprek.send("ZVH-MH-2026-000001", **mw)
        detail = replies[0]
        data = dict(buttons(detail))[messages.KNOP_VERVOLGACTIE_OPSLAAN]
        actie = FK.vervolgacties[1].code
        await gesprek.click({**data, "vervolgactie": actie, "notitie": "Eerste notitie"}, **mw)
        gemeld = len(berichten.verstuurd)
        replies = await gesprek.click({**data, "vervolgactie": actie, "notitie": ""}, **mw)
        assert "Eerste notitie" not in str(card_of(replies[1]))  # an empty note clears it
        assert len(berichten.verstuurd) == gemeld  # only the note changed: no news for the melder
        sluit = dict(buttons(detail))[messages.KNOP_AFSLUITEN]
        await gesprek.click({**sluit, "vervolgactie": actie, "notitie": ""}, **mw)
        replies = await gesprek.click({**data, "vervolgactie": actie, "notitie": ""}, **mw)  # the old card
        assert replies[0].text == NL(messages.AANMELDING_AL_AFGESLOTEN, referentie="ZVH-MH-2026-000001")
        replies = await gesprek.send("mijn aanmeldingen")
        assert FK.statussen[3].nl in seen_text(replies[0])

    async def test_a_forged_vervolgactie_of_any_type_gets_a_clear_answer(self, gesprek: Gesprek):
        samenvatting = await naar_samenvatting(gesprek)
        await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        mw = {"user_id": "medewerker-mh", "conversation_id": "conv-mw"}
        for vals in (["terugverwijzen"], {"a": 1}, 7, None, True):
            forged = {cards.ACTIE: "triage", cards.REFERENTIE: "ZVH-MH-2026-000001", "stap": "vervolgactie",
                      "vervolgactie": vals, "notitie": ["x"]}
            replies = await gesprek.click(forged, **mw)
            assert replies[0].text == NL(messages.TRIAGE_KIES_VERVOLGACTIE), vals

    async def test_own_case_in_another_house_is_seen_but_not_triaged(self, gesprek: Gesprek):
        mw = {"user_id": "medewerker-mh", "conversation_id": "conv-mw"}
        kaart = await formulier(gesprek, **mw)
        replies = await gesprek.click(verzend(kaart, **{**GOED, "gemeente": "Heerlen"}), **mw)
        await gesprek.press(replies[-1], messages.KNOP_BEVESTIGEN, **mw)
        replies = await gesprek.send("ZVH-PS-2026-000001", **mw)
        assert messages.KNOP_VERVOLGACTIE_OPSLAAN not in [titel for titel, _ in buttons(replies[0])]
        assert FK.statussen[0].nl in seen_text(replies[0]) or FK.statussen[0].nl in str(card_of(replies[0]))

    async def test_voorrang_comes_first_in_the_werkvoorraad(self, gesprek: Gesprek):
        for urgentie in ("regulier", "voorrang"):
            samenvatting = await naar_samenvatting(gesprek, urgentie=urgentie)
            await gesprek.press(samenvatting, messages.KNOP_BEVESTIGEN)
        replies = await gesprek.send("werkvoorraad", user_id="medewerker-mh", conversation_id="c-mw")
        keuzes = next(b for b in card_of(replies[0])["body"] if b.get("id") == cards.REFERENTIE)["choices"]
        assert [k["value"] for k in keuzes] == ["ZVH-MH-2026-000002", "ZVH-MH-2026-000001"]

    async def test_the_melder_hears_in_the_language_they_registered_in(self, sql_engine, berichten: Berichten):
        gesprek = make_gesprek(sql_engine, berichten)
        replies = await gesprek.send("register", locale="en-US")
        replies = await gesprek.click(verzend(replies[-1], **GOED), locale="en-US")
        await gesprek.press(replies[-1], EN(messages.KNOP_BEVESTIGEN), locale="en-US")
        await gesprek.send("ZVH-MH-2026-000001", user_id="medewerker-mh", conversation_id="c-mw")
        assert berichten.verstuurd[-1][1] == EN(
            messages.STATUS_BERICHT, referentie="ZVH-MH-2026-000001", status=FK.statussen[1].en
        )
