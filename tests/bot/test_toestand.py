"""Gesprekstoestand (bot/toestand.py): the conversation state writes exactly when a turn changed it,
found by a plain structural copy instead of the SDK's three jsonpickle renderings per turn."""

from __future__ import annotations

import copy
import math
from collections import Counter, OrderedDict

import pytest
from botbuilder.core import MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogInstance, DialogState
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonpickle.pickler import Pickler

from bot.toestand import Gesprekstoestand, _Toestand, afdruk


class Lijst(list):
    pass


class Ding:
    def __init__(self, waarde: object) -> None:
        self.waarde = waarde


_SCALAIR = st.none() | st.booleans() | st.integers(-2, 2) | st.sampled_from([0.5, 1.0, 2.0]) | st.sampled_from("ab")
_WAARDEN = st.recursive(
    _SCALAIR,
    lambda binnen: (
        st.lists(binnen, max_size=3) | st.lists(binnen, max_size=2).map(tuple) | st.lists(binnen, max_size=2).map(Lijst)
        | st.dictionaries(st.sampled_from("xyz"), binnen, max_size=3).map(OrderedDict)
        | st.dictionaries(st.sampled_from("xyz"), binnen, max_size=3) | binnen.map(Ding)
        | binnen.map(lambda w: DialogState([DialogInstance(id="d", state={"w": w})]))
    ),
    max_leaves=6,
)


def _jsonpickle(waarde: object) -> str:
    return str(Pickler().flatten(waarde))  # what the SDK compares (CachedBotState.compute_hash)


@settings(max_examples=400, deadline=None)
@given(a=_WAARDEN, b=_WAARDEN)
def test_every_change_jsonpickle_sees_is_seen(a, b):
    if _jsonpickle(a) != _jsonpickle(b):
        assert afdruk(a) != afdruk(b)
    assert afdruk(a) == afdruk(copy.deepcopy(a))


@pytest.mark.parametrize(
    ("voor", "na"),
    [
        (OrderedDict(a=1), OrderedDict(a=2)),  # dict subclasses: jsonpickle renders their items
        (Counter(a=1), Counter(a=2)),
        (Lijst([1]), Lijst([1, 2])),  # a list subclass's items
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # order: jsonpickle writes it
        ({1, 2}, {1, 3}),
    ],
)
def test_containers_jsonpickle_renders_itself_are_compared_as_it_renders_them(voor, na):
    assert _jsonpickle({"w": voor}) != _jsonpickle({"w": na})
    assert afdruk({"w": voor}) != afdruk({"w": na})


def test_a_state_that_refers_to_itself_is_left_to_jsonpickle():
    lus: list = []
    lus.append(lus)
    assert isinstance(_Toestand({"lus": lus}).hash, str)


def test_types_count_as_changes():
    assert afdruk({"n": 1}) != afdruk({"n": True})
    assert afdruk({"n": 1}) != afdruk({"n": 1.0})
    assert afdruk([1, 2]) != afdruk((1, 2))
    assert afdruk(Ding(1)) != afdruk({"waarde": 1})
    assert math.isnan(afdruk(float("nan"))[1])  # never equal to itself: written, never lost


def _context(adapter: TestAdapter) -> TurnContext:
    return TurnContext(adapter, Activity(
        type=ActivityTypes.message, channel_id="test", text="hoi",
        conversation=ConversationAccount(id="c1"), from_property=ChannelAccount(id="u1"),
        recipient=ChannelAccount(id="bot"),
    ))


class TellendeOpslag(MemoryStorage):
    def __init__(self) -> None:
        super().__init__()
        self.geschreven = 0

    async def write(self, changes):  # noqa: ANN001
        self.geschreven += 1
        await super().write(changes)


async def test_a_turn_writes_only_when_it_changed_the_state():
    opslag = TellendeOpslag()
    toestand = Gesprekstoestand(opslag)
    stapel = toestand.create_property("DialogState")
    adapter = TestAdapter()

    context = _context(adapter)
    (await stapel.get(context, DialogState)).dialog_stack.append(DialogInstance(id="d", state={"stap": 1}))
    await toestand.save_changes(context)
    assert opslag.geschreven == 1
    await toestand.save_changes(context)  # saved again in the same turn: nothing new to write
    assert opslag.geschreven == 1
    await toestand.save_changes(context, force=True)
    assert opslag.geschreven == 2

    context = _context(adapter)  # the next turn reads it back and changes nothing
    assert (await stapel.get(context, DialogState)).dialog_stack[0].state == {"stap": 1}
    await toestand.save_changes(context)
    assert opslag.geschreven == 2

    context = _context(adapter)  # a change deep in the dialog stack is written
    (await stapel.get(context, DialogState)).dialog_stack[0].state["stap"] = 2
    await toestand.save_changes(context)
    assert opslag.geschreven == 3
    context = _context(adapter)
    assert (await stapel.get(context, DialogState)).dialog_stack[0].state == {"stap": 2}
