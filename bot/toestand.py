"""The per-user conversation state, with a cheap check whether a turn changed it.

SDK: BotState decides whether to write by comparing a jsonpickle rendering of the state taken at
load with one taken at save, and takes a third after writing (CachedBotState.compute_hash). For a
turn that changes its state that is three walks of jsonpickle's generic machinery over the dialog
stack, besides the one that stores it: about a third of such a turn's CPU. Here the rendering is a
plain copy of the state's structure (types included, so 1 → True or a list → tuple is a change),
compared with ==; what is not plain data or an object with a __dict__ falls back to jsonpickle.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import PrivateConversationState, TurnContext
from botbuilder.core.bot_state import CachedBotState
from jsonpickle.pickler import Pickler


class Gesprekstoestand(PrivateConversationState):
    """PrivateConversationState (per user, per conversation) whose change check is `afdruk`."""

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        # BotState.load of botbuilder 4.17.1, with _Toestand for CachedBotState.
        cached_state = self.get_cached_state(turn_context)
        if force or not cached_state or not cached_state.state:
            storage_key = self.get_storage_key(turn_context)
            items = await self._storage.read([storage_key])
            turn_context.turn_state[self._context_service_key] = _Toestand(items.get(storage_key))


class _Toestand(CachedBotState):
    def compute_hash(self, obj: object) -> Any:
        return afdruk(obj)


_GEWOON = (str, type(None))
_GETAL = (int, float, bool)
# A class with its own __getstate__ is rendered by jsonpickle through it: leave those to jsonpickle.
_GEWONE_GETSTATE = getattr(object, "__getstate__", None)


def afdruk(waarde: Any) -> Any:
    """A copy of the structure of `waarde` that is == to another's exactly when jsonpickle would
    render both the same: dicts and lists copied, scalars with their type, objects as their class
    and attributes."""
    soort = type(waarde)
    if soort in _GEWOON:
        return waarde
    if soort in _GETAL:
        return soort, waarde
    if soort is dict:
        return {sleutel: afdruk(w) for sleutel, w in waarde.items()}
    if soort is list:
        return [afdruk(w) for w in waarde]
    if soort is tuple:
        return tuple, [afdruk(w) for w in waarde]
    if hasattr(waarde, "__dict__") and getattr(soort, "__getstate__", None) is _GEWONE_GETSTATE:
        return soort, afdruk(vars(waarde))
    return str(Pickler().flatten(waarde))
