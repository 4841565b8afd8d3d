"""Every Adaptive Card the bot sends is valid Adaptive Cards 1.5 and stays inside Teams' limits.

Two sources of cards, checked the same way:
- every builder in dialogs/cards.py, called directly in Dutch and English (a new builder fails
  `test_every_card_builder_has_a_sample` until it gets a sample below);
- a scripted conversation with the real bot per language: welcome, help, each menu capability,
  the fallback, 112, and the criteria check with "waarom" and all three outcomes.

The schema is the official one (draft-06), kept in manifest/schemas/ so the test runs offline:
jsonschema resolves its "#/definitions/..." references inside the file and fetches nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cache
from inspect import getmembers, isfunction
from pathlib import Path
from typing import Any

import pytest
from botbuilder.core import serializer_helper
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount
from jsonschema import Draft6Validator
from jsonschema.exceptions import ValidationError

from dialogs import cards, messages
from dialogs.i18n import Teksten
from knowledge.aanmelding import Aanmelding, Melder, load_formulier
from knowledge.criteria import evaluate, load_criteria, load_opschaling
from knowledge.meldpunten import load_meldpunten
from knowledge.overleggen import zoek_overleggen
from knowledge.regios import load_regios
from knowledge.signaal import Signaal
from knowledge.woordenlijst import Begrip, load_woordenlijst
from tests.conftest import Gesprek, buttons, card_of, teams_activity

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "manifest" / "schemas" / "adaptive-card.v1.5.0.json"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
# Teams: a message (activity JSON) up to about 28 KB, at most 6 actions per card
# (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).
MAX_PAYLOAD_BYTES = 28 * 1024
MAX_ACTIONS = 6
# What Teams renders in bot messages and this bot can handle. Action.Execute is left out on purpose:
# it arrives as an adaptiveCard/action invoke, and the bot has no handler for that (STYLE §3.4).
TEAMS_ELEMENTS = {
    "TextBlock", "RichTextBlock", "TextRun", "Image", "ImageSet", "Container", "ColumnSet", "Column",
    "FactSet", "ActionSet", "Table", "TableRow", "TableCell",
    "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
}
TEAMS_ACTIONS = {"Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility"}

NL = Teksten("nl")
EN = Teksten("en")


@cache
def validator() -> Draft6Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft6Validator.check_schema(schema)
    return Draft6Validator(schema)


def _specific(fout: ValidationError) -> Iterator[str]:
    """The schema reports a wrong element as 'not valid under any of the given schemas' (anyOf over
    all element types); descend into the branch for the element's own type to say what is wrong."""
    if fout.validator == "anyOf" and fout.context:
        per_tak: dict[Any, list[ValidationError]] = {}
        for sub in fout.context:
            per_tak.setdefault(sub.relative_schema_path[0], []).append(sub)
        # A branch whose only complaint is not about "type" is the branch of this element's type.
        eigen = [
            subs for subs in per_tak.values()
            if not any(s.validator == "enum" and list(s.relative_path) == ["type"] for s in subs)
        ]
        if len(eigen) == 1:
            for sub in eigen[0]:
                yield from _specific(sub)
            return
        soort = fout.instance.get("type") if isinstance(fout.instance, dict) else None
        if soort is not None and not eigen:
            yield f"{_pad(fout)}: unknown type {soort!r}"
            return
    yield f"{_pad(fout)}: {fout.message}"


def _pad(fout: ValidationError) -> str:
    return "/".join(str(p) for p in fout.absolute_path) or "(card)"


def schema_errors(card: dict[str, Any]) -> list[str]:
    """What the Adaptive Cards 1.5 schema says is wrong with this card, as 'path: message'."""
    return [regel for fout in validator().iter_errors(card) for regel in _specific(fout)]


