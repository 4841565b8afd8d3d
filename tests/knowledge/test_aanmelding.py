"""Aanmelding: the form's data file, the input rule per field, personal data in free text, the
reference number, the retention period and the figures export.

Every rule is a table of (input -> normalised value) or (input -> Invoerfout soort and waarden).
"""

from __future__ import annotations

import copy
import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from knowledge.aanmelding import (
    AFGESLOTEN,
    BSN,
    BUITEN_BEREIK,
    DOELGROEP,
    EMAIL,
    GEBOORTEJAAR,
    GEEN_INITIALEN,
    GEINFORMEERD,
    GEMEENTE,
    GEZIN_MET_KINDEREN,
    INITIALEN,
    LEEFGEBIEDEN,
    LEEG,
    ONBEKEND,
    ONGELDIG,
    ORGANISATIE,
    PARTNERS,
    REDEN_NIET_GEINFORMEERD,
    SITUATIE,
    STAGNATIE,
    STATUSSEN,
    TE_LANG,
    TELEFOON,
    TELEFOONNUMMER,
    URGENTIE,
    URGENTIES,
    VELDEN,
    VERVOLGACTIES,
    Formulierkennis,
    Invoerfout,
    Keuze,
    als_csv,
    bewaartermijn_verlopen,
    cijfertabel,
    lees_referentie,
    load_formulier,
    maak_referentie,
    ontbrekende_velden,
    parse_formulier,
    persoonsgegevens_in,
    valideer_veld,
)
from knowledge.bestanden import KennisFout, load_toml
from knowledge.regios import Regios, load_regios
from tests.knowledge.toml_schrijver import als_toml

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
VANDAAG = date(2026, 5, 1)
LEEFGEBIED_LABELS = (
    "wonen; dagbesteding; financieel; sociale relaties; verslaving; psychisch welzijn; "
    "lichamelijk welzijn; justitieel; denkwereld, gedrag en motivatie"
)


@pytest.fixture(scope="module")
def kennis() -> Formulierkennis:
    return load_formulier()


@pytest.fixture(scope="module")
def regios() -> Regios:
    return load_regios()


def _valideer(veld: str, waarde: object) -> tuple[Any, Invoerfout | None]:
    return valideer_veld(veld, waarde, load_formulier(), load_regios(), VANDAAG)


def _ok(veld: str, waarde: object, verwacht: Any) -> None:
    assert _valideer(veld, waarde) == (verwacht, None)


def _fout(veld: str, waarde: object, soort: str, waarden: dict[str, Any] | None = None) -> None:
    assert _valideer(veld, waarde) == (None, Invoerfout(veld, soort, waarden or {}))


# --- personal data in free text ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        # BSN: nine digits passing the elfproef, whole or grouped
        ("Zijn BSN is 123456782.", (BSN,)),
        ("bsn 111222333 staat in het dossier", (BSN,)),
        ("BSN: 123.456.782", (BSN,)),
        ("nummer 1234 56 782", (BSN,)),
        ("burgerservicenummer 123-45-6782", (BSN,)),
        ("geboren 1985, bsn 123456782", (BSN,)),
        ("geboren 1985 123456782", (BSN,)),
        # nine digits failing the elfproef are not a BSN
        ("klantnummer 123456789", ()),
        ("dossier 123.456.789", ()),
        ("bedrag 1234567820 euro", ()),
        # e-mail
        ("mail hem op j.jansen@ggd-zl.nl", (EMAIL,)),
        ("Contact: Piet.de.Vries+zvh@maastricht.nl.", (EMAIL,)),
        # phone numbers in Dutch formats
        ("bel moeder op 06-12345678", (TELEFOONNUMMER,)),
        ("06 1234 5678", (TELEFOONNUMMER,)),
        ("tel:0612345678", (TELEFOONNUMMER,)),
        ("wijkteam 043 350 4000", (TELEFOONNUMMER,)),
        ("(043) 350 40 00", (TELEFOONNUMMER,)),
        ("043-3504000", (TELEFOONNUMMER,)),
        ("+31 6 1234 5678", (TELEFOONNUMMER,)),
        ("0031 43 350 4000", (TELEFOONNUMMER,)),
        ("Belgisch nummer +32 470 12 34 56", (TELEFOONNUMMER,)),
        # ordinary numbers in a case description
        ("geboren in 1985, sinds 2019 dakloos", ()),
        ("ZRM 3 op wonen, 2 op financieel", ()),
        ("score 3, 4 en 5", ()),
        ("datum 12-03-2024", ()),
        ("12-03-2024 123", ()),
        ("2014 2015 2016 2017", ()),
        ("woont op postcode 6211 AB in Maastricht", ()),
        ("6211AB", ()),
        ("huisnummer 10, 6211 DW", ()),
        ("IBAN NL91ABNA0417164300", ()),
        ("bel 112 bij acuut gevaar", ()),
        # our own references
        ("zie ZVH-MH-2026-000123", ()),
        ("zvh-mh-2026-123 is al aangemeld", ()),
        ("ZVH-WM-2025-000042 en 043 350 4000", (TELEFOONNUMMER,)),
        # several at once: always in the order BSN, e-mail, phone
        ("06-12345678, a@b.nl en bsn 1234 56 782", (BSN, EMAIL, TELEFOONNUMMER)),
        ("", ()),
    ],
)
def test_persoonsgegevens_in(tekst: str, verwacht: tuple[str, ...]) -> None:
    assert persoonsgegevens_in(tekst) == verwacht


