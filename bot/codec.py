"""jsonpickle's encode and decode, fast for what conversation state holds.

Why: jsonpickle's generic machinery was the largest piece of our own per-turn CPU (about 220 µs to
encode and 130 µs to decode a 4 KB state). The contract: `encode(v)` returns exactly the string
`jsonpickle.encode(v)` returns, and `decode(d)` returns what `jsonpickle.decode(d)` returns (same
values, classes, attribute order and sharing of objects), both with jsonpickle's default arguments.

The fast walks know plain dicts (str keys), lists, tuples, str, int, float, bool, None, instances of
plain classes (rendered by jsonpickle as {"py/object": name, **attributes}) and "py/id" references,
numbered as jsonpickle numbers them: every dict, list and object in walk order, from 0. On anything
else they give up and the whole value goes to jsonpickle, so the contract holds for every input.
Decoding creates objects only of the classes in DECODED_CLASSES.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonpickle
from botbuilder.dialogs import DialogInstance, DialogState, PromptOptions
from jsonpickle import handlers, tags, util
from jsonpickle.backend import json as _backend

_SCALARS = frozenset({str, int, float, bool, type(None)})
_NESTED = frozenset({dict, list})
# Dict keys that jsonpickle drops on encode (RESERVED) or reads as tags on decode (all of them).
_TAGS = frozenset(tags.RESERVED | {tags.B64, tags.B85})
# Names that make jsonpickle leave its plain {"py/object", **__dict__} path (pickler.py,
# _flatten_obj_instance and util.has_reduce), or would be looked up through them.
_SPECIAL = frozenset(
    {
        "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__getnewargs__",
        "__getnewargs_ex__", "__getinitargs__", "__slots__", "__getattr__", "__getattribute__",
        "__setattr__", "__class__", "__call__", "_jsonpickle_exclude", "default_factory",
    }
)  # fmt: skip
_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class written in Python, not a C type or a subclass of one
_plain_names: dict[type, str | None] = {}

DECODED_CLASSES = {util.importable_name(cls): cls for cls in (DialogState, DialogInstance, PromptOptions)}


class _Unsupported(Exception):
    """The value leaves the fast subset: hand all of it to jsonpickle."""


def encode(value: Any) -> str:
    """`jsonpickle.encode(value)`, byte for byte."""
    try:
        flat = _flatten(value, {})
    except (_Unsupported, RecursionError):
        return jsonpickle.encode(value)
    return _backend.encode(flat)


def decode(document: str) -> Any:
    """`jsonpickle.decode(document)`: equal values, the same classes and the same sharing."""
    try:
        return _restore(_backend.decode(document), [])
    except (_Unsupported, RecursionError):
        return jsonpickle.decode(document)


def _flatten(obj: Any, refs: dict[int, int]) -> Any:
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    if kind is tuple:  # not numbered: jsonpickle repeats a shared tuple in full
        return {tags.TUPLE: [_flatten(item, refs) for item in obj]}
    ref = refs.get(id(obj))
    if ref is not None:
        return {tags.ID: ref}
    if kind is list:
        refs[id(obj)] = len(refs)
        return [_flatten(item, refs) for item in obj]
    if kind is dict:
        refs[id(obj)] = len(refs)
        return _flatten_items(obj, {}, refs)
    name = _plain_name(kind)
    if name is None or handlers.get(kind, handlers.get(name)) is not None:
        raise _Unsupported
    attributes = obj.__dict__
    if not attributes.keys().isdisjoint(_SPECIAL):
        raise _Unsupported
    refs[id(obj)] = len(refs)
    return _flatten_items(attributes, {tags.OBJECT: name}, refs)


def _flatten_items(items: dict, data: dict, refs: dict[int, int]) -> dict:
    for key, value in items.items():
        # jsonpickle writes other keys as repr() and drops tag names: leave both to it.
        if type(key) is not str or key in _TAGS:
            raise _Unsupported
        data[key] = _flatten(value, refs)
    return data


def _plain_name(cls: type) -> str | None:
    """The py/object name of a class jsonpickle renders as its __dict__, else None. Cached."""
    try:
        return _plain_names[cls]
    except KeyError:
        pass
    bases = cls.__mro__[:-1]  # all but object
    plain = (
        bool(bases)
        and all(base.__flags__ & _HEAPTYPE and _SPECIAL.isdisjoint(vars(base)) for base in bases)
        and cls.__reduce__ is object.__reduce__
        and cls.__reduce_ex__ is object.__reduce_ex__
        and not issubclass(cls, Iterator)
    )
    _plain_names[cls] = name = util.importable_name(cls) if plain else None
    return name


def _restore(node: Any, objs: list) -> Any:
    """Turn json.loads output into jsonpickle's result, reusing its dicts and lists in place."""
    kind = type(node)
    if kind is list:
        objs.append(node)
        for index, item in enumerate(node):
            if type(item) in _NESTED:
                node[index] = _restore(item, objs)
        return node
    if kind is not dict:
        return node
    if _TAGS.isdisjoint(node):
        objs.append(node)
        _restore_values(node, objs)
        return node
    if len(node) == 1 and tags.ID in node:
        index = node[tags.ID]
        # jsonpickle reads a negative index from the end and turns a forward one into a proxy.
        if type(index) is int and 0 <= index < len(objs):
            return objs[index]
    elif len(node) == 1 and tags.TUPLE in node:
        items = node[tags.TUPLE]
        if type(items) is list:  # not numbered, like _flatten
            return tuple([_restore(item, objs) for item in items])
    elif tags.OBJECT in node:
        return _restore_object(node, objs)
    raise _Unsupported


def _restore_object(node: dict, objs: list) -> Any:
    name = node.pop(tags.OBJECT)
    cls = DECODED_CLASSES.get(name) if type(name) is str else None
    if (
        cls is None
        or not _TAGS.isdisjoint(node)
        or not _SPECIAL.isdisjoint(node)  # default_factory above all: Unpickler._loadfactory
        or not _DESCRIPTORS[cls].isdisjoint(node)
        or any(key.startswith("__") for key in node)  # jsonpickle mangles these to _Class__name
        or handlers.get(cls, handlers.get(name)) is not None
    ):
        raise _Unsupported
    # Unpickler._restore_object_instance: cls.__new__(cls), numbered before its attributes.
    instance = cls.__new__(cls)
    objs.append(instance)
    _restore_values(node, objs)
    # Equal to jsonpickle's setattr per attribute: no __setattr__, and no descriptor of those names.
    instance.__dict__.update(node)
    return instance


def _restore_values(node: dict, objs: list) -> None:
    for key, value in node.items():
        if type(value) in _NESTED:
            node[key] = _restore(value, objs)


def _descriptors(cls: type) -> frozenset[str]:
    """Names whose setattr does not simply store into __dict__ (properties and the like)."""
    return frozenset(
        name
        for base in cls.__mro__
        for name, attribute in vars(base).items()
        if hasattr(type(attribute), "__set__") or hasattr(type(attribute), "__delete__")
    )


_DESCRIPTORS = {cls: _descriptors(cls) for cls in DECODED_CLASSES.values()}
