"""Aanmeldcriteria and opschalingsmodel: the decision table, the asking order, the data and its sources.

The rules per region are checked against an independent formulation written here from the source
texts (not from REGELVORMEN): a case is decided when every way of filling in the "weet niet"
answers as true or false gives the same result, and an answer that is absent (not asked) must not
matter at all, or evaluate refuses and volgende_vraag asks for it.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from knowledge.bestanden import KennisFout, load_toml
from knowledge.criteria import (
    AANMELDEN,
    ANTWOORDEN,
    JA,
    LANDELIJK,
    LOKAAL,
    NEE,
    OVERLEG,
    REGEL_EN,
    REGEL_NL,
    REGELVORMEN,
    UITKOMSTEN,
    UITZOEKEN,
    VEILIGHEIDSHUIZEN,
    WEET_NIET,
    Beoordeling,
    Criteriaset,
    Opschalingsniveau,
    Regelvorm,
    evaluate,
    load_criteria,
    load_opschaling,
    parse_criteria,
    parse_opschaling,
    volgende_vraag,
)
from knowledge.regios import load_regios
from tests.knowledge.toml_schrijver import als_toml

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


# --- the rules per region ----------------------------------------------------------------------

# The rules as the sources state them (see criteria.toml), written here as plain Python and not
# taken from REGELVORMEN: the landelijke criteria (seed 004) A and B and (C or D); Maastricht
# Heuvelland (seed 001) also takes E, complex multiproblematiek without overlast or crime once the
# voluntary local approach is stuck, in place of A and B. The tuples are the asking order.
Regel = Callable[[dict[str, bool]], bool]


def _landelijk(waar: dict[str, bool]) -> bool:
    return waar["A"] and waar["B"] and (waar["C"] or waar["D"])


def _maastricht_heuvelland(waar: dict[str, bool]) -> bool:
    return ((waar["A"] and waar["B"]) or waar["E"]) and (waar["C"] or waar["D"])


LANDELIJKE_ORDE: tuple[tuple[str, ...], Regel] = (CODES, _landelijk)
ORAKEL: dict[str | None, tuple[tuple[str, ...], Regel]] = {
    None: LANDELIJKE_ORDE,
    "MH": (("A", "B", "E", "C", "D", "F"), _maastricht_heuvelland),
    "WM": LANDELIJKE_ORDE,
    "PS": LANDELIJKE_ORDE,
    "ML": LANDELIJKE_ORDE,
    "NL": LANDELIJKE_ORDE,
}
REGIOS = tuple(ORAKEL)
Uitslag = tuple[str, int, str, tuple[str, ...]]


def _sleutel(antwoorden: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(antwoorden.items()))


@cache
def _verwacht_volledig(regio: str | None, antwoorden: tuple[tuple[str, str], ...]) -> Uitslag:
    """(uitkomst, level, next step, what to find out) for an answer to every criterion of the region."""
    codes, regel = ORAKEL[regio]
    gegeven = dict(antwoorden)
    onbekend = [code for code in codes if gegeven[code] == WEET_NIET]

    def waar(invulling: dict[str, bool]) -> bool:
        return regel({**{code: gegeven[code] == JA for code in codes}, **invulling})

    invullingen = [dict(zip(onbekend, w, strict=True)) for w in product((True, False), repeat=len(onbekend))]
    resultaten = {waar(invulling) for invulling in invullingen}
    uitkomst = AANMELDEN if resultaten == {True} else LOKAAL if resultaten == {False} else UITZOEKEN
    # A "weet niet" is worth finding out when, for some truth of the other unknowns, it alone decides.
    uitzoeken = tuple(
        code for code in onbekend
        if any(waar({**invulling, code: True}) != waar({**invulling, code: False}) for invulling in invullingen)
    ) if uitkomst == UITZOEKEN else ()
    # The level: the Veiligheidshuis (3) for aanmelden; one organisation (1) when the answers rule out
    # multiproblematiek (A "nee", and in MH E not "ja"), else organisations together (2). In MH a case
    # with only F (overlast, criminaliteit or uitval, no multiproblematiek) stays lokaal at level 2
    # with the next step "overleg" (seed 000 §Aanpak).
    zonder_multiproblematiek = gegeven["A"] == NEE and gegeven.get("E") != JA
    if uitkomst == AANMELDEN:
        return AANMELDEN, 3, AANMELDEN, ()
    if uitkomst == LOKAAL and regio == "MH" and zonder_multiproblematiek and gegeven["F"] == JA:
        return LOKAAL, 2, OVERLEG, ()
    return uitkomst, 1 if zonder_multiproblematiek else 2, uitkomst, uitzoeken


def _verwacht(regio: str | None, antwoorden: dict[str, str]) -> Uitslag | None:
    """The expected uitslag, or None while a criterion not asked yet could still change it."""
    codes, _ = ORAKEL[regio]
    ontbrekend = [code for code in codes if code not in antwoorden]
    uitslagen = {
        _verwacht_volledig(regio, _sleutel({**antwoorden, **dict(zip(ontbrekend, invulling, strict=True))}))
        for invulling in product(ANTWOORDEN, repeat=len(ontbrekend))
    }
    return next(iter(uitslagen)) if len(uitslagen) == 1 else None


def _doet_ertoe(regio: str | None, antwoorden: dict[str, str], code: str) -> bool:
    """Can the answer to `code` (not asked yet) change the uitslag, whatever the rest turns out to be?"""
    codes, _ = ORAKEL[regio]
    anderen = [c for c in codes if c not in antwoorden and c != code]
    for invulling in product(ANTWOORDEN, repeat=len(anderen)):
        basis = {**antwoorden, **dict(zip(anderen, invulling, strict=True))}
        if len({_verwacht_volledig(regio, _sleutel({**basis, code: a})) for a in ANTWOORDEN}) > 1:
            return True
    return False


def _alle_combinaties(regio: str | None) -> list[dict[str, str]]:
    """Every combination of ja / nee / weet niet / not asked over the region's criteria."""
    codes, _ = ORAKEL[regio]
    return [
        {code: antwoord for code, antwoord in zip(codes, combinatie, strict=True) if antwoord is not None}
        for combinatie in product((*ANTWOORDEN, None), repeat=len(codes))
    ]


