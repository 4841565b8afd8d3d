"""Meldpunten: which kind of signal a professional describes, and where to report it per region.

A signal is recognised by the words and phrases of each kind (soort) in meldpunten.toml, matched on
whole normalised words: "IS" in a phrase such as "sympathie voor IS" is the group, the verb "is" on
its own is nothing. A word may carry "*" to match a stem ("*radical*": geradicaliseerd,
radicalised), and "a|b*" gives alternatives for one place in a phrase (the star only for b).
"a ~ b" asks for both parts close together, in any order ("slaat ~ kinderen" also finds "een
moeder die haar kind steeds slaat"). A plain word of seven letters or more also counts with a small
typo ("partnergewelt"). The kinds with the most matching entries come first; "anders" is what is
left when nothing matches, so it is never recognised.

For a kind and a Veiligheidshuis, `Meldpunten.voor` lists the regional meldpunten of that house first
and then the national ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from typing import Any

from rapidfuzz import fuzz, process

from knowledge.bestanden import KennisFout, optional_text, parse_toml, read_text, require_text
from knowledge.regios import load_regios
from knowledge.tekst import woorden

_BESTAND = "meldpunten.toml"

ANDERS = "anders"
LANDELIJK = "*"

_CODE = re.compile(r"[a-z][a-z0-9_]*")
_TELEFOON = re.compile(r"[0-9 +-]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_WEBSITE = re.compile(r"https?://\S+")
_TYPO_DREMPEL = 88.0
_KORTSTE_TYPO_WOORD = 7
_KORTSTE_STAM = 4
# The parts of "a ~ b" must start at most this many words apart.
_NABIJ = 8

_SOORT_BEKEND = {
    "code", "naam_nl", "naam_en", "uitleg_nl", "uitleg_en", "signalen_nl", "signalen_en", "woorden", "bron",
}
_MELDPUNT_BEKEND = {
    "code", "naam", "soorten", "regios", "wat_nl", "wat_en", "daarna_nl", "daarna_en",
    "voorbereiden_nl", "voorbereiden_en", "telefoon", "website", "email", "bron",
}
_CONTACTVELDEN = ("telefoon", "website", "email")


@dataclass(frozen=True, slots=True)
class Signaalsoort:
    """A kind of signal: what counts as it, the signs to look for, and (for recognising it in free
    text) its words and phrases as written in the data file."""

    code: str
    naam_nl: str
    naam_en: str
    uitleg_nl: str
    uitleg_en: str
    signalen_nl: tuple[str, ...]
    signalen_en: tuple[str, ...]
    bron: str
    woorden: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Meldpunt:
    """A place or route to report to; telefoon, website, email and bron are "" when unknown.
    `regios` holds house codes ("MH", ...) or "*" for a national meldpunt."""

    code: str
    naam: str
    soorten: tuple[str, ...]
    regios: tuple[str, ...]
    wat_nl: str
    wat_en: str
    daarna_nl: str
    daarna_en: str
    voorbereiden_nl: str
    voorbereiden_en: str
    telefoon: str
    website: str
    email: str
    bron: str

    @property
    def landelijk(self) -> bool:
        return LANDELIJK in self.regios


@dataclass(frozen=True, slots=True)
class _Vorm:
    """One form of a word: whole, or as the start (`begin`), the end (`eind`) or anywhere inside a
    word (both). A whole form of _KORTSTE_TYPO_WOORD letters or more also fits with a small typo."""

    tekst: str
    begin: bool = False
    eind: bool = False


# One place in a phrase: any of these forms.
_Woord = tuple[_Vorm, ...]
_Frase = tuple[_Woord, ...]
# One entry of `woorden`: a phrase, or (for "a ~ b") several phrases that must occur close together.
_Patroon = tuple[_Frase, ...]
# How many distinct words' forms are remembered (the words professionals write repeat a lot), and
# the longest word remembered (no real word is longer; a pasted string is not worth keeping).
_WOORDEN_ONTHOUDEN = 4096
_LANGSTE_ONTHOUDEN = 40


class _Vormen:
    """Which forms fit a word, looked up instead of tried one by one: a whole form by dictionary, a
    start or end by the word's own prefixes and suffixes, typos in one rapidfuzz pass over the long
    whole forms. This runs on every message (is it a signal?), so it must cost microseconds; forms
    are numbered, and a word's fitting forms are a frozenset of those numbers."""

    def __init__(self, vormen: list[_Vorm]) -> None:
        self.nummer = {vorm: i for i, vorm in enumerate(vormen)}
        self._heel: dict[str, list[int]] = {}
        self._begin: dict[str, list[int]] = {}
        self._eind: dict[str, list[int]] = {}
        self._binnen: list[tuple[str, int]] = []
        for vorm, i in self.nummer.items():
            if vorm.begin and vorm.eind:
                self._binnen.append((vorm.tekst, i))
            else:
                soort = self._begin if vorm.begin else self._eind if vorm.eind else self._heel
                soort.setdefault(vorm.tekst, []).append(i)
        self._lang = [tekst for tekst in self._heel if len(tekst) >= _KORTSTE_TYPO_WOORD]
        # Only the lengths the stems have: a long word costs a few slices, not one per letter.
        self._begin_lengtes = sorted({len(tekst) for tekst in self._begin})
        self._eind_lengtes = sorted({len(tekst) for tekst in self._eind})
        self._onthouden: dict[str, frozenset[int]] = {}

    def van(self, woord: str) -> frozenset[int]:
        passend = self._onthouden.get(woord)
        if passend is None:
            passend = self._zoek(woord)
            if len(woord) <= _LANGSTE_ONTHOUDEN:
                if len(self._onthouden) >= _WOORDEN_ONTHOUDEN:
                    self._onthouden.pop(next(iter(self._onthouden)))  # the oldest goes: memory stays bounded
                self._onthouden[woord] = passend
        return passend

    def _zoek(self, woord: str) -> frozenset[int]:
        gevonden = list(self._heel.get(woord, ()))
        for lengte in self._begin_lengtes:
            gevonden += self._begin.get(woord[:lengte], ()) if lengte <= len(woord) else ()
        for lengte in self._eind_lengtes:
            gevonden += self._eind.get(woord[-lengte:], ()) if lengte <= len(woord) else ()
        gevonden += (i for tekst, i in self._binnen if tekst in woord)
        if len(woord) >= _KORTSTE_TYPO_WOORD:
            for tekst, _, _ in process.extract(
                woord, self._lang, scorer=fuzz.ratio, score_cutoff=_TYPO_DREMPEL, limit=None
            ):
                gevonden += self._heel[tekst]
        return frozenset(gevonden)


