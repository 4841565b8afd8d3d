"""Every Adaptive Card the bot sends, built by small pure functions (schema 1.5, what Teams renders).

A button is an Action.Submit whose data is an object: {"actie": ...} for the menu, {"keuze": ...,
"vraag": ...} for an answer to one question (plus the concept id on a button that stores something),
always with {"taal": ...}: the language of the card, so a click keeps the conversation in the
language the user was reading. Teams sends a click back as a message with that `value` and no text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity, Attachment

from dialogs import messages
from dialogs.i18n import EN, Teksten
from knowledge import aanmelding as veld
from knowledge.aanmelding import Aanmelding, Formulierkennis, Keuze
from knowledge.bronnen import leesbaar
from knowledge.criteria import AANMELDEN, LOKAAL, Beoordeling, Criteriaset, Opschalingsniveau
from knowledge.meldpunten import Meldpunt, Signaalsoort
from knowledge.overleggen import Overleggen
from knowledge.regios import Veiligheidshuis
from knowledge.signaal import Signaal
from knowledge.woordenlijst import Begrip

ACTIE = "actie"
KEUZE = "keuze"
FORMULIER = "formulier"
BEGRIP = "begrip"
VRAAG = "vraag"
TAAL = "taal"
# On the button that stores a signal or confirms an aanmelding: its concept id, so a click after
# the flow ended can be answered with what was stored instead of being done again.
SIGNAAL_CONCEPT = "signaal_concept"
AANMELDING_CONCEPT = "aanmelding_concept"
# A concept id is a uuid4 hex: a longer value on a click is none of ours and is not looked up.
_MAX_CONCEPT_ID = 64
_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"

# The menu: (intent, button text); the intents are knowledge.intenties names.
MENU = (
    ("criteria_check", messages.KNOP_CHECK),
    ("aanmelden", messages.KNOP_AANMELDEN),
    ("signaal", messages.KNOP_SIGNAAL),
    ("woordenlijst", messages.KNOP_WOORDENLIJST),
)


# What makes markdown anywhere in a line (emphasis, links, code, strike-through, tables), and what
# only at its start (headings, lists, quotes).
_MARKDOWN = re.compile(r"([\\`*_\[\]~|])")
_REGELBEGIN = re.compile(r"^(\s*)([#>+-]|\d+[.)])")


def letterlijk(tekst: str, maximum: int = 1000) -> str:
    """User text shown back as it was typed, never as markup: markdown characters escaped, '<' and '>'
    replaced (Teams renders some HTML), on one line, at most `maximum` characters. A typed
    "[klik hier](https://...)" must not become a link on a colleague's card."""
    plat = " ".join(str(tekst).split())[:maximum]
    veilig = _MARKDOWN.sub(r"\\\1", plat).replace("<", "‹").replace(">", "›")
    return _REGELBEGIN.sub(r"\1\\\2", veilig)


