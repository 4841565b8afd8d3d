"""`python -m bot package`: the app zip from manifest/ and the configuration, or the reasons why not.

Happy path (the zip holds the filled-in manifest, icons and English file, byte-for-byte the same
on a second build), one test per refusal (configuration, schema, $schema URL, placeholders, icons,
localization), the stdlib PNG reader against every row filter, and the command itself.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from bot import package
from bot.package import PackageError, PackageSettings, build_package

_REPO = Path(__file__).resolve().parents[2]
BOT_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
ENV = {
    "MicrosoftAppId": BOT_ID,
    "TEAMS_WEBSITE_URL": "https://www.veiligheidshuis.example/zvh-assistent",
    "TEAMS_PRIVACY_URL": "https://www.veiligheidshuis.example/privacy",
    "TEAMS_TERMS_URL": "https://www.veiligheidshuis.example/voorwaarden",
}


def make_png(pixels: list[list[tuple[int, ...]]], color_type: int = 6, filters: tuple[int, ...] = (0,)) -> bytes:
    """An 8-bit PNG of these pixels, row i filtered with filters[i % len(filters)] (RFC 2083 §6)."""
    bpp = len(pixels[0][0])
    vorige = bytes(len(pixels[0]) * bpp)
    raw = b""
    for i, rij in enumerate(pixels):
        huidig = bytes(c for px in rij for c in px)
        soort = filters[i % len(filters)]
        uit = bytearray()
        for j, byte in enumerate(huidig):
            links = huidig[j - bpp] if j >= bpp else 0
            boven = vorige[j]
            linksboven = vorige[j - bpp] if j >= bpp else 0
            if soort == 4:
                p = links + boven - linksboven
                pa, pb, pc = abs(p - links), abs(p - boven), abs(p - linksboven)
                voorspeld = links if pa <= pb and pa <= pc else boven if pb <= pc else linksboven
            else:
                voorspeld = (0, links, boven, (links + boven) // 2)[soort]
            uit.append((byte - voorspeld) & 0xFF)
        raw += bytes([soort]) + bytes(uit)
        vorige = huidig

    def chunk(naam: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + naam + data + struct.pack(">I", zlib.crc32(naam + data))

    header = struct.pack(">IIBBBBB", len(pixels[0]), len(pixels), 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def outline(size: int = 32, kleur: tuple[int, int, int] = (255, 255, 255), achtergrond: int = 0) -> bytes:
    """A white square outline on a transparent background (or the variations a test needs)."""
    pixels = [
        [(*kleur, 255) if x in (4, size - 5) or y in (4, size - 5) else (0, 0, 0, achtergrond) for x in range(size)]
        for y in range(size)
    ]
    return make_png(pixels)


@pytest.fixture
def manifest_dir(tmp_path: Path) -> Path:
    """A copy of manifest/ that a test may break."""
    kopie = tmp_path / "manifest"
    shutil.copytree(_REPO / "manifest", kopie)
    return kopie


def edit_manifest(manifest_dir: Path, change) -> None:
    pad = manifest_dir / "manifest.json"
    manifest = json.loads(pad.read_text(encoding="utf-8"))
    change(manifest)
    pad.write_text(json.dumps(manifest), encoding="utf-8")


def reasons_for(manifest_dir: Path, tmp_path: Path) -> str:
    with pytest.raises(PackageError) as fout:
        build_package(PackageSettings.from_env(ENV), tmp_path / "app.zip", manifest_dir=manifest_dir)
    assert not (tmp_path / "app.zip").exists()
    return "\n".join(fout.value.reasons)


class TestBuild:
    def test_zip_holds_the_filled_in_manifest_icons_and_english(self, tmp_path: Path):
        pad = build_package(PackageSettings.from_env(ENV), tmp_path / "uit" / "app.zip")
        with zipfile.ZipFile(pad) as archief:
            assert sorted(archief.namelist()) == ["color.png", "en.json", "manifest.json", "outline.png"]
            manifest = json.loads(archief.read("manifest.json"))
            assert archief.read("outline.png") == (_REPO / "manifest" / "outline.png").read_bytes()
        assert manifest["id"] == BOT_ID
        assert manifest["bots"][0]["botId"] == BOT_ID
        assert manifest["developer"]["privacyUrl"] == ENV["TEAMS_PRIVACY_URL"]
        assert manifest["developer"]["termsOfUseUrl"] == ENV["TEAMS_TERMS_URL"]
        assert manifest["validDomains"] == ["www.veiligheidshuis.example"]
        assert "${{" not in json.dumps(manifest)

    def test_same_input_gives_the_same_bytes(self, tmp_path: Path):
        een = build_package(PackageSettings.from_env(ENV), tmp_path / "een.zip").read_bytes()
        twee = build_package(PackageSettings.from_env(ENV), tmp_path / "twee.zip").read_bytes()
        assert een == twee

    def test_separate_teams_app_id_and_several_valid_domains(self, tmp_path: Path):
        app_id = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
        env = {**ENV, "TEAMS_APP_ID": app_id, "TEAMS_VALID_DOMAINS": "a.example, *.b.example"}
        pad = build_package(PackageSettings.from_env(env), tmp_path / "app.zip")
        manifest = json.loads(zipfile.ZipFile(pad).read("manifest.json"))
        assert manifest["id"] == app_id
        assert manifest["bots"][0]["botId"] == BOT_ID
        assert manifest["validDomains"] == ["a.example", "*.b.example"]

    def test_a_value_with_quotes_stays_a_value(self):
        gevuld = package.fill_placeholders({"a": 'x${{X}}y', "b": ["${{L}}"]}, {"X": '", "id": "', "L": ("p", "q")})
        assert gevuld == {"a": 'x", "id": "y', "b": ["p", "q"]}


class TestConfiguration:
    def test_nothing_set_names_every_missing_variable(self):
        with pytest.raises(PackageError) as fout:
            PackageSettings.from_env({})
        tekst = str(fout.value)
        for naam in ("MicrosoftAppId", "TEAMS_WEBSITE_URL", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL"):
            assert naam in tekst

    @pytest.mark.parametrize(
        "variabele,waarde,reden",
        [
            ("MicrosoftAppId", "zvh-bot", "MicrosoftAppId must be a GUID"),
            ("TEAMS_APP_ID", "app-1", "TEAMS_APP_ID must be a GUID"),
            ("TEAMS_PRIVACY_URL", "http://www.example.nl/privacy", "TEAMS_PRIVACY_URL must be an https:// address"),
            ("TEAMS_TERMS_URL", "voorwaarden.html", "TEAMS_TERMS_URL must be an https:// address"),
            ("TEAMS_VALID_DOMAINS", "https://www.example.nl/", "is not a domain name"),
        ],
    )
    def test_bad_value_is_refused_with_its_name(self, variabele, waarde, reden):
        with pytest.raises(PackageError, match=reden):
            PackageSettings.from_env({**ENV, variabele: waarde})


class TestRefusals:
    def test_schema_violation_names_the_field(self, manifest_dir, tmp_path):
        edit_manifest(manifest_dir, lambda m: m["name"].update(short="ZVH-assistent voor alle professionals"))
        assert "manifest.json name.short:" in reasons_for(manifest_dir, tmp_path)

    def test_missing_required_field(self, manifest_dir, tmp_path):
        edit_manifest(manifest_dir, lambda m: m.pop("accentColor"))
        assert "'accentColor' is a required property" in reasons_for(manifest_dir, tmp_path)

    def test_schema_url_must_match_the_manifest_version(self, manifest_dir, tmp_path):
        edit_manifest(manifest_dir, lambda m: m.update({"$schema": package.SCHEMA_URL.format(versie="1.19")}))
        assert "$schema must be" in reasons_for(manifest_dir, tmp_path)

    def test_unknown_manifest_version_has_no_schema(self, manifest_dir, tmp_path):
        edit_manifest(manifest_dir, lambda m: m.update(manifestVersion="1.99"))
        assert "no schema for manifestVersion '1.99'" in reasons_for(manifest_dir, tmp_path)

    def test_unknown_placeholder_is_not_left_in(self, manifest_dir, tmp_path):
        edit_manifest(manifest_dir, lambda m: m["developer"].update(name="${{ORGANISATIE}}"))
        assert "placeholders not filled in: ORGANISATIE" in reasons_for(manifest_dir, tmp_path)

    def test_command_title_over_teams_limit(self, manifest_dir, tmp_path):
        edit_manifest(manifest_dir, lambda m: m["bots"][0]["commandLists"][0]["commands"][0].update(title="h" * 33))
        assert "commands[0].title is longer than 32" in reasons_for(manifest_dir, tmp_path)

    def test_missing_icon(self, manifest_dir, tmp_path):
        (manifest_dir / "color.png").unlink()
        assert "icons.color: file 'color.png' is missing" in reasons_for(manifest_dir, tmp_path)

    def test_icon_of_the_wrong_size(self, manifest_dir, tmp_path):
        (manifest_dir / "outline.png").write_bytes(outline(size=48))
        assert "must be 32×32 pixels, not 48×48" in reasons_for(manifest_dir, tmp_path)

    def test_icon_that_is_not_a_png(self, manifest_dir, tmp_path):
        (manifest_dir / "color.png").write_bytes(b"GIF89a")
        assert "icons.color (color.png): not a PNG file" in reasons_for(manifest_dir, tmp_path)

    def test_outline_without_transparency(self, manifest_dir, tmp_path):
        (manifest_dir / "outline.png").write_bytes(outline(achtergrond=255))
        assert "must have a transparent background" in reasons_for(manifest_dir, tmp_path)

    def test_outline_without_alpha_channel(self, manifest_dir, tmp_path):
        rgb = make_png([[(255, 255, 255)] * 32] * 32, color_type=2)
        (manifest_dir / "outline.png").write_bytes(rgb)
        assert "with an alpha channel" in reasons_for(manifest_dir, tmp_path)

    def test_outline_in_colour(self, manifest_dir, tmp_path):
        (manifest_dir / "outline.png").write_bytes(outline(kleur=(0, 84, 130)))
        assert "must be white only" in reasons_for(manifest_dir, tmp_path)

    def test_localization_file_missing(self, manifest_dir, tmp_path):
        (manifest_dir / "en.json").unlink()
        assert "localization file 'en.json' is missing" in reasons_for(manifest_dir, tmp_path)

    @pytest.mark.parametrize(
        "wijziging,reden",
        [
            (lambda e: e.pop("name.full"), "en.json lacks 'name.full'"),
            (lambda e: e.update({"staticTabs[0].name": "Home"}), "'staticTabs[0].name' is not one this app can"),
            (lambda e: e.update({"bots[0].commandLists[0].commands[9].title": "x"}), "names nothing in manifest.json"),
            (lambda e: e.update({"description.short": "x" * 81}), "'description.short' is longer than 80"),
            (lambda e: e.update({"$schema": "https://example.org/schema.json"}), "en.json $schema must be"),
        ],
        ids=["required", "unknown-key", "dangling-key", "too-long", "schema-url"],
    )
    def test_localization_problems(self, manifest_dir, tmp_path, wijziging, reden):
        pad = manifest_dir / "en.json"
        engels = json.loads(pad.read_text(encoding="utf-8"))
        wijziging(engels)
        pad.write_text(json.dumps(engels), encoding="utf-8")
        assert reden in reasons_for(manifest_dir, tmp_path)


class TestPng:
    @pytest.mark.parametrize("filters", [(0,), (1,), (2,), (3,), (4,), (0, 1, 2, 3, 4)])
    def test_every_row_filter_decodes_to_the_same_pixels(self, filters):
        pixels = [[((x * 37 + y * 11) % 256, (x * y) % 256, (255 - x * 7) % 256, (y * 29) % 256) for x in range(9)]
                  for y in range(7)]
        png = package.read_png(make_png(pixels, filters=filters))
        assert (png.width, png.height, png.color_type) == (9, 7, 6)
        assert [list(rij) for rij in png.rgba] == pixels

    def test_grey_with_alpha_expands_to_rgba(self):
        png = package.read_png(make_png([[(255, 0), (255, 128)]], color_type=4))
        assert png.rgba == (((255, 255, 255, 0), (255, 255, 255, 128)),)

    def test_truncated_file_is_refused(self):
        with pytest.raises(ValueError, match="truncated"):
            package.read_png(outline()[:40])


class TestCommand:
    def _run(self, tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        schoon = {k: v for k, v in os.environ.items() if not k.startswith(("Microsoft", "TEAMS_"))}
        return subprocess.run(
            [sys.executable, "-m", "bot", "package", "-o", str(tmp_path / "app.zip")],
            cwd=tmp_path, env={**schoon, "PYTHONPATH": str(_REPO), **env},
            capture_output=True, text=True, timeout=60,
        )

    def test_writes_the_zip_and_says_where(self, tmp_path: Path):
        uit = self._run(tmp_path, ENV)
        assert uit.returncode == 0, uit.stderr
        assert f"written to {tmp_path / 'app.zip'}" in uit.stdout
        assert zipfile.is_zipfile(tmp_path / "app.zip")

    def test_refuses_with_the_reasons_and_no_traceback(self, tmp_path: Path):
        uit = self._run(tmp_path, {**ENV, "TEAMS_PRIVACY_URL": "http://example.nl"})
        assert uit.returncode == 2
        assert "cannot build the Teams app package:\n- TEAMS_PRIVACY_URL must be an https:// address" in uit.stderr
        assert "Traceback" not in uit.stderr
        assert not (tmp_path / "app.zip").exists()
