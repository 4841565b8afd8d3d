"""`python -m bot package`: the Teams app zip from manifest/, filled in from the environment.

The manifest in the repository holds `${{NAME}}` placeholders; this module fills them in, checks the
result the way Teams would (the official JSON schema for its manifestVersion, the localization files,
the icons) and refuses to write a package that Teams would reject, listing every reason.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import FormatChecker
from jsonschema.validators import validator_for

MANIFEST_DIR = Path(__file__).resolve().parents[1] / "manifest"
DEFAULT_OUTPUT = Path("build") / "zvh-assistent-teams.zip"
SCHEMA_URL = "https://developer.microsoft.com/json-schemas/teams/v{versie}/MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA_URL = (
    "https://developer.microsoft.com/json-schemas/teams/v{versie}/MicrosoftTeams.Localization.schema.json"
)
_PLACEHOLDER = re.compile(r"\$\{\{([A-Z_]+)\}\}")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_DOMAIN = re.compile(r"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOR_SIZE = (192, 192)
_OUTLINE_SIZE = (32, 32)
# Limits Teams enforces on upload beyond what the v1.24 schema says (it allows 128/4000 for commands);
# the localization schema documents them: https://learn.microsoft.com/microsoftteams/platform/resources/schema/localization-schema
_COMMAND_TITLE_MAX = 32
_COMMAND_DESCRIPTION_MAX = 128
# The keys a localization file may hold for what our manifest has, with their maximum lengths.
_LOCALIZATION_KEYS = (
    (re.compile(r"^name\.short$"), 30),
    (re.compile(r"^name\.full$"), 100),
    (re.compile(r"^description\.short$"), 80),
    (re.compile(r"^description\.full$"), 4000),
    (re.compile(r"^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.title$"), _COMMAND_TITLE_MAX),
    (re.compile(r"^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.description$"), _COMMAND_DESCRIPTION_MAX),
)
_LOCALIZATION_REQUIRED = ("name.short", "name.full", "description.short", "description.full")


class PackageError(ValueError):
    """The package cannot be built; `reasons` says every thing that is wrong."""

    def __init__(self, reasons: Sequence[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = tuple(reasons)


@dataclass(frozen=True)
class PackageSettings:
    """What the manifest needs from configuration: ids, the three URLs and the valid domains."""

    bot_id: str
    app_id: str
    website_url: str
    privacy_url: str
    terms_url: str
    valid_domains: tuple[str, ...]

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> PackageSettings:
        """MicrosoftAppId, TEAMS_APP_ID, TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL, TEAMS_VALID_DOMAINS."""
        env = os.environ if env is None else env
        reasons: list[str] = []
        bot_id = env.get("MicrosoftAppId", "").strip()
        if not bot_id:
            reasons.append("MicrosoftAppId is not set: the package needs the app id of the bot registration")
        elif not _GUID.match(bot_id):
            reasons.append(f"MicrosoftAppId must be a GUID, not {bot_id!r}")
        app_id = env.get("TEAMS_APP_ID", "").strip() or bot_id
        if app_id != bot_id and not _GUID.match(app_id):
            reasons.append(f"TEAMS_APP_ID must be a GUID, not {app_id!r}")
        urls = {}
        for naam in ("TEAMS_WEBSITE_URL", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL"):
            url = env.get(naam, "").strip()
            urls[naam] = url
            if not url:
                reasons.append(f"{naam} is not set (an https:// address; Teams shows it on the app's page)")
            elif urlsplit(url).scheme != "https" or not urlsplit(url).hostname:
                reasons.append(f"{naam} must be an https:// address, not {url!r}")
        domeinen_tekst = env.get("TEAMS_VALID_DOMAINS", "").strip()
        if domeinen_tekst:
            domeinen = tuple(d.strip().lower() for d in domeinen_tekst.split(",") if d.strip())
        else:
            # The organisation's own site: where the privacy and terms pages usually live too.
            host = urlsplit(urls["TEAMS_WEBSITE_URL"]).hostname
            domeinen = (host,) if host else ()
        for domein in domeinen:
            if not _DOMAIN.match(domein):
                reasons.append(f"TEAMS_VALID_DOMAINS: {domein!r} is not a domain name (no scheme, path or port)")
        if reasons:
            raise PackageError(reasons)
        return cls(
            bot_id=bot_id,
            app_id=app_id,
            website_url=urls["TEAMS_WEBSITE_URL"],
            privacy_url=urls["TEAMS_PRIVACY_URL"],
            terms_url=urls["TEAMS_TERMS_URL"],
            valid_domains=domeinen,
        )

    def placeholders(self) -> dict[str, str | tuple[str, ...]]:
        """The values of the ${{NAME}} placeholders in manifest/manifest.json."""
        return {
            "BOT_ID": self.bot_id,
            "TEAMS_APP_ID": self.app_id,
            "WEBSITE_URL": self.website_url,
            "PRIVACY_URL": self.privacy_url,
            "TERMS_URL": self.terms_url,
            "VALID_DOMAIN": self.valid_domains,
        }


def fill_placeholders(waarde: Any, placeholders: Mapping[str, str | tuple[str, ...]]) -> Any:
    """The manifest with every ${{NAME}} replaced; a list item that is only a placeholder for a
    tuple becomes all of its items. Values are filled into parsed JSON, never into its text,
    so a value with quotes cannot change the manifest's structure."""
    if isinstance(waarde, dict):
        return {sleutel: fill_placeholders(v, placeholders) for sleutel, v in waarde.items()}
    if isinstance(waarde, list):
        uit: list[Any] = []
        for item in waarde:
            gevonden = _PLACEHOLDER.fullmatch(item) if isinstance(item, str) else None
            if gevonden and isinstance(placeholders.get(gevonden[1]), tuple):
                uit.extend(placeholders[gevonden[1]])
            else:
                uit.append(fill_placeholders(item, placeholders))
        return uit
    if isinstance(waarde, str):

        def vervang(gevonden: re.Match[str]) -> str:
            nieuw = placeholders.get(gevonden[1])
            return nieuw if isinstance(nieuw, str) else gevonden[0]

        return _PLACEHOLDER.sub(vervang, waarde)
    return waarde