def _walk(card: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, kind, object) for every element and action in a card, nested ones included."""

    def elements(items: list[Any], pad: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            hier = f"{pad}/{i}"
            yield hier, "element", item
            # A Table's "columns" are column definitions (widths), not elements; a ColumnSet's are.
            tabel = item.get("type") == "Table"
            for sleutel in ("items", "rows", "cells") if tabel else ("items", "columns", "rows", "cells"):
                yield from elements(item.get(sleutel) or [], f"{hier}/{sleutel}")
            yield from acties(item.get("actions") or [], f"{hier}/actions")
            if isinstance(item.get("selectAction"), dict):
                yield f"{hier}/selectAction", "action", item["selectAction"]

    def acties(items: list[Any], pad: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for i, actie in enumerate(items):
            if isinstance(actie, dict):
                yield f"{pad}/{i}", "action", actie
                if isinstance(actie.get("card"), dict):
                    yield from kaart(actie["card"], f"{pad}/{i}/card")

    def kaart(c: dict[str, Any], pad: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        yield from elements(c.get("body") or [], f"{pad}body")
        yield from acties(c.get("actions") or [], f"{pad}actions")

    yield from kaart(card, "")


def teams_problems(card: dict[str, Any]) -> list[str]:
    """Teams' own limits: payload size, element and action types, number of actions, submit data."""
    problemen = []
    grootte = len(json.dumps(serializer_helper(cards.as_activity(card)), ensure_ascii=False).encode("utf-8"))
    if grootte > MAX_PAYLOAD_BYTES:
        problemen.append(f"message is {grootte} bytes, Teams takes at most {MAX_PAYLOAD_BYTES}")
    if card.get("version") != "1.5":
        problemen.append(f"version {card.get('version')!r}: the bot sends 1.5, what Teams renders")
    lijsten = [("actions", card.get("actions") or [])]
    for pad, soort, ding in _walk(card):
        type_ = ding.get("type")
        if soort == "element" and type_ not in TEAMS_ELEMENTS:
            problemen.append(f"{pad}: element {type_!r} is not one Teams renders for this bot")
        if soort == "action" and type_ not in TEAMS_ACTIONS:
            problemen.append(f"{pad}: action {type_!r} is not one Teams renders for this bot")
        if soort == "action" and type_ == "Action.Submit" and not isinstance(ding.get("data"), dict):
            # A string `data` reaches the bot differently per client; our prompts read a dict value.
            problemen.append(f"{pad}: Action.Submit data must be an object")
        if soort == "element" and type_ == "ActionSet":
            lijsten.append((f"{pad}/actions", ding.get("actions") or []))
        if soort == "action" and isinstance(ding.get("card"), dict):
            lijsten.append((f"{pad}/card/actions", ding["card"].get("actions") or []))
    for pad, lijst in lijsten:
        if len(lijst) > MAX_ACTIONS:
            problemen.append(f"{pad}: {len(lijst)} actions, Teams shows at most {MAX_ACTIONS}")
    return problemen


def assert_card_ok(naam: str, card: dict[str, Any]) -> None:
    problemen = schema_errors(card) + teams_problems(card)
    assert not problemen, f"{naam}:\n  " + "\n  ".join(problemen)


# --- the builders, called directly ---------------------------------------------------------------

KEUZES = [("ja", messages.JA), ("nee", messages.NEE), ("weet_niet", messages.WEET_NIET), ("waarom", messages.WAAROM)]


def _langste() -> Begrip:
    """The entry with the longest definition: the largest term card."""
    return max(load_woordenlijst().begrippen, key=lambda b: len(b.definitie_nl) + len(b.definitie_en))


def _drukste_letter() -> str:
    """The letter with the most entries: the largest browse card of one letter."""
    begrippen = load_woordenlijst().alfabetisch()
    letters = {b.term[:1].lower() for b in begrippen}
    return max(letters, key=lambda letter: len(load_woordenlijst().met_letter(letter)))


def _letters() -> list[str]:
    return sorted({b.term[:1].lower() for b in load_woordenlijst().begrippen})


FK = load_formulier()
_LANG = "x" * 1000  # the longest texts the form allows, for the payload limit
_ID = "0f" * 16  # a concept id as the dialogs make them (uuid4().hex)


