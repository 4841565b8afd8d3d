"""The criteria check as a user goes through it, on the real bot and SQL state.

Happy path by card clicks (A ja, B ja, C ja -> D skipped -> aanmelden), by typing (A nee ->
lokaal after one question), "weet niet" (-> uitzoeken with what to find out), "waarom?"
(explanation, same question), wrong answers (specific message, same question, nothing stored),
forged card values, English, and a restart of the storage in the middle of the check.
"""

from __future__ import annotations

from bot import database
from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.bronnen import leesbaar
from knowledge.criteria import load_criteria
from tests.conftest import Gesprek, buttons, card_of, make_gesprek, seen_text

NL = Teksten("nl")
EN = Teksten("en")
CRITERIA = {c.code: c for c in load_criteria().criteria}


def kop(code: str, t: Teksten = NL, aantal: int = 4) -> str:
    return t(messages.CHECK_VRAAG_KOP, code=code, aantal=aantal)


async def begin_check(gesprek: Gesprek, tekst: str = "check", gemeente: str = "weet ik niet", **kw):
    """Start the guided check and answer the gemeente (by default 'weet ik niet': the landelijke
    criteria); returns the replies with the first criterion."""
    replies = await gesprek.send(tekst, **kw)
    assert messages.CHECK_GEMEENTE_VRAAG in seen_text(replies[-1])
    return await gesprek.send(gemeente, **kw)


class TestHappyPath:
    async def test_by_clicks_to_aanmelden_skipping_d(self, gesprek: Gesprek):
        replies = await gesprek.click({cards.ACTIE: "criteria_check"})
        assert replies[0].text == messages.CHECK_INTRO
        assert messages.CHECK_GEMEENTE_VRAAG in seen_text(replies[1])
        data = dict(buttons(replies[1]))[messages.KNOP_VERDER]
        replies = await gesprek.click({**data, "gemeente": "sittard"})
        assert kop("A") in seen_text(replies[0])
        assert CRITERIA["A"].vraag_nl in seen_text(replies[0])
        assert [titel for titel, _ in buttons(replies[0])] == [
            messages.JA, messages.NEE, messages.WEET_NIET, messages.WAAROM,
        ]
        replies = await gesprek.press(replies[0], messages.JA)
        assert kop("B") in seen_text(replies[0])
        replies = await gesprek.press(replies[0], messages.JA)
        assert kop("C") in seen_text(replies[0])
        replies = await gesprek.press(replies[0], messages.JA)
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_AANMELDEN in uitkomst
        assert NL(messages.HUIS_KOP, naam="Zorg- en Veiligheidshuis Westelijke Mijnstreek") in uitkomst
        facts = {f["value"] for b in card_of(replies[0])["body"] if b["type"] == "FactSet" for f in b["facts"]}
        assert "046 477 87 00" in facts
        assert NL(messages.CHECK_VOLDAAN, criteria="A (" + CRITERIA["A"].kort_nl + "); B (") in uitkomst
        assert "; C (" + CRITERIA["C"].kort_nl in uitkomst
        assert "niveau 3" in uitkomst
        assert "Jaarverslag 2018 Veiligheidshuis Westelijke Mijnstreek – Landelijke criteria" in uitkomst
        knoppen = dict(buttons(replies[0]))
        assert list(knoppen) == [messages.KNOP_AANMELDEN, messages.KNOP_NIEUWE_CHECK, messages.KNOP_MENU]
        # The aanmelding starts from what the check found (see tests/dialogs/test_aanmelding.py).
        assert knoppen[messages.KNOP_AANMELDEN]["gemeente"] == "Sittard-Geleen"
        assert knoppen[messages.KNOP_AANMELDEN]["antwoorden"] == {"A": "ja", "B": "ja", "C": "ja"}

    async def test_typed_nee_on_a_stays_local_after_one_question(self, gesprek: Gesprek):
        await begin_check(gesprek, "moet ik dit aanmelden?")
        replies = await gesprek.send("nee")
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_LOKAAL in uitkomst
        assert NL(messages.CHECK_NIET_VOLDAAN, criteria=f"A ({CRITERIA['A'].kort_nl})") in uitkomst
        assert "niveau 1" in uitkomst

    async def test_ja_then_nee_on_b_is_local_level_2(self, gesprek: Gesprek):
        await begin_check(gesprek)
        await gesprek.send("Ja")
        replies = await gesprek.send("nee")
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_LOKAAL in uitkomst
        assert "niveau 2" in uitkomst

    async def test_weet_niet_says_what_to_find_out(self, gesprek: Gesprek):
        await begin_check(gesprek)
        await gesprek.send("weet niet")
        await gesprek.send("ja")
        replies = await gesprek.send("ja")
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_UITZOEKEN in uitkomst
        assert NL(messages.CHECK_ONBEKEND, criteria=f"A ({CRITERIA['A'].kort_nl})") in uitkomst
        assert CRITERIA["A"].uitzoeken_nl.split(".")[0] in uitkomst

    async def test_weet_niet_that_cannot_change_the_outcome_is_not_asked_for(self, gesprek: Gesprek):
        await begin_check(gesprek)
        await gesprek.send("weet niet")
        await gesprek.send("ja")
        await gesprek.send("nee")
        replies = await gesprek.send("nee")  # C and D not met: local, whatever A turns out to be
        assert messages.CHECK_UITKOMST_LOKAAL in seen_text(replies[0])

    async def test_after_the_outcome_the_flow_is_over(self, gesprek: Gesprek):
        await begin_check(gesprek)
        await gesprek.send("nee")
        replies = await gesprek.send("ja")
        assert messages.NIET_BEGREPEN in seen_text(replies[0])


