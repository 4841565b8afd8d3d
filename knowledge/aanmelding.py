"""Aanmelding: the fields of the registration form, their input rules, and the reference number.

The choices (doelgroepen, leefgebieden, ZRM scale, urgentie, vervolgacties, statussen) are data in
knowledge/data/aanmelding.toml with their sources; the rules here are pure functions that return
what is wrong as an Invoerfout (a code plus values), so dialogs can say it in the user's language.

Privacy by design (DESIGN.md): the form asks initialen and geboortejaar, never a name or BSN; free
text that holds a BSN (9 digits passing the elfproef), an e-mail address or a phone number is refused.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

import phonenumbers
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from stdnum.nl import bsn as stdnum_bsn

from knowledge.bestanden import KennisFout, parse_toml, read_text, require_text
from knowledge.regios import Regios
from knowledge.tekst import normalise

# The fields of the form, in the order the typed fallback asks them. reden_niet_geinformeerd is
# asked only when geinformeerd is False.
ORGANISATIE = "organisatie"
TELEFOON = "telefoon"
GEMEENTE = "gemeente"
DOELGROEP = "doelgroep"
INITIALEN = "initialen"
GEBOORTEJAAR = "geboortejaar"
GEZIN_MET_KINDEREN = "gezin_met_kinderen"
LEEFGEBIEDEN = "leefgebieden"
SITUATIE = "situatie"
PARTNERS = "partners"
STAGNATIE = "stagnatie"
GEINFORMEERD = "geinformeerd"
REDEN_NIET_GEINFORMEERD = "reden_niet_geinformeerd"
URGENTIE = "urgentie"
VELDEN = (
    ORGANISATIE, TELEFOON, GEMEENTE, DOELGROEP, INITIALEN, GEBOORTEJAAR, GEZIN_MET_KINDEREN, LEEFGEBIEDEN,
    SITUATIE, PARTNERS, STAGNATIE, GEINFORMEERD, REDEN_NIET_GEINFORMEERD, URGENTIE,
)

# Status of an aanmelding (DESIGN.md Data): ontvangen -> in behandeling -> vervolgactie gekozen -> afgesloten.
ONTVANGEN = "ontvangen"
IN_BEHANDELING = "in_behandeling"
VERVOLGACTIE_GEKOZEN = "vervolgactie_gekozen"
AFGESLOTEN = "afgesloten"
STATUSSEN = (ONTVANGEN, IN_BEHANDELING, VERVOLGACTIE_GEKOZEN, AFGESLOTEN)

# Invoerfout.soort values.
LEEG = "leeg"
TE_LANG = "te_lang"
BSN = "bsn"
EMAIL = "email"
TELEFOONNUMMER = "telefoonnummer"
ONBEKEND = "onbekend"          # not one of the choices / not a known gemeente
BUITEN_BEREIK = "buiten_bereik"  # geboortejaar or ZRM score outside its range
ONGELDIG = "ongeldig"          # not a number, not initials, not a phone number, ...
GEEN_INITIALEN = "geen_initialen"  # looks like a name ("Jan", "Jansen"): only initials are allowed

# Codes the data file must hold exactly (dialogs and the store rely on them).
REGULIER = "regulier"
VOORRANG = "voorrang"
URGENTIES = (REGULIER, VOORRANG)
TERUGVERWIJZEN = "terugverwijzen"
NETWERKOVERLEG = "netwerkoverleg"
INTEGRALE_AANPAK = "integrale_aanpak"
BESTAANDE_AANPAK = "bestaande_aanpak"
GEEN_ACTIE = "geen_actie"
VERVOLGACTIES = (TERUGVERWIJZEN, NETWERKOVERLEG, INTEGRALE_AANPAK, BESTAANDE_AANPAK, GEEN_ACTIE)
ZRM_SCORES = ("1", "2", "3", "4", "5")
ANDERS = "anders"  # the doelgroep for a case that fits none of the others

MAX_ORGANISATIE = 100
MAX_LANGE_TEKST = 1000  # situatie, stagnatie
MAX_KORTE_TEKST = 500  # partners, reden_niet_geinformeerd
MAX_INITIALEN = 5
MAX_LEEFTIJD = 110


@dataclass(frozen=True)
class Keuze:
    """One choice of a form field (a doelgroep, a leefgebied, a ZRM score, ...), with its source."""

    code: str
    nl: str
    en: str
    uitleg_nl: str = ""
    uitleg_en: str = ""
    bron: str = ""
    aliassen: tuple[str, ...] = ()  # other words a user may type for this choice


@dataclass(frozen=True)
class Formulierkennis:
    """The choices the form offers, loaded from knowledge/data/aanmelding.toml."""

    doelgroepen: tuple[Keuze, ...]
    leefgebieden: tuple[Keuze, ...]
    zrm: tuple[Keuze, ...]  # codes "1".."5"
    urgenties: tuple[Keuze, ...]
    vervolgacties: tuple[Keuze, ...]
    statussen: tuple[Keuze, ...]  # codes as STATUSSEN
    na_aanmelding_nl: str  # what happens after an aanmelding (screening -> vervolgactie -> afschaling)
    na_aanmelding_en: str
    bron_na_aanmelding: str


@dataclass(frozen=True)
class Invoerfout:
    """What is wrong with one field's input: soort (LEEG, TE_LANG, BSN, ...) and the values a
    message needs ({"max": 1000}, {"min": 1906, "max": 2026}, {"lijst": "..."})."""

    veld: str
    soort: str
    waarden: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Melder:
    """Who registers: id and name from Teams; organisatie and telefoon asked."""

    teams_id: str
    naam: str
    organisatie: str
    telefoon: str


@dataclass(frozen=True)
class Aanmelding:
    """A confirmed aanmelding as the store returns it. After the retention period the personal
    fields are erased (gewist set; texts empty, initialen "", geboortejaar None, leefgebieden {})."""

    referentie: str
    aangemaakt: datetime
    melder: Melder
    gemeente: str
    veiligheidshuis: str
    doelgroep: str
    initialen: str
    geboortejaar: int | None
    gezin_met_kinderen: bool | None
    leefgebieden: dict[str, int]
    situatie: str
    partners: str
    stagnatie: str
    geinformeerd: bool | None
    reden_niet_geinformeerd: str
    urgentie: str
    criteria_uitkomst: str | None
    status: str
    vervolgactie: str | None = None
    notitie: str = ""
    bijgewerkt: datetime | None = None
    afgesloten: datetime | None = None
    gewist: datetime | None = None


def maak_referentie(huis: str, jaar: int, volgnummer: int) -> str:
    """The reference of an aanmelding: 'ZVH-MH-2026-000123' (per Veiligheidshuis, per year, gap-free)."""
    return f"ZVH-{huis}-{jaar}-{volgnummer:06d}"


# --- loading -----------------------------------------------------------------------------------

_BESTAND = "aanmelding.toml"
_BRON_SCHEIDING = "; "
_CODE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
_KEUZE_VELDEN = {"code", "nl", "en", "uitleg_nl", "uitleg_en", "bron", "aliassen"}
_TOP_VELDEN = {"na_aanmelding_nl", "na_aanmelding_en", "bron_na_aanmelding"}


@dataclass(frozen=True, slots=True)
class _Sectie:
    """How one list of choices in the data file is checked."""

    sleutel: str  # [[sleutel]] in the TOML
    uitleg: bool  # uitleg_nl/uitleg_en required
    bron: bool  # bron required
    codes: tuple[str, ...] = ()  # exactly these codes, in this order
    codes_vrije_volgorde: bool = False  # `codes` as a set: the file chooses the order
    verplicht: tuple[str, ...] = ()  # codes that must be present


_SECTIES = (
    _Sectie("doelgroep", uitleg=True, bron=True, verplicht=(ANDERS,)),
    _Sectie("leefgebied", uitleg=False, bron=True),
    _Sectie("zrm", uitleg=True, bron=True, codes=ZRM_SCORES),
    _Sectie("urgentie", uitleg=True, bron=False, codes=URGENTIES),
    _Sectie("vervolgactie", uitleg=True, bron=True, codes=VERVOLGACTIES, codes_vrije_volgorde=True),
    _Sectie("status", uitleg=False, bron=False, codes=STATUSSEN),
)


def parse_formulier(naam: str, tekst: str) -> Formulierkennis:
    """Validate TOML text claiming to be the form file <naam>; KennisFout naming the entry on any defect."""
    data = parse_toml(naam, tekst)
    for sleutel in data:
        if sleutel not in _TOP_VELDEN and sleutel not in {s.sleutel for s in _SECTIES}:
            raise KennisFout(naam, sleutel, f"onbekend veld '{sleutel}'")
    keuzes = {sectie.sleutel: _parse_sectie(naam, sectie, data.get(sectie.sleutel)) for sectie in _SECTIES}
    return Formulierkennis(
        doelgroepen=keuzes["doelgroep"],
        leefgebieden=keuzes["leefgebied"],
        zrm=keuzes["zrm"],
        urgenties=keuzes["urgentie"],
        vervolgacties=keuzes["vervolgactie"],
        statussen=keuzes["status"],
        na_aanmelding_nl=require_text(naam, "na_aanmelding", data, "na_aanmelding_nl"),
        na_aanmelding_en=require_text(naam, "na_aanmelding", data, "na_aanmelding_en"),
        bron_na_aanmelding=_require_bron(naam, "na_aanmelding", data, "bron_na_aanmelding"),
    )


@cache
def load_formulier() -> Formulierkennis:
    """The choices of knowledge/data/aanmelding.toml, validated (cached)."""
    return parse_formulier(_BESTAND, read_text(_BESTAND))


def _parse_sectie(bestand: str, sectie: _Sectie, records: Any) -> tuple[Keuze, ...]:
    sleutel = sectie.sleutel
    if not isinstance(records, list) or not records or not all(isinstance(r, dict) for r in records):
        raise KennisFout(bestand, sleutel, f"verwacht een lijst van tabellen [[{sleutel}]]")
    gelezen: list[Keuze] = []
    namen: dict[str, str] = {}  # match key -> code, so no typed word can mean two choices
    for index, record in enumerate(records, start=1):
        code = require_text(bestand, f"{sleutel} #{index}", record, "code")
        entry = f"{sleutel} {code}"
        for veld in record:
            if veld not in _KEUZE_VELDEN:
                raise KennisFout(bestand, entry, f"onbekend veld '{veld}'")
        if not _CODE.fullmatch(code):
            raise KennisFout(bestand, entry, "code mag alleen kleine letters, cijfers en '_' bevatten")
        if any(k.code == code for k in gelezen):
            raise KennisFout(bestand, entry, f"code '{code}' komt dubbel voor")
        uitleg = [_tekst_veld(bestand, entry, record, v, sectie.uitleg) for v in ("uitleg_nl", "uitleg_en")]
        if bool(uitleg[0]) != bool(uitleg[1]):
            raise KennisFout(bestand, entry, "uitleg_nl en uitleg_en horen samen: vul beide in of geen van beide")
        bron = _require_bron(bestand, entry, record, "bron") if sectie.bron or "bron" in record else ""
        aliassen = _aliassen(bestand, entry, record)
        keuze = Keuze(
            code=code,
            nl=require_text(bestand, entry, record, "nl"),
            en=require_text(bestand, entry, record, "en"),
            uitleg_nl=uitleg[0],
            uitleg_en=uitleg[1],
            bron=bron,
            aliassen=aliassen,
        )
        for naam in _namen(keuze):
            ander = namen.setdefault(_sleutel(naam), code)
            if ander != code:
                raise KennisFout(bestand, entry, f"'{naam}' betekent ook {sleutel} '{ander}'")
        gelezen.append(keuze)

    codes = tuple(k.code for k in gelezen)
    if sectie.codes and (
        sorted(codes) != sorted(sectie.codes) if sectie.codes_vrije_volgorde else codes != sectie.codes
    ):
        raise KennisFout(
            bestand,
            sleutel,
            f"codes moeten precies {', '.join(sectie.codes)} zijn, gevonden: {', '.join(codes)}",
        )
    for code in sectie.verplicht:
        if code not in codes:
            raise KennisFout(bestand, sleutel, f"code '{code}' ontbreekt")
    return tuple(gelezen)


def _tekst_veld(bestand: str, entry: str, record: dict[str, Any], veld: str, verplicht: bool) -> str:
    if verplicht or veld in record:
        return require_text(bestand, entry, record, veld)
    return ""


def _aliassen(bestand: str, entry: str, record: dict[str, Any]) -> tuple[str, ...]:
    waarde = record.get("aliassen", [])
    if not isinstance(waarde, list) or not all(isinstance(a, str) and _sleutel(a) for a in waarde):
        raise KennisFout(bestand, entry, "veld 'aliassen' moet een lijst van niet-lege teksten zijn")
    return tuple(a.strip() for a in waarde)


def _require_bron(bestand: str, entry: str, record: dict[str, Any], veld: str) -> str:
    """A citation: parts "<seed file> §<heading>" or a public web address, separated by "; "."""
    bron = " ".join(require_text(bestand, entry, record, veld).split())
    for deel in bron.split(_BRON_SCHEIDING):
        deel = deel.strip()
        if deel.startswith(("https://", "http://")):
            continue
        bestandsnaam, teken, kop = deel.partition(" §")
        if not teken or not bestandsnaam.strip() or not kop.strip():
            raise KennisFout(bestand, entry, f"bron '{deel}' heeft niet de vorm '<bestand> §<kop>' of 'https://…'")
    return bron


# --- matching typed choices --------------------------------------------------------------------

_TYPO_DREMPEL = 85.0
_KORTSTE_TYPO = 4
_TWIJFEL_MARGE = 3.0  # two choices scoring this close are both plausible: ask again rather than guess


def _sleutel(tekst: str) -> str:
    """The comparison form: lower case, no accents or punctuation, single spaces."""
    return " ".join(normalise(tekst).replace("?", " ").split())


def _namen(keuze: Keuze) -> tuple[str, ...]:
    return (keuze.code.replace("_", " "), keuze.nl, keuze.en, *keuze.aliassen)


def _kies(tekst: str, keuzes: Sequence[Keuze]) -> Keuze | None:
    """The choice a typed text means: its code, label (nl/en) or alias, exactly, as the first
    word(s) of one ("psychisch" for "psychisch welzijn"), or with a small typo; None when nothing
    fits or two choices fit equally well."""
    kern = _sleutel(tekst)
    if not kern:
        return None
    for keuze in keuzes:
        if keuze.code == tekst.strip() or kern in {_sleutel(n) for n in _namen(keuze)}:
            return keuze
    if len(kern) < _KORTSTE_TYPO:
        return None
    begin = {k.code: k for k in keuzes for n in _namen(k) if _sleutel(n).startswith(kern + " ")}
    if len(begin) == 1:
        return next(iter(begin.values()))
    if begin:
        return None
    scores = sorted(
        ((max(_typo_score(kern, _sleutel(n)) for n in _namen(k)), k) for k in keuzes),
        key=lambda paar: -paar[0],
    )
    if not scores or scores[0][0] < _TYPO_DREMPEL:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < _TWIJFEL_MARGE:
        return None
    return scores[0][1]


def _typo_score(kern: str, naam: str) -> float:
    """fuzz.ratio, but one wrong letter always counts as a small typo: in a five-letter word
    ("jeugt") ratio alone would say 80."""
    if Levenshtein.distance(kern, naam, score_cutoff=1) <= 1:
        return max(fuzz.ratio(kern, naam), _TYPO_DREMPEL + _TWIJFEL_MARGE)
    return fuzz.ratio(kern, naam)


# --- personal data in free text ----------------------------------------------------------------

_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
# "ZVH-MH-2026-000123", also typed as "zvh mh 2026 123": our own reference, never personal data.
_REFERENTIE = re.compile(r"(?<![\w])zvh[\s_-]?([a-z]{2,3})[\s_-]?(\d{4})[\s_-]?(\d{1,6})(?!\d)", re.IGNORECASE)
_CIJFERS = re.compile(r"\d+")
# How people split a BSN: 123.456.782, 1234 56 782, 123-45-6782 (one kind of separator throughout).
_BSN_SCHEIDERS = " .-\u00a0"
_BSN_LENGTE = 9


def _maskeer(tekst: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the given spans blanked out (same length, so later offsets stay valid)."""
    tekens = list(tekst)
    for begin, eind in spans:
        tekens[begin:eind] = " " * (eind - begin)
    return "".join(tekens)