def _aanmelding(nummer: int = 1, status: str = "in_behandeling", gewist: bool = False) -> Aanmelding:
    return Aanmelding(
        referentie=f"ZVH-MH-2026-{nummer:06d}", aangemaakt=datetime(2026, 11, 22, 10, 30, tzinfo=UTC),
        melder=Melder("user-1", "Test Gebruiker", "Wijkteam Maastricht-Noord", "06 12345678"),
        gemeente="Maastricht", veiligheidshuis="MH", doelgroep=FK.doelgroepen[0].code,
        initialen="" if gewist else "J.P.", geboortejaar=None if gewist else 1987, gezin_met_kinderen=False,
        leefgebieden={} if gewist else {g.code: 2 for g in FK.leefgebieden}, situatie="" if gewist else _LANG,
        partners="" if gewist else _LANG[:500], stagnatie="" if gewist else _LANG, geinformeerd=False,
        reden_niet_geinformeerd="" if gewist else _LANG[:500], urgentie="voorrang", criteria_uitkomst="aanmelden",
        status=status, vervolgactie="netwerkoverleg", notitie=_LANG[:500],
        gewist=datetime(2029, 1, 1, tzinfo=UTC) if gewist else None,
    )


def _grootste_huis():
    return max(load_regios().veiligheidshuizen, key=lambda huis: len(huis.gemeenten))


def _signaal(nummer: int) -> Signaal:
    return Signaal(
        referentie=f"SIG-MH-2026-{nummer:06d}", aangemaakt=datetime(2026, 11, 22, 10, 30, tzinfo=UTC),
        soort="radicalisering", gemeente="Maastricht", veiligheidshuis="MH", samenvatting=_LANG[:500],
        melder_id="user-1", melder_naam="Test Gebruiker", status="nieuw",
    )


_CONCEPT = {
    "organisatie": "Wijkteam", "telefoon": "06 12345678", "gemeente": {"gemeente": "Maastricht", "huis": "MH"},
    "doelgroep": "jeugd", "initialen": "J.P.", "geboortejaar": 1987, "gezin_met_kinderen": True,
    "leefgebieden": {g.code: 3 for g in FK.leefgebieden}, "situatie": _LANG, "partners": _LANG[:500],
    "stagnatie": _LANG, "geinformeerd": False, "reden_niet_geinformeerd": _LANG[:500], "urgentie": "regulier",
}

