"""Readable source citations, and that every seed file has a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.bestanden import KennisFout
from knowledge.bronnen import leesbaar, load_bronnen, parse_bronnen

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_every_seed_file_has_a_title():
    assert set(load_bronnen()) == {p.name for p in SEEDS.glob("*.txt")}


@pytest.mark.parametrize(
    ("bron", "verwacht"),
    [
        ("000_9779236f08af37a0.txt §Aanpak", "Jaarverslag 2014 Veiligheidshuis Maastricht Heuvelland – Aanpak"),
        ("004_73514235c6e96814.txt §Landelijke criteria Veiligheidshuizen; 003_326fbcbdd05b927a.txt §3.4 Werkproces",
         "Jaarverslag 2018 Veiligheidshuis Westelijke Mijnstreek – Landelijke criteria Veiligheidshuizen; "
         "Jaarrapportage 2009 Veiligheidshuis Midden-Limburg – 3.4 Werkproces"),
        ("001_4436ca3a261d8792.txt", "Jaarverslag 2019 Veiligheidshuis Maastricht Heuvelland"),
        ("https://www.politie.nl/x (112)", "https://www.politie.nl/x (112)"),
        ("onbekend.txt §X", "onbekend.txt §X"),
    ],
)
def test_leesbaar(bron: str, verwacht: str):
    assert leesbaar(bron) == verwacht


def test_a_file_listed_twice_is_refused():
    with pytest.raises(KennisFout, match="twee keer"):
        parse_bronnen("bronnen.toml", '[[bron]]\nbestand = "a"\ntitel = "x"\n[[bron]]\nbestand = "a"\ntitel = "y"\n')