# --- the rules per field -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("veld", "maximum"),
    [(ORGANISATIE, 100), (SITUATIE, 1000), (STAGNATIE, 1000), (PARTNERS, 500), (REDEN_NIET_GEINFORMEERD, 500)],
)
def test_vrije_tekst_lengte(veld: str, maximum: int) -> None:
    _ok(veld, "  " + "a" * maximum + "\n", "a" * maximum)
    _fout(veld, "a" * (maximum + 1), TE_LANG, {"max": maximum})


@pytest.mark.parametrize("veld", [ORGANISATIE, SITUATIE, STAGNATIE, PARTNERS, REDEN_NIET_GEINFORMEERD])
@pytest.mark.parametrize(
    ("waarde", "soort"),
    [
        ("", LEEG),
        ("   \n", LEEG),
        (None, LEEG),
        ("bsn 123456782", BSN),
        ("mail jan@example.nl", EMAIL),
        ("bel 06-12345678", TELEFOONNUMMER),
        ("bsn 123456782, jan@example.nl, 06-12345678", BSN),
        ("jan@example.nl of 06-12345678", EMAIL),
        (["lijst"], ONGELDIG),
    ],
)
def test_vrije_tekst_fouten(veld: str, waarde: object, soort: str) -> None:
    _fout(veld, waarde, soort)


@pytest.mark.parametrize(
    ("veld", "waarde", "verwacht"),
    [
        (ORGANISATIE, " GGD Zuid-Limburg ", "GGD Zuid-Limburg"),
        (SITUATIE, "ZRM 2 op wonen; zie ZVH-MH-2026-000123.", "ZRM 2 op wonen; zie ZVH-MH-2026-000123."),
        (PARTNERS, "Wijkteam, Mondriaan, woningcorporatie", "Wijkteam, Mondriaan, woningcorporatie"),
        (STAGNATIE, "Zorg wordt steeds geweigerd sinds 2024.", "Zorg wordt steeds geweigerd sinds 2024."),
    ],
)
def test_vrije_tekst_geldig(veld: str, waarde: str, verwacht: str) -> None:
    _ok(veld, waarde, verwacht)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("043 350 4000", "043 350 4000"),
        ("043-3504000", "043 350 4000"),
        ("0433504000", "043 350 4000"),
        ("+31 43 350 4000", "043 350 4000"),
        ("0031433504000", "043 350 4000"),
        ("06-12345678", "06 12345678"),
        ("+31612345678", "06 12345678"),
        ("088 20 80 080", "088 208 0080"),
        ("+32 470 12 34 56", "+32 470 12 34 56"),
        ("+49 30 1234567", "+49 30 1234567"),
    ],
)
def test_telefoon_geldig(waarde: str, verwacht: str) -> None:
    _ok(TELEFOON, waarde, verwacht)


@pytest.mark.parametrize(
    ("waarde", "soort"),
    [("12345", ONGELDIG), ("112", ONGELDIG), ("bel me", ONGELDIG), ("06-1234", ONGELDIG), ("", LEEG), (True, ONGELDIG)],
)
def test_telefoon_fout(waarde: object, soort: str) -> None:
    _fout(TELEFOON, waarde, soort)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("Maastricht", {"gemeente": "Maastricht", "huis": "MH"}),
        ("maastrich", {"gemeente": "Maastricht", "huis": "MH"}),
        ("gemeente Sittard-Geleen", {"gemeente": "Sittard-Geleen", "huis": "WM"}),
        ("valkenburg", {"gemeente": "Valkenburg aan de Geul", "huis": "MH"}),
        ("Schinnen", {"gemeente": "Beekdaelen", "huis": "PS"}),
        ({"gemeente": "Venlo", "huis": "NL"}, {"gemeente": "Venlo", "huis": "NL"}),
        ({"gemeente": "Weert", "huis": "MH"}, {"gemeente": "Weert", "huis": "ML"}),  # re-checked, not trusted
    ],
)
def test_gemeente_geldig(waarde: object, verwacht: dict[str, str]) -> None:
    _ok(GEMEENTE, waarde, verwacht)


