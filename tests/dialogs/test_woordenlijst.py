"""Glossary in the conversation: a question gets the term's card (Dutch or English), typos and
English too; close terms give a choice; unknown terms say so with suggestions; "woordenlijst" and
"begrippen met een V" browse; and a question inside the criteria check is answered, then the
check goes on at the same question."""

from __future__ import annotations

from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.bronnen import leesbaar
from knowledge.woordenlijst import load_woordenlijst
from tests.conftest import Gesprek, buttons, card_of, seen_text

NL = Teksten("nl")
EN = Teksten("en")
WOORDENLIJST = load_woordenlijst()
OGGZ = WOORDENLIJST.begrip("OGGZ")
QUICK_WIN = WOORDENLIJST.begrip("quick win")


class TestVraag:
    async def test_a_question_gets_the_card_with_definition_related_terms_and_source(self, gesprek: Gesprek):
        replies = await gesprek.send("Wat betekent OGGZ?")
        assert len(replies) == 1
        card = card_of(replies[0])
        tekst = seen_text(replies[0])
        assert card["body"][0]["text"].startswith(OGGZ.term)
        assert OGGZ.definitie_nl in tekst
        assert NL(messages.BRON, bron=leesbaar(OGGZ.bron)) in tekst
        assert "Jaarverslag" in leesbaar(OGGZ.bron)
        zie_ook = [data[cards.BEGRIP] for _, data in buttons(replies[0]) if cards.BEGRIP in data]
        assert zie_ook == list(OGGZ.zie_ook[:5])

    async def test_a_typo_still_finds_the_term(self, gesprek: Gesprek):
        replies = await gesprek.send("quik win")
        assert QUICK_WIN.definitie_nl in seen_text(replies[0])

    async def test_english_question_gets_the_english_definition(self, gesprek: Gesprek):
        replies = await gesprek.send("what is a quick win?")
        assert QUICK_WIN.definitie_en in seen_text(replies[0])

    async def test_a_related_term_button_shows_that_term(self, gesprek: Gesprek):
        replies = await gesprek.send("wat is OGGZ")
        eerste_zie_ook = OGGZ.zie_ook[0]
        replies = await gesprek.press(replies[0], eerste_zie_ook)
        assert WOORDENLIJST.begrip(eerste_zie_ook).definitie_nl in seen_text(replies[0])

    async def test_an_unknown_term_asked_as_a_question_says_so(self, gesprek: Gesprek):
        replies = await gesprek.send("wat is een flux capacitor?")
        assert NL(messages.BEGRIP_ONBEKEND, kern="flux capacitor") in seen_text(replies[0])
        assert (NL(messages.KNOP_WOORDENLIJST), {cards.ACTIE: "woordenlijst", cards.TAAL: "nl"}) in buttons(replies[0])

    async def test_a_forged_term_in_a_click_shows_the_list_instead(self, gesprek: Gesprek):
        replies = await gesprek.click({cards.ACTIE: "woordenlijst", cards.BEGRIP: "<b>bestaat niet</b>"})
        assert messages.BLADER_TITEL in seen_text(replies[0])


class TestBladeren:
    async def test_woordenlijst_lists_all_terms_to_choose_from(self, gesprek: Gesprek):
        replies = await gesprek.send("woordenlijst")
        keuzes = next(b for b in card_of(replies[0])["body"] if b["type"] == "Input.ChoiceSet")["choices"]
        assert len(keuzes) == len(WOORDENLIJST.begrippen)

    async def test_choosing_from_the_list_shows_the_term(self, gesprek: Gesprek):
        await gesprek.send("woordenlijst")
        replies = await gesprek.click({cards.ACTIE: "woordenlijst", cards.BEGRIP: OGGZ.term, cards.TAAL: "nl"})
        assert OGGZ.definitie_nl in seen_text(replies[0])

    async def test_begrippen_met_een_letter(self, gesprek: Gesprek):
        replies = await gesprek.send("begrippen met een V")
        tekst = seen_text(replies[0])
        assert NL(messages.BLADER_LETTER_TITEL, letter="V") in tekst
        for begrip in WOORDENLIJST.met_letter("v"):
            assert begrip.term in tekst