def _gekregen(beoordeling: Beoordeling) -> Uitslag:
    """The uitslag of a Beoordeling; what to find out is read from the "- X: ..." lines of its next step."""
    regels = beoordeling.vervolgstap_nl.splitlines()[1:]
    uitzoeken = tuple(regel.removeprefix("- ").split(":")[0] for regel in regels)
    return beoordeling.uitkomst, beoordeling.niveau.niveau, beoordeling.stap, uitzoeken


def _regio_id(regio: str | None) -> str:
    return regio or "landelijk"


def _wandel(criteriaset: Criteriaset, regio: str | None, antwoorden: dict[str, str]) -> list[str]:
    """Walk the guided check, answering from `antwoorden`; the codes asked, in order."""
    gegeven: dict[str, str] = {}
    while (criterium := volgende_vraag(criteriaset, gegeven, regio=regio)) is not None:
        assert criterium.code not in gegeven, f"{criterium.code} was asked twice"
        assert criterium.code in antwoorden, f"{criterium.code} was asked, but has no answer here"
        gegeven[criterium.code] = antwoorden[criterium.code]
    return list(gegeven)


@pytest.mark.parametrize("regio", REGIOS, ids=_regio_id)
def test_elke_combinatie_per_regio_volgt_de_regel(criteriaset: Criteriaset, regio: str | None) -> None:
    codes, _ = ORAKEL[regio]
    combinaties = _alle_combinaties(regio)
    assert len(combinaties) == 4 ** len(codes)
    verschillen = []
    for antwoorden in combinaties:
        verwacht = _verwacht(regio, antwoorden)
        if verwacht is None:
            with pytest.raises(ValueError, match="not decided yet"):
                evaluate(criteriaset, antwoorden, regio=regio)
            continue
        beoordeling = evaluate(criteriaset, antwoorden, regio=regio)
        if _gekregen(beoordeling) != verwacht:
            verschillen.append((antwoorden, verwacht, _gekregen(beoordeling)))
        stap = criteriaset.voor_regio(regio).vervolgstap(beoordeling.stap)
        assert beoordeling.vervolgstap_nl.startswith(stap.nl) and beoordeling.vervolgstap_en.startswith(stap.en)
        assert beoordeling.regio == ("MH" if regio == "MH" else LANDELIJK)
        assert beoordeling.voldaan == tuple(c for c in codes if antwoorden.get(c) == JA)
        assert beoordeling.niet_voldaan == tuple(c for c in codes if antwoorden.get(c) == NEE)
        assert beoordeling.onbekend == tuple(c for c in codes if antwoorden.get(c) == WEET_NIET)
    assert not verschillen, f"{len(verschillen)} differ, e.g. (answers, expected, got): {verschillen[:3]}"


