"""Signaal melden as a professional goes through it: danger first, the kind (asked, or taken from
the message), the gemeente, then the meldpunten card; direct questions answered at once. Then
recording it for the Veiligheidshuis, the medewerker handling it, and the post to a configured
meldpunt channel."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from bot.composition import build_bot
from bot.storage import SqlStorage
from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.meldpunten import load_meldpunten
from knowledge.regios import load_regios
from tests.conftest import Berichten, Gesprek, buttons, card_of, make_diensten, seen_text

NL = Teksten("nl")
EN = Teksten("en")
MELDPUNTEN = load_meldpunten()
REGIOS = load_regios()


def gevaar_vraag(reply) -> bool:
    return messages.SIGNAAL_GEVAAR in seen_text(reply)


class TestStapVoorStap:
    async def test_menu_button_danger_kind_gemeente_then_the_meldpunten(self, gesprek: Gesprek):
        replies = await gesprek.click({cards.ACTIE: "signaal", cards.TAAL: "nl"})
        assert gevaar_vraag(replies[0])
        replies = await gesprek.press(replies[0], messages.NEE)
        soorten = [titel for titel, _ in buttons(replies[0])]
        assert soorten == [s.naam_nl for s in MELDPUNTEN.soorten]
        radicalisering = MELDPUNTEN.soort("radicalisering")
        replies = await gesprek.press(replies[0], radicalisering.naam_nl)
        assert messages.SIGNAAL_GEMEENTE in seen_text(replies[0])
        replies = await gesprek.send("Sittard")
        tekst = seen_text(replies[0])
        wm = REGIOS.per_code("WM")
        assert radicalisering.uitleg_nl in tekst
        assert NL(messages.SIGNAAL_REGIO, gemeente="Sittard-Geleen", huis=wm.naam) in tekst
        verwacht = MELDPUNTEN.voor("radicalisering", "WM")
        koppen = [b["text"] for b in card_of(replies[0])["body"] if b.get("weight") == "Bolder"]
        assert [m.naam for m in verwacht] == [k for k in koppen if k in {m.naam for m in verwacht}]

    async def test_danger_now_gets_112_before_anything_else(self, gesprek: Gesprek):
        await gesprek.send("signaal melden")
        replies = await gesprek.send("ja")
        assert card_of(replies[0])["body"][0]["text"] == NL(messages.ACUUT_TITEL, nummer="112")
        assert messages.SIGNAAL_WELKE in seen_text(replies[1])

    async def test_typed_kind_and_weet_ik_niet_for_the_gemeente(self, gesprek: Gesprek):
        await gesprek.send("signaal")
        await gesprek.send("nee")
        replies = await gesprek.send("huiselijk geweld")
        assert messages.SIGNAAL_GEMEENTE in seen_text(replies[0])
        replies = await gesprek.send("weet ik niet")
        tekst = seen_text(replies[0])
        assert messages.SIGNAAL_LANDELIJK in tekst
        assert "0800-2000" in tekst  # Veilig Thuis

    async def test_a_word_of_the_kind_is_enough(self, gesprek: Gesprek):
        await gesprek.send("signaal")
        await gesprek.send("nee")
        replies = await gesprek.send("verward")
        assert messages.SIGNAAL_GEMEENTE in seen_text(replies[0])

    async def test_annuleren_midway(self, gesprek: Gesprek):
        await gesprek.send("signaal")
        await gesprek.send("nee")
        replies = await gesprek.send("annuleren")
        assert [r.text for r in replies] == [messages.GESTOPT]


class TestVrijeTekst:
    async def test_a_described_signal_skips_the_kind_question(self, gesprek: Gesprek):
        replies = await gesprek.send("mijn buurjongen praat steeds over jihad en wil naar Syrië om te strijden")
        assert gevaar_vraag(replies[0])
        replies = await gesprek.send("nee")
        assert messages.SIGNAAL_GEMEENTE in seen_text(replies[0])
        replies = await gesprek.send("Maastricht")
        assert MELDPUNTEN.soort("radicalisering").naam_nl in seen_text(replies[0])

    async def test_where_to_report_in_a_gemeente_is_answered_at_once(self, gesprek: Gesprek):
        replies = await gesprek.send("waar meld ik verward gedrag in Roermond?")
        assert len(replies) == 1
        tekst = seen_text(replies[0])
        assert MELDPUNTEN.soort("verward_gedrag").naam_nl in tekst
        assert "Roermond" in tekst

    async def test_signs_of_radicalisation_are_answered_at_once(self, gesprek: Gesprek):
        replies = await gesprek.send("wat zijn signalen van radicalisering?")
        tekst = seen_text(replies[0])
        for signaal in MELDPUNTEN.soort("radicalisering").signalen_nl:
            assert signaal in tekst

    async def test_english(self, gesprek: Gesprek):
        replies = await gesprek.send("I want to report a signal", locale="en-US")
        assert EN(messages.SIGNAAL_GEVAAR) in seen_text(replies[0])
        replies = await gesprek.send("no", locale="en-US")
        assert EN(messages.SIGNAAL_WELKE) in seen_text(replies[0])


async def test_a_described_signal_with_a_gemeente_still_asks_about_danger_first(gesprek: Gesprek):
    replies = await gesprek.send("mijn buurjongen in Maastricht praat over jihad en wil naar Syrië")
    assert gevaar_vraag(replies[0])


async def naar_vastleggen(gesprek: Gesprek, gemeente: str = "Roermond", **kw) -> list:
    """Signaal melden for verward gedrag in `gemeente`, up to the question whether to record it."""
    await gesprek.send("signaal", **kw)
    await gesprek.send("nee", **kw)
    await gesprek.send("verward", **kw)
    return await gesprek.send(gemeente, **kw)


async def aantal_signalen(engine) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(text("SELECT count(*) FROM signaal"))).scalar_one()


class TestVastleggen:
    async def test_record_then_the_medewerker_sees_and_handles_it(self, gesprek: Gesprek, sql_engine):
        replies = await naar_vastleggen(gesprek)
        ml = REGIOS.per_code("ML")
        assert NL(messages.SIGNAAL_VASTLEGGEN_VRAAG, huis=ml.naam, kanaal="") in seen_text(replies[1])
        replies = await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        assert NL(messages.SIGNAAL_SAMENVATTING_VRAAG, max=500) in seen_text(replies[0])
        replies = await gesprek.send("Buurman belt steeds 06-12345678 en schreeuwt dat hij gevolgd wordt.")
        assert replies[0].text == NL(messages.FOUT_TELEFOONNUMMER, veld=messages.VELD_SAMENVATTING)
        assert await aantal_signalen(sql_engine) == 0
        samenvatting = "Buurman schreeuwt 's nachts dat hij gevolgd wordt en dreigt de buren."
        replies = await gesprek.click({cards.FORMULIER: "SignaalVastleggenDialog.samenvatting",
                                       "samenvatting": samenvatting})
        assert replies[0].text == NL(messages.SIGNAAL_VASTGELEGD, referentie="SIG-ML-2026-000001", huis=ml.naam)
        assert await aantal_signalen(sql_engine) == 1

        mw = {"user_id": "medewerker-alle", "conversation_id": "conv-mw"}
        replies = await gesprek.send("werkvoorraad", **mw)
        signalen = seen_text(replies[1])
        assert "SIG-ML-2026-000001" in signalen and samenvatting in signalen
        afhandelen = dict(buttons(replies[1]))[messages.KNOP_AFGEHANDELD]
        replies = await gesprek.click({**afhandelen, cards.REFERENTIE: "SIG-ML-2026-000001"}, **mw)
        assert replies[0].text == NL(messages.SIGNAAL_AFGEHANDELD, referentie="SIG-ML-2026-000001")
        replies = await gesprek.send("werkvoorraad", **mw)
        assert len(replies) == 1  # no open signals left

    async def test_a_medewerker_of_another_house_cannot_handle_it(self, gesprek: Gesprek):
        replies = await naar_vastleggen(gesprek)
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        await gesprek.send("Zorgen over verward gedrag in het trappenhuis.")
        replies = await gesprek.send("werkvoorraad", user_id="medewerker-mh", conversation_id="c-mh")
        assert len(replies) == 1  # MH sees no signal of Midden-Limburg
        forged = {cards.ACTIE: "signaal_afhandelen", cards.REFERENTIE: "SIG-ML-2026-000001"}
        replies = await gesprek.click(forged, user_id="medewerker-mh", conversation_id="c-mh")
        assert replies[0].text == NL(messages.SIGNAAL_ONBEKEND, referentie="SIG-ML-2026-000001")
        replies = await gesprek.click(forged, user_id="user-2", conversation_id="c-2")
        assert replies[0].text == NL(messages.ALLEEN_MEDEWERKERS)

    async def test_no_thanks_or_cancel_records_nothing(self, gesprek: Gesprek, sql_engine):
        replies = await naar_vastleggen(gesprek)
        replies = await gesprek.press(replies[1], messages.KNOP_NEE_KLAAR)
        assert replies[0].text == NL(messages.SIGNAAL_NIET_VASTGELEGD)
        replies = await naar_vastleggen(gesprek)
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        replies = await gesprek.send("annuleren")
        assert replies[0].text == NL(messages.GESTOPT)
        assert await aantal_signalen(sql_engine) == 0

    async def test_without_a_gemeente_there_is_no_house_to_record_it_for(self, gesprek: Gesprek):
        replies = await naar_vastleggen(gesprek, gemeente="weet ik niet")
        assert len(replies) == 1
        assert messages.SIGNAAL_LANDELIJK in seen_text(replies[0])


_SUBMIT = "SignaalVastleggenDialog.samenvatting"


async def toestand(engine) -> list[tuple]:
    """Every conversation state row as it is now."""
    async with engine.connect() as conn:
        rijen = await conn.execute(text("SELECT key_hash, key, e_tag, document, updated_at FROM bot_state"))
        return list(rijen.all())


async def zet_toestand_terug(engine, rijen: list[tuple]) -> None:
    """Put the conversation state back as it was: the turn's state was never saved."""
    async with engine.begin() as conn:
        await conn.execute(text("DELETE FROM bot_state"))
        for rij in rijen:
            await conn.execute(
                text("INSERT INTO bot_state (key_hash, key, e_tag, document, updated_at) VALUES (:h, :k, :e, :d, :u)"),
                dict(zip("hkedu", rij, strict=True)),
            )


