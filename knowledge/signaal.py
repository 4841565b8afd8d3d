"""A recorded signal: what the professional saw, routed to the Veiligheidshuis of the gemeente.

Only the kind, the gemeente and a short summary without names; the same free-text rules as the
aanmelding (no BSN, e-mail address or phone number: knowledge.aanmelding.persoonsgegevens_in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from knowledge.aanmelding import LEEG, TE_LANG, Invoerfout, persoonsgegevens_in

SAMENVATTING = "samenvatting"
MAX_SAMENVATTING = 500
# Status of a recorded signal: new until a ZVH-medewerker has handled it.
NIEUW = "nieuw"
AFGEHANDELD = "afgehandeld"
SIGNAALSTATUSSEN = (NIEUW, AFGEHANDELD)


@dataclass(frozen=True)
class Signaal:
    """A recorded signal as the store returns it; after the retention period the summary and the
    melder are erased (gewist set, texts empty)."""

    referentie: str
    aangemaakt: datetime
    soort: str  # a knowledge.meldpunten Signaalsoort code
    gemeente: str
    veiligheidshuis: str
    samenvatting: str
    melder_id: str
    melder_naam: str
    status: str
    afgehandeld: datetime | None = None
    gewist: datetime | None = None


def maak_signaalreferentie(huis: str, jaar: int, volgnummer: int) -> str:
    """'SIG-MH-2026-000042': recognisably not an aanmelding (ZVH-...)."""
    return f"SIG-{huis}-{jaar}-{volgnummer:06d}"


def valideer_samenvatting(tekst: object) -> tuple[str, Invoerfout | None]:
    """The summary stripped, or what is wrong with it: empty, too long, or personal data in it."""
    if not isinstance(tekst, str) or not tekst.strip():
        return "", Invoerfout(SAMENVATTING, LEEG)
    tekst = tekst.strip()
    if len(tekst) > MAX_SAMENVATTING:
        return "", Invoerfout(SAMENVATTING, TE_LANG, {"max": MAX_SAMENVATTING})
    gevonden = persoonsgegevens_in(tekst)
    if gevonden:
        return "", Invoerfout(SAMENVATTING, gevonden[0])
    return tekst, None
