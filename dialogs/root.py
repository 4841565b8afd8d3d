"""The root of every conversation: routes a message to a capability.

Priority for every message, in or out of a flow (DESIGN.md):
1. acute danger -> the 112 card first (then the turn goes on);
2. commands: "annuleren/stop/opnieuw" end any flow, "help/menu/?" shows help and resumes the flow;
3. a running flow gets the message (glossary questions and clicks are answered first, then the
   flow's question is asked again; 1-3 live in dialogs/base.py, so they work inside every flow);
4. otherwise a direct question about meldpunten is answered ("waar meld ik verward gedrag in
   Roermond?"), a glossary question is answered, or an intent or a described signal starts a
   capability (menu buttons send {"actie": ...});
5. otherwise a question about the overleggen of a Veiligheidshuis, or a glossary question, is answered;
6. otherwise the fallback: what I did not understand plus the menu, never an empty turn.

```mermaid
stateDiagram-v2
    [*] --> route: message
    route --> CriteriaCheckDialog: criteria_check
    route --> SnelleCheckDialog: snelle_check
    route --> SignaalDialog: signaal / a described signal
    route --> [*]: begrip / woordenlijst / help / welkom / fallback / in aanbouw
    CriteriaCheckDialog --> CriteriaCheckDialog: help, 112, "wat is ...?" (same question again)
    CriteriaCheckDialog --> [*]: uitkomst / annuleren
```
"""

from __future__ import annotations

import re

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogContext, DialogTurnResult, DialogTurnStatus

from dialogs import cards, messages
from dialogs import woordenlijst as glossary
from dialogs.base import MAX_HERKEN, InterruptibleDialog, Kennis, tekst_van
from dialogs.criteria_check import CRITERIA_CHECK, SNELLE_CHECK, CriteriaCheckDialog, SnelleCheckDialog
from dialogs.gemeente import als_dict
from dialogs.i18n import teksten_voor
from dialogs.signaal import SIGNAAL, SOORTEN, SignaalDialog
from knowledge import intenties as intent
from knowledge.intenties import herken, herken_commando
from knowledge.meldpunten import herken_soort
from knowledge.overleggen import gemeente_in, zoek_overleggen
from knowledge.tekst import woorden
from knowledge.woordenlijst import blader_letter

ROOT = "RootDialog"
_NIET_GEBOUWD = {
    intent.AANMELDEN: messages.KNOP_AANMELDEN,
    intent.MIJN_AANMELDINGEN: messages.KNOP_MIJN_AANMELDINGEN,
}
# A free-text signal is a sentence about someone ("mijn buurjongen wil naar Syrië om te strijden"),
# not a term: shorter messages are left to the glossary.
_WOORDEN_IN_EEN_SIGNAAL = 5
_SIGNALEN_VAN = re.compile(r"\b(?:signalen|tekenen|kenmerken|signs) (?:van|bij|voor|of)\b")

__all__ = ["ROOT", "Kennis", "RootDialog"]


