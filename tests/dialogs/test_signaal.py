"""Signaal melden as a professional goes through it: danger first, the kind (asked, or taken from
the message), the gemeente, then the meldpunten card; direct questions answered at once."""

from __future__ import annotations

from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.meldpunten import load_meldpunten
from knowledge.regios import load_regios
from tests.conftest import Gesprek, buttons, card_of, seen_text

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