def _bevat_bsn(tekst: str) -> bool:
    """A 9-digit number, written whole or in groups of two or more digits split by one kind of
    separator, that passes the elfproef (stdnum). A run of groups is tried at every start, so a
    BSN right after a year ("1985 123456782") is still found."""
    groepen = list(_CIJFERS.finditer(tekst))
    for i, eerste in enumerate(groepen):
        cijfers = eerste.group()
        if len(cijfers) == _BSN_LENGTE and stdnum_bsn.is_valid(cijfers):
            return True
        if len(cijfers) < 2:
            continue
        scheider = None
        for vorige, groep in zip(groepen[i:], groepen[i + 1 :], strict=False):
            tussen = tekst[vorige.end() : groep.start()]
            if len(tussen) != 1 or tussen not in _BSN_SCHEIDERS or scheider not in (None, tussen):
                break
            if len(groep.group()) < 2:
                break
            scheider = tussen
            cijfers += groep.group()
            if len(cijfers) >= _BSN_LENGTE:
                if len(cijfers) == _BSN_LENGTE and stdnum_bsn.is_valid(cijfers):
                    return True
                break
    return False


def persoonsgegevens_in(tekst: str) -> tuple[str, ...]:
    """Which of BSN, EMAIL, TELEFOONNUMMER occur in a free text, in that order (the order in which
    a dialog should name them). Our own reference numbers are ignored; a BSN is never also
    reported as a phone number, and digits inside a phone number are not read as a BSN."""
    tekst = _maskeer(tekst, (m.span() for m in _REFERENTIE.finditer(tekst)))
    emails = [m.span() for m in _EMAIL.finditer(tekst)]
    tekst = _maskeer(tekst, emails)
    telefoons = []
    for treffer in phonenumbers.PhoneNumberMatcher(tekst, "NL", leniency=phonenumbers.Leniency.VALID):
        cijfers = re.sub(r"\D", "", treffer.raw_string)
        if len(cijfers) == _BSN_LENGTE and stdnum_bsn.is_valid(cijfers):
            continue  # a BSN that happens to be dialable is still a BSN
        telefoons.append((treffer.start, treffer.end))
    gevonden = []
    if _bevat_bsn(_maskeer(tekst, telefoons)):
        gevonden.append(BSN)
    if emails:
        gevonden.append(EMAIL)
    if telefoons:
        gevonden.append(TELEFOONNUMMER)
    return tuple(gevonden)


