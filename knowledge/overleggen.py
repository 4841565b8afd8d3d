"""Questions about which overleg a Veiligheidshuis has for a doelgroep: "welk overleg is er voor
jeugd in Maastricht?" -> the house of that gemeente and its overleggen for that doelgroep.

A question counts when it speaks of an overleg (or instrument, aanpak, meeting) and names a
gemeente, a doelgroep, or both; the overleggen themselves are data in regios.toml.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.regios import GemeenteTreffer, Overleg, Regios, Veiligheidshuis
from knowledge.tekst import woorden

_OVER_OVERLEG = ("overleg", "instrument", "aanpak", "meeting", "casusoverleg", "netwerkoverleg", "weegtafel")
# Per doelgroep (the key: a stem that occurs in the doelgroep names of regios.toml) the words
# professionals use for it.
_DOELGROEP_WOORDEN = {
    "jeugd": ("jeugd", "jeugdige", "jongeren", "jongere", "jongen", "meisje", "minderjarige", "youth", "young"),
    "huiselijk": ("huiselijk", "huisverbod", "partnergeweld", "kindermishandeling", "domestic"),
    "gedetineerden": ("gedetineerden", "gedetineerde", "detentie", "nazorg", "gevangenis", "prisoners", "detainees"),
    "radicalisering": ("radicalisering", "radicaliseren", "extremisme", "polarisatie", "radicalisation"),
    "verward": ("verward", "verwarde", "onbegrepen", "psychisch", "confused"),
    "top x": ("topx", "top x"),
    "veelplegers": ("veelpleger", "veelplegers", "meerpleger", "meerplegers", "overlastgevers"),
    "uithuiszettingen": ("uithuiszetting", "uithuiszettingen", "huisuitzetting", "eviction"),
}


@dataclass(frozen=True, slots=True)
class Overleggen:
    """The answer: per house the overleggen that fit (all of them when no doelgroep was named)."""

    per_huis: tuple[tuple[Veiligheidshuis, tuple[Overleg, ...]], ...]
    gemeente: GemeenteTreffer | None
    doelgroep: str | None


def zoek_overleggen(vraag: str, regios: Regios) -> Overleggen | None:
    """The overleggen a question asks about, or None when it is not such a question."""
    gegeven = woorden(vraag)
    if not any(w.startswith(_OVER_OVERLEG) for w in gegeven):
        return None
    gemeente = gemeente_in(gegeven, regios)
    doelgroep = next((sleutel for sleutel, namen in _DOELGROEP_WOORDEN.items() if _noemt(gegeven, namen)), None)
    if " top x " in f" {' '.join(gegeven)} ":
        doelgroep = "top x"
    if gemeente is None and doelgroep is None:
        return None
    huizen = (gemeente.veiligheidshuis,) if gemeente else regios.veiligheidshuizen
    per_huis = tuple(
        (huis, passend)
        for huis in huizen
        if (passend := tuple(o for o in huis.overleggen if doelgroep is None or _past(o, doelgroep))) or gemeente
    )
    return Overleggen(per_huis, gemeente, doelgroep)


def _noemt(gegeven: list[str], namen: tuple[str, ...]) -> bool:
    return any(woord in namen for woord in gegeven)


def _past(overleg: Overleg, doelgroep: str) -> bool:
    """An overleg fits when its doelgroep (or 'alle doelgroepen') speaks of the asked one."""
    tekst = " ".join(woorden(f"{overleg.doelgroep} {' '.join(overleg.instrumenten)}"))
    return doelgroep in tekst


def gemeente_in(gegeven: list[str], regios: Regios) -> GemeenteTreffer | None:
    """The first gemeente named in the words (longest names first: 'valkenburg aan de geul')."""
    for lengte in (4, 3, 2, 1):
        for start in range(len(gegeven) - lengte + 1):
            stuk = " ".join(gegeven[start : start + lengte])
            if regios.voor_gemeente(stuk) is not None:
                return regios.zoek_gemeente(stuk)
    return None
