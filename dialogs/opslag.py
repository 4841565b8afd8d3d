"""What the dialogs need from the outside world, as small protocols that bot/ implements.

Dialogs never import bot/ (DESIGN.md): the record store, the proactive sender and the clock are
passed in through `Diensten`, so tests can run the real dialogs on a real store or on a fake.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol

from knowledge.aanmelding import Aanmelding, Melder
from knowledge.signaal import Signaal


@dataclass(frozen=True)
class Telling:
    """How many aanmeldingen of one doelgroep one gemeente had in one year (the annual reports' tables)."""

    jaar: int
    gemeente: str
    doelgroep: str
    aantal: int


class Aanmeldingen(Protocol):
    """The aanmeldingen store. Every method that returns a record writes an audit event for it;
    a record the reader may not see is returned as None, exactly like an unknown reference."""

    async def bevestig(
        self, concept_id: str, concept: Mapping[str, Any], melder: Melder, adres: Mapping[str, Any],
        criteria_uitkomst: str | None,
    ) -> Aanmelding:
        """Store a confirmed concept in one transaction with the next gap-free reference of its
        region and year. Idempotent by concept_id: confirming the same concept twice returns the
        first aanmelding. `adres` is the melder's conversation reference, for status messages."""
        ...

    async def voor_concept(self, concept_id: str, melder_id: str) -> Aanmelding | None:
        """The aanmelding confirmed from this concept by this melder; None when there is none, or it
        is another melder's (a forged concept id learns nothing)."""
        ...

    async def van_melder(self, melder_id: str) -> list[Aanmelding]:
        """The melder's own aanmeldingen, newest first."""
        ...

    async def open(self, referentie: str, lezer_id: str, huizen: tuple[str, ...] | None) -> Aanmelding | None:
        """One aanmelding: for a professional (huizen None) only their own; for a ZVH-medewerker
        those of their Veiligheidshuizen (an empty tuple: all)."""
        ...

    async def werkvoorraad(self, medewerker_id: str, huizen: tuple[str, ...]) -> list[Aanmelding]:
        """The aanmeldingen not yet afgesloten of these Veiligheidshuizen (empty: all), oldest first."""
        ...

    async def zet_status(
        self, referentie: str, medewerker_id: str, huizen: tuple[str, ...], status: str,
        vervolgactie: str | None = None, notitie: str | None = None, verwacht_status: str | None = None,
    ) -> Aanmelding | None:
        """Change the status (and vervolgactie, notitie: None leaves them as they are) as a
        ZVH-medewerker; with verwacht_status only when it is still in that status (else returned
        unchanged). None when not allowed."""
        ...

    async def adres_van(self, referentie: str) -> dict[str, Any] | None:
        """The melder's conversation reference, to tell them that the status changed."""
        ...

    async def cijfers(self, jaar: int) -> list[Telling]:
        """Aanmeldingen per doelgroep per gemeente in that year (erased ones still count)."""
        ...


class Signalen(Protocol):
    """The recorded signals. Like Aanmeldingen: audited, and None for what the reader may not see."""

    async def vastleggen(
        self, concept_id: str, soort: str, gemeente: str, veiligheidshuis: str, samenvatting: str,
        melder_id: str, melder_naam: str,
    ) -> Signaal:
        """Store a signal with the next reference of its house and year ('SIG-MH-2026-000001').
        Idempotent by concept_id, like Aanmeldingen.bevestig: recording the same concept again (a
        retried turn, a click after the state was lost) returns the first signal."""
        ...

    async def voor_concept(self, concept_id: str, melder_id: str) -> Signaal | None:
        """The signal recorded from this concept by this melder; None when there is none, or it is
        another melder's (a forged concept id learns nothing)."""
        ...

    async def open_signalen(self, medewerker_id: str, huizen: tuple[str, ...]) -> list[Signaal]:
        """The signals not yet afgehandeld of these Veiligheidshuizen (empty: all), oldest first."""
        ...

    async def handel_af(self, referentie: str, medewerker_id: str, huizen: tuple[str, ...]) -> Signaal | None:
        """Mark a signal afgehandeld as a ZVH-medewerker of its house; None when not allowed or unknown."""
        ...


class Melding(Protocol):
    """Sends a message to a conversation the bot is not in right now (a proactive message)."""

    async def __call__(self, adres: Mapping[str, Any], tekst: str) -> None: ...


@dataclass(frozen=True)
class Diensten:
    """The outside world for the dialogs: stores, proactive sender, ZVH-medewerkers, meldpunt
    conversations, clock."""

    aanmeldingen: Aanmeldingen
    signalen: Signalen
    melding: Melding
    # Teams user id -> the Veiligheidshuizen (codes) that medewerker triages; an empty tuple: all.
    medewerkers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Where a recorded signal is posted: "MH" or "MH/radicalisering" (house, or house and kind)
    # -> a conversation reference (a meldpunt's Teams channel). The most specific key wins.
    meldpunt_gesprekken: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    klok: Callable[[], datetime] = lambda: datetime.now(UTC)

    def vandaag(self) -> date:
        return self.klok().date()

    def meldpunt_gesprek(self, huis: str, soort: str) -> Mapping[str, Any] | None:
        """The configured conversation of the meldpunt for this house and kind of signal, if any."""
        return self.meldpunt_gesprekken.get(f"{huis}/{soort}") or self.meldpunt_gesprekken.get(huis)

    def huizen_van(self, user_id: str) -> tuple[str, ...] | None:
        """The houses this user triages, or None when the user is not a ZVH-medewerker."""
        return self.medewerkers.get(user_id)