# --- field rules -------------------------------------------------------------------------------

_JA = frozenset({"ja", "j", "true", "yes", "y", "waar"})
_NEE = frozenset({"nee", "n", "false", "no", "onwaar", "neen"})
_INITIALEN_TEKENS = re.compile(r"[^\W\d_]|[.\s-]")
_LETTERREEKS = re.compile(r"[^\W\d_]+")
# A leefgebied score: "-1" only when the minus is not glued to a word ("wonen-3" is wonen 3).
_SCORE = re.compile(r"((?<![\w-])-\d+|\d+)")
_NAAM_RAND = " \t\r\n,;:=-–—.&/()"
_VOEGWOORD = re.compile(r"^(?:en|and|plus)\s+", re.IGNORECASE)
_TEKSTVELDEN = {
    ORGANISATIE: MAX_ORGANISATIE,
    SITUATIE: MAX_LANGE_TEKST,
    STAGNATIE: MAX_LANGE_TEKST,
    PARTNERS: MAX_KORTE_TEKST,
    REDEN_NIET_GEINFORMEERD: MAX_KORTE_TEKST,
}


def _als_tekst(waarde: object) -> str | None:
    """Card data and typed text as stripped text; None for values that are not text-like."""
    if isinstance(waarde, str):
        return waarde.strip()
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return str(waarde)
    return None


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def valideer_veld(
    veld: str, waarde: object, kennis: Formulierkennis, regios: Regios, vandaag: date
) -> tuple[Any, Invoerfout | None]:
    """Check one field's input (card value or typed text): (normalised value, None) when it is
    fine, (None, Invoerfout) otherwise. Every field is required: empty input is LEEG.
    ValueError for a field that is not one of VELDEN."""
    if veld not in VELDEN:
        raise ValueError(f"unknown field {veld!r}; expected one of {VELDEN}")
    if _leeg(waarde) or (isinstance(waarde, Mapping) and not waarde):
        return None, Invoerfout(veld, LEEG)
    if veld in _TEKSTVELDEN:
        return _vrije_tekst(veld, waarde, _TEKSTVELDEN[veld])
    if veld == TELEFOON:
        return _telefoon(waarde)
    if veld == GEMEENTE:
        return _gemeente(waarde, regios)
    if veld in (DOELGROEP, URGENTIE):
        return _keuze(veld, waarde, kennis.doelgroepen if veld == DOELGROEP else kennis.urgenties)
    if veld == INITIALEN:
        return _initialen(waarde)
    if veld == GEBOORTEJAAR:
        return _geboortejaar(waarde, vandaag)
    if veld in (GEZIN_MET_KINDEREN, GEINFORMEERD):
        return _ja_nee(veld, waarde)
    return _leefgebieden(waarde, kennis)