@dataclass(frozen=True)
class Png:
    """The header of a PNG file and, for 8-bit non-interlaced images, its pixels as RGBA rows."""

    width: int
    height: int
    bit_depth: int
    color_type: int
    rgba: tuple[tuple[tuple[int, int, int, int], ...], ...] | None


def read_png(data: bytes) -> Png:
    """Parse a PNG with the standard library; ValueError when it is not one."""
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(_PNG_SIGNATURE)
    header: tuple[int, ...] | None = None
    idat = b""
    transparent = False
    while pos + 8 <= len(data):
        (lengte,) = struct.unpack(">I", data[pos : pos + 4])
        soort = data[pos + 4 : pos + 8]
        inhoud = data[pos + 8 : pos + 8 + lengte]
        if len(inhoud) != lengte:
            raise ValueError("PNG file is truncated")
        if soort == b"IHDR":
            header = struct.unpack(">IIBBBBB", inhoud)
        elif soort == b"IDAT":
            idat += inhoud
        elif soort == b"tRNS":
            transparent = True
        elif soort == b"IEND":
            break
        pos += 12 + lengte
    if header is None:
        raise ValueError("PNG file has no IHDR header")
    width, height, bit_depth, color_type, _, _, interlace = header
    rgba = None
    if bit_depth == 8 and interlace == 0 and color_type in _CHANNELS and not transparent:
        try:
            rgba = _decode(zlib.decompress(idat), width, height, color_type)
        except (zlib.error, IndexError) as fout:
            raise ValueError(f"PNG image data is damaged ({fout})") from fout
    return Png(width, height, bit_depth, color_type, rgba)


