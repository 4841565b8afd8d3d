"""The aanmeldingen store on SQL (SQLite or PostgreSQL): gap-free references, authorisation,
an audit event for every read and change, and erasure after the retention period.

Every method is one transaction (database.in_transactie), written as a plain function of a
connection. On SQLite that transaction takes the write lock at its start (BEGIN IMMEDIATE), because
every method writes at least an audit event after it reads; on PostgreSQL the counter row's lock
serialises confirmations of one region and year.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Column, ColumnElement, Table, delete, exists, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import database
from bot.models import AanmeldingRow, AuditEventRow, ReferentieTellerRow, SignaalRow, StateRow
from dialogs.opslag import Telling
from knowledge.aanmelding import (
    AFGESLOTEN,
    DOELGROEP,
    GEBOORTEJAAR,
    GEINFORMEERD,
    GEMEENTE,
    GEZIN_MET_KINDEREN,
    INITIALEN,
    LEEFGEBIEDEN,
    ONTVANGEN,
    ORGANISATIE,
    PARTNERS,
    REDEN_NIET_GEINFORMEERD,
    SITUATIE,
    STAGNATIE,
    STATUSSEN,
    TELEFOON,
    URGENTIE,
    Aanmelding,
    Melder,
    maak_referentie,
)

NEDERLAND = ZoneInfo("Europe/Amsterdam")
T = TypeVar("T")
# audit_event.actie values, and the wie of what the bot does by itself.
AANGEMAAKT = "aangemaakt"
GELEZEN = "gelezen"
GEWIJZIGD = "gewijzigd"
GEWEIGERD = "geweigerd"
GEWIST = "gewist"
SYSTEEM = "systeem"

_AANMELDING = AanmeldingRow.__table__
_TELLER = ReferentieTellerRow.__table__
_AUDIT = AuditEventRow.__table__
_STATE = StateRow.__table__
_SIGNAAL = SignaalRow.__table__

# The columns purge() sets to NULL: everything that says who registered or who the case is about.
PERSOONLIJKE_KOLOMMEN = (
    "melder_id", "melder_naam", "melder_organisatie", "melder_telefoon", "initialen", "geboortejaar",
    "gezin_met_kinderen", "leefgebieden", "situatie", "partners", "stagnatie", "geinformeerd",
    "reden_niet_geinformeerd", "notitie", "adres",
)


def _utc_nu() -> datetime:
    return datetime.now(UTC)


class RecordStore:
    """What the record stores share: the engine, the clock, and one transaction per call."""

    def __init__(self, engine: AsyncEngine, klok: Callable[[], datetime] = _utc_nu) -> None:
        self._engine = engine
        self._klok = klok

    def _nu(self) -> datetime:
        # Stored in UTC: SQLite keeps datetimes as text without an offset, so all must share one.
        return _utc(self._klok())

    async def _transactie(self, werk: Callable[[Connection], T]) -> T:
        return await database.in_transactie(self._engine, werk)

    async def _eenmalig(
        self, tabel: Table, concept_id: str, melder_id: str, actie: str,
        nieuw: Callable[[Connection, datetime], dict[str, Any]],
    ) -> dict[str, Any]:
        """The row `nieuw` inserts for `concept_id` (with its number and audit event), in one
        transaction; when that concept is stored already, the stored row, audited as read, and no
        number used. ValueError (the refusal audited) when the concept is another melder's."""
        nu = self._nu()

        def opslaan(conn: Connection) -> dict[str, Any] | None:
            bestaand = _met_concept(conn, tabel, concept_id)
            if bestaand is None:
                return nieuw(conn, nu)
            return _eigen_rij(conn, nu, bestaand, melder_id, actie)

        def opgeslagen(conn: Connection) -> dict[str, Any] | None:
            bestaand = _met_concept(conn, tabel, concept_id)
            if bestaand is None:
                raise LookupError(concept_id)
            return _eigen_rij(conn, nu, bestaand, melder_id, actie)

        try:
            rij = await self._transactie(opslaan)
        except IntegrityError as fout:
            # A concurrent confirmation of this concept committed first (PostgreSQL); our transaction,
            # and the number it took, rolled back. Any other integrity error is not ours to hide.
            try:
                rij = await self._transactie(opgeslagen)
            except LookupError:
                raise fout from None
        if rij is None:
            raise ValueError(f"{actie}(): this concept_id belongs to a record of another melder")
        return rij

    async def _voor_concept(self, tabel: Table, concept_id: str, melder_id: str) -> dict[str, Any] | None:
        """The row stored for `concept_id` when `melder_id` stored it, audited as read; None for an
        unknown concept, and (the refusal audited) for another melder's or an erased one."""
        if not concept_id or not melder_id:
            return None

        def lees(conn: Connection) -> dict[str, Any] | None:
            bestaand = _met_concept(conn, tabel, concept_id)
            if bestaand is None:
                return None
            return _eigen_rij(conn, self._nu(), bestaand, melder_id, "voor_concept")

        return await self._transactie(lees)

    async def _wis(
        self, tabel: Table, klaar: ColumnElement[bool], sinds: Column[Any], kolommen: Iterable[str], maanden: int,
        tijdstempels: Iterable[str] = (),
    ) -> int:
        """Erase `kolommen` of the rows that are `klaar` since more than `maanden` calendar months
        (`sinds`) and not erased yet; audit "gewist" by the system; how many were erased now."""
        if maanden < 1:
            raise ValueError("purge(): the retention period is at least one month")
        nu = self._nu()

        def wis(conn: Connection) -> int:
            gewist = conn.execute(
                update(tabel)
                .where(klaar, sinds < _maanden_terug(nu, maanden), tabel.c.gewist.is_(None))
                .values(**dict.fromkeys(kolommen), gewist=nu, **dict.fromkeys(tijdstempels, nu))
                .returning(tabel.c.referentie)
            )
            referenties = sorted(gewist.scalars())
            _audit(conn, nu, SYSTEEM, GEWIST, referenties, f"bewaartermijn={maanden} maanden")
            return len(referenties)

        return await self._transactie(wis)


    async def _open_over_termijn(
        self, tabel: Table, open_: ColumnElement[bool], sinds: Column[Any], maanden: int
    ) -> dict[str, int]:
        """Per Veiligheidshuis, how many rows are still open with no change (`sinds`) for more than
        `maanden` calendar months. Counts only: no personal field is read, so nothing is audited."""
        if maanden < 1:
            raise ValueError("open_over_termijn(): the retention period is at least one month")
        grens = _maanden_terug(self._nu(), maanden)
        async with self._engine.connect() as conn:
            rijen = await conn.execute(
                select(tabel.c.veiligheidshuis, func.count())
                .where(open_, sinds < grens, tabel.c.gewist.is_(None))
                .group_by(tabel.c.veiligheidshuis)
            )
            return {huis: aantal for huis, aantal in rijen}

    async def ruim_audit_op(self, maanden: int) -> int:
        """Delete the audit events older than `maanden` calendar months whose aanmelding or signal
        holds no personal data any more (erased, or not there); how many were deleted.

        An event names a professional (their Teams id), so it is not kept forever; but while its
        record still holds personal data, who read or changed it must stay answerable."""
        if maanden < 1:
            raise ValueError("ruim_audit_op(): the retention period is at least one month")
        niet_meer_persoonlijk = [
            ~exists().where(tabel.c.referentie == _AUDIT.c.referentie, tabel.c.gewist.is_(None))
            for tabel in (_AANMELDING, _SIGNAAL)
        ]
        grens = _maanden_terug(self._nu(), maanden)
        weg = delete(_AUDIT).where(_AUDIT.c.wanneer < grens, *niet_meer_persoonlijk)
        return await self._transactie(lambda conn: conn.execute(weg).rowcount)


