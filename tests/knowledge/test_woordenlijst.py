"""Glossary search without botbuilder: the query table (>= 95 % top-1, no false hits), question
forms, browsing by letter, and the validation of the data file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from knowledge.bestanden import KennisFout
from knowledge.woordenlijst import EXACT, blader_letter, kern_van, load_woordenlijst, parse_woordenlijst, zoek

WOORDENLIJST = load_woordenlijst()
VRAGEN = tomllib.loads((Path(__file__).with_name("woordenlijst_vragen.toml")).read_text(encoding="utf-8"))["vraag"]
MET_ANTWOORD = [v for v in VRAGEN if v["verwacht"]]
ZONDER_ANTWOORD = [v["tekst"] for v in VRAGEN if not v["verwacht"]]


def _top1(tekst: str) -> str | None:
    resultaat = zoek(tekst, WOORDENLIJST)
    return resultaat.treffers[0].begrip.term if resultaat.treffers else None


def test_the_query_table_finds_the_expected_entry_at_least_95_percent_top1():
    gevonden = [(v["tekst"], v["verwacht"], _top1(v["tekst"])) for v in MET_ANTWOORD]
    missers = [(tekst, verwacht, top1) for tekst, verwacht, top1 in gevonden if top1 != verwacht]
    raak = 1 - len(missers) / len(MET_ANTWOORD)
    assert len(MET_ANTWOORD) >= 150
    assert raak >= 0.95, f"{raak:.1%} top-1; misses: {missers}"


@pytest.mark.parametrize("tekst", ZONDER_ANTWOORD)
def test_queries_that_should_find_nothing_find_nothing(tekst: str):
    resultaat = zoek(tekst, WOORDENLIJST)
    assert resultaat.treffers == (), [t.begrip.term for t in resultaat.treffers]


@pytest.mark.parametrize(
    ("vraag", "kern"),
    [
        ("Wat is OGGZ?", "oggz"), ("wat betekent een quick win", "quick win"), ("Wat is een ZRM eigenlijk?", "zrm"),
        ("leg uit wat procesregie is", "procesregie"), ("leg eens uit: veelpleger", "veelpleger"),
        ("wat houdt een lang traject in?", "lang traject"), ("waar staat RIEC voor?", "riec"),
        ("what is a veelpleger?", "veelpleger"), ("what does PGA stand for?", "pga"), ("explain top x", "top x"),
        ("betekenis van bemoeizorg", "bemoeizorg"), ("wat zijn leefgebieden", "leefgebieden"),
        ("wat betekend ZRM", "zrm"), ("wat wordt bedoeld met ZRM?", "zrm"), ("weet jij wat OGGZ is?", "oggz"),
        ("kun je uitleggen wat een netwerkoverleg is?", "netwerkoverleg"), ("what's OGGZ", "oggz"),
        ("wat is de betekenis van ZRM", "zrm"), ("wat betkent oggz", "oggz"), ("wat beteknt een ZRM?", "zrm"),
    ],
)
def test_question_forms_are_reduced_to_the_term(vraag: str, kern: str):
    assert kern_van(vraag) == (kern, True)


def test_a_bare_term_is_not_a_question_form():
    assert kern_van("OGGZ") == ("oggz", False)


def test_every_name_of_every_entry_finds_that_entry_exactly():
    for begrip in WOORDENLIJST.begrippen:
        for naam in begrip.namen:
            resultaat = zoek(naam, WOORDENLIJST)
            assert resultaat.zeker == begrip, naam
            assert resultaat.treffers[0].manier == EXACT


def test_unknown_question_gets_suggestions_that_look_alike():
    resultaat = zoek("wat is een veelplegerskantoor?", WOORDENLIJST)
    assert resultaat.treffers == ()
    assert resultaat.vraagvorm
    assert "Volwassen veelpleger" in [b.term for b in resultaat.suggesties]


@pytest.mark.parametrize(
    ("tekst", "letter"),
    [("begrippen met een V", "v"), ("woordenlijst q", "q"), ("Begrippen die beginnen met de letter P", "p"),
     ("glossary starting with t", "t"), ("woordenlijst", None), ("begrippen met veel letters", None)],
)
def test_browse_by_letter(tekst: str, letter: str | None):
    assert blader_letter(tekst) == letter


def test_browsing_a_letter_lists_its_terms_alphabetically():
    v = WOORDENLIJST.met_letter("v")
    assert v and all(b.term.lower().startswith("v") for b in v)
    assert [b.term.lower() for b in v] == sorted(b.term.lower() for b in v)


_GELDIG = '''
[[begrip]]
term = "A"
voluit = ""
aliassen = []
definitie_nl = "x"
definitie_en = "x"
zie_ook = []
vragen = []
bron = "b"
citaat = "c"
'''


@pytest.mark.parametrize(
    ("toml", "reden"),
    [
        ("", "leeg"),
        (_GELDIG.replace('definitie_nl = "x"', 'definitie_nl = ""'), "definitie_nl"),
        (_GELDIG.replace('zie_ook = []', 'zie_ook = ["B"]'), "zie_ook 'B'"),
        (_GELDIG.replace('zie_ook = []', 'zie_ook = ["A"]'), "zie_ook 'A'"),
        (_GELDIG + _GELDIG.replace('term = "A"', 'term = "B"').replace("aliassen = []", 'aliassen = ["a"]'),
         "hoort ook bij"),
        (_GELDIG.replace("aliassen = []", "aliassen = [5]"), "aliassen"),
        (_GELDIG.replace("bron = \"b\"", "bron = 3"), "bron"),
    ],
)
def test_broken_data_fails_with_file_entry_and_reason(toml: str, reden: str):
    with pytest.raises(KennisFout) as fout:
        parse_woordenlijst("woordenlijst.toml", toml)
    assert reden in str(fout.value)