class RootDialog(InterruptibleDialog):
    """Starts the capability a message asks for, or answers it directly."""

    def __init__(self, kennis: Kennis) -> None:
        super().__init__(ROOT, kennis)
        self.add_dialog(CriteriaCheckDialog(kennis.criteria, kennis.opschaling, kennis.regios))
        self.add_dialog(SnelleCheckDialog(kennis.criteria, kennis.opschaling, kennis.regios))
        self.add_dialog(SignaalDialog(kennis.meldpunten, kennis.regios, kennis.acuut))

    async def on_begin_dialog(self, inner_dc: DialogContext, options: object = None) -> DialogTurnResult:
        """A message with no flow running: safety first, then the intent, the glossary, the fallback."""
        context = inner_dc.context
        t = teksten_voor(context)
        gewaarschuwd = await self.waarschuw_bij_gevaar(context)
        tekst = tekst_van(context)[:MAX_HERKEN]
        woordenlijst = self._kennis.woordenlijst
        actie = cards.klik_waarde(context, cards.ACTIE)
        if actie is None and blader_letter(tekst):
            actie = intent.WOORDENLIJST
        if actie is None and (commando := herken_commando(tekst, self._kennis.intenties)):
            actie = commando.intentie
        soorten = herken_soort(tekst, self._kennis.meldpunten)
        # "waar meld ik radicalisering?" wants the meldpunten, not the definition.
        gegeven = woorden(tekst)
        wil_melden = bool(soorten) and any(w.startswith(("meld", "report")) for w in gegeven)
        if actie is None and soorten and await self._beantwoord_meldvraag(context, gegeven, soorten, wil_melden):
            return DialogTurnResult(DialogTurnStatus.Complete)
        if actie is None and not wil_melden and await glossary.beantwoord_vraag(
            context, woordenlijst, tekst, vraagvorm_nodig=True, niet_gevonden=False, of_alleen_een_begrip=True
        ):
            # "wat is radicalisering?" or just "verward gedrag" asks about a term, not to report a signal.
            return DialogTurnResult(DialogTurnStatus.Complete)
        if actie is None:
            herkenning = herken(tekst, self._kennis.intenties)
            actie = herkenning.intentie if herkenning else None
        if actie is None and soorten and len(gegeven) >= _WOORDEN_IN_EEN_SIGNAAL:
            actie = intent.SIGNAAL
        if actie == intent.SIGNAAL:
            return await inner_dc.begin_dialog(SIGNAAL, {SOORTEN: list(soorten)})
        if actie == intent.CRITERIA_CHECK:
            return await inner_dc.begin_dialog(CRITERIA_CHECK)
        if actie == intent.SNELLE_CHECK:
            return await inner_dc.begin_dialog(SNELLE_CHECK)
        if actie == intent.WOORDENLIJST:
            await glossary.beantwoord_klik(context, self._kennis.woordenlijst)
        elif actie in _NIET_GEBOUWD:
            melding = t(messages.IN_AANBOUW, onderdeel=t(_NIET_GEBOUWD[actie]))
            await context.send_activity(cards.as_activity(cards.hulp_card(t, melding=melding)))
        elif actie == intent.HULP:
            await context.send_activity(cards.as_activity(cards.hulp_card(t)))
        elif actie == intent.GROET:
            await context.send_activity(cards.as_activity(cards.welkom_card(t)))
        elif actie == intent.STOPPEN:
            await context.send_activity(t(messages.NIETS_TE_STOPPEN))
        elif overleggen := zoek_overleggen(tekst, self._kennis.regios):
            await context.send_activity(cards.as_activity(cards.overleggen_card(t, overleggen)))
        elif not await glossary.beantwoord_vraag(
            context, woordenlijst, tekst, vraagvorm_nodig=False, niet_gevonden=True
        ):
            if not gewaarschuwd:
                # The 112 card is a complete answer; anything else unknown gets the menu.
                await context.send_activity(cards.as_activity(cards.hulp_card(t, melding=t(messages.NIET_BEGREPEN))))
        return DialogTurnResult(DialogTurnStatus.Complete)

    async def _beantwoord_meldvraag(
        self, context: TurnContext, gegeven: list[str], soorten: tuple[str, ...], wil_melden: bool
    ) -> bool:
        """'waar meld ik verward gedrag in Roermond?' or 'wat zijn signalen van radicalisering?':
        a question for information, answered at once with the meldpunten card. A described signal
        ("mijn buurjongen in Maastricht wil naar Syrië") is not: it gets the dialog, danger first."""
        gemeente = gemeente_in(gegeven, self._kennis.regios)
        vraagt_signalen = bool(_SIGNALEN_VAN.search(" ".join(gegeven)))
        if len(soorten) != 1 or not (vraagt_signalen or (wil_melden and gemeente is not None)):
            return False
        meldpunten = self._kennis.meldpunten
        huis = gemeente.veiligheidshuis if gemeente else None
        gevonden = meldpunten.voor(soorten[0], huis.code if huis else None)
        plain = als_dict(gemeente) if gemeente else {}
        card = cards.meldpunten_card(teksten_voor(context), meldpunten.soort(soorten[0]), gevonden, huis, plain)
        await context.send_activity(cards.as_activity(card))
        return True
