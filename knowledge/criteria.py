"""Aanmeldcriteria and the opschalingsmodel: where a case belongs, with the reasons and sources.

The texts live in knowledge/data/criteria.toml and opschaling.toml; this module validates them on
load and decides. The rules are small logic tables here (REGELVORMEN), one per region that has its
own rule; criteria.toml explains each reading to the user:

- landelijk (seed 004 §Landelijke criteria Veiligheidshuizen): A and B and (C or D). Westelijke
  Mijnstreek, Parkstad, Midden- and Noord-Limburg apply it as it is.
- Maastricht Heuvelland (seed 001; seed 000 §Aanpak): ((A and B) or E) and (C or D), where E is
  its wider scope (multiproblematiek without overlast or crime, the voluntary local approach
  stuck); and a case with only F (overlast, criminaliteit or maatschappelijke uitval, no
  multiproblematiek) stays lokaal with its own next step: an overleg with simple agreements.

Answers are plain strings (JA, NEE, WEET_NIET) keyed by criterion code, so dialogs can keep them in
JSON state; a code that is absent has not been asked. "weet_niet" is an answer, but one that can
leave the outcome open (UITZOEKEN). volgende_vraag asks only what can still change the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product
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
# Not an uitkomst but a next step of its own: LOKAAL, with an overleg with simple agreements.
OVERLEG = "overleg"

LANDELIJK = "landelijk"
# The (Zorg- en) Veiligheidshuizen in Limburg, as in knowledge/data/regios.toml.
VEILIGHEIDSHUIZEN = ("MH", "WM", "PS", "ML", "NL")
MAASTRICHT_HEUVELLAND = "MH"

# Opschalingsmodel (seed 000 §Opschalingsmodel), numbered from the bottom as in DESIGN.md.
NIVEAUS = (0, 1, 2, 3, 4)
# An aanmelding enters the Veiligheidshuis at the netwerkoverleg; the Veiligheidshuis itself decides
# after screening whether it becomes the integrale aanpak (level 4), so the check never says 4.
NIVEAU_AANMELDEN = 3
NIVEAU_SAMENWERKEN = 2
NIVEAU_EEN_ORGANISATIE = 1


@dataclass(frozen=True, slots=True)
class Regelvorm:
    """The logic of one region's rule; its texts are in criteria.toml.

    aanmelden is an AND of OR-groups over criterion codes (conjunctive normal form). Without any
    sign of multiproblematiek (the first code of `multiproblematiek` answered "nee" and none of them
    "ja") one organisation supporting the person is the fitting level. `overleg`, when set, is the
    code that, answered "ja" in such a case that stays lokaal, gives the next step OVERLEG.
    """

    vraagvolgorde: tuple[str, ...]
    aanmelden: tuple[tuple[str, ...], ...]
    regel_nl: str
    regel_en: str
    multiproblematiek: tuple[str, ...]
    overleg: str | None = None
    overleg_nl: str = ""
    overleg_en: str = ""

    @property
    def stappen(self) -> tuple[str, ...]:
        """The keys of the next steps this rule needs: the uitkomsten, plus OVERLEG if it has one."""
        return UITKOMSTEN + ((OVERLEG,) if self.overleg else ())


REGELVORMEN: dict[str, Regelvorm] = {
    # A and B and (C or D). The source (seed 004 §Landelijke criteria Veiligheidshuizen) says
    # "A; en: B; en: C; of: D" without grouping the last "of"; C and D both say how far the problem
    # reaches beyond the person (DOMAIN-FACTS §1.1).
    LANDELIJK: Regelvorm(
        vraagvolgorde=("A", "B", "C", "D"),
        aanmelden=(("A",), ("B",), ("C", "D")),
        regel_nl="A en B en (C of D)",
        regel_en="A and B and (C or D)",
        multiproblematiek=("A",),
    ),
    # ((A and B) or E) and (C or D), written as (A or E) and (B or E) and (C or D). E is asked
    # after B: it only matters once A and B do not both hold. F only matters when A is "nee" and E is
    # not "ja" (F says: no problems in more than one leefgebied), so it comes last.
    MAASTRICHT_HEUVELLAND: Regelvorm(
        vraagvolgorde=("A", "B", "E", "C", "D", "F"),
        aanmelden=(("A", "E"), ("B", "E"), ("C", "D")),
        regel_nl="((A en B) of E) en (C of D)",
        regel_en="((A and B) or E) and (C or D)",
        multiproblematiek=("A", "E"),
        overleg="F",
        overleg_nl="alleen F",
        overleg_en="only F",
    ),
}
# Kept for readers of the landelijke rule.
LANDELIJKE_REGEL = REGELVORMEN[LANDELIJK].aanmelden
REGEL_NL = REGELVORMEN[LANDELIJK].regel_nl
REGEL_EN = REGELVORMEN[LANDELIJK].regel_en

_BRON_SCHEIDING = "; "
_CRITERIUM_VELDEN = (
    "kort_nl", "kort_en", "tekst", "vraag_nl", "vraag_en",
    "uitleg_nl", "uitleg_en", "uitzoeken_nl", "uitzoeken_en", "bron",
)
_NIVEAU_VELDEN = ("naam_nl", "naam_en", "omschrijving_nl", "omschrijving_en", "wie_nl", "wie_en", "bron")


@dataclass(frozen=True, slots=True)
class Criterium:
    """One aanmeldcriterium: the source wording, the question to ask, and why it matters.

    regios is empty for a landelijk criterion, else the Veiligheidshuizen whose own rule uses it."""

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
    regios: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vervolgstap:
    """What the professional does next: for an uitkomst (aanmelden, lokaal, uitzoeken), or OVERLEG."""

    uitkomst: str
    nl: str
    en: str
    bron: str


@dataclass(frozen=True, slots=True)
class Criteriaset:
    """The criteria of a region in asking order, the texts of its rule, and the next steps.

    The landelijke set (regio LANDELIJK, from load_criteria) carries the sets of the regions with a
    rule of their own in `regionaal`; voor_regio picks the one that applies.
    """

    regio: str
    criteria: tuple[Criterium, ...]
    regel_nl: str
    regel_en: str
    bron: str
    vervolgstappen: tuple[Vervolgstap, ...] = ()
    regionaal: tuple[Criteriaset, ...] = ()

    def criterium(self, code: str) -> Criterium:
        """The criterion with this code; ValueError for an unknown code."""
        for criterium in self.criteria:
            if criterium.code == code:
                return criterium
        raise ValueError(f"unknown criterion code {code!r} for region {self.regio!r}")

    def vervolgstap(self, uitkomst: str) -> Vervolgstap:
        """The next-step texts for an uitkomst (or OVERLEG); ValueError for an unknown one."""
        for stap in self.vervolgstappen:
            if stap.uitkomst == uitkomst:
                return stap
        raise ValueError(f"no vervolgstap for uitkomst {uitkomst!r}")

    def voor_regio(self, regio: str | None) -> Criteriaset:
        """The set that applies in a Veiligheidshuis region ("MH", "wm", ...): its own rule, or the
        landelijke one. None means this set as it is. ValueError for an unknown region."""
        if regio is None:
            return self
        code = regio.strip().upper()
        if code not in VEILIGHEIDSHUIZEN:
            raise ValueError(f"unknown Veiligheidshuis region {regio!r}; expected one of {VEILIGHEIDSHUIZEN}")
        if code == self.regio:
            return self
        for regionaal in self.regionaal:
            if regionaal.regio == code:
                return regionaal
        if self.regio == LANDELIJK:
            return self
        raise ValueError(f"the criteria of region {self.regio!r} hold no rule for {code!r}; use the landelijke set")


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
    """Where a case belongs: the uitkomst, the level, the criteria per answer, next step and sources.

    regio is the rule applied (LANDELIJK or a Veiligheidshuis with its own rule); stap the key of the
    next step (an uitkomst, or OVERLEG)."""

    uitkomst: str
    niveau: Opschalingsniveau
    voldaan: tuple[str, ...]
    niet_voldaan: tuple[str, ...]
    onbekend: tuple[str, ...]
    vervolgstap_nl: str
    vervolgstap_en: str
    bronnen: tuple[str, ...]
    regio: str = LANDELIJK
    stap: str = ""


# --- loading -----------------------------------------------------------------------------------


@cache
def load_criteria() -> Criteriaset:
    """The landelijke criteria from knowledge/data/criteria.toml, with the regional sets, validated (cached)."""
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
        raise KennisFout(bestand, kop, f"onbekende regio '{regio}': bovenaan staat de set '{LANDELIJK}'")
    vorm = REGELVORMEN[LANDELIJK]
    regel_nl = require_text(bestand, kop, data, "regel_nl")
    regel_en = require_text(bestand, kop, data, "regel_en")
    _require_regel(bestand, kop, "regel_nl", regel_nl, vorm.regel_nl)
    _require_regel(bestand, kop, "regel_en", regel_en, vorm.regel_en)
    bron = _require_bron(bestand, kop, data)

    gelezen: dict[str, Criterium] = {}
    for index, record in enumerate(_require_tables(bestand, data, "criterium"), start=1):
        code = require_text(bestand, f"criterium #{index}", record, "code")
        entry = f"criterium {code}"
        if code in gelezen:
            raise KennisFout(bestand, entry, f"code '{code}' komt dubbel voor")
        velden = {veld: require_text(bestand, entry, record, veld) for veld in _CRITERIUM_VELDEN}
        _require_bron(bestand, entry, record)
        gelezen[code] = Criterium(code=code, **velden, regios=_require_regios(bestand, entry, record))

    landelijk = [code for code, criterium in gelezen.items() if not criterium.regios]
    _require_codes(bestand, "criteria", "landelijke codes (zonder 'regios')", vorm.vraagvolgorde, landelijk)

    regionaal = _build_regios(bestand, data, gelezen)
    return Criteriaset(
        regio=LANDELIJK,
        criteria=tuple(gelezen[code] for code in vorm.vraagvolgorde),
        regel_nl=regel_nl,
        regel_en=regel_en,
        bron=bron,
        vervolgstappen=_build_vervolgstappen(bestand, "", data, vorm),
        regionaal=regionaal,
    )


def _build_regios(bestand: str, data: dict[str, Any], gelezen: Mapping[str, Criterium]) -> tuple[Criteriaset, ...]:
    """The [[regioregel]] tables: one per region with its own rule in REGELVORMEN, no more, no less."""
    eigen = [code for code in REGELVORMEN if code != LANDELIJK]
    records = _require_tables(bestand, data, "regioregel") if eigen or "regioregel" in data else []
    sets: dict[str, Criteriaset] = {}
    for index, record in enumerate(records, start=1):
        code = require_text(bestand, f"regioregel #{index}", record, "code")
        entry = f"regioregel {code}"
        if code in sets:
            raise KennisFout(bestand, entry, f"regio '{code}' komt dubbel voor")
        if code not in eigen:
            raise KennisFout(bestand, entry, f"regio '{code}' heeft geen eigen regel (wel: {', '.join(eigen)})")
        vorm = REGELVORMEN[code]
        regel_nl = require_text(bestand, entry, record, "regel_nl")
        regel_en = require_text(bestand, entry, record, "regel_en")
        _require_regel(bestand, entry, "regel_nl", regel_nl, vorm.regel_nl)
        _require_regel(bestand, entry, "regel_en", regel_en, vorm.regel_en)
        if vorm.overleg:
            _require_regel(bestand, entry, "regel_nl", regel_nl, vorm.overleg_nl)
            _require_regel(bestand, entry, "regel_en", regel_en, vorm.overleg_en)
        gevonden = [c for c, criterium in gelezen.items() if not criterium.regios or code in criterium.regios]
        _require_codes(bestand, entry, "codes", vorm.vraagvolgorde, gevonden)
        sets[code] = Criteriaset(
            regio=code,
            criteria=tuple(gelezen[c] for c in vorm.vraagvolgorde),
            regel_nl=regel_nl,
            regel_en=regel_en,
            bron=_require_bron(bestand, entry, record),
            vervolgstappen=_build_vervolgstappen(bestand, f"{entry} ", record, vorm),
        )
    for code in eigen:
        if code not in sets:
            raise KennisFout(bestand, "regioregel", f"tabel [[regioregel]] voor '{code}' ontbreekt")
    return tuple(sets[code] for code in eigen)


def _build_vervolgstappen(
    bestand: str, prefix: str, record: dict[str, Any], vorm: Regelvorm
) -> tuple[Vervolgstap, ...]:
    stappen = record.get("vervolgstap")
    if not isinstance(stappen, dict):
        raise KennisFout(bestand, f"{prefix}vervolgstap", "tabel [vervolgstap.<uitkomst>] ontbreekt")
    vervolgstappen = []
    for sleutel in vorm.stappen:
        entry = f"{prefix}vervolgstap {sleutel}"
        stap = stappen.get(sleutel)
        if not isinstance(stap, dict):
            raise KennisFout(bestand, entry, f"tabel [vervolgstap.{sleutel}] ontbreekt")
        nl = require_text(bestand, entry, stap, "nl")
        en = require_text(bestand, entry, stap, "en")
        _require_regel(bestand, entry, "nl", nl, vorm.regel_nl)
        _require_regel(bestand, entry, "en", en, vorm.regel_en)
        if sleutel == OVERLEG:
            _require_regel(bestand, entry, "nl", nl, vorm.overleg_nl)
            _require_regel(bestand, entry, "en", en, vorm.overleg_en)
        vervolgstappen.append(Vervolgstap(sleutel, nl, en, _require_bron(bestand, entry, stap)))
    onbekend = sorted(set(stappen) - set(vorm.stappen))
    if onbekend:
        raise KennisFout(bestand, f"{prefix}vervolgstap {onbekend[0]}", f"onbekende uitkomst '{onbekend[0]}'")
    return tuple(vervolgstappen)


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


def _require_regios(bestand: str, entry: str, record: dict[str, Any]) -> tuple[str, ...]:
    """The optional 'regios' of a criterion: absent for a landelijk one, else regions with their own rule."""
    if "regios" not in record:
        return ()
    regios = record["regios"]
    if not isinstance(regios, list) or not regios or not all(isinstance(r, str) for r in regios):
        raise KennisFout(bestand, entry, "veld 'regios' moet een niet-lege lijst van regiocodes zijn (of ontbreken)")
    eigen = [code for code in REGELVORMEN if code != LANDELIJK]
    for regio in regios:
        if regio not in eigen:
            raise KennisFout(bestand, entry, f"regio '{regio}' heeft geen eigen regel (wel: {', '.join(eigen)})")
    return tuple(regios)


def _require_codes(bestand: str, entry: str, wat: str, verwacht: Sequence[str], gevonden: Sequence[str]) -> None:
    if sorted(gevonden) != sorted(verwacht):
        raise KennisFout(
            bestand,
            entry,
            f"{wat} moeten precies {', '.join(sorted(verwacht))} zijn, gevonden: {', '.join(gevonden) or 'geen'}",
        )


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


def volgende_vraag(
    criteriaset: Criteriaset, antwoorden: Mapping[str, str], *, regio: str | None = None
) -> Criterium | None:
    """The next criterion to ask, in the region's asking order: the first one not answered yet whose
    answer can still change the outcome (uitkomst, level, next step, or what is left to find out).
    None when nothing can."""
    criteriaset = criteriaset.voor_regio(regio)
    vorm = _regelvorm(criteriaset)
    _check_antwoorden(criteriaset, antwoorden)
    code = _volgende_code(vorm, antwoorden)
    return None if code is None else criteriaset.criterium(code)


def evaluate(
    criteriaset: Criteriaset,
    antwoorden: Mapping[str, str],
    *,
    niveaus: Sequence[Opschalingsniveau] | None = None,
    regio: str | None = None,
) -> Beoordeling:
    """Decide aanmelden / lokaal / uitzoeken from the answers given so far, with reasons and sources.

    regio is the Veiligheidshuis ("MH", "WM", ...) whose rule applies; None uses the set as given
    (the landelijke criteria for load_criteria()). ValueError while a question that can still change
    the outcome has not been answered (see volgende_vraag)."""
    criteriaset = criteriaset.voor_regio(regio)
    vorm = _regelvorm(criteriaset)
    _check_antwoorden(criteriaset, antwoorden)
    open_code = _volgende_code(vorm, antwoorden)
    if open_code is not None:
        raise ValueError(f"outcome not decided yet: criterion {open_code} has no answer (see volgende_vraag)")

    # No unanswered code can change anything now, so any answer to them gives this same uitslag.
    volledig = {code: antwoorden.get(code, WEET_NIET) for code in vorm.vraagvolgorde}
    uitkomst, nummer, sleutel, uitzoeken = _uitslag(vorm, volledig)
    niveau = _niveau(nummer, load_opschaling() if niveaus is None else niveaus)
    stap = criteriaset.vervolgstap(sleutel)
    vervolgstap_nl, vervolgstap_en = stap.nl, stap.en
    if uitkomst == UITZOEKEN:
        for code in uitzoeken:
            criterium = criteriaset.criterium(code)
            vervolgstap_nl += f"\n- {code}: {criterium.uitzoeken_nl}"
            vervolgstap_en += f"\n- {code}: {criterium.uitzoeken_en}"

    codes = vorm.vraagvolgorde
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
        regio=criteriaset.regio,
        stap=sleutel,
    )


def _regelvorm(criteriaset: Criteriaset) -> Regelvorm:
    vorm = REGELVORMEN.get(criteriaset.regio)
    if vorm is None:
        raise ValueError(f"no rule for region {criteriaset.regio!r}")
    return vorm


def _check_antwoorden(criteriaset: Criteriaset, antwoorden: Mapping[str, str]) -> None:
    codes = {c.code for c in criteriaset.criteria}
    for code, antwoord in antwoorden.items():
        if code not in codes:
            raise ValueError(
                f"unknown criterion code {code!r} for region {criteriaset.regio!r}; expected one of {sorted(codes)}"
            )
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


def _regel_waarde(vorm: Regelvorm, antwoorden: Mapping[str, str]) -> bool | None:
    """The AND of the groups: False if one group fails, True if all hold, None while open.

    "weet niet" and absent answers are unknown. The rule is monotone (no "not"), so this three-valued
    reading is exact: True only if every way of filling in the unknowns gives True, and so on."""
    waarden = [_groep_waarde(groep, antwoorden) for groep in vorm.aanmelden]
    if False in waarden:
        return False
    if all(w is True for w in waarden):
        return True
    return None


def _zonder_multiproblematiek(vorm: Regelvorm, antwoorden: Mapping[str, str]) -> bool:
    """The answers rule out multiproblematiek: A "nee" and no other sign of it (E "ja" in MH)."""
    eerste, *andere = vorm.multiproblematiek
    return antwoorden.get(eerste) == NEE and all(antwoorden.get(code) != JA for code in andere)


def _kern(vorm: Regelvorm, antwoorden: Mapping[str, str]) -> tuple[str, int, str]:
    """(uitkomst, level, next-step key) for these answers; an absent answer counts as unknown."""
    waarde = _regel_waarde(vorm, antwoorden)
    if waarde is True:
        return AANMELDEN, NIVEAU_AANMELDEN, AANMELDEN
    zonder = _zonder_multiproblematiek(vorm, antwoorden)
    if waarde is False and zonder and vorm.overleg and antwoorden.get(vorm.overleg) == JA:
        # Only overlast, criminaliteit or maatschappelijke uitval: the organisations make simple
        # agreements together, which the Veiligheidshuis may support in an overleg (seed 000 §Aanpak).
        return LOKAAL, NIVEAU_SAMENWERKEN, OVERLEG
    uitkomst = LOKAAL if waarde is False else UITZOEKEN
    return uitkomst, NIVEAU_EEN_ORGANISATIE if zonder else NIVEAU_SAMENWERKEN, uitkomst


def _open_codes(vorm: Regelvorm, antwoorden: Mapping[str, str]) -> tuple[str, ...]:
    """The "weet niet" criteria whose real answer could still change the uitkomst, in asking order."""
    onbekend = [code for code in vorm.vraagvolgorde if antwoorden.get(code) == WEET_NIET]
    gevonden = []
    for code in onbekend:
        anderen = [c for c in onbekend if c != code]
        for invulling in product((JA, NEE), repeat=len(anderen)):
            basis = {**antwoorden, **dict(zip(anderen, invulling, strict=True))}
            if _kern(vorm, {**basis, code: JA})[0] != _kern(vorm, {**basis, code: NEE})[0]:
                gevonden.append(code)
                break
    return tuple(gevonden)


def _uitslag(vorm: Regelvorm, antwoorden: Mapping[str, str]) -> tuple[str, int, str, tuple[str, ...]]:
    """Everything the user sees change: uitkomst, level, next step, and what to find out first."""
    return _uitslag_van(vorm, tuple(sorted(antwoorden.items())))


@cache
def _uitslag_van(vorm: Regelvorm, antwoorden: tuple[tuple[str, str], ...]) -> tuple[str, int, str, tuple[str, ...]]:
    gegeven = dict(antwoorden)
    uitkomst, nummer, sleutel = _kern(vorm, gegeven)
    return uitkomst, nummer, sleutel, _open_codes(vorm, gegeven) if uitkomst == UITZOEKEN else ()


def _volgende_code(vorm: Regelvorm, antwoorden: Mapping[str, str]) -> str | None:
    """The first unanswered code whose answer can change the uitslag, for some answers to the
    other unanswered codes; None when the uitslag no longer depends on any of them."""
    return _volgende_code_van(vorm, tuple(sorted(antwoorden.items())))


@cache
def _volgende_code_van(vorm: Regelvorm, antwoorden: tuple[tuple[str, str], ...]) -> str | None:
    # Pure and over a small space (3 or 4 values for at most a handful of codes), so cached.
    gegeven = dict(antwoorden)
    open_codes = [code for code in vorm.vraagvolgorde if code not in gegeven]
    for code in open_codes:
        anderen = [c for c in open_codes if c != code]
        for invulling in product(ANTWOORDEN, repeat=len(anderen)):
            basis = {**gegeven, **dict(zip(anderen, invulling, strict=True))}
            if len({_uitslag(vorm, {**basis, code: antwoord}) for antwoord in ANTWOORDEN}) > 1:
                return code
    return None


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
