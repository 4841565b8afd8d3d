"""Text normalisation shared by every matcher: lower case, no accents, no punctuation."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w?]+")


def normalise(tekst: str) -> str:
    """'Financiële  uitbuiting!' -> 'financiele uitbuiting' (keeps '?', the help shortcut)."""
    zonder_accenten = "".join(
        c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)
    )
    return _NOT_WORD.sub(" ", zonder_accenten.casefold()).replace("_", " ").strip()


def woorden(tekst: str) -> list[str]:
    """The normalised words of a text, '?' dropped."""
    return [w for w in normalise(tekst).replace("?", " ").split() if w]