def _fout(veld: str, soort: str, **waarden: Any) -> tuple[None, Invoerfout]:
    return None, Invoerfout(veld, soort, waarden)


def _vrije_tekst(veld: str, waarde: object, maximum: int) -> tuple[Any, Invoerfout | None]:
    tekst = _als_tekst(waarde)
    if tekst is None:
        return _fout(veld, ONGELDIG)
    if len(tekst) > maximum:
        return _fout(veld, TE_LANG, max=maximum)
    gevonden = persoonsgegevens_in(tekst)
    if gevonden:
        return _fout(veld, gevonden[0])
    return tekst, None


def _telefoon(waarde: object) -> tuple[Any, Invoerfout | None]:
    tekst = _als_tekst(waarde)
    try:
        nummer = phonenumbers.parse(tekst or "", "NL")
    except phonenumbers.NumberParseException:
        return _fout(TELEFOON, ONGELDIG)
    if not phonenumbers.is_valid_number(nummer):
        return _fout(TELEFOON, ONGELDIG)
    opmaak = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(nummer) == "NL"
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(nummer, opmaak), None


def _gemeente(waarde: object, regios: Regios) -> tuple[Any, Invoerfout | None]:
    # A pre-filled value ({"gemeente": ..., "huis": ...}) is checked again by its gemeente.
    tekst = _als_tekst(waarde.get("gemeente") if isinstance(waarde, Mapping) else waarde)
    if tekst is None:
        return _fout(GEMEENTE, ONGELDIG)
    if not tekst:
        return _fout(GEMEENTE, LEEG)
    treffer = regios.zoek_gemeente(tekst)
    if treffer is None:
        return _fout(GEMEENTE, ONBEKEND, genoemd=tekst[:60], lijst=", ".join(regios.alle_gemeenten()))
    return {"gemeente": treffer.huidige_gemeente, "huis": treffer.veiligheidshuis.code}, None


