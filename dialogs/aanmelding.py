"""Aanmelding: the form, checked field by field, reviewed, and stored only on Bevestigen.

Turns: "aanmelden" (or the button on a check's outcome, pre-filled with its gemeente and answers)
-> the form card -> its submit: what is wrong gets one message and the card again with what was
entered; all right -> the summary card -> Bevestigen -> one transaction in the store, the reference
and what happens next. Typed instead of clicked, the form becomes one question per field
(typed fallback). "wijzig geboortejaar" or Wijzigen on the summary changes a field; annuleren at
any point stores nothing. The concept lives in dialog state only, so a restart resumes it.

```mermaid
stateDiagram-v2
    [*] --> vraag: options.vooraf (gemeente, criteria answers)
    vraag --> verwerk: formulier card / one field / samenvatting
    verwerk --> vraag: replace_dialog(concept + answers); errors -> card again
    verwerk --> bevestigd: Bevestigen -> store.bevestig (idempotent by concept_id)
    verwerk --> vraag: store failed -> "niets bewaard", samenvatting again
    bevestigd --> [*]: end_dialog({"referentie"})
```
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import PromptValidatorContext
from rapidfuzz import fuzz, process

from dialogs import cards, messages
from dialogs.i18n import EN, TALEN, Teksten, teksten_voor
from dialogs.opslag import Diensten
from dialogs.prompts import JA, NEE, RETRY_WAARDEN, CardSubmitPrompt, formulier_options, herken_keuze
from knowledge import aanmelding as veld
from knowledge.aanmelding import Formulierkennis, Invoerfout, Keuze, Melder, ontbrekende_velden, valideer_veld
from knowledge.criteria import Criteriaset, evaluate, volgende_vraag
from knowledge.regios import Regios
from knowledge.tekst import normalise

log = logging.getLogger(__name__)

AANMELDING = "AanmeldingDialog"
VOORAF = "vooraf"
_WATERFALL = f"{AANMELDING}.waterfall"
_FORMULIER = f"{AANMELDING}.formulier"
_VELD = f"{AANMELDING}.veld"
_SAMENVATTING = f"{AANMELDING}.samenvatting"
# The prompts where the user describes the case in their own words (see InterruptibleDialog).
VRIJE_TEKST = (_FORMULIER, _VELD)
# Dialog options and step values (plain JSON: state is stored as a document).
_ID = "concept_id"
_CONCEPT = "concept"
_INVOER = "invoer"
_MODUS = "modus"
_BEWERKEN = "bewerken"
_CRITERIA = "criteria_uitkomst"
_STAP = "stap"
_KAART = "kaart"
_GETYPT = "getypt"
_BEVESTIGEN = "bevestigen"
_WIJZIGEN = "wijzigen"
_WIJZIG_VELD = "wijzig:"
_STAAT = (_ID, _CONCEPT, _INVOER, _MODUS, _BEWERKEN, _CRITERIA)

_BEVESTIG_WOORDEN = (
    "bevestigen", "bevestig", "ja", "akkoord", "klopt", "opslaan", "versturen", "confirm", "ok", "yes", "send",
)
_WIJZIG_WOORDEN = ("wijzig", "wijzigen", "aanpassen", "pas", "verander", "change", "edit", "correct")
# Words for the fields in "wijzig <veld>"; the fields' labels in both languages count too.
_VELD_NAMEN = {
    **{naam.replace("_", " "): naam for naam in veld.VELDEN},
    "telefoonnummer": veld.TELEFOON, "nummer": veld.TELEFOON, "jaar": veld.GEBOORTEJAAR,
    "gezin": veld.GEZIN_MET_KINDEREN,
    "kinderen": veld.GEZIN_MET_KINDEREN, "zrm": veld.LEEFGEBIEDEN, "leefgebied": veld.LEEFGEBIEDEN,
    "reden": veld.REDEN_NIET_GEINFORMEERD, "geinformeerd": veld.GEINFORMEERD, "informeren": veld.GEINFORMEERD,
    "partner": veld.PARTNERS, "situatie": veld.SITUATIE, "stagnatie": veld.STAGNATIE, "vastlopen": veld.STAGNATIE,
    "organisatie": veld.ORGANISATIE, "initialen": veld.INITIALEN, "urgent": veld.URGENTIE,
    "organisation": veld.ORGANISATIE, "phone": veld.TELEFOON, "phone number": veld.TELEFOON,
    "municipality": veld.GEMEENTE, "target group": veld.DOELGROEP, "initials": veld.INITIALEN,
    "birth year": veld.GEBOORTEJAAR, "year of birth": veld.GEBOORTEJAAR, "year": veld.GEBOORTEJAAR,
    "family": veld.GEZIN_MET_KINDEREN, "children": veld.GEZIN_MET_KINDEREN, "life domains": veld.LEEFGEBIEDEN,
    "situation": veld.SITUATIE, "stagnation": veld.STAGNATIE, "informed": veld.GEINFORMEERD,
    "reason": veld.REDEN_NIET_GEINFORMEERD, "urgency": veld.URGENTIE,
    **{normalise(Teksten(taal)(cards.VELD_LABELS[naam])): naam for naam in veld.VELDEN for taal in TALEN},
}
_VRAGEN = {
    veld.ORGANISATIE: messages.VRAAG_ORGANISATIE,
    veld.TELEFOON: messages.VRAAG_TELEFOON,
    veld.GEMEENTE: messages.VRAAG_GEMEENTE,
    veld.DOELGROEP: messages.VRAAG_DOELGROEP,
    veld.INITIALEN: messages.VRAAG_INITIALEN,
    veld.GEBOORTEJAAR: messages.VRAAG_GEBOORTEJAAR,
    veld.GEZIN_MET_KINDEREN: messages.VRAAG_GEZIN,
    veld.LEEFGEBIEDEN: messages.VRAAG_LEEFGEBIEDEN,
    veld.SITUATIE: messages.VRAAG_SITUATIE,
    veld.PARTNERS: messages.VRAAG_PARTNERS,
    veld.STAGNATIE: messages.VRAAG_STAGNATIE,
    veld.GEINFORMEERD: messages.VRAAG_GEINFORMEERD,
    veld.REDEN_NIET_GEINFORMEERD: messages.VRAAG_REDEN,
    veld.URGENTIE: messages.VRAAG_URGENTIE,
}
# Invoerfout.soort -> message; ONGELDIG and ONBEKEND depend on the field.
_FOUTEN = {
    veld.LEEG: messages.FOUT_LEEG,
    veld.TE_LANG: messages.FOUT_TE_LANG,
    veld.BSN: messages.FOUT_BSN,
    veld.EMAIL: messages.FOUT_EMAIL,
    veld.TELEFOONNUMMER: messages.FOUT_TELEFOONNUMMER,
    veld.GEEN_INITIALEN: messages.FOUT_GEEN_INITIALEN,
}
_ONGELDIG = {
    veld.TELEFOON: messages.FOUT_ONGELDIG_TELEFOON,
    veld.GEBOORTEJAAR: messages.FOUT_ONGELDIG_JAAR,
    veld.INITIALEN: messages.FOUT_ONGELDIG_INITIALEN,
    veld.GEZIN_MET_KINDEREN: messages.FOUT_ONGELDIG_JA_NEE,
    veld.GEINFORMEERD: messages.FOUT_ONGELDIG_JA_NEE,
    veld.LEEFGEBIEDEN: messages.FOUT_ONGELDIG_LEEFGEBIEDEN,
}
_ONBEKEND = {
    veld.GEMEENTE: messages.FOUT_GEMEENTE,
    veld.LEEFGEBIEDEN: messages.FOUT_LEEFGEBIED_ONBEKEND,
}
_JA_NEE_VELDEN = (veld.GEZIN_MET_KINDEREN, veld.GEINFORMEERD)
_PRIVACY_FOUTEN = (veld.BSN, veld.EMAIL, veld.TELEFOONNUMMER)


def foutmelding(t: Teksten, fout: Invoerfout) -> str:
    """What is wrong with a field, in the user's language, naming the field."""
    if fout.soort == veld.ONGELDIG:
        bericht = _ONGELDIG.get(fout.veld, messages.FOUT_LEEG)
    elif fout.soort == veld.ONBEKEND:
        bericht = _ONBEKEND.get(fout.veld, messages.FOUT_KEUZE)
    elif fout.soort == veld.BUITEN_BEREIK:
        bericht = messages.FOUT_ZRM if fout.veld == veld.LEEFGEBIEDEN else messages.FOUT_GEBOORTEJAAR
    else:
        bericht = _FOUTEN.get(fout.soort, messages.FOUT_LEEG)
    waarden = {"genoemd": "…", "lijst": "", "min": "", "max": "", "leefgebied": "", **fout.waarden}
    if "genoemd" in fout.waarden:
        waarden["genoemd"] = cards.letterlijk(str(fout.waarden["genoemd"]), 60)  # typed by the user
    return t(bericht, veld=t(cards.VELD_LABELS[fout.veld]), **waarden)


