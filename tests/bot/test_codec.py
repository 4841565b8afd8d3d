"""bot/codec.py: encode is byte-identical to jsonpickle.encode and decode gives what jsonpickle.decode
gives (values, classes, attribute order, shared objects); real state takes the fast path."""

from __future__ import annotations

import json
import math
from argparse import Namespace
from collections import OrderedDict, UserDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import jsonpickle
import pytest
from botbuilder.dialogs import DialogInstance, DialogState, PromptOptions
from botbuilder.schema import Activity
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonpickle import handlers
from jsonpickle.unpickler import loadclass

from bot import codec

# Real stored states (bot_state.document), card texts and long strings shortened, wrapped for reading:
# the empty stack, a summary prompt whose waterfall shares two dicts (py/id 19 and 22), a criteria
# question sharing one (py/id 26), and a four-deep stack.
_SAMPLES = [
    json.dumps(json.loads(text))
    for text in (
        """
        {"taal": "nl", "DialogState": {"py/object": "botbuilder.dialogs.dialog_state.DialogState", "_dialog_stack": []}}
        """,
        """
        {"taal": "nl", "DialogState": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "RootDialog",
        "state": {"dialogs": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "AanmeldingDialog",
        "state": {"dialogs": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance",
        "id": "AanmeldingDialog.samenvatting",
        "state": {"options": {"py/object": "botbuilder.dialogs.prompts.prompt_options.PromptOptions", "prompt": null,
        "retry_prompt": null, "choices": null, "style": null, "validations": {"card": "<kaart>", "opnieuw": "{uitleg}",
        "vraag_id": "b4a8f0b91ec84233b7138ef087bc7c82.fa3182a8350c",
        "formulier_id": "b4a8f0b91ec84233b7138ef087bc7c82"}, "number_of_attempts": 0}, "state": {}}},
        {"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "AanmeldingDialog.waterfall",
        "state": {"options": {"concept_id": "b4a8f0b91ec84233b7138ef087bc7c82",
        "concept": {"organisatie": "Wijkteam Maastricht-Noord", "telefoon": "06 12345678",
        "gemeente": {"gemeente": "Maastricht", "huis": "MH"}, "doelgroep": "jeugd", "initialen": "J.P.",
        "geboortejaar": 1987, "gezin_met_kinderen": false, "leefgebieden": {"wonen": 2, "dagbesteding": 1},
        "situatie": "Veel overlast in de straat en oplopende ", "partners": "Wijkteam en GGZ",
        "stagnatie": "Partners komen niet tot een gezamenlijk plan.", "geinformeerd": true, "urgentie": "regulier"},
        "invoer": {}, "modus": "kaart", "bewerken": false, "criteria_uitkomst": null},
        "values": {"concept_id": "b4a8f0b91ec84233b7138ef087bc7c82", "concept": {"py/id": 19}, "invoer": {"py/id": 22},
        "modus": "kaart", "bewerken": false, "criteria_uitkomst": null, "stap": "AanmeldingDialog.samenvatting"},
        "instanceId": "d81a5d0a-e6ee-11f1-b698-02fc00000001", "stepIndex": 0}}]}}}]}}}]}}
        """,
        """
        {"taal": "nl", "DialogState": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "RootDialog",
        "state": {"dialogs": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance",
        "id": "CriteriaCheckDialog", "state": {"dialogs": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance",
        "id": "CriteriaCheckDialog.keuze",
        "state": {"options": {"py/object": "botbuilder.dialogs.prompts.prompt_options.PromptOptions", "prompt": null,
        "retry_prompt": null, "choices": null, "style": null, "validations": {"card": "<kaart>",
        "opnieuw": "Dat antwoord herken ik niet. Kies een va",
        "verlopen": "Die knop hoort bij een eerdere vraag. Beantwoord deze vraag:", "keuzes": ["ja", "nee", "weet_niet",
        "waarom"], "vraag_id": "A", "namen": {"ja": ["Ja"], "nee": ["Nee"], "weet_niet": ["Weet niet"],
        "waarom": ["Waarom vraag je dit?"]}}, "number_of_attempts": 0}, "state": {}}},
        {"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "CriteriaCheckDialog.waterfall",
        "state": {"options": {"antwoorden": {}, "gemeente": {"gemeente": "Maastricht", "genoemd": "Maastricht",
        "huis": "MH"}}, "values": {"antwoorden": {}, "gemeente": {"py/id": 26}, "code": "A"},
        "instanceId": "d80d6582-e6ee-11f1-b698-02fc00000001", "stepIndex": 0}}]}}}]}}}]}}
        """,
        """
        {"taal": "nl", "DialogState": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "RootDialog",
        "state": {"dialogs": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance",
        "id": "CriteriaCheckDialog", "state": {"dialogs": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "GemeenteDialog",
        "state": {"dialogs": {"py/object": "botbuilder.dialogs.dialog_state.DialogState",
        "_dialog_stack": [{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance",
        "id": "GemeenteDialog.formulier",
        "state": {"options": {"py/object": "botbuilder.dialogs.prompts.prompt_options.PromptOptions", "prompt": null,
        "retry_prompt": null, "choices": null, "style": null, "validations": {"card": "<kaart>",
        "opnieuw": "'{genoemd}' ken ik niet als gemeente in "}, "number_of_attempts": 0}, "state": {}}},
        {"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "GemeenteDialog.waterfall",
        "state": {"options": {"vraag": "In welke gemeente woont de betrokkene? D"}, "values": {},
        "instanceId": "d80b3c76-e6ee-11f1-b698-02fc00000001", "stepIndex": 0}}]}}},
        {"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "CriteriaCheckDialog.waterfall",
        "state": {"options": null, "values": {"antwoorden": {}, "gemeente": null, "code": "gemeente"},
        "instanceId": "d80b3776-e6ee-11f1-b698-02fc00000001", "stepIndex": 0}}]}}}]}}}]}}
        """,
    )
]