def test_gemeente_onbekend(regios: Regios) -> None:
    lijst = ", ".join(regios.alle_gemeenten())
    _fout(GEMEENTE, "Amsterdam", ONBEKEND, {"genoemd": "Amsterdam", "lijst": lijst})
    _fout(GEMEENTE, {"gemeente": "Utrecht", "huis": "MH"}, ONBEKEND, {"genoemd": "Utrecht", "lijst": lijst})
    _fout(GEMEENTE, "x" * 80, ONBEKEND, {"genoemd": "x" * 60, "lijst": lijst})


@pytest.mark.parametrize(
    ("waarde", "soort"), [("", LEEG), ({}, LEEG), ({"huis": "MH"}, ONGELDIG), (["Weert"], ONGELDIG)]
)
def test_gemeente_fout(waarde: object, soort: str) -> None:
    _fout(GEMEENTE, waarde, soort)


@pytest.mark.parametrize(
    ("waarde", "code"),
    [
        ("jeugd", "jeugd"),
        ("huiselijk_geweld", "huiselijk_geweld"),
        ("Huiselijk geweld", "huiselijk_geweld"),
        ("HUISELIJK GEWELD", "huiselijk_geweld"),
        ("Domestic violence", "huiselijk_geweld"),
        ("hg", "huiselijk_geweld"),
        ("huiselijk", "huiselijk_geweld"),
        ("huiselijk gewld", "huiselijk_geweld"),
        ("jeugt", "jeugd"),
        ("multiproblematiek", "multiproblematiek"),
        ("OGGZ", "multiproblematiek"),
        ("Top X", "veelplegers_top_x"),
        ("veelpleger", "veelplegers_top_x"),
        ("nazorg", "ex_gedetineerden"),
        ("Volwassen ex-gedetineerden (nazorg)", "ex_gedetineerden"),
        ("verward", "verward_gedrag"),
        ("Personen met verward gedrag", "verward_gedrag"),
        ("radicalisering", "radicalisering"),
        ("radicalisatie", "radicalisering"),
        ("uithuiszetting", "voorkomen_uithuiszetting"),
        ("weet niet", "anders"),
        ("Other / not sure", "anders"),
    ],
)
def test_doelgroep_geldig(waarde: str, code: str) -> None:
    _ok(DOELGROEP, waarde, code)


@pytest.mark.parametrize("waarde", ["wonen", "xyz", "ab", 3, "gezin"])
def test_doelgroep_onbekend(kennis: Formulierkennis, waarde: object) -> None:
    _fout(DOELGROEP, waarde, ONBEKEND, {"lijst": ", ".join(k.nl for k in kennis.doelgroepen)})


@pytest.mark.parametrize(
    ("waarde", "code"),
    [
        ("regulier", "regulier"),
        ("Regulier", "regulier"),
        ("regular", "regulier"),
        ("normaal", "regulier"),
        ("voorrang", "voorrang"),
        ("Priority", "voorrang"),
        ("spoed", "voorrang"),
        ("voorang", "voorrang"),
    ],
)
def test_urgentie_geldig(waarde: str, code: str) -> None:
    _ok(URGENTIE, waarde, code)


def test_urgentie_onbekend() -> None:
    _fout(URGENTIE, "morgen", ONBEKEND, {"lijst": "Regulier, Voorrang"})
    _fout(URGENTIE, "", LEEG)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("J.P.", "J.P."),
        ("jp", "J.P."),
        ("J P", "J.P."),
        ("JPK", "J.P.K."),
        ("j.p.k.", "J.P.K."),
        ("J", "J."),
        ("J.-P.", "J.P."),
        ("JAN", "J.A.N."),  # three capitals: initials written without dots
        ("Ö.K.", "Ö.K."),
        ("ABCDE", "A.B.C.D.E."),
    ],
)
def test_initialen_geldig(waarde: str, verwacht: str) -> None:
    _ok(INITIALEN, waarde, verwacht)


@pytest.mark.parametrize(
    ("waarde", "soort", "waarden"),
    [
        ("Jan", GEEN_INITIALEN, {}),
        ("jansen", GEEN_INITIALEN, {}),
        ("Piet", GEEN_INITIALEN, {}),
        ("J. Jansen", GEEN_INITIALEN, {}),
        ("JANSEN", GEEN_INITIALEN, {}),
        ("J.P. van", GEEN_INITIALEN, {}),
        ("J3", ONGELDIG, {}),
        ("J.P.!", ONGELDIG, {}),
        ("12", ONGELDIG, {}),
        ("...", ONGELDIG, {"max": 5}),
        ("A.B.C.D.E.F.", ONGELDIG, {"max": 5}),
        ("", LEEG, {}),
    ],
)
def test_initialen_fout(waarde: str, soort: str, waarden: dict[str, Any]) -> None:
    _fout(INITIALEN, waarde, soort, waarden)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [("1985", 1985), (1985, 1985), (" 2001 ", 2001), (1916, 1916), ("2026", 2026)],
)
def test_geboortejaar_geldig(waarde: object, verwacht: int) -> None:
    _ok(GEBOORTEJAAR, waarde, verwacht)