# Builders taking glossary entries get the real woordenlijst, at its largest (the payload limit).
SAMPLES: dict[str, list[Callable[[Teksten], dict[str, Any]]]] = {
    "welkom_card": [cards.welkom_card],
    "hulp_card": [
        cards.hulp_card,
        lambda t: cards.hulp_card(t, melding=t(messages.NIET_BEGREPEN)),
    ],
    "acuut_card": [
        lambda t: cards.acuut_card(t, "112", "Is er nu gevaar voor iemand? Bel direct 112.", "bron 004"),
        lambda t: cards.acuut_card(t, "112", "Bel direct 112.", "bron 004", ("Bel 113.", "https://www.113.nl")),
    ],
    "vraag_card": [
        lambda t: cards.vraag_card(
            t, "A", t(messages.CHECK_VRAAG_KOP, code="A", aantal=4), "Spelen er problemen op meer dan één leefgebied?",
            [(waarde, t(titel)) for waarde, titel in KEUZES],
        )
    ],
    "begrip_card": [
        lambda t: cards.begrip_card(t, _langste(), load_woordenlijst().alfabetisch()[:8]),
        lambda t: cards.begrip_card(t, _langste(), ()),
    ],
    "twijfel_card": [lambda t: cards.twijfel_card(t, load_woordenlijst().alfabetisch()[:8])],
    "gemeente_card": [lambda t: cards.gemeente_card(t, "GemeenteDialog", t(messages.GEMEENTE_VRAAG))],
    "meldpunten_card": [
        lambda t, soort=soort, huis=huis: cards.meldpunten_card(
            t,
            load_meldpunten().soort(soort),
            load_meldpunten().voor(soort, huis),
            load_regios().per_code(huis) if huis else None,
            {"gemeente": "Stein"} if huis else {},
        )
        for soort in ("radicalisering", "polarisatie", "verward_gedrag", "huiselijk_geweld", "anders")
        for huis in ("WM", "MH", "PS", "ML", "NL", None)
    ],
    "overleggen_card": [
        lambda t, vraag=vraag: cards.overleggen_card(t, zoek_overleggen(vraag, load_regios()))
        for vraag in ("welke overleggen zijn er in Maastricht", "welk overleg voor radicalisering",
                      "welke overleggen zijn er in Heerlen")
    ],
    "snelle_check_card": [lambda t: cards.snelle_check_card(t, load_criteria(), "SnelleCheckDialog")],
    "uitkomst_card": [
        lambda t, antwoorden=antwoorden, huis=huis: cards.uitkomst_card(
            t, load_criteria(), evaluate(load_criteria(), antwoorden), load_opschaling(),
            load_regios().per_code(huis) if huis else None, {"gemeente": "Beekdaelen", "genoemd": "Schinnen"},
        )
        for antwoorden in ({"A": "ja", "B": "ja", "C": "ja"}, {"A": "nee"}, {"A": "weet_niet", "B": "ja", "C": "ja"})
        for huis in ("MH", "WM", "PS", "ML", "NL", None)
    ],
    "aanmelding_card": [
        lambda t: cards.aanmelding_card(t, FK, {}, "AanmeldingDialog.formulier", "abc"),
        lambda t: cards.aanmelding_card(t, FK, _CONCEPT, "AanmeldingDialog.formulier", "abc"),
    ],
    "veld_card": [
        lambda t: cards.veld_card(t, "f", "v", "Vraag 1 van 13", "Welke organisatie?", "organisatie"),
        lambda t: cards.veld_card(
            t, "f", "v", "Vraag 4 van 13", "Welke doelgroep?", "doelgroep", [(k.code, k.nl) for k in FK.doelgroepen]
        ),
        lambda t: cards.veld_card(t, "f", "v", "Vraag 7 van 13", "Gezin?", "gezin_met_kinderen",
                                  [("ja", "Ja"), ("nee", "Nee")]),
        lambda t: cards.veld_card(t, "f", "v", "Vraag 8 van 13", "Leefgebieden?", "leefgebieden", fk=FK),
    ],
    "samenvatting_card": [
        lambda t: cards.samenvatting_card(t, FK, _CONCEPT, "abc", load_regios().per_code("MH"), concept_id=_ID),
        lambda t: cards.samenvatting_card(t, FK, {}, "abc", None, concept_id=_ID),
    ],
    "bevestigd_card": [lambda t: cards.bevestigd_card(t, FK, _aanmelding(), load_regios().per_code("MH"))],
    "mijn_aanmeldingen_card": [
        lambda t: cards.mijn_aanmeldingen_card(t, FK, [_aanmelding(n) for n in range(1, 60)]),
        lambda t: cards.mijn_aanmeldingen_card(t, FK, []),
    ],
    "werkvoorraad_card": [
        lambda t: cards.werkvoorraad_card(t, FK, [_aanmelding(n) for n in range(1, 60)]),
        lambda t: cards.werkvoorraad_card(t, FK, []),
    ],
    "aanmelding_detail_card": [
        lambda t: cards.aanmelding_detail_card(t, FK, _aanmelding(), load_regios().per_code("MH"), triage=True),
        lambda t: cards.aanmelding_detail_card(t, FK, _aanmelding(), None, triage=False),
        lambda t: cards.aanmelding_detail_card(t, FK, _aanmelding(status="afgesloten", gewist=True), None, True),
    ],
    "cijfers_card": [
        # The largest house, every doelgroep present: the worst case for the payload.
        lambda t: cards.cijfers_card(
            t, 2026, ["Gemeente", *(k.nl for k in FK.doelgroepen), "Totaal"],
            [[g, *range(len(FK.doelgroepen)), 99] for g in _grootste_huis().gemeenten]
            + [["Totaal", *range(len(FK.doelgroepen)), 999]],
            huis="Zorg- en Veiligheidshuis Parkstad",
        ),
        lambda t: cards.cijfers_card(t, 2025, [], []),
    ],
    "samenvatting_signaal_card": [
        lambda t: cards.samenvatting_signaal_card(t, "SignaalVastleggenDialog.samenvatting", 500, concept_id=_ID),
        lambda t: cards.samenvatting_signaal_card(
            t, "SignaalVastleggenDialog.samenvatting", 500, _LANG[:500], concept_id=_ID
        ),
    ],
    "signalen_card": [
        lambda t: cards.signalen_card(t, [_signaal(n) for n in range(1, 40)], load_meldpunten().soorten),
    ],
    "niet_gevonden_card": [
        lambda t: cards.niet_gevonden_card(t, "qwerty", load_woordenlijst().alfabetisch()[:8]),
        lambda t: cards.niet_gevonden_card(t, "qwerty", ()),
    ],
    "blader_card": [
        lambda t: cards.blader_card(t, load_woordenlijst().alfabetisch(), _letters(), None),
        lambda t: cards.blader_card(
            t, load_woordenlijst().met_letter(_drukste_letter()), _letters(), _drukste_letter()
        ),
        lambda t: cards.blader_card(t, (), _letters(), "q"),
    ],
}