# A phrase as the numbers of the forms that fit each of its places, and an entry as its phrases.
_Plaatsen = tuple[frozenset[int], ...]
_Entry = tuple[_Plaatsen, ...]


@dataclass(frozen=True)
class Meldpunten:
    """All kinds of signal and all meldpunten, with the phrases to recognise them (built once)."""

    soorten: tuple[Signaalsoort, ...]
    meldpunten: tuple[Meldpunt, ...]
    _vormen: _Vormen = field(init=False, repr=False, compare=False)
    # For each form's number, the entries (kind's order, kind, index, entry) it appears in: a text is only
    # tried against the entries that share a form with it.
    _waar: dict[int, tuple[tuple[int, str, int, _Entry], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patronen = [(s.code, [_patroon(w) for w in s.woorden]) for s in self.soorten if s.code != ANDERS]
        vormen = _Vormen(list(dict.fromkeys(
            vorm for _, lijst in patronen for patroon in lijst for frase in patroon for plek in frase for vorm in plek
        )))
        waar: dict[int, list[tuple[int, str, int, _Entry]]] = {}
        for volgorde, (code, lijst) in enumerate(patronen):
            for index, patroon in enumerate(lijst):
                entry = tuple(tuple(frozenset(vormen.nummer[v] for v in plek) for plek in frase) for frase in patroon)
                for nummer in {n for frase in entry for plek in frase for n in plek}:
                    # The entry's index keeps two entries that compile alike apart: each one counts.
                    waar.setdefault(nummer, []).append((volgorde, code, index, entry))
        object.__setattr__(self, "_vormen", vormen)
        object.__setattr__(self, "_waar", {nummer: tuple(lijst) for nummer, lijst in waar.items()})

    def soort(self, code: str) -> Signaalsoort | None:
        """The kind with this code, or None."""
        return next((s for s in self.soorten if s.code == code), None)

    def voor(self, soort: str, huis_code: str | None) -> tuple[Meldpunt, ...]:
        """The meldpunten for a kind of signal: those of the house first, then the national ones.
        Without a house: the national ones, then every regional one for that kind."""
        passend = [m for m in self.meldpunten if soort in m.soorten]
        landelijk = [m for m in passend if m.landelijk]
        if huis_code is None:
            return (*landelijk, *(m for m in passend if not m.landelijk))
        code = huis_code.strip().upper()
        return (*(m for m in passend if not m.landelijk and code in m.regios), *landelijk)


def herken_soort(tekst: str, meldpunten: Meldpunten) -> tuple[str, ...]:
    """The kinds of signal a free text is about, most matching entries first (ties in file order);
    () when none, several when the text fits more than one kind. Never "anders"."""
    per_woord = [meldpunten._vormen.van(woord) for woord in woorden(tekst)]
    kandidaten = {kandidaat for passend in per_woord for nummer in passend for kandidaat in meldpunten._waar[nummer]}
    treffers: dict[tuple[int, str], int] = {}
    for volgorde, code, _, entry in kandidaten:
        if _komt_voor(entry, per_woord):
            treffers[volgorde, code] = treffers.get((volgorde, code), 0) + 1
    return tuple(code for (_, code), _ in sorted(treffers.items(), key=lambda t: (-t[1], t[0][0])))


def _komt_voor(entry: _Entry, per_woord: list[frozenset[int]]) -> bool:
    """A phrase occurs; the parts of "a ~ b" each occur, starting at most _NABIJ words apart."""
    plekken = [_plekken(frase, per_woord) for frase in entry]
    if not all(plekken):
        return False
    if len(plekken) == 1:
        return True
    return any(max(keuze) - min(keuze) <= _NABIJ for keuze in product(*plekken))


def _plekken(frase: _Plaatsen, per_woord: list[frozenset[int]]) -> list[int]:
    """Where in the text the phrase starts (as consecutive words)."""
    eerste, rest = frase[0], frase[1:]
    return [
        start
        for start in range(len(per_woord) - len(frase) + 1)
        if not eerste.isdisjoint(per_woord[start])
        and all(not plek.isdisjoint(per_woord[start + i]) for i, plek in enumerate(rest, 1))
    ]


def _patroon(tekst: str) -> _Patroon:
    """Compile one entry of `woorden` ("a b", "a|b", "stam*", "a ~ b"); a ValueError says what is wrong."""
    delen = tekst.split("~")
    if len(delen) > 1 and any(not deel.strip() for deel in delen):
        raise ValueError(f"'{tekst}': '~' moet tussen twee delen staan")
    if re.search(r"\|\s|\s\|", tekst):
        raise ValueError(f"'{tekst}': om '|' staan geen spaties (een alternatief is één woord)")
    return tuple(_frase(deel) for deel in delen)


def _frase(patroon: str) -> _Frase:
    """Compile one phrase: words separated by spaces, each "a|b" with "*" per alternative."""
    frase: list[_Woord] = []
    for ruw in patroon.split():
        alternatieven = [_alternatief(ruw, a) for a in ruw.split("|")]
        if len(alternatieven) == 1 and len(alternatieven[0]) > 1:
            frase += [(vorm,) for vorm in alternatieven[0]]
            continue
        if any(len(a) != 1 for a in alternatieven):
            raise ValueError(f"'{ruw}': elk alternatief na '|' moet één woord zijn")
        frase.append(tuple(a[0] for a in alternatieven))
    if not frase:
        raise ValueError(f"'{patroon}': leeg")
    return tuple(frase)


def _alternatief(ruw: str, alternatief: str) -> list[_Vorm]:
    """One alternative as normalised words; "anti-overheid*" is two words, the stars go outward."""
    eind, begin = alternatief.startswith("*"), alternatief.endswith("*")
    kern = alternatief.strip("*")
    if "*" in kern:
        raise ValueError(f"'{ruw}': '*' mag alleen aan het begin of eind van een woord staan")
    delen = woorden(kern)
    if not delen:
        raise ValueError(f"'{ruw}': een leeg woord")
    if (begin and len(delen[-1]) < _KORTSTE_STAM) or (eind and len(delen[0]) < _KORTSTE_STAM):
        raise ValueError(f"'{ruw}': een woord met '*' heeft minstens {_KORTSTE_STAM} letters nodig")
    laatste = len(delen) - 1
    return [_Vorm(deel, begin and i == laatste, eind and i == 0) for i, deel in enumerate(delen)]


# --- parsing --------------------------------------------------------------------------------------


def _alleen_bekend(bestand: str, entry: str, record: dict[str, Any], bekend: set[str]) -> None:
    for veld in record:
        if veld not in bekend:
            raise KennisFout(bestand, entry, f"onbekend veld '{veld}'")


def _code(bestand: str, entry: str, record: dict[str, Any]) -> str:
    code = require_text(bestand, entry, record, "code")
    if not _CODE.fullmatch(code):
        raise KennisFout(bestand, entry, f"code '{code}' mag alleen kleine letters, cijfers en _ bevatten")
    return code


def _teksten(bestand: str, entry: str, record: dict[str, Any], veld: str, *, leeg_mag: bool = False) -> tuple[str, ...]:
    waarde = record.get(veld, [] if leeg_mag else None)
    if not isinstance(waarde, list) or not all(isinstance(w, str) and w.strip() for w in waarde):
        raise KennisFout(bestand, entry, f"veld '{veld}' moet een lijst van niet-lege teksten zijn")
    if not waarde and not leeg_mag:
        raise KennisFout(bestand, entry, f"veld '{veld}' is leeg")
    if len(set(waarde)) != len(waarde):
        raise KennisFout(bestand, entry, f"veld '{veld}' noemt iets twee keer")
    return tuple(w.strip() for w in waarde)


def _parse_soort(bestand: str, index: int, record: dict[str, Any]) -> Signaalsoort:
    code = _code(bestand, f"soort #{index}", record)
    _alleen_bekend(bestand, code, record, _SOORT_BEKEND)
    signalen_nl = _teksten(bestand, code, record, "signalen_nl")
    signalen_en = _teksten(bestand, code, record, "signalen_en")
    if len(signalen_nl) != len(signalen_en):
        raise KennisFout(bestand, code, "signalen_nl en signalen_en moeten even lang zijn (het zijn vertalingen)")
    lijst = _teksten(bestand, code, record, "woorden", leeg_mag=True)
    if code == ANDERS and lijst:
        raise KennisFout(bestand, code, "'anders' krijgt geen woorden: het is wat overblijft als niets herkend wordt")
    if code != ANDERS and not lijst:
        raise KennisFout(bestand, code, "heeft geen woorden: de soort kan dan nooit herkend worden")
    for woord in lijst:
        try:
            _patroon(woord)
        except ValueError as fout:
            raise KennisFout(bestand, code, f"woord {fout}") from fout
    teksten = {v: require_text(bestand, code, record, v) for v in ("naam_nl", "naam_en", "uitleg_nl", "uitleg_en")}
    return Signaalsoort(
        code=code,
        **teksten,
        signalen_nl=signalen_nl,
        signalen_en=signalen_en,
        bron=require_text(bestand, code, record, "bron"),
        woorden=lijst,
    )


def _parse_meldpunt(
    bestand: str, index: int, record: dict[str, Any], soorten: set[str], huizen: set[str]
) -> Meldpunt:
    code = _code(bestand, f"meldpunt #{index}", record)
    _alleen_bekend(bestand, code, record, _MELDPUNT_BEKEND)
    eigen_soorten = _teksten(bestand, code, record, "soorten")
    for soort in eigen_soorten:
        if soort not in soorten:
            raise KennisFout(bestand, code, f"onbekende soort '{soort}'")
    regios = _teksten(bestand, code, record, "regios")
    if LANDELIJK in regios and len(regios) > 1:
        raise KennisFout(bestand, code, "'*' (landelijk) staat alleen in regios")
    for regio in regios:
        if regio != LANDELIJK and regio not in huizen:
            raise KennisFout(bestand, code, f"onbekende regio '{regio}' (bekend: {', '.join(sorted(huizen))} of '*')")
    contact = {veld: optional_text(bestand, code, record, veld) for veld in _CONTACTVELDEN}
    telefoon = contact["telefoon"]
    if telefoon and not (_TELEFOON.fullmatch(telefoon) and any(c.isdigit() for c in telefoon)):
        raise KennisFout(bestand, code, f"telefoon '{telefoon}' mag alleen cijfers, spaties, streepjes en + bevatten")
    if contact["website"] and not _WEBSITE.fullmatch(contact["website"]):
        raise KennisFout(bestand, code, f"website '{contact['website']}' moet met http:// of https:// beginnen")
    if contact["email"] and not _EMAIL.fullmatch(contact["email"]):
        raise KennisFout(bestand, code, f"email '{contact['email']}' is geen e-mailadres")
    bron = optional_text(bestand, code, record, "bron")
    if any(contact.values()) and not bron:
        raise KennisFout(bestand, code, "heeft telefoon, website of email maar geen bron")
    teksten = ("naam", "wat_nl", "wat_en", "daarna_nl", "daarna_en", "voorbereiden_nl", "voorbereiden_en")
    return Meldpunt(
        code=code,
        soorten=eigen_soorten,
        regios=regios,
        **{veld: require_text(bestand, code, record, veld) for veld in teksten},
        **contact,
        bron=bron,
    )


def _tabellen(bestand: str, data: dict[str, Any], veld: str) -> list[dict[str, Any]]:
    waarde = data.get(veld, [])
    if not isinstance(waarde, list) or not all(isinstance(w, dict) for w in waarde):
        raise KennisFout(bestand, veld, f"'{veld}' moet een lijst van tabellen ([[{veld}]]) zijn")
    if not waarde:
        raise KennisFout(bestand, veld, f"er staat geen enkele [[{veld}]] in")
    return waarde


def parse_meldpunten(naam: str, tekst: str) -> Meldpunten:
    """Validate meldpunten.toml: unique codes, known soorten and regios, clean phone numbers, a bron
    for every contact detail, words that compile and belong to one soort only, and for every soort a
    meldpunt in every region (a national one counts)."""
    data = parse_toml(naam, tekst)
    soorten: list[Signaalsoort] = []
    for index, record in enumerate(_tabellen(naam, data, "soort"), start=1):
        soort = _parse_soort(naam, index, record)
        if any(s.code == soort.code for s in soorten):
            raise KennisFout(naam, soort.code, "soort staat er twee keer in")
        soorten.append(soort)
    if not any(s.code == ANDERS for s in soorten):
        raise KennisFout(naam, ANDERS, "soort 'anders' ontbreekt: die is nodig als niets herkend wordt")
    _woorden_uniek(naam, soorten)

    huizen = {h.code for h in load_regios().veiligheidshuizen}
    codes = {s.code for s in soorten}
    meldpunten: list[Meldpunt] = []
    for index, record in enumerate(_tabellen(naam, data, "meldpunt"), start=1):
        meldpunt = _parse_meldpunt(naam, index, record, codes, huizen)
        if any(m.code == meldpunt.code for m in meldpunten):
            raise KennisFout(naam, meldpunt.code, "meldpunt staat er twee keer in")
        meldpunten.append(meldpunt)

    for soort in soorten:
        for huis in sorted(huizen):
            if not any(soort.code in m.soorten and (m.landelijk or huis in m.regios) for m in meldpunten):
                raise KennisFout(naam, soort.code, f"geen meldpunt voor regio {huis} (ook geen landelijk)")
    return Meldpunten(tuple(soorten), tuple(meldpunten))


def _woorden_uniek(bestand: str, soorten: list[Signaalsoort]) -> None:
    """The same phrase under two soorten would make every text with it ambiguous: refuse it."""
    eigenaar: dict[_Patroon, str] = {}
    for soort in soorten:
        for woord in soort.woorden:
            sleutel = _patroon(woord)
            if eigenaar.get(sleutel, soort.code) != soort.code:
                raise KennisFout(bestand, soort.code, f"woord '{woord}' staat ook bij soort '{eigenaar[sleutel]}'")
            eigenaar[sleutel] = soort.code


@cache
def load_meldpunten() -> Meldpunten:
    """The meldpunten of knowledge/data/meldpunten.toml."""
    return parse_meldpunten(_BESTAND, read_text(_BESTAND))