class TestRetry:
    async def test_unknown_answer_gets_a_specific_message_and_the_same_question(self, gesprek: Gesprek):
        await begin_check(gesprek)
        replies = await gesprek.send("blauw")
        assert replies[0].text == NL(messages.KIES_OPNIEUW, opties="Ja, Nee, Weet niet of Waarom vraag je dit?")
        assert kop("A") in seen_text(replies[1])
        replies = await gesprek.send("ja")  # nothing was stored for "blauw": A is answered now
        assert kop("B") in seen_text(replies[0])

    async def test_typos_and_numbers_are_understood(self, gesprek: Gesprek):
        await begin_check(gesprek)
        assert kop("B") in seen_text((await gesprek.send("jaa"))[0])
        assert kop("C") in seen_text((await gesprek.send("1"))[0])

    async def test_forged_card_value_is_refused(self, gesprek: Gesprek):
        await begin_check(gesprek)
        replies = await gesprek.click({cards.KEUZE: "ja_en_nog_wat", cards.VRAAG: "A"})
        assert replies[0].text.startswith(NL(messages.KIES_OPNIEUW, opties="x")[:20])
        assert kop("A") in seen_text(replies[1])

    async def test_card_value_of_the_wrong_shape_is_refused(self, gesprek: Gesprek):
        await begin_check(gesprek)
        replies = await gesprek.click({cards.KEUZE: ["ja"], cards.VRAAG: "A"})
        assert kop("A") in seen_text(replies[1])

    async def test_a_second_click_on_an_answered_card_does_not_answer_the_next_question(self, gesprek: Gesprek):
        replies = await begin_check(gesprek)
        vraag_a = replies[0]
        await gesprek.press(vraag_a, messages.JA)
        replies = await gesprek.press(vraag_a, messages.NEE)  # the old card of A, clicked again
        assert replies[0].text == messages.VERLOPEN_KNOP
        assert kop("B") in seen_text(replies[1])
        replies = await gesprek.send("ja")
        assert kop("C") in seen_text(replies[0])


class TestWaarom:
    async def test_why_explains_and_asks_the_same_criterion_again(self, gesprek: Gesprek):
        await begin_check(gesprek)
        await gesprek.send("ja")
        replies = await gesprek.click({cards.KEUZE: "waarom", cards.VRAAG: "B"})
        assert CRITERIA["B"].uitleg_nl in seen_text(replies[0])
        assert NL(messages.BRON, bron=leesbaar(CRITERIA["B"].bron)) in seen_text(replies[0])
        assert kop("B") in seen_text(replies[1])
        replies = await gesprek.send("waarom vraag je dit?")
        assert CRITERIA["B"].uitleg_nl in seen_text(replies[0])