@pytest.mark.parametrize("regio", REGIOS, ids=_regio_id)
def test_volgende_vraag_alleen_wat_de_uitkomst_kan_veranderen(criteriaset: Criteriaset, regio: str | None) -> None:
    """For every state: nothing is asked once the outcome is decided; otherwise the question is the
    first criterion, in the region's asking order, whose answer can still change the outcome."""
    codes, _ = ORAKEL[regio]
    for antwoorden in _alle_combinaties(regio):
        criterium = volgende_vraag(criteriaset, antwoorden, regio=regio)
        if _verwacht(regio, antwoorden) is not None:
            assert criterium is None, (antwoorden, criterium.code if criterium else None)
            continue
        eerste = next(c for c in codes if c not in antwoorden and _doet_ertoe(regio, antwoorden, c))
        assert criterium is not None and criterium.code == eerste, (antwoorden, criterium)


@pytest.mark.parametrize(("regio", "meeste"), [(r, 5 if r == "MH" else 4) for r in REGIOS], ids=_regio_id)
def test_de_begeleide_check_vraagt_hoogstens_zeven_vragen(
    criteriaset: Criteriaset, regio: str | None, meeste: int
) -> None:
    codes, _ = ORAKEL[regio]
    lengtes = []
    for combinatie in product(ANTWOORDEN, repeat=len(codes)):
        volledig = dict(zip(codes, combinatie, strict=True))
        gevraagd = _wandel(criteriaset, regio, volledig)
        lengtes.append(len(gevraagd))
        # What was skipped could not have changed anything.
        kort = evaluate(criteriaset, {c: volledig[c] for c in gevraagd}, regio=regio)
        assert _gekregen(kort) == _verwacht_volledig(regio, _sleutel(volledig)), volledig
    assert max(lengtes) == meeste <= 7


@pytest.mark.parametrize("regio", REGIOS, ids=_regio_id)
def test_de_snelle_check_heeft_hoogstens_zeven_vragen(criteriaset: Criteriaset, regio: str | None) -> None:
    # The quick card shows every criterion of the region's set, in asking order.
    regionaal = criteriaset.voor_regio(regio)
    assert tuple(c.code for c in regionaal.criteria) == ORAKEL[regio][0]
    assert len(regionaal.criteria) <= 7


MH_VOORBEELDEN = [
    # E in place of A and B: multiproblematiek without overlast, the voluntary local approach stuck.
    ({"A": NEE, "E": JA, "C": JA}, AANMELDEN, 3, AANMELDEN, ("E", "C"), ("A",)),
    ({"A": JA, "B": NEE, "E": JA, "C": NEE, "D": JA}, AANMELDEN, 3, AANMELDEN, ("A", "E", "D"), ("B", "C")),
    ({"A": JA, "B": JA, "C": JA}, AANMELDEN, 3, AANMELDEN, ("A", "B", "C"), ()),
    ({"A": JA, "B": NEE, "E": NEE}, LOKAAL, 2, LOKAAL, ("A",), ("B", "E")),
    ({"A": NEE, "E": JA, "C": NEE, "D": NEE}, LOKAAL, 2, LOKAAL, ("E",), ("A", "C", "D")),
    # Only overlast, criminaliteit or maatschappelijke uitval: an overleg with simple agreements.
    ({"A": NEE, "E": NEE, "F": JA}, LOKAAL, 2, OVERLEG, ("F",), ("A", "E")),
    ({"A": NEE, "E": WEET_NIET, "C": NEE, "D": NEE, "F": JA}, LOKAAL, 2, OVERLEG, ("F",), ("A", "C", "D")),
    ({"A": NEE, "E": NEE, "F": NEE}, LOKAAL, 1, LOKAAL, (), ("A", "E", "F")),
    ({"A": NEE, "E": NEE, "F": WEET_NIET}, LOKAAL, 1, LOKAAL, (), ("A", "E")),
    ({"A": WEET_NIET, "B": NEE, "E": NEE}, LOKAAL, 2, LOKAAL, (), ("B", "E")),
    ({"A": NEE, "E": WEET_NIET, "C": JA}, UITZOEKEN, 1, UITZOEKEN, ("C",), ("A",)),
    ({"A": JA, "B": WEET_NIET, "E": WEET_NIET, "C": JA}, UITZOEKEN, 2, UITZOEKEN, ("A", "C"), ()),
]


