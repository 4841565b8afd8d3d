"""Which gemeente the betrokkene lives in: that decides the Veiligheidshuis and its contact.

One turn, typed or on a card ("Maastricht", "maastrich", "Sittard", "Schinnen" -> Beekdaelen),
with "weet ik niet" as a real answer. An unknown name gets a message with the Limburg gemeenten
and the question again. Ends with a plain dict: {"gemeente", "genoemd", "huis"} or {} when unknown.
"""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import PromptValidatorContext

from dialogs import cards, messages
from dialogs.i18n import teksten_voor
from dialogs.prompts import RETRY_WAARDEN, WEET_NIET_WOORDEN, CardSubmitPrompt, formulier_options
from knowledge.regios import GemeenteTreffer, Regios
from knowledge.tekst import normalise

GEMEENTE = "GemeenteDialog"
_WATERFALL = f"{GEMEENTE}.waterfall"
_PROMPT = f"{GEMEENTE}.formulier"
_OVERSLAAN = "overslaan"
VRAAG = "vraag"
_WEET_NIET = {*WEET_NIET_WOORDEN, "overslaan", "sla over", "skip"}


class GemeenteDialog(ComponentDialog):
    """Asks the gemeente and ends with where it belongs (or {} for 'weet ik niet')."""

    def __init__(self, regios: Regios) -> None:
        super().__init__(GEMEENTE)
        self._regios = regios
        self.add_dialog(CardSubmitPrompt(_PROMPT, self._herkend))
        self.add_dialog(WaterfallDialog(_WATERFALL, [self.ask_gemeente_step, self.end_step]))
        self.initial_dialog_id = _WATERFALL

    async def ask_gemeente_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask for the gemeente on a card with a text field and a 'weet ik niet' button
        (options {"vraag": text} puts the question in the caller's words)."""
        t = teksten_voor(step.context)
        vraag = (step.options or {}).get(VRAAG) or t(messages.GEMEENTE_VRAAG)
        # {genoemd} and {lijst} stay placeholders: the validator fills them in for a retry.
        opnieuw = t(messages.GEMEENTE_ONBEKEND, genoemd="{genoemd}", lijst="{lijst}")
        return await step.prompt(_PROMPT, formulier_options(cards.gemeente_card(t, GEMEENTE, vraag), opnieuw))

    async def end_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """End with the gemeente found, as a plain dict."""
        treffer = self._lees(step.result)
        return await step.end_dialog(als_dict(treffer) if isinstance(treffer, GemeenteTreffer) else {})

    def _lees(self, waarde: dict[str, Any]) -> GemeenteTreffer | str | None:
        """The gemeente meant, _OVERSLAAN for 'weet ik niet', or None when it is not a known name."""
        if waarde.get(_OVERSLAAN) is True and waarde.get(cards.FORMULIER) == GEMEENTE:
            return _OVERSLAAN
        tekst = waarde.get("tekst") if "tekst" in waarde else waarde.get("gemeente")
        if not isinstance(tekst, str) or not tekst.strip():
            return None
        if normalise(tekst).replace("?", "").strip() in _WEET_NIET:
            return _OVERSLAAN
        return self._regios.zoek_gemeente(tekst)

    async def _herkend(self, prompt: PromptValidatorContext) -> bool:
        if prompt.recognized.succeeded and self._lees(prompt.recognized.value) is not None:
            return True
        waarde = prompt.recognized.value if prompt.recognized.succeeded else {}
        genoemd = cards.letterlijk(str(waarde.get("tekst") or waarde.get("gemeente") or ""), 60) or "…"
        lijst = ", ".join(self._regios.alle_gemeenten())
        prompt.context.turn_state[RETRY_WAARDEN] = {"genoemd": genoemd, "lijst": lijst}
        return False


def als_dict(treffer: GemeenteTreffer) -> dict[str, Any]:
    """A gemeente found, as plain state: the current name, what the user typed, the house's code."""
    return {"gemeente": treffer.huidige_gemeente, "genoemd": treffer.gemeente, "huis": treffer.veiligheidshuis.code}
