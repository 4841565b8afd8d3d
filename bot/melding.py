"""Proactive messages: telling a melder in their own chat that their aanmelding's status changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import ConversationReference


class ProactieveMelding:
    """Sends one text to a stored conversation reference through the bot's adapter.

    The adapter is set after it is built (it needs the bot's middleware, the bot needs this).
    """

    def __init__(self, app_id: str) -> None:
        self._app_id = app_id
        self.adapter: BotAdapter | None = None

    async def __call__(self, adres: Mapping[str, Any], tekst: str) -> None:
        if self.adapter is None:
            raise RuntimeError("proactive message before the adapter was set")
        reference = ConversationReference().deserialize(dict(adres))

        async def stuur(context: TurnContext) -> None:
            await context.send_activity(tekst)

        await self.adapter.continue_conversation(reference, stuur, self._app_id)