class AanmeldingDialog(ComponentDialog):
    """Fills in, checks and confirms one aanmelding; ends with {"referentie": ...} or nothing stored."""

    def __init__(
        self, formulier: Formulierkennis, regios: Regios, criteria: Criteriaset, diensten: Diensten
    ) -> None:
        super().__init__(AANMELDING)
        self._fk = formulier
        self._regios = regios
        self._criteria = criteria
        self._diensten = diensten
        self.add_dialog(CardSubmitPrompt(_FORMULIER, self._is_dit_formulier))
        self.add_dialog(CardSubmitPrompt(_VELD, self._veld_geldig))
        self.add_dialog(CardSubmitPrompt(_SAMENVATTING, self._samenvatting_keuze))
        self.add_dialog(WaterfallDialog(_WATERFALL, [self.ask_step, self.handle_step]))
        self.initial_dialog_id = _WATERFALL

    # --- the two steps ---------------------------------------------------------------------------

    async def ask_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask what is next: the form card, one missing field (typed), or the summary to confirm."""
        staat = self._staat(step)
        t = teksten_voor(step.context)
        concept: dict[str, Any] = staat[_CONCEPT]
        ontbreekt = ontbrekende_velden(concept)
        if staat[_BEWERKEN] or (ontbreekt and staat[_MODUS] == _KAART):
            step.values[_STAP] = _FORMULIER
            card = cards.aanmelding_card(t, self._fk, {**concept, **staat[_INVOER]}, _FORMULIER, staat[_ID])
            options = formulier_options(card, t(messages.FOUT_ANDERE_KAART), vraag_id=staat[_ID])
            return await step.prompt(_FORMULIER, options)
        if ontbreekt:
            naam = ontbreekt[0]
            step.values[_STAP] = naam
            return await step.prompt(_VELD, self._veld_options(t, naam, concept, staat[_ID]))
        step.values[_STAP] = _SAMENVATTING
        huis = self._regios.per_code(concept[veld.GEMEENTE]["huis"])
        # Each version of the summary has its own id: Bevestigen on an older one (showing other
        # values) must not confirm what the user did not see.
        versie = hashlib.sha256(json.dumps(concept, sort_keys=True).encode()).hexdigest()[:12]
        vraag_id = f"{staat[_ID]}.{versie}"
        card = cards.samenvatting_card(t, self._fk, concept, vraag_id, huis, concept_id=staat[_ID])
        options = formulier_options(card, "{uitleg}", vraag_id=vraag_id, formulier_id=staat[_ID])
        return await step.prompt(_SAMENVATTING, options)

    async def handle_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Take in the answer: a whole form, one field, or the choice on the summary."""
        staat = {sleutel: step.values[sleutel] for sleutel in _STAAT}
        stap = step.values[_STAP]
        if stap == _FORMULIER:
            return await self._verwerk_formulier(step, staat, step.result)
        if stap == _SAMENVATTING:
            return await self._verwerk_keuze(step, staat, step.result)
        waarde, _ = self._lees_veld(stap, step.result)
        concept = {**staat[_CONCEPT], stap: waarde}
        if stap == veld.GEINFORMEERD and waarde is True:
            concept.pop(veld.REDEN_NIET_GEINFORMEERD, None)
        return await step.replace_dialog(_WATERFALL, {**staat, _CONCEPT: concept})

    # --- what the steps do -----------------------------------------------------------------------

    def _staat(self, step: WaterfallStepContext) -> dict[str, Any]:
        """The concept so far (from options across replace_dialog), started afresh on the first turn."""
        opties = step.options if isinstance(step.options, dict) else {}
        if _ID not in opties:
            opties = self._begin(opties.get(VOORAF))
        staat = {sleutel: opties[sleutel] for sleutel in _STAAT}
        step.values.update(staat)
        return staat

    def _begin(self, vooraf: object) -> dict[str, Any]:
        """A new concept, pre-filled from a criteria check's outcome (gemeente and answers)."""
        vooraf = vooraf if isinstance(vooraf, dict) else {}
        concept: dict[str, Any] = {}
        gemeente, fout = valideer_veld(
            veld.GEMEENTE, vooraf.get("gemeente") or "", self._fk, self._regios, self._diensten.vandaag()
        )
        if fout is None:
            concept[veld.GEMEENTE] = gemeente
        regio = concept[veld.GEMEENTE]["huis"] if veld.GEMEENTE in concept else None
        return {
            _ID: uuid.uuid4().hex,
            _CONCEPT: concept,
            _INVOER: {},
            _MODUS: _KAART,
            _BEWERKEN: False,
            _CRITERIA: self._criteria_uitkomst(vooraf.get("antwoorden"), regio),
        }

    def _criteria_uitkomst(self, antwoorden: object, regio: str | None) -> str | None:
        """The outcome of the check's answers under the gemeente's rule, computed here again: a
        card's data can be forged. None when the answers do not decide it."""
        if not isinstance(antwoorden, dict) or not antwoorden:
            return None
        criteria = self._criteria.voor_regio(regio)
        codes = {c.code for c in criteria.criteria}
        geldig = {k: v for k, v in antwoorden.items() if k in codes and v in ("ja", "nee", "weet_niet")}
        if not geldig or volgende_vraag(criteria, geldig, regio=regio) is not None:
            return None
        return evaluate(criteria, geldig, regio=regio).uitkomst

    async def _verwerk_formulier(
        self, step: WaterfallStepContext, staat: dict[str, Any], waarde: dict[str, Any]
    ) -> DialogTurnResult:
        """A submitted form: keep what is right, say what is wrong and show the card again; typed
        text instead of a submit switches to one question per field."""
        t = teksten_voor(step.context)
        if "tekst" in waarde:
            await step.context.send_activity(t(messages.AANMELDING_GETYPT))
            return await step.replace_dialog(_WATERFALL, {**staat, _MODUS: _GETYPT, _BEWERKEN: False})
        concept = dict(staat[_CONCEPT])
        invoer: dict[str, Any] = {}
        fouten: list[str] = []
        for naam in veld.VELDEN:
            ruw = _uit_formulier(naam, waarde)
            if naam == veld.REDEN_NIET_GEINFORMEERD and concept.get(veld.GEINFORMEERD) is not False:
                concept.pop(naam, None)  # only asked when the betrokkene was not informed
                continue
            goed, fout = self._valideer(naam, ruw)
            if fout is None:
                concept[naam] = goed
            else:
                concept.pop(naam, None)
                if fout.soort in _PRIVACY_FOUTEN:
                    # A BSN or contact detail is not kept, not even to show the field again.
                    fouten.append(f"{foutmelding(t, fout)} {t(messages.FOUT_NIET_BEWAARD)}")
                else:
                    invoer[naam] = ruw
                    fouten.append(foutmelding(t, fout))
        if fouten:
            regels = "\n".join(f"- {fout}" for fout in fouten)
            await step.context.send_activity(f"{t(messages.AANMELDING_FOUTEN)}\n\n{regels}")
        nieuw = {**staat, _CONCEPT: concept, _INVOER: invoer, _MODUS: _KAART, _BEWERKEN: bool(fouten)}
        return await step.replace_dialog(_WATERFALL, nieuw)

    async def _verwerk_keuze(self, step: WaterfallStepContext, staat: dict[str, Any], waarde: Any) -> DialogTurnResult:
        """Bevestigen stores it; Wijzigen shows the form again; 'wijzig X' asks field X again."""
        keuze = self._keuze_op_samenvatting(waarde)
        if keuze == _FORMULIER:
            # A changed value on the form card above, submitted again: take it as an edit.
            return await self._verwerk_formulier(step, staat, waarde)
        if keuze == _WIJZIGEN:
            return await step.replace_dialog(_WATERFALL, {**staat, _MODUS: _KAART, _BEWERKEN: True})
        if keuze and keuze.startswith(_WIJZIG_VELD):
            naam = keuze.removeprefix(_WIJZIG_VELD)
            concept = {k: v for k, v in staat[_CONCEPT].items() if k != naam}
            if naam == veld.GEINFORMEERD:
                concept.pop(veld.REDEN_NIET_GEINFORMEERD, None)
            return await step.replace_dialog(_WATERFALL, {**staat, _CONCEPT: concept, _MODUS: _GETYPT})
        if keuze == _BEVESTIGEN:
            return await self._bevestig(step, staat)
        return await step.replace_dialog(_WATERFALL, staat)

    async def _bevestig(self, step: WaterfallStepContext, staat: dict[str, Any]) -> DialogTurnResult:
        """Store the aanmelding; if the store fails, nothing is stored and the summary comes back."""
        context = step.context
        t = teksten_voor(context)
        concept = staat[_CONCEPT]
        gebruiker = context.activity.from_property
        melder = Melder(
            teams_id=gebruiker.id, naam=(gebruiker.name or "")[:100],
            organisatie=concept[veld.ORGANISATIE], telefoon=concept[veld.TELEFOON],
        )
        adres = TurnContext.get_conversation_reference(context.activity).serialize()
        adres["locale"] = t.taal  # status messages later come in the language of this conversation
        try:
            aanmelding = await self._diensten.aanmeldingen.bevestig(
                staat[_ID], concept, melder, adres, staat[_CRITERIA]
            )
        except Exception as fout:  # noqa: BLE001 - any store failure: keep the concept, say so
            # Only the type: a database error's text can hold the statement's parameters.
            log.error("storing an aanmelding failed: %s", type(fout).__name__)
            await context.send_activity(t(messages.OPSLAAN_MISLUKT))
            return await step.replace_dialog(_WATERFALL, staat)
        huis = self._regios.per_code(aanmelding.veiligheidshuis)
        await context.send_activity(cards.as_activity(cards.bevestigd_card(t, self._fk, aanmelding, huis)))
        return await step.end_dialog({"referentie": aanmelding.referentie})

    # --- reading answers -------------------------------------------------------------------------

    def _valideer(self, naam: str, ruw: object) -> tuple[Any, Invoerfout | None]:
        if ruw is None or (isinstance(ruw, str) and not ruw.strip()) or ruw == {}:
            return None, Invoerfout(naam, veld.LEEG)
        return valideer_veld(naam, ruw, self._fk, self._regios, self._diensten.vandaag())

    def _lees_veld(self, naam: str, waarde: dict[str, Any]) -> tuple[Any, Invoerfout | None]:
        """The value of one field from its card or from typed text (a number or a word for a choice)."""
        if "tekst" in waarde:
            ruw: object = waarde["tekst"]
            keuzes = self._keuzes(naam)
            if keuzes:
                namen = {k.code: [k.nl, k.en] for k in keuzes}
                ruw = herken_keuze(str(ruw), None, [k.code for k in keuzes], namen=namen) or ruw
            elif naam in _JA_NEE_VELDEN:
                ruw = herken_keuze(str(ruw), None, [JA, NEE]) or ruw
        else:
            ruw = _uit_formulier(naam, waarde)
        return self._valideer(naam, ruw)

    def _keuzes(self, naam: str) -> tuple[Keuze, ...]:
        return {veld.DOELGROEP: self._fk.doelgroepen, veld.URGENTIE: self._fk.urgenties}.get(naam, ())

    def _veld_options(self, t: Teksten, naam: str, concept: dict[str, Any], concept_id: str) -> Any:
        """The card for one field of the typed fallback, numbered among the fields still to come."""
        nodig = [n for n in veld.VELDEN if n in concept or n in ontbrekende_velden(concept)]
        kop = t(messages.AANMELDING_VELD_KOP, nummer=nodig.index(naam) + 1, aantal=len(nodig))
        lijst = ", ".join(k.en if t.taal == EN else k.nl for k in self._fk.leefgebieden)
        vraag = t(_VRAGEN[naam], lijst=lijst, max=cards.TEKST_MAX.get(naam, ""))
        keuzes: list[tuple[str, str]] = [(k.code, k.en if t.taal == EN else k.nl) for k in self._keuzes(naam)]
        if naam in _JA_NEE_VELDEN:
            keuzes = [(JA, t(messages.JA)), (NEE, t(messages.NEE))]
        card = cards.veld_card(t, _VELD, f"{concept_id}.{naam}", kop, vraag, naam, keuzes, fk=self._fk)
        return formulier_options(card, "{fout}", veld=naam, vraag_id=f"{concept_id}.{naam}")

    def _keuze_op_samenvatting(self, waarde: dict[str, Any]) -> str | None:
        """bevestigen / wijzigen / 'wijzig:<veld>' from a click or typed text, or _FORMULIER for the
        form card submitted again; None when unclear. The caller checks the click's question id."""
        if "tekst" not in waarde:
            if waarde.get(cards.FORMULIER) == _FORMULIER:
                return _FORMULIER
            gekozen = waarde.get(cards.KEUZE)
            return gekozen if gekozen in (_BEVESTIGEN, _WIJZIGEN) else None
        tekst = normalise(str(waarde["tekst"]))
        if tekst in _BEVESTIG_WOORDEN:
            return _BEVESTIGEN
        eerste, _, rest = tekst.partition(" ")
        if eerste not in _WIJZIG_WOORDEN:
            return None
        rest = rest.removeprefix("het ").removeprefix("de ").removesuffix(" aan").strip()
        if not rest:
            return _WIJZIGEN
        gevonden = process.extractOne(rest, list(_VELD_NAMEN), scorer=fuzz.WRatio, score_cutoff=80)
        return _WIJZIG_VELD + _VELD_NAMEN[gevonden[0]] if gevonden else _WIJZIGEN

    # --- validators: the specific message and the question again ----------------------------------

    async def _is_dit_formulier(self, prompt: PromptValidatorContext) -> bool:
        """Typed text, or a submit of this very form (not of an older card)."""
        if not prompt.recognized.succeeded:
            return False
        waarde = prompt.recognized.value
        vraag_id = prompt.options.validations["vraag_id"]
        return "tekst" in waarde or (waarde.get(cards.FORMULIER) == _FORMULIER and waarde.get(cards.VRAAG) == vraag_id)

    async def _veld_geldig(self, prompt: PromptValidatorContext) -> bool:
        """The field's value is right; otherwise the retry says exactly what is wrong."""
        plain = prompt.options.validations
        t = teksten_voor(prompt.context)
        waarde = prompt.recognized.value if prompt.recognized.succeeded else {}
        van_deze_kaart = waarde.get(cards.FORMULIER) == _VELD and waarde.get(cards.VRAAG) == plain["vraag_id"]
        if "tekst" not in waarde and not van_deze_kaart:
            prompt.context.turn_state[RETRY_WAARDEN] = {"fout": t(messages.FOUT_ANDERE_KAART)}
            return False
        _, fout = self._lees_veld(plain["veld"], waarde)
        if fout is not None:
            prompt.context.turn_state[RETRY_WAARDEN] = {"fout": foutmelding(t, fout)}
        return fout is None

    async def _samenvatting_keuze(self, prompt: PromptValidatorContext) -> bool:
        """A click on this summary's buttons, or typed 'bevestigen' / 'wijzig <veld>'."""
        t = teksten_voor(prompt.context)
        waarde = prompt.recognized.value if prompt.recognized.succeeded else {}
        keuze = self._keuze_op_samenvatting(waarde)
        plain = prompt.options.validations
        van_deze = waarde.get(cards.VRAAG) == (plain["formulier_id"] if keuze == _FORMULIER else plain["vraag_id"])
        if "tekst" not in waarde and not van_deze:
            keuze = None  # a click on an older card
        uitleg = t(messages.SAMENVATTING_KIES)
        if keuze == _WIJZIGEN and "tekst" in waarde:
            # Typed "wijzigen" without saying what: name the fields instead of guessing.
            namen = "; ".join(t(cards.VELD_LABELS[naam]) for naam in veld.VELDEN)
            uitleg, keuze = t(messages.SAMENVATTING_WELK_VELD, velden=namen), None
        prompt.context.turn_state[RETRY_WAARDEN] = {"uitleg": uitleg}
        return keuze is not None


def _uit_formulier(naam: str, waarde: dict[str, Any]) -> object:
    """A field's raw value from a card submit; the leefgebieden from their ZRM dropdowns."""
    if naam == veld.LEEFGEBIEDEN:
        return {
            sleutel.removeprefix(cards.ZRM_PREFIX): score
            for sleutel, score in waarde.items()
            if sleutel.startswith(cards.ZRM_PREFIX) and score not in ("", None)
        }
    return waarde.get(naam)
