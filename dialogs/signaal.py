"""Signaal melden: where a signal of radicalisering, polarisatie, verward gedrag or huiselijk
geweld goes, safety first.

Turns: "is er nu direct gevaar?" (ja -> the 112 card, then on) -> which kind of signal (skipped
when the message already said it; asked among the candidates when it was ambiguous) -> the
gemeente -> the meldpunten card: who, how to reach them, what happens next, what to prepare ->
for a known gemeente: record it for the Veiligheidshuis? -> a short summary without names -> stored
(in the house's werkvoorraad) and, when the meldpunt has a Teams channel configured, posted there.

```mermaid
stateDiagram-v2
    [*] --> gevaar: options.soorten
    gevaar --> soort: nee / ja (112 card first)
    soort --> gemeente: one kind known
    gemeente --> meldpunten
    meldpunten --> [*]: gemeente unknown
    meldpunten --> vastleggen?: gemeente known
    vastleggen? --> [*]: nee
    vastleggen? --> samenvatting: ja
    samenvatting --> [*]: stored (+ posted to the meldpunt's channel)
    samenvatting --> samenvatting: BSN, e-mail, phone, too long / store failed / an earlier signal's card
```
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import PromptValidatorContext

from dialogs import cards, messages
from dialogs.aanmelding import foutmelding
from dialogs.base import MAX_HERKEN, is_gedeeld
from dialogs.gemeente import GEMEENTE, VRAAG, GemeenteDialog
from dialogs.i18n import EN, NL, Teksten, teksten_voor
from dialogs.opslag import Diensten
from dialogs.prompts import (
    JA,
    RETRY_WAARDEN,
    CardSubmitPrompt,
    KeuzePrompt,
    formulier_options,
    ja_nee_keuzes,
    keuze_options,
)
from knowledge.meldpunten import Meldpunten, herken_soort
from knowledge.regios import Regios
from knowledge.signaal import MAX_SAMENVATTING, valideer_samenvatting
from knowledge.veiligheid import Acuutlijst

log = logging.getLogger(__name__)

SIGNAAL = "SignaalDialog"
_WATERFALL = f"{SIGNAAL}.waterfall"
_KEUZE = f"{SIGNAAL}.keuze"
VASTLEGGEN = "SignaalVastleggenDialog"
_VASTLEGGEN_WATERFALL = f"{VASTLEGGEN}.waterfall"
_SAMENVATTING = f"{VASTLEGGEN}.samenvatting"
# The prompt where the user describes the signal in their own words (see InterruptibleDialog).
VRIJE_TEKST = _SAMENVATTING
# Keys of the dialog options and values (plain data: state is jsonpickled).
SOORTEN = "soorten"
_SOORT = "soort"
_VRAAG_GEVAAR = "gevaar"
_VRAAG_SOORT = "soort"
_VRAAG_VASTLEGGEN = "vastleggen"
_GEMEENTE = "gemeente"
_VASTLEGGEN = "vastleggen"
_KLAAR = "klaar"
_TEKST = "samenvatting"
# Made when recording starts and kept in dialog state: the store keeps one signal per concept id, so
# a retried turn or a click again after the state was lost does not record the signal twice.
_ID = "concept_id"


class SignaalDialog(ComponentDialog):
    """Routes one signal to its meldpunten; ends with {"soort", "gemeente", "huis"}."""

    def __init__(self, meldpunten: Meldpunten, regios: Regios, acuut: Acuutlijst, diensten: Diensten) -> None:
        super().__init__(SIGNAAL)
        self._meldpunten = meldpunten
        self._acuut = acuut
        self._diensten = diensten
        self.add_dialog(KeuzePrompt(_KEUZE, self._of_een_soort_in_woorden))
        self.add_dialog(GemeenteDialog(regios))
        self.add_dialog(SignaalVastleggenDialog(meldpunten, regios, diensten))
        self._regios = regios
        self.add_dialog(
            WaterfallDialog(
                _WATERFALL,
                [
                    self.ask_gevaar_step, self.ask_soort_step, self.ask_gemeente_step, self.show_meldpunten_step,
                    self.vastleggen_step, self.end_step,
                ],
            )
        )
        self.initial_dialog_id = _WATERFALL

    async def _of_een_soort_in_woorden(self, prompt: PromptValidatorContext) -> bool:
        """A button or its title counts; for the kind, so does a word of it ("verward", "jihad")
        when it points at exactly one of the kinds offered."""
        if prompt.recognized.succeeded:
            return True
        tekst = prompt.context.activity.text
        vraag = prompt.options.validations  # KeuzePrompt's plain options
        if vraag.get("vraag_id") != _VRAAG_SOORT or not isinstance(tekst, str):
            return False
        passend = [code for code in herken_soort(tekst[:MAX_HERKEN], self._meldpunten) if code in vraag["keuzes"]]
        if len(passend) != 1:
            return False
        prompt.recognized.value = passend[0]
        return True

    async def ask_gevaar_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Always first: is someone in danger now?"""
        t = teksten_voor(step.context)
        step.values[SOORTEN] = list((step.options or {}).get(SOORTEN, []))
        vraag = keuze_options(t, _VRAAG_GEVAAR, t(messages.SIGNAAL_KOP), t(messages.SIGNAAL_GEVAAR), ja_nee_keuzes())
        return await step.prompt(_KEUZE, vraag)

    async def ask_soort_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """After 'ja' the 112 card; then the kind of signal, unless the message already said it."""
        t = teksten_voor(step.context)
        if step.result == JA:
            nood = self._acuut.noodnummer
            wanneer = nood.wanneer_en if t.taal == EN else nood.wanneer_nl
            await step.context.send_activity(cards.as_activity(cards.acuut_card(t, nood.nummer, wanneer, nood.bron)))
        kandidaten: list[str] = step.values[SOORTEN]
        if len(kandidaten) == 1:
            return await step.next(kandidaten[0])
        codes = kandidaten or [s.code for s in self._meldpunten.soorten]
        titels = {s.code: (s.naam_en if t.taal == EN else s.naam_nl) for s in self._meldpunten.soorten}
        uitleg = t(messages.SIGNAAL_WELKE_TWIJFEL) if kandidaten else t(messages.SIGNAAL_WELKE)
        return await step.prompt(
            _KEUZE, keuze_options(t, _VRAAG_SOORT, t(messages.SIGNAAL_KOP), uitleg, codes, titels)
        )

    async def ask_gemeente_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Store the kind; ask the gemeente (it decides the regional meldpunten)."""
        step.values[_SOORT] = step.result
        return await step.begin_dialog(GEMEENTE, {VRAAG: teksten_voor(step.context)(messages.SIGNAAL_GEMEENTE)})

    async def show_meldpunten_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """The kind explained and its meldpunten for this region, national ones after them; for a
        known gemeente the offer to record the signal for its Veiligheidshuis."""
        t = teksten_voor(step.context)
        gemeente: dict[str, Any] = step.result or {}
        step.values[_GEMEENTE] = gemeente
        soort = self._meldpunten.soort(step.values[_SOORT])
        huis = self._regios.per_code(gemeente["huis"]) if gemeente.get("huis") else None
        meldpunten = self._meldpunten.voor(soort.code, huis.code if huis else None)
        card = cards.meldpunten_card(t, soort, meldpunten, huis, gemeente)
        await step.context.send_activity(cards.as_activity(card))
        if huis is None or is_gedeeld(step.context):
            # Recording needs the house; and a summary is not for everyone in a group chat.
            return await step.end_dialog({"soort": soort.code, **gemeente})
        kanaal = t(messages.SIGNAAL_KANAAL) if self._diensten.meldpunt_gesprek(huis.code, soort.code) else ""
        vraag = t(messages.SIGNAAL_VASTLEGGEN_VRAAG, huis=huis.naam, kanaal=kanaal)
        titels = {_VASTLEGGEN: t(messages.KNOP_VASTLEGGEN), _KLAAR: t(messages.KNOP_NEE_KLAAR)}
        keuzes = keuze_options(t, _VRAAG_VASTLEGGEN, t(messages.SIGNAAL_KOP), vraag, [_VASTLEGGEN, _KLAAR], titels)
        return await step.prompt(_KEUZE, keuzes)

    async def vastleggen_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """'Vastleggen' starts recording it; otherwise nothing is recorded."""
        if step.result not in (_VASTLEGGEN, JA):
            await step.context.send_activity(teksten_voor(step.context)(messages.SIGNAAL_NIET_VASTGELEGD))
            return await step.end_dialog({"soort": step.values[_SOORT], **step.values[_GEMEENTE]})
        return await step.begin_dialog(VASTLEGGEN, {_SOORT: step.values[_SOORT], _GEMEENTE: step.values[_GEMEENTE]})

    async def end_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """End with the kind, the gemeente and the recorded signal's reference."""
        return await step.end_dialog({"soort": step.values[_SOORT], **step.values[_GEMEENTE], **(step.result or {})})


