"""The per-user conversation state, with a cheap check whether a turn changed it.

SDK: BotState decides whether to write by comparing a jsonpickle rendering of the state taken at
load with one taken at save, takes a third after writing (CachedBotState.compute_hash), and the
storage renders it once more to store it: four walks of jsonpickle's generic machinery per turn.
Here the rendering is the stored document itself (bot/codec.py gives jsonpickle's very text): at
load the text that was read, at save one rendering that is compared with it and, when it differs,
written as it is. What jsonpickle would render differently is a change, and nothing else is.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import PrivateConversationState, TurnContext
from botbuilder.core.bot_state import CachedBotState

from bot.storage import SqlStorage, document


class Gesprekstoestand(PrivateConversationState):
    """PrivateConversationState (per user, per conversation) that writes a turn's state only when
    its document changed, and on SqlStorage compares and writes the document read and rendered."""

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        # BotState.load of botbuilder 4.17.1, keeping the document that was read.
        cached_state = self.get_cached_state(turn_context)
        if force or not cached_state or not cached_state.state:
            storage_key = self.get_storage_key(turn_context)
            if isinstance(self._storage, SqlStorage):
                waarde, gelezen = (await self._storage.read_documents([storage_key])).get(storage_key, (None, None))
            else:
                waarde, gelezen = (await self._storage.read([storage_key])).get(storage_key), None
            turn_context.turn_state[self._context_service_key] = _Toestand(waarde, gelezen)

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        # BotState.save_changes of botbuilder 4.17.1, with the state rendered once.
        cached_state = self.get_cached_state(turn_context)
        if cached_state is None:
            return
        nu = document(cached_state.state)
        if not force and nu == cached_state.hash:
            return
        storage_key = self.get_storage_key(turn_context)
        if isinstance(self._storage, SqlStorage):
            await self._storage.write_document(storage_key, cached_state.state, nu)
        else:
            await self._storage.write({storage_key: cached_state.state})
        cached_state.hash = nu


class _Toestand(CachedBotState):
    """The state of a turn and, as its hash, its stored document (rendered when it was not read)."""

    def __init__(self, state: dict[str, Any] | None = None, gelezen: str | None = None) -> None:
        self.state = state if state is not None else {}
        self.hash = gelezen if gelezen is not None else self.compute_hash(state)

    def compute_hash(self, obj: object) -> Any:
        return document(obj)