class AanmeldingStore(RecordStore):
    """dialogs.opslag.Aanmeldingen on an AsyncEngine, plus the retention jobs purge(),
    open_over_termijn() and ruim_oude_state_op() that `python -m bot purge` runs (bot/bewaartermijn.py)."""

    async def bevestig(
        self, concept_id: str, concept: Mapping[str, Any], melder: Melder, adres: Mapping[str, Any],
        criteria_uitkomst: str | None,
    ) -> Aanmelding:
        """Store a confirmed concept with the next reference of its region and year, in one
        transaction; the same concept_id again returns the stored aanmelding and uses no number."""
        if not concept_id:
            raise ValueError("bevestig(): concept_id is required")
        if not melder.teams_id:
            raise ValueError("bevestig(): the melder's Teams id is required")
        waarden = _kolommen(concept, melder, adres, criteria_uitkomst)

        def nieuw(conn: Connection, nu: datetime) -> dict[str, Any]:
            # The year as the Veiligheidshuis counts it: 00:30 on 1 January in Limburg is the new year.
            huis, jaar = waarden["veiligheidshuis"], nu.astimezone(NEDERLAND).year
            referentie = maak_referentie(huis, jaar, _volgend_nummer(conn, huis, jaar))
            rij = {
                **waarden, "referentie": referentie, "concept_id": concept_id, "aangemaakt": nu,
                "jaar": jaar, "status": ONTVANGEN, "bijgewerkt": nu,
            }
            conn.execute(insert(_AANMELDING).values(**rij))
            _audit(conn, nu, melder.teams_id, AANGEMAAKT, [referentie], f"veiligheidshuis={huis}")
            return rij

        return _naar_aanmelding(await self._eenmalig(_AANMELDING, concept_id, melder.teams_id, "bevestig", nieuw))

    async def voor_concept(self, concept_id: str, melder_id: str) -> Aanmelding | None:
        """The aanmelding confirmed from this concept, if this melder confirmed it (audited); None for
        an unknown concept and for another melder's, so a forged concept id learns nothing."""
        rij = await self._voor_concept(_AANMELDING, concept_id, melder_id)
        return _naar_aanmelding(rij) if rij is not None else None

    async def van_melder(self, melder_id: str) -> list[Aanmelding]:
        """The melder's own aanmeldingen, newest first (erased ones no longer have a melder)."""

        def lees(conn: Connection) -> list[dict[str, Any]]:
            rijen = _alle(
                conn, _AANMELDING.c.melder_id == melder_id,
                volgorde=(_AANMELDING.c.aangemaakt.desc(), _AANMELDING.c.id.desc()),
            )
            _audit(conn, self._nu(), melder_id, GELEZEN, [r["referentie"] for r in rijen], "van_melder")
            return rijen

        return [_naar_aanmelding(r) for r in await self._transactie(lees)]

    async def open(self, referentie: str, lezer_id: str, huizen: tuple[str, ...] | None) -> Aanmelding | None:
        """One aanmelding if the reader may see it: their own, or (huizen not None) one of these
        Veiligheidshuizen, an empty tuple meaning all. Refused and unknown both give None."""

        def lees(conn: Connection) -> dict[str, Any] | None:
            rij = _eerste(conn, _AANMELDING.c.referentie == referentie)
            if rij is None:
                return None
            if not _mag_lezen(rij, lezer_id, huizen):
                _audit(conn, self._nu(), lezer_id, GEWEIGERD, [referentie], "open")
                return None
            _audit(conn, self._nu(), lezer_id, GELEZEN, [referentie], "open")
            return rij

        rij = await self._transactie(lees)
        return _naar_aanmelding(rij) if rij is not None else None

    async def werkvoorraad(self, medewerker_id: str, huizen: tuple[str, ...]) -> list[Aanmelding]:
        """The aanmeldingen not yet afgesloten of these Veiligheidshuizen (empty: all), oldest first."""
        voorwaarden = [_AANMELDING.c.status != AFGESLOTEN]
        if huizen:
            voorwaarden.append(_AANMELDING.c.veiligheidshuis.in_(huizen))

        def lees(conn: Connection) -> list[dict[str, Any]]:
            rijen = _alle(conn, *voorwaarden, volgorde=(_AANMELDING.c.aangemaakt.asc(), _AANMELDING.c.id.asc()))
            _audit(conn, self._nu(), medewerker_id, GELEZEN, [r["referentie"] for r in rijen], "werkvoorraad")
            return rijen

        return [_naar_aanmelding(r) for r in await self._transactie(lees)]

    async def zet_status(
        self, referentie: str, medewerker_id: str, huizen: tuple[str, ...], status: str,
        vervolgactie: str | None = None, notitie: str | None = None, verwacht_status: str | None = None,
    ) -> Aanmelding | None:
        """Change the status as a ZVH-medewerker of the aanmelding's house (huizen empty: all).
        vervolgactie and notitie None leave those unchanged ("" clears the note). With verwacht_status,
        only an aanmelding still in that status changes; otherwise it comes back as it is. None when
        unknown, not allowed or erased."""
        if status not in STATUSSEN:
            raise ValueError(f"zet_status(): unknown status {status!r}; one of {', '.join(STATUSSEN)}")
        nu = self._nu()

        def wijzig(conn: Connection) -> dict[str, Any] | None:
            rij = _eerste(conn, _AANMELDING.c.referentie == referentie, voor_wijziging=True)
            if rij is None:
                return None
            if huizen and rij["veiligheidshuis"] not in huizen:
                _audit(conn, nu, medewerker_id, GEWEIGERD, [referentie], "zet_status")
                return None
            if rij["gewist"] is not None:
                # A note on an erased aanmelding would bring personal data back after its retention.
                _audit(conn, nu, medewerker_id, GEWEIGERD, [referentie], "zet_status;gewist")
                return None
            if verwacht_status is not None and rij["status"] != verwacht_status:
                # Someone else changed it first (or the card was old): nothing is overwritten.
                _audit(conn, nu, medewerker_id, GELEZEN, [referentie], "zet_status;status veranderd")
                return rij
            wijziging: dict[str, Any] = {
                "status": status,
                "bijgewerkt": nu,
                "afgesloten": (rij["afgesloten"] or nu) if status == AFGESLOTEN else None,
            }
            if vervolgactie is not None:
                wijziging["vervolgactie"] = vervolgactie
            if notitie is not None:
                wijziging["notitie"] = notitie
            conn.execute(update(_AANMELDING).where(_AANMELDING.c.id == rij["id"]).values(**wijziging))
            nieuw = {**rij, **wijziging}
            detail = f"status={status};vervolgactie={nieuw['vervolgactie'] or ''}" + (
                ";notitie" if notitie is not None else ""
            )
            _audit(conn, nu, medewerker_id, GEWIJZIGD, [referentie], detail)
            return nieuw

        rij = await self._transactie(wijzig)
        return _naar_aanmelding(rij) if rij is not None else None

    async def adres_van(self, referentie: str) -> dict[str, Any] | None:
        """The melder's conversation reference, to tell them the status changed (None once erased)."""
        async with self._engine.connect() as conn:
            adres = await conn.scalar(select(_AANMELDING.c.adres).where(_AANMELDING.c.referentie == referentie))
        return json.loads(adres) if adres else None

    async def cijfers(self, jaar: int) -> list[Telling]:
        """Aanmeldingen per gemeente and doelgroep in that year, erased ones included, sorted."""
        async with self._engine.connect() as conn:
            rijen = await conn.execute(
                select(_AANMELDING.c.gemeente, _AANMELDING.c.doelgroep, func.count())
                .where(_AANMELDING.c.jaar == jaar)
                .group_by(_AANMELDING.c.gemeente, _AANMELDING.c.doelgroep)
            )
            # Sorted here, not in SQL: PostgreSQL's collation and SQLite's byte order disagree.
            tellingen = [Telling(jaar, gemeente, doelgroep, aantal) for gemeente, doelgroep, aantal in rijen]
        return sorted(tellingen, key=lambda t: (t.gemeente, t.doelgroep))

    async def purge(self, maanden: int) -> int:
        """Erase the personal fields of aanmeldingen afgesloten more than `maanden` calendar months
        ago (audit "gewist" by the system); returns how many were erased now."""
        return await self._wis(
            _AANMELDING, _AANMELDING.c.status == AFGESLOTEN, _AANMELDING.c.afgesloten, PERSOONLIJKE_KOLOMMEN,
            maanden, tijdstempels=("bijgewerkt",),
        )

    async def open_over_termijn(self, maanden: int) -> dict[str, int]:
        """Per Veiligheidshuis, the aanmeldingen not afgesloten and not changed for more than `maanden`
        calendar months: purge() never erases an open case, so `python -m bot purge` reports them."""
        return await self._open_over_termijn(
            _AANMELDING, _AANMELDING.c.status != AFGESLOTEN, _AANMELDING.c.bijgewerkt, maanden
        )

    async def ruim_oude_state_op(self, dagen: int = 30) -> int:
        """Delete conversation state untouched for `dagen` days: half-filled forms hold personal data."""
        if dagen < 1:
            raise ValueError("ruim_oude_state_op(): at least one day")
        weg = delete(_STATE).where(_STATE.c.updated_at < self._nu() - timedelta(days=dagen))
        return await self._transactie(lambda conn: conn.execute(weg).rowcount)