class _EersteKeerKapot:
    """The real store, whose first vastleggen commits and then fails (the connection dropped
    before the answer came back)."""

    def __init__(self, echte) -> None:
        self.echte = echte
        self.concepten: list[str] = []

    async def vastleggen(self, concept_id, *args):
        self.concepten.append(concept_id)
        signaal = await self.echte.vastleggen(concept_id, *args)
        if len(self.concepten) == 1:
            raise ConnectionResetError("connection lost after the commit")
        return signaal

    def __getattr__(self, naam):
        return getattr(self.echte, naam)


class TestEenmaalVastgelegd:
    """Turns: ... Vastleggen -> the summary submitted -> stored; the submit comes again (state lost,
    or the store's answer lost) -> the same reference, one signal."""

    async def test_submitting_again_after_the_state_was_rolled_back_shows_the_same_reference(
        self, gesprek: Gesprek, sql_engine
    ):
        replies = await naar_vastleggen(gesprek)
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        voor_de_crash = await toestand(sql_engine)
        submit = {cards.FORMULIER: _SUBMIT, "samenvatting": "Buurvrouw loopt verward over straat."}
        eerste = await gesprek.click(submit)
        verwacht = NL(messages.SIGNAAL_VASTGELEGD, referentie="SIG-ML-2026-000001", huis=REGIOS.per_code("ML").naam)
        assert eerste[0].text == verwacht
        # The process died after the commit, before the conversation state was saved; the user,
        # who saw nothing, clicks Vastleggen again on the same card.
        await zet_toestand_terug(sql_engine, voor_de_crash)
        tweede = await gesprek.click(submit)
        assert tweede[0].text == verwacht
        assert await aantal_signalen(sql_engine) == 1
        # The number was not used twice: the next signal is 2.
        replies = await naar_vastleggen(gesprek)
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        replies = await gesprek.click({cards.FORMULIER: _SUBMIT, "samenvatting": "Een ander signaal."})
        assert "SIG-ML-2026-000002" in replies[0].text

    async def test_a_store_that_failed_after_its_commit_gives_the_same_reference_on_the_retry(self, sql_engine):
        diensten = make_diensten(sql_engine)
        store = _EersteKeerKapot(diensten.signalen)
        gesprek = Gesprek(build_bot(SqlStorage(sql_engine), replace(diensten, signalen=store)))
        replies = await naar_vastleggen(gesprek)
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        replies = await gesprek.send("Buurvrouw loopt verward over straat.")
        assert replies[0].text == NL(messages.SIGNAAL_OPSLAAN_MISLUKT)
        [veld] = [b for b in card_of(replies[1])["body"] if b.get("id") == "samenvatting"]
        assert veld["value"] == "Buurvrouw loopt verward over straat."  # the summary card again, kept
        knop = dict(buttons(replies[1]))[messages.KNOP_VASTLEGGEN]
        replies = await gesprek.click({**knop, "samenvatting": veld["value"]})
        assert "SIG-ML-2026-000001" in replies[0].text
        assert await aantal_signalen(sql_engine) == 1
        assert len(set(store.concepten)) == 1

    async def test_a_new_signal_after_one_is_recorded_gets_a_new_concept(self, gesprek: Gesprek, sql_engine):
        for verwacht in ("SIG-ML-2026-000001", "SIG-ML-2026-000002"):
            replies = await naar_vastleggen(gesprek)
            await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
            replies = await gesprek.click({cards.FORMULIER: _SUBMIT, "samenvatting": "Buurvrouw loopt verward."})
            assert verwacht in replies[0].text
        assert await aantal_signalen(sql_engine) == 2


