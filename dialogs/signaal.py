"""Signaal melden: where a signal of radicalisering, polarisatie, verward gedrag or huiselijk
geweld goes, safety first.

Turns: "is er nu direct gevaar?" (ja -> the 112 card, then on) -> which kind of signal (skipped
when the message already said it; asked among the candidates when it was ambiguous) -> the
gemeente -> the meldpunten card: who, how to reach them, what happens next, what to prepare.

```mermaid
stateDiagram-v2
    [*] --> gevaar: options.soorten
    gevaar --> soort: nee / ja (112 card first)
    soort --> gemeente: one kind known
    gemeente --> meldpunten
    meldpunten --> [*]
```
"""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import PromptValidatorContext

from dialogs import cards, messages
from dialogs.gemeente import GEMEENTE, VRAAG, GemeenteDialog
from dialogs.i18n import EN, teksten_voor
from dialogs.prompts import JA, KeuzePrompt, ja_nee_keuzes, keuze_options
from knowledge.meldpunten import Meldpunten, herken_soort
from knowledge.regios import Regios
from knowledge.veiligheid import Acuutlijst

SIGNAAL = "SignaalDialog"
_WATERFALL = f"{SIGNAAL}.waterfall"
_KEUZE = f"{SIGNAAL}.keuze"
# Keys of the dialog options and values (plain data: state is jsonpickled).
SOORTEN = "soorten"
_SOORT = "soort"
_VRAAG_GEVAAR = "gevaar"
_VRAAG_SOORT = "soort"


class SignaalDialog(ComponentDialog):
    """Routes one signal to its meldpunten; ends with {"soort", "gemeente", "huis"}."""

    def __init__(self, meldpunten: Meldpunten, regios: Regios, acuut: Acuutlijst) -> None:
        super().__init__(SIGNAAL)
        self._meldpunten = meldpunten
        self._acuut = acuut
        self.add_dialog(KeuzePrompt(_KEUZE, self._of_een_soort_in_woorden))
        self.add_dialog(GemeenteDialog(regios))
        self._regios = regios
        self.add_dialog(
            WaterfallDialog(
                _WATERFALL,
                [self.ask_gevaar_step, self.ask_soort_step, self.ask_gemeente_step, self.show_meldpunten_step],
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
        passend = [code for code in herken_soort(tekst, self._meldpunten) if code in vraag["keuzes"]]
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
        """The kind explained and its meldpunten for this region, national ones after them."""
        gemeente: dict[str, Any] = step.result or {}
        soort = self._meldpunten.soort(step.values[_SOORT])
        huis = self._regios.per_code(gemeente["huis"]) if gemeente.get("huis") else None
        meldpunten = self._meldpunten.voor(soort.code, huis.code if huis else None)
        card = cards.meldpunten_card(teksten_voor(step.context), soort, meldpunten, huis, gemeente)
        await step.context.send_activity(cards.as_activity(card))
        return await step.end_dialog({"soort": soort.code, **gemeente})