def _kolommen(
    concept: Mapping[str, Any], melder: Melder, adres: Mapping[str, Any], criteria_uitkomst: str | None
) -> dict[str, Any]:
    """The aanmelding columns of a concept (field names of knowledge.aanmelding); ValueError names a
    missing or malformed field, never its value."""
    for veld in (GEMEENTE, DOELGROEP, URGENTIE, INITIALEN, GEBOORTEJAAR, GEZIN_MET_KINDEREN, LEEFGEBIEDEN,
                 SITUATIE, PARTNERS, STAGNATIE, GEINFORMEERD):
        if concept.get(veld) is None:
            raise ValueError(f"bevestig(): the concept has no {veld}")
    gemeente = concept[GEMEENTE]
    if not isinstance(gemeente, Mapping) or not gemeente.get("gemeente") or not gemeente.get("huis"):
        raise ValueError(f"bevestig(): {GEMEENTE} must be {{'gemeente': ..., 'huis': ...}}")
    leefgebieden = concept[LEEFGEBIEDEN]
    if not isinstance(leefgebieden, Mapping):
        raise ValueError(f"bevestig(): {LEEFGEBIEDEN} must map a leefgebied to its ZRM score")
    for veld in (GEZIN_MET_KINDEREN, GEINFORMEERD):
        if not isinstance(concept[veld], bool):  # bool("nee") would be True
            raise ValueError(f"bevestig(): {veld} must be True or False")
    return {
        "veiligheidshuis": str(gemeente["huis"]),
        "gemeente": str(gemeente["gemeente"]),
        "doelgroep": str(concept[DOELGROEP]),
        "urgentie": str(concept[URGENTIE]),
        "criteria_uitkomst": criteria_uitkomst,
        "vervolgactie": None,
        "afgesloten": None,
        "gewist": None,
        "melder_id": melder.teams_id,
        "melder_naam": melder.naam,
        "melder_organisatie": melder.organisatie or str(concept.get(ORGANISATIE) or ""),
        "melder_telefoon": melder.telefoon or str(concept.get(TELEFOON) or ""),
        "initialen": str(concept[INITIALEN]),
        "geboortejaar": int(concept[GEBOORTEJAAR]),
        "gezin_met_kinderen": concept[GEZIN_MET_KINDEREN],
        "leefgebieden": json.dumps({str(code): int(score) for code, score in leefgebieden.items()}),
        "situatie": str(concept[SITUATIE]),
        "partners": str(concept[PARTNERS]),
        "stagnatie": str(concept[STAGNATIE]),
        "geinformeerd": concept[GEINFORMEERD],
        "reden_niet_geinformeerd": str(concept.get(REDEN_NIET_GEINFORMEERD) or ""),
        "notitie": "",
        "adres": json.dumps(dict(adres)),
    }


