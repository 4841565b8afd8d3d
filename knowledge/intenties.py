"""Deterministic intent recognition: command words and example utterances, matched with rapidfuzz.

The bot routes with a fixed priority (safety first, see knowledge.veiligheid); this module only
says which intent a message is closest to, and how sure it is, so the router can decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from knowledge.bestanden import KennisFout, parse_toml, read_text
from knowledge.tekst import normalise, zin_score

_BESTAND = "intenties.toml"
HULP = "hulp"
STOPPEN = "stoppen"
GROET = "groet"
CRITERIA_CHECK = "criteria_check"
SNELLE_CHECK = "snelle_check"
AANMELDEN = "aanmelden"
MIJN_AANMELDINGEN = "mijn_aanmeldingen"
SIGNAAL = "signaal"
WOORDENLIJST = "woordenlijst"
# For ZVH-medewerkers only (the dialogs check the role).
WERKVOORRAAD = "werkvoorraad"
CIJFERS = "cijfers"
_BEKEND = (
    HULP, STOPPEN, GROET, CRITERIA_CHECK, SNELLE_CHECK, AANMELDEN, MIJN_AANMELDINGEN, SIGNAAL, WOORDENLIJST,
    WERKVOORRAAD, CIJFERS,
)

# A command is the whole message; a typo ("anuleren") still counts, a sentence does not.
_COMMANDO_DREMPEL = 88.0
_VOORBEELD_DREMPEL = 75.0
# Below this gap between the two best intents the message is ambiguous, not a guess.
_MARGE = 8.0
_KORTSTE_FUZZY_COMMANDO = 4


@dataclass(frozen=True, slots=True)
class Intentie:
    """An intent with its command words and example utterances (all normalised)."""

    naam: str
    commando: tuple[str, ...]
    voorbeelden: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Herkenning:
    """What a message was recognised as: the intent, how (commando/voorbeeld) and the score."""

    intentie: str
    manier: str
    score: float


def parse_intenties(naam: str, tekst: str) -> tuple[Intentie, ...]:
    """Validate intenties.toml: known names, no duplicates, at least one command word each."""
    data = parse_toml(naam, tekst)
    intenties: list[Intentie] = []
    for index, record in enumerate(data.get("intentie", [])):
        intentie = record.get("naam", f"#{index + 1}")
        if intentie not in _BEKEND:
            raise KennisFout(naam, intentie, "onbekende intentie")
        if any(i.naam == intentie for i in intenties):
            raise KennisFout(naam, intentie, "staat er twee keer in")
        commando = tuple(normalise(c) for c in record.get("commando", []))
        if not commando or not all(commando):
            raise KennisFout(naam, intentie, "heeft geen (of een leeg) commando")
        voorbeelden = tuple(normalise(v) for v in record.get("voorbeelden", []))
        intenties.append(Intentie(intentie, commando, voorbeelden))
    ontbreekt = set(_BEKEND) - {i.naam for i in intenties}
    if ontbreekt:
        raise KennisFout(naam, ", ".join(sorted(ontbreekt)), "intentie ontbreekt")
    return tuple(intenties)


@cache
def load_intenties() -> tuple[Intentie, ...]:
    """The intents of knowledge/data/intenties.toml."""
    return parse_intenties(_BESTAND, read_text(_BESTAND))


def herken_commando(tekst: str, intenties: Sequence[Intentie]) -> Herkenning | None:
    """The intent whose command word *is* the whole message (typos tolerated), else None."""
    vraag = normalise(tekst)
    if not vraag:
        return None
    for intentie in intenties:
        if vraag in intentie.commando:
            return Herkenning(intentie.naam, "commando", 100.0)
    if len(vraag) < _KORTSTE_FUZZY_COMMANDO:
        return None
    beste: Herkenning | None = None
    for intentie in intenties:
        woorden = [c for c in intentie.commando if len(c) >= _KORTSTE_FUZZY_COMMANDO]
        gevonden = process.extractOne(vraag, woorden, scorer=fuzz.ratio) if woorden else None
        if gevonden and gevonden[1] >= _COMMANDO_DREMPEL and (beste is None or gevonden[1] > beste.score):
            beste = Herkenning(intentie.naam, "commando", float(gevonden[1]))
    return beste


def herken(tekst: str, intenties: Sequence[Intentie]) -> Herkenning | None:
    """A command word, else the closest example utterance if it is close and unambiguous."""
    commando = herken_commando(tekst, intenties)
    if commando is not None:
        return commando
    vraag = normalise(tekst)
    if len(vraag) < _KORTSTE_FUZZY_COMMANDO:
        return None
    scores = sorted(
        (
            (float(gevonden[1]), intentie.naam)
            for intentie in intenties
            if intentie.voorbeelden
            and (gevonden := process.extractOne(vraag, intentie.voorbeelden, scorer=zin_score))
        ),
        reverse=True,
    )
    if not scores or scores[0][0] < _VOORBEELD_DREMPEL:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < _MARGE:
        return None
    return Herkenning(scores[0][1], "voorbeeld", scores[0][0])