async def tot_samenvatting(gesprek: Gesprek, **kw) -> dict:
    """Signaal melden up to the summary card; what its Vastleggen button sends, with a summary."""
    replies = await naar_vastleggen(gesprek, **kw)
    replies = await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN, **kw)
    knop = dict(buttons(replies[0]))[messages.KNOP_VASTLEGGEN]
    return {**knop, "samenvatting": "Buurvrouw loopt verward over straat."}


async def concept_ids(engine) -> list[str]:
    async with engine.connect() as conn:
        return list((await conn.execute(text("SELECT concept_id FROM signaal ORDER BY id"))).scalars())


class TestKlikNaAfloop:
    """Turns: ... the summary -> Vastleggen -> recorded, the flow ends; then Vastleggen on that
    card again (the reply was lost, or the user was not sure) -> the stored reference, nothing
    recorded again. The card's concept id names the signal only to the user who recorded it."""

    async def test_vastleggen_again_after_the_flow_ended_gives_the_same_reference(
        self, gesprek: Gesprek, sql_engine
    ):
        klik = await tot_samenvatting(gesprek)
        eerste = await gesprek.click(klik)
        assert "SIG-ML-2026-000001" in eerste[0].text
        assert await concept_ids(sql_engine) == [klik[cards.SIGNAAL_CONCEPT]]
        replies = await gesprek.click(klik)
        assert [r.text for r in replies] == [NL(messages.SIGNAAL_AL_VASTGELEGD, referentie="SIG-ML-2026-000001")]
        assert await aantal_signalen(sql_engine) == 1
        # Nothing runs after it: the next message is a new start, not an answer to a question.
        replies = await gesprek.send("signaal")
        assert gevaar_vraag(replies[0])

    async def test_in_english(self, gesprek: Gesprek, sql_engine):
        en = {"locale": "en-US"}
        await gesprek.send("I want to report a signal", **en)
        await gesprek.send("no", **en)
        await gesprek.send("confused behaviour", **en)
        replies = await gesprek.send("Roermond", **en)
        replies = await gesprek.press(replies[1], EN(messages.KNOP_VASTLEGGEN), **en)
        klik = {**dict(buttons(replies[0]))[EN(messages.KNOP_VASTLEGGEN)], "samenvatting": "Neighbour is confused."}
        assert klik[cards.TAAL] == "en"
        await gesprek.click(klik, **en)
        replies = await gesprek.click(klik, locale="en-US")
        assert [r.text for r in replies] == [EN(messages.SIGNAAL_AL_VASTGELEGD, referentie="SIG-ML-2026-000001")]
        assert await aantal_signalen(sql_engine) == 1

    async def test_another_user_clicking_that_card_gets_the_general_answer(self, gesprek: Gesprek, sql_engine):
        klik = await tot_samenvatting(gesprek)
        await gesprek.click(klik)
        replies = await gesprek.click(klik, user_id="user-2", conversation_id="conv-2")
        assert [r.text for r in replies] == [NL(messages.KLIK_NA_AFLOOP)]
        assert "SIG-" not in replies[0].text
        assert await aantal_signalen(sql_engine) == 1
        async with sql_engine.connect() as conn:
            laatste = (await conn.execute(text("SELECT wie, actie FROM audit_event ORDER BY id DESC"))).first()
        assert tuple(laatste) == ("user-2", "geweigerd")

    async def test_the_same_click_in_a_group_chat_gets_the_general_answer(self, gesprek: Gesprek):
        klik = await tot_samenvatting(gesprek)
        await gesprek.click(klik)
        replies = await gesprek.click(klik, conversation_id="19:groep", conversation_type="groupChat")
        assert [r.text for r in replies] == [NL(messages.KLIK_NA_AFLOOP)]

    @pytest.mark.parametrize(
        "concept", ["0" * 32, "", "x" * 65, 12345, None, ["a"], {"$ne": ""}, "' OR '1'='1"],
        ids=["unknown", "empty", "too-long", "number", "null", "list", "dict", "sql"],
    )
    async def test_an_unknown_or_forged_concept_id_gets_the_general_answer(
        self, gesprek: Gesprek, sql_engine, concept
    ):
        klik = await tot_samenvatting(gesprek)
        await gesprek.click(klik)
        replies = await gesprek.click({**klik, cards.SIGNAAL_CONCEPT: concept})
        assert [r.text for r in replies] == [NL(messages.KLIK_NA_AFLOOP)]
        assert await aantal_signalen(sql_engine) == 1

    async def test_that_card_clicked_while_the_next_signal_waits_for_its_summary(
        self, gesprek: Gesprek, sql_engine
    ):
        """Not taken as the next signal's summary (that would record the first one twice)."""
        oud = await tot_samenvatting(gesprek)
        await gesprek.click(oud)
        nieuw = await tot_samenvatting(gesprek)
        replies = await gesprek.click(oud)
        assert replies[0].text == NL(messages.SIGNAAL_AL_VASTGELEGD, referentie="SIG-ML-2026-000001")
        assert dict(buttons(replies[1]))[messages.KNOP_VASTLEGGEN][cards.SIGNAAL_CONCEPT] == (
            nieuw[cards.SIGNAAL_CONCEPT])  # the next signal's card again
        assert await aantal_signalen(sql_engine) == 1
        replies = await gesprek.click({**nieuw, "samenvatting": "Nu iets anders: geluidsoverlast en geschreeuw."})
        assert "SIG-ML-2026-000002" in replies[0].text
        assert await concept_ids(sql_engine) == [oud[cards.SIGNAAL_CONCEPT], nieuw[cards.SIGNAAL_CONCEPT]]

    async def test_a_card_of_a_cancelled_flow_is_not_the_next_signals_summary(self, gesprek: Gesprek, sql_engine):
        oud = await tot_samenvatting(gesprek)
        await gesprek.send("annuleren")
        await tot_samenvatting(gesprek)
        replies = await gesprek.click(oud)
        assert replies[0].text == NL(messages.FOUT_ANDERE_KAART)
        assert await aantal_signalen(sql_engine) == 0

    async def test_a_card_whose_flow_was_cancelled_records_nothing(self, gesprek: Gesprek, sql_engine):
        klik = await tot_samenvatting(gesprek)
        await gesprek.send("annuleren")
        replies = await gesprek.click(klik)
        assert [r.text for r in replies] == [NL(messages.KLIK_NA_AFLOOP)]
        assert await aantal_signalen(sql_engine) == 0


