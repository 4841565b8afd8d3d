"""The retention policy `python -m bot purge` carries out (run it daily), with one period,
BEWAARTERMIJN_MAANDEN (calendar months):

- an aanmelding afgesloten, or a signal afgehandeld, longer ago than the period: its personal fields
  are erased; what the figures count (gemeente, doelgroep, kind, house, year) stays;
- an aanmelding or signal still open whose last change is older than the period is NOT erased but
  counted per Veiligheidshuis in the output, so the ZVH closes it or, for a case that still runs,
  updates it (a status or a note restarts the count);
- an audit event older than the period is deleted once its record holds no personal data any more;
- conversation state untouched for 30 days (half-filled forms) is deleted.

Why open records are reported and not erased: the AVG asks "passende bewaartermijnen" (art. 5 lid 1
sub e, opslagbeperking) and also juistheid (sub d), and the ZVH processes a case "ten dienste en onder
verantwoordelijkheid van de ketenpartner die de casus aanbrengt" (handvat gegevensdeling; both in
../shared/DOMAIN-FACTS.md §7.2). Erasing a case that is still running, on a clock alone, would
destroy what the partners still act on; and the period here counts from the end of a case, so an
open one has no end to count from: it needs a person's decision.

Why audit events go: they name professionals (Teams ids); once the record they describe is erased
they link to nobody's case. Each stays at least one period, so an erasure (itself an event) can be
shown for a period after it happened.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.aanmeldingen import AanmeldingStore
from bot.config import HUIZEN
from bot.signalen import SignaalStore


@dataclass(frozen=True)
class Opruiming:
    """What one purge did, and what it left for people to decide (counts only, no personal data)."""

    maanden: int
    aanmeldingen_gewist: int
    signalen_gewist: int
    audit_verwijderd: int
    toestanden_verwijderd: int
    # Veiligheidshuis -> open aanmeldingen / signals with no change for longer than the period.
    open_aanmeldingen: Mapping[str, int] = field(default_factory=dict)
    open_signalen: Mapping[str, int] = field(default_factory=dict)

    def regels(self) -> list[str]:
        """The lines `python -m bot purge` prints: what was erased, then one line per house with
        open records past the period."""
        regels = [
            f"purge: {self.aanmeldingen_gewist} aanmeldingen gewist, {self.signalen_gewist} signalen gewist, "
            f"{self.audit_verwijderd} auditgebeurtenissen verwijderd, "
            f"{self.toestanden_verwijderd} oude gesprekstoestanden verwijderd"
        ]
        for huis in sorted({*self.open_aanmeldingen, *self.open_signalen}, key=_volgorde):
            regels.append(
                f"purge: {huis}: {self.open_aanmeldingen.get(huis, 0)} aanmeldingen en "
                f"{self.open_signalen.get(huis, 0)} signalen open zonder wijziging sinds meer dan "
                f"{self.maanden} maanden, niet gewist: sluit ze af in de werkvoorraad"
            )
        return regels


async def purge(
    engine: AsyncEngine, maanden: int, klok: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> Opruiming:
    """Carry out the policy above once (each step its own transaction; running it again is harmless)."""
    aanmeldingen, signalen = AanmeldingStore(engine, klok=klok), SignaalStore(engine, klok=klok)
    aanmeldingen_gewist = await aanmeldingen.purge(maanden)
    signalen_gewist = await signalen.purge(maanden)
    # After the erasures: the events of what was erased just now may go in this same run.
    audit_verwijderd = await aanmeldingen.ruim_audit_op(maanden)
    return Opruiming(
        maanden=maanden,
        aanmeldingen_gewist=aanmeldingen_gewist,
        signalen_gewist=signalen_gewist,
        audit_verwijderd=audit_verwijderd,
        toestanden_verwijderd=await aanmeldingen.ruim_oude_state_op(),
        open_aanmeldingen=await aanmeldingen.open_over_termijn(maanden),
        open_signalen=await signalen.open_over_termijn(maanden),
    )


def _volgorde(huis: str) -> tuple[int, str]:
    return (HUIZEN.index(huis), huis) if huis in HUIZEN else (len(HUIZEN), huis)
