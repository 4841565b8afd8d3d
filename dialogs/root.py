"""The root of every conversation: routes a message to a capability and handles interruptions.

Priority for every message, in or out of a flow (DESIGN.md):
1. acute danger -> the 112 card first (then the turn goes on);
2. commands: "annuleren/stop/opnieuw" end any flow, "help/menu/?" shows help and resumes the flow;
3. a running flow gets the message;
4. otherwise an intent starts a capability (menu buttons send {"actie": ...});
5. otherwise the fallback: what I did not understand plus the menu, never an empty turn.

```mermaid
stateDiagram-v2
    [*] --> route: message
    route --> CriteriaCheckDialog: criteria_check
    route --> [*]: help / welkom / fallback / in aanbouw
    CriteriaCheckDialog --> CriteriaCheckDialog: help, 112 (reprompt)
    CriteriaCheckDialog --> [*]: klaar / annuleren
```
"""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext
from botbuilder.dialogs import ComponentDialog, Dialog, DialogContext, DialogTurnResult, DialogTurnStatus

from dialogs import cards, messages
from dialogs.criteria_check import CRITERIA_CHECK, CriteriaCheckDialog
from dialogs.i18n import EN, teksten_voor
from knowledge import intenties as intent
from knowledge.criteria import Criteriaset, Opschalingsniveau
from knowledge.intenties import Intentie, herken, herken_commando
from knowledge.veiligheid import Acuutlijst, acuut_gevaar

ROOT = "RootDialog"
# Recognition looks at the start of a message only: intents are short, texts may be 10,000 characters.
_MAX_HERKEN = 500
_NIET_GEBOUWD = {
    intent.AANMELDEN: messages.KNOP_AANMELDEN,
    intent.SIGNAAL: messages.KNOP_SIGNAAL,
    intent.WOORDENLIJST: messages.KNOP_WOORDENLIJST,
    intent.MIJN_AANMELDINGEN: messages.KNOP_MIJN_AANMELDINGEN,
}


@dataclass(frozen=True)
class Kennis:
    """The knowledge the dialogs reason with, loaded once by bot/ and passed in."""

    intenties: tuple[Intentie, ...]
    acuut: Acuutlijst
    criteria: Criteriaset
    opschaling: tuple[Opschalingsniveau, ...]


def _tekst(turn_context: TurnContext) -> str:
    return (turn_context.activity.text or "")[:_MAX_HERKEN]


def _menu_actie(turn_context: TurnContext) -> str | None:
    waarde = turn_context.activity.value
    actie = waarde.get(cards.ACTIE) if isinstance(waarde, dict) else None
    return actie if isinstance(actie, str) else None


class RootDialog(ComponentDialog):
    """The single interruptible parent of all capability dialogs (built once, used by all)."""

    def __init__(self, kennis: Kennis) -> None:
        super().__init__(ROOT)
        self._kennis = kennis
        self.add_dialog(CriteriaCheckDialog(kennis.criteria, kennis.opschaling))

    async def on_begin_dialog(self, inner_dc: DialogContext, options: object = None) -> DialogTurnResult:
        """A message with no flow running: safety first, then route it."""
        veilig = await self._waarschuw_bij_gevaar(inner_dc.context)
        return await self._route(inner_dc, na_waarschuwing=veilig)

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        """A message inside a flow: safety, commands and menu clicks first, else the flow continues."""
        context = inner_dc.context
        t = teksten_voor(context)
        if await self._waarschuw_bij_gevaar(context):
            await context.send_activity(t(messages.GA_VERDER))
            await inner_dc.reprompt_dialog()
            return Dialog.end_of_turn
        if _menu_actie(context) is not None:
            # A click on a menu card while a flow runs starts that capability afresh.
            await inner_dc.cancel_all_dialogs()
            return await self._route(inner_dc, na_waarschuwing=False)
        commando = herken_commando(_tekst(context), self._kennis.intenties)
        if commando is not None and commando.intentie == intent.STOPPEN:
            await inner_dc.cancel_all_dialogs()
            await context.send_activity(t(messages.GESTOPT))
            return DialogTurnResult(DialogTurnStatus.Complete)
        if commando is not None and commando.intentie == intent.HULP:
            await context.send_activity(cards.as_activity(cards.hulp_card(t)))
            await context.send_activity(t(messages.GA_VERDER))
            await inner_dc.reprompt_dialog()
            return Dialog.end_of_turn
        return await inner_dc.continue_dialog()

    async def _waarschuw_bij_gevaar(self, context: TurnContext) -> bool:
        """Send the 112 card when the message signals acute danger; True when it did."""
        gevaar = acuut_gevaar(_tekst(context), self._kennis.acuut)
        if gevaar is None:
            return False
        t = teksten_voor(context)
        nood = gevaar.noodnummer
        wanneer = nood.wanneer_en if t.taal == EN else nood.wanneer_nl
        await context.send_activity(cards.as_activity(cards.acuut_card(t, nood.nummer, wanneer, nood.bron)))
        return True

    async def _route(self, inner_dc: DialogContext, *, na_waarschuwing: bool) -> DialogTurnResult:
        """Start the capability the message asks for, or answer it directly."""
        context = inner_dc.context
        t = teksten_voor(context)
        actie = _menu_actie(context)
        if actie is None:
            herkenning = herken(_tekst(context), self._kennis.intenties)
            actie = herkenning.intentie if herkenning else None
        if actie == intent.CRITERIA_CHECK:
            return await inner_dc.begin_dialog(CRITERIA_CHECK)
        if actie in _NIET_GEBOUWD:
            await context.send_activity(cards.as_activity(
                cards.hulp_card(t, melding=t(messages.IN_AANBOUW, onderdeel=t(_NIET_GEBOUWD[actie])))
            ))
        elif actie == intent.HULP:
            await context.send_activity(cards.as_activity(cards.hulp_card(t)))
        elif actie == intent.GROET:
            await context.send_activity(cards.as_activity(cards.welkom_card(t)))
        elif actie == intent.STOPPEN:
            await context.send_activity(t(messages.NIETS_TE_STOPPEN))
        elif not na_waarschuwing:
            # The 112 card is a complete answer; anything else unknown gets the menu.
            await context.send_activity(cards.as_activity(cards.hulp_card(t, melding=t(messages.NIET_BEGREPEN))))
        return DialogTurnResult(DialogTurnStatus.Complete)
