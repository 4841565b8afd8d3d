"""The root of every conversation: routes a message to a capability.

Priority for every message, in or out of a flow (DESIGN.md):
1. acute danger -> the 112 card first (then the turn goes on);
2. commands: "annuleren/stop/opnieuw" end any flow, "help/menu/?" shows help and resumes the flow;
3. a running flow gets the message (glossary questions and clicks are answered first, then the
   flow's question is asked again; 1-3 live in dialogs/base.py, so they work inside every flow);
4. otherwise a click on a card of a flow that has ended gets the general answer, or, for the
   button that stored a signal or aanmelding of this user, its reference (not to report it twice);
   a direct question about meldpunten is answered ("waar meld ik verward gedrag in Roermond?"),
   a glossary question is answered, or an intent or a described signal starts a capability
   (menu buttons send {"actie": ...});
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
from dialogs.aanmelding import AANMELDING, VOORAF, AanmeldingDialog
from dialogs.aanmelding import VRIJE_TEKST as AANMELDING_VRIJE_TEKST
from dialogs.aanmeldingen import BEKIJKEN, SIGNAAL_AFHANDELEN, TRIAGE, Aanmeldingenloket, cijfers_jaar
from dialogs.base import MAX_HERKEN, InterruptibleDialog, Kennis, is_gedeeld, tekst_van
from dialogs.criteria_check import CRITERIA_CHECK, SNELLE_CHECK, CriteriaCheckDialog, SnelleCheckDialog
from dialogs.gemeente import als_dict
from dialogs.i18n import teksten_voor
from dialogs.opslag import Diensten
from dialogs.signaal import SIGNAAL, SOORTEN, SignaalDialog
from dialogs.signaal import VRIJE_TEKST as SIGNAAL_VRIJE_TEKST
from knowledge import intenties as intent
from knowledge.aanmelding import lees_referentie
from knowledge.intenties import herken, herken_commando
from knowledge.meldpunten import herken_soort
from knowledge.overleggen import gemeente_in, zoek_overleggen
from knowledge.tekst import woorden
from knowledge.woordenlijst import blader_letter

ROOT = "RootDialog"
# A free-text signal is a sentence about someone ("mijn buurjongen wil naar Syrië om te strijden"),
# not a term: shorter messages are left to the glossary.
_WOORDEN_IN_EEN_SIGNAAL = 5
_VRAAGT_UITLEG = re.compile(r"\s*(?:wat|what)\s+(?:is|zijn|betekent|betekenen|are|does|means?)\b", re.IGNORECASE)
_SIGNALEN_VAN = re.compile(r"\b(?:signalen|tekenen|kenmerken|signs) (?:van|bij|voor|of)\b")

# What shows or changes a case: only in a personal chat.
_PERSOONLIJK = frozenset({
    intent.AANMELDEN, intent.MIJN_AANMELDINGEN, intent.WERKVOORRAAD, intent.CIJFERS, BEKIJKEN, TRIAGE,
    SIGNAAL_AFHANDELEN,
})

__all__ = ["ROOT", "Kennis", "RootDialog"]


def _is_verlopen_klik(waarde: object) -> bool:
    """A click on a question or form of a flow that no longer runs."""
    return isinstance(waarde, dict) and (cards.KEUZE in waarde or cards.FORMULIER in waarde)


class RootDialog(InterruptibleDialog):
    """Starts the capability a message asks for, or answers it directly."""

    bewaakt = frozenset({AANMELDING})
    vrije_tekst = frozenset({*AANMELDING_VRIJE_TEKST, SIGNAAL_VRIJE_TEKST})

    def __init__(self, kennis: Kennis, diensten: Diensten) -> None:
        super().__init__(ROOT, kennis)
        self.add_dialog(CriteriaCheckDialog(kennis.criteria, kennis.opschaling, kennis.regios))
        self.add_dialog(SnelleCheckDialog(kennis.criteria, kennis.opschaling, kennis.regios))
        self.add_dialog(SignaalDialog(kennis.meldpunten, kennis.regios, kennis.acuut, diensten))
        self.add_dialog(AanmeldingDialog(kennis.formulier, kennis.regios, kennis.criteria, diensten))
        self._loket = Aanmeldingenloket(kennis.formulier, kennis.regios, kennis.meldpunten, diensten)
        self._diensten = diensten

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
        # "ZVH-MH-2026-000123" or "hoe staat ZVH-MH-2026-123 ervoor?": that aanmelding; "cijfers 2025".
        referentie = lees_referentie(tekst) if actie is None else None
        jaar = cijfers_jaar(tekst) if actie is None and referentie is None else None
        if (actie in _PERSOONLIJK or referentie or jaar) and is_gedeeld(context):
            # Personal data about a case is never shown to everyone in a group chat or channel.
            await context.send_activity(t(messages.ALLEEN_PERSOONLIJK))
            return DialogTurnResult(DialogTurnStatus.Complete)
        if referentie:
            await self._loket.toon(context, referentie)
            return DialogTurnResult(DialogTurnStatus.Complete)
        if jaar:
            await self._loket.toon_cijfers(context, jaar)
            return DialogTurnResult(DialogTurnStatus.Complete)
        if actie is None and _is_verlopen_klik(context.activity.value):
            # A button of a flow that has ended (e.g. Bevestigen again, after a failed reply).
            await context.send_activity(await self._klik_na_afloop(context))
            return DialogTurnResult(DialogTurnStatus.Complete)
        soorten = herken_soort(tekst, self._kennis.meldpunten)
        # "waar meld ik radicalisering?" wants the meldpunten, not the definition.
        gegeven = woorden(tekst)
        wil_melden = bool(soorten) and any(
            w.startswith(("meld", "report")) and not w.startswith("meldcode") for w in gegeven
        )
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
        if actie is None and soorten and len(gegeven) >= _WOORDEN_IN_EEN_SIGNAAL and not _VRAAGT_UITLEG.match(tekst):
            # A sentence about someone is a signal; "wat is het verschil tussen ...?" asks for an explanation.
            actie = intent.SIGNAAL
        if actie == intent.SIGNAAL:
            return await inner_dc.begin_dialog(SIGNAAL, {SOORTEN: list(soorten)})
        if actie == intent.CRITERIA_CHECK:
            return await inner_dc.begin_dialog(CRITERIA_CHECK)
        if actie == intent.SNELLE_CHECK:
            return await inner_dc.begin_dialog(SNELLE_CHECK)
        if actie == intent.AANMELDEN:
            # From a check's outcome the click carries its gemeente and answers, to pre-fill the form.
            return await inner_dc.begin_dialog(AANMELDING, {VOORAF: context.activity.value})
        if await self._beantwoord_aanmeldingen(context, actie):
            return DialogTurnResult(DialogTurnStatus.Complete)
        if actie == intent.WOORDENLIJST:
            await glossary.beantwoord_klik(context, self._kennis.woordenlijst)
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

    async def _klik_na_afloop(self, context: TurnContext) -> str:
        """The answer to a click on a flow that has ended. For the button that stored a signal or
        confirmed an aanmelding, when this user stored it: its reference, so it is not reported
        again; otherwise (another user's, unknown or forged concept id) the general answer."""
        t = teksten_voor(context)
        if is_gedeeld(context):
            # Those buttons are only on cards in a personal chat: one clicked in a shared chat is forged.
            return t(messages.KLIK_NA_AFLOOP)
        melder_id = context.activity.from_property.id
        if concept := cards.klik_concept(context, cards.SIGNAAL_CONCEPT):
            if signaal := await self._diensten.signalen.voor_concept(concept, melder_id):
                return t(messages.SIGNAAL_AL_VASTGELEGD, referentie=signaal.referentie)
        elif concept := cards.klik_concept(context, cards.AANMELDING_CONCEPT):
            if aanmelding := await self._diensten.aanmeldingen.voor_concept(concept, melder_id):
                return t(messages.AANMELDING_AL_ONTVANGEN, referentie=aanmelding.referentie)
        return t(messages.KLIK_NA_AFLOOP)

    async def _beantwoord_aanmeldingen(self, context: TurnContext, actie: str | None) -> bool:
        """Mijn aanmeldingen, one aanmelding, the werkvoorraad, triage and figures; True when answered."""
        waarde = context.activity.value if isinstance(context.activity.value, dict) else {}
        if actie == intent.MIJN_AANMELDINGEN:
            await self._loket.toon_mijn(context)
        elif actie == BEKIJKEN:
            referentie = waarde.get(cards.REFERENTIE)
            await self._loket.toon(context, referentie if isinstance(referentie, str) else "")
        elif actie == intent.WERKVOORRAAD:
            await self._loket.toon_werkvoorraad(context)
        elif actie == TRIAGE:
            await self._loket.verwerk_triage(context, waarde)
        elif actie == SIGNAAL_AFHANDELEN:
            referentie = waarde.get(cards.REFERENTIE)
            await self._loket.handel_signaal_af(context, referentie if isinstance(referentie, str) else "")
        elif actie == intent.CIJFERS:
            await self._loket.toon_cijfers(context, None)
        else:
            return False
        return True

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
