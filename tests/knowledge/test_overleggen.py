"""Which overleg for which doelgroep where: questions to the regios data."""

from __future__ import annotations

import pytest

from knowledge.overleggen import zoek_overleggen
from knowledge.regios import load_regios

REGIOS = load_regios()


@pytest.mark.parametrize(
    ("vraag", "huizen", "doelgroepen"),
    [
        ("welk overleg is er voor jeugd in Maastricht?", ["MH"], ["Jeugd"]),
        ("Welk overleg is er voor jongeren in Valkenburg aan de Geul", ["MH"], ["Jeugd"]),
        ("welk overleg is er voor huiselijk geweld in Sittard", ["WM"], ["Huiselijk geweld"]),
        ("which meeting is there for youth in Roermond", ["ML"],
         ["Jeugdige veel- en meerplegers en notoire overlastgevers"]),
        ("welk overleg is er voor top x in maastricht", ["MH"], ["Top X"]),
        ("welk overleg is er bij verward gedrag in Meerssen", ["MH"], ["Personen met verward gedrag"]),
        ("welk overleg voor radicalisering", ["MH", "WM"], ["Radicalisering en polarisatie", "Radicalisering"]),
        ("welke overleggen heeft het veiligheidshuis in Heerlen", ["PS"], []),
    ],
)
def test_overleg_questions(vraag: str, huizen: list[str], doelgroepen: list[str]):
    antwoord = zoek_overleggen(vraag, REGIOS)
    assert antwoord is not None
    assert [h.code for h, _ in antwoord.per_huis] == huizen
    assert [o.doelgroep for _, lijst in antwoord.per_huis for o in lijst] == doelgroepen


@pytest.mark.parametrize(
    "vraag", ["wat is OGGZ", "overleg", "ik heb zo een overleg", "moet ik dit aanmelden", "jeugd in Maastricht"]
)
def test_not_a_question_about_overleggen(vraag: str):
    assert zoek_overleggen(vraag, REGIOS) is None


def test_all_overleggen_of_a_gemeente_when_no_doelgroep_is_named():
    antwoord = zoek_overleggen("welke overleggen zijn er in Weert?", REGIOS)
    assert antwoord.gemeente.gemeente == "Weert"
    assert [o.doelgroep for _, lijst in antwoord.per_huis for o in lijst] == [
        o.doelgroep for o in REGIOS.per_code("ML").overleggen
    ]
