"""Safety first: does a message say that someone may be in danger now? Then 112 comes first.

Matching is on whole words and phrases of the normalised text. A single word of six letters or
more also counts with a small typo ("zelfmoort"); a word that is enough on its own, of five letters
or more, also inside a compound ("zelfmoordgedachten"). Short words must match whole, so that
"mesthoop" is no knife, and "geweldig" is no "geweld".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from knowledge.bestanden import KennisFout, parse_toml, read_text, require_text
from knowledge.tekst import woorden

_BESTAND = "acuut.toml"
_TYPO_DREMPEL = 88.0
_KORTSTE_TYPO_WOORD = 6
_KORTSTE_DEELWOORD = 5


@dataclass(frozen=True, slots=True)
class Noodnummer:
    """The number to call in acute danger, what to say, and where that comes from."""

    nummer: str
    wanneer_nl: str
    wanneer_en: str
    bron: str


@dataclass(frozen=True, slots=True)
class Gevaarsoort:
    """A kind of acute danger with the words that signal it, and a helpline beside 112 if any."""

    naam: str
    altijd: tuple[tuple[str, ...], ...]
    met_nu: tuple[tuple[str, ...], ...]
    hulplijn: Noodnummer | None = None


@dataclass(frozen=True, slots=True)
class Acuutlijst:
    """All kinds of acute danger, the words for 'now', and the emergency number."""

    soorten: tuple[Gevaarsoort, ...]
    nu: tuple[tuple[str, ...], ...]
    noodnummer: Noodnummer


@dataclass(frozen=True, slots=True)
class Gevaar:
    """A message that signals acute danger: which kind, and the words that gave it away."""

    soort: str
    woorden: tuple[str, ...]
    noodnummer: Noodnummer
    hulplijn: Noodnummer | None = None


def _frases(bestand: str, entry: str, lijst: object) -> tuple[tuple[str, ...], ...]:
    if not isinstance(lijst, list) or not all(isinstance(w, str) and woorden(w) for w in lijst):
        raise KennisFout(bestand, entry, "verwacht een lijst van niet-lege woorden")
    return tuple(tuple(woorden(w)) for w in lijst)


def parse_acuut(naam: str, tekst: str) -> Acuutlijst:
    """Validate acuut.toml: every kind has words, 'nu' is not empty, the number has its texts."""
    data = parse_toml(naam, tekst)
    soorten = []
    for index, record in enumerate(data.get("soort", [])):
        soort = require_text(naam, f"soort #{index + 1}", record, "naam")
        altijd = _frases(naam, soort, record.get("altijd", []))
        met_nu = _frases(naam, soort, record.get("met_nu", []))
        if not altijd and not met_nu:
            raise KennisFout(naam, soort, "heeft geen woorden")
        hulplijn = _noodnummer(naam, f"{soort}.hulplijn", record["hulplijn"]) if "hulplijn" in record else None
        soorten.append(Gevaarsoort(soort, altijd, met_nu, hulplijn))
    if not soorten:
        raise KennisFout(naam, "soort", "geen enkele soort gevaar")
    nu = _frases(naam, "nu", data.get("nu"))
    if not nu:
        raise KennisFout(naam, "nu", "lijst is leeg")
    return Acuutlijst(tuple(soorten), nu, _noodnummer(naam, "noodnummer", data.get("noodnummer", {})))


def _noodnummer(naam: str, entry: str, record: object) -> Noodnummer:
    if not isinstance(record, dict):
        raise KennisFout(naam, entry, "verwacht een tabel met nummer, wanneer_nl, wanneer_en en bron")
    velden = ("nummer", "wanneer_nl", "wanneer_en", "bron")
    return Noodnummer(*(require_text(naam, entry, record, veld) for veld in velden))


@cache
def load_acuut() -> Acuutlijst:
    """The acute-danger words of knowledge/data/acuut.toml."""
    return parse_acuut(_BESTAND, read_text(_BESTAND))


def acuut_gevaar(tekst: str, lijst: Acuutlijst) -> Gevaar | None:
    """The first kind of acute danger the message signals, or None."""
    gegeven = woorden(tekst)
    if not gegeven:
        return None
    nu = any(_komt_voor(frase, gegeven) for frase in lijst.nu)
    for soort in lijst.soorten:
        gevonden = [f for f in soort.altijd if _komt_voor(f, gegeven, in_samenstelling=True)]
        if nu:
            gevonden += [f for f in soort.met_nu if _komt_voor(f, gegeven)]
        if gevonden:
            return Gevaar(soort.naam, tuple(" ".join(f) for f in gevonden), lijst.noodnummer, soort.hulplijn)
    return None


def _komt_voor(frase: tuple[str, ...], gegeven: list[str], *, in_samenstelling: bool = False) -> bool:
    """A phrase occurs as consecutive words; a single long word also with a typo, and (for the
    words that are enough on their own) inside a compound."""
    lengte = len(frase)
    for start in range(len(gegeven) - lengte + 1):
        if tuple(gegeven[start : start + lengte]) == frase:
            return True
    if lengte != 1:
        return False
    doel = frase[0]
    if in_samenstelling and len(doel) >= _KORTSTE_DEELWOORD and any(doel in woord for woord in gegeven):
        return True
    return len(doel) >= _KORTSTE_TYPO_WOORD and any(
        len(woord) >= _KORTSTE_TYPO_WOORD and fuzz.ratio(woord, doel) >= _TYPO_DREMPEL for woord in gegeven
    )
