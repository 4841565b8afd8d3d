"""Criteria check: the aanmeldcriteria one by one, then where the case belongs and why.

Turns: intro + the gemeente (it decides the Veiligheidshuis and whose rule applies: the landelijke
A en B en (C of D), or Maastricht-Heuvelland's wider rule with E and F; "weet ik niet" keeps the
landelijke) -> criterion A (card: Ja / Nee / Weet niet / Waarom?) -> the next criterion that can
still change the outcome (knowledge.criteria.volgende_vraag) -> ... -> the outcome card: uitkomst,
opschalingsniveau, criteria met / not met / unknown, next step, where to register, sources.
"Waarom?" explains the criterion and asks it again. At most 7 turns in every region.

```mermaid
stateDiagram-v2
    [*] --> gemeente: options = {}
    gemeente --> vraag: replace_dialog(gemeente)
    vraag --> bewaar: KeuzePrompt
    bewaar --> vraag: replace_dialog(antwoorden + 1)
    bewaar --> vraag: waarom (uitleg, zelfde vraag)
    vraag --> uitkomst: niets meer te vragen
    uitkomst --> [*]: end_dialog(beoordeling as dict)
```
"""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import PromptValidatorContext

from dialogs import cards, messages
from dialogs.gemeente import GEMEENTE, VRAAG, GemeenteDialog, als_dict
from dialogs.i18n import EN, teksten_voor
from dialogs.prompts import (
    RETRY_WAARDEN,
    WAAROM,
    CardSubmitPrompt,
    KeuzePrompt,
    formulier_options,
    herken_reeks,
    ja_nee_keuzes,
    keuze_options,
)
from knowledge.criteria import (
    AANMELDEN,
    WEET_NIET,
    Beoordeling,
    Criteriaset,
    Opschalingsniveau,
    evaluate,
    volgende_vraag,
)
from knowledge.regios import Regios

CRITERIA_CHECK = "CriteriaCheckDialog"
SNELLE_CHECK = "SnelleCheckDialog"
_SNEL_WATERFALL = f"{SNELLE_CHECK}.waterfall"
_FORMULIER = f"{SNELLE_CHECK}.formulier"
_WATERFALL = f"{CRITERIA_CHECK}.waterfall"
_KEUZE = f"{CRITERIA_CHECK}.keuze"
# Dialog options carry the answers so far across replace_dialog (plain dict: state is jsonpickled).
_ANTWOORDEN = "antwoorden"
_CODE = "code"
# In _CODE while the gemeente is being asked; _GEMEENTE holds it afterwards ({} for "weet ik niet").
_GEMEENTE_GEVRAAGD = "gemeente"
_GEMEENTE = "gemeente"


class _Uitkomst:
    """Showing the outcome, shared by the guided and the quick check: for 'aanmelden' the card
    names the Veiligheidshuis of the gemeente and how to reach it."""

    def __init__(self, criteria: Criteriaset, opschaling: tuple[Opschalingsniveau, ...], regios: Regios) -> None:
        self._criteria = criteria
        self._opschaling = opschaling
        self._regios = regios

    async def toon_uitkomst(
        self, step: WaterfallStepContext, antwoorden: dict[str, str], gemeente: dict[str, Any],
        regionaal: bool = True,
    ) -> DialogTurnResult:
        """Send the outcome card and end the dialog with the outcome as a plain dict; with
        `regionaal` the rule of the gemeente's Veiligheidshuis applies (Maastricht-Heuvelland's own)."""
        t = teksten_voor(step.context)
        regio = gemeente.get("huis") if regionaal else None
        criteria = self._criteria.voor_regio(regio)
        beoordeling = evaluate(criteria, antwoorden, niveaus=self._opschaling, regio=regio)
        huis = self._regios.per_code(gemeente["huis"]) if gemeente.get("huis") else None
        card = cards.uitkomst_card(t, criteria, beoordeling, self._opschaling, huis, gemeente, antwoorden)
        await step.context.send_activity(cards.as_activity(card))
        return await step.end_dialog({**_as_result(beoordeling, antwoorden), **gemeente})