# Channels per color type: grey, RGB, grey+alpha, RGBA (palette images are not decoded).
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def _decode(raw: bytes, width: int, height: int, color_type: int) -> tuple[tuple[tuple[int, int, int, int], ...], ...]:
    """Undo the PNG row filters (RFC 2083 §6) and expand every pixel to RGBA."""
    bpp = _CHANNELS[color_type]
    stride = width * bpp
    vorige = bytearray(stride)
    rijen = []
    pos = 0
    for _ in range(height):
        filter_type = raw[pos]
        rij = bytearray(raw[pos + 1 : pos + 1 + stride])
        if len(rij) != stride:
            raise IndexError("row too short")
        pos += 1 + stride
        for i in range(stride):
            links = rij[i - bpp] if i >= bpp else 0
            boven = vorige[i]
            linksboven = vorige[i - bpp] if i >= bpp else 0
            if filter_type == 1:
                rij[i] = (rij[i] + links) & 0xFF
            elif filter_type == 2:
                rij[i] = (rij[i] + boven) & 0xFF
            elif filter_type == 3:
                rij[i] = (rij[i] + (links + boven) // 2) & 0xFF
            elif filter_type == 4:
                p = links + boven - linksboven
                pa, pb, pc = abs(p - links), abs(p - boven), abs(p - linksboven)
                voorspeld = links if pa <= pb and pa <= pc else boven if pb <= pc else linksboven
                rij[i] = (rij[i] + voorspeld) & 0xFF
            elif filter_type != 0:
                raise IndexError(f"unknown filter type {filter_type}")
        vorige = rij
        pixels = []
        for x in range(width):
            p = rij[x * bpp : (x + 1) * bpp]
            if color_type == 0:
                pixels.append((p[0], p[0], p[0], 255))
            elif color_type == 2:
                pixels.append((p[0], p[1], p[2], 255))
            elif color_type == 4:
                pixels.append((p[0], p[0], p[0], p[1]))
            else:
                pixels.append((p[0], p[1], p[2], p[3]))
        rijen.append(tuple(pixels))
    return tuple(rijen)


def check_icons(manifest: Mapping[str, Any], bestanden: Mapping[str, bytes]) -> list[str]:
    """Teams' icon rules: color 192×192; outline 32×32, white on a transparent background."""
    reasons: list[str] = []
    icons = manifest.get("icons") or {}
    for soort, maat in (("color", _COLOR_SIZE), ("outline", _OUTLINE_SIZE)):
        naam = icons.get(soort)
        if not isinstance(naam, str) or naam not in bestanden:
            reasons.append(f"icons.{soort}: file {naam!r} is missing")
            continue
        try:
            png = read_png(bestanden[naam])
        except ValueError as fout:
            reasons.append(f"icons.{soort} ({naam}): {fout}")
            continue
        if (png.width, png.height) != maat:
            reasons.append(f"icons.{soort} ({naam}) must be {maat[0]}×{maat[1]} pixels, not {png.width}×{png.height}")
        if soort == "outline":
            reasons += _check_outline(naam, png)
    return reasons


def _check_outline(naam: str, png: Png) -> list[str]:
    if png.rgba is None or png.color_type not in (4, 6):
        return [f"icons.outline ({naam}) must be an 8-bit PNG with an alpha channel (RGBA), so it can be transparent"]
    pixels = [p for rij in png.rgba for p in rij]
    reasons = []
    if not any(a == 0 for *_, a in pixels):
        reasons.append(f"icons.outline ({naam}) must have a transparent background")
    if not any(a > 0 for *_, a in pixels):
        reasons.append(f"icons.outline ({naam}) is empty: every pixel is transparent")
    # Teams tints the outline icon itself; anything but white shows up wrong.
    gekleurd = sum(1 for r, g, b, a in pixels if a > 0 and (r, g, b) != (255, 255, 255))
    if gekleurd:
        reasons.append(f"icons.outline ({naam}) must be white only: {gekleurd} visible pixels are not #FFFFFF")
    return reasons


def load_schema(manifest_version: str, schema_dir: Path) -> dict[str, Any]:
    """The official manifest schema for this manifestVersion, kept in manifest/schemas/ (works offline)."""
    pad = schema_dir / f"MicrosoftTeams.schema.v{manifest_version}.json"
    if not pad.is_file():
        raise PackageError([f"no schema for manifestVersion {manifest_version!r} in {schema_dir}"])
    return json.loads(pad.read_text(encoding="utf-8"))


def schema_errors(document: Any, schema: Mapping[str, Any]) -> list[str]:
    """Every place where the document breaks the schema, as 'path: message'."""
    cls = validator_for(schema)
    validator = cls(schema, format_checker=FormatChecker())
    fouten = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{_pad(fout.absolute_path)}: {fout.message}" for fout in fouten]


def _pad(delen: Sequence[Any]) -> str:
    uit = ""
    for deel in delen:
        uit += f"[{deel}]" if isinstance(deel, int) else (f".{deel}" if uit else str(deel))
    return uit or "(root)"


def check_manifest(manifest: Mapping[str, Any], bestanden: Mapping[str, bytes], schema: Mapping[str, Any]) -> list[str]:
    """Everything Teams would refuse in this filled-in manifest and the files next to it."""
    reasons = [f"manifest.json {fout}" for fout in schema_errors(manifest, schema)]
    versie = manifest.get("manifestVersion")
    verwacht = SCHEMA_URL.format(versie=versie)
    if manifest.get("$schema") != verwacht:
        reasons.append(f"manifest.json $schema must be {verwacht} for manifestVersion {versie}")
    leftover = sorted(set(_PLACEHOLDER.findall(json.dumps(manifest))))
    if leftover:
        reasons.append("placeholders not filled in: " + ", ".join(leftover))
    developer = manifest.get("developer") or {}
    for veld in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        url = developer.get(veld)
        if isinstance(url, str) and not url.startswith("https://") and not _PLACEHOLDER.search(url):
            reasons.append(f"developer.{veld} must be an https:// address")
    for i, bot in enumerate(manifest.get("bots") or []):
        for j, lijst in enumerate(bot.get("commandLists") or []):
            for k, commando in enumerate(lijst.get("commands") or []):
                plek = f"bots[{i}].commandLists[{j}].commands[{k}]"
                if len(commando.get("title", "")) > _COMMAND_TITLE_MAX:
                    reasons.append(f"{plek}.title is longer than {_COMMAND_TITLE_MAX} characters")
                if len(commando.get("description", "")) > _COMMAND_DESCRIPTION_MAX:
                    reasons.append(f"{plek}.description is longer than {_COMMAND_DESCRIPTION_MAX} characters")
    reasons += check_icons(manifest, bestanden)
    reasons += check_localization(manifest, bestanden)
    return reasons


def check_localization(manifest: Mapping[str, Any], bestanden: Mapping[str, bytes]) -> list[str]:
    """Each additional language file: its $schema, the required and allowed keys, their lengths,
    and that every key names a string that exists in the manifest."""
    reasons: list[str] = []
    versie = manifest.get("manifestVersion")
    info = manifest.get("localizationInfo") or {}
    for taal in info.get("additionalLanguages") or []:
        naam = taal.get("file")
        if naam not in bestanden:
            reasons.append(f"localization file {naam!r} is missing")
            continue
        try:
            vertaling = json.loads(bestanden[naam].decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as fout:
            reasons.append(f"{naam} is not UTF-8 JSON: {fout}")
            continue
        if not isinstance(vertaling, dict):
            reasons.append(f"{naam} must be a JSON object")
            continue
        verwacht = LOCALIZATION_SCHEMA_URL.format(versie=versie)
        if vertaling.get("$schema") != verwacht:
            reasons.append(f"{naam} $schema must be {verwacht} for manifestVersion {versie}")
        for sleutel in _LOCALIZATION_REQUIRED:
            if not vertaling.get(sleutel):
                reasons.append(f"{naam} lacks {sleutel!r}")
        for sleutel, tekst in vertaling.items():
            if sleutel == "$schema":
                continue
            maximum = next((m for patroon, m in _LOCALIZATION_KEYS if patroon.match(sleutel)), None)
            if maximum is None:
                reasons.append(f"{naam}: key {sleutel!r} is not one this app can localize")
            elif not isinstance(tekst, str) or not tekst:
                reasons.append(f"{naam}: {sleutel!r} must be a non-empty string")
            elif len(tekst) > maximum:
                reasons.append(f"{naam}: {sleutel!r} is longer than {maximum} characters")
            elif not isinstance(_lookup(manifest, sleutel), str):
                reasons.append(f"{naam}: {sleutel!r} names nothing in manifest.json")
    return reasons


def _lookup(manifest: Mapping[str, Any], sleutel: str) -> Any:
    """The value at a localization key such as 'bots[0].commandLists[1].commands[2].title'."""
    waarde: Any = manifest
    for naam, index in re.findall(r"([A-Za-z]+)(?:\[(\d+)\])?", sleutel):
        if not isinstance(waarde, dict) or naam not in waarde:
            return None
        waarde = waarde[naam]
        if index:
            if not isinstance(waarde, list) or int(index) >= len(waarde):
                return None
            waarde = waarde[int(index)]
    return waarde


def build_package(settings: PackageSettings, output: Path, *, manifest_dir: Path = MANIFEST_DIR) -> Path:
    """Fill in, check and zip the manifest with its icons and language files; PackageError if invalid."""
    bron = manifest_dir / "manifest.json"
    if not bron.is_file():
        raise PackageError([f"{bron} not found: run the command from a checkout of the repository"])
    try:
        sjabloon = json.loads(bron.read_text(encoding="utf-8"))
    except ValueError as fout:
        raise PackageError([f"{bron} is not valid JSON: {fout}"]) from fout
    manifest = fill_placeholders(sjabloon, settings.placeholders())
    namen = [
        *(manifest.get("icons") or {}).values(),
        *(taal.get("file") for taal in (manifest.get("localizationInfo") or {}).get("additionalLanguages") or []),
    ]
    bestanden = {
        naam: (manifest_dir / naam).read_bytes()
        for naam in namen
        if isinstance(naam, str) and "/" not in naam and (manifest_dir / naam).is_file()
    }
    schema = load_schema(str(manifest.get("manifestVersion")), manifest_dir / "schemas")
    reasons = check_manifest(manifest, bestanden, schema)
    if reasons:
        raise PackageError(reasons)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(_zip({"manifest.json": _json_bytes(manifest), **bestanden}))
    return output


def _json_bytes(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _zip(bestanden: Mapping[str, bytes]) -> bytes:
    """A flat zip (Teams wants the files at its root) with fixed dates, so the same input gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam in sorted(bestanden):
            info = zipfile.ZipInfo(naam, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archief.writestr(info, bestanden[naam])
    return buffer.getvalue()


def main(output: Path | None = None, env: Mapping[str, str] | None = None) -> int:
    """Build the package and say where it is, or say why not (exit status 2)."""
    try:
        pad = build_package(PackageSettings.from_env(env), output or DEFAULT_OUTPUT)
    except PackageError as fout:
        sys.stderr.write("cannot build the Teams app package:\n" + "".join(f"- {r}\n" for r in fout.reasons))
        return 2
    sys.stdout.write(f"Teams app package written to {pad}\n")
    return 0
