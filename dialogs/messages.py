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
GA_VERDER = N_("We gaan verder waar we waren:")
FOUT_EXCUSES = N_(
    "Sorry, er ging bij mij iets mis. Wat we aan het doen waren, is afgebroken; begin opnieuw met **help**."
)
FOUT_GELIJKTIJDIG = N_(
    "Je bericht kruiste een ander bericht in dit gesprek. Stuur je laatste antwoord nog een keer."
)
FOUT_OPSLAG = N_(
    "Het lukte me even niet om dit op te slaan. Wat je eerder invulde, staat er nog: stuur je laatste "
    "antwoord zo nog een keer."
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
    "We lopen de aanmeldcriteria van de Zorg- en Veiligheidshuizen door: eerst de gemeente, dan hooguit "
    "vier vragen (in Maastricht-Heuvelland hooguit zes). Antwoord met ja, nee of weet niet; bij elke vraag "
    "kun je vragen waarom ik die stel. Ken je de criteria al? Typ dan 'snelle check': alle vragen op één kaart."
)
CHECK_GEMEENTE_VRAAG = N_(
    "In welke gemeente woont de betrokkene? Die bepaalt het Veiligheidshuis en welke criteria gelden."
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

# Aanmelding: the form
AANMELDING_TITEL = N_("Aanmelding bij het Zorg- en Veiligheidshuis")
AANMELDING_UITLEG = N_(
    "Vul in wat je weet; ik controleer het en laat je alles nakijken voordat er iets wordt opgeslagen. "
    "Over de betrokkene alleen initialen en geboortejaar: geen naam, BSN, adres of telefoonnummer."
)
AANMELDING_VOORAF = N_("Uit je check heb ik al ingevuld: gemeente {gemeente}.")
AANMELDING_GETYPT = N_("Geen probleem, dan vraag ik het één voor één. Typ **annuleren** om te stoppen.")
AANMELDING_VELD_KOP = N_("Aanmelding – vraag {nummer} van {aantal}")
AANMELDING_FOUTEN = N_("Nog niet alles klopt:")
AANMELDING_DOORGAAN = N_(
    "Je aanmelding is nog niet bevestigd. Maak haar eerst af (of klik op Bevestigen), of typ **annuleren** "
    "om te stoppen zonder iets op te slaan."
)
AANMELDING_MELDER = N_("Melder")
AANMELDING_BETROKKENE = N_("Betrokkene")
AANMELDING_ZORGEN = N_("Zorgen")
KNOP_VERSTUREN = N_("Naar samenvatting")
KNOP_BEVESTIGEN = N_("Bevestigen")
KNOP_WIJZIGEN = N_("Wijzigen")
KNOP_ANNULEREN = N_("Annuleren")
SAMENVATTING_TITEL = N_("Controleer je aanmelding")
SAMENVATTING_UITLEG = N_(
    "Klopt alles? Klik op Bevestigen. Iets aanpassen: klik op Wijzigen of typ bijvoorbeeld "
    "'wijzig geboortejaar'. Annuleren slaat niets op."
)
SAMENVATTING_WELK_VELD = N_(
    "Welk onderdeel wil je wijzigen? Typ bijvoorbeeld 'wijzig geboortejaar'. Onderdelen: {velden}."
)
SAMENVATTING_KIES = N_("Klik op Bevestigen, Wijzigen of Annuleren (of typ 'bevestigen', 'wijzig <onderdeel>').")
OPSLAAN_MISLUKT = N_(
    "Opslaan lukte op dit moment niet; er is niets bewaard. Je gegevens staan nog klaar: "
    "klik nog een keer op Bevestigen."
)
BEVESTIGD_TITEL = N_("Aanmelding ontvangen: {referentie}")
BEVESTIGD_TEKST = N_(
    "Je aanmelding staat bij {huis}. Bewaar het kenmerk {referentie}: daarmee volg je de status "
    "onder **mijn aanmeldingen**. Je krijgt hier een bericht als de status verandert."
)
BEVESTIGD_DAARNA = N_("Wat er nu gebeurt")
KNOP_AANMELDING_BEKIJKEN = N_("Bekijken")

# Aanmelding: the fields (label, question in the typed fallback)
VELD_ORGANISATIE = N_("Jouw organisatie")
VELD_TELEFOON = N_("Jouw telefoonnummer (werk)")
VELD_GEMEENTE = N_("Gemeente van de betrokkene")
VELD_DOELGROEP = N_("Doelgroep")
VELD_INITIALEN = N_("Initialen van de betrokkene")
VELD_GEBOORTEJAAR = N_("Geboortejaar van de betrokkene")
VELD_GEZIN = N_("Gezin met minderjarige kinderen?")
VELD_LEEFGEBIEDEN = N_("Leefgebieden met ZRM-score")
VELD_SITUATIE = N_("Situatie: wat speelt er?")
VELD_PARTNERS = N_("Welke partners zijn al betrokken?")
VELD_STAGNATIE = N_("Waarom lukt het niet in de reguliere samenwerking?")
VELD_GEINFORMEERD = N_("Is de betrokkene geïnformeerd over de aanmelding?")
VELD_REDEN = N_("Waarom is de betrokkene niet geïnformeerd?")
VELD_URGENTIE = N_("Urgentie")
VRAAG_ORGANISATIE = N_("Bij welke organisatie werk je? (bijvoorbeeld wijkteam Maastricht-Noord, politie, Mondriaan)")
VRAAG_TELEFOON = N_("Op welk telefoonnummer kan het Veiligheidshuis jou bereiken? (je eigen werknummer)")
VRAAG_GEMEENTE = N_("In welke gemeente woont de betrokkene?")
VRAAG_DOELGROEP = N_("Bij welke doelgroep past de casus het best?")
VRAAG_INITIALEN = N_("Wat zijn de initialen van de betrokkene? (bijvoorbeeld J.P.; geen naam)")
VRAAG_GEBOORTEJAAR = N_("Wat is het geboortejaar van de betrokkene? (bijvoorbeeld 1987)")
VRAAG_GEZIN = N_("Gaat het om een gezin of huishouden met minderjarige kinderen?")
VRAAG_LEEFGEBIEDEN = N_(
    "Op welke leefgebieden spelen problemen, met een ZRM-score van 1 (acute problematiek) tot 5 "
    "(volledig zelfredzaam)? Typ bijvoorbeeld: financieel 2, wonen 1, verslaving 2. Leefgebieden: {lijst}."
)
VRAAG_SITUATIE = N_("Beschrijf kort wat er speelt en waarom je je zorgen maakt (hooguit {max} tekens, zonder namen).")
VRAAG_PARTNERS = N_("Welke organisaties zijn al betrokken? (typ 'geen' als er nog niemand is)")
VRAAG_STAGNATIE = N_("Waarom lukt het niet binnen de reguliere samenwerking: waar loopt het vast?")
VRAAG_GEINFORMEERD = N_("Is de betrokkene geïnformeerd over deze aanmelding?")
VRAAG_REDEN = N_(
    "Waarom is de betrokkene (nog) niet geïnformeerd? Bijvoorbeeld: veiligheid van de melder of van anderen."
)
VRAAG_URGENTIE = N_("Hoe urgent is het? (acuut gevaar: bel 112, dat hoort niet in een aanmelding)")
ZRM_GEEN = N_("geen zorg")
TEKENS_MAX = N_("hooguit {max} tekens")

# Aanmelding: what is wrong with an answer
FOUT_LEEG = N_("{veld}: dit is nog niet ingevuld.")
FOUT_TE_LANG = N_("{veld}: dat is te lang, hooguit {max} tekens. Maak het korter.")
FOUT_BSN = N_(
    "{veld}: daar staat een nummer dat een BSN kan zijn. Haal het weg: een BSN hoort niet in deze aanmelding."
)
FOUT_EMAIL = N_("{veld}: daar staat een e-mailadres. Haal het weg: contactgegevens van de betrokkene horen hier niet.")
FOUT_TELEFOONNUMMER = N_(
    "{veld}: daar staat een telefoonnummer. Haal het weg: contactgegevens van de betrokkene horen hier niet."
)
FOUT_GEMEENTE = N_("{veld}: '{genoemd}' ken ik niet als gemeente in Limburg. Kies een van: {lijst}.")
FOUT_KEUZE = N_("{veld}: kies een van: {lijst}.")
FOUT_LEEFGEBIED_ONBEKEND = N_("{veld}: '{genoemd}' ken ik niet als leefgebied. Kies uit: {lijst}.")
FOUT_ZRM = N_("{veld}: de ZRM-score voor {leefgebied} moet van {min} tot en met {max} zijn.")
FOUT_GEBOORTEJAAR = N_("{veld}: kies een jaar van {min} tot en met {max}.")
FOUT_GEEN_INITIALEN = N_("{veld}: alleen initialen, geen naam. Bijvoorbeeld J.P. in plaats van Jan Peters.")
FOUT_ONGELDIG_TELEFOON = N_("{veld}: dat herken ik niet als telefoonnummer. Bijvoorbeeld 06 12345678 of 043 123 4567.")
FOUT_ONGELDIG_JAAR = N_("{veld}: typ het jaar in vier cijfers, bijvoorbeeld 1987.")
FOUT_ONGELDIG_INITIALEN = N_("{veld}: alleen letters, bijvoorbeeld J.P.")
FOUT_ONGELDIG_JA_NEE = N_("{veld}: kies ja of nee.")
FOUT_ONGELDIG_LEEFGEBIEDEN = N_("{veld}: typ per leefgebied een score, bijvoorbeeld: financieel 2, wonen 1.")
FOUT_ANDERE_KAART = N_("Die knop hoort bij een andere kaart. Beantwoord deze vraag:")

# Mijn aanmeldingen, detail, triage
MIJN_TITEL = N_("Mijn aanmeldingen")
MIJN_GEEN = N_("Je hebt nog geen aanmeldingen gedaan via de ZVH-assistent.")
MIJN_REGEL = N_("**{referentie}** · {datum} · {gemeente} · {doelgroep} · {status}")
MIJN_KIES = N_("Kies een aanmelding")
AANMELDING_ONBEKEND = N_("Ik vind geen aanmelding {referentie} die jij mag inzien.")
DETAIL_TITEL = N_("Aanmelding {referentie}")
DETAIL_STATUS = N_("Status")
DETAIL_VERVOLGACTIE = N_("Vervolgactie")
DETAIL_NOTITIE = N_("Notitie van het Veiligheidshuis")
DETAIL_AANGEMAAKT = N_("Ontvangen")
DETAIL_CRITERIA = N_("Uitkomst criteria check")
DETAIL_GEWIST = N_("De persoonsgegevens van deze aanmelding zijn gewist (bewaartermijn verstreken).")
CRITERIA_NIET_GEDAAN = N_("geen check gedaan")
WERKVOORRAAD_TITEL = N_("Werkvoorraad: aanmeldingen die nog openstaan")
WERKVOORRAAD_GEEN = N_("Er staan geen open aanmeldingen voor je Veiligheidshuis.")
ALLEEN_MEDEWERKERS = N_("Dit kan alleen een ZVH-medewerker. Zoek je je eigen aanmeldingen? Typ **mijn aanmeldingen**.")
TRIAGE_KOP = N_("Vervolgactie kiezen")
TRIAGE_NOTITIE = N_("Notitie (de melder ziet die ook; zonder namen, hooguit {max} tekens)")
KNOP_VERVOLGACTIE_OPSLAAN = N_("Vervolgactie opslaan")
KNOP_AFSLUITEN = N_("Afsluiten")
KNOP_WERKVOORRAAD = N_("Werkvoorraad")
TRIAGE_OPGESLAGEN = N_("{referentie}: status nu '{status}'. De melder krijgt daarvan bericht.")
TRIAGE_KIES_VERVOLGACTIE = N_("Kies eerst een vervolgactie.")
STATUS_BERICHT = N_("Je aanmelding {referentie} heeft een nieuwe status: {status}.")
STATUS_BERICHT_VERVOLGACTIE = N_(
    "Je aanmelding {referentie} heeft een nieuwe status: {status}. Vervolgactie: {vervolgactie}."
)
CIJFERS_TITEL = N_("Aanmeldingen per doelgroep per gemeente, {jaar}")
CIJFERS_GEEN = N_("In {jaar} zijn er (nog) geen aanmeldingen.")
CIJFERS_CSV = N_("Dezelfde cijfers als CSV (kopieer naar Excel):")

# Signaal vastleggen
SIGNAAL_VASTLEGGEN_VRAAG = N_(
    "Wil je dit signaal ook vastleggen voor {huis}? Dan staat het in hun werkvoorraad{kanaal}."
)
SIGNAAL_KANAAL = N_(" en gaat het meteen naar hun meldpunt in Teams")
KNOP_VASTLEGGEN = N_("Vastleggen")
KNOP_NEE_KLAAR = N_("Nee, klaar")
SIGNAAL_SAMENVATTING_VRAAG = N_(
    "Beschrijf in een paar zinnen wat je zag of hoorde, zonder namen, BSN of contactgegevens "
    "(hooguit {max} tekens)."
)
SIGNAAL_SAMENVATTING_LABEL = N_("Wat zag of hoorde je?")
VELD_SAMENVATTING = N_("Samenvatting")
SIGNAAL_VASTGELEGD = N_("Signaal vastgelegd: {referentie}. Het staat bij {huis}.")
SIGNAAL_DOORGEZET = N_("Ik heb het ook in het Teams-kanaal van het meldpunt gezet.")
SIGNAAL_KANAAL_MISLUKT = N_(
    "Het Teams-kanaal van het meldpunt kon ik nu niet bereiken; het signaal staat wel in hun werkvoorraad."
)
SIGNAAL_NIET_VASTGELEGD = N_("Oké, ik heb niets vastgelegd.")
SIGNAAL_OPSLAAN_MISLUKT = N_(
    "Vastleggen lukte op dit moment niet; er is niets bewaard. Stuur je samenvatting nog eens."
)
SIGNAAL_IN_KANAAL = N_(
    "Nieuw signaal {referentie}: {soort} in {gemeente}. {samenvatting} (vastgelegd door {melder})"
)
SIGNALEN_TITEL = N_("Signalen die nog openstaan")
KNOP_AFGEHANDELD = N_("Afgehandeld")
SIGNAAL_AFGEHANDELD = N_("{referentie} is afgehandeld.")
SIGNAAL_ONBEKEND = N_("Ik vind geen open signaal {referentie} voor jouw Veiligheidshuis.")
ALLEEN_PERSOONLIJK = N_(
    "Aanmeldingen en signalen vastleggen of bekijken doe je in een persoonlijke chat met mij: hier leest "
    "iedereen mee."
)
KLIK_NA_AFLOOP = N_(
    "Die knop hoort bij een gesprek dat al is afgerond of gestopt. Heb je net een aanmelding bevestigd? "
    "Kijk dan onder **mijn aanmeldingen** of ze is ontvangen."
)
# A click on the button that stored it, after its flow ended: tell what was stored, not to do it again.
SIGNAAL_AL_VASTGELEGD = N_("Dit signaal is al vastgelegd als {referentie}; je hoeft het niet opnieuw te melden.")
AANMELDING_AL_ONTVANGEN = N_(
    "Deze aanmelding is al ontvangen als {referentie}; je hoeft haar niet opnieuw te bevestigen. "
    "De status volg je onder **mijn aanmeldingen**."
)
AANMELDING_AL_AFGESLOTEN = N_("{referentie} is al afgesloten; er is niets veranderd.")
TRIAGE_VERANDERD = N_(
    "{referentie} is net door een collega bijgewerkt; er is niets veranderd. Zo staat de aanmelding nu:"
)
WERKVOORRAAD_MEER = N_(
    "Er staan {totaal} aanmeldingen open; hieronder de eerste {getoond} (voorrang eerst, dan de oudste)."
)
FOUT_NIET_BEWAARD = N_("Die tekst heb ik niet bewaard; vul het veld opnieuw in, zonder dat gegeven.")
CIJFERS_GEMEENTE = N_("Gemeente")
CIJFERS_TOTAAL = N_("Totaal")