class CriteriaCheckDialog(_Uitkomst, ComponentDialog):
    """Asks the criteria one by one (the gemeente too, when the case is for the Veiligheidshuis)
    and ends with the Beoordeling as a plain dict."""

    def __init__(self, criteria: Criteriaset, opschaling: tuple[Opschalingsniveau, ...], regios: Regios) -> None:
        ComponentDialog.__init__(self, CRITERIA_CHECK)
        _Uitkomst.__init__(self, criteria, opschaling, regios)
        self.add_dialog(GemeenteDialog(regios))
        self.add_dialog(KeuzePrompt(_KEUZE))
        self.add_dialog(WaterfallDialog(_WATERFALL, [self.ask_criterium_step, self.store_antwoord_step]))
        self.initial_dialog_id = _WATERFALL

    async def ask_criterium_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """First the gemeente (it decides the Veiligheidshuis and whose rule applies); then the next
        criterion that can still change the outcome; when none is left, the outcome."""
        opties = step.options or {}
        antwoorden: dict[str, str] = dict(opties.get(_ANTWOORDEN, {}))
        # A check begun before the gemeente was asked first goes on with the landelijke criteria.
        gemeente = opties.get(_GEMEENTE, {} if antwoorden else None)
        t = teksten_voor(step.context)
        step.values[_ANTWOORDEN] = antwoorden
        step.values[_GEMEENTE] = gemeente
        if gemeente is None:
            await step.context.send_activity(t(messages.CHECK_INTRO))
            step.values[_CODE] = _GEMEENTE_GEVRAAGD
            return await step.begin_dialog(GEMEENTE, {VRAAG: t(messages.CHECK_GEMEENTE_VRAAG)})
        regio = gemeente.get("huis")
        criteria = self._criteria.voor_regio(regio)
        criterium = volgende_vraag(criteria, antwoorden, regio=regio)
        if criterium is None:
            return await self.toon_uitkomst(step, antwoorden, gemeente)
        step.values[_CODE] = criterium.code
        kop = t(messages.CHECK_VRAAG_KOP, code=criterium.code, aantal=len(criteria.criteria))
        vraag = criterium.vraag_en if t.taal == EN else criterium.vraag_nl
        keuzes = ja_nee_keuzes(weet_niet=True, waarom=True)
        return await step.prompt(_KEUZE, keuze_options(t, criterium.code, kop, vraag, keuzes))

    async def store_antwoord_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Store the gemeente, or ja/nee/weet niet for the criterion, or explain it ("waarom?") and
        ask it again."""
        antwoorden: dict[str, str] = step.values[_ANTWOORDEN]
        gemeente: dict[str, Any] = step.values[_GEMEENTE]
        code: str = step.values[_CODE]
        if code == _GEMEENTE_GEVRAAGD:
            return await step.replace_dialog(_WATERFALL, {_ANTWOORDEN: {}, _GEMEENTE: step.result or {}})
        if step.result == WAAROM:
            t = teksten_voor(step.context)
            criterium = self._criteria.voor_regio(gemeente.get("huis")).criterium(code)
            uitleg = criterium.uitleg_en if t.taal == EN else criterium.uitleg_nl
            await step.context.send_activity(cards.as_activity(cards.adaptive_card([
                cards.title_block(t(messages.CHECK_UITLEG_KOP)),
                cards.text_block(uitleg),
                cards.bron_block(t, criterium.bron),
            ])))
        else:
            antwoorden = {**antwoorden, code: step.result}
        return await step.replace_dialog(_WATERFALL, {_ANTWOORDEN: antwoorden, _GEMEENTE: gemeente})


def _as_result(beoordeling: Beoordeling, antwoorden: dict[str, str]) -> dict[str, Any]:
    """The outcome as a plain dict, for a parent dialog (e.g. to pre-fill an aanmelding)."""
    return {
        "uitkomst": beoordeling.uitkomst,
        "niveau": beoordeling.niveau.niveau,
        "antwoorden": dict(antwoorden),
        "voldaan": list(beoordeling.voldaan),
        "niet_voldaan": list(beoordeling.niet_voldaan),
        "onbekend": list(beoordeling.onbekend),
    }


class SnelleCheckDialog(_Uitkomst, ComponentDialog):
    """The quick mode: one card with every criterion, answered in one go; then the outcome.

    Two turns: "snelle check" -> the card; its submit (or the four answers typed) -> the outcome.
    A submit with a criterion left open gets a message naming it and the card again. When the case
    is for the Veiligheidshuis and the card held no known gemeente, the gemeente is asked first.
    """

    def __init__(self, criteria: Criteriaset, opschaling: tuple[Opschalingsniveau, ...], regios: Regios) -> None:
        ComponentDialog.__init__(self, SNELLE_CHECK)
        _Uitkomst.__init__(self, criteria, opschaling, regios)
        self.add_dialog(CardSubmitPrompt(_FORMULIER, self._alles_beantwoord))
        self.add_dialog(GemeenteDialog(regios))
        self.add_dialog(
            WaterfallDialog(_SNEL_WATERFALL, [self.ask_alles_step, self.ask_gemeente_step, self.show_uitkomst_step])
        )
        self.initial_dialog_id = _SNEL_WATERFALL

    async def ask_alles_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Send the card with all criteria."""
        t = teksten_voor(step.context)
        card = cards.snelle_check_card(t, self._criteria, SNELLE_CHECK)
        # {criteria} stays a placeholder: the validator fills in which ones are still open.
        opnieuw = t(messages.SNEL_ONVOLLEDIG, criteria="{criteria}")
        return await step.prompt(_FORMULIER, formulier_options(card, opnieuw))

    async def ask_gemeente_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Keep the answers; ask the gemeente when the case is for the Veiligheidshuis and the card
        held none that is known (a typed one, or one not in Limburg, is asked again)."""
        antwoorden, _ = _zoals_gevraagd(self._criteria, self._antwoorden(step.result))
        step.values[_ANTWOORDEN] = antwoorden
        genoemd = step.result.get("gemeente")
        treffer = self._regios.zoek_gemeente(genoemd) if isinstance(genoemd, str) and genoemd.strip() else None
        if treffer is None and evaluate(self._criteria, antwoorden).uitkomst == AANMELDEN:
            return await step.begin_dialog(GEMEENTE)
        return await step.next(als_dict(treffer) if treffer else {})

    async def show_uitkomst_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Show the outcome, with the Veiligheidshuis of the gemeente when it is known."""
        # The quick card holds the landelijke criteria: it is decided by the landelijke rule.
        return await self.toon_uitkomst(step, step.values[_ANTWOORDEN], step.result or {}, regionaal=False)

    def _antwoorden(self, waarde: dict[str, Any]) -> dict[str, str]:
        """The answers of a submit, or of typed text ("ja, ja, nee, weet niet"); missing ones left out."""
        codes = [c.code for c in self._criteria.criteria]
        if "tekst" in waarde:
            tekst = waarde["tekst"]  # typed; a forged click may put anything here
            reeks = herken_reeks(tekst, ja_nee_keuzes(weet_niet=True), len(codes)) if isinstance(tekst, str) else None
            return dict(zip(codes, reeks, strict=False)) if reeks else {}
        if waarde.get(cards.FORMULIER) != SNELLE_CHECK:
            return {}  # a click on some other card is not this form
        keuzes = ja_nee_keuzes(weet_niet=True)
        return {code: waarde[code] for code in codes if waarde.get(code) in keuzes}

    async def _alles_beantwoord(self, prompt: PromptValidatorContext) -> bool:
        """Valid only when every criterion has an answer; otherwise the retry names the open ones."""
        antwoorden = self._antwoorden(prompt.recognized.value) if prompt.recognized.succeeded else {}
        # Only what the guided check would still ask: with A 'nee' or C 'ja', the rest is decided.
        _, open_codes = _zoals_gevraagd(self._criteria, antwoorden)
        prompt.context.turn_state[RETRY_WAARDEN] = {"criteria": ", ".join(open_codes)}
        return not open_codes


def _zoals_gevraagd(criteria: Criteriaset, antwoorden: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Walk the answers as the guided check asks them, stopping once the outcome is decided: the
    answers it would use, and the criteria it would still ask (an open one counts as 'weet niet'
    meanwhile, which decides nothing, so every criterion that may matter is listed)."""
    gevraagd: dict[str, str] = {}
    open_codes: list[str] = []
    while (criterium := volgende_vraag(criteria, gevraagd)) is not None:
        if criterium.code not in antwoorden:
            open_codes.append(criterium.code)
        gevraagd[criterium.code] = antwoorden.get(criterium.code, WEET_NIET)
    return gevraagd, open_codes
