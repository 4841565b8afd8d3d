"""The store of recorded signals on SQL (SQLite or PostgreSQL): gap-free references per house and
year, one signal per concept id, authorisation, an audit event for every read and change, and
erasure after the retention period.

Built like bot/aanmeldingen.py: every method is one transaction that on SQLite takes the write lock
at its start (BEGIN IMMEDIATE); the numbers come from the same referentie_teller table, counted
under "SIG-<huis>" so they can never clash with the aanmeldingen of that house ("<huis>").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from bot.aanmeldingen import (
    AANGEMAAKT,
    GELEZEN,
    GEWEIGERD,
    GEWIJZIGD,
    NEDERLAND,
    RecordStore,
    _audit,
    _utc,
    _volgend_nummer,
)
from bot.config import HUIZEN
from bot.models import SignaalRow
from knowledge.signaal import AFGEHANDELD, NIEUW, Signaal, maak_signaalreferentie

_SIGNAAL = SignaalRow.__table__

# The columns purge() sets to NULL: what the professional wrote and who they are.
PERSOONLIJKE_KOLOMMEN = ("samenvatting", "melder_id", "melder_naam")


def teller_sleutel(huis: str) -> str:
    """The referentie_teller key of a house's signals: the prefix of their references ("SIG-MH")."""
    return f"SIG-{huis}"


