"""The glossary data (knowledge/data/woordenlijst.toml) and its query table, checked against the seeds.

Every entry must be complete and unique, point only at existing entries, and be traceable: `bron`
names a seed file and a section heading that occurs in it, and `citaat` occurs literally in that
file. Both glossaries in the seeds (000 "Verklarende woorden- en begrippenlijst", 003 "Bijlage 1:
Definities") must be covered in full. The query table used by the glossary search tests must only
expect terms that exist.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from knowledge.tekst import normalise

DATA = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "woordenlijst.toml"
VRAGEN = Path(__file__).with_name("woordenlijst_vragen.toml")
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

TEKSTVELDEN = ("term", "voluit", "definitie_nl", "definitie_en", "bron", "citaat")
LIJSTVELDEN = ("aliassen", "zie_ook", "vragen")
NIET_LEEG = ("term", "definitie_nl", "definitie_en", "bron", "citaat")
BRON = re.compile(r"(?P<bestand>\d{3}_[0-9a-f]{16}\.txt) §(?P<kop>\S.*)")

# DOMAIN-FACTS §6.1: the 24 headwords of seed 000's "Verklarende woorden- en begrippenlijst".
WOORDENLIJST_000 = (
    "ADL-vaardigheden",
    "Ambtshalve vervolging",
    "HG",
    "JCO",
    "Jeugdige",
    "Kort traject",
    "Lang traject",
    "Leefgebieden Veiligheidshuis",
    "Melding",
    "Multiproblematiek",
    "Nazorg ex-gedetineerden",
    "NWO",
    "OGGZ",
    "Prioriteren",
    "Quick Win",
    "Samenloop met strafrecht (bij huisverboden)",
    "Jihadisme",
    "Tijdelijk Huisverbod",
    "Vervolgacties meldingen",
    "Volwassen Veelpleger",
    "ZCO",
    "Zeer actieve volwassen veelpleger",
    "Zelfredzaamheid",
    "Zelfredzaamheid-matrix (ZRM)",
)

# DOMAIN-FACTS §6.2: the 11 headwords of seed 003's "Bijlage 1: Definities".
DEFINITIES_003 = (
    "Politiemutatie",
    "Vervolgactie",
    "Traject of plan van aanpak binnen het Veiligheidshuis",
    "Datum vaststelling plan van aanpak",
    "Plan van aanpak dat met name justitieel gericht is",
    "Traject/plan van aanpak dat met name zorg gericht is",
    "Traject/plan van aanpak met accent op prioriteren en het integrale karakter",
    "Traject/plan van aanpak gericht op nazorgplan (alleen ex-gedetineerden)",
    "Traject/plan van aanpak Wet Tijdelijk Huisverbod",
    "Gepleegde delicten",
    "Delictgedrag",
)


def sleutel(tekst: str) -> str:
    """Comparison key for names: case folded, accents removed, punctuation as space."""
    return " ".join(normalise(tekst).replace("?", " ").split())


@cache
def begrippen() -> tuple[dict[str, Any], ...]:
    with DATA.open("rb") as bestand:
        return tuple(tomllib.load(bestand)["begrip"])


@cache
def vragen() -> tuple[dict[str, Any], ...]:
    with VRAGEN.open("rb") as bestand:
        return tuple(tomllib.load(bestand)["vraag"])


def termen() -> set[str]:
    return {b["term"] for b in begrippen()}


def namen(begrip: dict[str, Any]) -> list[str]:
    """The keys under which an entry can be found: its term and its aliases."""
    return [sleutel(begrip["term"]), *(sleutel(alias) for alias in begrip["aliassen"])]


@cache
def seed_varianten(bestand: str) -> tuple[str, ...]:
    """The seed text with whitespace collapsed, as is and with hyphenated line breaks joined.

    PDF extraction splits words and headings over lines: "Verdie-\\npingstafel" (drop the hyphen)
    but also "informatie-\\nuitwisseling" (keep it), so both joins are tried.
    """
    ruw = (SEEDS / bestand).read_text(encoding="utf-8")
    afbreking = re.compile(r"(\w)-[ \t]*\n\s*(\w)")
    teksten = (ruw, afbreking.sub(r"\1-\2", ruw), afbreking.sub(r"\1\2", ruw))
    return tuple(" ".join(tekst.split()) for tekst in teksten)


def staat_in_seed(fragment: str, bestand: str) -> bool:
    gezocht = " ".join(fragment.split())
    return any(gezocht in tekst for tekst in seed_varianten(bestand))


def _id(begrip: dict[str, Any]) -> str:
    return str(begrip.get("term", "?"))


# --- structure ---------------------------------------------------------------------------------------


def test_minstens_honderd_begrippen() -> None:
    assert len(begrippen()) >= 100, len(begrippen())


@pytest.mark.parametrize("begrip", begrippen(), ids=_id)
def test_begrip_heeft_alle_velden_met_het_juiste_type(begrip: dict[str, Any]) -> None:
    velden = set(TEKSTVELDEN) | set(LIJSTVELDEN)
    assert set(begrip) == velden, sorted(set(begrip) ^ velden)
    for veld in TEKSTVELDEN:
        assert isinstance(begrip[veld], str), veld
        assert begrip[veld] == begrip[veld].strip(), f"{veld} has surrounding whitespace"
    for veld in NIET_LEEG:
        assert begrip[veld], f"{veld} is empty"
    for veld in LIJSTVELDEN:
        assert isinstance(begrip[veld], list), veld
        assert all(isinstance(item, str) and item.strip() for item in begrip[veld]), f"{veld} has an empty item"


@pytest.mark.parametrize("begrip", begrippen(), ids=_id)
def test_citaat_is_kort(begrip: dict[str, Any]) -> None:
    assert 2 <= len(begrip["citaat"].split()) <= 12, begrip["citaat"]


def test_termen_zijn_uniek() -> None:
    dubbel = [t for t, n in Counter(sleutel(b["term"]) for b in begrippen()).items() if n > 1]
    assert not dubbel, dubbel


def test_aliassen_botsen_niet_met_andere_begrippen() -> None:
    eigenaar: dict[str, set[str]] = {}
    for begrip in begrippen():
        for naam in namen(begrip):
            eigenaar.setdefault(naam, set()).add(begrip["term"])
    botsingen = {naam: sorted(houders) for naam, houders in eigenaar.items() if len(houders) > 1}
    assert not botsingen, botsingen


def test_geen_lege_namen_na_normaliseren() -> None:
    leeg = [b["term"] for b in begrippen() if "" in namen(b)]
    assert not leeg, leeg


@pytest.mark.parametrize("begrip", begrippen(), ids=_id)
def test_zie_ook_verwijst_naar_andere_bestaande_begrippen(begrip: dict[str, Any]) -> None:
    onbekend = [z for z in begrip["zie_ook"] if z not in termen()]
    assert not onbekend, onbekend
    assert begrip["term"] not in begrip["zie_ook"]
    assert len(set(begrip["zie_ook"])) == len(begrip["zie_ook"]), "duplicate in zie_ook"


# --- sources -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("begrip", begrippen(), ids=_id)
def test_bron_noemt_seed_en_kop_uit_die_seed(begrip: dict[str, Any]) -> None:
    gevonden = BRON.fullmatch(begrip["bron"])
    assert gevonden, f"bron {begrip['bron']!r} is not '<seed file> §<heading>'"
    bestand, kop = gevonden["bestand"], gevonden["kop"]
    assert (SEEDS / bestand).is_file(), f"{bestand} is not a seed file"
    assert staat_in_seed(kop, bestand), f"heading {kop!r} not in {bestand}"


@pytest.mark.parametrize("begrip", begrippen(), ids=_id)
def test_citaat_staat_letterlijk_in_de_seed(begrip: dict[str, Any]) -> None:
    gevonden = BRON.fullmatch(begrip["bron"])
    assert gevonden, begrip["bron"]
    assert staat_in_seed(begrip["citaat"], gevonden["bestand"]), (
        f"citaat {begrip['citaat']!r} not in {gevonden['bestand']}"
    )


def test_seedcontrole_vindt_ook_wat_er_niet_staat() -> None:
    """The check itself must be able to fail: a heading and a phrase that are not in the seed."""
    assert staat_in_seed("Verklarende woorden- en begrippenlijst", "000_9779236f08af37a0.txt")
    assert staat_in_seed("Verdiepingstafel ZSM+", "004_73514235c6e96814.txt")  # split over a line
    assert not staat_in_seed("Verklarende woordenlijst", "000_9779236f08af37a0.txt")
    assert not staat_in_seed("maximaal 14 dagen", "000_9779236f08af37a0.txt")


@pytest.mark.parametrize("kopwoord", [*WOORDENLIJST_000, *DEFINITIES_003], ids=[*WOORDENLIJST_000, *DEFINITIES_003])
def test_kopwoorden_uit_de_seedwoordenlijsten_zijn_opgenomen(kopwoord: str) -> None:
    alle_namen = {naam for begrip in begrippen() for naam in namen(begrip)}
    assert sleutel(kopwoord) in alle_namen, f"{kopwoord!r} is neither a term nor an alias"


def test_seedwoordenlijsten_zijn_volledig_opgesomd() -> None:
    assert len(WOORDENLIJST_000) == 24
    assert len(DEFINITIES_003) == 11
    for kopwoord in WOORDENLIJST_000:
        # the headword as it stands in the seed, before its colon or its "(ZRM)"
        assert staat_in_seed(kopwoord.split(" (")[0], "000_9779236f08af37a0.txt"), kopwoord


def test_definities_noemen_de_getallen_uit_de_seed() -> None:
    per_term = {b["term"]: b for b in begrippen()}
    verwacht = {
        "Tijdelijk huisverbod": "28 dagen",
        "Quick Win": "3 overleggen",
        "Kort traject": "3 overleggen",
        "Jeugdige": "−9 maanden tot 23 jaar",
        "Volwassen veelpleger": "10",
        "Zeer actieve volwassen veelpleger": "vijf jaar minimaal 5",
        "Onaantastbare": "12 jaar",
        "ZRM": "1 tot en met 5",
        "Preventie met Gezag": "8 tot 27 jaar",
        "Nazorgcoördinator": "14 dagen",
    }
    for term, fragment in verwacht.items():
        assert fragment in per_term[term]["definitie_nl"], term


# --- query table ------------------------------------------------------------------------------------------


def test_vragentabel_is_groot_genoeg() -> None:
    alle = vragen()
    assert len(alle) >= 170, len(alle)
    assert sum(1 for v in alle if v["verwacht"] == "") >= 15


@pytest.mark.parametrize("vraag", vragen(), ids=lambda v: v["tekst"])
def test_vraag_verwacht_een_bestaande_term_of_niets(vraag: dict[str, Any]) -> None:
    assert set(vraag) == {"tekst", "verwacht"}
    assert isinstance(vraag["tekst"], str) and vraag["tekst"].strip()
    assert vraag["verwacht"] == "" or vraag["verwacht"] in termen(), vraag["verwacht"]


def test_vragen_zijn_uniek() -> None:
    dubbel = [t for t, n in Counter(sleutel(v["tekst"]) for v in vragen()).items() if n > 1]
    assert not dubbel, dubbel


def test_vragen_dekken_veel_begrippen() -> None:
    gedekt = {v["verwacht"] for v in vragen()} - {""}
    assert len(gedekt) >= 100, len(gedekt)
