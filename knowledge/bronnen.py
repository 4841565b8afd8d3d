"""Source citations as people read them: "000_….txt §Aanpak" -> "Jaarverslag 2014 … – Aanpak"."""

from __future__ import annotations

from functools import cache

from knowledge.bestanden import KennisFout, parse_toml, read_text, require_text

_BESTAND = "bronnen.toml"
_SCHEIDING = "; "


def parse_bronnen(naam: str, tekst: str) -> dict[str, str]:
    """File name -> document title, each file once."""
    titels: dict[str, str] = {}
    for index, record in enumerate(parse_toml(naam, tekst).get("bron", []), start=1):
        bestand = require_text(naam, f"bron #{index}", record, "bestand")
        if bestand in titels:
            raise KennisFout(naam, bestand, "staat er twee keer in")
        titels[bestand] = require_text(naam, bestand, record, "titel")
    return titels


@cache
def load_bronnen() -> dict[str, str]:
    """The titles of knowledge/data/bronnen.toml."""
    return parse_bronnen(_BESTAND, read_text(_BESTAND))


def leesbaar(bron: str, titels: dict[str, str] | None = None) -> str:
    """Every "<file> §<section>" in a citation with the document's title instead of its file name;
    public sources (web addresses) and unknown files stay as they are."""
    titels = load_bronnen() if titels is None else titels
    delen = []
    for deel in bron.split(_SCHEIDING):
        bestand, _, sectie = deel.strip().partition(" §")
        titel = titels.get(bestand)
        delen.append(f"{titel} – {sectie}" if titel and sectie else titel or deel.strip())
    return _SCHEIDING.join(delen)