def _volgend_nummer(conn: Connection, huis: str, jaar: int) -> int:
    """Take the next number of this house and year; it is given back if the transaction rolls back."""
    dialect_insert = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
    nummer = conn.scalar(
        dialect_insert(_TELLER)
        .values(veiligheidshuis=huis, jaar=jaar, laatste=1)
        .on_conflict_do_update(
            index_elements=[_TELLER.c.veiligheidshuis, _TELLER.c.jaar],
            set_={"laatste": _TELLER.c.laatste + 1},
        )
        .returning(_TELLER.c.laatste)
    )
    assert nummer is not None
    return int(nummer)


def _met_concept(conn: Connection, tabel: Table, concept_id: str) -> dict[str, Any] | None:
    rij = (conn.execute(select(tabel).where(tabel.c.concept_id == concept_id))).mappings().first()
    return dict(rij) if rij is not None else None


def _eigen_rij(
    conn: Connection, nu: datetime, rij: dict[str, Any], melder_id: str, actie: str
) -> dict[str, Any] | None:
    """The stored row of a concept for its own melder, audited as read; None (audited) when another
    melder's, or erased (no melder any more)."""
    if rij["melder_id"] != melder_id:
        # Concept ids are per conversation: one of another melder means a bug or a forged submit.
        _audit(conn, nu, melder_id, GEWEIGERD, [rij["referentie"]], actie)
        return None
    _audit(conn, nu, melder_id, GELEZEN, [rij["referentie"]], actie)
    return rij


