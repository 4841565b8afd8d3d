"""Prompts that understand Teams: a click on an Adaptive Card button or the same answer typed.

SDK: ChoicePrompt and ConfirmPrompt read only activity.text, so a card submit (value, no text)
is re-prompted forever, and ConfirmPrompt's Dutch "ja" depends on the hash seed
(see tests/dialogs/test_prompts.py). These prompts read both and match typed text themselves.

Their options are plain data in PromptOptions.validations (the card, the retry text, the allowed
values), because the SDK stores the options in the dialog state (STYLE §3.7). The card is kept
there as JSON text: the state is read, compared and written every turn, and walking the aanmelding
form's few hundred dicts was a third of that turn's CPU; a text is one leaf. The prompt turns the
card into text when it begins, and sends the card itself that turn, not the text read back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import DialogContext, DialogTurnResult
from botbuilder.dialogs.prompts import Prompt, PromptOptions, PromptRecognizerResult
from rapidfuzz import fuzz, process

from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.tekst import normalise

JA = "ja"
NEE = "nee"
WEET_NIET = "weet_niet"
WAAROM = "waarom"

# "I don't know", the way people type it; also the way out of a question such as the gemeente.
WEET_NIET_WOORDEN = (
    "weet niet", "weet ik niet", "ik weet het niet", "weet het niet", "geen idee", "onbekend", "misschien",
    "twijfel", "dont know", "don t know", "i don t know", "not sure", "unknown", "maybe", "no idea",
)
_SYNONIEMEN = {
    JA: ("ja", "j", "jazeker", "jawel", "klopt", "zeker", "yes", "y", "yep", "correct"),
    NEE: ("nee", "n", "neen", "nope", "no", "klopt niet", "niet"),
    WEET_NIET: WEET_NIET_WOORDEN,
    WAAROM: ("waarom", "waarom vraag je dit", "waarom vraag je dat", "uitleg", "why", "why do you ask", "explain"),
}
_TITELS = {JA: messages.JA, NEE: messages.NEE, WEET_NIET: messages.WEET_NIET, WAAROM: messages.WAAROM}
_TYPO_DREMPEL = 80.0
_KORTSTE_TYPO = 3
# Set during recognition when a click answered an earlier question, so the retry can say so.
_VERLOPEN_KLIK = "zvh.verlopen_klik"
# A validator can put {placeholder: value} here to make the retry text say what exactly was wrong.
RETRY_WAARDEN = "zvh.retry_waarden"
# (text, card) of the card a prompt began with this turn: sent as it is, not parsed back from its text.
_NIEUWE_KAART = "zvh.nieuwe_kaart"


def ja_nee_keuzes(*, weet_niet: bool = False, waarom: bool = False) -> list[str]:
    """Ja / Nee (/ Weet niet / Waarom?) as the values a KeuzePrompt accepts."""
    return [JA, NEE, *([WEET_NIET] if weet_niet else []), *([WAAROM] if waarom else [])]


def herken_keuze(
    tekst: str | None,
    waarde: object,
    keuzes: Sequence[str],
    vraag_id: str | None = None,
    namen: dict[str, list[str]] | None = None,
) -> str | None:
    """The chosen value from a card click ({"keuze": v, "vraag": id}) or from typed text
    (the word, a Dutch or English synonym, the button's number, or a small typo)."""
    if isinstance(waarde, dict):
        gekozen = waarde.get(cards.KEUZE)
        # A forged value, or a click on the card of an earlier question, is not an answer.
        if not isinstance(gekozen, str) or gekozen not in keuzes or _is_verlopen(waarde, vraag_id):
            return None
        return gekozen
    antwoord = normalise(tekst or "")
    if not antwoord:
        return None
    if antwoord.isdecimal() and len(antwoord) <= 2 and 1 <= int(antwoord) <= len(keuzes):
        return keuzes[int(antwoord) - 1]
    extra = namen or {}
    woorden = {
        normalise(s): keuze for keuze in keuzes for s in (keuze, *_SYNONIEMEN.get(keuze, ()), *extra.get(keuze, ()))
    }
    if antwoord in woorden:
        return woorden[antwoord]
    eerste, _, rest = antwoord.partition(" ")
    if rest and eerste in woorden and woorden[eerste] in (JA, NEE) and not _twijfelt(rest):
        return woorden[eerste]  # "ja hoor", "nee, niet echt", "ja want ze is dakloos"
    if len(antwoord) < _KORTSTE_TYPO:
        return None
    gevonden = process.extractOne(antwoord, list(woorden), scorer=fuzz.ratio, score_cutoff=_TYPO_DREMPEL)
    return woorden[gevonden[0]] if gevonden else None


def herken_reeks(tekst: str, keuzes: Sequence[str], aantal: int) -> list[str] | None:
    """'ja, ja, nee, weet niet' (or 'ja ja nee weet niet') -> ['ja', 'ja', 'nee', 'weet_niet'] when
    every part is an answer and there are at most `aantal` of them (the caller decides whether
    fewer are enough)."""
    delen = [deel for deel in re.split(r"[,;/\n]+", tekst) if deel.strip()]
    if len(delen) == 1:
        # Without separators: words, with the two-word answers ("weet niet") kept together.
        delen = re.findall(r"weet\s+(?:ik\s+)?niet|don'?t\s+know|geen\s+idee|\S+", tekst, re.IGNORECASE)
    if not 0 < len(delen) <= aantal:
        return None
    antwoorden = [herken_keuze(deel, None, keuzes) for deel in delen]
    return None if None in antwoorden else [a for a in antwoorden if a is not None]


def _twijfelt(tekst: str) -> bool:
    return any(woord in tekst.split() for woord in ("weet", "know", "misschien", "maybe", "idee", "idea"))


def _is_verlopen(waarde: dict[str, Any], vraag_id: str | None) -> bool:
    return vraag_id is not None and waarde.get(cards.VRAAG) != vraag_id


def _plain(options: PromptOptions) -> dict[str, Any]:
    return options.validations if isinstance(options.validations, dict) else {}


class CardSubmitPrompt(Prompt):
    """Asks with a card form; answers with the submitted values (a dict) or, typed, {"tekst": ...}.

    Options: formulier_options(card, retry text). The dialog's validator decides what is
    acceptable; a menu button ({"actie": ...}) never reaches it, the root dialog takes it first.
    """

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        plain = _plain(options) if isinstance(options, PromptOptions) else {}
        kaart = plain.get("card")
        if isinstance(kaart, dict):
            plain["card"] = tekst = json.dumps(kaart)
            dialog_context.context.turn_state[_NIEUWE_KAART] = (tekst, kaart)
        return await super().begin_dialog(dialog_context, options)

    async def on_prompt(
        self, turn_context: TurnContext, state: dict, options: PromptOptions, is_retry: bool
    ) -> None:
        """Send the card, or on a retry the retry text followed by the card again."""
        plain = _plain(options)
        if is_retry:
            await turn_context.send_activity(MessageFactory.text(self._retry_text(turn_context, plain)))
        kaart = plain["card"]
        nieuw = turn_context.turn_state.get(_NIEUWE_KAART)
        if nieuw is not None and nieuw[0] is kaart:
            kaart = nieuw[1]
        elif isinstance(kaart, str):
            kaart = json.loads(kaart)
        # (A dict: a state saved before the card was kept as text, a flow under way at an update.)
        await turn_context.send_activity(cards.as_activity(kaart))

    def _retry_text(self, turn_context: TurnContext, plain: dict[str, Any]) -> str:
        waarden = turn_context.turn_state.get(RETRY_WAARDEN)
        return plain["opnieuw"].format(**waarden) if waarden else plain["opnieuw"]

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
    """Asks a question card with one button per choice and answers with the chosen value."""

    def _retry_text(self, turn_context: TurnContext, plain: dict[str, Any]) -> str:
        return plain["verlopen"] if turn_context.turn_state.get(_VERLOPEN_KLIK) else plain["opnieuw"]

    async def on_recognize(
        self, turn_context: TurnContext, state: dict, options: PromptOptions
    ) -> PromptRecognizerResult:
        """Succeed with the value of the clicked or typed choice of this question."""
        plain = _plain(options)
        result = PromptRecognizerResult()
        activity = turn_context.activity
        gekozen = herken_keuze(activity.text, activity.value, plain["keuzes"], plain["vraag_id"], plain.get("namen"))
        if gekozen is not None:
            result.succeeded, result.value = True, gekozen
        elif isinstance(activity.value, dict) and _is_verlopen(activity.value, plain["vraag_id"]):
            turn_context.turn_state[_VERLOPEN_KLIK] = True
        return result


def formulier_options(card: dict[str, Any], opnieuw: str, **extra: Any) -> PromptOptions:
    """PromptOptions for CardSubmitPrompt: the form card, the text for a second try, and any plain
    values the validator needs (such as the question's id)."""
    return PromptOptions(validations={"card": card, "opnieuw": opnieuw, **extra})


def keuze_options(
    t: Teksten, vraag_id: str, kop: str, vraag: str, keuzes: list[str], titels_van: dict[str, str] | None = None
) -> PromptOptions:
    """PromptOptions for KeuzePrompt: the question card, the retry texts, the allowed values.
    titels_van gives button titles (already in the user's language) for values other than ja/nee."""
    titels_van = titels_van or {}
    titels = [(keuze, titels_van.get(keuze) or t(_TITELS.get(keuze, keuze))) for keuze in keuzes]
    namen = [titel for _, titel in titels]
    opties = ", ".join(namen[:-1]) + f" {t(messages.OF)} {namen[-1]}" if len(namen) > 1 else namen[0]
    return PromptOptions(
        validations={
            "card": cards.vraag_card(t, vraag_id, kop, vraag, titels),
            "opnieuw": t(messages.KIES_OPNIEUW, opties=opties),
            "verlopen": t(messages.VERLOPEN_KNOP),
            "keuzes": list(keuzes),
            "vraag_id": vraag_id,
            # A typed button title is an answer too ("Verward of onbegrepen gedrag").
            "namen": {keuze: [titel] for keuze, titel in titels},
        }
    )
