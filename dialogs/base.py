"""What works in every flow: safety first, stop, help, glossary questions and menu clicks.

A capability dialog runs inside an InterruptibleDialog (the root dialog is one), so in the middle
of any question a user can type "help" or "annuleren", ask "wat is een ZRM?", click a menu button,
or say that someone is in danger, and get the right answer before the flow continues (or ends).
Built once, here, for every capability.
"""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext
from botbuilder.dialogs import (
    ComponentDialog,
    Dialog,
    DialogContext,
    DialogState,
    DialogTurnResult,
    DialogTurnStatus,
)

from dialogs import cards, messages
from dialogs import woordenlijst as glossary
from dialogs.i18n import EN, teksten_voor
from knowledge import intenties as intent
from knowledge.aanmelding import Formulierkennis
from knowledge.criteria import Criteriaset, Opschalingsniveau
from knowledge.intenties import Intentie, herken_commando
from knowledge.meldpunten import Meldpunten
from knowledge.regios import Regios
from knowledge.tekst import woorden
from knowledge.veiligheid import Acuutlijst, acuut_gevaar
from knowledge.woordenlijst import Woordenlijst, blader_letter

# Recognising an intent looks at the start of a message only (intents are short, a message may be
# 10,000 characters); the danger check always reads all of it.
MAX_HERKEN = 500
# In a free-text answer, this many words is a description, not a glossary question.
_WOORDEN_IN_EEN_BESCHRIJVING = 6


@dataclass(frozen=True)
class Kennis:
    """The knowledge the dialogs reason with, loaded once by bot/ and passed in."""

    intenties: tuple[Intentie, ...]
    acuut: Acuutlijst
    criteria: Criteriaset
    opschaling: tuple[Opschalingsniveau, ...]
    woordenlijst: Woordenlijst
    regios: Regios
    meldpunten: Meldpunten
    formulier: Formulierkennis


def _diepste_dialoog(dc: DialogContext) -> str | None:
    """The id of the innermost active dialog (the prompt that waits for this message).

    SDK: DialogContext.child does not descend into a ComponentDialog (it is no DialogContainer in
    botbuilder-python), so walk the components' own stacks (see tests/dialogs/test_aanmelding.py::
    TestNaReview::test_a_description_with_danger_words_gets_112_and_is_still_the_answer).
    """
    instance = dc.active_dialog
    while instance is not None:
        state = instance.state if isinstance(instance.state, dict) else {}
        binnen = state.get(ComponentDialog.persisted_dialog_state)
        if not isinstance(binnen, DialogState) or not binnen.dialog_stack:
            return instance.id
        instance = binnen.dialog_stack[0]
    return None


def is_gedeeld(turn_context: TurnContext) -> bool:
    """Whether this is a group chat or a channel, where everyone reads what the bot says."""
    conversation = turn_context.activity.conversation
    return (conversation.conversation_type if conversation else None) in ("groupChat", "channel")


def tekst_van(turn_context: TurnContext) -> str:
    """The message text (empty for a card click)."""
    return turn_context.activity.text or ""


class InterruptibleDialog(ComponentDialog):
    """A component whose flows can be interrupted; subclasses add the dialogs and the routing."""

    # Flows holding input not yet stored: only "annuleren" ends them, other commands wait.
    bewaakt: frozenset[str] = frozenset()
    # Prompts that ask for a description in the user's own words: a text there that mentions danger
    # ("eerder met een mes bedreigd") gets the 112 card and is then taken as the answer, and a long
    # text that starts with a question ("Wat is er aan de hand? ...") is an answer, not a glossary query.
    vrije_tekst: frozenset[str] = frozenset()

    def __init__(self, dialog_id: str, kennis: Kennis) -> None:
        super().__init__(dialog_id)
        self._kennis = kennis

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Safety, stop, help, glossary and menu clicks first; otherwise the flow gets the message."""
        context = inner_dc.context
        t = teksten_voor(context)
        beschrijving = _diepste_dialoog(inner_dc) in self.vrije_tekst
        if await self.waarschuw_bij_gevaar(context):
            return await (inner_dc.continue_dialog() if beschrijving else self._ga_verder(inner_dc))
        actie = cards.klik_waarde(context, cards.ACTIE)
        tekst = tekst_van(context)[:MAX_HERKEN]
        commando = herken_commando(tekst, self._kennis.intenties)
        gevraagd = actie or (commando.intentie if commando else None)
        if gevraagd is None and blader_letter(tekst):
            gevraagd = intent.WOORDENLIJST
        if gevraagd == intent.STOPPEN:
            await inner_dc.cancel_all_dialogs()
            await context.send_activity(t(messages.GESTOPT))
            return DialogTurnResult(DialogTurnStatus.Complete)
        if gevraagd == intent.HULP:
            await context.send_activity(cards.as_activity(cards.hulp_card(t)))
            return await self._ga_verder(inner_dc)
        if gevraagd == intent.WOORDENLIJST:
            await glossary.beantwoord_klik(context, self._kennis.woordenlijst)
            return await self._ga_verder(inner_dc)
        if actie is not None or (gevraagd is not None and gevraagd != intent.GROET):
            if inner_dc.active_dialog is not None and inner_dc.active_dialog.id in self.bewaakt:
                # An aanmelding being filled in is not thrown away by a stray click or command.
                await context.send_activity(t(messages.AANMELDING_DOORGAAN))
                return await self._ga_verder(inner_dc)
            # Another menu button or command ("snelle check"): it starts afresh, as if nothing ran.
            await inner_dc.cancel_all_dialogs()
            return await self.on_begin_dialog(inner_dc, None)
        if beschrijving and len(woorden(tekst)) >= _WOORDEN_IN_EEN_BESCHRIJVING:
            return await inner_dc.continue_dialog()
        if tekst and await glossary.beantwoord_vraag(
            context, self._kennis.woordenlijst, tekst, vraagvorm_nodig=True, niet_gevonden=True
        ):
            return await self._ga_verder(inner_dc)
        return await inner_dc.continue_dialog()

    async def _ga_verder(self, inner_dc: DialogContext) -> DialogTurnResult:
        await inner_dc.context.send_activity(teksten_voor(inner_dc.context)(messages.GA_VERDER))
        await inner_dc.reprompt_dialog()
        return Dialog.end_of_turn

    async def waarschuw_bij_gevaar(self, context: TurnContext) -> bool:
        """Send the 112 card when the message signals acute danger; True when it did."""
        gevaar = acuut_gevaar(tekst_van(context), self._kennis.acuut)
        if gevaar is None:
            return False
        t = teksten_voor(context)
        nood, lijn = gevaar.noodnummer, gevaar.hulplijn
        wanneer = nood.wanneer_en if t.taal == EN else nood.wanneer_nl
        hulplijn = ((lijn.wanneer_en if t.taal == EN else lijn.wanneer_nl), lijn.bron) if lijn else None
        card = cards.acuut_card(t, nood.nummer, wanneer, nood.bron, hulplijn)
        await context.send_activity(cards.as_activity(card))
        return True
