"""The Veiligheidshuizen of Limburg: which gemeente belongs to which house, how to reach it, and
which overleggen it has per doelgroep.

A gemeente is recognised by its official name, a short form in the data ("Valkenburg" for
Valkenburg aan de Geul) or a former gemeente ("Schinnen", since 2019 part of Beekdaelen). Case,
accents, punctuation and spaces are ignored, so "sittard geleen" is Sittard-Geleen. A small typo
("maastrich") is accepted only for texts of four letters or more: shorter ones over-match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from knowledge.bestanden import KennisFout, optional_text, parse_toml, read_text, require_text
from knowledge.tekst import normalise

_BESTAND = "regios.toml"

_TYPO_DREMPEL = 85.0
_KORTSTE_TYPO = 4
# Two different gemeenten scoring this close are both plausible: better to ask than to guess.
_TWIJFEL_MARGE = 3.0
_TELEFOON = re.compile(r"[0-9 +-]+")
# "gemeente Maastricht" and "de gemeente Maastricht" name Maastricht.
_VOORVOEGSEL = re.compile(r"^(?:de )?gemeente ")

_CONTACTVELDEN = ("adres", "telefoon", "email", "website", "aanmelden", "toelichting")
_CONTACT_BEKEND = {*_CONTACTVELDEN, "bron", "peildatum", "geverifieerd"}
_HUIS_BEKEND = {
    "code",
    "naam",
    "gemeenten",
    "gemeenten_bron",
    "gemeenten_toelichting",
    "gemeente_aliassen",
    "voormalige_gemeenten",
    "contact",
    "overleggen",
    "ladder",
    "ladder_bron",
    "ladder_toelichting",
}


@dataclass(frozen=True, slots=True)
class Contact:
    """How to reach a house and register a case; "" where the sources do not say.
    `geverifieerd`: the details were confirmed on a current page, not only in an old annual report."""

    adres: str
    telefoon: str
    email: str
    website: str
    aanmelden: str
    bron: str
    peildatum: str
    geverifieerd: bool
    toelichting: str = ""


@dataclass(frozen=True, slots=True)
class Overleg:
    """What a house deploys for one doelgroep: its instruments (overleggen) and their aim."""

    doelgroep: str
    instrumenten: tuple[str, ...]
    gericht_op: str
    bron: str
    toelichting: str = ""


@dataclass(frozen=True, slots=True)
class Ladderstap:
    """One tier of a house's op- en afschalingsladder, numbered from 1 (lightest)."""

    stap: int
    naam: str
    omschrijving: str


@dataclass(frozen=True, slots=True)
class Veiligheidshuis:
    """One house: its gemeenten (current, short forms, former), contact, overleggen and ladder."""

    code: str
    naam: str
    gemeenten: tuple[str, ...]
    voormalige_gemeenten: dict[str, str] = field(hash=False)
    gemeenten_bron: str
    contact: Contact
    overleggen: tuple[Overleg, ...]
    ladder: tuple[Ladderstap, ...]
    gemeente_aliassen: dict[str, str] = field(default_factory=dict, hash=False)
    gemeenten_toelichting: str = ""
    ladder_bron: str = ""
    ladder_toelichting: str = ""


@dataclass(frozen=True, slots=True)
class GemeenteTreffer:
    """A gemeente recognised in a text.

    `gemeente` is the official name of the gemeente meant (an alias is resolved: "Valkenburg" gives
    "Valkenburg aan de Geul"); for a former gemeente it is that name and `nu` the gemeente it is
    part of now. `genoemd` is the stored name that matched; `typo` says it was not exact."""

    gemeente: str
    veiligheidshuis: Veiligheidshuis
    typo: bool
    nu: str | None = None
    genoemd: str = ""
    score: float = 100.0

    @property
    def huidige_gemeente(self) -> str:
        """The gemeente as it exists today."""
        return self.nu or self.gemeente


