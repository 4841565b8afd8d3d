"""No personal value used in the tests ever reaches a log line (runs last: tests/ is collected in
name order). The log is the whole run's, captured by tests/conftest.py's Logboek at the levels the
bot logs at in production."""

from __future__ import annotations

import logging

from tests.conftest import LOGBOEK

# Personal values the tests put into forms, signals and Teams identities.
PERSOONLIJK = (
    "111222333",  # a BSN (elfproef) typed into free text
    "jan@example.nl",
    "06-12345678", "06 12345678",
    "Zorgwekkend-XQ7", "Uniek-situatie-7Q", "Wijkteam Zuid-9X", "Q.X.",
    "Veel overlast in de straat en oplopende schulden",
    "Buurman schreeuwt", "Buurvrouw loopt verward", "naar Syrië wil om te strijden",
    "Test Gebruiker",  # the Teams display name of the test user
)


def test_the_run_logged_enough_to_mean_something():
    assert len(LOGBOEK.regels) > 50


def test_no_personal_value_in_any_log_line():
    lekken = [(waarde, regel[:200]) for regel in LOGBOEK.regels for waarde in PERSOONLIJK if waarde in regel]
    assert not lekken, f"{len(lekken)} log lines with personal data, e.g. {lekken[:3]}"


def test_the_scan_sees_a_leak_when_there_is_one():
    voor = len(LOGBOEK.regels)
    eigen, bibliotheek = logging.getLogger("bot.test"), logging.getLogger("aiosqlite")
    niveaus = eigen.level, bibliotheek.level
    eigen.setLevel(logging.DEBUG)
    bibliotheek.setLevel(logging.DEBUG)
    try:
        eigen.debug("melder %s", "Test Gebruiker")
        bibliotheek.debug("parameters %s", "111222333")  # below INFO: production never logs it
    finally:
        eigen.setLevel(niveaus[0])
        bibliotheek.setLevel(niveaus[1])
    nieuw = LOGBOEK.regels[voor:]
    del LOGBOEK.regels[voor:]
    assert len(nieuw) == 1 and "Test Gebruiker" in nieuw[0]
