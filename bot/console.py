"""`python -m bot chat`: the same bot and dialogs in a terminal, without HTTP or Teams.

Cards are printed as text with numbered buttons; typing a button's number clicks it, anything
else is sent as a message. The state lives in the same database as the server's.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TextIO

from botbuilder.core import BotAdapter, Middleware, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
)

from bot.adapter import TurnErrorHandler

_CHANNEL = "console"
_STOP_WORDS = ("exit", "quit", "/q")


class ConsoleAdapter(BotAdapter):
    """Runs turns from typed lines and prints what the bot sends, cards included."""

    def __init__(self, output: TextIO, on_turn_error: TurnErrorHandler, locale: str = "nl-NL") -> None:
        super().__init__(on_turn_error)
        self._output = output
        self._locale = locale
        self._knoppen: list[dict[str, Any]] = []
        self._conversation = ConversationAccount(id=f"console-{uuid.uuid4().hex[:8]}", conversation_type="personal")
        self._user = ChannelAccount(id="console-user", name="Console")
        self._bot = ChannelAccount(id="zvh-assistent", name="ZVH-assistent")

    def _activity(self, **velden: Any) -> Activity:
        return Activity(
            channel_id=_CHANNEL,
            conversation=self._conversation,
            from_property=self._user,
            recipient=self._bot,
            locale=self._locale,
            id=uuid.uuid4().hex,
            **velden,
        )

    async def start(self, logic: Callable[[TurnContext], Awaitable]) -> None:
        """The conversationUpdate Teams sends when the chat opens: the bot greets."""
        await self._run(self._activity(type=ActivityTypes.conversation_update, members_added=[self._user]), logic)

    async def say(self, line: str, logic: Callable[[TurnContext], Awaitable]) -> None:
        """Send a typed line, or the click of button N when the line is a number of the last card."""
        keuze = line.strip()
        if keuze.isdigit() and 1 <= int(keuze) <= len(self._knoppen):
            await self._run(self._activity(type=ActivityTypes.message, value=self._knoppen[int(keuze) - 1]), logic)
        else:
            await self._run(self._activity(type=ActivityTypes.message, text=line), logic)

    async def _run(self, activity: Activity, logic: Callable[[TurnContext], Awaitable]) -> None:
        self._knoppen = []
        await self.run_pipeline(TurnContext(self, activity), logic)

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        responses = []
        for activity in activities:
            if activity.type == ActivityTypes.message:
                self._print(activity)
            responses.append(ResourceResponse(id=uuid.uuid4().hex))
        return responses

    def _print(self, activity: Activity) -> None:
        if activity.text:
            self._output.write(f"bot> {activity.text}\n")
        for attachment in activity.attachments or []:
            self._output.write(self._card_as_text(attachment.content) + "\n")
        self._output.flush()

    def _card_as_text(self, card: dict[str, Any]) -> str:
        regels = []
        for element in card.get("body", []):
            if element.get("type") == "TextBlock":
                regels.append(element["text"])
            elif element.get("type") == "FactSet":
                regels.extend(f"{feit['title']}: {feit['value']}" for feit in element.get("facts", []))
            elif element.get("type") == "Input.ChoiceSet":
                # A dropdown cannot be clicked here; its choices can be typed instead.
                keuzes = " · ".join(c["title"] for c in element["choices"])
                regels.append(f"({element.get('label', '')}: {keuzes})")
        for action in card.get("actions", []):
            if action.get("type") == "Action.Submit":
                self._knoppen.append(action.get("data", {}))
                regels.append(f"  [{len(self._knoppen)}] {action['title']}")
            elif action.get("type") == "Action.OpenUrl":
                regels.append(f"  ({action['title']}: {action['url']})")
        return "\n".join(f"bot> {regel}" for regel in regels)

    async def update_activity(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        raise NotImplementedError("the console cannot edit printed messages")

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        raise NotImplementedError("the console cannot delete printed messages")


async def chat(
    logic: Callable[[TurnContext], Awaitable],
    on_turn_error: TurnErrorHandler,
    middleware: Sequence[Middleware],
    *,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> None:
    """Greet, then read lines until end of input or 'exit'."""
    adapter = ConsoleAdapter(stdout, on_turn_error)
    for piece in middleware:
        adapter.use(piece)
    stdout.write("ZVH-assistent in de terminal. Typ 'exit' om te stoppen; een nummer klikt een knop.\n")
    await adapter.start(logic)
    while True:
        stdout.write("jij> ")
        stdout.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line or line.strip().lower() in _STOP_WORDS:
            stdout.write("\n")
            return
        if line.strip():
            await adapter.say(line.rstrip("\n"), logic)
