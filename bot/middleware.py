"""Choose the language of each turn: what the user writes, else what they wrote before, else the locale."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from botbuilder.core import BotState, Middleware, TurnContext
from botbuilder.schema import ActivityTypes

from dialogs.i18n import EN, NL, TAAL_KEY
from knowledge.taal import detect_taal

_TAAL_PROPERTY = "taal"


class TaalMiddleware(Middleware):
    """Puts 'nl' or 'en' in turn_state[TAAL_KEY] and remembers a clear choice in per-user state.

    A Dutch professional with an English Teams client usually still writes Dutch, so the words of
    the message beat the client's locale; a bare "ok" keeps the language of the conversation.
    """

    def __init__(self, state: BotState) -> None:
        self._taal = state.create_property(_TAAL_PROPERTY)

    async def on_turn(self, context: TurnContext, logic: Callable[[], Awaitable]) -> None:
        activity = context.activity
        if activity.type == ActivityTypes.message:
            gekozen = detect_taal(activity.text or "")
            if gekozen is not None:
                await self._taal.set(context, gekozen)
            taal = gekozen or await self._taal.get(context, lambda: None) or _taal_van_locale(activity.locale)
        else:
            taal = _taal_van_locale(activity.locale)
        context.turn_state[TAAL_KEY] = taal
        await logic()


def _taal_van_locale(locale: str | None) -> str:
    return EN if (locale or "").lower().startswith("en") else NL
