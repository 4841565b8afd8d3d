"""Regio's: gemeente -> Veiligheidshuis, typos and former gemeenten, validation, and traceability.

The expected gemeenten per house are written out here from ../shared/DOMAIN-FACTS.md §5, not read
from the data file, so a wrong or missing gemeente in knowledge/data/regios.toml fails. Every
`bron` must name a seed file and a heading that occurs in it, or a page address from DOMAIN-FACTS;
contact details taken from a seed must occur literally in that seed: nothing may be invented.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from knowledge.bestanden import KennisFout
from knowledge.regios import Veiligheidshuis, load_regios, parse_regios
from knowledge.tekst import normalise

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
DOMAIN_FACTS = SHARED / "DOMAIN-FACTS.md"

# DOMAIN-FACTS §5, current situation: WM without Schinnen, Parkstad with Beekdaelen.
VERWACHT = {
    "MH": ["Eijsden-Margraten", "Gulpen-Wittem", "Maastricht", "Meerssen", "Vaals", "Valkenburg aan de Geul"],
    "WM": ["Sittard-Geleen", "Stein", "Beek"],
    "PS": ["Heerlen", "Kerkrade", "Landgraaf", "Brunssum", "Voerendaal", "Simpelveld", "Beekdaelen"],
    "ML": ["Roermond", "Weert", "Leudal", "Echt-Susteren", "Maasgouw", "Roerdalen", "Nederweert"],
    "NL": ["Venlo", "Venray", "Horst aan de Maas", "Peel en Maas", "Beesel", "Gennep", "Bergen", "Mook & Middelaar"],
}
GEMEENTEN = [(gemeente, code) for code, gemeenten in VERWACHT.items() for gemeente in gemeenten]
# DOMAIN-FACTS §0: the year each seed document reports on.
SEED_JAAR = {"000": "2014", "001": "2019", "002": "2024", "003": "2009", "004": "2018"}
# DOMAIN-FACTS §5 and §9.10: only the WM address and phone were confirmed on a current page.
# DOMAIN-FACTS §5 confirms only WM's address and phone on a current page, not its e-mail address,
# so no house's contact as a whole counts as checked (§9.10).
GEVERIFIEERD: set[str] = set()

CITAAT = re.compile(r"(?P<bestand>(?P<nummer>\d{3})_[0-9a-f]{16}\.txt) §(?P<kop>\S.*?)(?: \((?P<jaar>\d{4})\))?")
URL = re.compile(r"https?://[^\s;)]+")


@cache
def _seed(bestand: str) -> str:
    """A seed's text with whitespace collapsed: PDF extraction splits lines anywhere."""
    return " ".join((SEEDS / bestand).read_text(encoding="utf-8").split())


def _citaten(bron: str) -> list[str]:
    return [deel.strip() for deel in bron.split("; ")]


def _bronnen(huis: Veiligheidshuis) -> list[tuple[str, str]]:
    """(which field, citation) for every source a house cites."""
    velden = [("gemeenten_bron", huis.gemeenten_bron), ("contact.bron", huis.contact.bron)]
    velden += [(f"overleggen[{o.doelgroep}]", o.bron) for o in huis.overleggen]
    if huis.ladder_bron:
        velden.append(("ladder_bron", huis.ladder_bron))
    return [(veld, citaat) for veld, bron in velden for citaat in _citaten(bron)]


ALLE_BRONNEN = [
    (huis.code, veld, citaat) for huis in load_regios().veiligheidshuizen for veld, citaat in _bronnen(huis)
]


# --- gemeente -> Veiligheidshuis -----------------------------------------------------------------


@pytest.mark.parametrize(("gemeente", "code"), GEMEENTEN)
def test_every_gemeente_maps_to_its_veiligheidshuis(gemeente: str, code: str):
    regios = load_regios()
    assert regios.voor_gemeente(gemeente).code == code
    treffer = regios.zoek_gemeente(gemeente)
    assert (treffer.veiligheidshuis.code, treffer.typo, treffer.nu) == (code, False, None)