class TestInEenFlow:
    async def test_a_glossary_question_in_the_check_is_answered_and_the_check_goes_on(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        await gesprek.send("ja")  # A
        replies = await gesprek.send("wat is OGGZ?")
        assert OGGZ.definitie_nl in seen_text(replies[0])
        assert replies[1].text == messages.GA_VERDER
        assert NL(messages.CHECK_VRAAG_KOP, code="B", aantal=4) in seen_text(replies[2])
        replies = await gesprek.send("ja")
        assert NL(messages.CHECK_VRAAG_KOP, code="C", aantal=4) in seen_text(replies[0])

    async def test_a_related_term_click_in_the_check_does_not_end_it(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        replies = await gesprek.send("wat is OGGZ?")
        replies = await gesprek.press(replies[0], OGGZ.zie_ook[0])
        assert NL(messages.CHECK_VRAAG_KOP, code="A", aantal=4) in seen_text(replies[-1])

    async def test_a_bare_word_in_a_flow_is_an_answer_not_a_lookup(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        replies = await gesprek.send("OGGZ")
        assert replies[0].text.startswith(NL(messages.KIES_OPNIEUW, opties="x")[:20])


async def test_a_letter_with_few_terms_lists_them_as_buttons(gesprek: Gesprek):
    letter = next(x for x in "abcdefghijklmnopqrstuvwxyz" if 0 < len(WOORDENLIJST.met_letter(x)) <= 6)
    replies = await gesprek.send(f"begrippen met een {letter}")
    knoppen = [data.get(cards.BEGRIP) for _, data in buttons(replies[0])]
    assert knoppen == [b.term for b in WOORDENLIJST.met_letter(letter)]
    replies = await gesprek.press(replies[0], knoppen[0])
    assert WOORDENLIJST.begrip(knoppen[0]).definitie_nl in seen_text(replies[0])


async def test_the_query_table_through_the_router_finds_the_term_at_least_95_percent(gesprek: Gesprek):
    """The same table as tests/knowledge/test_woordenlijst.py, but as a user sends it: intents
    and other answers must not take glossary questions away ("wat is radicalisering?")."""
    import tomllib
    from pathlib import Path

    pad = Path(__file__).resolve().parents[1] / "knowledge" / "woordenlijst_vragen.toml"
    vragen = [v for v in tomllib.loads(pad.read_text(encoding="utf-8"))["vraag"] if v["verwacht"]]
    missers = []
    for nummer, vraag in enumerate(vragen):
        replies = await gesprek.send(vraag["tekst"], conversation_id=f"tabel-{nummer}")
        card = card_of(replies[0]) if replies else None
        kop = card["body"][0]["text"] if card else ""
        begrip = WOORDENLIJST.begrip(vraag["verwacht"])
        if not (kop == begrip.term or kop.startswith(f"{begrip.term} – ")):
            missers.append((vraag["tekst"], vraag["verwacht"], kop[:40]))
    assert 1 - len(missers) / len(vragen) >= 0.95, missers


async def test_wat_is_radicalisering_explains_the_term(gesprek: Gesprek):
    replies = await gesprek.send("wat is radicalisering?")
    assert card_of(replies[0])["body"][0]["text"].startswith(WOORDENLIJST.begrip("radicalisering").term)


async def test_commands_the_bot_suggests_work_inside_a_flow(gesprek: Gesprek):
    await gesprek.send("check")
    await gesprek.send("weet ik niet")
    replies = await gesprek.send("snelle check")  # the intro says: type 'snelle check'
    assert card_of(replies[0])["body"][0]["text"] == messages.SNEL_TITEL
    replies = await gesprek.send("begrippen met een V")  # the glossary card suggests this
    assert NL(messages.BLADER_LETTER_TITEL, letter="V") in seen_text(replies[0])
    assert replies[1].text == messages.GA_VERDER


async def test_an_unknown_term_asked_inside_a_flow_says_so_and_goes_on(gesprek: Gesprek):
    await gesprek.send("check")
    await gesprek.send("weet ik niet")
    replies = await gesprek.send("wat is een kat?")
    assert NL(messages.BEGRIP_ONBEKEND, kern="kat") in seen_text(replies[0])
    assert replies[1].text == messages.GA_VERDER