@pytest.mark.parametrize(
    ("waarde", "soort", "waarden"),
    [
        (1915, BUITEN_BEREIK, {"min": 1916, "max": 2026}),
        ("2027", BUITEN_BEREIK, {"min": 1916, "max": 2026}),
        ("85", BUITEN_BEREIK, {"min": 1916, "max": 2026}),
        ("-1985", ONGELDIG, {}),
        ("negentien", ONGELDIG, {}),
        ("1985.0", ONGELDIG, {}),
        (1985.0, ONGELDIG, {}),
        (True, ONGELDIG, {}),
        ("", LEEG, {}),
        (None, LEEG, {}),
    ],
)
def test_geboortejaar_fout(waarde: object, soort: str, waarden: dict[str, Any]) -> None:
    _fout(GEBOORTEJAAR, waarde, soort, waarden)


@pytest.mark.parametrize("veld", [GEZIN_MET_KINDEREN, GEINFORMEERD])
@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(True, True), (False, False), ("ja", True), ("Ja", True), ("nee", False), ("NEE", False),
     ("true", True), ("false", False), ("yes", True), ("no", False)],
)
def test_ja_nee_geldig(veld: str, waarde: object, verwacht: bool) -> None:
    _ok(veld, waarde, verwacht)


@pytest.mark.parametrize("veld", [GEZIN_MET_KINDEREN, GEINFORMEERD])
@pytest.mark.parametrize(("waarde", "soort"), [("misschien", ONGELDIG), (1, ONGELDIG), ("", LEEG), (None, LEEG)])
def test_ja_nee_fout(veld: str, waarde: object, soort: str) -> None:
    _fout(veld, waarde, soort)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("financieel 2, wonen 3, psychisch welzijn 1", {"wonen": 3, "financieel": 2, "psychisch_welzijn": 1}),
        ("financiën: 2; verslaving 4", {"financieel": 2, "verslaving": 4}),
        ("wonen 3 en verslaving 4", {"wonen": 3, "verslaving": 4}),
        ("geld 2, psychisch 1", {"financieel": 2, "psychisch_welzijn": 1}),
        ("huisvesting=1\ngeestelijke gezondheid=2", {"wonen": 1, "psychisch_welzijn": 2}),
        ("denkwereld, gedrag en motivatie 3, wonen 2", {"wonen": 2, "denkwereld_gedrag_motivatie": 3}),
        ("lichamelijk welzjin 4", {"lichamelijk_welzijn": 4}),
        ("Housing 2, finances 3", {"wonen": 2, "financieel": 3}),
        ("wonen-3", {"wonen": 3}),
        ("wonen 3, wonen 3", {"wonen": 3}),
        ({"wonen": "3", "financieel": "", "verslaving": None, "justitieel": 5}, {"wonen": 3, "justitieel": 5}),
        ({"sociale_relaties": 1}, {"sociale_relaties": 1}),
    ],
)
def test_leefgebieden_geldig(waarde: object, verwacht: dict[str, int]) -> None:
    _ok(LEEFGEBIEDEN, waarde, verwacht)


@pytest.mark.parametrize(
    ("waarde", "soort", "waarden"),
    [
        ({"wonen": "", "financieel": None}, LEEG, {}),
        ({}, LEEG, {}),
        ("", LEEG, {}),
        ("wonen 7", BUITEN_BEREIK, {"min": 1, "max": 5, "leefgebied": "wonen"}),
        ("wonen 0", BUITEN_BEREIK, {"min": 1, "max": 5, "leefgebied": "wonen"}),
        ("wonen -1", BUITEN_BEREIK, {"min": 1, "max": 5, "leefgebied": "wonen"}),
        ({"verslaving": "6"}, BUITEN_BEREIK, {"min": 1, "max": 5, "leefgebied": "verslaving"}),
        ("welzijn 2", ONBEKEND, {"genoemd": "welzijn", "lijst": LEEFGEBIED_LABELS}),
        ("hobby 3", ONBEKEND, {"genoemd": "hobby", "lijst": LEEFGEBIED_LABELS}),
        ({"sport": "2"}, ONBEKEND, {"genoemd": "sport", "lijst": LEEFGEBIED_LABELS}),
        ("wonen slecht", ONGELDIG, {}),
        ("wonen 3, verslaving", ONGELDIG, {}),
        ("3", ONGELDIG, {}),
        ("wonen 2.5", ONGELDIG, {}),
        ({"wonen": "drie"}, ONGELDIG, {"leefgebied": "wonen"}),
        ({"wonen": True}, ONGELDIG, {"leefgebied": "wonen"}),
        ("wonen 2, wonen 3", ONGELDIG, {"leefgebied": "wonen"}),
        (["wonen", 3], ONGELDIG, {}),
    ],
)
def test_leefgebieden_fout(waarde: object, soort: str, waarden: dict[str, Any]) -> None:
    _fout(LEEFGEBIEDEN, waarde, soort, waarden)