def _keuze(veld: str, waarde: object, keuzes: Sequence[Keuze]) -> tuple[Any, Invoerfout | None]:
    tekst = _als_tekst(waarde)
    keuze = _kies(tekst, keuzes) if tekst else None
    if keuze is None:
        return _fout(veld, ONBEKEND, lijst=", ".join(k.nl for k in keuzes))
    return keuze.code, None


def _initialen(waarde: object) -> tuple[Any, Invoerfout | None]:
    tekst = _als_tekst(waarde)
    if tekst is None or _INITIALEN_TEKENS.sub("", tekst):
        return _fout(INITIALEN, ONGELDIG)  # digits or other signs
    reeksen = _LETTERREEKS.findall(tekst)
    # "Jan" or "jansen" is a name; "JPK" (all capitals) is a way of writing initials, "JANSEN" is not.
    if any((len(r) >= 3 and not r.isupper()) or len(r) > MAX_INITIALEN for r in reeksen):
        return _fout(INITIALEN, GEEN_INITIALEN)
    letters = "".join(reeksen).upper()
    if not 1 <= len(letters) <= MAX_INITIALEN:
        return _fout(INITIALEN, ONGELDIG, max=MAX_INITIALEN)
    return "".join(f"{letter}." for letter in letters), None


def _geboortejaar(waarde: object, vandaag: date) -> tuple[Any, Invoerfout | None]:
    if isinstance(waarde, bool):
        return _fout(GEBOORTEJAAR, ONGELDIG)
    if isinstance(waarde, int):
        jaar = waarde
    elif isinstance(waarde, str) and waarde.strip().isdecimal():
        jaar = int(waarde.strip())
    else:
        return _fout(GEBOORTEJAAR, ONGELDIG)
    laagste, hoogste = vandaag.year - MAX_LEEFTIJD, vandaag.year
    if not laagste <= jaar <= hoogste:
        return _fout(GEBOORTEJAAR, BUITEN_BEREIK, min=laagste, max=hoogste)
    return jaar, None


