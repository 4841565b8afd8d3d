"""Reading the knowledge data files: TOML under knowledge/data, validated by the caller."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


class KennisFout(ValueError):
    """A data file is broken; the message names the file, the entry and the reason."""

    def __init__(self, bestand: str, entry: str, reden: str) -> None:
        super().__init__(f"{bestand}: {entry}: {reden}")
        self.bestand = bestand
        self.entry = entry
        self.reden = reden


def read_text(naam: str) -> str:
    """The text of knowledge/data/<naam>."""
    return (resources.files("knowledge") / "data" / naam).read_text(encoding="utf-8")


def load_toml(naam: str) -> dict[str, Any]:
    """Parse knowledge/data/<naam>; a syntax error becomes a KennisFout naming the file."""
    return parse_toml(naam, read_text(naam))


def parse_toml(naam: str, tekst: str) -> dict[str, Any]:
    """Parse TOML text that claims to be the data file <naam> (tests feed broken copies)."""
    try:
        return tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        raise KennisFout(naam, "(bestand)", f"geen geldige TOML: {fout}") from fout


def require_text(bestand: str, entry: str, record: dict[str, Any], veld: str) -> str:
    """A non-empty string field of a data record, or a KennisFout saying which one is missing."""
    waarde = record.get(veld)
    if not isinstance(waarde, str) or not waarde.strip():
        raise KennisFout(bestand, entry, f"veld '{veld}' ontbreekt of is leeg")
    return waarde.strip()


def optional_text(bestand: str, entry: str, record: dict[str, Any], veld: str) -> str:
    """An optional text field: "" when absent, a KennisFout when present but not a non-empty text."""
    if veld not in record:
        return ""
    waarde = record[veld]
    if not isinstance(waarde, str) or not waarde.strip():
        raise KennisFout(bestand, entry, f"veld '{veld}' moet een niet-lege tekst zijn (laat het weg als onbekend)")
    return waarde.strip()