def adaptive_card(body: Sequence[dict[str, Any]], actions: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """A version 1.5 card with this body and these actions."""
    card: dict[str, Any] = {"type": "AdaptiveCard", "$schema": _SCHEMA, "version": "1.5", "body": list(body)}
    if actions:
        card["actions"] = list(actions)
    return card


def text_block(text: str, **opties: Any) -> dict[str, Any]:
    """A wrapping TextBlock; options such as weight='Bolder' or isSubtle=True pass through."""
    return {"type": "TextBlock", "text": text, "wrap": True, **opties}


def title_block(text: str) -> dict[str, Any]:
    """The heading of a card."""
    return text_block(text, size="Medium", weight="Bolder")


def submit(t: Teksten, title: str, data: dict[str, Any]) -> dict[str, Any]:
    """A button that sends `data` (and the card's language) back as the message's value."""
    return {"type": "Action.Submit", "title": title, "data": {**data, TAAL: t.taal}}


def menu_button(t: Teksten, title: str, actie: str) -> dict[str, Any]:
    """A button that starts a capability (or shows help) from any state."""
    return submit(t, title, {ACTIE: actie})


def klik_waarde(turn_context: TurnContext, sleutel: str) -> str | None:
    """A text field of a button click's value (e.g. ACTIE, BEGRIP), if this is such a click."""
    waarde = turn_context.activity.value
    gevonden = waarde.get(sleutel) if isinstance(waarde, dict) else None
    return gevonden if isinstance(gevonden, str) and gevonden else None


def klik_concept(turn_context: TurnContext, sleutel: str) -> str | None:
    """The concept id a click carries under SIGNAAL_CONCEPT or AANMELDING_CONCEPT, if it can be one."""
    concept = klik_waarde(turn_context, sleutel)
    return concept if concept is not None and len(concept) <= _MAX_CONCEPT_ID else None


def feiten_blocks(t: Teksten, feiten: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Contact facts (label, value) as one FactSet, leaving out what is unknown; [] when nothing is."""
    bekend = [{"title": t(label), "value": waarde} for label, waarde in feiten if waarde]
    return [{"type": "FactSet", "facts": bekend}] if bekend else []


def bron_block(t: Teksten, bron: str, kop: str = messages.BRON) -> dict[str, Any]:
    """The source line of a card, with document titles instead of file names."""
    return text_block(t(kop, bron=leesbaar(bron)), isSubtle=True, size="Small")


def as_activity(card: dict[str, Any]) -> Activity:
    """A message activity carrying the card as its only attachment."""
    attachment: Attachment = CardFactory.adaptive_card(card)
    return MessageFactory.attachment(attachment)


def _menu_actions(t: Teksten) -> list[dict[str, Any]]:
    return [menu_button(t, t(titel), actie) for actie, titel in MENU]


def welkom_card(t: Teksten) -> dict[str, Any]:
    """What the assistant can do, the four ways in, and the privacy and 112 lines."""
    return adaptive_card(
        [
            title_block(t(messages.WELKOM_TITEL)),
            text_block(t(messages.WELKOM_TEKST)),
            text_block(t(messages.PRIVACY_REGEL), isSubtle=True, size="Small"),
            text_block(t(messages.ACUUT_REGEL), weight="Bolder", color="Attention", size="Small"),
        ],
        _menu_actions(t),
    )


def hulp_card(t: Teksten, melding: str | None = None) -> dict[str, Any]:
    """The commands with one line each, the menu buttons, the privacy and 112 lines; a melding on top."""
    regels = (
        messages.HULP_CHECK,
        messages.HULP_SNELLE_CHECK,
        messages.HULP_AANMELDEN,
        messages.HULP_SIGNAAL,
        messages.HULP_WOORDENLIJST,
        messages.HULP_MIJN_AANMELDINGEN,
        messages.HULP_STOPPEN,
    )
    return adaptive_card(
        [
            *([text_block(melding)] if melding else []),
            title_block(t(messages.HULP_TITEL)),
            text_block(t(messages.HULP_TEKST)),
            text_block("\n".join(f"- {t(regel)}" for regel in regels)),
            text_block(t(messages.PRIVACY_REGEL), isSubtle=True, size="Small"),
            text_block(t(messages.ACUUT_REGEL), weight="Bolder", color="Attention", size="Small"),
        ],
        _menu_actions(t),
    )


def acuut_card(
    t: Teksten, nummer: str, wanneer: str, bron: str, hulplijn: tuple[str, str] | None = None
) -> dict[str, Any]:
    """The emergency number first and large, then what to do (and a helpline such as 113 with what
    it is for), then the sources."""
    return adaptive_card(
        [
            # No "call" button: Teams desktop and web do not open tel: links from a card.
            text_block(t(messages.ACUUT_TITEL, nummer=nummer), size="Large", weight="Bolder", color="Attention"),
            text_block(wanneer, weight="Bolder"),
            *([text_block(hulplijn[0], weight="Bolder")] if hulplijn else []),
            text_block(t(messages.ACUUT_TEKST)),
            bron_block(t, f"{bron}; {hulplijn[1]}" if hulplijn else bron),
        ],
    )


def vraag_card(t: Teksten, vraag_id: str, kop: str, vraag: str, keuzes: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """A question with one button per (value, title) choice; a click names the question it answers."""
    return adaptive_card(
        [text_block(kop, isSubtle=True, size="Small"), text_block(vraag, weight="Bolder")],
        [submit(t, titel, {KEUZE: waarde, VRAAG: vraag_id}) for waarde, titel in keuzes],
    )


def _begrip_knop(t: Teksten, begrip: Begrip) -> dict[str, Any]:
    return submit(t, begrip.term, {ACTIE: "woordenlijst", BEGRIP: begrip.term})


def begrip_card(t: Teksten, begrip: Begrip, zie_ook: Sequence[Begrip]) -> dict[str, Any]:
    """A term: heading (with its expansion), definition, 'zie ook' buttons, and the source."""
    kop = f"{begrip.term} – {begrip.voluit}" if begrip.voluit else begrip.term
    definitie = begrip.definitie_en if t.taal == EN else begrip.definitie_nl
    body = [title_block(kop), text_block(definitie)]
    body.append(bron_block(t, begrip.bron))
    if zie_ook:
        body.append(text_block(t(messages.BEGRIP_ZIE_OOK), weight="Bolder", size="Small"))
    # Teams shows at most six actions on a card; five related terms plus the glossary itself.
    acties = [_begrip_knop(t, ander) for ander in zie_ook[:5]]
    acties.append(menu_button(t, t(messages.KNOP_WOORDENLIJST), "woordenlijst"))
    return adaptive_card(body, acties)


def twijfel_card(t: Teksten, begrippen: Sequence[Begrip]) -> dict[str, Any]:
    """Several terms fit the question: one button each."""
    return adaptive_card([title_block(t(messages.BEGRIP_WELKE))], [_begrip_knop(t, b) for b in begrippen[:5]])


def niet_gevonden_card(t: Teksten, kern: str, suggesties: Sequence[Begrip]) -> dict[str, Any]:
    """The term is unknown: say so, offer the closest terms and the glossary."""
    body = [text_block(t(messages.BEGRIP_ONBEKEND, kern=letterlijk(kern, 60)), weight="Bolder")]
    if suggesties:
        body.append(text_block(t(messages.BEGRIP_MISSCHIEN)))
    acties = [_begrip_knop(t, b) for b in suggesties[:5]]
    acties.append(menu_button(t, t(messages.KNOP_WOORDENLIJST), "woordenlijst"))
    return adaptive_card(body, acties)


_MAX_BEGRIP_KNOPPEN = 6


def blader_card(t: Teksten, begrippen: Sequence[Begrip], letters: Sequence[str], letter: str | None) -> dict[str, Any]:
    """The glossary (or one letter of it) as a list to choose from, with the letters to browse."""
    titel = t(messages.BLADER_LETTER_TITEL, letter=letter.upper()) if letter else t(messages.BLADER_TITEL)
    body: list[dict[str, Any]] = [title_block(titel)]
    if not begrippen:
        body.append(text_block(t(messages.BLADER_GEEN, letter=(letter or "").upper())))
    elif letter:
        body.append(text_block(" · ".join(b.term for b in begrippen)))
    body.append(text_block(t(messages.BLADER_UITLEG), size="Small"))
    body.append(text_block(t(messages.BLADER_LETTERS, letters=" ".join(x.upper() for x in letters)), size="Small"))
    if not begrippen:
        return adaptive_card(body)
    if len(begrippen) <= _MAX_BEGRIP_KNOPPEN:
        # A short list as buttons, one click per term; a longer one as a dropdown (Teams shows six actions).
        return adaptive_card(body, [_begrip_knop(t, b) for b in begrippen])
    body.append(
        {
            "type": "Input.ChoiceSet",
            "id": BEGRIP,
            "style": "compact",
            "label": t(messages.BLADER_KIES),
            "choices": [{"title": b.term, "value": b.term} for b in begrippen],
        }
    )
    return adaptive_card(body, [menu_button(t, t(messages.KNOP_TOON_UITLEG), "woordenlijst")])


def _gemeente_veld(t: Teksten) -> dict[str, Any]:
    """The text field for the gemeente, on the gemeente card and the quick check."""
    return {
        "type": "Input.Text",
        "id": "gemeente",
        "label": t(messages.GEMEENTE_LABEL),
        "placeholder": t(messages.GEMEENTE_VOORBEELD),
        "maxLength": 60,
    }


def gemeente_card(t: Teksten, formulier: str, vraag: str) -> dict[str, Any]:
    """Which gemeente: the question, a text field, 'Verder', and 'Weet ik niet'."""
    return adaptive_card(
        [
            text_block(vraag, weight="Bolder"),
            _gemeente_veld(t),
        ],
        [
            submit(t, t(messages.KNOP_VERDER), {FORMULIER: formulier}),
            submit(t, t(messages.KNOP_WEET_IK_NIET), {FORMULIER: formulier, "overslaan": True}),
        ],
    )


def overleggen_card(t: Teksten, antwoord: Overleggen) -> dict[str, Any]:
    """Per Veiligheidshuis the overleggen that fit the question, with what they aim at and the source."""
    body: list[dict[str, Any]] = [title_block(t(messages.OVERLEG_KOP))]
    if not antwoord.per_huis:
        body.append(text_block(t(messages.OVERLEG_NIET_GEVONDEN)))
    for huis, overleggen in antwoord.per_huis:
        gemeente = antwoord.gemeente
        kop = t(messages.OVERLEG_HUIS, naam=huis.naam, gemeente=gemeente.huidige_gemeente) if gemeente else huis.naam
        body.append(text_block(kop, weight="Bolder", spacing="Medium"))
        if not overleggen:
            voor = t(messages.OVERLEG_VOOR) if antwoord.doelgroep else ""
            body.append(text_block(t(messages.OVERLEG_GEEN, voor=voor)))
        for overleg in overleggen:
            body.append(text_block(f"**{overleg.doelgroep}**: {', '.join(overleg.instrumenten)}"))
            body.append(text_block(overleg.gericht_op, size="Small"))
            if overleg.toelichting:
                body.append(text_block(overleg.toelichting, size="Small", isSubtle=True))
            body.append(bron_block(t, overleg.bron))
    return adaptive_card(body, [menu_button(t, t(messages.KNOP_MENU), "hulp")])


def meldpunten_card(
    t: Teksten,
    soort: Signaalsoort,
    meldpunten: Sequence[Meldpunt],
    huis: Veiligheidshuis | None,
    gemeente: dict[str, Any],
) -> dict[str, Any]:
    """A kind of signal: what it is, the signs, and per meldpunt how to reach it, what happens next
    and what to have at hand; regional meldpunten first, every fact with its source."""
    engels = t.taal == EN
    body: list[dict[str, Any]] = [
        title_block(soort.naam_en if engels else soort.naam_nl),
        text_block(soort.uitleg_en if engels else soort.uitleg_nl),
    ]
    signalen = soort.signalen_en if engels else soort.signalen_nl
    if signalen:
        body.append(text_block(t(messages.SIGNAAL_SIGNALEN), weight="Bolder", size="Small"))
        body.append(text_block("\n".join(f"- {signaal}" for signaal in signalen), size="Small"))
    body.append(bron_block(t, soort.bron))
    body.append(text_block(t(messages.SIGNAAL_MELDPUNTEN), size="Medium", weight="Bolder", spacing="Medium"))
    if huis is not None:
        body.append(text_block(t(messages.SIGNAAL_REGIO, gemeente=gemeente.get("gemeente", ""), huis=huis.naam)))
    else:
        body.append(text_block(t(messages.SIGNAAL_LANDELIJK), size="Small"))
    for meldpunt in meldpunten:
        body.append(text_block(meldpunt.naam, weight="Bolder", spacing="Medium"))
        body.append(text_block(meldpunt.wat_en if engels else meldpunt.wat_nl))
        body += feiten_blocks(
            t,
            ((messages.HUIS_TELEFOON, meldpunt.telefoon), (messages.HUIS_WEBSITE, meldpunt.website),
             (messages.HUIS_EMAIL, meldpunt.email)),
        )
        daarna = meldpunt.daarna_en if engels else meldpunt.daarna_nl
        if daarna:
            body.append(text_block(t(messages.SIGNAAL_DAARNA, tekst=daarna), size="Small"))
        voorbereiden = meldpunt.voorbereiden_en if engels else meldpunt.voorbereiden_nl
        if voorbereiden:
            body.append(text_block(t(messages.SIGNAAL_VOORBEREIDEN, tekst=voorbereiden), size="Small"))
        body.append(bron_block(t, meldpunt.bron))
    body.append(text_block(t(messages.SIGNAAL_PRIVACY), isSubtle=True, size="Small"))
    return adaptive_card(body, [menu_button(t, t(messages.KNOP_MENU), "hulp")])


_UITKOMST_KOP = {AANMELDEN: messages.CHECK_UITKOMST_AANMELDEN, LOKAAL: messages.CHECK_UITKOMST_LOKAAL}


def _criteria_namen(criteria: Criteriaset, codes: Sequence[str], engels: bool) -> str:
    """'A (multiproblematiek …); B (…)' for the reasons lines."""
    kort = {c.code: c.kort_en if engels else c.kort_nl for c in criteria.criteria}
    return "; ".join(f"{code} ({kort[code]})" for code in codes)


def ladder_blocks(t: Teksten, niveaus: Sequence[Opschalingsniveau], hier: int) -> list[dict[str, Any]]:
    """The opschalingsmodel top to bottom, this case's level marked, so the steps around it show."""
    engels = t.taal == EN
    blokken = [text_block(t(messages.LADDER_KOP), weight="Bolder", size="Small")]
    for niveau in sorted(niveaus, key=lambda n: -n.niveau):
        naam, wie = (niveau.naam_en, niveau.wie_en) if engels else (niveau.naam_nl, niveau.wie_nl)
        if niveau.niveau == hier:
            blokken.append(text_block(f"▶ {niveau.niveau} {naam} – {wie}", weight="Bolder", color="Accent",
                                      spacing="Small"))
        else:
            blokken.append(text_block(f"{niveau.niveau} {naam}", isSubtle=True, size="Small", spacing="None"))
    return blokken


def huis_blocks(t: Teksten, huis: Veiligheidshuis | None, gemeente: dict[str, Any]) -> list[dict[str, Any]]:
    """Where to register: the gemeente's Veiligheidshuis with its contact as the sources give it."""
    if huis is None:
        return [text_block(t(messages.HUIS_ONBEKEND))]
    contact = huis.contact
    blokken = [text_block(t(messages.HUIS_KOP, naam=huis.naam), weight="Bolder")]
    if gemeente.get("genoemd") and gemeente.get("genoemd") != gemeente.get("gemeente"):
        nu = t(messages.HUIS_GEMEENTE_NU, genoemd=gemeente["genoemd"], gemeente=gemeente["gemeente"])
        blokken.append(text_block(nu))
    blokken += feiten_blocks(
        t,
        ((messages.HUIS_ADRES, contact.adres), (messages.HUIS_TELEFOON, contact.telefoon),
         (messages.HUIS_EMAIL, contact.email), (messages.HUIS_WEBSITE, contact.website)),
    )
    # The route, caveats and notes are Dutch in the sources; they are shown as they are.
    if contact.aanmelden:
        blokken.append(text_block(contact.aanmelden, size="Small"))
    for toelichting in (contact.toelichting, huis.gemeenten_toelichting if gemeente.get("gemeente") else ""):
        if toelichting:
            blokken.append(text_block(toelichting, size="Small", isSubtle=True))
    if not contact.geverifieerd:
        blokken.append(text_block(t(messages.HUIS_NIET_GECONTROLEERD, peildatum=contact.peildatum), size="Small",
                                  color="Warning"))
    blokken.append(bron_block(t, contact.bron))
    return blokken


def uitkomst_card(
    t: Teksten,
    criteria: Criteriaset,
    beoordeling: Beoordeling,
    niveaus: Sequence[Opschalingsniveau],
    huis: Veiligheidshuis | None = None,
    gemeente: dict[str, Any] | None = None,
    antwoorden: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Outcome, level on the ladder, criteria met / not met / unknown, next step, where to register
    (for 'aanmelden', with a button that starts the aanmelding with the gemeente and the answers
    filled in), the reading of the criteria, and the sources."""
    engels = t.taal == EN
    niveau = beoordeling.niveau
    redenen = [
        (messages.CHECK_VOLDAAN, beoordeling.voldaan),
        (messages.CHECK_NIET_VOLDAAN, beoordeling.niet_voldaan),
        (messages.CHECK_ONBEKEND, beoordeling.onbekend),
    ]
    acties = [
        menu_button(t, t(messages.KNOP_NIEUWE_CHECK), "criteria_check"),
        menu_button(t, t(messages.KNOP_MENU), "hulp"),
    ]
    if beoordeling.uitkomst == AANMELDEN:
        vooraf = {"gemeente": (gemeente or {}).get("gemeente", ""), "antwoorden": dict(antwoorden or {})}
        acties.insert(0, submit(t, t(messages.KNOP_AANMELDEN), {ACTIE: "aanmelden", **vooraf}))
    return adaptive_card(
        [
            title_block(t(_UITKOMST_KOP.get(beoordeling.uitkomst, messages.CHECK_UITKOMST_UITZOEKEN))),
            text_block(
                t(messages.CHECK_NIVEAU, niveau=niveau.niveau, naam=niveau.naam_en if engels else niveau.naam_nl),
                weight="Bolder",
            ),
            *(text_block(t(kop, criteria=_criteria_namen(criteria, codes, engels))) for kop, codes in redenen if codes),
            text_block(t(messages.CHECK_VERVOLGSTAP), weight="Bolder"),
            text_block(beoordeling.vervolgstap_en if engels else beoordeling.vervolgstap_nl),
            *(huis_blocks(t, huis, gemeente or {}) if beoordeling.uitkomst == AANMELDEN else []),
            *ladder_blocks(t, niveaus, niveau.niveau),
            text_block(t(messages.CHECK_LEZING), weight="Bolder", size="Small"),
            text_block(criteria.regel_en if engels else criteria.regel_nl, size="Small"),
            bron_block(t, "; ".join(beoordeling.bronnen), kop=messages.CHECK_BRONNEN),
        ],
        acties,
    )


def snelle_check_card(t: Teksten, criteria: Criteriaset, formulier: str) -> dict[str, Any]:
    """All criteria on one card, each with Ja / Nee / Weet niet, and one button to see the outcome."""
    engels = t.taal == EN
    keuzes = [
        {"title": t(messages.JA), "value": "ja"},
        {"title": t(messages.NEE), "value": "nee"},
        {"title": t(messages.WEET_NIET), "value": "weet_niet"},
    ]
    body: list[dict[str, Any]] = [
        title_block(t(messages.SNEL_TITEL)),
        text_block(t(messages.SNEL_UITLEG), size="Small"),
    ]
    for criterium in criteria.criteria:
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": criterium.code,
                "style": "expanded",
                "label": f"{criterium.code}. " + (criterium.vraag_en if engels else criterium.vraag_nl),
                "choices": keuzes,
            }
        )
    body.append(_gemeente_veld(t))
    body.append(text_block(criteria.regel_en if engels else criteria.regel_nl, size="Small", isSubtle=True))
    return adaptive_card(body, [submit(t, t(messages.KNOP_UITKOMST), {FORMULIER: formulier})])


# --- Aanmeldingen ---------------------------------------------------------------------------------

REFERENTIE = "referentie"
# Form fields: label, the maximum length of a text field (None: a choice), multi-line.
VELD_LABELS = {
    veld.ORGANISATIE: messages.VELD_ORGANISATIE,
    veld.TELEFOON: messages.VELD_TELEFOON,
    veld.GEMEENTE: messages.VELD_GEMEENTE,
    veld.DOELGROEP: messages.VELD_DOELGROEP,
    veld.INITIALEN: messages.VELD_INITIALEN,
    veld.GEBOORTEJAAR: messages.VELD_GEBOORTEJAAR,
    veld.GEZIN_MET_KINDEREN: messages.VELD_GEZIN,
    veld.LEEFGEBIEDEN: messages.VELD_LEEFGEBIEDEN,
    veld.SITUATIE: messages.VELD_SITUATIE,
    veld.PARTNERS: messages.VELD_PARTNERS,
    veld.STAGNATIE: messages.VELD_STAGNATIE,
    veld.GEINFORMEERD: messages.VELD_GEINFORMEERD,
    veld.REDEN_NIET_GEINFORMEERD: messages.VELD_REDEN,
    veld.URGENTIE: messages.VELD_URGENTIE,
    "samenvatting": messages.VELD_SAMENVATTING,  # of a recorded signal
}
TEKST_MAX = {
    veld.ORGANISATIE: 100, veld.TELEFOON: 20, veld.GEMEENTE: 60, veld.INITIALEN: 12, veld.GEBOORTEJAAR: 4,
    veld.SITUATIE: 1000, veld.PARTNERS: 500, veld.STAGNATIE: 1000, veld.REDEN_NIET_GEINFORMEERD: 500,
}
_MEERREGELIG = {veld.SITUATIE, veld.PARTNERS, veld.STAGNATIE, veld.REDEN_NIET_GEINFORMEERD}
ZRM_PREFIX = "zrm_"
MAX_IN_LIJST = 50  # aanmeldingen on one list card (inside Teams' payload limit)
_MAX_KNOPPEN = 5
NOTITIE_MAX = 500


def label(t: Teksten, keuzes: Sequence[Keuze], code: str | None) -> str:
    """The label of a choice (doelgroep, status, ...) in the user's language; the code when unknown."""
    for keuze in keuzes:
        if keuze.code == code:
            return keuze.en if t.taal == EN else keuze.nl
    return code or "–"


def _ja_nee(t: Teksten, waarde: object) -> str:
    return t(messages.JA) if waarde is True else t(messages.NEE) if waarde is False else "–"


def _keuzelijst(t: Teksten, keuzes: Sequence[Keuze]) -> list[dict[str, str]]:
    return [{"title": k.en if t.taal == EN else k.nl, "value": k.code} for k in keuzes]


def _ja_nee_lijst(t: Teksten) -> list[dict[str, str]]:
    return [{"title": t(messages.JA), "value": "ja"}, {"title": t(messages.NEE), "value": "nee"}]


def _als_invoer(waarde: object) -> str:
    """A stored or typed value as the text an input field shows."""
    if waarde is True:
        return "ja"
    if waarde is False:
        return "nee"
    if isinstance(waarde, dict):
        return str(waarde.get("gemeente", ""))
    return "" if waarde is None else str(waarde)


def _tekstveld(t: Teksten, naam: str, waarde: object, **extra: Any) -> dict[str, Any]:
    veld_card: dict[str, Any] = {
        "type": "Input.Text", "id": naam, "label": t(VELD_LABELS[naam]), "maxLength": TEKST_MAX[naam],
        "value": _als_invoer(waarde), **extra,
    }
    if naam in _MEERREGELIG:
        veld_card["isMultiline"] = True
        veld_card["placeholder"] = t(messages.TEKENS_MAX, max=TEKST_MAX[naam])
    return veld_card


def _keuzeveld(t: Teksten, naam: str, waarde: object, keuzes: list[dict[str, str]], **extra: Any) -> dict[str, Any]:
    return {
        "type": "Input.ChoiceSet", "id": naam, "label": t(VELD_LABELS[naam]), "style": "compact",
        "choices": keuzes, "value": _als_invoer(waarde), **extra,
    }


def zrm_velden(t: Teksten, fk: Formulierkennis, scores: object) -> list[dict[str, Any]]:
    """One dropdown per leefgebied with the ZRM scores 1-5; empty means no concern there."""
    gekozen = scores if isinstance(scores, dict) else {}
    keuzes = [{"title": f"{k.code} – {k.en if t.taal == EN else k.nl}", "value": k.code} for k in fk.zrm]
    return [
        {
            "type": "Input.ChoiceSet", "id": ZRM_PREFIX + gebied.code, "style": "compact",
            "label": gebied.en if t.taal == EN else gebied.nl, "placeholder": t(messages.ZRM_GEEN),
            "choices": keuzes, "value": _als_invoer(gekozen.get(gebied.code)),
        }
        for gebied in fk.leefgebieden
    ]


def aanmelding_card(
    t: Teksten, fk: Formulierkennis, invoer: dict[str, Any], formulier: str, vraag_id: str
) -> dict[str, Any]:
    """The whole form on one card, filled in with what is known (from a check, or a first try)."""
    ja_nee = _ja_nee_lijst(t)
    body: list[dict[str, Any]] = [
        title_block(t(messages.AANMELDING_TITEL)),
        text_block(t(messages.AANMELDING_UITLEG), size="Small"),
        text_block(t(messages.AANMELDING_MELDER), weight="Bolder", spacing="Medium"),
        _tekstveld(t, veld.ORGANISATIE, invoer.get(veld.ORGANISATIE)),
        _tekstveld(t, veld.TELEFOON, invoer.get(veld.TELEFOON), style="Tel"),
        text_block(t(messages.AANMELDING_BETROKKENE), weight="Bolder", spacing="Medium"),
        _tekstveld(t, veld.GEMEENTE, invoer.get(veld.GEMEENTE), placeholder=t(messages.GEMEENTE_VOORBEELD)),
        _keuzeveld(t, veld.DOELGROEP, invoer.get(veld.DOELGROEP), _keuzelijst(t, fk.doelgroepen)),
        _tekstveld(t, veld.INITIALEN, invoer.get(veld.INITIALEN), placeholder="J.P."),
        _tekstveld(t, veld.GEBOORTEJAAR, invoer.get(veld.GEBOORTEJAAR), placeholder="1987"),
        _keuzeveld(t, veld.GEZIN_MET_KINDEREN, invoer.get(veld.GEZIN_MET_KINDEREN), ja_nee, style="expanded"),
        text_block(t(messages.AANMELDING_ZORGEN), weight="Bolder", spacing="Medium"),
        text_block(t(messages.VELD_LEEFGEBIEDEN), size="Small"),
        *zrm_velden(t, fk, invoer.get(veld.LEEFGEBIEDEN)),
        _tekstveld(t, veld.SITUATIE, invoer.get(veld.SITUATIE)),
        _tekstveld(t, veld.PARTNERS, invoer.get(veld.PARTNERS)),
        _tekstveld(t, veld.STAGNATIE, invoer.get(veld.STAGNATIE)),
        _keuzeveld(t, veld.GEINFORMEERD, invoer.get(veld.GEINFORMEERD), ja_nee, style="expanded"),
        _tekstveld(t, veld.REDEN_NIET_GEINFORMEERD, invoer.get(veld.REDEN_NIET_GEINFORMEERD)),
        _keuzeveld(t, veld.URGENTIE, invoer.get(veld.URGENTIE), _keuzelijst(t, fk.urgenties), style="expanded"),
        text_block(t(messages.ACUUT_REGEL), weight="Bolder", color="Attention", size="Small"),
    ]
    return adaptive_card(body, [submit(t, t(messages.KNOP_VERSTUREN), {FORMULIER: formulier, VRAAG: vraag_id})])


def veld_card(
    t: Teksten, formulier: str, vraag_id: str, kop: str, vraag: str, naam: str,
    keuzes: Sequence[tuple[str, str]] = (), waarde: object = None, fk: Formulierkennis | None = None,
) -> dict[str, Any]:
    """One field of the form, for the typed fallback: buttons for a short choice, a dropdown for a long
    one, the ZRM dropdowns for the leefgebieden, otherwise a text field. Typing the answer works too."""
    body = [text_block(kop, isSubtle=True, size="Small"), text_block(vraag, weight="Bolder")]
    data = {FORMULIER: formulier, VRAAG: vraag_id}
    if keuzes and len(keuzes) <= _MAX_KNOPPEN:
        return adaptive_card(body, [submit(t, titel, {**data, naam: code}) for code, titel in keuzes])
    if keuzes:
        body.append(_keuzeveld(t, naam, waarde, [{"title": titel, "value": code} for code, titel in keuzes]))
    elif naam == veld.LEEFGEBIEDEN and fk is not None:
        body += zrm_velden(t, fk, waarde)
    else:
        body.append(_tekstveld(t, naam, waarde))
    return adaptive_card(body, [submit(t, t(messages.KNOP_VERDER), data)])


def _aanmelding_feiten(t: Teksten, fk: Formulierkennis, gegevens: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) for every field of a concept or a stored aanmelding, in form order."""
    gemeente = gegevens.get(veld.GEMEENTE)
    scores = gegevens.get(veld.LEEFGEBIEDEN) or {}
    gebieden = ", ".join(f"{label(t, fk.leefgebieden, code)} {score}" for code, score in scores.items())
    def tekst(naam: str) -> str:
        return letterlijk(gegevens.get(naam) or "")

    feiten = [
        (messages.VELD_ORGANISATIE, tekst(veld.ORGANISATIE)),
        (messages.VELD_TELEFOON, str(gegevens.get(veld.TELEFOON) or "")),
        (messages.VELD_GEMEENTE, str(gemeente.get("gemeente", "")) if isinstance(gemeente, dict) else ""),
        (messages.VELD_DOELGROEP, label(t, fk.doelgroepen, gegevens.get(veld.DOELGROEP))),
        (messages.VELD_INITIALEN, str(gegevens.get(veld.INITIALEN) or "")),
        (messages.VELD_GEBOORTEJAAR, str(gegevens.get(veld.GEBOORTEJAAR) or "")),
        (messages.VELD_GEZIN, _ja_nee(t, gegevens.get(veld.GEZIN_MET_KINDEREN))),
        (messages.VELD_LEEFGEBIEDEN, gebieden),
        (messages.VELD_SITUATIE, tekst(veld.SITUATIE)),
        (messages.VELD_PARTNERS, tekst(veld.PARTNERS)),
        (messages.VELD_STAGNATIE, tekst(veld.STAGNATIE)),
        (messages.VELD_GEINFORMEERD, _ja_nee(t, gegevens.get(veld.GEINFORMEERD))),
        (messages.VELD_REDEN, tekst(veld.REDEN_NIET_GEINFORMEERD)),
        (messages.VELD_URGENTIE, label(t, fk.urgenties, gegevens.get(veld.URGENTIE))),
    ]
    return [(kop, waarde) for kop, waarde in feiten if waarde]


def samenvatting_card(
    t: Teksten, fk: Formulierkennis, concept: dict[str, Any], vraag_id: str, huis: Veiligheidshuis | None,
    *, concept_id: str,
) -> dict[str, Any]:
    """Everything entered, to review before it is stored: Bevestigen, Wijzigen, Annuleren."""
    body = [
        title_block(t(messages.SAMENVATTING_TITEL)),
        *([text_block(t(messages.HUIS_KOP, naam=huis.naam), weight="Bolder")] if huis else []),
        *feiten_blocks(t, _aanmelding_feiten(t, fk, concept)),
        text_block(t(messages.SAMENVATTING_UITLEG), size="Small"),
    ]
    data = {VRAAG: vraag_id}
    return adaptive_card(body, [
        submit(t, t(messages.KNOP_BEVESTIGEN), {**data, KEUZE: "bevestigen", AANMELDING_CONCEPT: concept_id}),
        submit(t, t(messages.KNOP_WIJZIGEN), {**data, KEUZE: "wijzigen"}),
        submit(t, t(messages.KNOP_ANNULEREN), {ACTIE: "stoppen"}),
    ])


def bevestigd_card(
    t: Teksten, fk: Formulierkennis, aanmelding: Aanmelding, huis: Veiligheidshuis | None
) -> dict[str, Any]:
    """The reference, where the aanmelding is, and what happens next."""
    naam = huis.naam if huis else aanmelding.veiligheidshuis
    return adaptive_card(
        [
            title_block(t(messages.BEVESTIGD_TITEL, referentie=aanmelding.referentie)),
            text_block(t(messages.BEVESTIGD_TEKST, huis=naam, referentie=aanmelding.referentie)),
            text_block(t(messages.BEVESTIGD_DAARNA), weight="Bolder"),
            text_block(fk.na_aanmelding_en if t.taal == EN else fk.na_aanmelding_nl),
            bron_block(t, fk.bron_na_aanmelding),
        ],
        [
            submit(
                t, t(messages.KNOP_AANMELDING_BEKIJKEN),
                {ACTIE: "aanmelding_bekijken", REFERENTIE: aanmelding.referentie},
            ),
            menu_button(t, t(messages.KNOP_MIJN_AANMELDINGEN), "mijn_aanmeldingen"),
            menu_button(t, t(messages.KNOP_MENU), "hulp"),
        ],
    )


def _regel(t: Teksten, fk: Formulierkennis, a: Aanmelding) -> str:
    return t(
        messages.MIJN_REGEL, referentie=a.referentie, datum=t.datum(a.aangemaakt), gemeente=a.gemeente,
        doelgroep=label(t, fk.doelgroepen, a.doelgroep), status=label(t, fk.statussen, a.status),
    )


def _aanmeldingenlijst(
    t: Teksten, fk: Formulierkennis, titel: str, leeg: str, aanmeldingen: Sequence[Aanmelding]
) -> dict[str, Any]:
    body: list[dict[str, Any]] = [title_block(titel)]
    if not aanmeldingen:
        return adaptive_card([*body, text_block(leeg)], [menu_button(t, t(messages.KNOP_MENU), "hulp")])
    # Teams shows six actions at most: the list as lines, the choice of one as a dropdown.
    toon = aanmeldingen[:MAX_IN_LIJST]
    body.append(text_block("\n".join(f"- {_regel(t, fk, a)}" for a in toon)))
    body.append({
        "type": "Input.ChoiceSet", "id": REFERENTIE, "style": "compact", "label": t(messages.MIJN_KIES),
        "choices": [{"title": a.referentie, "value": a.referentie} for a in toon], "value": toon[0].referentie,
    })
    return adaptive_card(body, [
        submit(t, t(messages.KNOP_AANMELDING_BEKIJKEN), {ACTIE: "aanmelding_bekijken"}),
        menu_button(t, t(messages.KNOP_MENU), "hulp"),
    ])


def mijn_aanmeldingen_card(t: Teksten, fk: Formulierkennis, aanmeldingen: Sequence[Aanmelding]) -> dict[str, Any]:
    """The professional's own aanmeldingen, newest first, with their status."""
    return _aanmeldingenlijst(t, fk, t(messages.MIJN_TITEL), t(messages.MIJN_GEEN), aanmeldingen)


def werkvoorraad_card(t: Teksten, fk: Formulierkennis, aanmeldingen: Sequence[Aanmelding]) -> dict[str, Any]:
    """For a ZVH-medewerker: the aanmeldingen not yet afgesloten, oldest first."""
    return _aanmeldingenlijst(t, fk, t(messages.WERKVOORRAAD_TITEL), t(messages.WERKVOORRAAD_GEEN), aanmeldingen)


def aanmelding_detail_card(
    t: Teksten, fk: Formulierkennis, a: Aanmelding, huis: Veiligheidshuis | None, triage: bool
) -> dict[str, Any]:
    """One aanmelding with all its fields and status; for a ZVH-medewerker also the vervolgactie form."""
    gegevens = {
        veld.ORGANISATIE: a.melder.organisatie, veld.TELEFOON: a.melder.telefoon,
        veld.GEMEENTE: {"gemeente": a.gemeente}, veld.DOELGROEP: a.doelgroep, veld.INITIALEN: a.initialen,
        veld.GEBOORTEJAAR: a.geboortejaar, veld.GEZIN_MET_KINDEREN: a.gezin_met_kinderen,
        veld.LEEFGEBIEDEN: a.leefgebieden, veld.SITUATIE: a.situatie, veld.PARTNERS: a.partners,
        veld.STAGNATIE: a.stagnatie, veld.GEINFORMEERD: a.geinformeerd,
        veld.REDEN_NIET_GEINFORMEERD: a.reden_niet_geinformeerd, veld.URGENTIE: a.urgentie,
    }
    status = [
        (messages.DETAIL_STATUS, label(t, fk.statussen, a.status)),
        (messages.DETAIL_VERVOLGACTIE, label(t, fk.vervolgacties, a.vervolgactie) if a.vervolgactie else ""),
        (messages.DETAIL_NOTITIE, letterlijk(a.notitie)),
        (messages.DETAIL_AANGEMAAKT, t.tijdstip(a.aangemaakt)),
        (messages.AANMELDING_MELDER, letterlijk(a.melder.naam)),
        (messages.DETAIL_CRITERIA, _uitkomst_naam(t, a.criteria_uitkomst)),
    ]
    body: list[dict[str, Any]] = [
        title_block(t(messages.DETAIL_TITEL, referentie=a.referentie)),
        *([text_block(huis.naam, isSubtle=True)] if huis else []),
        *feiten_blocks(t, status),
    ]
    if a.gewist:
        body.append(text_block(t(messages.DETAIL_GEWIST), weight="Bolder"))
    else:
        body += feiten_blocks(t, _aanmelding_feiten(t, fk, gegevens))
    acties = [menu_button(t, t(messages.KNOP_MENU), "hulp")]
    if triage and a.status != veld.AFGESLOTEN:
        body += [
            text_block(t(messages.TRIAGE_KOP), weight="Bolder", spacing="Medium"),
            {
                "type": "Input.ChoiceSet", "id": "vervolgactie", "style": "expanded",
                "label": t(messages.DETAIL_VERVOLGACTIE), "choices": _keuzelijst(t, fk.vervolgacties),
                "value": a.vervolgactie or "",
            },
            {
                "type": "Input.Text", "id": "notitie", "isMultiline": True, "maxLength": NOTITIE_MAX,
                "label": t(messages.TRIAGE_NOTITIE, max=NOTITIE_MAX), "value": a.notitie,
            },
        ]
        data = {ACTIE: "triage", REFERENTIE: a.referentie}
        acties = [
            submit(t, t(messages.KNOP_VERVOLGACTIE_OPSLAAN), {**data, "stap": "vervolgactie"}),
            submit(t, t(messages.KNOP_AFSLUITEN), {**data, "stap": "afsluiten"}),
            menu_button(t, t(messages.KNOP_WERKVOORRAAD), "werkvoorraad"),
        ]
    return adaptive_card(body, acties)


def _uitkomst_naam(t: Teksten, uitkomst: str | None) -> str:
    if not uitkomst:
        return t(messages.CRITERIA_NIET_GEDAAN)
    return t(_UITKOMST_KOP.get(uitkomst, messages.CHECK_UITKOMST_UITZOEKEN))


def cijfers_card(
    t: Teksten, jaar: int, kop: Sequence[str], rijen: Sequence[Sequence[str | int]], huis: str = ""
) -> dict[str, Any]:
    """The figures of one Veiligheidshuis as a table, as the annual reports publish them: a row per
    gemeente, a column per doelgroep, totals last (one card per house keeps it inside Teams' limit)."""
    body: list[dict[str, Any]] = [title_block(t(messages.CIJFERS_TITEL, jaar=jaar))]
    if huis:
        body.append(text_block(huis, isSubtle=True))
    if not rijen:
        body.append(text_block(t(messages.CIJFERS_GEEN, jaar=jaar)))
        return adaptive_card(body)

    def rij(cellen: Sequence[str | int], vet: bool = False) -> dict[str, Any]:
        opmaak = {"weight": "Bolder"} if vet else {}
        return {
            "type": "TableRow",
            "cells": [{"type": "TableCell", "items": [text_block(str(c), **opmaak)]} for c in cellen],
        }

    body.append({
        "type": "Table", "firstRowAsHeader": True, "gridStyle": "accent",
        "columns": [{"type": "TableColumnDefinition", "width": 2 if i == 0 else 1} for i in range(len(kop))],
        "rows": [rij(kop, vet=True), *(rij(r, vet=i == len(rijen) - 1) for i, r in enumerate(rijen))],
    })
    return adaptive_card(body)


# --- Recorded signals ----------------------------------------------------------------------------


def samenvatting_signaal_card(
    t: Teksten, formulier: str, maximum: int, waarde: str = "", *, concept_id: str
) -> dict[str, Any]:
    """The summary of a signal to record: what was seen or heard, without names."""
    return adaptive_card(
        [
            text_block(t(messages.SIGNAAL_KOP), isSubtle=True, size="Small"),
            text_block(t(messages.SIGNAAL_SAMENVATTING_VRAAG, max=maximum), weight="Bolder"),
            {
                "type": "Input.Text", "id": "samenvatting", "isMultiline": True, "maxLength": maximum,
                "label": t(messages.SIGNAAL_SAMENVATTING_LABEL), "value": waarde,
            },
        ],
        [submit(t, t(messages.KNOP_VASTLEGGEN), {FORMULIER: formulier, SIGNAAL_CONCEPT: concept_id})],
    )


def signalen_card(t: Teksten, signalen: Sequence[Signaal], soorten: Sequence[Signaalsoort]) -> dict[str, Any]:
    """For a ZVH-medewerker: the recorded signals not yet handled, oldest first, to mark afgehandeld."""
    namen = {s.code: s.naam_en if t.taal == EN else s.naam_nl for s in soorten}
    toon = signalen[:30]
    regels = [
        f"**{s.referentie}** · {t.datum(s.aangemaakt)} · {s.gemeente} · {namen.get(s.soort, s.soort)}: "
        f"{letterlijk(s.samenvatting)}"
        for s in toon
    ]
    return adaptive_card(
        [
            title_block(t(messages.SIGNALEN_TITEL)),
            text_block("\n".join(f"- {regel}" for regel in regels)),
            {
                "type": "Input.ChoiceSet", "id": REFERENTIE, "style": "compact", "label": t(messages.MIJN_KIES),
                "choices": [{"title": s.referentie, "value": s.referentie} for s in toon],
                "value": toon[0].referentie if toon else "",
            },
        ],
        [submit(t, t(messages.KNOP_AFGEHANDELD), {ACTIE: "signaal_afhandelen"})],
    )