MELDPUNT = {"channelId": "msteams", "serviceUrl": "https://channel.invalid/",
            "conversation": {"id": "19:meldpunt-ml@thread.tacv2", "isGroup": True, "conversationType": "channel"}}


class _Faalt:
    async def __call__(self, adres, tekst):
        raise ConnectionError("kanaal weg")


class TestMeldpuntKanaal:
    def gesprek(self, engine, melding) -> Gesprek:
        diensten = replace(make_diensten(engine, melding), meldpunt_gesprekken={"ML/verward_gedrag": MELDPUNT})
        return Gesprek(build_bot(SqlStorage(engine), diensten))

    async def test_a_recorded_signal_is_posted_to_the_configured_channel(self, sql_engine):
        berichten = Berichten()
        gesprek = self.gesprek(sql_engine, berichten)
        replies = await naar_vastleggen(gesprek)
        assert NL(messages.SIGNAAL_KANAAL) in seen_text(replies[1])
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        replies = await gesprek.send("Buurvrouw loopt verward over straat en roept dat ze wordt vergiftigd.")
        assert [r.text for r in replies] == [
            NL(messages.SIGNAAL_VASTGELEGD, referentie="SIG-ML-2026-000001", huis=REGIOS.per_code("ML").naam),
            NL(messages.SIGNAAL_DOORGEZET),
        ]
        [(adres, tekst)] = berichten.verstuurd
        assert adres == MELDPUNT
        assert "SIG-ML-2026-000001" in tekst and "vergiftigd" in tekst and "Roermond" in tekst

    async def test_another_kind_or_house_is_not_posted_there(self, sql_engine):
        berichten = Berichten()
        gesprek = self.gesprek(sql_engine, berichten)
        replies = await naar_vastleggen(gesprek, gemeente="Maastricht")
        assert NL(messages.SIGNAAL_KANAAL) not in seen_text(replies[1])
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        await gesprek.send("Buurvrouw loopt verward over straat.")
        assert berichten.verstuurd == []

    async def test_an_unreachable_channel_still_keeps_the_signal(self, sql_engine):
        gesprek = self.gesprek(sql_engine, _Faalt())
        replies = await naar_vastleggen(gesprek)
        await gesprek.press(replies[1], messages.KNOP_VASTLEGGEN)
        replies = await gesprek.send("Buurvrouw loopt verward over straat.")
        assert replies[1].text == NL(messages.SIGNAAL_KANAAL_MISLUKT)
        assert await aantal_signalen(sql_engine) == 1


