"""The Teams app manifest in manifest/: what Teams will read, checked against what the bot does.

The manifest parses, uses the newest schema kept in manifest/schemas/ with a matching $schema URL,
keeps the ids and URLs as placeholders (filled in by `python -m bot package`), offers the bot in
personal, team and group chat (safe because dialog state is per user), and lists as commands
exactly the command words the bot recognises. The English file translates every description.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from botbuilder.core import MemoryStorage, PrivateConversationState

from bot import database, package
from bot.composition import build_bot
from knowledge.intenties import herken_commando, load_intenties
from tests.conftest import make_diensten

MANIFEST_DIR = Path(__file__).resolve().parents[1] / "manifest"
SCOPES = ["personal", "team", "groupChat"]
# The intents offered as commands, in menu order; the title is each one's first `commando`.
COMMANDO_INTENTIES = ("hulp", "criteria_check", "aanmelden", "signaal", "woordenlijst", "mijn_aanmeldingen")
VOORBEELD = package.PackageSettings(
    bot_id="11111111-2222-3333-4444-555555555555",
    app_id="11111111-2222-3333-4444-555555555555",
    website_url="https://www.example.nl",
    privacy_url="https://www.example.nl/privacy",
    terms_url="https://www.example.nl/voorwaarden",
    valid_domains=("www.example.nl",),
)


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((MANIFEST_DIR / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def engels() -> dict:
    return json.loads((MANIFEST_DIR / "en.json").read_text(encoding="utf-8"))


def _versie(pad: Path) -> tuple[int, ...]:
    return tuple(int(x) for x in re.search(r"v(\d+(?:\.\d+)*)\.json$", pad.name)[1].split("."))


def test_uses_the_newest_schema_kept_and_its_url(manifest, engels):
    schemas = sorted(MANIFEST_DIR.glob("schemas/MicrosoftTeams.schema.v*.json"), key=_versie)
    nieuwste = ".".join(map(str, _versie(schemas[-1])))
    assert manifest["manifestVersion"] == nieuwste
    assert manifest["$schema"] == package.SCHEMA_URL.format(versie=nieuwste)
    assert engels["$schema"] == package.LOCALIZATION_SCHEMA_URL.format(versie=nieuwste)


def test_ids_and_urls_are_placeholders_filled_in_at_packaging(manifest):
    assert manifest["id"] == "${{TEAMS_APP_ID}}"
    assert manifest["bots"][0]["botId"] == "${{BOT_ID}}"
    assert manifest["developer"]["websiteUrl"] == "${{WEBSITE_URL}}"
    assert manifest["developer"]["privacyUrl"] == "${{PRIVACY_URL}}"
    assert manifest["developer"]["termsOfUseUrl"] == "${{TERMS_URL}}"
    assert manifest["validDomains"] == ["${{VALID_DOMAIN}}"]


def test_filled_in_it_is_what_teams_accepts(manifest):
    gevuld = package.fill_placeholders(manifest, VOORBEELD.placeholders())
    bestanden = {naam: (MANIFEST_DIR / naam).read_bytes() for naam in ("color.png", "outline.png", "en.json")}
    schema = package.load_schema(gevuld["manifestVersion"], MANIFEST_DIR / "schemas")
    assert package.check_manifest(gevuld, bestanden, schema) == []


def test_bot_in_personal_team_and_group_chat_with_state_per_user(manifest):
    bot = manifest["bots"][0]
    assert bot["scopes"] == SCOPES
    assert bot.get("isNotificationOnly", False) is False
    # Shared scopes are safe only because every user has their own dialog state (STYLE §3.6).
    engine = database.create_engine("sqlite+aiosqlite:///:memory:")  # never connected
    assert isinstance(build_bot(MemoryStorage(), make_diensten(engine)).state, PrivateConversationState)


def test_one_command_list_per_scope(manifest):
    lijsten = manifest["bots"][0]["commandLists"]
    assert [lijst["scopes"] for lijst in lijsten] == [[scope] for scope in SCOPES]


def test_command_titles_are_the_command_words_the_bot_recognises(manifest):
    intenties = {i.naam: i for i in load_intenties()}
    verwacht = [intenties[naam].commando[0] for naam in COMMANDO_INTENTIES]
    for lijst in manifest["bots"][0]["commandLists"]:
        titels = [commando["title"] for commando in lijst["commands"]]
        assert titels == verwacht, lijst["scopes"]
        for titel, naam in zip(titels, COMMANDO_INTENTIES, strict=True):
            herkenning = herken_commando(titel, load_intenties())
            assert herkenning is not None and herkenning.intentie == naam, titel


def test_names_and_descriptions_are_dutch_with_english_beside_them(manifest, engels):
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "nl"
    assert manifest["localizationInfo"]["additionalLanguages"] == [{"languageTag": "en", "file": "en.json"}]
    assert "Veiligheidshuis" in manifest["description"]["short"]
    assert "Bel direct 112" in manifest["description"]["full"]
    assert "Call 112" in engels["description.full"]
    for veld in ("name.short", "name.full", "description.short", "description.full"):
        assert engels[veld]


def test_every_command_description_is_translated_and_titles_stay_commands(manifest, engels):
    intenties = {i.naam: i for i in load_intenties()}
    for i, lijst in enumerate(manifest["bots"][0]["commandLists"]):
        for j, commando in enumerate(lijst["commands"]):
            sleutel = f"bots[0].commandLists[{i}].commands[{j}]"
            assert engels[f"{sleutel}.description"] != commando["description"]
            # A translated title must still be a word the bot takes for the same intent.
            titel = engels.get(f"{sleutel}.title", commando["title"])
            assert titel in intenties[COMMANDO_INTENTIES[j]].commando, titel


def test_icons_have_teams_sizes_and_a_transparent_white_outline(manifest):
    bestanden = {naam: (MANIFEST_DIR / naam).read_bytes() for naam in manifest["icons"].values()}
    assert package.check_icons(manifest, bestanden) == []
    kleur = package.read_png(bestanden["color.png"])
    omtrek = package.read_png(bestanden["outline.png"])
    assert (kleur.width, kleur.height) == (192, 192)
    assert (omtrek.width, omtrek.height) == (32, 32)
    alfa = [a for rij in omtrek.rgba for *_, a in rij]
    assert 0 in alfa and max(alfa) == 255