@pytest.mark.parametrize(
    ("antwoorden", "uitkomst", "niveau", "stap", "voldaan", "niet_voldaan"),
    MH_VOORBEELDEN,
    ids=lambda waarde: _id(waarde) if isinstance(waarde, dict) else None,
)
def test_maastricht_heuvelland_met_redenen(
    criteriaset: Criteriaset,
    antwoorden: dict[str, str],
    uitkomst: str,
    niveau: int,
    stap: str,
    voldaan: tuple[str, ...],
    niet_voldaan: tuple[str, ...],
) -> None:
    beoordeling = evaluate(criteriaset, antwoorden, regio="MH")
    assert (beoordeling.uitkomst, beoordeling.niveau.niveau, beoordeling.stap) == (uitkomst, niveau, stap)
    assert (beoordeling.voldaan, beoordeling.niet_voldaan) == (voldaan, niet_voldaan)
    assert beoordeling.regio == "MH"
    assert set(criteriaset.voor_regio("MH").bron.split("; ")) <= set(beoordeling.bronnen)


@pytest.mark.parametrize(
    ("antwoorden", "volgende"),
    [
        ({}, "A"),
        ({"A": NEE}, "E"),
        ({"A": JA, "B": JA}, "C"),
        ({"A": JA, "B": NEE}, "E"),
        ({"A": WEET_NIET, "B": NEE}, "E"),
        ({"A": NEE, "E": NEE}, "F"),
        ({"A": NEE, "E": JA}, "C"),
        ({"A": NEE, "E": JA, "C": NEE}, "D"),
        ({"A": NEE, "E": JA, "C": NEE, "D": NEE}, None),
        ({"A": NEE, "E": WEET_NIET, "C": NEE, "D": NEE}, "F"),
        ({"A": WEET_NIET, "B": NEE, "E": NEE}, None),
        ({"A": JA, "B": NEE, "E": NEE}, None),
        ({"A": JA, "B": JA, "C": JA}, None),
    ],
    ids=lambda waarde: _id(waarde) if isinstance(waarde, dict) else str(waarde),
)
def test_volgende_vraag_in_maastricht_heuvelland(
    criteriaset: Criteriaset, antwoorden: dict[str, str], volgende: str | None
) -> None:
    criterium = volgende_vraag(criteriaset, antwoorden, regio="MH")
    assert (criterium.code if criterium else None) == volgende


def test_dezelfde_casus_verschilt_per_regio(criteriaset: Criteriaset) -> None:
    # Multiproblematiek without overlast (A "nee"), the wijkteam stuck (E), the family affected (C).
    assert evaluate(criteriaset, {"A": NEE, "E": JA, "C": JA}, regio="MH").uitkomst == AANMELDEN
    for regio in (None, "WM", "PS", "ML", "NL"):
        assert volgende_vraag(criteriaset, {"A": NEE}, regio=regio) is None
        assert evaluate(criteriaset, {"A": NEE}, regio=regio).uitkomst == LOKAAL
        with pytest.raises(ValueError, match="unknown criterion code 'E'"):
            evaluate(criteriaset, {"A": NEE, "E": JA, "C": JA}, regio=regio)


def test_regio_kiest_de_set(criteriaset: Criteriaset) -> None:
    mh = criteriaset.voor_regio("MH")
    assert criteriaset.regio == LANDELIJK and mh.regio == "MH"
    assert criteriaset.voor_regio(None) is criteriaset
    assert criteriaset.voor_regio(" mh ") is mh and mh.voor_regio("MH") is mh and mh.voor_regio(None) is mh
    for regio in ("WM", "PS", "ML", "NL"):
        assert criteriaset.voor_regio(regio) is criteriaset
    # The landelijke criteria are the same objects in MH; E and F are MH's own.
    assert mh.criteria[:2] + mh.criteria[3:5] == criteriaset.criteria
    assert [(c.code, c.regios) for c in mh.criteria if c.regios] == [("E", ("MH",)), ("F", ("MH",))]
    # A set picked for a region decides the same with or without naming the region again.
    antwoorden = {"A": NEE, "E": JA, "C": JA}
    assert evaluate(mh, antwoorden) == evaluate(criteriaset, antwoorden, regio="MH")
    assert volgende_vraag(mh, {"A": NEE}) == volgende_vraag(criteriaset, {"A": NEE}, regio="MH")


