"""What each benchmark conversation says, turn by turn, as Teams would send it.

A step is a text, or a click on a button of the bot's last reply (the card's action data, plus
the form's field values for a submit). Each step names a piece of ASCII text the reply must
contain (in its JSON), so a run that measures error messages fails loudly instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Stap:
    tekst: str | None = None
    # Title of the button on the previous turn's last reply whose data this turn sends as value.
    knop: str | None = None
    # Field values a form submit adds to the button's data.
    velden: dict[str, Any] = field(default_factory=dict)
    # ASCII text the turn's last reply must contain.
    verwacht: str = ""


@dataclass(frozen=True)
class Scenario:
    naam: str
    stappen: tuple[Stap, ...]
    # The replies' bodies are needed (to click a button on them); other scenarios never parse them.
    leest_kaarten: bool = False
    # A conversation of this scenario must be a personal chat (aanmeldingen are refused elsewhere).
    persoonlijk: bool = True


WOORDENLIJST = Scenario(
    "woordenlijst",
    (
        Stap("wat is OGGZ?", verwacht="Openbare Geestelijke"),
        Stap("wat is een veelpleger?", verwacht="Volwassen veelpleger"),
        Stap("wat is ZSM?", verwacht="Zorgvuldig, Snel"),
        Stap("wat is een quick win?", verwacht="Quick Win"),
        Stap("wat betekent JCO?", verwacht="Justitieel casusoverleg"),
        Stap("wat is multiproblematiek?", verwacht="Multiproblematiek"),
        Stap("wat is NWO?", verwacht="Netwerkoverleg"),
        Stap("wat zijn leefgebieden?", verwacht="Leefgebieden"),
    ),
)

# The guided check asks the gemeente first (it decides whose criteria apply), then the criteria.
CRITERIA_CHECK = Scenario(
    "criteria_check",
    (
        Stap("check", verwacht="In welke gemeente"),
        Stap("Maastricht", verwacht="Criterium A van"),
        Stap("ja", verwacht="Criterium B van"),
        Stap("ja", verwacht="Criterium C van"),
        Stap("ja", verwacht="Deze casus past bij het Veiligheidshuis"),
    ),
)

# The form as tests/dialogs/test_aanmelding.py fills it in (GOED); codes as the card offers them.
FORMULIER = {
    "organisatie": "Wijkteam Maastricht-Noord",
    "telefoon": "06-12345678",
    "gemeente": "Maastricht",
    "doelgroep": "jeugd",
    "initialen": "j.p.",
    "geboortejaar": "1987",
    "gezin_met_kinderen": "nee",
    "zrm_wonen": "2",
    "zrm_dagbesteding": "1",
    "situatie": "Veel overlast in de straat en oplopende schulden; de hulpverlening loopt vast.",
    "partners": "Wijkteam en GGZ",
    "stagnatie": "Partners komen niet tot een gezamenlijk plan.",
    "geinformeerd": "ja",
    "reden_niet_geinformeerd": "",
    "urgentie": "regulier",
}

AANMELDING = Scenario(
    "aanmelding",
    (
        Stap("aanmelden", verwacht="Naar samenvatting"),
        Stap(knop="Naar samenvatting", velden=FORMULIER, verwacht="Bevestigen"),
        Stap(knop="Bevestigen", verwacht="Aanmelding ontvangen: ZVH-MH-"),
    ),
    leest_kaarten=True,
)

# The echo bots get the glossary's questions and echo them.
ECHO = Scenario("echo", tuple(Stap(s.tekst, verwacht=s.tekst or "") for s in WOORDENLIJST.stappen))

SCENARIOS = {s.naam: s for s in (WOORDENLIJST, CRITERIA_CHECK, AANMELDING)}


def wat_er_staat(reply: bytes) -> str:
    """The text of a reply, or the first text on its card (for an error sample)."""
    try:
        activity = json.loads(reply)
    except ValueError:
        return reply[:200].decode("utf-8", "replace")
    for attachment in activity.get("attachments") or []:
        for blok in (attachment.get("content") or {}).get("body", []):
            if blok.get("text"):
                return blok["text"]
    return str(activity.get("text"))


def knop_data(reply: dict[str, Any], titel: str) -> dict[str, Any]:
    """The data of the button with this title on the reply's Adaptive Card."""
    for attachment in reply.get("attachments") or []:
        for actie in (attachment.get("content") or {}).get("actions", []):
            if actie.get("title") == titel:
                return dict(actie.get("data") or {})
    raise LookupError(f"no button {titel!r} on the last reply")
