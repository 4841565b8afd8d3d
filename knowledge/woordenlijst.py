"""The woordenlijst: every term and abbreviation of the seeds, and a typo-tolerant search over it.

A question ("wat betekent OGGZ?", "quik win", "what is a veelpleger", "hoe lang duurt een tijdelijk
huisverbod?") is reduced to its core ("oggz"), then matched in this order:
1. exactly a term, its expansion or an alias (also without spaces: "top x" = "topx");
2. a question about a fact inside a definition (the entry's `vragen`);
3. a small typo of a name (rapidfuzz), only for cores of four letters or more: short words
   over-match ("eer" would find "Eergerelateerd geweld").
When two entries score alike the result is ambiguous and the bot asks which one is meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from knowledge.bestanden import KennisFout, parse_toml, read_text, require_text
from knowledge.tekst import normalise, zin_score

_BESTAND = "woordenlijst.toml"

EXACT = "exact"
VRAAG = "vraag"
TYPO = "typo"

_TYPO_DREMPEL = 86.0
_VRAAG_DREMPEL = 86.0
_SUGGESTIE_DREMPEL = 60.0
# Two hits closer than this are both offered, instead of guessing one.
_TWIJFEL_MARGE = 3.0
_KORTSTE_TYPO = 4
# Question words long enough to correct a typo in without mistaking another word for them.
_VRAAGWOORDEN = ("betekent", "betekenen", "bedoeld", "uitleggen", "betekenis", "definitie", "explain")
_KORTSTE_VRAAGWOORD = 6

# Question forms around a term, Dutch and English; the named group is the term asked about.
_VRAAGVORMEN = tuple(
    re.compile(patroon)
    for patroon in (
        r"^(?:weet je|weet jij|kun je uitleggen|kan je uitleggen|kun jij uitleggen) wat (?:een |de |het )?(?P<kern>.+?)"
        r" (?:is|zijn|betekent|inhoudt)$",
        r"^wat (?:is|zijn) de betekenis van (?:een |de |het )?(?P<kern>.+)$",
        r"^wat (?:wordt|worden) (?:er )?(?:bedoeld|verstaan) (?:met|onder) (?:een |de |het )?(?P<kern>.+)$",
        r"^(?:wat|wie) (?:is|zijn|was|waren|betekent|betekend|betekenen|bedoel je met|bedoelen jullie met|doet|doen)"
        r"(?: (?:het begrip|de term|de afkorting|een|de|het|eigenlijk))? (?P<kern>.+?)(?: eigenlijk| precies)?$",
        r"^wat (?:houdt|houden) (?:een |de |het )?(?P<kern>.+?) in$",
        r"^waar staat (?:de afkorting )?(?P<kern>.+?) voor$",
        r"^(?:leg|legt) (?:eens |mij |me )*(?:uit )?(?:wat )?(?:een |de |het )?(?P<kern>.+?)(?: is| zijn)?(?: uit)?$",
        r"^(?:uitleg|betekenis|definitie|omschrijving) (?:van |over )?(?:een |de |het )?(?P<kern>.+)$",
        r"^(?:wat|wie) (?:is|are|was) (?:a |an |the )?(?P<kern>.+)$",
        r"^what does (?:a |an |the )?(?P<kern>.+?) (?:mean|stand for)$",
        r"^what (?:is|are) (?:meant by )?(?:a |an |the )?(?P<kern>.+)$",
        r"^what(?: s|s) (?:a |an |the )?(?P<kern>.+)$",
        r"^(?:explain|define|meaning of|definition of) (?:a |an |the )?(?P<kern>.+)$",
        r"^(?P<kern>.+?) (?:betekenis|uitleg|definitie|meaning)$",
    )
)
_BLADER = re.compile(
    r"^(?:woordenlijst|begrippen|begrippenlijst|termen|afkortingen|woorden|glossary|terms)"
    r"(?: (?:met|beginnend met|die beginnen met|op|starting with|with))?(?: (?:een|de letter|letter|the letter))?"
    r" (?P<letter>[a-z])$"
)


@dataclass(frozen=True, slots=True)
class Begrip:
    """One entry: the term as written, its expansion, aliases, definitions, related terms, source."""

    term: str
    voluit: str
    aliassen: tuple[str, ...]
    definitie_nl: str
    definitie_en: str
    zie_ook: tuple[str, ...]
    vragen: tuple[str, ...]
    bron: str
    citaat: str

    @property
    def namen(self) -> tuple[str, ...]:
        """Every way to write this entry: term, expansion, aliases."""
        return (self.term, *((self.voluit,) if self.voluit else ()), *self.aliassen)


@dataclass(frozen=True, slots=True)
class Treffer:
    """An entry found for a question, with how (exact, vraag, typo) and how well (0-100)."""

    begrip: Begrip
    manier: str
    score: float


@dataclass(frozen=True, slots=True)
class Zoekresultaat:
    """What a question found: one sure hit, several close ones, or none (with suggestions)."""

    kern: str
    vraagvorm: bool
    treffers: tuple[Treffer, ...] = ()
    suggesties: tuple[Begrip, ...] = ()

    @property
    def zeker(self) -> Begrip | None:
        """The entry meant, when there is exactly one clear hit."""
        return self.treffers[0].begrip if len(self.treffers) == 1 else None

    @property
    def twijfel(self) -> tuple[Begrip, ...]:
        """The entries to choose from when several are equally close."""
        return tuple(t.begrip for t in self.treffers) if len(self.treffers) > 1 else ()


@dataclass(frozen=True)
class Woordenlijst:
    """All entries, with the lookup tables the search needs (built once at load)."""

    begrippen: tuple[Begrip, ...]
    _namen: dict[str, Begrip] = field(init=False, repr=False)
    _compact: dict[str, Begrip] = field(init=False, repr=False)
    _vragen: dict[str, Begrip] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        namen = {normalise(naam): b for b in self.begrippen for naam in b.namen}
        object.__setattr__(self, "_namen", namen)
        object.__setattr__(self, "_compact", {naam.replace(" ", ""): b for naam, b in namen.items()})
        object.__setattr__(self, "_vragen", {normalise(v): b for b in self.begrippen for v in b.vragen})

    def begrip(self, term: str) -> Begrip | None:
        """The entry with exactly this term, expansion or alias (case and accents ignored)."""
        return self._namen.get(normalise(term))

    def met_letter(self, letter: str) -> tuple[Begrip, ...]:
        """The entries whose term starts with this letter, alphabetically."""
        return tuple(sorted((b for b in self.begrippen if normalise(b.term)[:1] == letter.lower()), key=_sorteer))

    def alfabetisch(self) -> tuple[Begrip, ...]:
        """All entries, alphabetically by term."""
        return tuple(sorted(self.begrippen, key=_sorteer))


def _sorteer(begrip: Begrip) -> str:
    return normalise(begrip.term)


def _tuple_of_text(bestand: str, entry: str, record: dict, veld: str) -> tuple[str, ...]:
    waarde = record.get(veld, [])
    if not isinstance(waarde, list) or not all(isinstance(w, str) and w.strip() for w in waarde):
        raise KennisFout(bestand, entry, f"veld '{veld}' moet een lijst van niet-lege teksten zijn")
    return tuple(w.strip() for w in waarde)


def parse_woordenlijst(naam: str, tekst: str) -> Woordenlijst:
    """Validate woordenlijst.toml: complete entries, unique names, zie_ook pointing at real terms."""
    begrippen: list[Begrip] = []
    gezien: dict[str, str] = {}
    for index, record in enumerate(parse_toml(naam, tekst).get("begrip", []), start=1):
        term = require_text(naam, f"begrip #{index}", record, "term")
        voluit = record.get("voluit", "")
        if not isinstance(voluit, str):
            raise KennisFout(naam, term, "veld 'voluit' moet tekst zijn")
        begrip = Begrip(
            term=term,
            voluit=voluit.strip(),
            aliassen=_tuple_of_text(naam, term, record, "aliassen"),
            definitie_nl=require_text(naam, term, record, "definitie_nl"),
            definitie_en=require_text(naam, term, record, "definitie_en"),
            zie_ook=_tuple_of_text(naam, term, record, "zie_ook"),
            vragen=_tuple_of_text(naam, term, record, "vragen"),
            bron=require_text(naam, term, record, "bron"),
            citaat=require_text(naam, term, record, "citaat"),
        )
        for genormaliseerd in {normalise(n) for n in begrip.namen}:
            if not genormaliseerd:
                raise KennisFout(naam, term, "een naam of alias is leeg na normaliseren")
            if gezien.get(genormaliseerd, term) != term:
                raise KennisFout(naam, term, f"naam '{genormaliseerd}' hoort ook bij '{gezien[genormaliseerd]}'")
            gezien[genormaliseerd] = term
        begrippen.append(begrip)
    if not begrippen:
        raise KennisFout(naam, "begrip", "de woordenlijst is leeg")
    termen = {b.term for b in begrippen}
    for begrip in begrippen:
        for ander in begrip.zie_ook:
            if ander not in termen or ander == begrip.term:
                raise KennisFout(naam, begrip.term, f"zie_ook '{ander}' is geen ander begrip in de lijst")
    return Woordenlijst(tuple(begrippen))


@cache
def load_woordenlijst() -> Woordenlijst:
    """The glossary of knowledge/data/woordenlijst.toml."""
    return parse_woordenlijst(_BESTAND, read_text(_BESTAND))


def kern_van(vraag: str) -> tuple[str, bool]:
    """The term a question asks about, and whether it was phrased as a question about a term."""
    woorden_ = normalise(vraag).replace("?", " ").split()
    # A typo in a question word ("wat betkent OGGZ") should not hide the question.
    tekst = " ".join(_verbeter_vraagwoord(w) if i < 3 else w for i, w in enumerate(woorden_))
    for vorm in _VRAAGVORMEN:
        gevonden = vorm.match(tekst)
        if gevonden:
            return gevonden.group("kern").strip(), True
    return tekst, False


def _verbeter_vraagwoord(woord: str) -> str:
    """'betkent' -> 'betekent': the long question words, typo-tolerant; other words as they are."""
    if len(woord) < _KORTSTE_VRAAGWOORD:
        return woord
    gevonden = process.extractOne(woord, _VRAAGWOORDEN, scorer=fuzz.ratio, score_cutoff=_TYPO_DREMPEL)
    return gevonden[0] if gevonden else woord


def blader_letter(vraag: str) -> str | None:
    """'begrippen met een V' -> 'v': the letter a user wants to browse, if they asked that."""
    gevonden = _BLADER.match(" ".join(normalise(vraag).replace("?", " ").split()))
    return gevonden.group("letter") if gevonden else None


def zoek(vraag: str, woordenlijst: Woordenlijst) -> Zoekresultaat:
    """Find the entry (or entries) a question asks about; suggestions when none fits."""
    kern, vraagvorm = kern_van(vraag)
    if not kern:
        return Zoekresultaat(kern, vraagvorm)
    exact = woordenlijst._namen.get(kern) or woordenlijst._compact.get(kern.replace(" ", ""))
    if exact is not None:
        return Zoekresultaat(kern, vraagvorm, (Treffer(exact, EXACT, 100.0),))
    volledig = " ".join(normalise(vraag).replace("?", " ").split())
    treffers = _beste_per_begrip(
        [Treffer(b, VRAAG, zin_score(volledig, v)) for v, b in woordenlijst._vragen.items()], _VRAAG_DREMPEL
    )
    if not treffers and len(kern) >= _KORTSTE_TYPO:
        treffers = _beste_per_begrip(
            [
                Treffer(b, TYPO, max(fuzz.ratio(kern, naam), fuzz.ratio(kern.replace(" ", ""), naam.replace(" ", ""))))
                for naam, b in woordenlijst._namen.items()
            ],
            _TYPO_DREMPEL,
        )
    if treffers:
        beste = treffers[0].score
        return Zoekresultaat(kern, vraagvorm, tuple(t for t in treffers if beste - t.score < _TWIJFEL_MARGE)[:3])
    return Zoekresultaat(kern, vraagvorm, suggesties=_suggesties(kern, woordenlijst))


def _beste_per_begrip(treffers: Iterable[Treffer], drempel: float) -> list[Treffer]:
    """Per entry its best hit at or above the threshold, best first (ties by term, stable)."""
    beste: dict[str, Treffer] = {}
    for treffer in treffers:
        huidig = beste.get(treffer.begrip.term)
        if treffer.score >= drempel and (huidig is None or treffer.score > huidig.score):
            beste[treffer.begrip.term] = treffer
    return sorted(beste.values(), key=lambda t: (-t.score, t.begrip.term))


def _suggesties(kern: str, woordenlijst: Woordenlijst) -> tuple[Begrip, ...]:
    """Up to three entries whose names look most like the question, for 'bedoel je …?'."""
    if len(kern) < _KORTSTE_TYPO:
        return ()
    gevonden = process.extract(kern, list(woordenlijst._namen), scorer=fuzz.WRatio, limit=10)
    uniek: list[Begrip] = []
    for naam, score, _ in gevonden:
        begrip = woordenlijst._namen[naam]
        if score >= _SUGGESTIE_DREMPEL and begrip not in uniek:
            uniek.append(begrip)
    return tuple(uniek[:3])