_SAMPLE_NAMES = ["empty", "summary", "criteria", "nested"]


class Plain:
    """A class of our own that jsonpickle renders as {"py/object", **__dict__}."""


class Pickled:
    """A class with its own pickling, which jsonpickle renders through py/state."""

    def __init__(self, value: Any = None) -> None:
        self.value = value

    def __getstate__(self) -> dict:
        return {"value": self.value}

    def __setstate__(self, state: dict) -> None:
        self.value = state["value"]


class Bag(dict):
    pass


class Kind(Enum):
    A = 1


@dataclass
class Record:
    items: list


class Countdown:
    """An iterator of our own, which jsonpickle renders through py/iterator."""

    def __init__(self) -> None:
        self.left = 2

    def __iter__(self) -> Countdown:
        return self

    def __next__(self) -> int:
        if not self.left:
            raise StopIteration
        self.left -= 1
        return self.left


class _NoJsonpickle:
    """Stands in for jsonpickle inside bot.codec, so a fallback fails the test."""

    def encode(self, value: Any) -> str:
        raise AssertionError(f"encode fell back to jsonpickle for {value!r}")

    def decode(self, document: str) -> Any:
        raise AssertionError(f"decode fell back to jsonpickle for {document}")


def _plain(attributes: dict) -> Plain:
    instance = Plain()
    instance.__dict__.update(attributes)
    return instance


def assert_same(left: Any, right: Any) -> None:
    """Same types, values, key and attribute order, and the same pattern of shared objects."""
    seen_left: dict[int, int] = {}
    seen_right: dict[int, int] = {}

    def walk(a: Any, b: Any, path: str) -> None:
        assert type(a) is type(b), f"{path}: {type(a).__name__} != {type(b).__name__}"
        if type(a) in (str, int, float, bool, type(None), bytes):
            assert repr(a) == repr(b), f"{path}: {a!r} != {b!r}"  # repr: tells -0.0 from 0.0, nan equals nan
            return
        # Every other object is numbered on first sight: a repeat must repeat the same one.
        assert (id(a) in seen_left) == (id(b) in seen_right), f"{path}: shared on one side only"
        if id(a) in seen_left:
            assert seen_left[id(a)] == seen_right[id(b)], f"{path}: a different object is shared"
            return
        seen_left[id(a)] = seen_right[id(b)] = len(seen_left)
        if isinstance(a, dict):
            assert [repr(k) for k in a] == [repr(k) for k in b], f"{path}: keys differ"
            for key in a:
                walk(a[key], b[key], f"{path}[{key!r}]")
        elif isinstance(a, list | tuple):
            assert len(a) == len(b), f"{path}: lengths differ"
            for index, (x, y) in enumerate(zip(a, b, strict=True)):
                walk(x, y, f"{path}[{index}]")
        elif not hasattr(a, "__dict__") and type(a).__eq__ is not object.__eq__:  # sets, datetimes: by value
            assert a == b, f"{path}: {a!r} != {b!r}"
        if hasattr(a, "__dict__"):
            walk(vars(a), vars(b), f"{path}.__dict__")

    walk(left, right, "value")


