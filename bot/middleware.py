"""Per-turn machinery before the bot runs: one turn at a time per user, and the turn's language."""

from __future__ import annotations

import asyncio
import re
import weakref
from collections.abc import Awaitable, Callable

from botbuilder.core import BotState, Middleware, TurnContext
from botbuilder.schema import ActivityTypes

from dialogs.cards import TAAL
from dialogs.i18n import EN, NL, TAAL_KEY, TALEN
from knowledge.taal import detect_taal
from knowledge.tekst import woorden

_TAAL_PROPERTY = "taal"
_VERMELDING = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
# A message this short ("yes", "no", "ok") is an answer, not a choice of language, once one is set.
_KORTSTE_TAALKEUZE = 3


class TaalMiddleware(Middleware):
    """Puts 'nl' or 'en' in turn_state[TAAL_KEY] and remembers it in the user's state.

    In order: the language of the card the user clicked; the words of the message when they are
    clearly Dutch or English; the language of the conversation so far; the client's locale.
    A Dutch professional with an English Teams client usually still writes Dutch, so the words
    beat the locale, and a click on a Dutch card stays Dutch.
    """

    def __init__(self, state: BotState) -> None:
        self._taal = state.create_property(_TAAL_PROPERTY)

    async def on_turn(self, context: TurnContext, logic: Callable[[], Awaitable]) -> None:
        activity = context.activity
        if activity.type in (ActivityTypes.message, ActivityTypes.conversation_update):
            eerder = await self._taal.get(context, lambda: None)
            taal = _taal_van_klik(activity.value) or _taal_van_tekst(activity.text, eerder) or eerder
            taal = taal or _taal_van_locale(activity.locale)
            await self._taal.set(context, taal)
        else:
            taal = _taal_van_locale(activity.locale)
        context.turn_state[TAAL_KEY] = taal
        await logic()


def _taal_van_klik(waarde: object) -> str | None:
    taal = waarde.get(TAAL) if isinstance(waarde, dict) else None
    return taal if taal in TALEN else None


def _taal_van_tekst(tekst: str | None, eerder: str | None) -> str | None:
    if not isinstance(tekst, str):
        return None
    # "<at>ZVH-assistent</at>" is the bot's name, not the user's language (stripped later, in the handler).
    tekst = _VERMELDING.sub(" ", tekst)
    if eerder is not None and len(woorden(tekst)) < _KORTSTE_TAALKEUZE:
        return None
    return detect_taal(tekst)


def _taal_van_locale(locale: str | None) -> str:
    return EN if isinstance(locale, str) and locale.lower().startswith("en") else NL


class EenBeurtTegelijk(Middleware):
    """Runs the turns of one user in one conversation one after another, in this process.

    Two quick clicks on a card would otherwise both read the same state, both answer, and one of
    them would lose the e_tag race after its reply was already sent. Locks live only while a turn
    holds or awaits them (weak values), so idle conversations cost nothing.
    """

    def __init__(self, state: BotState) -> None:
        self._state = state
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    async def on_turn(self, context: TurnContext, logic: Callable[[], Awaitable]) -> None:
        if context.activity.type not in (ActivityTypes.message, ActivityTypes.conversation_update):
            # A proactive message (continue_conversation) reads no state; it is often sent from inside
            # a turn holding this very lock (a medewerker told of their own aanmelding), so waiting
            # for it would deadlock that turn.
            await logic()
            return
        try:
            key = self._state.get_storage_key(context)
        except Exception:  # noqa: BLE001 - the SDK raises a bare Exception for a missing id
            key = None  # nothing to serialise on; the HTTP edge refuses such activities anyway
        if key is None:
            await logic()
            return
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        async with lock:
            await logic()
