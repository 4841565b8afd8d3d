"""Aanmeldcriteria and opschalingsmodel: the decision table, the asking order, the data and its sources.

The rule A and B and (C or D) is checked against an independent formulation: a case is decided
when every way of filling in the "weet niet" answers gives the same result.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from knowledge.bestanden import KennisFout, load_toml
from knowledge.criteria import (
    AANMELDEN,
    ANTWOORDEN,
    JA,
    LOKAAL,
    NEE,
    REGEL_EN,
    REGEL_NL,
    UITKOMSTEN,
    UITZOEKEN,
    WEET_NIET,
    Criteriaset,
    Opschalingsniveau,
    evaluate,
    load_criteria,
    load_opschaling,
    parse_criteria,
    parse_opschaling,
    volgende_vraag,
)

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
CODES = ("A", "B", "C", "D")
ALLE_ANTWOORDEN = [dict(zip(CODES, combinatie, strict=True)) for combinatie in product(ANTWOORDEN, repeat=4)]


def _id(antwoorden: dict[str, str]) -> str:
    return ",".join(f"{code}={antwoord}" for code, antwoord in antwoorden.items()) or "leeg"


def _verwachte_uitkomst(antwoorden: dict[str, str]) -> str:
    """Independent rule: try every ja/nee filling of the "weet niet" answers."""
    open_codes = [code for code, antwoord in antwoorden.items() if antwoord == WEET_NIET]
    resultaten = set()
    for invulling in product((True, False), repeat=len(open_codes)):
        waar = {code: antwoord == JA for code, antwoord in antwoorden.items()}
        waar.update(zip(open_codes, invulling, strict=True))
        resultaten.add(waar["A"] and waar["B"] and (waar["C"] or waar["D"]))
    if resultaten == {True}:
        return AANMELDEN
    if resultaten == {False}:
        return LOKAAL
    return UITZOEKEN


def _verwacht_niveau(uitkomst: str, antwoorden: dict[str, str]) -> int:
    if uitkomst == AANMELDEN:
        return 3
    return 1 if antwoorden.get("A") == NEE else 2


def _verwachte_vragen(antwoorden: dict[str, str]) -> list[str]:
    """Stop after A or B is "nee"; skip D when C is "ja"."""
    gevraagd = ["A"]
    if antwoorden["A"] != NEE:
        gevraagd.append("B")
        if antwoorden["B"] != NEE:
            gevraagd.append("C")
            if antwoorden["C"] != JA:
                gevraagd.append("D")
    return gevraagd


@pytest.fixture(scope="module")
def criteriaset() -> Criteriaset:
    return load_criteria()


# --- the decision ------------------------------------------------------------------------------


@pytest.mark.parametrize("antwoorden", ALLE_ANTWOORDEN, ids=_id)
def test_elke_combinatie_volgt_de_regel(criteriaset: Criteriaset, antwoorden: dict[str, str]) -> None:
    beoordeling = evaluate(criteriaset, antwoorden)
    uitkomst = _verwachte_uitkomst(antwoorden)
    assert beoordeling.uitkomst == uitkomst
    assert beoordeling.niveau.niveau == _verwacht_niveau(uitkomst, antwoorden)
    assert beoordeling.voldaan == tuple(c for c in CODES if antwoorden[c] == JA)
    assert beoordeling.niet_voldaan == tuple(c for c in CODES if antwoorden[c] == NEE)
    assert beoordeling.onbekend == tuple(c for c in CODES if antwoorden[c] == WEET_NIET)


@pytest.mark.parametrize("antwoorden", ALLE_ANTWOORDEN, ids=_id)
def test_vragen_stoppen_zodra_de_uitkomst_vastligt(
    criteriaset: Criteriaset, antwoorden: dict[str, str]
) -> None:
    gegeven: dict[str, str] = {}
    gevraagd = []
    while (criterium := volgende_vraag(criteriaset, gegeven)) is not None:
        assert criterium.code not in gegeven, "a question was asked twice"
        gevraagd.append(criterium.code)
        gegeven[criterium.code] = antwoorden[criterium.code]
    assert gevraagd == _verwachte_vragen(antwoorden)

    # The questions skipped could not have changed anything.
    kort, volledig = evaluate(criteriaset, gegeven), evaluate(criteriaset, antwoorden)
    assert (kort.uitkomst, kort.niveau, kort.vervolgstap_nl, kort.vervolgstap_en) == (
        volledig.uitkomst, volledig.niveau, volledig.vervolgstap_nl, volledig.vervolgstap_en,
    )
    assert set(kort.voldaan + kort.niet_voldaan + kort.onbekend) == set(gevraagd)


@pytest.mark.parametrize(
    ("antwoorden", "uitkomst", "niveau", "voldaan", "niet_voldaan", "onbekend"),
    [
        ({"A": JA, "B": JA, "C": JA}, AANMELDEN, 3, ("A", "B", "C"), (), ()),
        ({"A": JA, "B": JA, "C": NEE, "D": JA}, AANMELDEN, 3, ("A", "B", "D"), ("C",), ()),
        ({"A": JA, "B": JA, "C": WEET_NIET, "D": JA}, AANMELDEN, 3, ("A", "B", "D"), (), ("C",)),
        ({"A": JA, "B": JA, "C": NEE, "D": NEE}, LOKAAL, 2, ("A", "B"), ("C", "D"), ()),
        ({"A": NEE}, LOKAAL, 1, (), ("A",), ()),
        ({"A": JA, "B": NEE}, LOKAAL, 2, ("A",), ("B",), ()),
        ({"A": WEET_NIET, "B": NEE}, LOKAAL, 2, (), ("B",), ("A",)),
        ({"A": JA, "B": WEET_NIET, "C": NEE, "D": NEE}, LOKAAL, 2, ("A",), ("C", "D"), ("B",)),
        ({"A": WEET_NIET, "B": JA, "C": JA}, UITZOEKEN, 2, ("B", "C"), (), ("A",)),
        ({"A": JA, "B": JA, "C": WEET_NIET, "D": WEET_NIET}, UITZOEKEN, 2, ("A", "B"), (), ("C", "D")),
        ({"A": JA, "B": WEET_NIET, "C": NEE, "D": JA}, UITZOEKEN, 2, ("A", "D"), ("C",), ("B",)),
    ],
    ids=lambda waarde: _id(waarde) if isinstance(waarde, dict) else None,
)
def test_uitkomst_met_redenen(
    criteriaset: Criteriaset,
    antwoorden: dict[str, str],
    uitkomst: str,
    niveau: int,
    voldaan: tuple[str, ...],
    niet_voldaan: tuple[str, ...],
    onbekend: tuple[str, ...],
) -> None:
    beoordeling = evaluate(criteriaset, antwoorden)
    assert beoordeling.uitkomst == uitkomst
    assert beoordeling.niveau == load_opschaling()[niveau]
    redenen = (beoordeling.voldaan, beoordeling.niet_voldaan, beoordeling.onbekend)
    assert redenen == (voldaan, niet_voldaan, onbekend)


@pytest.mark.parametrize(
    ("antwoorden", "volgende"),
    [
        ({}, "A"),
        ({"A": JA}, "B"),
        ({"A": WEET_NIET}, "B"),
        ({"A": NEE}, None),
        ({"A": JA, "B": NEE}, None),
        ({"A": WEET_NIET, "B": NEE}, None),
        ({"A": JA, "B": JA}, "C"),
        ({"A": JA, "B": WEET_NIET}, "C"),
        ({"A": JA, "B": JA, "C": JA}, None),
        ({"A": WEET_NIET, "B": WEET_NIET, "C": JA}, None),
        ({"A": JA, "B": JA, "C": NEE}, "D"),
        ({"A": JA, "B": JA, "C": WEET_NIET}, "D"),
        ({"A": JA, "B": JA, "C": NEE, "D": WEET_NIET}, None),
        ({"A": JA, "B": JA, "C": NEE, "D": NEE}, None),
    ],
    ids=lambda waarde: _id(waarde) if isinstance(waarde, dict) else str(waarde),
)
def test_volgende_vraag(criteriaset: Criteriaset, antwoorden: dict[str, str], volgende: str | None) -> None:
    criterium = volgende_vraag(criteriaset, antwoorden)
    if volgende is None:
        assert criterium is None
    else:
        assert criterium is criteriaset.criterium(volgende)


def test_uitzoeken_noemt_alleen_wat_de_uitkomst_openhoudt(criteriaset: Criteriaset) -> None:
    # C is "ja", so D's "weet niet" no longer matters; A's does.
    beoordeling = evaluate(criteriaset, {"A": WEET_NIET, "B": JA, "C": JA, "D": WEET_NIET})
    a, d = criteriaset.criterium("A"), criteriaset.criterium("D")
    stap = criteriaset.vervolgstap(UITZOEKEN)
    assert beoordeling.uitkomst == UITZOEKEN
    assert beoordeling.onbekend == ("A", "D")
    assert beoordeling.vervolgstap_nl == f"{stap.nl}\n- A: {a.uitzoeken_nl}"
    assert beoordeling.vervolgstap_en == f"{stap.en}\n- A: {a.uitzoeken_en}"
    assert d.uitzoeken_nl not in beoordeling.vervolgstap_nl


def test_uitzoeken_noemt_elk_open_criterium_in_volgorde(criteriaset: Criteriaset) -> None:
    beoordeling = evaluate(criteriaset, {"A": WEET_NIET, "B": WEET_NIET, "C": WEET_NIET, "D": WEET_NIET})
    regels = beoordeling.vervolgstap_nl.splitlines()[1:]
    assert regels == [f"- {c.code}: {c.uitzoeken_nl}" for c in criteriaset.criteria]


@pytest.mark.parametrize(
    ("antwoorden", "uitkomst"),
    [
        ({"A": JA, "B": JA, "C": JA}, AANMELDEN),
        ({"A": NEE}, LOKAAL),
        ({"A": WEET_NIET, "B": JA, "C": JA}, UITZOEKEN),
    ],
    ids=UITKOMSTEN,
)
def test_vervolgstap_noemt_de_regel_in_beide_talen(
    criteriaset: Criteriaset, antwoorden: dict[str, str], uitkomst: str
) -> None:
    beoordeling = evaluate(criteriaset, antwoorden)
    stap = criteriaset.vervolgstap(uitkomst)
    assert beoordeling.uitkomst == uitkomst
    assert beoordeling.vervolgstap_nl.startswith(stap.nl)
    assert beoordeling.vervolgstap_en.startswith(stap.en)
    assert REGEL_NL in beoordeling.vervolgstap_nl
    assert REGEL_EN in beoordeling.vervolgstap_en


def test_aanmelden_noemt_de_vervolgacties_en_wie_beslist(criteriaset: Criteriaset) -> None:
    tekst = evaluate(criteriaset, {"A": JA, "B": JA, "C": JA}).vervolgstap_nl
    for deel in ("terugverwijzen", "netwerkoverleg", "integrale aanpak", "aanpak die al loopt",
                 "Veiligheidshuis van de gemeente", "beslist het Veiligheidshuis na de screening"):
        assert deel in tekst


def test_lokaal_zegt_wanneer_opschalen(criteriaset: Criteriaset) -> None:
    tekst = evaluate(criteriaset, {"A": JA, "B": NEE}).vervolgstap_nl
    assert "het moment dat samenwerkende partners vastlopen, bepaalt het moment van tijdig opschalen" in tekst


def test_bronnen_van_een_beoordeling(criteriaset: Criteriaset) -> None:
    beoordeling = evaluate(criteriaset, {"A": JA, "B": JA, "C": JA})
    assert beoordeling.bronnen[0] == criteriaset.bron
    for bron in (beoordeling.niveau.bron, criteriaset.vervolgstap(AANMELDEN).bron):
        assert set(bron.split("; ")) <= set(beoordeling.bronnen)
    assert len(beoordeling.bronnen) == len(set(beoordeling.bronnen))


def test_evaluate_gebruikt_meegegeven_niveaus(criteriaset: Criteriaset) -> None:
    eigen = tuple(
        Opschalingsniveau(n, f"naam {n}", f"name {n}", "o", "d", "w", "w", "x.txt §kop") for n in range(5)
    )
    assert evaluate(criteriaset, {"A": NEE}, niveaus=eigen).niveau is eigen[1]
    with pytest.raises(ValueError, match="no level 3"):
        evaluate(criteriaset, {"A": JA, "B": JA, "C": JA}, niveaus=eigen[:3])


@pytest.mark.parametrize(
    ("antwoorden", "melding"),
    [
        ({"E": JA}, "unknown criterion code 'E'"),
        ({"a": JA}, "unknown criterion code 'a'"),
        ({"A": "misschien"}, "unknown answer 'misschien'"),
        ({"A": "Ja"}, "unknown answer 'Ja'"),
        ({"A": JA, "B": ""}, "unknown answer ''"),
    ],
)
def test_onbekende_code_of_antwoord(
    criteriaset: Criteriaset, antwoorden: dict[str, str], melding: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(melding)):
        evaluate(criteriaset, antwoorden)
    with pytest.raises(ValueError, match=re.escape(melding)):
        volgende_vraag(criteriaset, antwoorden)


@pytest.mark.parametrize("antwoorden", [{}, {"A": JA}, {"A": JA, "B": JA, "C": NEE}], ids=_id)
def test_evaluate_voordat_de_uitkomst_vastligt(criteriaset: Criteriaset, antwoorden: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="not decided yet"):
        evaluate(criteriaset, antwoorden)


# --- the data ----------------------------------------------------------------------------------


def _seed_tekst(bestand: str) -> str:
    """Seed text as one line: PDF line breaks and end-of-line hyphenation undone."""
    ruw = (SEEDS / bestand).read_text(encoding="utf-8")
    return " ".join(re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", ruw).split())


def _alle_bronnen() -> list[str]:
    criteriaset = load_criteria()
    bronnen = [criteriaset.bron]
    bronnen += [c.bron for c in criteriaset.criteria]
    bronnen += [s.bron for s in criteriaset.vervolgstappen]
    bronnen += [n.bron for n in load_opschaling()]
    return sorted({deel for bron in bronnen for deel in bron.split("; ")})


@pytest.mark.parametrize("bron", _alle_bronnen())
def test_bron_staat_in_de_seed(bron: str) -> None:
    bestand, _, kop = bron.partition(" §")
    assert (SEEDS / bestand).is_file(), f"{bestand} is not a seed file"
    assert " ".join(kop.split()) in _seed_tekst(bestand), f"heading {kop!r} not in {bestand}"


def test_criteria_in_vraagvolgorde_met_de_brontekst(criteriaset: Criteriaset) -> None:
    assert criteriaset.regio == "landelijk"
    assert tuple(c.code for c in criteriaset.criteria) == CODES
    seed = _seed_tekst("004_73514235c6e96814.txt")
    for criterium in criteriaset.criteria:
        assert criterium.tekst.rstrip(".") in seed, criterium.code
        assert criterium.bron.startswith("004_73514235c6e96814.txt §Landelijke criteria Veiligheidshuizen")
        assert criterium.vraag_nl.endswith("?") and criterium.vraag_en.endswith("?")


def test_regel_legt_de_lezing_uit(criteriaset: Criteriaset) -> None:
    assert REGEL_NL in criteriaset.regel_nl
    assert REGEL_EN in criteriaset.regel_en
    assert "regioburgemeesters.nl" in criteriaset.regel_nl
    assert criteriaset.bron == "004_73514235c6e96814.txt §Landelijke criteria Veiligheidshuizen"


@pytest.mark.parametrize(
    ("niveau", "figuurtekst"),
    [
        (0, "Mensen zorgen voor zichzelf en hun omgeving (zelfredzaamheid)"),
        (1, "Een organisatie ondersteunt een persoon (preventie & curatie)"),
        (2, "Organisaties werken samen om een persoon te ondersteunen"),
        (3, "Netwerkoverleg (coördinatie van samenwerking)"),
        (4, "Persoonsgerichte Integrale Aanpak (procesmanagement)"),
    ],
)
def test_opschalingsniveau_volgt_de_figuur(niveau: int, figuurtekst: str) -> None:
    niveaus = load_opschaling()
    assert tuple(n.niveau for n in niveaus) == (0, 1, 2, 3, 4)
    assert niveaus[niveau].omschrijving_nl.startswith(figuurtekst)
    assert niveaus[niveau].bron.startswith("000_9779236f08af37a0.txt §Opschalingsmodel")
    assert figuurtekst in _seed_tekst("000_9779236f08af37a0.txt")


def test_laden_gebeurt_een_keer() -> None:
    assert load_criteria() is load_criteria()
    assert load_opschaling() is load_opschaling()


def test_criteria_importeert_geen_sdk_of_database() -> None:
    code = (
        "import sys, knowledge.criteria; "
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('botbuilder', 'aiohttp', 'sqlmodel', 'sqlalchemy', 'bot', 'dialogs'))))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == ""


# --- validation of broken data files -----------------------------------------------------------


def _toml(data: dict[str, Any], prefix: str = "") -> str:
    """A minimal TOML writer for these data files, so tests can break a parsed copy and re-read it."""

    def is_tabellen(waarde: Any) -> bool:
        return isinstance(waarde, list) and bool(waarde) and all(isinstance(w, dict) for w in waarde)

    regels = [
        f"{json.dumps(k)} = {json.dumps(v, ensure_ascii=False)}"
        for k, v in data.items()
        if not isinstance(v, dict) and not is_tabellen(v)
    ]
    for sleutel, waarde in data.items():
        naam = f"{prefix}{json.dumps(sleutel)}"
        if isinstance(waarde, dict):
            regels += [f"[{naam}]", _toml(waarde, f"{naam}.")]
        elif is_tabellen(waarde):
            for record in waarde:
                regels += [f"[[{naam}]]", _toml(record, f"{naam}.")]
    return "\n".join(regels)


def _criteria_data() -> dict[str, Any]:
    return copy.deepcopy(load_toml("criteria.toml"))


def _opschaling_data() -> dict[str, Any]:
    return copy.deepcopy(load_toml("opschaling.toml"))


def _fout_criteria(data: dict[str, Any]) -> KennisFout:
    with pytest.raises(KennisFout) as info:
        parse_criteria("criteria.toml", _toml(data))
    assert info.value.bestand == "criteria.toml"
    return info.value


def _fout_opschaling(data: dict[str, Any]) -> KennisFout:
    with pytest.raises(KennisFout) as info:
        parse_opschaling("opschaling.toml", _toml(data))
    assert info.value.bestand == "opschaling.toml"
    return info.value


def test_ongeschonden_kopie_is_geldig() -> None:
    assert parse_criteria("criteria.toml", _toml(_criteria_data())) == load_criteria()
    assert parse_opschaling("opschaling.toml", _toml(_opschaling_data())) == load_opschaling()


@pytest.mark.parametrize("parse", [parse_criteria, parse_opschaling])
def test_geen_geldige_toml(parse: Any) -> None:
    with pytest.raises(KennisFout, match="geen geldige TOML") as info:
        parse("kapot.toml", 'regio = "landelijk\n')
    assert (info.value.bestand, info.value.entry) == ("kapot.toml", "(bestand)")


@pytest.mark.parametrize("veld", ["regio", "regel_nl", "regel_en", "bron"])
def test_criteriaset_zonder_veld(veld: str) -> None:
    data = _criteria_data()
    del data[veld]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criteriaset", f"veld '{veld}' ontbreekt of is leeg")


def test_onbekende_regio() -> None:
    data = _criteria_data()
    data["regio"] = "Maastricht Heuvelland"
    fout = _fout_criteria(data)
    assert fout.entry == "criteriaset"
    assert "onbekende regio 'Maastricht Heuvelland'" in fout.reden


@pytest.mark.parametrize(("veld", "regel"), [("regel_nl", REGEL_NL), ("regel_en", REGEL_EN)])
def test_regel_zonder_lezing(veld: str, regel: str) -> None:
    data = _criteria_data()
    data[veld] = data[veld].replace(regel, "A en B en C of D")
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criteriaset", f"veld '{veld}' noemt de regel '{regel}' niet")


@pytest.mark.parametrize(
    "veld",
    ["kort_nl", "kort_en", "tekst", "vraag_nl", "vraag_en",
     "uitleg_nl", "uitleg_en", "uitzoeken_nl", "uitzoeken_en", "bron"],
)
def test_criterium_zonder_veld(veld: str) -> None:
    data = _criteria_data()
    del data["criterium"][1][veld]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criterium B", f"veld '{veld}' ontbreekt of is leeg")


def test_criterium_zonder_code() -> None:
    data = _criteria_data()
    del data["criterium"][2]["code"]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criterium #3", "veld 'code' ontbreekt of is leeg")


@pytest.mark.parametrize("leeg", ["", "   \n "])
def test_criterium_met_leeg_veld(leeg: str) -> None:
    data = _criteria_data()
    data["criterium"][3]["uitleg_nl"] = leeg
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criterium D", "veld 'uitleg_nl' ontbreekt of is leeg")


def test_dubbele_code() -> None:
    data = _criteria_data()
    data["criterium"][3]["code"] = "C"
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criterium C", "code 'C' komt dubbel voor")


@pytest.mark.parametrize(
    ("wijzig", "gevonden"),
    [
        (lambda criteria: criteria.pop(), "A, B, C"),
        (lambda criteria: criteria[3].update(code="E"), "A, B, C, E"),
        (lambda criteria: criteria.append({**criteria[0], "code": "E"}), "A, B, C, D, E"),
        (lambda criteria: criteria[0].update(code="a"), "a, B, C, D"),
    ],
    ids=["zonder D", "E in plaats van D", "extra E", "kleine letter"],
)
def test_codes_niet_precies_a_tot_d(wijzig: Any, gevonden: str) -> None:
    data = _criteria_data()
    wijzig(data["criterium"])
    fout = _fout_criteria(data)
    reden = f"codes moeten precies A, B, C, D zijn, gevonden: {gevonden}"
    assert (fout.entry, fout.reden) == ("criteria", reden)


@pytest.mark.parametrize("waarde", [None, [], "A"], ids=["ontbreekt", "lege lijst", "tekst"])
def test_criteria_geen_lijst_van_tabellen(waarde: Any) -> None:
    data = _criteria_data()
    if waarde is None:
        del data["criterium"]
    else:
        data["criterium"] = waarde
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criterium", "verwacht een lijst van tabellen [[criterium]]")


@pytest.mark.parametrize("bron", ["004_73514235c6e96814.txt", "§Opschalingsmodel", "004.txt §Kop; geen kop"])
def test_bron_zonder_bestand_en_kop(bron: str) -> None:
    data = _criteria_data()
    data["criterium"][0]["bron"] = bron
    fout = _fout_criteria(data)
    assert fout.entry == "criterium A"
    assert "heeft niet de vorm '<bestand> §<kop>'" in fout.reden


def test_vervolgstappen_ontbreken() -> None:
    data = _criteria_data()
    del data["vervolgstap"]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("vervolgstap", "tabel [vervolgstap.<uitkomst>] ontbreekt")


@pytest.mark.parametrize("uitkomst", UITKOMSTEN)
def test_vervolgstap_voor_uitkomst_ontbreekt(uitkomst: str) -> None:
    data = _criteria_data()
    del data["vervolgstap"][uitkomst]
    fout = _fout_criteria(data)
    reden = f"tabel [vervolgstap.{uitkomst}] ontbreekt"
    assert (fout.entry, fout.reden) == (f"vervolgstap {uitkomst}", reden)


def test_vervolgstap_voor_onbekende_uitkomst() -> None:
    data = _criteria_data()
    data["vervolgstap"]["doorverwijzen"] = dict(data["vervolgstap"][LOKAAL])
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("vervolgstap doorverwijzen", "onbekende uitkomst 'doorverwijzen'")


@pytest.mark.parametrize("veld", ["nl", "en", "bron"])
def test_vervolgstap_zonder_veld(veld: str) -> None:
    data = _criteria_data()
    del data["vervolgstap"][AANMELDEN][veld]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("vervolgstap aanmelden", f"veld '{veld}' ontbreekt of is leeg")


@pytest.mark.parametrize(("veld", "regel"), [("nl", REGEL_NL), ("en", REGEL_EN)])
def test_vervolgstap_zonder_lezing(veld: str, regel: str) -> None:
    data = _criteria_data()
    data["vervolgstap"][UITZOEKEN][veld] = data["vervolgstap"][UITZOEKEN][veld].replace(regel, "de criteria")
    fout = _fout_criteria(data)
    reden = f"veld '{veld}' noemt de regel '{regel}' niet"
    assert (fout.entry, fout.reden) == ("vervolgstap uitzoeken", reden)


@pytest.mark.parametrize(
    "veld", ["naam_nl", "naam_en", "omschrijving_nl", "omschrijving_en", "wie_nl", "wie_en", "bron"]
)
def test_niveau_zonder_veld(veld: str) -> None:
    data = _opschaling_data()
    del data["niveau"][2][veld]
    fout = _fout_opschaling(data)
    assert (fout.entry, fout.reden) == ("niveau 2", f"veld '{veld}' ontbreekt of is leeg")


def test_niveau_met_leeg_veld() -> None:
    data = _opschaling_data()
    data["niveau"][4]["wie_en"] = " "
    fout = _fout_opschaling(data)
    assert (fout.entry, fout.reden) == ("niveau 4", "veld 'wie_en' ontbreekt of is leeg")


@pytest.mark.parametrize("nummer", [None, "3", 3.0, True], ids=["ontbreekt", "tekst", "float", "bool"])
def test_niveau_geen_geheel_getal(nummer: Any) -> None:
    data = _opschaling_data()
    if nummer is None:
        del data["niveau"][3]["niveau"]
    else:
        data["niveau"][3]["niveau"] = nummer
    fout = _fout_opschaling(data)
    assert (fout.entry, fout.reden) == ("niveau #4", "veld 'niveau' ontbreekt of is geen geheel getal")


def test_dubbel_niveau() -> None:
    data = _opschaling_data()
    data["niveau"][4]["niveau"] = 3
    fout = _fout_opschaling(data)
    assert (fout.entry, fout.reden) == ("niveau 3", "niveau 3 komt dubbel voor")


@pytest.mark.parametrize(
    ("nummers", "gevonden"),
    [((0, 1, 2, 3), "0, 1, 2, 3"), ((1, 2, 3, 4, 5), "1, 2, 3, 4, 5"), ((0, 1, 2, 3, 5), "0, 1, 2, 3, 5")],
    ids=["zonder 4", "1 tot 5", "5 in plaats van 4"],
)
def test_niveaus_niet_precies_0_tot_4(nummers: tuple[int, ...], gevonden: str) -> None:
    data = _opschaling_data()
    sjabloon = data["niveau"][0]
    data["niveau"] = [{**sjabloon, "niveau": n} for n in nummers]
    fout = _fout_opschaling(data)
    reden = f"niveaus moeten precies 0, 1, 2, 3, 4 zijn, gevonden: {gevonden}"
    assert (fout.entry, fout.reden) == ("niveaus", reden)


def test_niveaus_geen_lijst_van_tabellen() -> None:
    data = _opschaling_data()
    del data["niveau"]
    fout = _fout_opschaling(data)
    assert (fout.entry, fout.reden) == ("niveau", "verwacht een lijst van tabellen [[niveau]]")


def test_niveau_bron_zonder_kop() -> None:
    data = _opschaling_data()
    data["niveau"][0]["bron"] = "000_9779236f08af37a0.txt"
    fout = _fout_opschaling(data)
    assert fout.entry == "niveau 0"
    assert "heeft niet de vorm '<bestand> §<kop>'" in fout.reden