def _outcome(function: Callable[[Any], Any], argument: Any) -> tuple[str, Any]:
    try:
        return "value", function(argument)
    except Exception as error:  # the comparison is whether both raise alike
        return "raised", type(error)


def assert_same_outcome(ours: Callable[[Any], Any], theirs: Callable[[Any], Any], argument: Any) -> None:
    (kind, ours_result), (their_kind, their_result) = _outcome(ours, argument), _outcome(theirs, argument)
    assert kind == their_kind, (ours_result, their_result)
    if kind == "raised":
        assert ours_result is their_result
    else:
        assert_same(ours_result, their_result)


# --- the real samples


@pytest.mark.parametrize("document", _SAMPLES, ids=_SAMPLE_NAMES)
def test_sample_decodes_like_jsonpickle(document: str) -> None:
    assert_same(codec.decode(document), jsonpickle.decode(document))


@pytest.mark.parametrize("document", _SAMPLES, ids=_SAMPLE_NAMES)
def test_sample_encodes_back_to_itself(document: str) -> None:
    assert codec.encode(codec.decode(document)) == document == jsonpickle.encode(jsonpickle.decode(document))


@pytest.mark.parametrize("document", _SAMPLES, ids=_SAMPLE_NAMES)
def test_samples_take_the_fast_path(document: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codec, "jsonpickle", _NoJsonpickle())
    assert codec.encode(codec.decode(document)) == document


def test_shared_dicts_of_a_sample_stay_shared() -> None:
    state = codec.decode(_SAMPLES[1])["DialogState"]
    waterfall = state.dialog_stack[0].state["dialogs"].dialog_stack[0].state["dialogs"].dialog_stack[1].state
    assert type(waterfall["options"]["concept"]) is dict
    assert waterfall["values"]["concept"] is waterfall["options"]["concept"]
    assert waterfall["values"]["invoer"] is waterfall["options"]["invoer"]
    assert waterfall["values"] is not waterfall["options"]


# --- the comparison can fail


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ([{"a": 1}, {"a": 1}], (lambda d: [d, d])({"a": 1})),  # two equal dicts against one shared
        ((lambda d: [d, [d]])([]), (lambda d: [d, [[]]])([])),
        ([1], [True]),
        ([0.0], [-0.0]),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
        (_plain({"a": 1, "b": 2}), _plain({"b": 2, "a": 1})),
        (DialogInstance("x"), _plain({"id": "x", "state": {}})),
        ((1,), [1]),
    ],
)
def test_the_comparison_notices_a_difference(left: Any, right: Any) -> None:
    with pytest.raises(AssertionError):
        assert_same(left, right)
    assert_same(left, left)


# --- edges: crafted documents and values outside the fast subset


@pytest.mark.parametrize(
    "document",
    [
        '"tekst"',
        "3",
        "null",
        "[NaN, Infinity, -Infinity, -0.0, 1e300, 12345678901234567890123]",
        '{"py/foo": 1, "__x": 2}',  # not a tag: a plain key
        '{"py/b64": "aGk="}',
        '{"py/tuple": [1, [2]], "x": 1}',
        '[[], {"py/tuple": [{"py/id": 1}, {"py/id": 1}]}, {"py/tuple": []}]',
        '[{"a": 1}, {"py/id": -1}]',
        '[{"py/id": 2}, {"a": {"py/id": 2}}, []]',  # forward: jsonpickle leaves a proxy in the dict
        '[[], {"py/id": true}]',
        '{"py/id": 0}',
        '[{"x": []}, {"py/id": 0}, {"py/id": 1.0}]',
        '{"a": {"b": {"py/id": 1}}}',  # a cycle
        '{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "id": "a", "state": {"py/id": 0}}',
        '{"py/object": "botbuilder.dialogs.dialog_state.DialogState", "dialog_stack": []}',  # a property
        '{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "__x": 1}',
        '{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "default_factory": null, "id": "a"}',
        '{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "py/state": {"id": 1}}',
        '{"py/object": "botbuilder.dialogs.dialog_instance.DialogInstance", "py/id": 0}',
        '{"py/object": ["not", "a", "name"]}',
        '{"py/object": "no.such.Class", "a": 1}',
        '{"py/object": "tests.bot.test_codec.Plain", "a": [1]}',
    ],
)
def test_crafted_document_decodes_like_jsonpickle(document: str) -> None:
    assert_same_outcome(codec.decode, jsonpickle.decode, document)