def test_de_regios_zijn_de_veiligheidshuizen() -> None:
    assert set(VEILIGHEIDSHUIZEN) == {huis.code for huis in load_regios().veiligheidshuizen}
    assert set(REGIOS) == {None, *VEILIGHEIDSHUIZEN}
    assert set(REGELVORMEN) == {LANDELIJK, "MH"}


@pytest.mark.parametrize("regio", ["XX", "Maastricht", ""])
def test_onbekende_regio_bij_evaluate(criteriaset: Criteriaset, regio: str) -> None:
    with pytest.raises(ValueError, match="unknown Veiligheidshuis region"):
        evaluate(criteriaset, {"A": NEE}, regio=regio)
    with pytest.raises(ValueError, match="unknown Veiligheidshuis region"):
        volgende_vraag(criteriaset, {}, regio=regio)


def test_een_regionale_set_kent_geen_andere_regio(criteriaset: Criteriaset) -> None:
    with pytest.raises(ValueError, match="hold no rule for 'WM'"):
        criteriaset.voor_regio("MH").voor_regio("WM")


@pytest.mark.parametrize("stap", [AANMELDEN, LOKAAL, UITZOEKEN, OVERLEG])
def test_vervolgstap_in_maastricht_heuvelland_noemt_de_regel(criteriaset: Criteriaset, stap: str) -> None:
    vorm = REGELVORMEN["MH"]
    tekst = criteriaset.voor_regio("MH").vervolgstap(stap)
    assert vorm.regel_nl in tekst.nl and vorm.regel_en in tekst.en
    if stap == OVERLEG:
        assert vorm.overleg_nl in tekst.nl and vorm.overleg_en in tekst.en


def test_overleg_citeert_de_regel_van_2014(criteriaset: Criteriaset) -> None:
    beoordeling = evaluate(criteriaset, {"A": NEE, "E": NEE, "F": JA}, regio="MH")
    citaat = "geagendeerd voor een overleg, waarin slechts eenvoudige samenwerkingsafspraken worden gemaakt"
    assert citaat in beoordeling.vervolgstap_nl and citaat in _seed_tekst("000_9779236f08af37a0.txt")
    for deel in ("procesmanager voert dan geen regie", "netwerkoverleg, niveau 3", "doe de check dan opnieuw"):
        assert deel in beoordeling.vervolgstap_nl
    assert "000_9779236f08af37a0.txt §Aanpak" in beoordeling.bronnen
    assert beoordeling.niveau == load_opschaling()[2]


def test_regel_van_maastricht_heuvelland_legt_de_lezing_uit(criteriaset: Criteriaset) -> None:
    mh = criteriaset.voor_regio("MH")
    vorm = REGELVORMEN["MH"]
    assert vorm.regel_nl in mh.regel_nl and vorm.overleg_nl in mh.regel_nl
    assert vorm.regel_en in mh.regel_en and vorm.overleg_en in mh.regel_en
    for deel in ("verder afglijden", "dwang en drang", "vrijwillig kader", "jaarverslag 2014"):
        assert deel in mh.regel_nl
    assert mh.bron.startswith("001_4436ca3a261d8792.txt §Criteria")


@pytest.mark.parametrize(("code", "seed"), [("E", "001_4436ca3a261d8792.txt"), ("F", "000_9779236f08af37a0.txt")])
def test_regionale_criteria_met_de_brontekst(criteriaset: Criteriaset, code: str, seed: str) -> None:
    criterium = criteriaset.voor_regio("MH").criterium(code)
    assert criterium.tekst in _seed_tekst(seed)
    assert criterium.bron.startswith(seed)
    assert criterium.vraag_nl.endswith("?") and criterium.vraag_en.endswith("?")


# --- the case stories of seed 004 --------------------------------------------------------------