def _ja_nee(veld: str, waarde: object) -> tuple[Any, Invoerfout | None]:
    if isinstance(waarde, bool):
        return waarde, None
    tekst = _sleutel(waarde) if isinstance(waarde, str) else ""
    if tekst in _JA:
        return True, None
    if tekst in _NEE:
        return False, None
    return _fout(veld, ONGELDIG)


def _leefgebieden(waarde: object, kennis: Formulierkennis) -> tuple[Any, Invoerfout | None]:
    """Card data {code: "1".."5" or "" / None} or typed text "financieel 2, wonen 3" -> {code: score}."""
    lijst = "; ".join(k.nl for k in kennis.leefgebieden)  # one label holds a comma
    if isinstance(waarde, Mapping):
        paren = [(str(naam), score) for naam, score in waarde.items() if not _leeg(score)]
    elif isinstance(waarde, str):
        paren = _lees_scores(waarde)
        if paren is None:
            return _fout(LEEFGEBIEDEN, ONGELDIG)
    else:
        return _fout(LEEFGEBIEDEN, ONGELDIG)

    scores: dict[str, int] = {}
    for naam, score in paren:
        keuze = _kies(naam, kennis.leefgebieden)
        if keuze is None:
            return _fout(LEEFGEBIEDEN, ONBEKEND, genoemd=naam[:60], lijst=lijst)
        if isinstance(score, bool) or not isinstance(score, int | str):
            return _fout(LEEFGEBIEDEN, ONGELDIG, leefgebied=keuze.nl)
        if isinstance(score, str):
            if not re.fullmatch(r"-?\d+", score.strip()):
                return _fout(LEEFGEBIEDEN, ONGELDIG, leefgebied=keuze.nl)
            score = int(score.strip())
        if not 1 <= score <= len(kennis.zrm):
            return _fout(LEEFGEBIEDEN, BUITEN_BEREIK, min=1, max=len(kennis.zrm), leefgebied=keuze.nl)
        if scores.get(keuze.code, score) != score:
            return _fout(LEEFGEBIEDEN, ONGELDIG, leefgebied=keuze.nl)  # two different scores
        scores[keuze.code] = score
    if not scores:
        return _fout(LEEFGEBIEDEN, LEEG)
    return {k.code: scores[k.code] for k in kennis.leefgebieden if k.code in scores}, None