def _cycle() -> dict:
    value: dict = {"instance": DialogInstance("a")}
    value["instance"].state["back"] = value
    return value


@pytest.mark.parametrize(
    "value",
    [
        {1: "a", None: 2, (1, 2): 3},
        {"py/object": 1, "py/id": 2, "py/b64": "aGk=", "gewoon": 3},
        {"f": lambda: 1, "g": print, "h": DialogState.__str__},
        [float("nan"), float("inf"), -0.0, 1e300, 5e-324, 2**100, True],
        _cycle(),
        OrderedDict(a=1),
        Bag(a=1),
        {1, 2},
        datetime(2024, 1, 2, 3, 4),
        object(),
        Pickled([1]),
        _plain({"__reduce__": 1}),
        _plain({"_jsonpickle_exclude": ["a"], "a": 1}),
        _plain({1: "niet-str attribuut"}),
        Activity(text="hallo"),
        PromptOptions(prompt=Activity(text="vraag")),
        ("a", ["b"]),
        DialogState,
        Kind.A,
        Record([1]),
        Namespace(a=[1]),
        UserDict(a=1),
    ],
    ids=lambda value: type(value).__name__,
)
def test_edge_value_encodes_like_jsonpickle(value: Any) -> None:
    document = jsonpickle.encode(value)
    assert codec.encode(value) == document
    assert_same_outcome(codec.decode, jsonpickle.decode, document)


def test_an_iterator_is_rendered_and_consumed_by_jsonpickle() -> None:
    iterator = Countdown()
    assert codec.encode(iterator) == jsonpickle.encode(Countdown())
    assert list(iterator) == []


def test_plain_objects_of_other_classes_encode_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    value = {"activity": Activity(text="hallo"), "plain": _plain({"x": 1}), "record": Record([1]), "tuple": (1, [2])}
    expected = jsonpickle.encode(value)
    monkeypatch.setattr(codec, "jsonpickle", _NoJsonpickle())
    assert codec.encode(value) == expected


def test_a_registered_handler_is_honoured() -> None:
    class PlainHandler(handlers.BaseHandler):
        def flatten(self, obj: Plain, data: dict) -> dict:
            data["eigen"] = True
            return data

        def restore(self, obj: dict) -> str:
            return "hersteld"

    value = [DialogInstance("a", {"p": _plain({"x": 1})})]
    handlers.register(Plain, PlainHandler)
    handlers.register(DialogInstance, PlainHandler)
    try:
        document = jsonpickle.encode(value)
        assert '"eigen": true' in document
        assert codec.encode(value) == document
        assert_same(codec.decode(document), jsonpickle.decode(document))
    finally:
        handlers.unregister(Plain)
        handlers.unregister(DialogInstance)


def test_sort_keys_option_is_honoured() -> None:
    # The backend sorts, so the strings agree; jsonpickle also reorders the root object's __dict__.
    def value() -> DialogInstance:
        return DialogInstance("x", {"z": 1, "y": {"b": 2, "a": 3}})

    jsonpickle.set_encoder_options("json", sort_keys=True)
    try:
        assert codec.encode(value()) == jsonpickle.encode(value())
    finally:
        jsonpickle.set_encoder_options("json", sort_keys=False)  # jsonpickle's default


def test_decoded_classes_are_the_ones_jsonpickle_loads() -> None:
    for name, cls in codec.DECODED_CLASSES.items():
        assert loadclass(name) is cls
        assert codec._plain_name(cls) == name


# --- generated values

