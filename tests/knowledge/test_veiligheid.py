"""Acute danger: which messages must get 112 first, and which must not."""

from __future__ import annotations

import pytest

from knowledge.bestanden import KennisFout
from knowledge.veiligheid import acuut_gevaar, load_acuut, parse_acuut

ACUUT = load_acuut()

GEVAAR = [
    ("hij heeft een mes", "wapen", "mes"),
    ("Ik denk dat hij een wapen heeft!", "wapen", "wapen"),
    ("he has a gun", "wapen", "gun"),
    ("ze praat over zelfmoord", "suicide", "zelfmoord"),
    ("ze praat over zelfmoort", "suicide", "zelfmoord"),  # typo
    ("hij wil zich van kant maken", "suicide", "van kant maken"),
    ("ze wil niet meer leven", "suicide", "wil niet meer leven"),
    ("I think she wants to kill herself", "suicide", "kill herself"),
    ("hij bedreigt haar nu", "geweld", "bedreigt"),
    ("de buurman slaat op dit moment zijn vrouw", "geweld", "slaat"),
    ("he is threatening her right now", "geweld", "threatening"),
    ("er is nu brand in de woning", "geweld", "brand"),
    ("Zij is in levensgevaar", "geweld", "levensgevaar"),
    ("hij heeft zelfmoordgedachten", "suicide", "zelfmoord"),
    ("ze uit zelfmoordneigingen", "suicide", "zelfmoord"),
    ("hij liep met een steekwapen", "wapen", "wapen"),
    ("ze had vuurwapens in huis", "wapen", "wapen"),
    ("hij staat met een bijl in de tuin", "wapen", "bijl"),
    ("er is iemand neergeschoten", "geweld", "neergeschoten"),
    ("hij wil er een eind aan maken", "suicide", "eind aan maken"),
    ("ze dreigt zichzelf iets aan te doen", "suicide", "iets aan te doen"),
    ("hij heeft een overdosis genomen", "suicide", "overdosis"),
    ("Lange inleiding over de situatie thuis. " * 20 + "Nu staat de vader met een mes voor de deur.",
     "wapen", "mes"),
]

GEEN_GEVAAR = [
    "",
    "wat is OGGZ",
    "wat is een mesthoop",  # 'mes' only as a whole word
    "de buurman bedreigt de buren al maanden",  # a threat, but not now: the signal route, not 112
    "hoe lang duurt een tijdelijk huisverbod",
    "moet ik dit aanmelden?",
    "ik maak me zorgen over mijn buurman",
    "Messi speelt goed",
    "het gaat nu geweldig met haar",  # 'geweld' counts only as a whole word
]


@pytest.mark.parametrize(("tekst", "soort", "woord"), GEVAAR)
def test_acute_danger_is_recognised_with_its_reason(tekst: str, soort: str, woord: str):
    gevaar = acuut_gevaar(tekst, ACUUT)
    assert gevaar is not None
    assert gevaar.soort == soort
    assert woord in gevaar.woorden
    assert gevaar.noodnummer.nummer == "112"


@pytest.mark.parametrize("tekst", GEEN_GEVAAR)
def test_no_danger_no_112(tekst: str):
    assert acuut_gevaar(tekst, ACUUT) is None


def test_suicide_signals_also_name_113_with_its_official_source():
    gevaar = acuut_gevaar("ze praat over zelfmoord", ACUUT)
    assert gevaar.hulplijn is not None
    assert gevaar.hulplijn.nummer == "113"
    assert "113" in gevaar.hulplijn.wanneer_nl and "112" in gevaar.hulplijn.wanneer_nl
    assert gevaar.hulplijn.bron.startswith("https://www.113.nl")
    assert acuut_gevaar("hij heeft een mes", ACUUT).hulplijn is None


def test_the_number_has_dutch_and_english_text_and_an_official_source():
    nummer = ACUUT.noodnummer
    assert "112" in nummer.wanneer_nl and "112" in nummer.wanneer_en
    assert nummer.bron.startswith("https://www.politie.nl/")


GELDIG_NUMMER = '[noodnummer]\nnummer = "112"\nwanneer_nl = "x"\nwanneer_en = "x"\nbron = "x"\n'


@pytest.mark.parametrize(
    ("toml", "reden"),
    [
        ('nu = ["nu"]\n' + GELDIG_NUMMER, "geen enkele soort"),
        ('nu = ["nu"]\n[[soort]]\nnaam = "x"\naltijd = []\nmet_nu = []\n' + GELDIG_NUMMER, "heeft geen woorden"),
        ('nu = ["nu"]\n[[soort]]\nnaam = "x"\naltijd = [""]\n' + GELDIG_NUMMER, "niet-lege woorden"),
        ('nu = []\n[[soort]]\nnaam = "x"\naltijd = ["mes"]\n' + GELDIG_NUMMER, "lijst is leeg"),
        ('nu = ["nu"]\n[[soort]]\nnaam = "x"\naltijd = ["mes"]\n[noodnummer]\nnummer = "112"\n', "wanneer_nl"),
    ],
)
def test_broken_data_fails_with_file_entry_and_reason(toml: str, reden: str):
    with pytest.raises(KennisFout) as fout:
        parse_acuut("acuut.toml", toml)
    assert reden in str(fout.value)


def test_the_matches_remembered_per_word_stay_bounded():
    # Every message is checked for danger, so the per-word memory must not grow with what users type.
    lijst = load_acuut()
    for i in range(5000):
        acuut_gevaar(f"woord{i} zelfmoordgedachten", lijst)
    assert len(lijst._losse_woorden._onthouden) <= 4096
    assert acuut_gevaar("hij heeft zelfmoordgedachten", lijst) is not None