class SignaalVastleggenDialog(ComponentDialog):
    """Records a signal for the Veiligheidshuis of its gemeente: a short summary without names,
    stored, and posted to the meldpunt's Teams channel when one is configured. A failed store
    keeps the summary and asks again. Ends with {"referentie": ...}."""

    def __init__(self, meldpunten: Meldpunten, regios: Regios, diensten: Diensten) -> None:
        super().__init__(VASTLEGGEN)
        self._meldpunten = meldpunten
        self._regios = regios
        self._diensten = diensten
        self.add_dialog(CardSubmitPrompt(_SAMENVATTING, self._samenvatting_geldig))
        self.add_dialog(WaterfallDialog(_VASTLEGGEN_WATERFALL, [self.ask_samenvatting_step, self.store_signaal_step]))
        self.initial_dialog_id = _VASTLEGGEN_WATERFALL

    async def ask_samenvatting_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Take the concept id (a new one when recording starts); ask the summary (filled in again
        after a failed store)."""
        opties = dict(step.options or {})
        step.values.update(opties)
        step.values[_ID] = opties.get(_ID) or uuid.uuid4().hex
        t = teksten_voor(step.context)
        card = cards.samenvatting_signaal_card(
            t, _SAMENVATTING, MAX_SAMENVATTING, opties.get(_TEKST, ""), concept_id=step.values[_ID]
        )
        return await step.prompt(_SAMENVATTING, formulier_options(card, "{fout}", **{_ID: step.values[_ID]}))

    async def store_signaal_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Store the signal for the house; post it to the meldpunt's channel when one is configured."""
        context = step.context
        t = teksten_voor(context)
        samenvatting, _ = valideer_samenvatting(_tekst_van(step.result))
        gemeente, soort = step.values[_GEMEENTE], step.values[_SOORT]
        huis = self._regios.per_code(gemeente["huis"])
        gebruiker = context.activity.from_property
        try:
            signaal = await self._diensten.signalen.vastleggen(
                step.values[_ID], soort, gemeente["gemeente"], huis.code, samenvatting, gebruiker.id,
                (gebruiker.name or "")[:100],
            )
        except Exception as fout:  # noqa: BLE001 - keep the summary and say so
            log.error("recording a signal failed: %s", type(fout).__name__)
            await context.send_activity(t(messages.SIGNAAL_OPSLAAN_MISLUKT))
            # The same concept id: if the store did commit before it failed, the next try finds it.
            opnieuw = {_ID: step.values[_ID], _SOORT: soort, _GEMEENTE: gemeente, _TEKST: samenvatting}
            return await step.replace_dialog(_VASTLEGGEN_WATERFALL, opnieuw)
        await context.send_activity(t(messages.SIGNAAL_VASTGELEGD, referentie=signaal.referentie, huis=huis.naam))
        gesprek = self._diensten.meldpunt_gesprek(huis.code, soort)
        if gesprek:
            await self._zet_door(context, t, gesprek, signaal.referentie, soort, gemeente["gemeente"], samenvatting)
        return await step.end_dialog({"referentie": signaal.referentie})

    async def _zet_door(
        self, context: TurnContext, t: Teksten, gesprek: Mapping[str, Any], referentie: str, soort: str,
        gemeente: str, samenvatting: str,
    ) -> None:
        """Post the signal in the meldpunt's Teams channel (in Dutch, the meldpunt's language)."""
        tekst = Teksten(NL)(
            messages.SIGNAAL_IN_KANAAL, referentie=referentie, soort=self._meldpunten.soort(soort).naam_nl,
            gemeente=gemeente, samenvatting=cards.letterlijk(samenvatting),
            melder=cards.letterlijk(context.activity.from_property.name or "", 100),
        )
        try:
            await self._diensten.melding(gesprek, tekst)
        except Exception as fout:  # noqa: BLE001 - the signal is stored; the channel is a courtesy
            log.warning("posting a signal to the meldpunt's channel failed: %s", type(fout).__name__)
            await context.send_activity(t(messages.SIGNAAL_KANAAL_MISLUKT))
            return
        await context.send_activity(t(messages.SIGNAAL_DOORGEZET))

    async def _samenvatting_geldig(self, prompt: PromptValidatorContext) -> bool:
        """A summary without names, BSN or contact details, not too long, sent from this signal's
        card; else say what is wrong."""
        t = teksten_voor(prompt.context)
        waarde = prompt.recognized.value if prompt.recognized.succeeded else {}
        eigen = prompt.options.validations.get(_ID)  # None in a state saved before cards carried it
        if isinstance(waarde, dict) and eigen and waarde.get(cards.SIGNAAL_CONCEPT, eigen) != eigen:
            # Vastleggen on an earlier signal's card would record its summary as this signal.
            prompt.context.turn_state[RETRY_WAARDEN] = {"fout": await self._andere_kaart(prompt.context, t)}
            return False
        _, fout = valideer_samenvatting(_tekst_van(waarde))
        if fout is not None:
            prompt.context.turn_state[RETRY_WAARDEN] = {"fout": foutmelding(t, fout)}
        return fout is None

    async def _andere_kaart(self, context: TurnContext, t: Teksten) -> str:
        """For a click on an earlier signal's card: its reference when this user recorded it."""
        concept = cards.klik_concept(context, cards.SIGNAAL_CONCEPT)
        if concept is not None:
            signaal = await self._diensten.signalen.voor_concept(concept, context.activity.from_property.id)
            if signaal is not None:
                return t(messages.SIGNAAL_AL_VASTGELEGD, referentie=signaal.referentie)
        return t(messages.FOUT_ANDERE_KAART)


def _tekst_van(waarde: object) -> object:
    """The summary from the card's text field or from typed text."""
    if not isinstance(waarde, dict):
        return None
    return waarde.get("tekst") if "tekst" in waarde else waarde.get("samenvatting")
