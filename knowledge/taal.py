"""Which language a message is written in: Dutch or English, decided by function words.

Messages to the bot are short ("help", "wat is OGGZ?"), where statistical detectors guess;
counting the function words of just these two languages is deterministic and explainable.
"""

from __future__ import annotations

from knowledge.tekst import woorden

NL = "nl"
EN = "en"

_ENGELS = frozenset(
    """
    the a an is are was were what which who how why where when do does did can could would should
    i i'm you he she it we they my your his her our their me him us them this that these those
    of to in on for with about from and or not no yes please thanks thank want need report
    registration register criteria explain mean means meaning glossary show list my
    hello hi hey cancel start over what's there here have has
    """.split()
)
_NEDERLANDS = frozenset(
    """
    de het een is zijn was waren wat welke wie hoe waarom waar wanneer doe doet deed kan kun kunt
    zou moet moeten ik je jij u hij zij ze we wij mijn jouw zijn haar ons onze hun mij hem dit dat
    deze die van naar in op voor met over uit en of niet geen ja nee alsjeblieft bedankt dank wil
    wilt melden aanmelden aanmelding uitleg betekent betekenis leg uit laat zien lijst hulp hallo
    hoi annuleren opnieuw er hier heb heeft graag casus betrokkene
    """.split()
)


def detect_taal(tekst: str) -> str | None:
    """NL or EN when the words say so clearly, None for too little evidence ('OGGZ', 'ok')."""
    gevonden = woorden(tekst)
    engels = sum(w in _ENGELS for w in gevonden)
    nederlands = sum(w in _NEDERLANDS for w in gevonden)
    if engels == nederlands:
        return None
    taal, aantal = (EN, engels) if engels > nederlands else (NL, nederlands)
    # One function word in a long message is too little to switch the conversation's language.
    return taal if aantal >= 2 or len(gevonden) <= 2 else None