def test_the_data_has_exactly_the_gemeenten_of_domain_facts():
    regios = load_regios()
    gevonden = {regios.zoek_gemeente(gemeente).gemeente for gemeente, _ in GEMEENTEN}
    assert set(regios.alle_gemeenten()) == gevonden
    assert len(regios.alle_gemeenten()) == len(GEMEENTEN) == 31


def test_alle_gemeenten_is_sorted():
    gemeenten = load_regios().alle_gemeenten()
    assert list(gemeenten) == sorted(gemeenten, key=normalise)


@pytest.mark.parametrize(
    ("tekst", "gemeente", "code"),
    [
        ("Valkenburg", "Valkenburg aan de Geul", "MH"),
        ("Eijsden", "Eijsden-Margraten", "MH"),
        ("Margraten", "Eijsden-Margraten", "MH"),
        ("Gulpen", "Gulpen-Wittem", "MH"),
        ("Sittard", "Sittard-Geleen", "WM"),
        ("Geleen", "Sittard-Geleen", "WM"),
        ("Echt", "Echt-Susteren", "ML"),
        ("Horst", "Horst aan de Maas", "NL"),
        ("Mook en Middelaar", "Mook en Middelaar", "NL"),
        ("Bergen (L.)", "Bergen", "NL"),
        ("gemeente Maastricht", "Maastricht", "MH"),
        ("De gemeente Weert?", "Weert", "ML"),
        ("sittard geleen", "Sittard-Geleen", "WM"),
        ("SITTARDGELEEN", "Sittard-Geleen", "WM"),
        ("Valkenburg aan de Geul!", "Valkenburg aan de Geul", "MH"),
    ],
)
def test_short_forms_and_spellings_are_exact(tekst: str, gemeente: str, code: str):
    treffer = load_regios().zoek_gemeente(tekst)
    assert (treffer.gemeente, treffer.veiligheidshuis.code, treffer.typo) == (gemeente, code, False)
    assert load_regios().voor_gemeente(tekst).code == code


@pytest.mark.parametrize(
    ("tekst", "gemeente", "code"),
    [
        ("maastrich", "Maastricht", "MH"),
        ("Mastricht", "Maastricht", "MH"),
        ("Heerle", "Heerlen", "PS"),
        ("Kerkraade", "Kerkrade", "PS"),
        ("Roermnd", "Roermond", "ML"),
        ("Beekdalen", "Beekdaelen", "PS"),
        ("Landgraf", "Landgraaf", "PS"),
        ("Gulpen-Witem", "Gulpen-Wittem", "MH"),
        ("Sittard-Gelen", "Sittard-Geleen", "WM"),
        ("Valkenburg a/d Geul", "Valkenburg aan de Geul", "MH"),
        ("Nederweerd", "Nederweert", "ML"),
        ("Venrray", "Venray", "NL"),
    ],
)
def test_small_typos_are_found_and_flagged(tekst: str, gemeente: str, code: str):
    treffer = load_regios().zoek_gemeente(tekst)
    assert (treffer.gemeente, treffer.veiligheidshuis.code, treffer.typo) == (gemeente, code, True)
    assert treffer.score >= 85
    # voor_gemeente is exact only: a typo must not silently route a case.
    assert load_regios().voor_gemeente(tekst) is None


@pytest.mark.parametrize("voormalig", ["Schinnen", "Nuth", "Onderbanken", "schinnen", "Onderbank"])
def test_former_gemeenten_give_beekdaelen_and_its_house(voormalig: str):
    regios = load_regios()
    treffer = regios.zoek_gemeente(voormalig)
    assert treffer.nu == treffer.huidige_gemeente == "Beekdaelen"
    assert normalise(treffer.gemeente) in {"schinnen", "nuth", "onderbanken"}
    assert treffer.veiligheidshuis == regios.voor_gemeente("Beekdaelen")
    assert treffer.veiligheidshuis.code == "PS"


