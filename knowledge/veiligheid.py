"""Safety first: does a message say that someone may be in danger now? Then 112 comes first.

Matching is on whole words and phrases of the normalised text. A single word of six letters or
more also counts with a small typo ("zelfmoort"); a word that is enough on its own, of five letters
or more, also inside a compound ("zelfmoordgedachten"). Short words must match whole, so that
"mesthoop" is no knife, and "geweldig" is no "geweld".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from knowledge.bestanden import KennisFout, parse_toml, read_text, require_text
from knowledge.tekst import woorden

_BESTAND = "acuut.toml"
_TYPO_DREMPEL = 88.0
_KORTSTE_TYPO_WOORD = 6
_KORTSTE_DEELWOORD = 5
# How many distinct words' matches are remembered (bounded: users type anything), and the longest
# word remembered (no real word is longer).
_WOORDEN_ONTHOUDEN = 4096
_LANGSTE_ONTHOUDEN = 40


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
    _losse_woorden: _LosseWoorden = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        enkel = {f[0] for s in self.soorten for f in (*s.altijd, *s.met_nu) if len(f) == 1}
        enkel |= {f[0] for f in self.nu if len(f) == 1}
        object.__setattr__(self, "_losse_woorden", _LosseWoorden(enkel))


class _LosseWoorden:
    """For a word of a message, the one-word phrases it is close to (a typo) or contains (a compound),
    remembered per word. Every message is checked for danger, so this must cost microseconds, not
    a fuzzy comparison of every word with every phrase."""

    def __init__(self, frases: set[str]) -> None:
        self._lang = sorted(f for f in frases if len(f) >= _KORTSTE_TYPO_WOORD)
        self._deel = sorted(f for f in frases if len(f) >= _KORTSTE_DEELWOORD)
        self._onthouden: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def van(self, woord: str) -> tuple[frozenset[str], frozenset[str]]:
        """(phrases within a typo of the word, phrases inside the word)."""
        gevonden = self._onthouden.get(woord)
        if gevonden is None:
            typo = frozenset(
                f for f, _, _ in process.extract(woord, self._lang, scorer=fuzz.ratio,
                                                 score_cutoff=_TYPO_DREMPEL, limit=None)
            ) if len(woord) >= _KORTSTE_TYPO_WOORD else frozenset()
            gevonden = (typo, frozenset(f for f in self._deel if f in woord))
            if len(woord) <= _LANGSTE_ONTHOUDEN:
                if len(self._onthouden) >= _WOORDEN_ONTHOUDEN:
                    self._onthouden.pop(next(iter(self._onthouden)))  # the oldest goes
                self._onthouden[woord] = gevonden
        return gevonden


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
    tekst_nu = _Tekst(gegeven, lijst._losse_woorden)
    nu = any(tekst_nu.bevat(frase) for frase in lijst.nu)
    for soort in lijst.soorten:
        gevonden = [f for f in soort.altijd if tekst_nu.bevat(f, in_samenstelling=True)]
        if nu:
            gevonden += [f for f in soort.met_nu if tekst_nu.bevat(f)]
        if gevonden:
            return Gevaar(soort.naam, tuple(" ".join(f) for f in gevonden), lijst.noodnummer, soort.hulplijn)
    return None


class _Tekst:
    """The words of one message, with what each one-word phrase needs to know about them."""

    def __init__(self, gegeven: list[str], losse_woorden: _LosseWoorden) -> None:
        self.gegeven = gegeven
        self.aanwezig = set(gegeven)
        per_woord = [losse_woorden.van(woord) for woord in self.aanwezig]
        self.typo = frozenset().union(*(typo for typo, _ in per_woord))
        self.binnen = frozenset().union(*(binnen for _, binnen in per_woord))

    def bevat(self, frase: tuple[str, ...], *, in_samenstelling: bool = False) -> bool:
        """A phrase occurs as consecutive words; a single long word also with a typo, and (for the
        words that are enough on their own) inside a compound."""
        if frase[0] not in self.aanwezig:
            pass  # not as whole words; a single word may still be there with a typo or in a compound
        elif len(frase) == 1:
            return True
        else:
            lengte, gegeven = len(frase), self.gegeven
            if any(tuple(gegeven[s : s + lengte]) == frase for s in range(len(gegeven) - lengte + 1)):
                return True
        if len(frase) != 1:
            return False
        return (in_samenstelling and frase[0] in self.binnen) or frase[0] in self.typo