def _lees_scores(tekst: str) -> list[tuple[str, object]] | None:
    """ "financiën: 2; verslaving 4 en wonen 3" -> [("financiën", 2), ...]; None when a name has
    no score, a score no name, or text follows the last score."""
    delen = _SCORE.split(tekst)
    paren: list[tuple[str, object]] = []
    for index in range(1, len(delen), 2):
        naam = _VOEGWOORD.sub("", delen[index - 1].strip(_NAAM_RAND)).strip(_NAAM_RAND)
        if not naam:
            return None
        paren.append((naam, int(delen[index])))
    if delen[-1].strip(_NAAM_RAND):
        return None
    return paren


# --- the form as a whole -----------------------------------------------------------------------


def ontbrekende_velden(concept: Mapping[str, Any]) -> list[str]:
    """The fields still to ask, in VELDEN order; reden_niet_geinformeerd only when geinformeerd is False."""
    return [
        veld
        for veld in VELDEN
        if veld not in concept and (veld != REDEN_NIET_GEINFORMEERD or concept.get(GEINFORMEERD) is False)
    ]


def lees_referentie(tekst: str) -> str | None:
    """The reference a text mentions ("zvh-mh-2026-123" -> "ZVH-MH-2026-000123"), or None."""
    for treffer in _REFERENTIE.finditer(tekst):
        huis, jaar, volgnummer = treffer.groups()
        if int(volgnummer) > 0:
            return maak_referentie(huis.upper(), int(jaar), int(volgnummer))
    return None


