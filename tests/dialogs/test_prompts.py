"""The shared prompts: KeuzePrompt (ja/nee/weet niet, clicks and typing) and CardSubmitPrompt
(card forms), driven through TestFlow; and why they exist instead of the SDK's prompts."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest
from botbuilder.core import ConversationState, MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogSet, DialogTurnStatus, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import PromptOptions
from botbuilder.schema import Activity, ActivityTypes

from dialogs import cards, messages, prompts
from dialogs.i18n import Teksten
from dialogs.prompts import (
    JA,
    NEE,
    WAAROM,
    WEET_NIET,
    CardSubmitPrompt,
    KeuzePrompt,
    formulier_options,
    herken_keuze,
    ja_nee_keuzes,
    keuze_options,
)

KEUZES = ja_nee_keuzes(weet_niet=True, waarom=True)


@pytest.mark.parametrize(
    ("tekst", "waarde", "verwacht"),
    [
        ("ja", None, JA), ("Ja!", None, JA), ("jazeker", None, JA), ("klopt", None, JA), ("yes", None, JA),
        ("jaa", None, JA), ("nee", None, NEE), ("Neen", None, NEE), ("no", None, NEE), ("neee", None, NEE),
        ("weet niet", None, WEET_NIET), ("weet ik niet", None, WEET_NIET), ("geen idee", None, WEET_NIET),
        ("don't know", None, WEET_NIET), ("weet nie", None, WEET_NIET),
        ("waarom", None, WAAROM), ("why?", None, WAAROM),
        ("ja hoor", None, JA), ("nee, niet echt", None, NEE), ("ja want ze is dakloos", None, JA),
        ("ik weet het niet", None, WEET_NIET), ("no idea", None, WEET_NIET),
        ("1", None, JA), ("2", None, NEE), ("3", None, WEET_NIET), ("4", None, WAAROM),
        (None, {"keuze": "nee", "vraag": "B"}, NEE), (None, {"keuze": "weet_niet", "vraag": "B"}, WEET_NIET),
        # not answers
        ("5", None, None), ("0", None, None), ("blauw", None, None), ("", None, None), (None, None, None),
        ("ja", {"keuze": "vervalst", "vraag": "B"}, None), (None, {"keuze": ["ja"], "vraag": "B"}, None),
        (None, {"anders": "ja"}, None), ("j" * 10_000, None, None), ("nee weet ik eigenlijk niet", None, None),
        ("1" * 5000, None, None), ("\U00010A40", None, None), ("٣٣٣", None, None),
        (None, {"keuze": "ja", "vraag": "A"}, None),  # a click on the card of an earlier question
        (None, {"keuze": "ja"}, None),  # a click that names no question
    ],
)
def test_herken_keuze(tekst, waarde, verwacht):
    assert herken_keuze(tekst, waarde, KEUZES, "B") == verwacht


def test_ja_is_ja_whatever_the_hash_seed():
    """SDK: ConfirmPrompt matches "ja" against a *set* of choices, so the answer depends on
    PYTHONHASHSEED (STYLE §3.1). Ours must not."""
    code = (
        "from dialogs.prompts import herken_keuze, ja_nee_keuzes;"
        "print(herken_keuze('ja', None, ja_nee_keuzes()), herken_keuze('nee', None, ja_nee_keuzes()))"
    )
    for seed in ("0", "1", "2", "3"):
        uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""})
        assert uit.stdout.split() == ["ja", "nee"], seed


def _flow(prompt, options: PromptOptions) -> tuple[TestAdapter, dict]:
    """A one-question waterfall around the prompt; the result lands in `uitkomst`."""
    uitkomst: dict = {}
    state = ConversationState(MemoryStorage())
    dialogs = DialogSet(state.create_property("DialogState"))
    dialogs.add(prompt)

    async def vraag(step: WaterfallStepContext):
        return await step.prompt(prompt.id, options)

    async def klaar(step: WaterfallStepContext):
        uitkomst["waarde"] = step.result
        return await step.end_dialog(step.result)

    dialogs.add(WaterfallDialog("vraag", [vraag, klaar]))

    async def logic(context: TurnContext):
        dc = await dialogs.create_context(context)
        result = await dc.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dc.begin_dialog("vraag")
        await state.save_changes(context)

    return TestAdapter(logic), uitkomst


def _click(value: dict) -> Activity:
    return Activity(type=ActivityTypes.message, value=value)


def _vraag() -> PromptOptions:
    return keuze_options(Teksten(), "Q1", "kop", "Vraag?", ja_nee_keuzes())


class TestKeuzePrompt:
    async def test_a_card_click_answers_the_question(self):
        """SDK: ChoicePrompt and ConfirmPrompt ignore a submit (value, no text) and re-prompt."""
        adapter, uitkomst = _flow(KeuzePrompt("k"), _vraag())
        flow = await adapter.send("start")
        flow = await flow.assert_reply(lambda a, _=None: cards.KEUZE in str(a.attachments[0].content))
        await adapter.receive_activity(_click({cards.KEUZE: "nee", cards.VRAAG: "Q1"}))
        assert uitkomst == {"waarde": "nee"}

    async def test_a_click_on_an_earlier_question_says_so_and_asks_again(self):
        adapter, uitkomst = _flow(KeuzePrompt("k"), _vraag())
        flow = await adapter.send("start")
        flow = await flow.assert_reply(lambda a, _=None: a.attachments)
        await adapter.receive_activity(_click({cards.KEUZE: "nee", cards.VRAAG: "Q0"}))
        assert uitkomst == {}
        assert adapter.activity_buffer[0].text == messages.VERLOPEN_KNOP
        assert adapter.activity_buffer[1].attachments[0].content["body"][1]["text"] == "Vraag?"

    async def test_options_in_the_dialog_state_are_plain_json(self):
        json.dumps(_vraag().validations)

    async def test_a_wrong_answer_gets_the_retry_text_and_the_question(self):
        adapter, uitkomst = _flow(KeuzePrompt("k"), _vraag())
        flow = await adapter.send("start")
        flow = await flow.assert_reply(lambda a, _=None: a.attachments)
        flow = await flow.send("paars")
        flow = await flow.assert_reply("Dat antwoord herken ik niet. Kies een van de knoppen of typ je antwoord "
                                       "(Ja of Nee).")
        flow = await flow.assert_reply(lambda a, _=None: a.attachments[0].content["body"][1]["text"] == "Vraag?")
        await flow.send("ja")
        assert uitkomst == {"waarde": "ja"}


class TestCardSubmitPrompt:
    async def test_submitted_values_come_back_as_a_dict(self):
        adapter, uitkomst = _flow(CardSubmitPrompt("f"), formulier_options({"type": "AdaptiveCard"}, "nog eens"))
        await adapter.receive_activity(Activity(type=ActivityTypes.message, text="start"))
        await adapter.receive_activity(_click({"gemeente": "Maastricht", "urgentie": "hoog"}))
        assert uitkomst == {"waarde": {"gemeente": "Maastricht", "urgentie": "hoog"}}

    async def test_typed_text_comes_back_under_tekst(self):
        adapter, uitkomst = _flow(CardSubmitPrompt("f"), formulier_options({"type": "AdaptiveCard"}, "nog eens"))
        await adapter.receive_activity(Activity(type=ActivityTypes.message, text="start"))
        await adapter.receive_activity(Activity(type=ActivityTypes.message, text="  Maastricht "))
        assert uitkomst == {"waarde": {"tekst": "Maastricht"}}

    async def test_the_card_is_kept_as_text_and_sent_as_a_card(self):
        # As text the card is one leaf for the state's every read, change check and write.
        card = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Vul in"}]}
        options = formulier_options(card, "x")
        adapter, _ = _flow(CardSubmitPrompt("f"), options)
        await adapter.receive_activity(Activity(type=ActivityTypes.message, text="start"))
        assert isinstance(options.validations["card"], str)  # the options the dialog state holds
        assert json.loads(options.validations["card"]) == card
        assert adapter.activity_buffer[-1].attachments[0].content == card

    async def test_a_retry_sends_the_card_read_back_from_the_state(self):
        adapter, uitkomst = _flow(KeuzePrompt("k"), _vraag())
        await adapter.receive_activity(Activity(type=ActivityTypes.message, text="start"))
        eerste = adapter.activity_buffer[-1].attachments[0].content
        await adapter.receive_activity(Activity(type=ActivityTypes.message, text="paars"))
        assert adapter.activity_buffer[-1].attachments[0].content == eerste
        assert eerste["body"] and uitkomst == {}

    async def test_only_the_card_begun_with_this_turn_is_sent_from_memory(self):
        # Another prompt began this turn with another card: a retry of this one sends its own card.
        adapter = TestAdapter()
        activity = copy.copy(adapter.template)
        activity.type, activity.text = ActivityTypes.message, "paars"
        context = TurnContext(adapter, activity)
        ander = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "ander"}]}
        context.turn_state[prompts._NIEUWE_KAART] = (json.dumps(ander), ander)
        eigen = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "eigen"}]}
        options = PromptOptions(validations={"card": json.dumps(eigen), "opnieuw": "nog eens"})
        await CardSubmitPrompt("f").on_prompt(context, {}, options, True)
        assert adapter.activity_buffer[-1].attachments[0].content == eigen

    async def test_a_card_stored_as_a_dict_before_an_update_is_still_sent(self):
        # A flow under way at the update that began keeping cards as text: its retry finds a dict.
        adapter = TestAdapter()
        activity = copy.copy(adapter.template)
        activity.type, activity.text = ActivityTypes.message, "paars"
        context = TurnContext(adapter, activity)
        options = PromptOptions(validations={"card": {"type": "AdaptiveCard", "body": []}, "opnieuw": "nog eens"})
        await CardSubmitPrompt("f").on_prompt(context, {}, options, True)
        assert adapter.activity_buffer[-1].attachments[0].content == {"type": "AdaptiveCard", "body": []}
        assert adapter.activity_buffer[-2].text == "nog eens"
