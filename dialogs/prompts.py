"""Prompts that understand Teams: a click on an Adaptive Card button or the same answer typed.

SDK: ChoicePrompt and ConfirmPrompt read only activity.text, so a card submit (value, no text)
is re-prompted forever, and ConfirmPrompt's Dutch "ja" depends on the hash seed
(see tests/dialogs/test_prompts.py). KeuzePrompt reads both and matches typed text itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs.choices import Choice
from botbuilder.dialogs.prompts import Prompt, PromptOptions, PromptRecognizerResult
from rapidfuzz import fuzz, process

from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.tekst import normalise

JA = "ja"
NEE = "nee"
WEET_NIET = "weet_niet"
WAAROM = "waarom"

_TYPO_DREMPEL = 80.0
_KORTSTE_TYPO = 3


def ja_nee_choices(*, weet_niet: bool = False, waarom: bool = False) -> list[Choice]:
    """Ja / Nee (/ Weet niet / Waarom?) with the Dutch and English words people type for them."""
    keuzes = [
        Choice(JA, synonyms=["ja", "j", "jazeker", "jawel", "klopt", "zeker", "yes", "y", "yep", "correct"]),
        Choice(NEE, synonyms=["nee", "n", "neen", "nope", "no", "klopt niet", "niet"]),
    ]
    if weet_niet:
        keuzes.append(
            Choice(
                WEET_NIET,
                synonyms=["weet niet", "weet ik niet", "geen idee", "onbekend", "misschien", "twijfel",
                          "dont know", "don t know", "not sure", "unknown", "maybe"],
            )
        )
    if waarom:
        keuzes.append(
            Choice(WAAROM, synonyms=["waarom", "waarom vraag je dit", "waarom vraag je dat", "uitleg",
                                     "why", "why do you ask", "explain"])
        )
    return keuzes


def keuze_titels(t: Teksten, keuzes: Sequence[Choice]) -> list[tuple[str, str]]:
    """(value, button title in the user's language) for the standard choices."""
    titels = {JA: messages.JA, NEE: messages.NEE, WEET_NIET: messages.WEET_NIET, WAAROM: messages.WAAROM}
    return [(keuze.value, t(titels.get(keuze.value, keuze.value))) for keuze in keuzes]


def herken_keuze(tekst: str | None, waarde: object, keuzes: Sequence[Choice]) -> str | None:
    """The chosen value from a card click ({"keuze": v}) or typed text (word, synonym, number, typo)."""
    toegestaan = {keuze.value for keuze in keuzes}
    if isinstance(waarde, dict):
        gekozen = waarde.get(cards.KEUZE)
        # A forged or stale value is not an answer: the question is asked again.
        return gekozen if isinstance(gekozen, str) and gekozen in toegestaan else None
    antwoord = normalise(tekst or "")
    if not antwoord:
        return None
    if antwoord.isdigit() and 1 <= int(antwoord) <= len(keuzes):
        return keuzes[int(antwoord) - 1].value
    woorden = {normalise(s): keuze.value for keuze in keuzes for s in [keuze.value, *(keuze.synonyms or [])]}
    if antwoord in woorden:
        return woorden[antwoord]
    if len(antwoord) < _KORTSTE_TYPO:
        return None
    gevonden = process.extractOne(antwoord, list(woorden), scorer=fuzz.ratio, score_cutoff=_TYPO_DREMPEL)
    return woorden[gevonden[0]] if gevonden else None


class CardSubmitPrompt(Prompt):
    """Asks with a card form; answers with the submitted values (a dict) or, typed, {"tekst": ...}.

    The dialog's validator decides what is acceptable; a card's menu button ({"actie": ...}) never
    reaches it, because the root dialog takes menu clicks first.
    """

    async def on_prompt(
        self, turn_context: TurnContext, state: dict, options: PromptOptions, is_retry: bool
    ) -> None:
        """Send the form, or on a retry the retry text followed by the form again."""
        if is_retry and options.retry_prompt is not None:
            await turn_context.send_activity(options.retry_prompt)
        if options.prompt is not None:
            await turn_context.send_activity(options.prompt)

    async def on_recognize(
        self, turn_context: TurnContext, state: dict, options: PromptOptions
    ) -> PromptRecognizerResult:
        """Succeed with the card's values, or with the typed text under "tekst"."""
        result = PromptRecognizerResult()
        activity = turn_context.activity
        if isinstance(activity.value, dict):
            result.succeeded, result.value = True, dict(activity.value)
        elif activity.text and activity.text.strip():
            result.succeeded, result.value = True, {"tekst": activity.text.strip()}
        return result


class KeuzePrompt(CardSubmitPrompt):
    """Asks with the activity in options.prompt (a card) and answers with the chosen value."""

    async def on_recognize(
        self, turn_context: TurnContext, state: dict, options: PromptOptions
    ) -> PromptRecognizerResult:
        """Succeed with the value of the clicked or typed choice."""
        result = PromptRecognizerResult()
        activity = turn_context.activity
        gekozen = herken_keuze(activity.text, activity.value, options.choices or [])
        if gekozen is not None:
            result.succeeded = True
            result.value = gekozen
        return result


def keuze_options(t: Teksten, kop: str, vraag: str, keuzes: list[Choice]) -> PromptOptions:
    """PromptOptions for KeuzePrompt: the question card, a specific retry text, the choices."""
    titels = keuze_titels(t, keuzes)
    namen = [titel for _, titel in titels]
    opties = ", ".join(namen[:-1]) + f" {t(messages.OF)} {namen[-1]}" if len(namen) > 1 else namen[0]
    return PromptOptions(
        prompt=cards.as_activity(cards.vraag_card(kop, vraag, titels)),
        retry_prompt=MessageFactory.text(t(messages.KIES_OPNIEUW, opties=opties)),
        choices=keuzes,
    )