def bewaartermijn_verlopen(afgesloten: datetime, nu: datetime, maanden: int) -> bool:
    """Whether `maanden` calendar months have passed since `afgesloten` (31 January + 1 month is the
    end of February). Both datetimes must be naive or both aware."""
    if maanden < 0:
        raise ValueError(f"retention period must not be negative, got {maanden}")
    totaal = afgesloten.month - 1 + maanden
    jaar, maand = afgesloten.year + totaal // 12, totaal % 12 + 1
    dag = min(afgesloten.day, calendar.monthrange(jaar, maand)[1])
    return nu >= afgesloten.replace(year=jaar, month=maand, day=dag)


# --- figures -----------------------------------------------------------------------------------

GEMEENTE_KOP = "Gemeente"
TOTAAL = "Totaal"


def cijfertabel(
    tellingen: Iterable[tuple[str, str, int]], doelgroepen: Sequence[Keuze]
) -> tuple[list[str], list[list[str | int]]]:
    """Counts (gemeente, doelgroep code, aantal) as the annual reports print them: one column per
    doelgroep that occurs (form order, unknown codes last by code), one row per gemeente by name,
    a Totaal column and a Totaal row."""
    per_gemeente: dict[str, dict[str, int]] = {}
    for gemeente, code, aantal in tellingen:
        rij = per_gemeente.setdefault(gemeente, {})
        rij[code] = rij.get(code, 0) + aantal
    aanwezig = {code for rij in per_gemeente.values() for code in rij}
    bekend = [k for k in doelgroepen if k.code in aanwezig]
    codes = [k.code for k in bekend] + sorted(aanwezig - {k.code for k in bekend})
    kop = [GEMEENTE_KOP, *(k.nl for k in bekend), *codes[len(bekend) :], TOTAAL]

    rijen: list[list[str | int]] = []
    for gemeente in sorted(per_gemeente, key=lambda g: (normalise(g), g)):
        aantallen = [per_gemeente[gemeente].get(code, 0) for code in codes]
        rijen.append([gemeente, *aantallen, sum(aantallen)])
    kolomtotalen = [sum(per_gemeente[g].get(code, 0) for g in per_gemeente) for code in codes]
    rijen.append([TOTAAL, *kolomtotalen, sum(kolomtotalen)])
    return kop, rijen


def als_csv(kop: Sequence[str], rijen: Iterable[Sequence[str | int]]) -> str:
    """CSV as Dutch Excel reads it: ';' between cells, CRLF line ends. (Write it as utf-8-sig so
    Excel sees the accents.)"""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(kop)
    schrijver.writerows(rijen)
    return uit.getvalue()