@dataclass(frozen=True)
class Regios:
    """All houses, with the name lookup table the search needs (built once at load)."""

    veiligheidshuizen: tuple[Veiligheidshuis, ...]
    _namen: dict[str, GemeenteTreffer] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        namen: dict[str, GemeenteTreffer] = {}
        for huis in self.veiligheidshuizen:
            for gemeente in huis.gemeenten:
                namen[_sleutel(gemeente)] = GemeenteTreffer(gemeente, huis, False, genoemd=gemeente)
            for alias, gemeente in huis.gemeente_aliassen.items():
                namen[_sleutel(alias)] = GemeenteTreffer(gemeente, huis, False, genoemd=alias)
            for voormalig, nu in huis.voormalige_gemeenten.items():
                namen[_sleutel(voormalig)] = GemeenteTreffer(voormalig, huis, False, nu=nu, genoemd=voormalig)
        object.__setattr__(self, "_namen", namen)

    def per_code(self, code: str) -> Veiligheidshuis | None:
        """The house with this code ("MH", "wm"), or None."""
        return next((h for h in self.veiligheidshuizen if h.code.casefold() == code.strip().casefold()), None)

    def voor_gemeente(self, naam: str) -> Veiligheidshuis | None:
        """The house of a gemeente named exactly (official name, short form or former gemeente)."""
        treffer = self._namen.get(_kern(naam))
        return treffer.veiligheidshuis if treffer else None

    def zoek_gemeente(self, tekst: str) -> GemeenteTreffer | None:
        """The gemeente a text names, exactly or with a small typo; None when nothing fits well
        enough or two gemeenten fit equally well."""
        kern = _kern(tekst)
        if not kern:
            return None
        exact = self._namen.get(kern)
        if exact is not None:
            return exact
        if len(kern) < _KORTSTE_TYPO:
            return None
        beste: dict[str, GemeenteTreffer] = {}
        for sleutel, treffer in self._namen.items():
            score = fuzz.ratio(kern, sleutel)
            huidig = beste.get(treffer.gemeente)
            if len(sleutel) >= _KORTSTE_TYPO and score >= _TYPO_DREMPEL and (huidig is None or score > huidig.score):
                beste[treffer.gemeente] = GemeenteTreffer(
                    treffer.gemeente, treffer.veiligheidshuis, True, treffer.nu, treffer.genoemd, score
                )
        gerangschikt = sorted(beste.values(), key=lambda t: (-t.score, t.gemeente))
        if not gerangschikt:
            return None
        if len(gerangschikt) > 1 and gerangschikt[0].score - gerangschikt[1].score < _TWIJFEL_MARGE:
            return None
        return gerangschikt[0]

    def alle_gemeenten(self) -> tuple[str, ...]:
        """Every current gemeente, alphabetically."""
        return tuple(sorted((g for h in self.veiligheidshuizen for g in h.gemeenten), key=normalise))


def _sleutel(naam: str) -> str:
    """The lookup form of a name: normalised, without spaces ("Sittard-Geleen" -> "sittardgeleen")."""
    return normalise(naam).replace("?", "").replace(" ", "")


def _kern(tekst: str) -> str:
    """The lookup form of what a user typed, without a leading "gemeente"."""
    return _sleutel(_VOORVOEGSEL.sub("", " ".join(normalise(tekst).replace("?", " ").split())))


def _teksten(bestand: str, entry: str, record: dict[str, Any], veld: str) -> tuple[str, ...]:
    waarde = record.get(veld)
    if not isinstance(waarde, list) or not waarde or not all(isinstance(w, str) and w.strip() for w in waarde):
        raise KennisFout(bestand, entry, f"veld '{veld}' moet een niet-lege lijst van niet-lege teksten zijn")
    return tuple(w.strip() for w in waarde)


def _tabellen(bestand: str, entry: str, record: dict[str, Any], veld: str) -> list[dict[str, Any]]:
    waarde = record.get(veld, [])
    if not isinstance(waarde, list) or not all(isinstance(w, dict) for w in waarde):
        raise KennisFout(bestand, entry, f"veld '{veld}' moet een lijst van tabellen zijn")
    return waarde


def _alleen_bekend(bestand: str, entry: str, record: dict[str, Any], bekend: set[str]) -> None:
    """Refuse unknown fields: a misspelt 'telefon' would otherwise vanish without a word."""
    for veld in record:
        if veld not in bekend:
            raise KennisFout(bestand, entry, f"onbekend veld '{veld}'")


def _parse_contact(bestand: str, code: str, record: Any) -> Contact:
    entry = f"{code}.contact"
    if not isinstance(record, dict):
        raise KennisFout(bestand, code, "tabel 'contact' ontbreekt")
    _alleen_bekend(bestand, entry, record, _CONTACT_BEKEND)
    velden = {veld: optional_text(bestand, entry, record, veld) for veld in _CONTACTVELDEN}
    telefoon = velden["telefoon"]
    if telefoon and not (_TELEFOON.fullmatch(telefoon) and any(c.isdigit() for c in telefoon)):
        raise KennisFout(bestand, entry, f"telefoon '{telefoon}' mag alleen cijfers, spaties, streepjes en + bevatten")
    geverifieerd = record.get("geverifieerd")
    if not isinstance(geverifieerd, bool):
        raise KennisFout(bestand, entry, "veld 'geverifieerd' moet true of false zijn")
    return Contact(
        **velden,
        bron=require_text(bestand, entry, record, "bron"),
        peildatum=require_text(bestand, entry, record, "peildatum"),
        geverifieerd=geverifieerd,
    )


def _parse_overleg(bestand: str, code: str, index: int, record: dict[str, Any]) -> Overleg:
    entry = f"{code}.overleggen #{index}"
    return Overleg(
        doelgroep=require_text(bestand, entry, record, "doelgroep"),
        instrumenten=_teksten(bestand, entry, record, "instrumenten"),
        gericht_op=require_text(bestand, entry, record, "gericht_op"),
        bron=require_text(bestand, entry, record, "bron"),
        toelichting=optional_text(bestand, entry, record, "toelichting"),
    )


