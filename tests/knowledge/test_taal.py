"""Language of a message: Dutch, English, or too little to say."""

from __future__ import annotations

import pytest

from knowledge.taal import EN, NL, detect_taal
from knowledge.tekst import normalise


@pytest.mark.parametrize(
    ("tekst", "taal"),
    [
        ("wat is OGGZ?", NL), ("moet ik dit aanmelden?", NL), ("ik wil een casus aanmelden", NL),
        ("hulp", NL), ("ja", NL), ("nee", NL), ("annuleren", NL),
        ("what is OGGZ?", EN), ("what can you do", EN), ("I want to report a signal", EN),
        ("yes", EN), ("no", EN), ("cancel", EN), ("Is this a case for the veiligheidshuis", EN),
        ("OGGZ", None), ("ok", None), ("help", None), ("check", None), ("menu", None), ("", None),
        ("Veiligheidshuis Maastricht Heuvelland Top X aanpak", None),
    ],
)
def test_detect_taal(tekst: str, taal: str | None):
    assert detect_taal(tekst) == taal


@pytest.mark.parametrize(
    ("tekst", "genormaliseerd"),
    [("Financiële  uitbuiting!", "financiele uitbuiting"), ("Wat is OGGZ?", "wat is oggz?"), ("ZRM_1", "zrm 1")],
)
def test_normalise(tekst: str, genormaliseerd: str):
    assert normalise(tekst) == genormaliseerd