_TAG_KEYS = ["py/object", "py/id", "py/tuple", "py/b64", "py/state", "__x", "default_factory", "json://1"]
_FLOATS = st.floats() | st.sampled_from([-0.0, 1e300, math.nan, math.inf, -math.inf])
_SCALARS = st.none() | st.booleans() | st.integers() | _FLOATS | st.text(max_size=5)
_KEYS = st.text(max_size=4).filter(lambda key: not key.startswith("py/"))


def _fast_containers(children: st.SearchStrategy) -> st.SearchStrategy:
    """What conversation state holds: the fast subset of both walks."""
    return (
        st.lists(children, max_size=4)
        | st.dictionaries(_KEYS, children, max_size=4)
        | st.lists(children, max_size=3).map(tuple)
        | st.lists(children, max_size=3).map(DialogState)
        | st.builds(DialogInstance, st.text(max_size=4), st.dictionaries(_KEYS, children, max_size=3))
        | st.builds(PromptOptions, prompt=children, validations=children, number_of_attempts=st.integers(0, 3))
    )


def _all_containers(children: st.SearchStrategy) -> st.SearchStrategy:
    return (
        _fast_containers(children)
        | st.dictionaries(_KEYS | st.sampled_from(_TAG_KEYS), children, max_size=3)
        | st.dictionaries(st.integers(-2, 2) | st.none() | st.booleans() | st.tuples(st.integers(0, 2)), children)
        | st.dictionaries(_KEYS, children, max_size=3).map(OrderedDict)
        | st.dictionaries(_KEYS, children, max_size=3).map(Bag)
        | st.sets(st.integers() | st.text(max_size=3), max_size=3)
        | st.frozensets(st.integers(), max_size=3)
        | st.dictionaries(st.sampled_from(["a", "_b", "__c", "default_factory"]), children, max_size=3).map(_plain)
        | children.map(Pickled)
    )


def _nodes(value: Any, found: list) -> list:
    """Every container in an acyclic value, in walk order."""
    if type(value) in (str, int, float, bool, type(None), datetime):
        return found
    found.append(value)
    if isinstance(value, dict):
        for item in value.values():
            _nodes(item, found)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _nodes(item, found)
    if hasattr(value, "__dict__"):
        _nodes(vars(value), found)
    return found


@st.composite
def _shared(draw: st.DrawFn, trees: st.SearchStrategy) -> Any:
    """A value in which some containers also sit at a second place, possibly inside themselves."""
    value = draw(trees)
    nodes = _nodes(value, [])
    holders = [node for node in nodes if type(node) in (list, dict, OrderedDict, Bag) or hasattr(node, "__dict__")]
    for _ in range(draw(st.integers(0, 3)) if holders else 0):
        # Indices rather than sampled_from(nodes): hypothesis would repr these, cycles and all.
        holder = holders[draw(st.integers(0, len(holders) - 1))]
        shared = nodes[draw(st.integers(0, len(nodes) - 1))]
        if isinstance(holder, list):
            holder.insert(draw(st.integers(0, len(holder))), shared)
        elif isinstance(holder, dict):
            holder[draw(_KEYS.filter(lambda key: not key.startswith("__")))] = shared  # holder may be a __dict__
        else:
            setattr(holder, draw(st.sampled_from(["extra", "state", "a"])), shared)
    return value


@settings(max_examples=500, deadline=None)
@given(_shared(st.recursive(_SCALARS | st.datetimes(), _all_containers, max_leaves=16)))
def test_any_value_matches_jsonpickle(value: Any) -> None:
    kind, document = _outcome(jsonpickle.encode, value)  # a dict subclass inside itself makes it raise
    assert _outcome(codec.encode, value) == (kind, document)
    if kind == "value":
        assert_same_outcome(codec.decode, jsonpickle.decode, document)


@settings(max_examples=500, deadline=None)
@given(_shared(st.recursive(_SCALARS, _fast_containers, max_leaves=16)))
def test_state_like_values_never_fall_back(value: Any) -> None:
    document = jsonpickle.encode(value)
    expected = jsonpickle.decode(document)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(codec, "jsonpickle", _NoJsonpickle())
        assert codec.encode(value) == document
        decoded = codec.decode(document)
    assert_same(decoded, expected)
