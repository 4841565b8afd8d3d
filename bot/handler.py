"""The Teams activity handler: welcome, mention handling in group chats, and running the dialogs."""

from __future__ import annotations

import logging
from copy import copy

from botbuilder.core import ActivityHandler, BotState, TurnContext
from botbuilder.dialogs import Dialog, DialogSet, DialogTurnStatus
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, DeliveryModes, ResourceResponse

from dialogs import cards, messages
from dialogs.base import is_gedeeld
from dialogs.i18n import teksten_voor

log = logging.getLogger(__name__)


class ZvhBot(ActivityHandler):
    """Runs the root dialog on per-user state and saves that state once at the end of each turn.

    A plain ActivityHandler, not TeamsActivityHandler: we use no Teams-only events, and the latter
    crashes on a conversationUpdate without channelData (tests/bot/test_messages_endpoint.py).
    """

    def __init__(self, dialog: Dialog, state: BotState) -> None:
        self._dialog_id = dialog.id
        self._state = state
        self._dialogs = DialogSet(state.create_property("DialogState"))
        self._dialogs.add(dialog)

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Run the turn with its replies held back until its state is saved: a turn that loses an
        e_tag race (another process wrote this user's state first) must not have answered already."""
        uitgesteld = _UitgesteldeAntwoorden(turn_context)
        try:
            await super().on_turn(turn_context)
            await self._state.save_changes(turn_context)
        except BaseException:
            uitgesteld.vergeet()  # the turn's replies are dropped; the apology goes out directly
            raise
        await uitgesteld.verstuur()

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        vermeldingen = _vermeldingen_van_bot(turn_context)
        if is_gedeeld(turn_context) and activity.value is None and not vermeldingen:
            # In a group chat or channel the bot answers only when @mentioned (card clicks excepted).
            return
        text = activity.text if isinstance(activity.text, str) else ""
        for vermelding in vermeldingen:
            text = text.replace(vermelding, " ")
        activity.text = " ".join(text.split())
        t = teksten_voor(turn_context)
        if not activity.text and activity.value is None:
            if vermeldingen:
                # Only "@ZVH-assistent": the user wants to know what the bot can do.
                await turn_context.send_activity(cards.as_activity(cards.hulp_card(t)))
            else:
                await turn_context.send_activity(t(messages.ALLEEN_TEKST))
            return
        await self._run_dialog(turn_context)

    async def _run_dialog(self, turn_context: TurnContext) -> None:
        """Continue the user's flow, or begin the root dialog when none runs.

        SDK: DialogExtensions.run_dialog also sends a "BotState" trace activity holding a snapshot
        of the dialog state on every turn; with expectReplies that snapshot is returned to the
        caller (see tests/bot/test_messages_endpoint.py::test_expect_replies_returns_the_replies).
        """
        dialog_context = await self._dialogs.create_context(turn_context)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dialog_context.begin_dialog(self._dialog_id)

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        gedeeld = is_gedeeld(turn_context)
        # In a personal chat greet when the bot or the user arrives; in a team or group chat only when
        # the bot itself is added, so that new colleagues joining a channel do not trigger a card.
        if any(m is not None and (m.id == bot_id or not gedeeld) for m in members_added):
            await turn_context.send_activity(cards.as_activity(cards.welkom_card(teksten_voor(turn_context))))


class _UitgesteldeAntwoorden:
    """Holds the replies of one turn (sent with context.send_activity/-ies) until verstuur().

    SDK: an on_send_activities handler cannot hold replies back: TurnContext._emit sends them after
    the handlers whatever they do, and CloudAdapter refuses an emptied list. So the context's
    send_activities is replaced for this turn (see tests/bot/test_messages_endpoint.py::
    test_a_turn_that_loses_the_etag_race_sends_only_the_notice).
    """

    def __init__(self, context: TurnContext) -> None:
        self._context = context
        self.antwoorden: list[Activity] = []
        context.send_activities = self._houd_vast  # type: ignore[method-assign]

    async def _houd_vast(self, activities: list[Activity]) -> list[ResourceResponse]:
        self.antwoorden.extend(activities)
        return [ResourceResponse() for _ in activities]

    def vergeet(self) -> None:
        del self._context.send_activities
        self.antwoorden.clear()

    async def verstuur(self) -> None:
        del self._context.send_activities
        if self.antwoorden:
            await _stuur(self._context, self.antwoorden)


async def _stuur(context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
    """TurnContext.send_activities, with a shallow copy of each activity where the SDK deep-copies it.

    SDK: the deepcopy keeps the caller's activity free of the conversation reference written into
    the copy; those are top-level fields, so a shallow copy does the same. The deepcopy of a card
    (hundreds of dicts and lists for the aanmelding form, never changed once sent) was about a
    twentieth of a turn. The rest is the SDK's method as it is in 4.17.1.
    """
    ref = TurnContext.get_conversation_reference(context.activity)
    uit = []
    for origineel in activities:
        activity = TurnContext.apply_conversation_reference(copy(origineel), ref)
        activity.type = activity.type or ActivityTypes.message
        activity.input_hint = activity.input_hint or "acceptingInput"
        activity.id = None
        uit.append(activity)
    niet_trace = any(a.type != ActivityTypes.trace for a in uit)

    async def logic() -> list[ResourceResponse]:
        if context.activity.delivery_mode == DeliveryModes.expect_replies:
            context.buffered_reply_activities.extend(uit)
            for activity in uit:
                if activity.type == ActivityTypes.invoke_response:
                    context.turn_state[TurnContext._INVOKE_RESPONSE_KEY] = activity
            antwoorden = [ResourceResponse() for _ in uit]
        else:
            antwoorden = await context.adapter.send_activities(context, uit)
        if niet_trace:
            context.responded = True
        return antwoorden

    return await context._emit(context._on_send_activities, uit, logic())


def _vermeldingen_van_bot(turn_context: TurnContext) -> list[str]:
    """The texts ("<at>ZVH-assistent</at>") of the mentions of this bot in the activity.

    SDK: TurnContext.remove_recipient_mention raises KeyError on a mention without "mentioned" and
    uses the bot's name as a regular expression (see tests/dialogs/test_root.py::TestGroepsgesprek).
    """
    activity = turn_context.activity
    bot_id = activity.recipient.id if activity.recipient else None
    teksten = []
    for entity in activity.entities or []:
        if str(getattr(entity, "type", "")).lower() != "mention":
            continue
        eigenschappen = entity.additional_properties or {}
        genoemd = eigenschappen.get("mentioned")
        if bot_id and isinstance(genoemd, dict) and genoemd.get("id") == bot_id:
            tekst = eigenschappen.get("text")
            teksten.append(tekst if isinstance(tekst, str) and tekst else f"<at>{genoemd.get('name', '')}</at>")
    return teksten