class SignaalStore(RecordStore):
    """dialogs.opslag.Signalen on an AsyncEngine, plus the retention jobs purge() and
    open_over_termijn() that `python -m bot purge` runs (bot/bewaartermijn.py)."""

    async def vastleggen(
        self, concept_id: str, soort: str, gemeente: str, veiligheidshuis: str, samenvatting: str,
        melder_id: str, melder_naam: str,
    ) -> Signaal:
        """Store a signal with the next reference of its house and year ('SIG-MH-2026-000001'), in
        one transaction: a failure gives the number back. The same concept_id again returns the stored
        signal (its first summary) and uses no number. ValueError names a missing field, never its value."""
        for naam, waarde in (("concept_id", concept_id), ("soort", soort), ("gemeente", gemeente),
                             ("samenvatting", samenvatting), ("melder_id", melder_id)):
            if not isinstance(waarde, str) or not waarde.strip():
                raise ValueError(f"vastleggen(): {naam} is required")
        if veiligheidshuis not in HUIZEN:
            raise ValueError(f"vastleggen(): unknown Veiligheidshuis; one of {', '.join(HUIZEN)}")

        def nieuw(conn: Connection, nu: datetime) -> dict[str, Any]:
            # The year as the Veiligheidshuis counts it: 00:30 on 1 January in Limburg is the new year.
            jaar = nu.astimezone(NEDERLAND).year
            nummer = _volgend_nummer(conn, teller_sleutel(veiligheidshuis), jaar)
            rij = {
                "referentie": maak_signaalreferentie(veiligheidshuis, jaar, nummer),
                "concept_id": concept_id,
                "aangemaakt": nu,
                "jaar": jaar,
                "soort": soort,
                "gemeente": gemeente,
                "veiligheidshuis": veiligheidshuis,
                "status": NIEUW,
                "afgehandeld": None,
                "gewist": None,
                "samenvatting": samenvatting,
                "melder_id": melder_id,
                "melder_naam": melder_naam,
            }
            conn.execute(insert(_SIGNAAL).values(**rij))
            _audit(
                conn, nu, melder_id, AANGEMAAKT, [rij["referentie"]],
                f"soort={soort};veiligheidshuis={veiligheidshuis}",
            )
            return rij

        return _naar_signaal(await self._eenmalig(_SIGNAAL, concept_id, melder_id, "vastleggen", nieuw))

    async def voor_concept(self, concept_id: str, melder_id: str) -> Signaal | None:
        """The signal recorded from this concept, if this melder recorded it (audited); None for an
        unknown concept and for another melder's, so a forged concept id learns nothing."""
        rij = await self._voor_concept(_SIGNAAL, concept_id, melder_id)
        return _naar_signaal(rij) if rij is not None else None

    async def open_signalen(self, medewerker_id: str, huizen: tuple[str, ...]) -> list[Signaal]:
        """The signals not yet afgehandeld of these Veiligheidshuizen (empty: all), oldest first."""
        voorwaarden = [_SIGNAAL.c.status == NIEUW]
        if huizen:
            voorwaarden.append(_SIGNAAL.c.veiligheidshuis.in_(huizen))

        def lees(conn: Connection) -> list[dict[str, Any]]:
            rijen = conn.execute(
                select(_SIGNAAL).where(*voorwaarden).order_by(_SIGNAAL.c.aangemaakt.asc(), _SIGNAAL.c.id.asc())
            )
            signalen = [dict(r) for r in rijen.mappings()]
            _audit(conn, self._nu(), medewerker_id, GELEZEN, [r["referentie"] for r in signalen], "open_signalen")
            return signalen

        return [_naar_signaal(r) for r in await self._transactie(lees)]

    async def handel_af(self, referentie: str, medewerker_id: str, huizen: tuple[str, ...]) -> Signaal | None:
        """Mark a signal afgehandeld as a ZVH-medewerker of its house (huizen empty: all). None when
        unknown or not allowed (the refusal audited); one already afgehandeld is returned unchanged."""
        nu = self._nu()

        def wijzig(conn: Connection) -> dict[str, Any] | None:
            gevonden = (
                conn.execute(select(_SIGNAAL).where(_SIGNAAL.c.referentie == referentie).with_for_update())
            ).mappings().first()
            if gevonden is None:
                return None
            rij = dict(gevonden)
            if huizen and rij["veiligheidshuis"] not in huizen:
                _audit(conn, nu, medewerker_id, GEWEIGERD, [referentie], "handel_af")
                return None
            if rij["status"] == AFGEHANDELD:
                # A second click: nothing changes, the first afgehandeld time stays.
                _audit(conn, nu, medewerker_id, GELEZEN, [referentie], "handel_af")
                return rij
            wijziging = {"status": AFGEHANDELD, "afgehandeld": nu}
            conn.execute(update(_SIGNAAL).where(_SIGNAAL.c.id == rij["id"]).values(**wijziging))
            _audit(conn, nu, medewerker_id, GEWIJZIGD, [referentie], f"status={AFGEHANDELD}")
            return {**rij, **wijziging}

        rij = await self._transactie(wijzig)
        return _naar_signaal(rij) if rij is not None else None

    async def purge(self, maanden: int) -> int:
        """Erase summary and melder of signals afgehandeld more than `maanden` calendar months ago
        (audit "gewist" by the system); returns how many were erased now."""
        return await self._wis(
            _SIGNAAL, _SIGNAAL.c.status == AFGEHANDELD, _SIGNAAL.c.afgehandeld, PERSOONLIJKE_KOLOMMEN, maanden
        )

    async def open_over_termijn(self, maanden: int) -> dict[str, int]:
        """Per Veiligheidshuis, the signals not afgehandeld for more than `maanden` calendar months
        since they were recorded (an open signal has no other change): purge() does not erase them,
        `python -m bot purge` reports them."""
        return await self._open_over_termijn(_SIGNAAL, _SIGNAAL.c.status != AFGEHANDELD, _SIGNAAL.c.aangemaakt, maanden)


def _naar_signaal(rij: Mapping[str, Any]) -> Signaal:
    """A row as knowledge's Signaal; erased texts become "" as its docstring says."""
    return Signaal(
        referentie=rij["referentie"],
        aangemaakt=_utc(rij["aangemaakt"]),
        soort=rij["soort"],
        gemeente=rij["gemeente"],
        veiligheidshuis=rij["veiligheidshuis"],
        samenvatting=rij["samenvatting"] or "",
        melder_id=rij["melder_id"] or "",
        melder_naam=rij["melder_naam"] or "",
        status=rij["status"],
        afgehandeld=_utc(rij["afgehandeld"]),
        gewist=_utc(rij["gewist"]),
    )