# Seed 004 (Veiligheidshuis Westelijke Mijnstreek, 2018) tells two cases the Veiligheidshuis took on.
# Per criterion: the answer a professional would give from the story, and the lines it rests on
# (the test checks they are in the seed).
HARRY_EN_SUSAN: dict[str, tuple[str, tuple[str, ...]]] = {
    # Problems on several leefgebieden (verslaving, psychisch welzijn, relaties) and overlast.
    "A": (JA, (
        "De aan drugs verslaafde, zwakbegaafde Harry (35) en zijn vriendin Susan (31) hebben vaak "
        "hoogoplopende ruzie",
        "een anonieme melding van huiselijk geweld en de overlast die Harry en Susan voor omwonenden veroorzaken",
        "Susan voor haar psychiatrische problematiek bij de GGZ in behandeling is",
    )),
    # Zorg (WSG, WMO, GGZ) and justitie (politie, Veilig Thuis, later reclassering) are both needed;
    # no organisation can act alone or sees the whole picture.
    "B": (JA, (
        "Die kan niet meteen ingrijpen omdat Harry de ruzies ontkent en er bij de politie geen meldingen "
        "over huiselijk geweld bekend zijn",
        "iedere betrokken organisatie slechts een gedeelte van de problematiek kent, maar het totale "
        "overzicht mist",
    )),
    # The gezinssysteem: a daughter of seven who stays over and is frightened by the rows.
    "C": (JA, (
        "Janneke (7), woont bij haar moeder maar logeert regelmatig bij haar vader. Ze vertelt haar moeder "
        "over de ruzies die haar veel angst aanjagen",
    )),
    # Holds too, but is not asked once C holds.
    "D": (JA, ("valt Susan en buurtbewoners lastig en gooit zelfs een ruit in van zijn voormalige woning",)),
}
HANS: dict[str, tuple[str, tuple[str, ...]]] = {
    # Psychisch welzijn, wonen and financiën, with overlast and threats to the neighbours.
    "A": (JA, (
        "Hans is schizofreen",
        "bedreigt buren die klagen over overlast",
        "Hans zijn huur niet meer betaalt. Al snel blijkt dat hij meer oplopende schulden heeft",
    )),
    # Zorg cannot force him and the police cannot act: woningbouwvereniging, GGZ, politie and
    # schuldhulpverlening together, with a criminal file as stok achter de deur (dwang en drang).
    "B": (JA, (
        "gedwongen opname is niet mogelijk want Hans is nog geen gevaar voor zichzelf en zijn omgeving",
        "De politie kan niet ingrijpen omdat er geen aangiftes zijn",
        "om zo een strafrechtelijk dossier op te bouwen",
    )),
    # He lives alone: no gezinssysteem, and nothing says his surroundings influence the problems.
    "C": (NEE, ("Hans (62) is alleenstaande",)),
    # A serious local safety problem: neighbours afraid, and some threatening to take the law into
    # their own hands.
    "D": (JA, (
        "omwonenden die Hans niet durven aan te spreken",
        "dreigen voor eigen rechter te gaan spelen",
    )),
}
CASUSSEN = {"Harry en Susan": HARRY_EN_SUSAN, "Hans": HANS}


@pytest.mark.parametrize("casus", CASUSSEN)
def test_casus_citaten_staan_in_de_seed(casus: str) -> None:
    seed = _seed_tekst("004_73514235c6e96814.txt")
    for code, (_, citaten) in CASUSSEN[casus].items():
        for citaat in citaten:
            assert citaat in seed, (casus, code, citaat)


@pytest.mark.parametrize(
    ("casus", "gevraagd", "voldaan", "niet_voldaan"),
    [("Harry en Susan", ["A", "B", "C"], ("A", "B", "C"), ()), ("Hans", ["A", "B", "C", "D"], ("A", "B", "D"), ("C",))],
)
@pytest.mark.parametrize("regio", REGIOS, ids=_regio_id)
def test_casussen_van_seed_004_worden_aangemeld(
    criteriaset: Criteriaset,
    regio: str | None,
    casus: str,
    gevraagd: list[str],
    voldaan: tuple[str, ...],
    niet_voldaan: tuple[str, ...],
) -> None:
    # The landelijke criteria hold, so every region says aanmelden; MH never needs E or F for them.
    antwoorden = {code: antwoord for code, (antwoord, _) in CASUSSEN[casus].items()}
    assert _wandel(criteriaset, regio, antwoorden) == gevraagd
    beoordeling = evaluate(criteriaset, {code: antwoorden[code] for code in gevraagd}, regio=regio)
    assert (beoordeling.uitkomst, beoordeling.niveau.niveau, beoordeling.stap) == (AANMELDEN, 3, AANMELDEN)
    assert (beoordeling.voldaan, beoordeling.niet_voldaan, beoordeling.onbekend) == (voldaan, niet_voldaan, ())


