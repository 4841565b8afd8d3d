"""Free-text signals through the real bot (issue #7): the table in signaal_routering.toml, each entry
the first message of a fresh conversation. Acute ones get the 112 card (with 113 for suicide) as the
first reply, every one of them; described signals start the signal dialog with the kind recognised
(or asked among the right candidates); questions, greetings and chit-chat do not start it. At least
95 % of the table must route exactly as expected; the misses are listed."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from botbuilder.schema import Activity

from dialogs import messages
from dialogs.i18n import Teksten
from knowledge.meldpunten import ANDERS, load_meldpunten
from knowledge.taal import detect_taal
from tests.conftest import Gesprek, buttons, card_of, seen_text

NL = Teksten("nl")
EN = Teksten("en")
MELDPUNTEN = load_meldpunten()
SOORTEN = {s.code for s in MELDPUNTEN.soorten}
TABEL: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).with_name("signaal_routering.toml")).read_text(encoding="utf-8")
)["signaal"]
VERWACHTINGEN = ("acuut", "soort", "twijfel", "geen_signaal")
# The gemeente given after "nee", in turn: one of every Veiligheidshuis.
GEMEENTEN = ("Maastricht", "Sittard", "Heerlen", "Roermond", "Venlo")


def soort_van(regel: dict[str, Any]) -> str:
    return next(v for v in VERWACHTINGEN if v in regel)


def is_acuut_card(reply: Activity) -> bool:
    """The 112 card itself, in either language (not the 112 line of the welcome and help cards)."""
    card = card_of(reply)
    titels = {t(messages.ACUUT_TITEL, nummer="112") for t in (NL, EN)}
    return bool(card) and card["body"][0]["text"] in titels


def taal_van_gevaarvraag(reply: Activity) -> Teksten | None:
    """NL or EN when the reply asks whether someone is in danger now, else None."""
    tekst = seen_text(reply)
    return next((t for t in (EN, NL) if t(messages.SIGNAAL_GEVAAR) in tekst), None)


def kort(replies: list[Activity]) -> str:
    return " | ".join(seen_text(r).replace("\n", " ")[:60] for r in replies[:2]) or "(geen antwoord)"


async def beoordeel(gesprek: Gesprek, nummer: int, regel: dict[str, Any]) -> str | None:
    """None when the entry routes as expected, else what went wrong."""
    ids = {"conversation_id": f"routering-{nummer}", "user_id": f"routering-gebruiker-{nummer}"}
    replies = await gesprek.send(regel["tekst"], **ids)
    if not replies:
        return "geen antwoord"
    if "acuut" in regel:
        if not is_acuut_card(replies[0]):
            return f"eerste antwoord is niet de 112-kaart: {kort(replies)}"
        if regel["acuut"] == "113" and "113" not in seen_text(replies[0]):
            return "de 112-kaart noemt 113 niet"
        return None
    if regel.get("geen_signaal"):
        if any(taal_van_gevaarvraag(r) for r in replies):
            return "de signaaldialoog start"
        if any(is_acuut_card(r) for r in replies):
            return "onterecht de 112-kaart"
        return None
    t = taal_van_gevaarvraag(replies[0])
    if t is None:
        return f"eerste antwoord is niet de gevaarvraag: {kort(replies)}"
    replies = await gesprek.send("no" if t is EN else "nee", **ids)
    if not replies:
        return "geen antwoord op nee"
    namen = {s.code: (s.naam_en if t is EN else s.naam_nl) for s in MELDPUNTEN.soorten}
    if "twijfel" in regel:
        if t(messages.SIGNAAL_WELKE_TWIJFEL) not in seen_text(replies[0]):
            return f"na nee geen twijfelvraag: {kort(replies)}"
        codes = {code for titel, _ in buttons(replies[0]) for code, naam in namen.items() if naam == titel}
        if codes != set(regel["twijfel"]):
            return f"twijfel tussen {sorted(codes)}"
        return None
    if t(messages.SIGNAAL_GEMEENTE) not in seen_text(replies[0]):
        return f"na nee niet de gemeentevraag: {kort(replies)}"
    replies = await gesprek.send(GEMEENTEN[nummer % len(GEMEENTEN)], **ids)
    card = card_of(replies[0]) if replies else None
    kop = card["body"][0]["text"] if card else ""
    if kop != namen[regel["soort"]]:
        return f"meldpuntenkaart '{kop[:40]}'"
    return None


async def missers(gesprek: Gesprek, regels: list[tuple[int, dict[str, Any]]]) -> list[tuple[str, str, str]]:
    uit = []
    for nummer, regel in regels:
        fout = await beoordeel(gesprek, nummer, regel)
        if fout is not None:
            verwacht = soort_van(regel)
            uit.append((regel["tekst"], f"{verwacht}={regel[verwacht]}", fout))
    return uit


def test_the_table_is_well_formed_and_large_enough():
    assert len(TABEL) >= 100
    for regel in TABEL:
        assert set(regel) - {"tekst"} <= set(VERWACHTINGEN), regel
        assert sum(v in regel for v in VERWACHTINGEN) == 1, regel
        assert regel["tekst"].strip(), regel
        if "acuut" in regel:
            assert regel["acuut"] in ("112", "113"), regel
        if "soort" in regel:
            assert regel["soort"] in SOORTEN - {ANDERS}, regel
        if "twijfel" in regel:
            assert len(regel["twijfel"]) == len(set(regel["twijfel"])) >= 2, regel
            assert set(regel["twijfel"]) <= SOORTEN - {ANDERS}, regel
        if "geen_signaal" in regel:
            assert regel["geen_signaal"] is True, regel
    teksten = [r["tekst"].casefold() for r in TABEL]
    assert len(teksten) == len(set(teksten)), "a text is in the table twice"

    per_soort = Counter(soort_van(r) for r in TABEL)
    assert per_soort["acuut"] >= 20
    assert per_soort["twijfel"] >= 8
    assert per_soort["geen_signaal"] >= 15
    acuut = Counter(r["acuut"] for r in TABEL if "acuut" in r)
    assert acuut["113"] >= 5 and acuut["112"] >= 5
    assert sum("acuut" in r and detect_taal(r["tekst"]) == "en" for r in TABEL) >= 3, "too few English acute entries"
    kinden = Counter(r["soort"] for r in TABEL if "soort" in r)
    for code in SOORTEN - {ANDERS}:
        assert kinden[code] >= 8, code


async def test_every_acute_entry_gets_the_emergency_number_first(gesprek: Gesprek):
    acuut = [(n, r) for n, r in enumerate(TABEL) if "acuut" in r]
    gemist = await missers(gesprek, acuut)
    assert not gemist, "\n".join(map(str, gemist))


async def test_the_table_routes_correctly_at_least_95_percent(gesprek: Gesprek):
    gemist = await missers(gesprek, list(enumerate(TABEL)))
    score = 1 - len(gemist) / len(TABEL)
    assert score >= 0.95, f"score {score:.3f}, misses:\n" + "\n".join(map(str, gemist))
