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

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        # BotState.save_changes of botbuilder 4.17.1, which renders the state twice (to compare, and
        # again after writing what it compared): here once.
        cached_state = self.get_cached_state(turn_context)
        if cached_state is None:
            return
        nu = cached_state.compute_hash(cached_state.state)
        if force or nu != cached_state.hash:
            await self._storage.write({self.get_storage_key(turn_context): cached_state.state})
            cached_state.hash = nu


class _Toestand(CachedBotState):
    def compute_hash(self, obj: object) -> Any:
        try:
            return afdruk(obj)
        except RecursionError:  # a structure that refers to itself: jsonpickle writes those as py/id
            return _jsonpickle(obj)


_GEWOON = (str, type(None))
_GETAL = (int, float, bool)


def afdruk(waarde: Any) -> Any:
    """A copy of the structure of `waarde` that differs from another's whenever jsonpickle would
    render the two differently: dicts (their order too) and lists copied, scalars with their type,
    plain objects as their class and attributes. Anything else (subclasses of dict or list, sets,
    datetimes, enums, classes with their own pickling) is rendered by jsonpickle itself."""
    soort = type(waarde)
    if soort in _GEWOON:
        return waarde
    if soort in _GETAL:
        return soort, waarde
    if soort is dict:
        return dict, [(sleutel, afdruk(w)) for sleutel, w in waarde.items()]
    if soort is list:
        return [afdruk(w) for w in waarde]
    if soort is tuple:
        return tuple, [afdruk(w) for w in waarde]
    if _gewoon_object(soort) and hasattr(waarde, "__dict__"):
        return soort, afdruk(vars(waarde))
    return _jsonpickle(waarde)


def _gewoon_object(soort: type) -> bool:
    """A class jsonpickle renders as its __dict__: no container, no pickling of its own."""
    return (
        not issubclass(soort, (dict, list, tuple, set, frozenset, type))
        and soort.__reduce__ is object.__reduce__
        and soort.__reduce_ex__ is object.__reduce_ex__
        and getattr(soort, "__getstate__", None) is getattr(object, "__getstate__", None)
        and not hasattr(soort, "__getnewargs__")
        and not hasattr(soort, "__getnewargs_ex__")
    )


def _jsonpickle(waarde: Any) -> str:
    return str(Pickler().flatten(waarde))