# --- the data ----------------------------------------------------------------------------------


def _seed_tekst(bestand: str) -> str:
    """Seed text as one line: PDF line breaks and end-of-line hyphenation undone."""
    ruw = (SEEDS / bestand).read_text(encoding="utf-8")
    return " ".join(re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", ruw).split())


def _alle_bronnen() -> list[str]:
    bronnen = []
    for criteriaset in (load_criteria(), *load_criteria().regionaal):
        bronnen += [criteriaset.bron]
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


def _criteria_data() -> dict[str, Any]:
    return copy.deepcopy(load_toml("criteria.toml"))


def _opschaling_data() -> dict[str, Any]:
    return copy.deepcopy(load_toml("opschaling.toml"))


def _fout_criteria(data: dict[str, Any]) -> KennisFout:
    with pytest.raises(KennisFout) as info:
        parse_criteria("criteria.toml", als_toml(data))
    assert info.value.bestand == "criteria.toml"
    return info.value


def _fout_opschaling(data: dict[str, Any]) -> KennisFout:
    with pytest.raises(KennisFout) as info:
        parse_opschaling("opschaling.toml", als_toml(data))
    assert info.value.bestand == "opschaling.toml"
    return info.value


def test_ongeschonden_kopie_is_geldig() -> None:
    assert parse_criteria("criteria.toml", als_toml(_criteria_data())) == load_criteria()
    assert parse_opschaling("opschaling.toml", als_toml(_opschaling_data())) == load_opschaling()


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
        (lambda criteria: criteria.pop(3), "A, B, C"),
        (lambda criteria: criteria[3].update(code="G"), "A, B, C, G"),
        (lambda criteria: criteria.append({**criteria[0], "code": "G"}), "A, B, C, D, G"),
        (lambda criteria: criteria[0].update(code="a"), "a, B, C, D"),
        (lambda criteria: criteria[0].update(regios=["MH"]), "B, C, D"),
    ],
    ids=["zonder D", "G in plaats van D", "extra G", "kleine letter", "A alleen voor MH"],
)
def test_codes_niet_precies_a_tot_d(wijzig: Any, gevonden: str) -> None:
    data = _criteria_data()
    wijzig(data["criterium"])
    fout = _fout_criteria(data)
    reden = f"landelijke codes (zonder 'regios') moeten precies A, B, C, D zijn, gevonden: {gevonden}"
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


# --- validation of the regional parts ----------------------------------------------------------

_E, _F = 4, 5  # the places of E and F among the [[criterium]] tables


@pytest.mark.parametrize(
    ("regios", "reden"),
    [
        ("MH", "veld 'regios' moet een niet-lege lijst van regiocodes zijn (of ontbreken)"),
        ([], "veld 'regios' moet een niet-lege lijst van regiocodes zijn (of ontbreken)"),
        ([1], "veld 'regios' moet een niet-lege lijst van regiocodes zijn (of ontbreken)"),
        (["XX"], "regio 'XX' heeft geen eigen regel (wel: MH)"),
        (["MH", "WM"], "regio 'WM' heeft geen eigen regel (wel: MH)"),
    ],
    ids=["tekst", "lege lijst", "getal", "onbekend", "zonder eigen regel"],
)
def test_criterium_met_ongeldige_regios(regios: Any, reden: str) -> None:
    data = _criteria_data()
    data["criterium"][_E]["regios"] = regios
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("criterium E", reden)


@pytest.mark.parametrize(
    ("wijzig", "gevonden"),
    [
        (lambda criteria: criteria.pop(_F), "A, B, C, D, E"),
        (lambda criteria: criteria.append({**criteria[_F], "code": "G"}), "A, B, C, D, E, F, G"),
    ],
    ids=["zonder F", "extra G"],
)
def test_regionale_codes_niet_precies(wijzig: Any, gevonden: str) -> None:
    data = _criteria_data()
    wijzig(data["criterium"])
    fout = _fout_criteria(data)
    reden = f"codes moeten precies A, B, C, D, E, F zijn, gevonden: {gevonden}"
    assert (fout.entry, fout.reden) == ("regioregel MH", reden)