def test_onbekend_veld() -> None:
    with pytest.raises(ValueError, match="unknown field 'naam'"):
        _valideer("naam", "Jan")


@pytest.mark.parametrize("veld", VELDEN)
def test_elk_veld_is_verplicht(veld: str) -> None:
    assert _valideer(veld, "") == (None, Invoerfout(veld, LEEG))


# --- the form as a whole -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("concept", "verwacht"),
    [
        ({}, [v for v in VELDEN if v != REDEN_NIET_GEINFORMEERD]),
        ({GEINFORMEERD: True}, [v for v in VELDEN if v not in (GEINFORMEERD, REDEN_NIET_GEINFORMEERD)]),
        ({GEINFORMEERD: False}, [v for v in VELDEN if v != GEINFORMEERD]),
        ({v: "x" for v in VELDEN if v != REDEN_NIET_GEINFORMEERD} | {GEINFORMEERD: False}, [REDEN_NIET_GEINFORMEERD]),
        ({v: "x" for v in VELDEN if v != REDEN_NIET_GEINFORMEERD} | {GEINFORMEERD: True}, []),
        ({ORGANISATIE: "GGD", TELEFOON: "043 350 4000"}, [v for v in VELDEN[2:] if v != REDEN_NIET_GEINFORMEERD]),
    ],
)
def test_ontbrekende_velden(concept: dict[str, Any], verwacht: list[str]) -> None:
    assert ontbrekende_velden(concept) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("ZVH-MH-2026-000123", "ZVH-MH-2026-000123"),
        ("hoe staat zvh-mh-2026-123 ervoor?", "ZVH-MH-2026-000123"),
        ("status van ZVH-wm-2025-42.", "ZVH-WM-2025-000042"),
        ("referentie zvh mh 2026 7", "ZVH-MH-2026-000007"),
        ("(ZVH-NL-2026-999999)", "ZVH-NL-2026-999999"),
        ("ZVH-MH-2026-1234567", None),
        ("ZVH-MH-26-123", None),
        ("ZVH-MH-2026-000000", None),
        ("XZVH-MH-2026-000123", None),
        ("mijn aanmelding van gisteren", None),
        ("", None),
    ],
)
def test_lees_referentie(tekst: str, verwacht: str | None) -> None:
    assert lees_referentie(tekst) == verwacht


def test_lees_referentie_geeft_de_vorm_van_maak_referentie() -> None:
    referentie = maak_referentie("PS", 2027, 5)
    assert lees_referentie(referentie.lower()) == referentie == "ZVH-PS-2027-000005"


@pytest.mark.parametrize(
    ("afgesloten", "nu", "maanden", "verlopen"),
    [
        (datetime(2026, 1, 31), datetime(2026, 2, 27, 23, 59), 1, False),
        (datetime(2026, 1, 31), datetime(2026, 2, 28), 1, True),
        (datetime(2024, 1, 31), datetime(2024, 2, 28), 1, False),  # leap year: end of February is the 29th
        (datetime(2024, 1, 31), datetime(2024, 2, 29), 1, True),
        (datetime(2024, 2, 29), datetime(2025, 2, 28), 12, True),
        (datetime(2024, 2, 29), datetime(2025, 2, 27), 12, False),
        (datetime(2025, 3, 15, 10, 0), datetime(2026, 3, 15, 9, 59), 12, False),
        (datetime(2025, 3, 15, 10, 0), datetime(2026, 3, 15, 10, 0), 12, True),
        (datetime(2025, 11, 30), datetime(2026, 2, 28), 3, True),
        (datetime(2025, 11, 30), datetime(2026, 2, 27), 3, False),
        (datetime(2020, 6, 1), datetime(2020, 6, 1), 0, True),
        (datetime(2020, 6, 1), datetime(2020, 5, 31), 0, False),
        (datetime(2010, 12, 31), datetime(2025, 12, 31), 180, True),
        (datetime(2010, 12, 31), datetime(2025, 12, 30), 180, False),
    ],
)
def test_bewaartermijn_verlopen(afgesloten: datetime, nu: datetime, maanden: int, verlopen: bool) -> None:
    assert bewaartermijn_verlopen(afgesloten, nu, maanden) is verlopen


