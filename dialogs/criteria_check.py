"""Criteria check: the aanmeldcriteria one by one, then where the case belongs and why.

Turns: intro + criterion A (card: Ja / Nee / Weet niet / Waarom?) -> answer -> the next criterion
that is still undecided (knowledge.criteria.volgende_vraag skips what is decided) -> ... -> the
outcome card: uitkomst, opschalingsniveau, criteria met / not met / unknown, next step, sources.
"Waarom?" explains the criterion and asks it again.

```mermaid
stateDiagram-v2
    [*] --> vraag: options.antwoorden = {}
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

from dialogs import cards, messages
from dialogs.i18n import EN, Teksten, teksten_voor
from dialogs.prompts import WAAROM, KeuzePrompt, ja_nee_keuzes, keuze_options
from knowledge.criteria import (
    AANMELDEN,
    LOKAAL,
    Beoordeling,
    Criteriaset,
    Criterium,
    Opschalingsniveau,
    evaluate,
    volgende_vraag,
)

CRITERIA_CHECK = "CriteriaCheckDialog"
_WATERFALL = f"{CRITERIA_CHECK}.waterfall"
_KEUZE = f"{CRITERIA_CHECK}.keuze"
# Dialog options carry the answers so far across replace_dialog (plain dict: state is jsonpickled).
_ANTWOORDEN = "antwoorden"
_CODE = "code"
_UITKOMST_KOP = {
    AANMELDEN: messages.CHECK_UITKOMST_AANMELDEN,
    LOKAAL: messages.CHECK_UITKOMST_LOKAAL,
}


class CriteriaCheckDialog(ComponentDialog):
    """Asks the criteria of one Criteriaset and ends with the Beoordeling as a plain dict."""

    def __init__(self, criteria: Criteriaset, opschaling: tuple[Opschalingsniveau, ...]) -> None:
        super().__init__(CRITERIA_CHECK)
        self._criteria = criteria
        self._opschaling = opschaling
        self.add_dialog(KeuzePrompt(_KEUZE))
        self.add_dialog(WaterfallDialog(_WATERFALL, [self.ask_criterium_step, self.store_antwoord_step]))
        self.initial_dialog_id = _WATERFALL

    async def ask_criterium_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask the next undecided criterion; when none is left, show the outcome and end."""
        antwoorden: dict[str, str] = dict((step.options or {}).get(_ANTWOORDEN, {}))
        t = teksten_voor(step.context)
        if not antwoorden and not (step.options or {}).get(_CODE):
            await step.context.send_activity(t(messages.CHECK_INTRO))
        criterium = volgende_vraag(self._criteria, antwoorden)
        if criterium is None:
            beoordeling = evaluate(self._criteria, antwoorden, niveaus=self._opschaling)
            await step.context.send_activity(cards.as_activity(self._uitkomst_card(t, beoordeling)))
            return await step.end_dialog(_as_result(beoordeling, antwoorden))
        step.values[_ANTWOORDEN] = antwoorden
        step.values[_CODE] = criterium.code
        kop = t(messages.CHECK_VRAAG_KOP, code=criterium.code, aantal=len(self._criteria.criteria))
        vraag = criterium.vraag_en if t.taal == EN else criterium.vraag_nl
        keuzes = ja_nee_keuzes(weet_niet=True, waarom=True)
        return await step.prompt(_KEUZE, keuze_options(t, criterium.code, kop, vraag, keuzes))

    async def store_antwoord_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Store ja/nee/weet niet for the criterion, or explain it ("waarom?") and ask it again."""
        antwoorden: dict[str, str] = step.values[_ANTWOORDEN]
        code: str = step.values[_CODE]
        if step.result == WAAROM:
            t = teksten_voor(step.context)
            criterium = self._criterium(code)
            uitleg = criterium.uitleg_en if t.taal == EN else criterium.uitleg_nl
            await step.context.send_activity(cards.as_activity(cards.adaptive_card([
                cards.title_block(t(messages.CHECK_UITLEG_KOP)),
                cards.text_block(uitleg),
                cards.bron_block(t, criterium.bron),
            ])))
        else:
            antwoorden = {**antwoorden, code: step.result}
        return await step.replace_dialog(_WATERFALL, {_ANTWOORDEN: antwoorden, _CODE: code})

    def _criterium(self, code: str) -> Criterium:
        return next(c for c in self._criteria.criteria if c.code == code)

    def _namen(self, codes: tuple[str, ...], engels: bool) -> str:
        """'A (multiproblematiek …), B (…)' for the reasons lines."""
        criteria = (self._criterium(code) for code in codes)
        return "; ".join(f"{c.code} ({c.kort_en if engels else c.kort_nl})" for c in criteria)

    def _uitkomst_card(self, t: Teksten, beoordeling: Beoordeling) -> dict[str, Any]:
        """Outcome, level, the criteria met / not met / unknown, the next step, the reading and sources."""
        engels = t.taal == EN
        niveau = beoordeling.niveau
        redenen = [
            (messages.CHECK_VOLDAAN, beoordeling.voldaan),
            (messages.CHECK_NIET_VOLDAAN, beoordeling.niet_voldaan),
            (messages.CHECK_ONBEKEND, beoordeling.onbekend),
        ]
        acties = [cards.menu_button(t, t(messages.KNOP_NIEUWE_CHECK), "criteria_check")]
        if beoordeling.uitkomst == AANMELDEN:
            acties.insert(0, cards.menu_button(t, t(messages.KNOP_AANMELDEN), "aanmelden"))
        acties.append(cards.menu_button(t, t(messages.KNOP_MENU), "hulp"))
        return cards.adaptive_card(
            [
                cards.title_block(t(_UITKOMST_KOP.get(beoordeling.uitkomst, messages.CHECK_UITKOMST_UITZOEKEN))),
                cards.text_block(
                    t(messages.CHECK_NIVEAU, niveau=niveau.niveau, naam=niveau.naam_en if engels else niveau.naam_nl),
                    weight="Bolder",
                ),
                *(
                    cards.text_block(t(kop, criteria=self._namen(codes, engels)))
                    for kop, codes in redenen
                    if codes
                ),
                cards.text_block(t(messages.CHECK_VERVOLGSTAP), weight="Bolder"),
                cards.text_block(beoordeling.vervolgstap_en if engels else beoordeling.vervolgstap_nl),
                cards.text_block(t(messages.CHECK_LEZING), weight="Bolder", size="Small"),
                cards.text_block(self._criteria.regel_en if engels else self._criteria.regel_nl, size="Small"),
                cards.bron_block(t, "; ".join(beoordeling.bronnen), kop=messages.CHECK_BRONNEN),
            ],
            acties,
        )


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