def test_regioregel_ontbreekt() -> None:
    data = _criteria_data()
    del data["regioregel"]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("regioregel", "verwacht een lijst van tabellen [[regioregel]]")


def test_regioregel_voor_een_regio_zonder_eigen_regel() -> None:
    data = _criteria_data()
    data["regioregel"][0]["code"] = "WM"
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("regioregel WM", "regio 'WM' heeft geen eigen regel (wel: MH)")


def test_dubbele_regioregel() -> None:
    data = _criteria_data()
    data["regioregel"].append(copy.deepcopy(data["regioregel"][0]))
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("regioregel MH", "regio 'MH' komt dubbel voor")


def test_elke_eigen_regel_heeft_een_regioregel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REGELVORMEN, "WM", Regelvorm(CODES, (("A",), ("B",), ("C", "D")), "A", "A", ("A",)))
    fout = _fout_criteria(_criteria_data())
    assert (fout.entry, fout.reden) == ("regioregel", "tabel [[regioregel]] voor 'WM' ontbreekt")


@pytest.mark.parametrize("veld", ["code", "regel_nl", "regel_en", "bron"])
def test_regioregel_zonder_veld(veld: str) -> None:
    data = _criteria_data()
    del data["regioregel"][0][veld]
    fout = _fout_criteria(data)
    entry = "regioregel #1" if veld == "code" else "regioregel MH"
    assert (fout.entry, fout.reden) == (entry, f"veld '{veld}' ontbreekt of is leeg")


@pytest.mark.parametrize(
    ("veld", "regel"),
    [
        ("regel_nl", REGELVORMEN["MH"].regel_nl),
        ("regel_en", REGELVORMEN["MH"].regel_en),
        ("regel_nl", REGELVORMEN["MH"].overleg_nl),
        ("regel_en", REGELVORMEN["MH"].overleg_en),
    ],
)
def test_regioregel_zonder_lezing(veld: str, regel: str) -> None:
    data = _criteria_data()
    data["regioregel"][0][veld] = data["regioregel"][0][veld].replace(regel, "de regel")
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("regioregel MH", f"veld '{veld}' noemt de regel '{regel}' niet")


def test_regioregel_zonder_vervolgstappen() -> None:
    data = _criteria_data()
    del data["regioregel"][0]["vervolgstap"]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("regioregel MH vervolgstap", "tabel [vervolgstap.<uitkomst>] ontbreekt")


@pytest.mark.parametrize("stap", [*UITKOMSTEN, OVERLEG])
def test_regioregel_vervolgstap_ontbreekt(stap: str) -> None:
    data = _criteria_data()
    del data["regioregel"][0]["vervolgstap"][stap]
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == (f"regioregel MH vervolgstap {stap}", f"tabel [vervolgstap.{stap}] ontbreekt")


def test_overleg_alleen_met_een_eigen_regel() -> None:
    data = _criteria_data()
    data["vervolgstap"][OVERLEG] = dict(data["regioregel"][0]["vervolgstap"][OVERLEG])
    fout = _fout_criteria(data)
    assert (fout.entry, fout.reden) == ("vervolgstap overleg", "onbekende uitkomst 'overleg'")


@pytest.mark.parametrize(
    ("stap", "veld", "regel"),
    [
        (AANMELDEN, "nl", REGELVORMEN["MH"].regel_nl),
        (LOKAAL, "en", REGELVORMEN["MH"].regel_en),
        (OVERLEG, "nl", REGELVORMEN["MH"].overleg_nl),
        (OVERLEG, "en", REGELVORMEN["MH"].overleg_en),
    ],
)
def test_regioregel_vervolgstap_zonder_lezing(stap: str, veld: str, regel: str) -> None:
    data = _criteria_data()
    tekst = data["regioregel"][0]["vervolgstap"][stap]
    tekst[veld] = tekst[veld].replace(regel, "de regel")
    fout = _fout_criteria(data)
    reden = f"veld '{veld}' noemt de regel '{regel}' niet"
    assert (fout.entry, fout.reden) == (f"regioregel MH vervolgstap {stap}", reden)