def test_bewaartermijn_met_tijdzone() -> None:
    utc = UTC
    afgesloten = datetime(2026, 1, 31, 12, 0, tzinfo=utc)
    assert bewaartermijn_verlopen(afgesloten, datetime(2026, 2, 28, 12, 0, tzinfo=utc), 1)
    assert not bewaartermijn_verlopen(afgesloten, datetime(2026, 2, 28, 13, 0, tzinfo=timezone(timedelta(hours=2))), 1)


def test_bewaartermijn_negatief() -> None:
    with pytest.raises(ValueError, match="negative"):
        bewaartermijn_verlopen(datetime(2026, 1, 1), datetime(2026, 1, 1), -1)


# --- figures -----------------------------------------------------------------------------------


def test_cijfertabel(kennis: Formulierkennis) -> None:
    tellingen = [
        ("Vaals", "jeugd", 2),
        ("Maastricht", "huiselijk_geweld", 5),
        ("Maastricht", "jeugd", 3),
        ("Eijsden-Margraten", "radicalisering", 1),
        ("Maastricht", "jeugd", 1),
    ]
    kop, rijen = cijfertabel(tellingen, kennis.doelgroepen)
    assert kop == ["Gemeente", "Jeugd", "Huiselijk geweld", "Radicalisering en polarisatie", "Totaal"]
    assert rijen == [
        ["Eijsden-Margraten", 0, 0, 1, 1],
        ["Maastricht", 4, 5, 0, 9],
        ["Vaals", 2, 0, 0, 2],
        ["Totaal", 6, 5, 1, 12],
    ]


def test_cijfertabel_leeg_en_onbekende_code() -> None:
    doelgroepen = (Keuze("jeugd", "Jeugd", "Youth"),)
    assert cijfertabel([], doelgroepen) == (["Gemeente", "Totaal"], [["Totaal", 0]])
    kop, rijen = cijfertabel([("Ästhetik", "oud", 1), ("Beek", "jeugd", 2)], doelgroepen)
    assert kop == ["Gemeente", "Jeugd", "oud", "Totaal"]
    assert rijen == [["Ästhetik", 0, 1, 1], ["Beek", 2, 0, 2], ["Totaal", 2, 1, 3]]


def test_als_csv() -> None:
    kop = ["Gemeente", "Multiproblematiek (incl. OGGZ en overlast)", "Totaal"]
    rijen = [["Gulpen-Wittem", 3, 3], ["Stad; dorp", 1, 1], ["Totaal", 4, 4]]
    assert als_csv(kop, rijen) == (
        "Gemeente;Multiproblematiek (incl. OGGZ en overlast);Totaal\r\n"
        "Gulpen-Wittem;3;3\r\n"
        '"Stad; dorp";1;1\r\n'
        "Totaal;4;4\r\n"
    )


# --- the data ----------------------------------------------------------------------------------


def test_negen_leefgebieden_uit_de_woordenlijst(kennis: Formulierkennis) -> None:
    assert [k.nl for k in kennis.leefgebieden] == [
        "wonen", "dagbesteding", "financieel", "sociale relaties", "verslaving", "psychisch welzijn",
        "lichamelijk welzijn", "justitieel", "denkwereld, gedrag en motivatie",
    ]
    seed = _seed_tekst("000_9779236f08af37a0.txt")
    assert ("Leefgebieden Veiligheidshuis: " + ", ".join(k.nl for k in kennis.leefgebieden[:-1])) in seed


def test_keuzes_en_codes(kennis: Formulierkennis) -> None:
    assert [k.code for k in kennis.doelgroepen] == [
        "jeugd", "huiselijk_geweld", "multiproblematiek", "veelplegers_top_x", "ex_gedetineerden",
        "verward_gedrag", "radicalisering", "voorkomen_uithuiszetting", "anders",
    ]
    assert [k.code for k in kennis.zrm] == ["1", "2", "3", "4", "5"]
    assert [k.nl for k in kennis.zrm] == [
        "acute problematiek", "niet zelfredzaam", "beperkt zelfredzaam", "voldoende zelfredzaam",
        "volledig zelfredzaam",
    ]
    assert tuple(k.code for k in kennis.urgenties) == URGENTIES
    assert tuple(k.code for k in kennis.vervolgacties) == VERVOLGACTIES
    assert tuple(k.code for k in kennis.statussen) == STATUSSEN
    assert kennis.statussen[-1].code == AFGESLOTEN


def test_voorrang_verwijst_bij_acuut_gevaar_naar_112(kennis: Formulierkennis) -> None:
    voorrang = next(k for k in kennis.urgenties if k.code == "voorrang")
    assert "112" in voorrang.uitleg_nl and "112" in voorrang.uitleg_en


