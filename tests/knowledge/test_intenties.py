"""Intent recognition: tables of what professionals type, with the intent they mean (or none)."""

from __future__ import annotations

import pytest

from knowledge.bestanden import KennisFout
from knowledge.intenties import herken, herken_commando, load_intenties, parse_intenties

INTENTIES = load_intenties()

HERKEND = [
    # commands: the whole message, typos tolerated
    ("help", "hulp"), ("Hulp", "hulp"), ("menu", "hulp"), ("?", "hulp"), ("what can you do", "hulp"),
    ("annuleren", "stoppen"), ("anuleren", "stoppen"), ("Stop", "stoppen"), ("opnieuw", "stoppen"),
    ("cancel", "stoppen"), ("start over", "stoppen"),
    ("hallo", "groet"), ("Goedemorgen!", "groet"), ("hi", "groet"),
    ("check", "criteria_check"), ("aanmeldcriteria", "criteria_check"), ("criteria", "criteria_check"),
    ("aanmelden", "aanmelden"), ("mijn aanmeldingen", "mijn_aanmeldingen"), ("signaal", "signaal"),
    ("woordenlijst", "woordenlijst"), ("glossary", "woordenlijst"), ("begrippen", "woordenlijst"),
    # sentences: the closest example utterance
    ("moet ik dit aanmelden?", "criteria_check"),
    ("Moet ik dit opschalen naar het Veiligheidshuis?", "criteria_check"),
    ("is dit iets voor het veiligheidshuis", "criteria_check"),
    ("voldoet deze casus aan de criteria?", "criteria_check"),
    ("Is this a case for the veiligheidshuis", "criteria_check"),
    ("moet ik dit aanmelden, hij heeft een mes", "criteria_check"),
    ("ik wil een casus aanmelden", "aanmelden"),
    ("ik wil graag een aanmelding doen", "aanmelden"),
    ("I want to register a case", "aanmelden"),
    ("hoe staat het met mijn aanmelding?", "mijn_aanmeldingen"),
    ("wat is de status van mijn aanmelding", "mijn_aanmeldingen"),
    ("waar meld ik radicalisering", "signaal"),
    ("ik wil iets melden over verward gedrag", "signaal"),
    ("ik wil een signaal melden over zelfmoord", "signaal"),
    ("where do I report radicalisation?", "signaal"),
    ("wat kun je allemaal?", "hulp"),
    ("how does this work?", "hulp"),
]

NIETS = [
    "", "   ", "ja", "nee", "ok", "wat is OGGZ", "wat is een quick win", "stoppen met drugs is lastig",
    "de kat van de buren zit in de boom", "hoe lang duurt een tijdelijk huisverbod",
    "ik maak me zorgen over mijn buurman", "hulp nodig bij een casus", "x" * 10_000,
]


@pytest.mark.parametrize(("tekst", "intentie"), HERKEND)
def test_recognised(tekst: str, intentie: str):
    herkenning = herken(tekst, INTENTIES)
    assert herkenning is not None, tekst
    assert herkenning.intentie == intentie


@pytest.mark.parametrize("tekst", NIETS, ids=lambda t: t[:30] or "leeg")
def test_not_recognised(tekst: str):
    assert herken(tekst, INTENTIES) is None


@pytest.mark.parametrize("tekst", ["stop met deze vragen alsjeblieft", "help mij met een casus over drugs"])
def test_a_sentence_is_not_a_command(tekst: str):
    assert herken_commando(tekst, INTENTIES) is None


def test_commands_report_how_they_were_found():
    assert herken("anuleren", INTENTIES).manier == "commando"
    assert herken("moet ik dit aanmelden?", INTENTIES).manier == "voorbeeld"


@pytest.mark.parametrize(
    ("toml", "reden"),
    [
        ('[[intentie]]\nnaam = "onbekend"\ncommando = ["x"]', "onbekende intentie"),
        ('[[intentie]]\nnaam = "hulp"\ncommando = []', "geen (of een leeg) commando"),
        ('[[intentie]]\nnaam = "hulp"\ncommando = ["!!"]', "geen (of een leeg) commando"),
        ('[[intentie]]\nnaam = "hulp"\ncommando = ["help"]\n[[intentie]]\nnaam = "hulp"\ncommando = ["x"]',
         "twee keer"),
        ('[[intentie]]\nnaam = "hulp"\ncommando = ["help"]', "intentie ontbreekt"),
        ("[[intentie]\n", "geen geldige TOML"),
    ],
)
def test_broken_data_fails_with_file_entry_and_reason(toml: str, reden: str):
    with pytest.raises(KennisFout) as fout:
        parse_intenties("intenties.toml", toml)
    assert str(fout.value).startswith("intenties.toml: ")
    assert reden in fout.value.reden