# One gemeente per Veiligheidshuis: every kind of signal routed in every region.
GEMEENTE_PER_HUIS = {"MH": "Maastricht", "WM": "Sittard-Geleen", "PS": "Heerlen", "ML": "Roermond", "NL": "Venlo"}


@pytest.mark.parametrize("huis", sorted(GEMEENTE_PER_HUIS))
@pytest.mark.parametrize("soort", [s.code for s in MELDPUNTEN.soorten])
async def test_every_kind_in_every_region_gets_that_regions_meldpunten(gesprek: Gesprek, soort: str, huis: str):
    replies = await gesprek.click({cards.ACTIE: "signaal", cards.TAAL: "nl"})
    replies = await gesprek.press(replies[0], messages.NEE)
    replies = await gesprek.press(replies[0], MELDPUNTEN.soort(soort).naam_nl)
    replies = await gesprek.send(GEMEENTE_PER_HUIS[huis])
    card = card_of(replies[0])
    assert card["body"][0]["text"] == MELDPUNTEN.soort(soort).naam_nl
    tekst = seen_text(replies[0])
    regio = REGIOS.per_code(huis)
    assert NL(messages.SIGNAAL_REGIO, gemeente=GEMEENTE_PER_HUIS[huis], huis=regio.naam) in tekst
    for meldpunt in MELDPUNTEN.voor(soort, huis):
        assert meldpunt.naam in tekst
    # and then the offer to record it for that house
    assert NL(messages.SIGNAAL_VASTLEGGEN_VRAAG, huis=regio.naam, kanaal="") in seen_text(replies[1])