def test_every_card_builder_has_a_sample():
    builders = {
        naam for naam, f in getmembers(cards, isfunction)
        if naam.endswith("_card") and naam != "adaptive_card" and f.__module__ == cards.__name__
    }
    assert builders <= set(SAMPLES), f"add samples for {sorted(builders - set(SAMPLES))} to SAMPLES"


@pytest.mark.parametrize("taal", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize(
    "naam,maak", [(naam, maak) for naam, lijst in SAMPLES.items() for maak in lijst],
    ids=[f"{naam}-{i}" for naam, lijst in SAMPLES.items() for i in range(len(lijst))],
)
def test_card_builder_output_is_valid(naam, maak, taal):
    assert_card_ok(naam, maak(taal))


# --- the checks themselves catch what they should -------------------------------------------------


@pytest.mark.parametrize(
    "kapot,verwacht",
    [
        ({"type": "TextBlok", "text": "x"}, "unknown type 'TextBlok'"),
        ({"type": "TextBlock", "text": "x", "size": "Enorm"}, "'Enorm'"),
        ({"type": "TextBlock", "txt": "x"}, "'text' is a required property"),
    ],
    ids=["unknown-element", "bad-enum", "missing-property"],
)
def test_schema_check_names_the_problem(kapot, verwacht):
    fouten = schema_errors(cards.adaptive_card([kapot]))
    assert fouten and any(verwacht in f for f in fouten), fouten
    assert all(f.startswith("body/0") for f in fouten), fouten


def test_teams_check_catches_what_the_schema_allows():
    te_veel = [cards.submit(NL, f"Knop {i}", {"actie": "hulp"}) for i in range(7)]
    media = {"type": "Media", "sources": [{"mimeType": "video/mp4", "url": "https://x.invalid/a.mp4"}]}
    card = cards.adaptive_card(
        [cards.text_block("x" * (MAX_PAYLOAD_BYTES + 1)), media],
        [*te_veel, {"type": "Action.Submit", "title": "tekst", "data": "tekst"}],
    )
    assert not schema_errors(card)  # all of it is valid Adaptive Cards 1.5 ...
    problemen = "\n".join(teams_problems(card))  # ... but not for this bot in Teams
    assert "bytes" in problemen
    assert "'Media'" in problemen
    assert "8 actions" in problemen
    assert "data must be an object" in problemen


# --- every card the real bot sends in a scripted conversation ------------------------------------


def _welkom(taal: str) -> Activity:
    activity = teams_activity(None, locale="en-US" if taal == "en" else "nl-NL", user_id=f"user-{taal}")
    activity.type = ActivityTypes.conversation_update
    activity.members_added = [ChannelAccount(id="bot-1"), ChannelAccount(id=f"user-{taal}")]
    return activity


# Turns per language: typed text, or ("klik", button title on the last card). "stop" after each
# capability ends whatever flow it started, so the next line starts from the menu again.
SCRIPT = {
    "nl": [
        "help", "aanmelden", "stop", "signaal", "stop", "woordenlijst", "stop", "mijn aanmeldingen", "stop",
        "ik weet het echt niet meer qwerty", "hij heeft een mes",
        ("klik", messages.KNOP_CHECK), "Schinnen", "waarom", "ja", "ja", "ja",
        "check", "weet ik niet", "nee",
        "check", "weet ik niet", "weet niet", "ja", "ja",
        "check", "Maastricht", "nee", "ja", "weet niet", "nee", "ja",
        "snelle check", "ja, ja, ja, nee",
        "check", "Sittard", "ja", "ja", "ja",
    ],
    "en": [
        "help", "register", "stop", "report a signal", "stop", "glossary", "stop", "my registrations", "stop",
        "i really have no idea qwerty", "he has a knife",
        ("klik", messages.KNOP_CHECK), "Maastricht", "why", "yes", "yes", "yes",
        "check", "don't know", "no",
        "check", "don't know", "don't know", "yes", "yes",
        "check", "Maastricht", "no", "yes", "don't know", "no", "yes",
        "quick check", "yes, yes, yes, no",
        "check", "Heerlen", "yes", "yes", "yes",
    ],
}


async def _conversation(gesprek: Gesprek, taal: str) -> list[tuple[str, dict[str, Any]]]:
    """Play the script; return (turn, card) for every Adaptive Card the bot sent."""
    t = Teksten(taal)
    velden = {"locale": "en-US" if taal == "en" else "nl-NL", "user_id": f"user-{taal}"}
    verzameld: list[tuple[str, dict[str, Any]]] = []
    met_knoppen: list[Activity] = []
    replies = await gesprek.send(_welkom(taal))
    for beurt in [None, *SCRIPT[taal]]:
        if isinstance(beurt, tuple):
            # Click on the newest card that has this button, as a user scrolling up would.
            titel = t(beurt[1])
            reply = next((r for r in reversed(met_knoppen) if titel in dict(buttons(r))), None)
            assert reply is not None, f"no card with a {titel!r} button to click"
            replies = await gesprek.press(reply, titel, **velden)
        elif isinstance(beurt, str):
            replies = await gesprek.send(beurt, **velden)
        for reply in replies:
            for attachment in reply.attachments or []:
                if attachment.content_type == ADAPTIVE:
                    verzameld.append((f"{beurt or 'welkom'!s}", attachment.content))
            if card_of(reply) and buttons(reply):
                met_knoppen.append(reply)
    return verzameld


@pytest.mark.parametrize("taal", ["nl", "en"])
async def test_every_card_in_a_conversation_is_valid(gesprek: Gesprek, taal: str):
    verzameld = await _conversation(gesprek, taal)
    problemen = [
        f"after {beurt!r}, card {card['body'][0].get('text', '')[:40]!r}: {p}"
        for beurt, card in verzameld
        for p in schema_errors(card) + teams_problems(card)
    ]
    assert not problemen, "\n".join(problemen)

    t = Teksten(taal)
    koppen = {blok.get("text") for _, card in verzameld for blok in card.get("body", [])[:2]}
    # The script reached every kind of card: welcome, help, 112, a question, "waarom", three outcomes.
    for kop in (
        t(messages.WELKOM_TITEL), t(messages.HULP_TITEL), t(messages.ACUUT_TITEL, nummer="112"),
        t(messages.CHECK_UITLEG_KOP),
        t(messages.CHECK_UITKOMST_AANMELDEN), t(messages.CHECK_UITKOMST_LOKAAL), t(messages.CHECK_UITKOMST_UITZOEKEN),
        t(messages.CHECK_VRAAG_KOP, code="A", aantal=4),
    ):
        assert kop in koppen, f"no card headed {kop!r} in the {taal} conversation"
