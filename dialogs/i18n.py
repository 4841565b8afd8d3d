"""Languages of the conversation: Dutch source texts, English from a babel message catalog.

Copy is marked with N_() where it is defined (dialogs/messages.py) and translated per turn with
the Teksten of that turn, because one process talks to Dutch and English users at once.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from botbuilder.core import TurnContext

NL = "nl"
EN = "en"
TALEN = (NL, EN)
# The turn_state key under which bot/ puts the language it chose for this turn.
TAAL_KEY = "zvh.taal"
_BABEL_LOCALE = {NL: "nl_NL", EN: "en_GB"}


def N_(bericht: str) -> str:
    """Mark a Dutch source text for the catalog; it is translated when sent, not here."""
    return bericht


@cache
def catalogus(taal: str) -> gettext.NullTranslations:
    """The translations for a language, compiled from its .po file when first asked."""
    if taal == NL:
        return gettext.NullTranslations()
    po_bestand = resources.files("dialogs") / "locale" / taal / "LC_MESSAGES" / "messages.po"
    with po_bestand.open("rb") as po:
        catalog = read_po(po, locale=_BABEL_LOCALE[taal])
    mo = io.BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return Translations(mo)


_NEDERLAND = ZoneInfo("Europe/Amsterdam")

@dataclass(frozen=True, slots=True)
class Teksten:
    """The user's language for one turn: translate copy, format dates and numbers."""

    taal: str = NL

    def __call__(self, bericht: str, **waarden: object) -> str:
        """The text in this language, with {placeholders} filled in."""
        vertaald = catalogus(self.taal).gettext(bericht)
        return vertaald.format(**waarden) if waarden else vertaald

    def datum(self, dag: date | datetime) -> str:
        """'22 november 2026' / '22 November 2026'; of a moment, its date in Dutch time."""
        if isinstance(dag, datetime):
            dag = dag.astimezone(_NEDERLAND).date()
        return format_date(dag, format="long", locale=_BABEL_LOCALE[self.taal])

    def tijdstip(self, moment: datetime) -> str:
        """Date and time in the locale's medium format, in Dutch time (stored times are UTC; the
        professionals and Veiligheidshuizen are all in Limburg)."""
        return format_datetime(moment, format="medium", tzinfo=_NEDERLAND, locale=_BABEL_LOCALE[self.taal])

    def getal(self, getal: float) -> str:
        """'1.234,5' / '1,234.5'."""
        return format_decimal(getal, locale=_BABEL_LOCALE[self.taal])


def teksten_voor(turn_context: TurnContext) -> Teksten:
    """The Teksten for the language bot/ chose for this turn (Dutch when it chose none)."""
    return Teksten(turn_context.turn_state.get(TAAL_KEY, NL))
