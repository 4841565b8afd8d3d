"""Everything the bot says, in Dutch; English lives in dialogs/locale/en/LC_MESSAGES/messages.po.

Run `pybabel extract -k N_ -o /tmp/messages.pot dialogs` and `pybabel update` after changing copy;
tests/dialogs/test_messages.py fails while a text has no English translation.
"""

from dialogs.i18n import N_

# Welcome and help
WELKOM_TITEL = N_("Welkom bij de ZVH-assistent")
WELKOM_TEKST = N_(
    "Maak je je zorgen over een persoon of gezin? Ik help je bepalen waar de casus hoort: lokaal, "
    "in een netwerkoverleg of bij het Zorg- en Veiligheidshuis. Kies hieronder wat je wilt doen, "
    "of typ je vraag."
)
PRIVACY_REGEL = N_("Noem geen namen of BSN in deze chat: initialen en een geboortejaar zijn genoeg.")
ACUUT_REGEL = N_("Is iemand nu in gevaar? Bel direct 112.")
HULP_TITEL = N_("Waarmee kan ik helpen?")
HULP_TEKST = N_("Klik op een knop of typ een van deze woorden:")
HULP_CHECK = N_("**check** – loop de aanmeldcriteria door en zie waar de casus hoort")
HULP_SNELLE_CHECK = N_("**snelle check** – alle criteria op één kaart, voor wie ze al kent")
HULP_AANMELDEN = N_("**aanmelden** – meld een casus aan bij het Veiligheidshuis")
HULP_SIGNAAL = N_("**signaal** – meld radicalisering of verward gedrag bij het juiste meldpunt")
HULP_WOORDENLIJST = N_("**woordenlijst** – zoek een begrip of afkorting op")
HULP_MIJN_AANMELDINGEN = N_("**mijn aanmeldingen** – bekijk de status van je aanmeldingen")
HULP_STOPPEN = N_("**annuleren** – stop wat we aan het doen zijn")

# Buttons of the menu
KNOP_CHECK = N_("Criteria check")
KNOP_AANMELDEN = N_("Aanmelden")
KNOP_SIGNAAL = N_("Signaal melden")
KNOP_WOORDENLIJST = N_("Woordenlijst")
KNOP_MIJN_AANMELDINGEN = N_("Mijn aanmeldingen")

# Interruptions and fallback
GESTOPT = N_("Oké, ik ben gestopt. Er is niets bewaard van wat we aan het doen waren.")
NIETS_TE_STOPPEN = N_("Er loopt op dit moment niets dat ik kan stoppen.")
NIET_BEGREPEN = N_("Dat begrijp ik niet helemaal. Kies hieronder wat je wilt doen, of typ **help**.")
ALLEEN_TEKST = N_("Ik kan alleen tekst en klikken op knoppen verwerken. Typ je vraag of kies een knop.")
IN_AANBOUW = N_(
    "Dit onderdeel ({onderdeel}) is nog in aanbouw en kan ik nu nog niet voor je doen. "
    "Wat ik al wel kan, staat hieronder."
)
GA_VERDER = N_("We gaan verder waar we waren:")
FOUT_EXCUSES = N_(
    "Sorry, er ging bij mij iets mis. Wat we aan het doen waren, is afgebroken; begin opnieuw met **help**."
)
FOUT_GELIJKTIJDIG = N_(
    "Je bericht kruiste een ander bericht in dit gesprek. Stuur je laatste antwoord nog een keer."
)

# Acute danger
ACUUT_TITEL = N_("Acuut gevaar? Bel {nummer}")
ACUUT_TEKST = N_("Daarna kun je hier gewoon verder.")
BRON = N_("Bron: {bron}")

# Choices
JA = N_("Ja")
NEE = N_("Nee")
WEET_NIET = N_("Weet niet")
WAAROM = N_("Waarom vraag je dit?")
KIES_OPNIEUW = N_("Dat antwoord herken ik niet. Kies een van de knoppen of typ je antwoord ({opties}).")
OF = N_("of")
VERLOPEN_KNOP = N_("Die knop hoort bij een eerdere vraag. Beantwoord deze vraag:")

# Criteria check
CHECK_INTRO = N_(
    "We lopen de landelijke aanmeldcriteria van de Zorg- en Veiligheidshuizen door: hooguit vier vragen. "
    "Antwoord met ja, nee of weet niet; bij elke vraag kun je vragen waarom ik die stel. "
    "Ken je de criteria al? Typ dan 'snelle check': alle vragen op één kaart."
)
CHECK_VRAAG_KOP = N_("Criterium {code} van {aantal}")
CHECK_UITLEG_KOP = N_("Waarom ik dit vraag")
CHECK_UITKOMST_AANMELDEN = N_("Deze casus past bij het Veiligheidshuis")
CHECK_UITKOMST_LOKAAL = N_("Deze casus hoort (nog) lokaal")
CHECK_UITKOMST_UITZOEKEN = N_("Eerst uitzoeken")
CHECK_NIVEAU = N_("Opschalingsmodel: niveau {niveau} – {naam}")
CHECK_VOLDAAN = N_("Voldaan: {criteria}")
CHECK_NIET_VOLDAAN = N_("Niet voldaan: {criteria}")
CHECK_ONBEKEND = N_("Nog onbekend: {criteria}")
CHECK_VERVOLGSTAP = N_("Volgende stap")
CHECK_LEZING = N_("Hoe ik de criteria lees")
CHECK_BRONNEN = N_("Bronnen: {bron}")
KNOP_NIEUWE_CHECK = N_("Nieuwe check")
LADDER_KOP = N_("Waar de casus staat op het opschalingsmodel")
SNEL_TITEL = N_("Snelle check: alle criteria op één kaart")
SNEL_UITLEG = N_("Kies bij elke vraag ja, nee of weet niet en klik op Toon uitkomst.")
SNEL_ONVOLLEDIG = N_(
    "Nog niet alles is ingevuld: {criteria}. Kies bij elke vraag ja, nee of weet niet, of typ de vier "
    "antwoorden achter elkaar (bijvoorbeeld: ja, ja, nee, weet niet)."
)
KNOP_UITKOMST = N_("Toon uitkomst")