class TestEnglish:
    async def test_english_questions_buttons_and_outcome(self, gesprek: Gesprek):
        replies = await gesprek.send("check the criteria", locale="en-US")
        assert replies[0].text == EN(messages.CHECK_INTRO)
        assert EN(messages.CHECK_GEMEENTE_VRAAG) in seen_text(replies[1])
        replies = await gesprek.send("don't know", locale="en-US")
        assert CRITERIA["A"].vraag_en in seen_text(replies[0])
        assert [titel for titel, _ in buttons(replies[0])][:2] == ["Yes", "No"]
        replies = await gesprek.send("no", locale="en-US")
        assert EN(messages.CHECK_UITKOMST_LOKAAL) in seen_text(replies[0])


class TestHervatten:
    async def test_a_new_process_on_the_same_database_resumes_at_the_same_question(self, database_url: str):
        """The state is in SQL: dispose the engine (a restart) and continue with a new bot."""
        engine = database.create_engine(database_url)
        await database.migrate(engine)
        eerste = make_gesprek(engine)
        await eerste.send("check", conversation_id="herstart-1")
        await eerste.send("Maastricht", conversation_id="herstart-1")
        await eerste.send("ja", conversation_id="herstart-1")  # A
        await database.sluit(engine)

        engine = database.create_engine(database_url)
        try:
            tweede = make_gesprek(engine)
            # Maastricht-Heuvelland has its own rule: six criteria (A-F), E not needed after A and B.
            replies = await tweede.send("ja", conversation_id="herstart-1")  # B, in the new process
            assert kop("C", aantal=6) in seen_text(replies[0])
            replies = await tweede.send("nee", conversation_id="herstart-1")
            assert kop("D", aantal=6) in seen_text(replies[0])
            replies = await tweede.send("ja", conversation_id="herstart-1")
            assert messages.CHECK_UITKOMST_AANMELDEN in seen_text(replies[0])
            assert NL(messages.HUIS_KOP, naam="Zorg- en Veiligheidshuis Maastricht-Heuvelland") in seen_text(replies[0])
            assert card_of(replies[0]) is not None
        finally:
            await database.sluit(engine)


class TestSnelleCheck:
    """Two turns: the card with every criterion, then the outcome."""

    async def test_one_card_then_the_outcome(self, gesprek: Gesprek):
        replies = await gesprek.send("snelle check")
        assert len(replies) == 1
        card = card_of(replies[0])
        vragen = [b for b in card["body"] if b["type"] == "Input.ChoiceSet"]
        assert [v["id"] for v in vragen] == ["A", "B", "C", "D"]
        assert CRITERIA["A"].vraag_nl in vragen[0]["label"]
        data = dict(buttons(replies[0]))[messages.KNOP_UITKOMST]
        replies = await gesprek.click({**data, "A": "ja", "B": "ja", "C": "nee", "D": "ja", "gemeente": "Stein"})
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_AANMELDEN in uitkomst
        assert "▶ 3" in uitkomst
        assert NL(messages.CHECK_NIET_VOLDAAN, criteria=f"C ({CRITERIA['C'].kort_nl})") in uitkomst

    async def test_an_open_criterion_is_named_and_the_card_comes_again(self, gesprek: Gesprek):
        replies = await gesprek.send("snelle check")
        data = dict(buttons(replies[0]))[messages.KNOP_UITKOMST]
        replies = await gesprek.click({**data, "A": "ja", "C": "nee"})
        assert replies[0].text == NL(messages.SNEL_ONVOLLEDIG, criteria="B, D")
        assert card_of(replies[1])["body"][0]["text"] == messages.SNEL_TITEL
        replies = await gesprek.click({**data, "A": "nee", "B": "nee", "C": "nee", "D": "nee"})
        assert messages.CHECK_UITKOMST_LOKAAL in seen_text(replies[0])

    async def test_the_four_answers_can_be_typed(self, gesprek: Gesprek):
        await gesprek.send("snelle check")
        replies = await gesprek.send("ja, ja, weet niet, nee")
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_UITZOEKEN in uitkomst
        assert NL(messages.CHECK_ONBEKEND, criteria=f"C ({CRITERIA['C'].kort_nl})") in uitkomst

    async def test_typed_answers_that_do_not_decide_name_what_is_still_open(self, gesprek: Gesprek):
        await gesprek.send("snelle check")
        replies = await gesprek.send("ja ja")
        assert replies[0].text == NL(messages.SNEL_ONVOLLEDIG, criteria="C, D")
        replies = await gesprek.send("ja ja blauw")
        assert replies[0].text == NL(messages.SNEL_ONVOLLEDIG, criteria="A, B, C, D")

    async def test_fewer_typed_answers_are_enough_when_they_decide(self, gesprek: Gesprek):
        await gesprek.send("snelle check")
        replies = await gesprek.send("ja ja ja")  # A, B and C met: D is not needed
        assert messages.GEMEENTE_VRAAG in seen_text(replies[0])

    async def test_a_click_on_another_card_is_not_this_form(self, gesprek: Gesprek):
        await gesprek.send("snelle check")
        replies = await gesprek.click({"A": "ja", "B": "ja", "C": "ja", "D": "ja", cards.TAAL: "nl"})
        assert replies[0].text == NL(messages.SNEL_ONVOLLEDIG, criteria="A, B, C, D")

    async def test_annuleren_ends_the_quick_check(self, gesprek: Gesprek):
        await gesprek.send("snelle check")
        replies = await gesprek.send("annuleren")
        assert [r.text for r in replies] == [messages.GESTOPT]

    async def test_the_guided_check_shows_the_ladder_too(self, gesprek: Gesprek):
        await begin_check(gesprek)
        replies = await gesprek.send("nee")
        assert "▶ 1" in seen_text(replies[0])
        assert NL(messages.LADDER_KOP) in seen_text(replies[0])