def test_schinnen_is_no_longer_a_gemeente_of_westelijke_mijnstreek():
    wm = load_regios().per_code("WM")
    assert "Schinnen" not in wm.gemeenten
    assert "Schinnen" in wm.gemeenten_toelichting


@pytest.mark.parametrize(
    "tekst", ["Amsterdam", "Luik", "", "ja", "   ", "?", "Nu", "Limburg", "Heuvelland", "Aken", "Brussel", "Eindhoven"]
)
def test_unknown_places_give_none(tekst: str):
    assert load_regios().zoek_gemeente(tekst) is None
    assert load_regios().voor_gemeente(tekst) is None


def test_per_code():
    regios = load_regios()
    assert regios.per_code("mh").naam == "Zorg- en Veiligheidshuis Maastricht-Heuvelland"
    assert regios.per_code(" WM ").code == "WM"
    assert regios.per_code("XX") is None
    assert sorted(h.code for h in regios.veiligheidshuizen) == sorted(VERWACHT)


# --- content -------------------------------------------------------------------------------------


def test_only_westelijke_mijnstreek_has_the_ladder():
    regios = load_regios()
    wm = regios.per_code("WM")
    assert [(s.stap, s.naam) for s in wm.ladder] == [
        (1, "Voorliggend veld"),
        (2, "Gebiedsteams"),
        (3, "Regieteam"),
        (4, "Veiligheidshuis"),
    ]
    assert "criteria" in wm.ladder_toelichting
    assert [h.code for h in regios.veiligheidshuizen if h.ladder] == ["WM"]


def test_overleggen_only_where_a_seed_has_them():
    regios = load_regios()
    assert {h.code for h in regios.veiligheidshuizen if h.overleggen} == {"MH", "WM", "ML"}
    # MH uses its newest seed (2019), not the 2014 table.
    assert all("001_" in o.bron and "000_" not in o.bron for o in regios.per_code("MH").overleggen)
    assert "Netwerkoverleg Risicojeugd" in {i for o in regios.per_code("MH").overleggen for i in o.instrumenten}


def test_parkstad_membership_of_beekdaelen_is_marked_as_inferred():
    toelichting = load_regios().per_code("PS").gemeenten_toelichting
    assert "Beekdaelen" in toelichting and "afgeleid" in toelichting


def test_geverifieerd_only_where_domain_facts_confirms_it():
    assert {h.code for h in load_regios().veiligheidshuizen if h.contact.geverifieerd} == GEVERIFIEERD


# --- traceability --------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "veld", "citaat"), ALLE_BRONNEN)
def test_every_source_is_a_seed_heading_or_a_domain_facts_page(code: str, veld: str, citaat: str):
    if citaat.startswith(("http://", "https://")):
        assert citaat in DOMAIN_FACTS.read_text(encoding="utf-8"), f"{code} {veld}: page not in DOMAIN-FACTS"
        return
    gevonden = CITAAT.fullmatch(citaat)
    assert gevonden, f"{code} {veld}: '{citaat}' is not '<seed file> §<heading>'"
    assert (SEEDS / gevonden["bestand"]).is_file(), f"{code} {veld}: no seed {gevonden['bestand']}"
    assert gevonden["kop"] in _seed(gevonden["bestand"]), f"{code} {veld}: heading not in the seed"
    if gevonden["jaar"]:
        assert gevonden["jaar"] == SEED_JAAR[gevonden["nummer"]], f"{code} {veld}: wrong year"
    if veld.startswith("overleggen"):
        assert gevonden["jaar"], f"{code} {veld}: an overleg's source must say the year"


def test_every_web_address_in_the_data_comes_from_domain_facts():
    feiten = DOMAIN_FACTS.read_text(encoding="utf-8")
    for huis in load_regios().veiligheidshuizen:
        c = huis.contact
        teksten = [c.website, c.aanmelden, c.toelichting, c.bron, huis.gemeenten_bron, huis.gemeenten_toelichting]
        for adres in (a.rstrip(".,") for tekst in teksten for a in URL.findall(tekst)):
            assert adres in feiten, f"{huis.code}: {adres} is not in DOMAIN-FACTS"


