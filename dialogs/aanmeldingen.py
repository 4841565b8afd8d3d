"""After the aanmelding: the melder's own list and status, and the ZVH-medewerker's triage.

One turn each, no dialog state: "mijn aanmeldingen", a reference typed or chosen ("ZVH-MH-2026-000123"),
"werkvoorraad", the triage card's buttons, "cijfers [jaar]". Who may see what is decided by the
store (a professional only their own aanmeldingen, a medewerker those of their Veiligheidshuizen);
anything else, forged or not, gets the same "not found" as an unknown reference. A status change
is told to the melder in their own chat.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from botbuilder.core import MessageFactory, TurnContext

from dialogs import cards, messages
from dialogs.i18n import EN, NL, TALEN, Teksten, teksten_voor
from dialogs.opslag import Diensten
from knowledge import aanmelding as veld
from knowledge.aanmelding import Aanmelding, Formulierkennis, als_csv, cijfertabel, persoonsgegevens_in
from knowledge.meldpunten import Meldpunten
from knowledge.regios import Regios

log = logging.getLogger(__name__)

TRIAGE = "triage"
BEKIJKEN = "aanmelding_bekijken"
SIGNAAL_AFHANDELEN = "signaal_afhandelen"
_AFSLUITEN = "afsluiten"
_CIJFERS_JAAR = re.compile(r"^(?:cijfers|figures|statistieken|export)\s+(\d{4})$", re.IGNORECASE)
_PRIVACY_FOUTEN = {veld.BSN: messages.FOUT_BSN, veld.EMAIL: messages.FOUT_EMAIL,
                   veld.TELEFOONNUMMER: messages.FOUT_TELEFOONNUMMER}


def cijfers_jaar(tekst: str) -> int | None:
    """'cijfers 2025' -> 2025 (the command with a year; the bare command means this year)."""
    gevonden = _CIJFERS_JAAR.match(tekst.strip())
    return int(gevonden.group(1)) if gevonden else None


class Aanmeldingenloket:
    """Answers about recorded aanmeldingen: lists, one aanmelding, triage and figures."""

    def __init__(
        self, formulier: Formulierkennis, regios: Regios, meldpunten: Meldpunten, diensten: Diensten
    ) -> None:
        self._fk = formulier
        self._regios = regios
        self._meldpunten = meldpunten
        self._diensten = diensten

    async def toon_mijn(self, context: TurnContext) -> None:
        """The user's own aanmeldingen with their status."""
        t = teksten_voor(context)
        eigen = await self._diensten.aanmeldingen.van_melder(context.activity.from_property.id)
        await context.send_activity(cards.as_activity(cards.mijn_aanmeldingen_card(t, self._fk, eigen)))

    async def toon(self, context: TurnContext, referentie: str) -> None:
        """One aanmelding, if this user may see it; a medewerker's first look starts the behandeling."""
        t = teksten_voor(context)
        gebruiker = context.activity.from_property.id
        huizen = self._diensten.huizen_van(gebruiker)
        store = self._diensten.aanmeldingen
        aanmelding = await store.open(referentie, gebruiker, huizen)
        if aanmelding is None and huizen is not None:
            aanmelding = await store.open(referentie, gebruiker, None)  # a medewerker's own, as melder
            huizen = None
        if aanmelding is None:
            await context.send_activity(t(messages.AANMELDING_ONBEKEND, referentie=cards.letterlijk(referentie, 40)))
            return
        # A medewerker triages only their own houses' aanmeldingen (their own elsewhere they just see).
        triage = huizen is not None and (not huizen or aanmelding.veiligheidshuis in huizen)
        if triage and huizen is not None and aanmelding.status == veld.ONTVANGEN:
            bijgewerkt = await store.zet_status(
                referentie, gebruiker, huizen, veld.IN_BEHANDELING, verwacht_status=veld.ONTVANGEN
            )
            if bijgewerkt is not None:
                await self._vertel_melder_bij_wijziging(aanmelding, bijgewerkt)
                aanmelding = bijgewerkt
        await self._stuur_detail(context, t, aanmelding, triage=triage)

    async def toon_werkvoorraad(self, context: TurnContext) -> None:
        """For a ZVH-medewerker: the open aanmeldingen of their Veiligheidshuizen."""
        t = teksten_voor(context)
        if (medewerker := await self._medewerker(context, t)) is None:
            return
        gebruiker, huizen = medewerker
        open_ = await self._diensten.aanmeldingen.werkvoorraad(gebruiker, huizen)
        # Voorrang first, then the oldest: what the card can show is what should be done first.
        open_ = sorted(open_, key=lambda a: (a.urgentie != veld.VOORRANG, a.aangemaakt))
        if len(open_) > cards.MAX_IN_LIJST:
            await context.send_activity(t(messages.WERKVOORRAAD_MEER, getoond=cards.MAX_IN_LIJST, totaal=len(open_)))
        await context.send_activity(cards.as_activity(cards.werkvoorraad_card(t, self._fk, open_)))
        signalen = await self._diensten.signalen.open_signalen(gebruiker, huizen)
        if signalen:
            card = cards.signalen_card(t, signalen, self._meldpunten.soorten)
            await context.send_activity(cards.as_activity(card))

    async def handel_signaal_af(self, context: TurnContext, referentie: str) -> None:
        """A ZVH-medewerker marks a recorded signal afgehandeld (only one of their own houses)."""
        t = teksten_voor(context)
        if (medewerker := await self._medewerker(context, t)) is None:
            return
        gebruiker, huizen = medewerker
        signaal = await self._diensten.signalen.handel_af(referentie, gebruiker, huizen)
        if signaal is None:
            genoemd = cards.letterlijk(referentie, 40) or "…"
            await context.send_activity(t(messages.SIGNAAL_ONBEKEND, referentie=genoemd))
            return
        await context.send_activity(t(messages.SIGNAAL_AFGEHANDELD, referentie=signaal.referentie))

    async def verwerk_triage(self, context: TurnContext, waarde: dict[str, Any]) -> None:
        """The triage card: save the vervolgactie (and note), or close the aanmelding; tell the melder."""
        t = teksten_voor(context)
        if (medewerker := await self._medewerker(context, t)) is None:
            return
        gebruiker, huizen = medewerker
        referentie = waarde.get(cards.REFERENTIE)
        if not isinstance(referentie, str):
            await context.send_activity(t(messages.AANMELDING_ONBEKEND, referentie="…"))
            return
        vervolgactie = waarde.get("vervolgactie")
        notitie = waarde.get("notitie") if isinstance(waarde.get("notitie"), str) else ""
        store = self._diensten.aanmeldingen
        huidig = await store.open(referentie, gebruiker, huizen)
        if huidig is None or (huizen and huidig.veiligheidshuis not in huizen):
            await context.send_activity(t(messages.AANMELDING_ONBEKEND, referentie=cards.letterlijk(referentie, 40)))
            return
        if huidig.status == veld.AFGESLOTEN:
            # A button on an older card does not reopen a closed aanmelding (nor restart its retention).
            await context.send_activity(t(messages.AANMELDING_AL_AFGESLOTEN, referentie=referentie))
            await self._stuur_detail(context, t, huidig, triage=True)
            return
        fout = self._fout_in_triage(t, vervolgactie, notitie.strip())
        if fout is not None:
            await context.send_activity(fout)
            await self._stuur_detail(context, t, huidig, triage=True)
            return
        status = veld.AFGESLOTEN if waarde.get("stap") == _AFSLUITEN else veld.VERVOLGACTIE_GEKOZEN
        aanmelding = await store.zet_status(
            referentie, gebruiker, huizen, status, str(vervolgactie), notitie.strip(), verwacht_status=huidig.status
        )
        if aanmelding is None:
            await context.send_activity(t(messages.AANMELDING_ONBEKEND, referentie=cards.letterlijk(referentie, 40)))
            return
        if (aanmelding.status, aanmelding.vervolgactie, aanmelding.notitie) != (status, vervolgactie, notitie.strip()):
            # A colleague changed it between the two reads: show what it is now, change nothing.
            await context.send_activity(t(messages.TRIAGE_VERANDERD, referentie=referentie))
            await self._stuur_detail(context, t, aanmelding, triage=True)
            return
        await self._vertel_melder_bij_wijziging(huidig, aanmelding)
        statusnaam = cards.label(t, self._fk.statussen, aanmelding.status)
        await context.send_activity(t(messages.TRIAGE_OPGESLAGEN, referentie=referentie, status=statusnaam))
        await self._stuur_detail(context, t, aanmelding, triage=True)

    async def toon_cijfers(self, context: TurnContext, jaar: int | None) -> None:
        """Aanmeldingen per doelgroep per gemeente in a year, for the medewerker's Veiligheidshuizen:
        a table card per house and all of it as CSV."""
        t = teksten_voor(context)
        if (medewerker := await self._medewerker(context, t)) is None:
            return
        _, huizen = medewerker
        jaar = jaar or self._diensten.vandaag().year
        per_huis: dict[str, list[tuple[str, str, int]]] = {}
        for telling in await self._diensten.aanmeldingen.cijfers(jaar):
            huis = self._regios.voor_gemeente(telling.gemeente)
            code = huis.code if huis else ""
            if not huizen or code in huizen:
                per_huis.setdefault(code, []).append((telling.gemeente, telling.doelgroep, telling.aantal))
        if not per_huis:
            await context.send_activity(cards.as_activity(cards.cijfers_card(t, jaar, [], [])))
            return
        for code, tellingen in sorted(per_huis.items()):
            kop, rijen = self._in_taal(t, *cijfertabel(tellingen, self._fk.doelgroepen))
            huis = self._regios.per_code(code)
            card = cards.cijfers_card(t, jaar, kop, rijen, huis.naam if huis else "")
            await context.send_activity(cards.as_activity(card))
        alles = [telling for lijst in per_huis.values() for telling in lijst]
        kop, rijen = self._in_taal(t, *cijfertabel(alles, self._fk.doelgroepen))
        csv = als_csv(kop, rijen).replace("\r\n", "\n").strip()
        await context.send_activity(MessageFactory.text(f"{t(messages.CIJFERS_CSV)}\n\n```\n{csv}\n```"))

    async def _medewerker(self, context: TurnContext, t: Teksten) -> tuple[str, tuple[str, ...]] | None:
        """(user id, houses) of a ZVH-medewerker; anyone else is told this is not for them (None)."""
        gebruiker = context.activity.from_property.id
        huizen = self._diensten.huizen_van(gebruiker)
        if huizen is None:
            await context.send_activity(t(messages.ALLEEN_MEDEWERKERS))
            return None
        return gebruiker, huizen

    def _in_taal(self, t: Teksten, kop: list[str], rijen: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
        """The table's headings and totals row in the user's language (cijfertabel speaks Dutch)."""
        labels = {k.nl: k.en if t.taal == EN else k.nl for k in self._fk.doelgroepen}
        totaal = t(messages.CIJFERS_TOTAAL)
        kop = [t(messages.CIJFERS_GEMEENTE), *(labels.get(k, k) for k in kop[1:-1]), totaal]
        return kop, [[totaal, *rij[1:]] if i == len(rijen) - 1 else rij for i, rij in enumerate(rijen)]

    def _fout_in_triage(self, t: Teksten, vervolgactie: object, notitie: str) -> str | None:
        if not isinstance(vervolgactie, str) or vervolgactie not in {k.code for k in self._fk.vervolgacties}:
            return t(messages.TRIAGE_KIES_VERVOLGACTIE)
        label = t(messages.DETAIL_NOTITIE)
        if len(notitie) > cards.NOTITIE_MAX:
            return t(messages.FOUT_TE_LANG, veld=label, max=cards.NOTITIE_MAX)
        gevonden = persoonsgegevens_in(notitie)
        return t(_PRIVACY_FOUTEN[gevonden[0]], veld=label) if gevonden else None

    async def _stuur_detail(self, context: TurnContext, t: Teksten, a: Aanmelding, triage: bool) -> None:
        huis = self._regios.per_code(a.veiligheidshuis)
        await context.send_activity(cards.as_activity(cards.aanmelding_detail_card(t, self._fk, a, huis, triage)))

    async def _vertel_melder_bij_wijziging(self, voor: Aanmelding, aanmelding: Aanmelding) -> None:
        """Tell the melder in their own chat when the status or vervolgactie changed (a new note
        alone is no news); a failure is logged and does not undo the change."""
        if (voor.status, voor.vervolgactie) == (aanmelding.status, aanmelding.vervolgactie):
            return
        adres = await self._diensten.aanmeldingen.adres_van(aanmelding.referentie)
        if not adres:
            return
        # The language the melder used when confirming, kept with the conversation reference.
        t = Teksten(adres.get("locale") if adres.get("locale") in TALEN else NL)
        status = cards.label(t, self._fk.statussen, aanmelding.status)
        if aanmelding.vervolgactie:
            tekst = t(
                messages.STATUS_BERICHT_VERVOLGACTIE, referentie=aanmelding.referentie, status=status,
                vervolgactie=cards.label(t, self._fk.vervolgacties, aanmelding.vervolgactie),
            )
        else:
            tekst = t(messages.STATUS_BERICHT, referentie=aanmelding.referentie, status=status)
        try:
            await self._diensten.melding(adres, tekst)
        except Exception as fout:  # noqa: BLE001 - the status is saved; the message is a courtesy
            log.warning("telling the melder about a status change failed: %s", type(fout).__name__)