def test_teksten_compleet(kennis: Formulierkennis) -> None:
    for keuze in (*kennis.doelgroepen, *kennis.zrm, *kennis.urgenties, *kennis.vervolgacties):
        assert keuze.uitleg_nl and keuze.uitleg_en, keuze.code
    for keuze in (*kennis.doelgroepen, *kennis.leefgebieden, *kennis.zrm, *kennis.vervolgacties):
        assert keuze.bron, keuze.code
    assert "vervolgactie" in kennis.na_aanmelding_nl
    assert "schaalt" in kennis.na_aanmelding_nl and "scales down" in kennis.na_aanmelding_en


def _seed_tekst(bestand: str) -> str:
    """Seed text as one line: PDF line breaks and end-of-line hyphenation undone."""
    ruw = (SEEDS / bestand).read_text(encoding="utf-8")
    return " ".join(re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", ruw).split())


def _alle_bronnen() -> list[str]:
    kennis = load_formulier()
    keuzes = (*kennis.doelgroepen, *kennis.leefgebieden, *kennis.zrm, *kennis.urgenties,
              *kennis.vervolgacties, *kennis.statussen)
    bronnen = [kennis.bron_na_aanmelding, *(k.bron for k in keuzes if k.bron)]
    return sorted({deel for bron in bronnen for deel in bron.split("; ")})


@pytest.mark.parametrize("bron", _alle_bronnen())
def test_bron_staat_in_de_seed(bron: str) -> None:
    if bron.startswith("https://"):
        return
    bestand, _, kop = bron.partition(" §")
    assert (SEEDS / bestand).is_file(), f"{bestand} is not a seed file"
    assert " ".join(kop.split()) in _seed_tekst(bestand), f"heading {kop!r} not in {bestand}"


def test_laden_gebeurt_een_keer() -> None:
    assert load_formulier() is load_formulier()


# --- validation of broken data files -----------------------------------------------------------


def _data() -> dict[str, Any]:
    return copy.deepcopy(load_toml("aanmelding.toml"))


def _fout_bij_laden(data: dict[str, Any]) -> KennisFout:
    with pytest.raises(KennisFout) as info:
        parse_formulier("aanmelding.toml", als_toml(data))
    assert info.value.bestand == "aanmelding.toml"
    return info.value


def test_ongeschonden_kopie_is_geldig() -> None:
    assert parse_formulier("aanmelding.toml", als_toml(_data())) == load_formulier()


def test_geen_geldige_toml() -> None:
    with pytest.raises(KennisFout, match="geen geldige TOML") as info:
        parse_formulier("aanmelding.toml", "[[doelgroep]\ncode = ")
    assert info.value.entry == "(bestand)"


def test_dubbele_code() -> None:
    data = _data()
    data["doelgroep"][1]["code"] = "jeugd"
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == ("doelgroep jeugd", "code 'jeugd' komt dubbel voor")


@pytest.mark.parametrize("veld", ["nl", "en"])
@pytest.mark.parametrize("sectie", ["doelgroep", "leefgebied", "zrm", "urgentie", "vervolgactie", "status"])
def test_label_ontbreekt(sectie: str, veld: str) -> None:
    data = _data()
    code = data[sectie][0]["code"]
    data[sectie][0][veld] = " "
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == (f"{sectie} {code}", f"veld '{veld}' ontbreekt of is leeg")


@pytest.mark.parametrize("sectie", ["doelgroep", "leefgebied", "zrm", "vervolgactie"])
def test_bron_ontbreekt(sectie: str) -> None:
    data = _data()
    code = data[sectie][-1]["code"]
    del data[sectie][-1]["bron"]
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == (f"{sectie} {code}", "veld 'bron' ontbreekt of is leeg")


@pytest.mark.parametrize("bron", ["000_9779236f08af37a0.txt", "Verklarende woorden- en begrippenlijst", "§kop"])
def test_bron_zonder_bestand_en_kop(bron: str) -> None:
    data = _data()
    data["leefgebied"][0]["bron"] = bron
    fout = _fout_bij_laden(data)
    assert fout.entry == "leefgebied wonen"
    assert "heeft niet de vorm" in fout.reden


def test_bron_na_aanmelding_ontbreekt() -> None:
    data = _data()
    del data["bron_na_aanmelding"]
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == ("na_aanmelding", "veld 'bron_na_aanmelding' ontbreekt of is leeg")


@pytest.mark.parametrize("veld", ["na_aanmelding_nl", "na_aanmelding_en"])
def test_na_aanmelding_ontbreekt(veld: str) -> None:
    data = _data()
    data[veld] = ""
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == ("na_aanmelding", f"veld '{veld}' ontbreekt of is leeg")


@pytest.mark.parametrize(
    ("sectie", "breek", "gevonden"),
    [
        ("zrm", lambda lijst: lijst[:4], "1, 2, 3, 4"),
        ("zrm", lambda lijst: [{**k, "code": str(int(k["code"]) - 1)} for k in lijst], "0, 1, 2, 3, 4"),
        ("zrm", lambda lijst: list(reversed(lijst)), "5, 4, 3, 2, 1"),
        ("status", lambda lijst: lijst[1:], "in_behandeling, vervolgactie_gekozen, afgesloten"),
        (
            "status",
            lambda lijst: [lijst[1], lijst[0], *lijst[2:]],
            "in_behandeling, ontvangen, vervolgactie_gekozen, afgesloten",
        ),
        ("urgentie", lambda lijst: [{**lijst[0], "code": "laag"}, lijst[1]], "laag, voorrang"),
        (
            "vervolgactie",
            lambda lijst: lijst[:-1],
            "terugverwijzen, netwerkoverleg, integrale_aanpak, bestaande_aanpak",
        ),
    ],
    ids=["zrm-vier", "zrm-vanaf-0", "zrm-omgekeerd", "status-mist", "status-volgorde", "urgentie", "vervolgactie"],
)
def test_vaste_codes(sectie: str, breek: Any, gevonden: str) -> None:
    data = _data()
    data[sectie] = breek(data[sectie])
    fout = _fout_bij_laden(data)
    assert fout.entry == sectie
    assert fout.reden.startswith("codes moeten precies ")
    assert fout.reden.endswith(f"gevonden: {gevonden}")


def test_vervolgacties_in_eigen_volgorde_mag() -> None:
    data = _data()
    data["vervolgactie"] = list(reversed(data["vervolgactie"]))
    kennis = parse_formulier("aanmelding.toml", als_toml(data))
    assert [k.code for k in kennis.vervolgacties] == list(reversed(VERVOLGACTIES))


def test_doelgroep_anders_ontbreekt() -> None:
    data = _data()
    data["doelgroep"] = [d for d in data["doelgroep"] if d["code"] != "anders"]
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == ("doelgroep", "code 'anders' ontbreekt")


@pytest.mark.parametrize("sectie", ["doelgroep", "leefgebied", "zrm", "urgentie", "vervolgactie", "status"])
def test_sectie_ontbreekt(sectie: str) -> None:
    data = _data()
    del data[sectie]
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == (sectie, f"verwacht een lijst van tabellen [[{sectie}]]")


@pytest.mark.parametrize("sectie", ["doelgroep", "urgentie", "vervolgactie", "zrm"])
def test_uitleg_verplicht(sectie: str) -> None:
    data = _data()
    code = data[sectie][0]["code"]
    del data[sectie][0]["uitleg_en"]
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == (f"{sectie} {code}", "veld 'uitleg_en' ontbreekt of is leeg")


def test_uitleg_alleen_in_beide_talen() -> None:
    data = _data()
    data["leefgebied"][0]["uitleg_nl"] = "Waar en hoe iemand woont."
    fout = _fout_bij_laden(data)
    assert fout.entry == "leefgebied wonen"
    assert fout.reden.startswith("uitleg_nl en uitleg_en horen samen")


def test_onbekend_veld_in_keuze() -> None:
    data = _data()
    data["doelgroep"][0]["uitleg"] = "tikfout"
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == ("doelgroep jeugd", "onbekend veld 'uitleg'")


def test_onbekend_veld_bovenaan() -> None:
    data = _data()
    data["na_aanmelding"] = "tikfout"
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == ("na_aanmelding", "onbekend veld 'na_aanmelding'")


@pytest.mark.parametrize("code", ["Jeugd", "huiselijk geweld", "jeugd-", ""])
def test_code_vorm(code: str) -> None:
    data = _data()
    data["doelgroep"][0]["code"] = code
    fout = _fout_bij_laden(data)
    if code:
        assert fout.reden == "code mag alleen kleine letters, cijfers en '_' bevatten"
    else:
        assert (fout.entry, fout.reden) == ("doelgroep #1", "veld 'code' ontbreekt of is leeg")


def test_alias_met_twee_betekenissen() -> None:
    data = _data()
    data["leefgebied"][1]["aliassen"] = ["geld"]  # dagbesteding; geld is financieel
    fout = _fout_bij_laden(data)
    assert (fout.entry, fout.reden) == ("leefgebied financieel", "'geld' betekent ook leefgebied 'dagbesteding'")


@pytest.mark.parametrize("aliassen", ["geld", ["geld", ""], [3]])
def test_aliassen_geen_lijst_van_teksten(aliassen: Any) -> None:
    data = _data()
    data["leefgebied"][2]["aliassen"] = aliassen
    fout = _fout_bij_laden(data)
    assert fout.entry == "leefgebied financieel"
    assert fout.reden == "veld 'aliassen' moet een lijst van niet-lege teksten zijn"
