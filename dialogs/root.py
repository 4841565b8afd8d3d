"""The root of every conversation: routes a message to a capability.

Priority for every message, in or out of a flow (DESIGN.md):
1. acute danger -> the 112 card first (then the turn goes on);
2. commands: "annuleren/stop/opnieuw" end any flow, "help/menu/?" shows help and resumes the flow
   (both in dialogs/base.py, so they work inside every flow);
3. a running flow gets the message;
4. otherwise an intent starts a capability (menu buttons send {"actie": ...});
5. otherwise the fallback: what I did not understand plus the menu, never an empty turn.

```mermaid
stateDiagram-v2
    [*] --> route: message
    route --> CriteriaCheckDialog: criteria_check
    route --> [*]: help / welkom / fallback / in aanbouw
    CriteriaCheckDialog --> CriteriaCheckDialog: help, 112 (same question again)
    CriteriaCheckDialog --> [*]: uitkomst / annuleren
```
"""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.dialogs import DialogContext, DialogTurnResult, DialogTurnStatus

from dialogs import cards, messages
from dialogs.base import MAX_HERKEN, InterruptibleDialog, menu_actie, tekst_van
from dialogs.criteria_check import CRITERIA_CHECK, CriteriaCheckDialog
from dialogs.i18n import teksten_voor
from knowledge import intenties as intent
from knowledge.criteria import Criteriaset, Opschalingsniveau
from knowledge.intenties import Intentie, herken
from knowledge.veiligheid import Acuutlijst

ROOT = "RootDialog"
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


class RootDialog(InterruptibleDialog):
    """Starts the capability a message asks for, or answers it directly."""

    def __init__(self, kennis: Kennis) -> None:
        super().__init__(ROOT, kennis.intenties, kennis.acuut)
        self.add_dialog(CriteriaCheckDialog(kennis.criteria, kennis.opschaling))

    async def on_begin_dialog(self, inner_dc: DialogContext, options: object = None) -> DialogTurnResult:
        """A message with no flow running: safety first, then the intent, else the fallback."""
        context = inner_dc.context
        t = teksten_voor(context)
        gewaarschuwd = await self.waarschuw_bij_gevaar(context)
        actie = menu_actie(context)
        if actie is None:
            herkenning = herken(tekst_van(context)[:MAX_HERKEN], self._intenties)
            actie = herkenning.intentie if herkenning else None
        if actie == intent.CRITERIA_CHECK:
            return await inner_dc.begin_dialog(CRITERIA_CHECK)
        if actie in _NIET_GEBOUWD:
            melding = t(messages.IN_AANBOUW, onderdeel=t(_NIET_GEBOUWD[actie]))
            await context.send_activity(cards.as_activity(cards.hulp_card(t, melding=melding)))
        elif actie == intent.HULP:
            await context.send_activity(cards.as_activity(cards.hulp_card(t)))
        elif actie == intent.GROET:
            await context.send_activity(cards.as_activity(cards.welkom_card(t)))
        elif actie == intent.STOPPEN:
            await context.send_activity(t(messages.NIETS_TE_STOPPEN))
        elif not gewaarschuwd:
            # The 112 card is a complete answer; anything else unknown gets the menu.
            await context.send_activity(cards.as_activity(cards.hulp_card(t, melding=t(messages.NIET_BEGREPEN))))
        return DialogTurnResult(DialogTurnStatus.Complete)