def _parse_ladder(bestand: str, code: str, record: dict[str, Any]) -> tuple[Ladderstap, ...]:
    stappen = []
    for index, stap in enumerate(_tabellen(bestand, code, record, "ladder"), start=1):
        entry = f"{code}.ladder #{index}"
        nummer = stap.get("stap")
        # Steps are told to users as "stap 1, 2, …": a gap or reordering would mislead.
        if type(nummer) is not int or nummer != index:
            raise KennisFout(bestand, entry, f"veld 'stap' moet {index} zijn (opeenvolgend vanaf 1)")
        naam = require_text(bestand, entry, stap, "naam")
        stappen.append(Ladderstap(nummer, naam, require_text(bestand, entry, stap, "omschrijving")))
    if stappen and not optional_text(bestand, code, record, "ladder_bron"):
        raise KennisFout(bestand, code, "veld 'ladder_bron' ontbreekt of is leeg")
    return tuple(stappen)


def _parse_huis(bestand: str, index: int, record: dict[str, Any], eigenaar: dict[str, str]) -> Veiligheidshuis:
    """One house; `eigenaar` (lookup name -> who has it) makes every name unique across houses."""
    code = require_text(bestand, f"veiligheidshuis #{index}", record, "code")
    _alleen_bekend(bestand, code, record, _HUIS_BEKEND)

    def registreer(naam: str, soort: str) -> None:
        sleutel = _sleutel(naam)
        if not sleutel:
            raise KennisFout(bestand, code, f"{soort} '{naam}' is leeg na normaliseren")
        if sleutel in eigenaar:
            raise KennisFout(bestand, code, f"{soort} '{naam}' staat er al als {eigenaar[sleutel]}")
        eigenaar[sleutel] = f"{soort} van {code}"

    gemeenten = _teksten(bestand, code, record, "gemeenten")
    for gemeente in gemeenten:
        registreer(gemeente, "gemeente")

    aliassen_ruw = record.get("gemeente_aliassen", {})
    if not isinstance(aliassen_ruw, dict):
        raise KennisFout(bestand, code, "veld 'gemeente_aliassen' moet een tabel alias = gemeente zijn")
    aliassen: dict[str, str] = {}
    for alias, gemeente in aliassen_ruw.items():
        if not isinstance(gemeente, str) or gemeente.strip() not in gemeenten:
            raise KennisFout(bestand, code, f"alias '{alias}' verwijst naar '{gemeente}', geen gemeente van dit huis")
        registreer(alias, "alias")
        aliassen[alias.strip()] = gemeente.strip()

    voormalig: dict[str, str] = {}
    for nummer, oud in enumerate(_tabellen(bestand, code, record, "voormalige_gemeenten"), start=1):
        entry = f"{code}.voormalige_gemeenten #{nummer}"
        naam, nu = require_text(bestand, entry, oud, "naam"), require_text(bestand, entry, oud, "nu")
        # The user is told "X is nu Y, Veiligheidshuis Z": Y must be a current gemeente of this house.
        if nu not in gemeenten:
            raise KennisFout(bestand, entry, f"'{naam}' verwijst naar '{nu}', geen huidige gemeente van dit huis")
        registreer(naam, "voormalige gemeente")
        voormalig[naam] = nu

    return Veiligheidshuis(
        code=code,
        naam=require_text(bestand, code, record, "naam"),
        gemeenten=gemeenten,
        voormalige_gemeenten=voormalig,
        gemeenten_bron=require_text(bestand, code, record, "gemeenten_bron"),
        contact=_parse_contact(bestand, code, record.get("contact")),
        overleggen=tuple(
            _parse_overleg(bestand, code, nummer, overleg)
            for nummer, overleg in enumerate(_tabellen(bestand, code, record, "overleggen"), start=1)
        ),
        ladder=_parse_ladder(bestand, code, record),
        gemeente_aliassen=aliassen,
        gemeenten_toelichting=optional_text(bestand, code, record, "gemeenten_toelichting"),
        ladder_bron=optional_text(bestand, code, record, "ladder_bron"),
        ladder_toelichting=optional_text(bestand, code, record, "ladder_toelichting"),
    )


def parse_regios(naam: str, tekst: str) -> Regios:
    """Validate regios.toml: unique codes, every gemeente, alias and former gemeente in exactly one
    house, aliases and former gemeenten pointing at a current gemeente, complete contacts."""
    records = parse_toml(naam, tekst).get("veiligheidshuis", [])
    if not isinstance(records, list) or not records:
        raise KennisFout(naam, "veiligheidshuis", "er staat geen Veiligheidshuis in")
    huizen: list[Veiligheidshuis] = []
    eigenaar: dict[str, str] = {}
    for index, record in enumerate(records, start=1):
        code = require_text(naam, f"veiligheidshuis #{index}", record, "code")
        if any(h.code.casefold() == code.casefold() for h in huizen):
            raise KennisFout(naam, code, "code staat er twee keer in")
        huizen.append(_parse_huis(naam, index, record, eigenaar))
    return Regios(tuple(huizen))


@cache
def load_regios() -> Regios:
    """The houses of knowledge/data/regios.toml."""
    return parse_regios(_BESTAND, read_text(_BESTAND))
