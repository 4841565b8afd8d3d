"""Answering glossary questions, in one turn and from any state (no dialog state needed).

"wat is OGGZ?" -> the term's card; two close terms -> "welk begrip bedoel je?" with buttons;
an unknown term asked as a question -> "staat niet in de woordenlijst" with the closest terms;
"woordenlijst" / "begrippen met een V" -> the list to choose from. Every button comes back as
{"actie": "woordenlijst", "begrip": term}, so the answer to a click needs no memory either.
"""

from __future__ import annotations

from botbuilder.core import TurnContext

from dialogs import cards
from dialogs.i18n import teksten_voor
from knowledge.tekst import woorden
from knowledge.woordenlijst import Begrip, Woordenlijst, blader_letter, kern_van, zoek

# What the user typed is echoed in "'…' staat niet in de woordenlijst": keep that short.
_MAX_KERN = 60
# Longer than this, a message is a sentence about something, not the name of a term.
_WOORDEN_IN_EEN_BEGRIP = 4


async def beantwoord_vraag(
    context: TurnContext,
    woordenlijst: Woordenlijst,
    tekst: str,
    *,
    vraagvorm_nodig: bool,
    niet_gevonden: bool,
    of_alleen_een_begrip: bool = False,
) -> bool:
    """Answer the text if it is a glossary question; True when something was sent.

    vraagvorm_nodig: only "wat is …?"-style questions count (inside a flow, so that an answer to
    the flow's own question, "ja" or a gemeente, is never taken for a lookup; and before intents,
    so that "wat is radicalisering?" explains the term instead of starting the signaal flow).
    niet_gevonden: a question about an unknown term gets "staat niet in de woordenlijst".
    of_alleen_een_begrip: a message that is just a term ("confused behaviour", "verward gedrg")
    counts as a question too.
    """
    alleen_een_begrip = of_alleen_een_begrip and len(woorden(tekst)) <= _WOORDEN_IN_EEN_BEGRIP
    if vraagvorm_nodig and not (alleen_een_begrip or kern_van(tekst)[1]):
        return False  # no question about a term: not searched at all (a flow's own answers, every turn)
    resultaat = zoek(tekst, woordenlijst)
    t = teksten_voor(context)
    if resultaat.zeker is not None:
        await toon_begrip(context, woordenlijst, resultaat.zeker)
    elif resultaat.twijfel:
        await context.send_activity(cards.as_activity(cards.twijfel_card(t, resultaat.twijfel)))
    elif niet_gevonden and resultaat.vraagvorm and resultaat.kern:
        card = cards.niet_gevonden_card(t, resultaat.kern[:_MAX_KERN], resultaat.suggesties)
        await context.send_activity(cards.as_activity(card))
    else:
        return False
    return True


async def toon_begrip(context: TurnContext, woordenlijst: Woordenlijst, begrip: Begrip) -> None:
    """Send the card of one term."""
    zie_ook = [ander for term in begrip.zie_ook if (ander := woordenlijst.begrip(term)) is not None]
    await context.send_activity(cards.as_activity(cards.begrip_card(teksten_voor(context), begrip, zie_ook)))


async def beantwoord_klik(context: TurnContext, woordenlijst: Woordenlijst) -> None:
    """A glossary button: the chosen term, or the list when none (or an unknown one) was chosen."""
    gekozen = cards.klik_waarde(context, cards.BEGRIP)
    begrip = woordenlijst.begrip(gekozen) if gekozen else None
    if begrip is not None:
        await toon_begrip(context, woordenlijst, begrip)
    else:
        await blader(context, woordenlijst, blader_letter(context.activity.text or ""))


async def blader(context: TurnContext, woordenlijst: Woordenlijst, letter: str | None) -> None:
    """Send the glossary, or the terms of one letter, to choose from."""
    begrippen = woordenlijst.met_letter(letter) if letter else woordenlijst.alfabetisch()
    letters = sorted({b.term[:1].lower() for b in woordenlijst.begrippen if b.term[:1].isalpha()})
    card = cards.blader_card(teksten_voor(context), begrippen, letters, letter)
    await context.send_activity(cards.as_activity(card))