def _contact_seeds(huis: Veiligheidshuis) -> list[str]:
    return [m["bestand"] for m in map(CITAAT.fullmatch, _citaten(huis.contact.bron)) if m]


def test_contacts_of_mh_wm_ml_come_from_their_seeds():
    """DOMAIN-FACTS §5: the seeds give contacts for MH (2019), WM (2018) and ML (2009) only."""
    assert {h.code for h in load_regios().veiligheidshuizen if _contact_seeds(h)} == {"MH", "WM", "ML"}


@pytest.mark.parametrize(
    "huis", [h for h in load_regios().veiligheidshuizen if _contact_seeds(h)], ids=lambda h: h.code
)
def test_seed_sourced_contact_details_occur_in_the_seed(huis: Veiligheidshuis):
    seeds = _contact_seeds(huis)
    c = huis.contact
    details = [d for d in (c.telefoon, c.email, *c.adres.split(", ")) if d]
    assert details, "a seed is cited but no detail from it is used"
    for detail in details:
        assert any(detail in _seed(seed) for seed in seeds), f"'{detail}' does not occur in {seeds}"


def test_the_seed_checks_can_fail():
    """The checks above would catch an invented heading or phone number."""
    assert "Verzonnen kop" not in _seed("001_4436ca3a261d8792.txt")
    assert "043 350 54 32" not in _seed("001_4436ca3a261d8792.txt")
    assert CITAAT.fullmatch("001_4436ca3a261d8792.txt §Inzet per doelgroep (2019)")["jaar"] == "2019"


# --- validation ----------------------------------------------------------------------------------

_GELDIG = """\
[[veiligheidshuis]]
code = "AA"
naam = "Huis A"
gemeenten = ["Alfa", "Bravo"]
gemeenten_bron = "bron a"
gemeente_aliassen = { "Alf" = "Alfa" }
voormalige_gemeenten = [{ naam = "Oud", nu = "Bravo" }]
ladder_bron = "bron l"
ladder = [{ stap = 1, naam = "Eerst", omschrijving = "x" }, { stap = 2, naam = "Dan", omschrijving = "y" }]

[veiligheidshuis.contact]
telefoon = "012 345 67 89"
email = "a@b.nl"
bron = "bron c"
peildatum = "nu"
geverifieerd = false

[[veiligheidshuis.overleggen]]
doelgroep = "Jeugd"
instrumenten = ["Overleg"]
gericht_op = "doel"
bron = "bron o"

[[veiligheidshuis]]
code = "BB"
naam = "Huis B"
gemeenten = ["Charlie"]
gemeenten_bron = "bron b"

[veiligheidshuis.contact]
bron = "bron d"
peildatum = "nu"
geverifieerd = true
"""


def test_the_valid_example_parses():
    regios = parse_regios("regios.toml", _GELDIG)
    assert regios.voor_gemeente("alf").code == "AA"
    assert regios.zoek_gemeente("Oud").nu == "Bravo"
    assert regios.voor_gemeente("Charlie").code == "BB"
    assert regios.alle_gemeenten() == ("Alfa", "Bravo", "Charlie")