# Signaal melden
SIGNAAL_KOP = N_("Signaal melden")
SIGNAAL_GEVAAR = N_("Eerst dit: is iemand op dit moment in gevaar?")
SIGNAAL_WELKE = N_("Waar gaat je zorg over?")
SIGNAAL_WELKE_TWIJFEL = N_("Je bericht kan over meer dan één soort signaal gaan. Welke past het best?")
SIGNAAL_SIGNALEN = N_("Signalen om op te letten")
SIGNAAL_MELDPUNTEN = N_("Waar meld je dit")
SIGNAAL_REGIO = N_("Voor de gemeente {gemeente} ({huis})")
SIGNAAL_LANDELIJK = N_("Geen gemeente gekozen: hieronder de landelijke en alle regionale meldpunten.")
SIGNAAL_DAARNA = N_("Wat er daarna gebeurt: {tekst}")
SIGNAAL_VOORBEREIDEN = N_("Houd bij de hand: {tekst}")
SIGNAAL_GEMEENTE = N_("In welke gemeente speelt dit? Dan noem ik de meldpunten voor die regio.")
SIGNAAL_PRIVACY = N_("Noem bij het melden alleen wat nodig is; in deze chat geen namen of BSN.")

# Gemeente and Veiligheidshuis
GEMEENTE_VRAAG = N_("In welke gemeente woont de betrokkene? Dan noem ik het Veiligheidshuis waar je aanmeldt.")
GEMEENTE_LABEL = N_("Gemeente")
GEMEENTE_VOORBEELD = N_("bijvoorbeeld Sittard-Geleen")
KNOP_VERDER = N_("Verder")
KNOP_WEET_IK_NIET = N_("Weet ik niet")
GEMEENTE_ONBEKEND = N_(
    "'{genoemd}' ken ik niet als gemeente in Limburg. Typ een van deze gemeenten, of 'weet ik niet': {lijst}."
)
HUIS_KOP = N_("Aanmelden bij: {naam}")
OVERLEG_KOP = N_("Overleggen en instrumenten")
OVERLEG_HUIS = N_("{naam} (gemeente {gemeente})")
OVERLEG_GEEN = N_("Voor dit Veiligheidshuis staan in de bronnen geen overleggen{voor}.")
OVERLEG_VOOR = N_(" voor deze doelgroep")
OVERLEG_NIET_GEVONDEN = N_("In de bronnen vind ik voor deze doelgroep geen overleg bij een Limburgs Veiligheidshuis.")
HUIS_GEMEENTE_NU = N_("{genoemd} hoort nu bij de gemeente {gemeente}.")
HUIS_ADRES = N_("Adres")
HUIS_TELEFOON = N_("Telefoon")
HUIS_EMAIL = N_("E-mail")
HUIS_WEBSITE = N_("Website")
HUIS_NIET_GECONTROLEERD = N_("Let op: niet alles hiervan is recent gecontroleerd. Herkomst: {peildatum}.")
HUIS_ONBEKEND = N_(
    "Het Veiligheidshuis hangt af van de gemeente van de betrokkene. Weet je die, doe dan de check opnieuw "
    "of kijk in de woordenlijst onder Veiligheidshuis."
)
KNOP_MENU = N_("Menu")

# Woordenlijst
BEGRIP_ZIE_OOK = N_("Zie ook")
BEGRIP_WELKE = N_("Welk begrip bedoel je?")
BEGRIP_ONBEKEND = N_("'{kern}' staat niet in de woordenlijst.")
BEGRIP_MISSCHIEN = N_("Bedoel je misschien:")
BLADER_TITEL = N_("Woordenlijst")
BLADER_LETTER_TITEL = N_("Woordenlijst – begrippen met een {letter}")
BLADER_UITLEG = N_(
    "Kies een begrip en klik op Toon uitleg, of typ je vraag (bijvoorbeeld: wat is een quick win?). "
    "Per letter: typ bijvoorbeeld 'begrippen met een V'."
)
BLADER_LETTERS = N_("Letters: {letters}")
BLADER_GEEN = N_("Er staan geen begrippen met een {letter} in de woordenlijst.")
BLADER_KIES = N_("Kies een begrip")
KNOP_TOON_UITLEG = N_("Toon uitleg")
