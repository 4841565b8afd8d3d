"""Gesprekstoestand (bot/toestand.py): the conversation state is written exactly when a turn changed
its document (jsonpickle's text of it), and on SqlStorage the document read is compared with one
rendering at save, which is what gets written."""

from __future__ import annotations

import copy
from collections import Counter, OrderedDict

import jsonpickle
import pytest
from botbuilder.core import MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogInstance, DialogState
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import codec, database
from bot.storage import EtagConflict, SqlStorage, document
from bot.toestand import Gesprekstoestand, _Toestand


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


@settings(max_examples=400, deadline=None)
@given(a=_WAARDEN, b=_WAARDEN)
def test_a_change_is_what_jsonpickle_renders_differently(a, b):
    toestand = _Toestand({"w": a, "e_tag": "1"})
    # The e_tag is the storage's, not part of the document.
    assert toestand.hash == jsonpickle.encode({"w": a})
    assert (toestand.compute_hash({"w": b, "e_tag": "2"}) != toestand.hash) == (
        jsonpickle.encode({"w": a}) != jsonpickle.encode({"w": b})
    )
    assert toestand.compute_hash({"w": copy.deepcopy(a)}) == toestand.hash


@pytest.mark.parametrize(
    ("voor", "na"),
    [
        (OrderedDict(a=1), OrderedDict(a=2)),  # dict subclasses: jsonpickle renders their items
        (Counter(a=1), Counter(a=2)),
        (Lijst([1]), Lijst([1, 2])),  # a list subclass's items
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # order: jsonpickle writes it
        ({1, 2}, {1, 3}),
        (1, True), (1, 1.0), ([1, 2], (1, 2)),  # types
    ],
)
def test_containers_and_types_count_as_jsonpickle_renders_them(voor, na):
    assert document({"w": voor}) != document({"w": na})


def test_a_state_that_refers_to_itself_is_rendered_by_jsonpickle():
    lus: list = []
    lus.append(lus)
    assert _Toestand({"lus": lus}).hash == jsonpickle.encode({"lus": lus})


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


class TellendeSqlOpslag(SqlStorage):
    geschreven = 0

    async def write_document(self, key, value, tekst):  # noqa: ANN001
        self.geschreven += 1
        await super().write_document(key, value, tekst)


@pytest.fixture
async def sql_opslag(sqlite_url: str):
    engine = database.create_engine(sqlite_url)
    await database.migrate(engine)
    opslag = TellendeSqlOpslag(engine)
    yield opslag
    await opslag.close()
    await database.sluit(engine)


@pytest.fixture(params=["geheugen", "sqlite"])
def opslag(request):
    return TellendeOpslag() if request.param == "geheugen" else request.getfixturevalue("sql_opslag")


async def _met_stap_1(opslag) -> tuple[Gesprekstoestand, object, TestAdapter]:  # noqa: ANN001
    """The state, its dialog stack property and the adapter, after a turn that stored step 1."""
    toestand = Gesprekstoestand(opslag)
    stapel = toestand.create_property("DialogState")
    adapter = TestAdapter()
    context = _context(adapter)
    (await stapel.get(context, DialogState)).dialog_stack.append(DialogInstance(id="d", state={"stap": 1}))
    await toestand.save_changes(context)
    return toestand, stapel, adapter


async def test_a_turn_writes_only_when_it_changed_the_state(opslag):
    toestand, stapel, adapter = await _met_stap_1(opslag)
    assert opslag.geschreven == 1
    await toestand.save_changes(_context(adapter))  # a turn that reads nothing changes nothing
    assert opslag.geschreven == 1

    context = _context(adapter)  # the next turn reads it back and changes nothing
    assert (await stapel.get(context, DialogState)).dialog_stack[0].state == {"stap": 1}
    await toestand.save_changes(context)
    await toestand.save_changes(context)
    assert opslag.geschreven == 1
    await toestand.save_changes(context, force=True)
    assert opslag.geschreven == 2

    context = _context(adapter)  # a change deep in the dialog stack is written, once
    (await stapel.get(context, DialogState)).dialog_stack[0].state["stap"] = 2
    await toestand.save_changes(context)
    await toestand.save_changes(context)
    assert opslag.geschreven == 3
    context = _context(adapter)
    assert (await stapel.get(context, DialogState)).dialog_stack[0].state == {"stap": 2}


async def test_on_sql_the_document_read_is_compared_and_the_one_rendered_is_written(sql_opslag, monkeypatch):
    toestand, stapel, adapter = await _met_stap_1(sql_opslag)
    renderingen: list[object] = []
    echte = codec.encode
    monkeypatch.setattr(codec, "encode", lambda waarde: renderingen.append(waarde) or echte(waarde))
    context = _context(adapter)
    (await stapel.get(context, DialogState)).dialog_stack[0].state["stap"] = 2
    assert renderingen == []  # loading renders nothing: the document read is the comparison
    await toestand.save_changes(context)
    assert len(renderingen) == 1  # one rendering, compared and written
    waarde, tekst = (await sql_opslag.read_documents([toestand.get_storage_key(context)]))[
        toestand.get_storage_key(context)
    ]
    assert tekst == echte({k: v for k, v in waarde.items() if k != "e_tag"})
    assert waarde["DialogState"].dialog_stack[0].state == {"stap": 2}


async def test_on_sql_a_stale_state_is_still_a_conflict(sql_opslag):
    toestand, stapel, adapter = await _met_stap_1(sql_opslag)
    eerste, tweede = _context(adapter), _context(adapter)  # two turns read the same state
    (await stapel.get(eerste, DialogState)).dialog_stack[0].state["stap"] = 2
    (await stapel.get(tweede, DialogState)).dialog_stack[0].state["stap"] = 3
    await toestand.save_changes(eerste)
    with pytest.raises(EtagConflict):
        await toestand.save_changes(tweede)