def _eerste(conn: Connection, voorwaarde: Any, *, voor_wijziging: bool = False) -> dict[str, Any] | None:
    query = select(_AANMELDING).where(voorwaarde)
    if voor_wijziging:
        query = query.with_for_update()  # PostgreSQL; SQLite already holds the write lock
    rij = (conn.execute(query)).mappings().first()
    return dict(rij) if rij is not None else None


def _alle(conn: Connection, *voorwaarden: Any, volgorde: tuple[Any, ...]) -> list[dict[str, Any]]:
    rijen = conn.execute(select(_AANMELDING).where(*voorwaarden).order_by(*volgorde))
    return [dict(r) for r in rijen.mappings()]


def _audit(
    conn: Connection, wanneer: datetime, wie: str, actie: str, referenties: list[str], detail: str
) -> None:
    """One audit event per aanmelding, in the caller's transaction."""
    if referenties:
        conn.execute(
            insert(_AUDIT),
            [{"wanneer": wanneer, "wie": wie, "actie": actie, "referentie": r, "detail": detail} for r in referenties],
        )


def _mag_lezen(rij: Mapping[str, Any], lezer_id: str, huizen: tuple[str, ...] | None) -> bool:
    """Own aanmeldingen for everyone; a ZVH-medewerker also those of their houses (empty: all)."""
    if rij["melder_id"] is not None and rij["melder_id"] == lezer_id:
        return True
    if huizen is None:
        return False
    return not huizen or rij["veiligheidshuis"] in huizen