@pytest.mark.parametrize(
    ("oud", "nieuw", "reden"),
    [
        ('code = "BB"', 'code = "aa"', "code staat er twee keer in"),
        ('gemeenten = ["Charlie"]', 'gemeenten = ["Charlie", "alfa"]', "'alfa' staat er al als gemeente van AA"),
        ('gemeenten = ["Charlie"]', 'gemeenten = ["Charlie", "Charlie"]', "'Charlie' staat er al als gemeente van BB"),
        ('gemeenten = ["Charlie"]', 'gemeenten = ["Charlie", " "]', "'gemeenten' moet een niet-lege lijst"),
        ('gemeenten = ["Charlie"]', "gemeenten = []", "'gemeenten' moet een niet-lege lijst"),
        ('gemeenten = ["Charlie"]', 'gemeenten = ["Charlie", "--"]', "'--' is leeg na normaliseren"),
        ('naam = "Huis B"', 'naam = ""', "'naam' ontbreekt of is leeg"),
        ('nu = "Bravo"', 'nu = "Zulu"', "'Oud' verwijst naar 'Zulu', geen huidige gemeente"),
        ('nu = "Bravo"', 'nu = "Charlie"', "'Oud' verwijst naar 'Charlie', geen huidige gemeente"),
        ('naam = "Oud"', 'naam = "Charlie"', "'Charlie' staat er al als voormalige gemeente van AA"),
        ('naam = "Oud"', 'naam = "Alfa"', "'Alfa' staat er al als gemeente van AA"),
        ('"Alf" = "Alfa"', '"Alf" = "Zulu"', "alias 'Alf' verwijst naar 'Zulu'"),
        ('"Alf" = "Alfa"', '"Bravo" = "Alfa"', "alias 'Bravo' staat er al als gemeente van AA"),
        ('email = "a@b.nl"', "email = 12", "'email' moet een niet-lege tekst zijn"),
        ('email = "a@b.nl"', 'email = ""', "'email' moet een niet-lege tekst zijn"),
        ('email = "a@b.nl"', 'e_mail = "a@b.nl"', "onbekend veld 'e_mail'"),
        ('telefoon = "012 345 67 89"', 'telefoon = "012 BEL ME"', "telefoon '012 BEL ME' mag alleen"),
        ('telefoon = "012 345 67 89"', 'telefoon = "+31 (0)12 345"', "telefoon '+31 (0)12 345' mag alleen"),
        ('telefoon = "012 345 67 89"', 'telefoon = "+ -"', "mag alleen cijfers"),
        ('bron = "bron c"', 'bronnen = "bron c"', "onbekend veld 'bronnen'"),
        ('peildatum = "nu"\ngeverifieerd = false', "geverifieerd = false", "'peildatum' ontbreekt"),
        ("geverifieerd = true", 'geverifieerd = "ja"', "'geverifieerd' moet true of false zijn"),
        (
            '[veiligheidshuis.contact]\nbron = "bron d"\npeildatum = "nu"\ngeverifieerd = true\n',
            "",
            "'contact' ontbreekt",
        ),
        ('omschrijving = "y"', 'omschrijving = ""', "'omschrijving' ontbreekt"),
        ("stap = 2", "stap = 3", "'stap' moet 2 zijn"),
        ("stap = 1", "stap = true", "'stap' moet 1 zijn"),
        ('ladder_bron = "bron l"\n', "", "'ladder_bron' ontbreekt"),
        ('instrumenten = ["Overleg"]', "instrumenten = []", "'instrumenten' moet een niet-lege lijst"),
        ('bron = "bron o"', "", "'bron' ontbreekt"),
        ('gemeenten_bron = "bron b"', "", "'gemeenten_bron' ontbreekt"),
        ('gemeenten_bron = "bron b"', 'gemeente = "Delta"', "onbekend veld 'gemeente'"),
        ("[[veiligheidshuis]]\ncode", "[[veiligheidshuis]]\ncode = 1\nx", "'code' ontbreekt"),
    ],
)
def test_each_broken_entry_is_refused(oud: str, nieuw: str, reden: str):
    assert oud in _GELDIG
    with pytest.raises(KennisFout) as fout:
        parse_regios("regios.toml", _GELDIG.replace(oud, nieuw, 1))
    assert fout.value.bestand == "regios.toml"
    assert reden in fout.value.reden


@pytest.mark.parametrize(("tekst", "reden"), [("", "geen Veiligheidshuis"), ("x = [", "geen geldige TOML")])
def test_an_empty_or_broken_file_is_refused(tekst: str, reden: str):
    with pytest.raises(KennisFout, match=reden):
        parse_regios("regios.toml", tekst)
