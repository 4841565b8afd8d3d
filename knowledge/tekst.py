"""Text normalisation shared by every matcher: lower case, no accents, no punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_NOT_WORD = re.compile(r"[^\w?]+")


def normalise(tekst: str) -> str:
    """'Financiële  uitbuiting!' -> 'financiele uitbuiting' (keeps '?', the help shortcut)."""
    # One message is normalised by a dozen matchers (danger, commands, language, glossary, signals)
    # in a turn: a short one is remembered for a while; a long one is not kept at all.
    return _normalise_kort(tekst) if len(tekst) <= _KORT else _normalise(tekst)


# Remembered texts: at most this many, of at most this length (a few hundred KB in all).
_ONTHOUDEN = 256
_KORT = 500


@lru_cache(maxsize=_ONTHOUDEN)
def _normalise_kort(tekst: str) -> str:
    return _normalise(tekst)


def _normalise(tekst: str) -> str:
    zonder_accenten = "".join(
        c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)
    )
    return _NOT_WORD.sub(" ", zonder_accenten.casefold()).replace("_", " ").strip()


def woorden(tekst: str) -> list[str]:
    """The normalised words of a text, '?' dropped."""
    return [w for w in normalise(tekst).replace("?", " ").split() if w]


def zin_score(vraag: str, voorbeeld: str, **_: object) -> float:
    """How well a message matches an example sentence, word order free: an example fully inside a
    longer message still scores high (token_set), but not so high that every message sharing a
    few words wins (token_sort keeps it honest). Usable as a rapidfuzz scorer."""
    return (fuzz.token_set_ratio(vraag, voorbeeld) + fuzz.token_sort_ratio(vraag, voorbeeld)) / 2