def _naar_aanmelding(rij: Mapping[str, Any]) -> Aanmelding:
    """A row as knowledge's Aanmelding; erased fields become "", None or {} as its docstring says."""
    return Aanmelding(
        referentie=rij["referentie"],
        aangemaakt=_utc(rij["aangemaakt"]),
        melder=Melder(
            teams_id=rij["melder_id"] or "",
            naam=rij["melder_naam"] or "",
            organisatie=rij["melder_organisatie"] or "",
            telefoon=rij["melder_telefoon"] or "",
        ),
        gemeente=rij["gemeente"],
        veiligheidshuis=rij["veiligheidshuis"],
        doelgroep=rij["doelgroep"],
        initialen=rij["initialen"] or "",
        geboortejaar=rij["geboortejaar"],
        gezin_met_kinderen=rij["gezin_met_kinderen"],
        leefgebieden=json.loads(rij["leefgebieden"]) if rij["leefgebieden"] else {},
        situatie=rij["situatie"] or "",
        partners=rij["partners"] or "",
        stagnatie=rij["stagnatie"] or "",
        geinformeerd=rij["geinformeerd"],
        reden_niet_geinformeerd=rij["reden_niet_geinformeerd"] or "",
        urgentie=rij["urgentie"],
        criteria_uitkomst=rij["criteria_uitkomst"],
        status=rij["status"],
        vervolgactie=rij["vervolgactie"],
        notitie=rij["notitie"] or "",
        bijgewerkt=_utc(rij["bijgewerkt"]),
        afgesloten=_utc(rij["afgesloten"]),
        gewist=_utc(rij["gewist"]),
    )


def _utc(moment: datetime | None) -> Any:
    """SQLite returns datetimes without an offset; all stored ones are UTC."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _maanden_terug(moment: datetime, maanden: int) -> datetime:
    """The same moment `maanden` calendar months earlier; a day the month lacks becomes its last."""
    jaar, maand = divmod(moment.year * 12 + moment.month - 1 - maanden, 12)
    maand += 1
    volgende = datetime(jaar + maand // 12, maand % 12 + 1, 1, tzinfo=moment.tzinfo)
    laatste_dag = (volgende - timedelta(days=1)).day
    return moment.replace(year=jaar, month=maand, day=min(moment.day, laatste_dag))