class TestGemeente:
    """The check asks the gemeente first; for 'aanmelden' it names its Veiligheidshuis."""

    async def _met_gemeente(self, gesprek: Gesprek, gemeente: str) -> list:
        replies = await begin_check(gesprek, gemeente=gemeente)
        for _ in range(3):
            replies = await gesprek.send("ja")
        return replies

    async def test_a_former_gemeente_names_the_current_one_and_its_house(self, gesprek: Gesprek):
        replies = await self._met_gemeente(gesprek, "Schinnen")
        uitkomst = seen_text(replies[0])
        assert NL(messages.HUIS_GEMEENTE_NU, genoemd="Schinnen", gemeente="Beekdaelen") in uitkomst
        assert NL(messages.HUIS_KOP, naam="Zorg- en Veiligheidshuis Parkstad") in uitkomst

    async def test_an_unknown_gemeente_gets_the_list_and_the_question_again(self, gesprek: Gesprek):
        await gesprek.send("check")
        replies = await gesprek.send("Amsterdam")
        assert replies[0].text.startswith(NL(messages.GEMEENTE_ONBEKEND, genoemd="Amsterdam", lijst="")[:40])
        assert "Sittard-Geleen" in replies[0].text
        assert messages.CHECK_GEMEENTE_VRAAG in seen_text(replies[1])
        replies = await gesprek.send("maastrich")
        assert kop("A", aantal=6) in seen_text(replies[0])

    async def test_weet_ik_niet_still_gives_the_outcome(self, gesprek: Gesprek):
        replies = await self._met_gemeente(gesprek, "weet ik niet")
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_AANMELDEN in uitkomst
        assert messages.HUIS_ONBEKEND in uitkomst

    async def test_unverified_contact_details_are_marked(self, gesprek: Gesprek):
        replies = await self._met_gemeente(gesprek, "Roermond")
        assert NL(messages.HUIS_NIET_GECONTROLEERD, peildatum="de jaarrapportage 2009") in seen_text(replies[0])

    async def test_inferred_membership_and_planned_address_are_shown_as_such(self, gesprek: Gesprek):
        replies = await self._met_gemeente(gesprek, "Beekdaelen")
        uitkomst = seen_text(replies[0])
        assert "afgeleid" in uitkomst  # Beekdaelen under Parkstad is inferred, not confirmed
        assert "niet gecontroleerd of het ZVH daar al zit" in uitkomst

    async def test_quick_check_takes_the_gemeente_from_the_card(self, gesprek: Gesprek):
        replies = await gesprek.send("snelle check")
        data = dict(buttons(replies[0]))[messages.KNOP_UITKOMST]
        replies = await gesprek.click({**data, "A": "ja", "B": "ja", "C": "ja", "D": "nee", "gemeente": "Heerlen"})
        assert NL(messages.HUIS_KOP, naam="Zorg- en Veiligheidshuis Parkstad") in seen_text(replies[0])


