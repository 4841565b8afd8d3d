"""The message catalog: every marked Dutch text has an English translation with the same
placeholders, and dates and numbers are formatted for the language."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import dialogs
from dialogs.i18n import Teksten

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _gemarkeerd() -> set[str]:
    """Every text marked with N_() in dialogs/, as `pybabel extract -k N_` finds it."""
    bron = Path(dialogs.__file__).parent
    return {
        bericht
        for _, _, bericht, _, _ in extract_from_dir(str(bron), keywords={"N_": None})
        if isinstance(bericht, str)
    }


def _catalogus() -> dict[str, str]:
    po = resources.files("dialogs") / "locale" / "en" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as bestand:
        return {m.id: m.string for m in read_po(bestand) if m.id and not m.fuzzy}


def test_there_are_marked_texts():
    assert len(_gemarkeerd()) > 40


@pytest.mark.parametrize("bericht", sorted(_gemarkeerd()), ids=lambda b: b[:40])
def test_every_text_has_an_english_translation_with_the_same_placeholders(bericht: str):
    vertaling = _catalogus().get(bericht)
    assert vertaling, f"no English for: {bericht!r}"
    # Identical only where both languages really say the same.
    assert vertaling != bericht or bericht in {"Criteria check", "Menu", "Letters: {letters}", "Website"}
    assert sorted(_PLACEHOLDER.findall(vertaling)) == sorted(_PLACEHOLDER.findall(bericht))


def test_catalog_has_no_texts_that_are_no_longer_used():
    assert set(_catalogus()) - _gemarkeerd() == set()


def test_teksten_translates_and_fills_placeholders():
    assert Teksten("nl")("Bron: {bron}", bron="seed 000") == "Bron: seed 000"
    assert Teksten("en")("Bron: {bron}", bron="seed 000") == "Source: seed 000"


def test_dates_and_numbers_follow_the_language():
    assert Teksten("nl").datum(date(2026, 3, 5)) == "5 maart 2026"
    assert Teksten("en").datum(date(2026, 3, 5)) == "5 March 2026"
    assert Teksten("nl").getal(1234.5) == "1.234,5"
    assert Teksten("en").getal(1234.5) == "1,234.5"
    assert "2026" in Teksten("nl").tijdstip(datetime(2026, 11, 22, 14, 5))


def test_times_are_shown_in_dutch_time():
    # Stored in UTC; a professional in Limburg reads the clock on the wall (winter +1, summer +2).
    assert "06:11:34" in Teksten("nl").tijdstip(datetime(2026, 11, 23, 5, 11, 34, tzinfo=UTC))
    assert "12:00:00" in Teksten("nl").tijdstip(datetime(2026, 7, 1, 10, 0, tzinfo=UTC))
    assert "6:11:34" in Teksten("en").tijdstip(datetime(2026, 11, 23, 5, 11, 34, tzinfo=UTC))
    # 23:30 UTC on 22 November is already the 23rd in Limburg.
    assert Teksten("nl").datum(datetime(2026, 11, 22, 23, 30, tzinfo=UTC)) == "23 november 2026"
