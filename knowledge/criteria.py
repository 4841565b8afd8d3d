"""Aanmeldcriteria and the opschalingsmodel: where a case belongs, with the reasons and sources.

The texts live in knowledge/data/criteria.toml and opschaling.toml; this module validates them on
load and decides. The landelijke criteria Veiligheidshuizen (seed 004) are read as
A and B and (C or D); criteria.toml explains that reading to the user. Answers are plain strings
(JA, NEE, WEET_NIET) keyed by criterion code, so dialogs can keep them in JSON state.

The decision uses three-valued logic: "weet_niet" is an answer, but one that can leave the outcome
open (UITZOEKEN). volgende_vraag asks only what can still change the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from knowledge.bestanden import KennisFout, load_toml, parse_toml, require_text

CRITERIA_BESTAND = "criteria.toml"
OPSCHALING_BESTAND = "opschaling.toml"

JA = "ja"
NEE = "nee"
WEET_NIET = "weet_niet"
ANTWOORDEN = (JA, NEE, WEET_NIET)

AANMELDEN = "aanmelden"
LOKAAL = "lokaal"
UITZOEKEN = "uitzoeken"
UITKOMSTEN = (AANMELDEN, LOKAAL, UITZOEKEN)

LANDELIJK = "landelijk"
# A and B and (C or D): an AND of OR-groups, in the order the bot asks. The source (seed 004
# §Landelijke criteria Veiligheidshuizen) says "A; en: B; en: C; of: D" without grouping the last
# "of"; C and D both say how far the problem reaches beyond the person (DOMAIN-FACTS §1.1).
LANDELIJKE_REGEL: tuple[tuple[str, ...], ...] = (("A",), ("B",), ("C", "D"))
# Every decision text must name the reading it applies, so the user can see it.
REGEL_NL = "A en B en (C of D)"
REGEL_EN = "A and B and (C or D)"

# Opschalingsmodel (seed 000 §Opschalingsmodel), numbered from the bottom as in DESIGN.md.
NIVEAUS = (0, 1, 2, 3, 4)
# An aanmelding enters the Veiligheidshuis at the netwerkoverleg; the Veiligheidshuis itself decides
# after screening whether it becomes the integrale aanpak (level 4), so the check never says 4.
NIVEAU_AANMELDEN = 3
NIVEAU_SAMENWERKEN = 2
NIVEAU_EEN_ORGANISATIE = 1
# Without multiproblematiek (criterion A) one organisation supporting the person is the fitting level.
_MULTIPROBLEMATIEK = "A"

_BRON_SCHEIDING = "; "
_CRITERIUM_VELDEN = (
    "kort_nl", "kort_en", "tekst", "vraag_nl", "vraag_en",
    "uitleg_nl", "uitleg_en", "uitzoeken_nl", "uitzoeken_en", "bron",
)
_NIVEAU_VELDEN = ("naam_nl", "naam_en", "omschrijving_nl", "omschrijving_en", "wie_nl", "wie_en", "bron")


@dataclass(frozen=True, slots=True)
class Criterium:
    """One aanmeldcriterium: the source wording, the question to ask, and why it matters."""

    code: str
    kort_nl: str
    kort_en: str
    tekst: str
    vraag_nl: str
    vraag_en: str
    uitleg_nl: str
    uitleg_en: str
    uitzoeken_nl: str
    uitzoeken_en: str
    bron: str


@dataclass(frozen=True, slots=True)
class Vervolgstap:
    """What the professional does next for one uitkomst (aanmelden, lokaal, uitzoeken)."""

    uitkomst: str
    nl: str
    en: str
    bron: str


@dataclass(frozen=True, slots=True)
class Criteriaset:
    """The criteria of a region in asking order, the rule that combines them, and the next steps."""

    regio: str
    criteria: tuple[Criterium, ...]
    regel_nl: str
    regel_en: str
    bron: str
    vervolgstappen: tuple[Vervolgstap, ...] = ()

    def criterium(self, code: str) -> Criterium:
        """The criterion with this code; ValueError for an unknown code."""
        for criterium in self.criteria:
            if criterium.code == code:
                return criterium
        raise ValueError(f"unknown criterion code {code!r} for region {self.regio!r}")

    def vervolgstap(self, uitkomst: str) -> Vervolgstap:
        """The next-step texts for an uitkomst; ValueError for an unknown one."""
        for stap in self.vervolgstappen:
            if stap.uitkomst == uitkomst:
                return stap
        raise ValueError(f"no vervolgstap for uitkomst {uitkomst!r}")


@dataclass(frozen=True, slots=True)
class Opschalingsniveau:
    """One level of the opschalingsmodel: 0 zelfredzaamheid up to 4 persoonsgerichte integrale aanpak."""

    niveau: int
    naam_nl: str
    naam_en: str
    omschrijving_nl: str
    omschrijving_en: str
    wie_nl: str
    wie_en: str
    bron: str


@dataclass(frozen=True, slots=True)
class Beoordeling:
    """Where a case belongs: the uitkomst, the level, the criteria per answer, next step and sources."""

    uitkomst: str
    niveau: Opschalingsniveau
    voldaan: tuple[str, ...]
    niet_voldaan: tuple[str, ...]
    onbekend: tuple[str, ...]
    vervolgstap_nl: str
    vervolgstap_en: str
    bronnen: tuple[str, ...]


# --- loading -----------------------------------------------------------------------------------


@cache
def load_criteria() -> Criteriaset:
    """The landelijke criteria from knowledge/data/criteria.toml, validated (cached)."""
    return _build_criteriaset(CRITERIA_BESTAND, load_toml(CRITERIA_BESTAND))


@cache
def load_opschaling() -> tuple[Opschalingsniveau, ...]:
    """The opschalingsmodel from knowledge/data/opschaling.toml, levels 0..4 in order (cached)."""
    return _build_niveaus(OPSCHALING_BESTAND, load_toml(OPSCHALING_BESTAND))


def parse_criteria(naam: str, tekst: str) -> Criteriaset:
    """Validate TOML text claiming to be the criteria file <naam>; KennisFout on any defect."""
    return _build_criteriaset(naam, parse_toml(naam, tekst))


def parse_opschaling(naam: str, tekst: str) -> tuple[Opschalingsniveau, ...]:
    """Validate TOML text claiming to be the opschaling file <naam>; KennisFout on any defect."""
    return _build_niveaus(naam, parse_toml(naam, tekst))


def _build_criteriaset(bestand: str, data: dict[str, Any]) -> Criteriaset:
    kop = "criteriaset"
    regio = require_text(bestand, kop, data, "regio")
    if regio != LANDELIJK:
        raise KennisFout(bestand, kop, f"onbekende regio '{regio}': alleen '{LANDELIJK}' heeft een regel")
    regel_nl = require_text(bestand, kop, data, "regel_nl")
    regel_en = require_text(bestand, kop, data, "regel_en")
    _require_regel(bestand, kop, "regel_nl", regel_nl, REGEL_NL)
    _require_regel(bestand, kop, "regel_en", regel_en, REGEL_EN)
    bron = _require_bron(bestand, kop, data)

    gelezen: dict[str, Criterium] = {}
    for index, record in enumerate(_require_tables(bestand, data, "criterium"), start=1):
        code = require_text(bestand, f"criterium #{index}", record, "code")
        entry = f"criterium {code}"
        if code in gelezen:
            raise KennisFout(bestand, entry, f"code '{code}' komt dubbel voor")
        velden = {veld: require_text(bestand, entry, record, veld) for veld in _CRITERIUM_VELDEN}
        _require_bron(bestand, entry, record)
        gelezen[code] = Criterium(code=code, **velden)

    verwacht = [code for groep in LANDELIJKE_REGEL for code in groep]
    if sorted(gelezen) != sorted(verwacht):
        raise KennisFout(
            bestand,
            "criteria",
            f"codes moeten precies {', '.join(verwacht)} zijn, gevonden: {', '.join(gelezen) or 'geen'}",
        )

    stappen = data.get("vervolgstap")
    if not isinstance(stappen, dict):
        raise KennisFout(bestand, "vervolgstap", "tabel [vervolgstap.<uitkomst>] ontbreekt")
    vervolgstappen = []
    for uitkomst in UITKOMSTEN:
        entry = f"vervolgstap {uitkomst}"
        record = stappen.get(uitkomst)
        if not isinstance(record, dict):
            raise KennisFout(bestand, entry, f"tabel [vervolgstap.{uitkomst}] ontbreekt")
        nl = require_text(bestand, entry, record, "nl")
        en = require_text(bestand, entry, record, "en")
        _require_regel(bestand, entry, "nl", nl, REGEL_NL)
        _require_regel(bestand, entry, "en", en, REGEL_EN)
        vervolgstappen.append(Vervolgstap(uitkomst, nl, en, _require_bron(bestand, entry, record)))
    onbekend = sorted(set(stappen) - set(UITKOMSTEN))
    if onbekend:
        raise KennisFout(bestand, f"vervolgstap {onbekend[0]}", f"onbekende uitkomst '{onbekend[0]}'")

    return Criteriaset(
        regio=regio,
        criteria=tuple(gelezen[code] for code in verwacht),
        regel_nl=regel_nl,
        regel_en=regel_en,
        bron=bron,
        vervolgstappen=tuple(vervolgstappen),
    )


def _build_niveaus(bestand: str, data: dict[str, Any]) -> tuple[Opschalingsniveau, ...]:
    gelezen: dict[int, Opschalingsniveau] = {}
    for index, record in enumerate(_require_tables(bestand, data, "niveau"), start=1):
        nummer = record.get("niveau")
        if not isinstance(nummer, int) or isinstance(nummer, bool):
            raise KennisFout(bestand, f"niveau #{index}", "veld 'niveau' ontbreekt of is geen geheel getal")
        entry = f"niveau {nummer}"
        if nummer in gelezen:
            raise KennisFout(bestand, entry, f"niveau {nummer} komt dubbel voor")
        velden = {veld: require_text(bestand, entry, record, veld) for veld in _NIVEAU_VELDEN}
        _require_bron(bestand, entry, record)
        gelezen[nummer] = Opschalingsniveau(niveau=nummer, **velden)
    if sorted(gelezen) != list(NIVEAUS):
        raise KennisFout(
            bestand,
            "niveaus",
            f"niveaus moeten precies {', '.join(map(str, NIVEAUS))} zijn, "
            f"gevonden: {', '.join(map(str, sorted(gelezen))) or 'geen'}",
        )
    return tuple(gelezen[nummer] for nummer in NIVEAUS)


def _require_tables(bestand: str, data: dict[str, Any], sleutel: str) -> list[dict[str, Any]]:
    records = data.get(sleutel)
    if not isinstance(records, list) or not records or not all(isinstance(r, dict) for r in records):
        raise KennisFout(bestand, sleutel, f"verwacht een lijst van tabellen [[{sleutel}]]")
    return records


def _require_bron(bestand: str, entry: str, record: dict[str, Any]) -> str:
    bron = require_text(bestand, entry, record, "bron")
    for deel in bron.split(_BRON_SCHEIDING):
        bestandsnaam, teken, kop = deel.strip().partition(" §")
        if not teken or not bestandsnaam.strip() or not kop.strip():
            raise KennisFout(bestand, entry, f"bron '{deel.strip()}' heeft niet de vorm '<bestand> §<kop>'")
    return bron


def _require_regel(bestand: str, entry: str, veld: str, tekst: str, regel: str) -> None:
    if regel not in tekst:
        raise KennisFout(bestand, entry, f"veld '{veld}' noemt de regel '{regel}' niet")


# --- deciding ----------------------------------------------------------------------------------


def volgende_vraag(criteriaset: Criteriaset, antwoorden: Mapping[str, str]) -> Criterium | None:
    """The next criterion to ask (A, B, C, D order), or None when the outcome is decided or all asked."""
    _check_antwoorden(criteriaset, antwoorden)
    if _regel_waarde(antwoorden) is not None:
        return None
    for groep in LANDELIJKE_REGEL:
        if _groep_waarde(groep, antwoorden) is True:
            continue  # e.g. C is "ja": D can no longer change the outcome
        for code in groep:
            if code not in antwoorden:
                return criteriaset.criterium(code)
    return None


def evaluate(
    criteriaset: Criteriaset,
    antwoorden: Mapping[str, str],
    *,
    niveaus: Sequence[Opschalingsniveau] | None = None,
) -> Beoordeling:
    """Decide aanmelden / lokaal / uitzoeken from the answers given so far, with reasons and sources."""
    _check_antwoorden(criteriaset, antwoorden)
    vraag = volgende_vraag(criteriaset, antwoorden)
    waarde = _regel_waarde(antwoorden)
    if waarde is None and vraag is not None:
        raise ValueError(
            f"outcome not decided yet: criterion {vraag.code} has no answer (see volgende_vraag)"
        )

    if waarde is True:
        uitkomst, nummer = AANMELDEN, NIVEAU_AANMELDEN
    else:
        uitkomst = LOKAAL if waarde is False else UITZOEKEN
        a_niet = antwoorden.get(_MULTIPROBLEMATIEK) == NEE
        nummer = NIVEAU_EEN_ORGANISATIE if a_niet else NIVEAU_SAMENWERKEN
    niveau = _niveau(nummer, load_opschaling() if niveaus is None else niveaus)

    stap = criteriaset.vervolgstap(uitkomst)
    vervolgstap_nl, vervolgstap_en = stap.nl, stap.en
    if uitkomst == UITZOEKEN:
        for code in _open_codes(antwoorden):
            criterium = criteriaset.criterium(code)
            vervolgstap_nl += f"\n- {code}: {criterium.uitzoeken_nl}"
            vervolgstap_en += f"\n- {code}: {criterium.uitzoeken_en}"

    codes = [c.code for c in criteriaset.criteria]
    beantwoord = [criteriaset.criterium(code) for code in codes if code in antwoorden]
    bronnen = [criteriaset.bron, *(c.bron for c in beantwoord), niveau.bron, stap.bron]
    return Beoordeling(
        uitkomst=uitkomst,
        niveau=niveau,
        voldaan=tuple(code for code in codes if antwoorden.get(code) == JA),
        niet_voldaan=tuple(code for code in codes if antwoorden.get(code) == NEE),
        onbekend=tuple(code for code in codes if antwoorden.get(code) == WEET_NIET),
        vervolgstap_nl=vervolgstap_nl,
        vervolgstap_en=vervolgstap_en,
        bronnen=_split_bronnen(bronnen),
    )


def _check_antwoorden(criteriaset: Criteriaset, antwoorden: Mapping[str, str]) -> None:
    codes = {c.code for c in criteriaset.criteria}
    for code, antwoord in antwoorden.items():
        if code not in codes:
            raise ValueError(f"unknown criterion code {code!r}; expected one of {sorted(codes)}")
        if antwoord not in ANTWOORDEN:
            raise ValueError(
                f"unknown answer {antwoord!r} for criterion {code}; expected one of {ANTWOORDEN}"
            )


def _groep_waarde(groep: tuple[str, ...], antwoorden: Mapping[str, str]) -> bool | None:
    """An OR-group: True if one member is met, False if all are not met, None while open."""
    waarden = [antwoorden.get(code) for code in groep]
    if JA in waarden:
        return True
    if all(w == NEE for w in waarden):
        return False
    return None


def _regel_waarde(antwoorden: Mapping[str, str]) -> bool | None:
    """The AND of the groups: False if one group fails, True if all hold, None while open."""
    waarden = [_groep_waarde(groep, antwoorden) for groep in LANDELIJKE_REGEL]
    if False in waarden:
        return False
    if all(w is True for w in waarden):
        return True
    return None


def _open_codes(antwoorden: Mapping[str, str]) -> list[str]:
    """The "weet niet" criteria that keep the outcome open (in groups not yet decided)."""
    return [
        code
        for groep in LANDELIJKE_REGEL
        if _groep_waarde(groep, antwoorden) is None
        for code in groep
        if antwoorden.get(code) == WEET_NIET
    ]


def _niveau(nummer: int, niveaus: Sequence[Opschalingsniveau]) -> Opschalingsniveau:
    for niveau in niveaus:
        if niveau.niveau == nummer:
            return niveau
    raise ValueError(f"opschalingsmodel has no level {nummer}")


def _split_bronnen(bronnen: Sequence[str]) -> tuple[str, ...]:
    gezien: dict[str, None] = {}
    for bron in bronnen:
        for deel in bron.split(_BRON_SCHEIDING):
            gezien.setdefault(deel.strip(), None)
    return tuple(gezien)