class TestSnelleCheckInvoer:
    async def test_space_separated_answers(self, gesprek: Gesprek):
        await gesprek.send("snelle check")
        replies = await gesprek.send("ja ja weet niet nee")
        assert NL(messages.CHECK_ONBEKEND, criteria=f"C ({CRITERIA['C'].kort_nl})") in seen_text(replies[0])

    async def test_decided_criteria_need_no_answer(self, gesprek: Gesprek):
        replies = await gesprek.send("snelle check")
        data = dict(buttons(replies[0]))[messages.KNOP_UITKOMST]
        replies = await gesprek.click({**data, "A": "nee"})  # A 'nee' decides: local
        assert messages.CHECK_UITKOMST_LOKAAL in seen_text(replies[0])

    async def test_forged_values_of_any_type_are_refused_without_a_crash(self, gesprek: Gesprek):
        replies = await gesprek.send("snelle check")
        data = dict(buttons(replies[0]))[messages.KNOP_UITKOMST]
        for vervalst in ({"tekst": 5}, {"tekst": ["ja"]}, {"A": ["ja"], "B": {"x": 1}}, {"gemeente": 7, "A": "ja"}):
            replies = await gesprek.click({**data, **vervalst})
            assert replies[0].text != messages.FOUT_EXCUSES
            assert card_of(replies[1])["body"][0]["text"] == messages.SNEL_TITEL


async def test_quick_check_for_aanmelden_without_a_known_gemeente_asks_it(gesprek: Gesprek):
    replies = await gesprek.send("snelle check")
    data = dict(buttons(replies[0]))[messages.KNOP_UITKOMST]
    replies = await gesprek.click({**data, "A": "ja", "B": "ja", "C": "ja", "gemeente": "Amsterdam"})
    assert messages.GEMEENTE_VRAAG in seen_text(replies[0])
    replies = await gesprek.send("Gulpen")
    assert NL(messages.HUIS_KOP, naam="Zorg- en Veiligheidshuis Maastricht-Heuvelland") in seen_text(replies[0])


class TestMaastrichtHeuvelland:
    """Maastricht-Heuvelland's wider rule (seed 001): multiproblematiek without overlast or crime,
    when the voluntary local approach falls short, is for the Veiligheidshuis too; elsewhere not."""

    async def test_without_overlast_but_stagnating_locally_it_is_aanmelden_in_maastricht(self, gesprek: Gesprek):
        replies = await begin_check(gesprek, gemeente="Maastricht")
        assert kop("A", aantal=6) in seen_text(replies[0])
        replies = await gesprek.send("nee")  # A: no crime or overlast; B can no longer matter
        assert kop("E", aantal=6) in seen_text(replies[0])
        replies = await gesprek.send("ja")  # E: the voluntary local approach falls short
        assert kop("C", aantal=6) in seen_text(replies[0])
        replies = await gesprek.send("ja")  # C
        uitkomst = seen_text(replies[0])
        assert messages.CHECK_UITKOMST_AANMELDEN in uitkomst
        assert "E (" in uitkomst
        data = dict(buttons(replies[0]))[messages.KNOP_AANMELDEN]
        assert data["antwoorden"] == {"A": "nee", "E": "ja", "C": "ja"}

    async def test_the_same_answers_elsewhere_stay_local(self, gesprek: Gesprek):
        await begin_check(gesprek, gemeente="Venlo")
        replies = await gesprek.send("nee")  # A
        assert messages.CHECK_UITKOMST_LOKAAL in seen_text(replies[0])

    async def test_the_whole_check_takes_at_most_seven_turns(self, gesprek: Gesprek):
        beurten = 1
        replies = await begin_check(gesprek, gemeente="Maastricht")
        beurten += 1
        while card_of(replies[0]) and messages.KNOP_NIEUWE_CHECK not in [t for t, _ in buttons(replies[0])]:
            replies = await gesprek.send("weet niet")
            beurten += 1
        assert beurten <= 7
