"""Meldpunten: recognising the kind of signal, the meldpunten per region, and that every number and
source can be traced to DOMAIN-FACTS or a seed.

The signal table is written as professionals type: Dutch and English, inflected, with typos, some
long. At least 95 % must be recognised exactly (same kinds, same order); the misses are listed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from knowledge.bestanden import KennisFout
from knowledge.meldpunten import Meldpunten, herken_soort, load_meldpunten, parse_meldpunten
from knowledge.regios import load_regios

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
DOMAIN_FACTS = SHARED / "DOMAIN-FACTS.md"

MELDPUNTEN = load_meldpunten()
HUIZEN = [h.code for h in load_regios().veiligheidshuizen]
SOORTEN = ["radicalisering", "polarisatie", "verward_gedrag", "huiselijk_geweld", "anders"]

# DOMAIN-FACTS §0: the year each seed document reports on.
SEED_JAAR = {"000": "2014", "001": "2019", "002": "2024", "003": "2009", "004": "2018"}
CITAAT = re.compile(r"(?P<bestand>(?P<nummer>\d{3})_[0-9a-f]{16}\.txt) §(?P<kop>\S.*?)(?: \((?P<jaar>\d{4})\))?")

R, P, V, H = "radicalisering", "polarisatie", "verward_gedrag", "huiselijk_geweld"

SIGNALEN: list[tuple[str, tuple[str, ...]]] = [
    # --- radicalisering: the four kinds of seed 004, and the Maastricht casus of seed 002
    ("Een jongere zegt dat hij naar Syrië wil om te strijden", (R,)),
    ("mijn cliënt wil uitreizen", (R,)),
    ("hij is van plan om uit te reizen naar een strijdgebied", (R,)),
    ("een jongen uit de wijk is teruggekeerd uit Syrië en woont nu weer in Geleen", (R,)),
    ("Er is een terugkeerder komen wonen in Sittard", (R,)),
    ("hij zet andere jongeren aan tot jihad", (R,)),
    ("ze ronselt meisjes voor IS via Instagram", (R,)),
    ("hij sympathiseert met IS", (R,)),
    ("leerling deelt IS-propaganda in de klas", (R,)),
    ("een leerling bekijkt jihadistische filmpjes en praat over martelaarschap", (R,)),
    ("ik denk dat mijn cliënt radicaliseert", (R,)),
    ("zorgen over radicalisering van een jongere", (R,)),
    ("hij uit steeds meer extremistische ideeën", (R,)),
    ("rechts-extremistische uitspraken van een leerling", (R,)),
    ("hij heeft het over het plegen van een aanslag", (R,)),
    ("hij verheerlijkt aanslagen online", (R,)),
    ("Hij zegt dat hij in Gaza zou gaan helpen tegen de terreur van Israël", (R,)),
    ("hij wil gaan strijden voor het kalifaat", (R,)),
    ("hij verzamelt informatie over bommen maken", (R,)),
    ("een jongen in de buurt lijkt sterk geradicaliseerd", (R,)),
    ("deze jongere is de laatste tijd erg radicaal geworden", (R,)),
    ("hij lijkt bereid tot geweld voor zijn geloof", (R,)),
    ("I think a student is being radicalised online", (R,)),
    ("he wants to travel to Syria to join ISIS", (R,)),
    ("she posts extremist content and praises terrorists", (R,)),
    ("he talks about planning an attack", (R,)),
    ("client has neo-nazi tattoos and talks about a race war", (R,)),
    ("zorgen over een jihadist in de wijk", (R,)),
    ("signalen van terrorisme", (R,)),
    ("hij radicaliseerd snel", (R,)),  # typo
    # --- polarisatie (seed 002 §4.1)
    ("er zijn spanningen tussen groepen in de wijk", (P,)),
    ("maatschappelijke spanningen na het conflict in het Midden-Oosten", (P,)),
    ("polarisatie op school tussen leerlingen", (P,)),
    ("steeds meer soevereinen in de gemeente", (P,)),
    ("mijn cliënt zegt dat hij soeverein is en geen belasting hoeft te betalen", (P,)),
    ("hij gelooft in allerlei complottheorieën over de overheid", (P,)),
    ("complotdenken onder jongeren", (P,)),
    ("stickers met anti-overheid boodschappen op straatlantaarns", (P,)),
    ("demonstratie van White Lives Matter", (P,)),
    ("racistische uitingen in de buurt", (P,)),
    ("antisemitische leuzen op de muur", (P,)),
    ("hakenkruisen gekalkt op het buurthuis", (P,)),
    ("de buurt is verdeeld, het wordt steeds meer wij tegen zij", (P,)),
    ("tensions between groups in the neighbourhood are rising", (P,)),
    ("he is a sovereign citizen and refuses to recognise the court", (P,)),
    ("there is a lot of conspiracy thinking among parents", (P,)),
    ("vreemdelingenhaat op social media over het asielzoekerscentrum", (P,)),
    ("hij erkent de overheid niet", (P,)),
    ("polariserende berichten in een buurtapp", (P,)),
    # --- verward gedrag (seed 002 §4.2, 004 casus Hans, 001 zorgmijding)
    ("de buurman is verward en hoort stemmen", (V,)),
    ("een verwarde man loopt op straat te schreeuwen", (V,)),
    ("mijn cliënt heeft een psychose", (V,)),
    ("ze is helemaal in de war", (V,)),
    ("hij neemt zijn medicatie niet meer en gaat 's nachts tekeer tegen zijn demonen", (V,)),
    ("hij mijdt alle zorg en het huis is ernstig vervuild", (V,)),
    ("zorgmijder met onbegrepen gedrag", (V,)),
    ("zorgwekkend gedrag van een oudere buurvrouw", (V,)),
    ("een bewoner denkt dat hij wordt afgeluisterd, hij lijkt paranoïde", (V,)),
    ("mijn cliënt is schizofreen en gestopt met zijn medicatie", (V,)),
    ("ze dwaalt 's nachts door de straat, ik denk aan dementie", (V,)),
    ("vervuilde woning, man laat niemand binnen", (V,)),
    ("the neighbour is confused and hearing voices", (V,)),
    ("he is psychotic and stopped taking his medication", (V,)),
    ("a woman showing erratic behaviour in the street", (V,)),
    ("hoarding and self neglect", (V,)),
    ("verward persoon in het park", (V,)),
    ("psychotisch gedrag", (V,)),
    ("iemand met psychiatrische problemen zorgt voor overlast", (V,)),
    ("man met onberekenbaar gedrag bedreigt de buren die klagen", (V,)),
    # --- huiselijk geweld / kindermishandeling (seed 002 §4.7, 000)
    ("haar man slaat haar", (H,)),
    ("de buurman slaat zijn vrouw", (H,)),
    ("vermoeden van kindermishandeling", (H,)),
    ("een kind komt steeds met blauwe plekken op school", (H,)),
    ("huiselijk geweld in een gezin met jonge kinderen", (H,)),
    ("partnergeweld", (H,)),
    ("ze wordt mishandeld door haar ex", (H,)),
    ("een oudere vrouw wordt mishandeld door haar zoon", (H,)),
    ("eergerelateerd geweld", (H,)),
    ("de kinderen zijn bang voor hun vader", (H,)),
    ("er is een huisverbod opgelegd", (H,)),
    ("de ouders verwaarlozen de kinderen", (H,)),
    ("vechtscheiding waarbij de kinderen klem zitten", (H,)),
    ("domestic violence", (H,)),
    ("I suspect child abuse", (H,)),
    ("he beats his wife", (H,)),
    ("she is abused by her husband", (H,)),
    ("geweld thuis, de moeder durft niet weg", (H,)),
    ("haar ex-partner stalkt haar", (H,)),
    ("partnergewelt", (H,)),  # typo
    # --- more, written later as a check on unseen text (several needed new words; see the data)
    ("mijn leerling zegt dat ongelovigen het verdienen om te sterven", (R,)),
    ("hij heeft contact met mensen in een strijdgebied", (R,)),
    ("een meisje wil trouwen met een strijder in Syrië", (R,)),
    ("hij deelt filmpjes van onthoofdingen", (R,)),
    ("hij heeft het over de heilige strijd", (R,)),
    ("hij zegt dat Joden gedood moeten worden", (R,)),
    ("zorgen om een jongere die online extreemrechtse groepen volgt", (R,)),
    ("hij zit in een telegramgroep van accelerationisten", (R,)),
    ("een 16-jarige bezoekt extremistische websites en isoleert zich", (R,)),
    ("hij wil zich aansluiten bij een gewapende groep in het buitenland", (R,)),
    ("een moeder is bang dat haar zoon wordt gerekruteerd door jihadisten", (R,)),
    ("student praises the Christchurch shooter", (R,)),
    ("leerling tekent IS-vlaggen in zijn schrift", (R,)),
    ("hij dreigt een aanslag te plegen op een synagoge", (R,)),
    ("cliënt is teruggekeerd uit het kalifaat", (R,)),
    ("a boy talks about wanting to die as a martyr", (R,)),
    ("he follows extremist preachers on TikTok", (R,)),
    ("er wordt gedemonstreerd tegen de komst van een azc en de sfeer is grimmig", (P,)),
    ("groepen jongeren van verschillende afkomst gaan met elkaar op de vuist", (P,)),
    ("buurtbewoners keren zich tegen de moskee", (P,)),
    ("ze gelooft dat de overheid ons vergiftigt met vaccins", (P,)),
    ("hij noemt zichzelf een vrij mens en weigert zijn boetes te betalen", (P,)),
    ("anti-vax groepen bedreigen de GGD", (P,)),
    ("polarisatie in de wijk na de verkiezingen", (P,)),
    ("in de buurt hangen posters tegen de komst van vluchtelingen", (P,)),
    ("ouders op school zijn fel verdeeld over het Gaza-conflict en het escaleert", (P,)),
    ("soevereine burgers weigeren hun paspoort", (P,)),
    ("complotdenkers verstoren een informatieavond", (P,)),
    ("anti-government sentiment is growing in the village", (P,)),
    ("discriminerende opmerkingen over moslims in de kantine", (P,)),
    ("de buren gedragen zich vreemd en praten tegen zichzelf", (V,)),
    ("meneer loopt in zijn onderbroek over straat en roept rare dingen", (V,)),
    ("een vrouw met wanen over straling in haar huis", (V,)),
    ("de man is manisch en slaapt niet meer", (V,)),
    ("cliënt is in een crisis en verward na drugsgebruik", (V,)),
    ("oudere man met geheugenproblemen raakt de weg kwijt", (V,)),
    ("de bewoner ziet dingen die er niet zijn", (V,)),
    ("een vrouw zit al dagen verward op een bankje", (V,)),
    ("de man heeft een psychotische episode en is agressief", (V,)),
    ("buurvrouw met waandenkbeelden belt steeds de politie", (V,)),
    ("my client has schizophrenia and is not taking his meds", (V,)),
    ("an old man wanders around at night and seems lost", (V,)),
    ("ze is in de war en weet niet waar ze woont", (V,)),
    ("hij heeft een bipolaire stoornis en is ontspoord", (V,)),
    ("er staan vuilniszakken tot het plafond in het huis", (V,)),
    ("hij leeft in een totaal vervuild huis met katten", (V,)),
    ("ze heeft vaak een blauw oog en zegt dat ze gevallen is", (H,)),
    ("de vader duwt en schopt de kinderen", (H,)),
    ("een moeder schreeuwt constant tegen haar kind en slaat het", (H,)),
    ("de zoon bedreigt zijn ouders met een mes", (H,)),
    ("mijn cliënte wordt door haar partner financieel uitgebuit en geslagen", (H,)),
    ("kind vertelt dat papa mama pijn doet", (H,)),
    ("father hits the children", (H,)),
    ("the kids are neglected and dirty", (H,)),
    ("de partner van mijn cliënt slaat haar regelmatig", (H,)),
    ("een kind zegt dat het thuis geslagen wordt", (H,)),
    ("moeder wordt door haar dochter financieel en lichamelijk mishandeld", (H,)),
    ("my client's husband hits her", (H,)),
    ("kinderen zien hoe vader moeder slaat", (H,)),
    ("zorgen over een baby die verwaarloosd wordt", (H,)),
    ("de ex-man van mijn cliënte stalkt haar en bedreigt haar", (H,)),
    ("een meisje wordt uitgehuwelijkt tegen haar zin", (H,)),
    ("er is veel ruzie thuis en de politie komt vaak", (H,)),
    ("he threatens his wife with a knife", (H,)),
    ("the mother is psychotic and neglects her children", (V, H)),
    ("de verwarde vader heeft zijn kinderen geslagen", (V, H)),
    ("een extremistische jongen bedreigt zijn ouders", (R, H)),
    ("een cliënt heeft zich bekeerd en is snel veranderd, hij wil geen contact meer met zijn familie", ()),
    ("ik maak me zorgen over een cliënt", ()),
    ("hij verkoopt drugs vanuit zijn woning", ()),
    ("wat moet ik doen bij een vermoeden van mensenhandel", ()),
    ("er is een woning waar steeds hennep wordt gekweekt", ()),
    ("mijn cliënt heeft een verstandelijke beperking en wordt uitgebuit", ()),
    ("de jongen spijbelt veel en hangt met criminele vrienden", ()),
    ("hij zegt dat hij de burgemeester wil vermoorden", ()),
    ("hoe meld ik iets", ()),
    ("wat is het nummer van Veilig Thuis", ()),
    ("wie is de procesregisseur in Venlo", ()),
    ("ik heb een vraag over privacy", ()),
    ("overlast van jongeren op het plein", ()),
    ("een jongen van 15 zegt dat hij naar het Midden-Oosten wil om mee te vechten", (R,)),
    ("hij heeft een vlag van Hezbollah op zijn kamer en praat over wraak", (R,)),
    ("er is een jongere die bommen wil maken", (R,)),
    ("mijn cliënt is lid geworden van een extremistische beweging", (R,)),
    ("a teenager shares videos calling for holy war", (R,)),
    ("hij wil een moskee in brand steken", (R,)),
    ("he says jews should be killed", (R,)),
    ("hij is bezig met ideeën over een rassenoorlog", (R,)),
    ("er zijn steeds meer spanningen tussen Turkse en Koerdische jongeren", (P,)),
    ("inwoners voelen zich niet gehoord en keren zich af van de gemeente", (P,)),
    ("een groep bewoners dreigt raadsleden", (P,)),
    ("een buurtbewoner plakt anti-islam stickers", (P,)),
    ("een cliënt zegt dat hij zich niet aan Nederlandse wetten hoeft te houden omdat hij soeverein is", (P,)),
    ("een ouder gelooft in QAnon", (P,)),
    ("leerlingen delen memes over de Holocaust", (P,)),
    ("hate crimes against refugees in the area", (P,)),
    ("de buurman praat hardop met stemmen in zijn hoofd", (V,)),
    ("een vrouw loopt in de winter zonder jas verward rond", (V,)),
    ("een jongeman denkt dat hij door de CIA wordt gevolgd", (V,)),
    ("de cliënt is erg achterdochtig en sluit zich op in huis", (V,)),
    ("iemand met een ernstige psychiatrische aandoening weigert alle hulp", (V,)),
    ("the man is shouting at people who are not there", (V,)),
    ("het huis van mevrouw is ernstig vervuild en stinkt", (V,)),
    ("man in psychose bedreigt buren", (V,)),
    ("een kind komt vaak zonder eten naar school en is slecht verzorgd", (H,)),
    ("ik vermoed dat mijn buurvrouw door haar man wordt mishandeld", (H,)),
    ("de moeder van een leerling heeft blauwe plekken in haar gezicht", (H,)),
    ("een jongen slaat zijn moeder", (H,)),
    ("my neighbour's boyfriend beats her", (H,)),
    ("de vader van het gezin is gewelddadig tegen zijn vrouw", (H,)),
    ("een oudere man wordt door zijn mantelzorger mishandeld", (H,)),
    ("het meisje wordt thuis opgesloten door haar broers", (H,)),
    ("ze wordt door haar ex bedreigd via whatsapp", (H,)),
    ("a child told the teacher that dad hits mum", (H,)),
    ("er is sprake van huiselijk geweld en de vader is psychotisch", (V, H)),
    ("ze draagt sinds kort een nikab", ()),  # religion is no signal
    ("wanneer is het volgende casusoverleg", ()),
    ("welke criteria gelden voor aanmelden", ()),
    ("ik werk bij de woningcorporatie en heb een huurder met schulden", ()),
    ("kunnen jullie me helpen met een verslag", ()),
    ("the client is homeless and uses drugs", ()),
    ("een jongere is slachtoffer van een loverboy", ()),  # mensenhandel: none of these kinds
    ("een leerling zegt dat hij begrip heeft voor de aanslag in Parijs", (R,)),
    ("hij heeft online contact met een ronselaar", (R,)),
    ("mijn cliënt wil naar Afghanistan om zich bij de Taliban aan te sluiten", (R,)),
    ("een jongere kijkt naar video's van IS-strijders", (R,)),
    ("ze is sterk geradicaliseerd en zegt dat geweld gerechtvaardigd is", (R,)),
    ("the boy says he wants to become a jihadi", (R,)),
    ("he is collecting weapons and talks about a coming race war", (R,)),
    ("hij scheldt joden uit en zegt dat ze vermoord moeten worden", (R,)),
    ("extreme rightwing youngsters are recruiting at school", (R,)),
    ("in onze wijk staan twee groepen vijandig tegenover elkaar", (P,)),
    ("er worden steeds vaker racistische leuzen geroepen bij de voetbalclub", (P,)),
    ("een groep soevereinen wil de gemeente niet meer erkennen", (P,)),
    ("complotgelovers delen nepnieuws over de gemeente", (P,)),
    ("er is onrust in de buurt over de komst van statushouders", (P,)),
    ("polarising debates between parents at school", (P,)),
    ("there are tensions between communities after the protest", (P,)),
    ("iemand met dementie dwaalt 's nachts over straat", (V,)),
    ("een man met een psychose is zijn huis uit gezet", (V,)),
    ("zij hoort stemmen en is erg angstig", (V,)),
    ("hij gedraagt zich heel raar en onvoorspelbaar", (V,)),
    ("de bewoner is zwaar verward en agressief", (V,)),
    ("de oude buurman is de laatste tijd erg vergeetachtig en verwaarloost zichzelf", (V,)),
    ("she is confused and does not recognise her own family", (V,)),
    ("my client stopped his medication and is having delusions", (V,)),
    ("zorgmijdende man met vervuilde woning", (V,)),
    ("een kind vertelt dat zijn stiefvader hem slaat", (H,)),
    ("een vrouw is bang voor haar man", (H,)),
    ("de dochter wordt door haar ouders mishandeld", (H,)),
    ("ik vermoed kindermishandeling bij een peuter", (H,)),
    ("he kicked his girlfriend", (H,)),
    ("her husband threatens to kill her", (H,)),
    ("de kinderen zijn getuige van geweld tussen de ouders", (H,)),
    ("de vader slaat zijn kinderen als hij dronken is", (H,)),
    ("een psychotische man slaat zijn vrouw", (V, H)),
    ("een verwarde man roept over de jihad", (R, V)),
    ("een oudere vrouw wordt door haar kleinzoon financieel uitgebuit", ()),  # see the report: unclear
    ("hoe werkt de meldcode", ()),
    ("wat is het adres van het veiligheidshuis in Roermond", ()),
    ("is er een overleg over jeugd", ()),
    ("bedankt voor je hulp", ()),
    ("de buren maken 's nachts veel lawaai", ()),
    ("mijn collega weet niet waar ze moet melden", ()),
    ("de ouders staan lijnrecht tegenover elkaar in de vechtscheiding", (H,)),
    ("de jongen is een echte strijder, hij heeft zijn opleiding gehaald", ()),
    ("de ggz is al betrokken bij het gezin", ()),
    # --- ambiguous: two kinds, the dialog asks
    ("een verwarde jongen roept dat hij een aanslag gaat plegen", (R, V)),
    ("online radicalisering en polarisatie onder jongeren", (R, P)),
    ("anti-overheidsextremisme", (R, P)),
    ("een psychotische vrouw die haar kinderen slaat", (V, H)),
    ("haar man is verward en mishandelt haar", (V, H)),
    ("he is confused and beats his wife", (V, H)),
    # --- not a signal of any kind
    ("wat is OGGZ", ()),
    ("de buurman parkeert altijd fout", ()),
    ("ik wil een casus aanmelden", ()),
    ("hoe lang duurt het voordat ik iets hoor", ()),
    ("wat doet een procesregisseur", ()),
    ("welke gemeenten horen bij Parkstad", ()),
    ("de hond van de buren blaft de hele dag", ()),
    ("hallo", ()),
    ("", ()),
    ("hij heeft schulden en dreigt uit zijn huis gezet te worden", ()),
    ("het is een complexe casus met problemen op meerdere leefgebieden", ()),
    ("is dit iets voor het Veiligheidshuis?", ()),
    ("what is the phone number of the Veiligheidshuis", ()),
    ("hij kreeg een aanslag van de belastingdienst", ()),
    ("de jongeren hangen rond bij het winkelcentrum en geven overlast", ()),
    ("zijn vrouw is naar Syrië op vakantie", ()),  # a country is no signal on its own
]


def _uitkomsten() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(tekst, verwacht, herken_soort(tekst, MELDPUNTEN)) for tekst, verwacht in SIGNALEN]


def _goed(verwacht: tuple[str, ...], kreeg: tuple[str, ...]) -> bool:
    """One kind: exactly that one. Several: the same kinds, in any order (the dialog asks which);
    which comes first only reflects which kind has more matching words."""
    if len(verwacht) > 1:
        return len(kreeg) == len(verwacht) and set(kreeg) == set(verwacht)
    return kreeg == verwacht


def test_the_table_is_big_and_varied_enough():
    assert len(SIGNALEN) >= 80
    verwacht = [v for _, v in SIGNALEN]
    assert sum(1 for v in verwacht if not v) >= 10
    assert sum(1 for v in verwacht if len(v) == 2) >= 5
    for soort in (R, P, V, H):
        assert sum(1 for v in verwacht if v[:1] == (soort,)) >= 15, soort


def test_at_least_95_percent_of_the_signals_are_recognised_exactly():
    uitkomsten = _uitkomsten()
    missers = [
        f"{tekst!r}: verwacht {verwacht}, kreeg {kreeg}"
        for tekst, verwacht, kreeg in uitkomsten
        if not _goed(verwacht, kreeg)
    ]
    score = 1 - len(missers) / len(uitkomsten)
    assert score >= 0.95, f"{score:.1%} goed; missers:\n" + "\n".join(missers)


def test_no_text_is_ever_anders_and_there_are_no_doubles():
    for tekst, _, kreeg in _uitkomsten():
        assert "anders" not in kreeg, tekst
        assert len(set(kreeg)) == len(kreeg), tekst


def test_the_kind_with_most_matching_phrases_comes_first():
    tekst = "hij wil uitreizen naar Syrië om te strijden en lijkt een beetje verward"
    assert herken_soort(tekst, MELDPUNTEN) == (R, V)


def test_short_words_must_match_whole():
    # "is" the verb is no IS; "gia" only as a word; "stalk*" not inside other words.
    assert herken_soort("dit is een lastige situatie", MELDPUNTEN) == ()
    assert herken_soort("hij is lid van IS", MELDPUNTEN) == (R,)
    assert herken_soort("het gevaar is geweken", MELDPUNTEN) == ()


def test_parts_joined_by_tilde_must_be_close_together():
    # "slaat ~ kinderen": within eight words in any order, not across a long text.
    assert herken_soort("de kinderen zeggen dat hun moeder hen slaat", MELDPUNTEN) == (H,)
    ver = "de kinderen gaan naar school en sporten op woensdag en zaterdag bij de club en de trainer slaat"
    assert herken_soort(ver, MELDPUNTEN) == ()


def test_herken_soort_without_words_recognises_nothing():
    leeg = Meldpunten(MELDPUNTEN.soorten[-1:], ())
    assert herken_soort("hij wil uitreizen", leeg) == ()


# --- the soorten -----------------------------------------------------------------------------------


def test_the_five_kinds_are_there_in_order():
    assert [s.code for s in MELDPUNTEN.soorten] == SOORTEN
    assert MELDPUNTEN.soort("polarisatie").naam_nl.startswith("Polarisatie")
    assert MELDPUNTEN.soort("bestaat_niet") is None


def test_radicalisering_lists_the_four_kinds_of_seed_004():
    soort = MELDPUNTEN.soort("radicalisering")
    vier = soort.signalen_nl[:4]
    assert "gewelddadige criminaliteit" in vier[0]
    assert "uit te reizen" in vier[1]
    assert "terugkeer" in vier[2]
    assert "zet anderen aan" in vier[3]
    assert len(soort.signalen_en) == len(soort.signalen_nl)
    assert "004_73514235c6e96814.txt §Aanpak van radicalisering en (gewelddadig) extremisme" in soort.bron


@pytest.mark.parametrize("soort", MELDPUNTEN.soorten, ids=lambda s: s.code)
def test_every_kind_is_described_in_both_languages(soort):
    assert soort.naam_nl and soort.naam_en and soort.uitleg_nl and soort.uitleg_en
    assert soort.signalen_nl and len(soort.signalen_nl) == len(soort.signalen_en)
    assert bool(soort.woorden) == (soort.code != "anders")


# --- voor(): per soort and region ------------------------------------------------------------------


@pytest.mark.parametrize("huis", HUIZEN)
@pytest.mark.parametrize("soort", SOORTEN)
def test_every_kind_has_a_meldpunt_in_every_region_regional_first(soort: str, huis: str):
    lijst = MELDPUNTEN.voor(soort, huis)
    assert lijst, f"geen meldpunt voor {soort} in {huis}"
    assert all(soort in m.soorten for m in lijst)
    regionaal = [m.landelijk is False for m in lijst]
    assert regionaal == sorted(regionaal, reverse=True), "regionale meldpunten moeten voor de landelijke staan"
    assert all(huis in m.regios for m in lijst if not m.landelijk)
    alle_regionale = {m.code for m in MELDPUNTEN.meldpunten if soort in m.soorten and huis in m.regios}
    assert {m.code for m in lijst if not m.landelijk} == alle_regionale


@pytest.mark.parametrize("soort", SOORTEN)
def test_without_a_region_national_first_then_every_regional_one(soort: str):
    lijst = MELDPUNTEN.voor(soort, None)
    passend = [m for m in MELDPUNTEN.meldpunten if soort in m.soorten]
    assert {m.code for m in lijst} == {m.code for m in passend}
    landelijk = [m.landelijk for m in lijst]
    assert landelijk == sorted(landelijk, reverse=True)


def test_voor_examples():
    codes = [m.code for m in MELDPUNTEN.voor("radicalisering", "WM")]
    assert codes[0] == "vh_wm_radicalisering"
    assert "meldpunt_radicalisering_maastricht" not in codes
    assert [m.code for m in MELDPUNTEN.voor("radicalisering", "mh")][0] == "meldpunt_radicalisering_maastricht"
    assert [m.code for m in MELDPUNTEN.voor("verward_gedrag", "NL")][0] == "meldpunt_signaal"
    assert [m.code for m in MELDPUNTEN.voor("huiselijk_geweld", "PS")][:2] == [
        "veilig_thuis_zuid_limburg",
        "veilig_thuis",
    ]
    assert [m.code for m in MELDPUNTEN.voor("polarisatie", "MH")][0] == "meldstructuur_polarisatie_maastricht"
    assert [m.code for m in MELDPUNTEN.voor("anders", "ML")][0] == "veiligheidshuis"
    assert MELDPUNTEN.voor("bestaat_niet", "MH") == ()
    assert all(m.landelijk for m in MELDPUNTEN.voor("verward_gedrag", "XX"))


# --- the meldpunten the brief asks for ---------------------------------------------------------------


def _m(code: str):
    meldpunt = next((m for m in MELDPUNTEN.meldpunten if m.code == code), None)
    assert meldpunt is not None, code
    return meldpunt


def test_national_numbers_are_the_verified_ones():
    assert _m("lse").telefoon == "088 20 80 080"
    assert _m("meldpunt_zorgwekkend_gedrag").telefoon == "0800-1205"
    assert _m("veilig_thuis").telefoon == "0800-2000"
    assert _m("politie").telefoon == "0900-8844"
    assert _m("meld_misdaad_anoniem").telefoon == "0800-7000"
    for code in ("lse", "meldpunt_zorgwekkend_gedrag", "veilig_thuis", "politie", "meld_misdaad_anoniem"):
        assert _m(code).regios == ("*",), code
    # DOMAIN-FACTS §9.11: the LSE number seen elsewhere is not the official one.
    assert all("085" not in m.telefoon.replace(" ", "").replace("-", "")[:3] for m in MELDPUNTEN.meldpunten)


def test_regional_meldpunten_and_what_is_unknown_about_them():
    wm = _m("vh_wm_radicalisering")
    assert wm.regios == ("WM",) and "centrale meldpunt" in wm.wat_nl
    maastricht = _m("meldpunt_radicalisering_maastricht")
    assert maastricht.regios == ("MH",) and maastricht.telefoon == ""
    assert "Zorg- en Veiligheidshuis Maastricht-Heuvelland" in maastricht.wat_nl
    assert "provinciale weegtafel" in maastricht.daarna_nl and "PGA" in maastricht.daarna_nl
    assert set(_m("casuistiekoverleg_radicalisering").regios) == set(HUIZEN)
    via = _m("via")
    assert set(via.regios) == {"MH", "WM", "PS"} and via.telefoon == ""
    assert "politie" in via.wat_nl and "niet rechtstreeks" in via.wat_nl
    assert "Vangnet bemoeizorg" in via.daarna_nl
    vangnet = _m("vangnet_bemoeizorg")
    assert "GGD" in vangnet.wat_nl and "Mondriaan" in vangnet.wat_nl
    assert "niet kunnen controleren" in _m("meldpunt_zorgwekkend_gedrag").wat_nl
    signaal = _m("meldpunt_signaal")
    assert signaal.regios == ("NL",) and signaal.telefoon == ""
    assert _m("veilig_thuis_zuid_limburg").regios == ("MH", "WM", "PS")
    polarisatie = _m("meldstructuur_polarisatie_maastricht")
    assert polarisatie.telefoon == "" and "Zorg- en Veiligheidshuis" in polarisatie.wat_nl


@pytest.mark.parametrize("meldpunt", MELDPUNTEN.meldpunten, ids=lambda m: m.code)
def test_every_meldpunt_has_texts_in_both_languages_and_a_source(meldpunt):
    for veld in ("wat", "daarna", "voorbereiden"):
        assert getattr(meldpunt, f"{veld}_nl") and getattr(meldpunt, f"{veld}_en"), veld
    assert meldpunt.bron


@pytest.mark.parametrize("meldpunt", MELDPUNTEN.meldpunten, ids=lambda m: m.code)
def test_preparing_never_asks_for_personal_data(meldpunt):
    nl, en = meldpunt.voorbereiden_nl.casefold(), meldpunt.voorbereiden_en.casefold()
    for verboden in ("bsn", "burgerservicenummer", "geboortedatum", "date of birth", "adres van", "address of"):
        assert verboden not in nl and verboden not in en, verboden
    # Names come up only to say: leave them out.
    assert "naam" not in nl.replace("geen namen", "").replace("zonder namen", "")
    assert "name" not in en.replace("not put names", "").replace("without giving names", "").replace(
        "without names", ""
    )


# --- traceability ---------------------------------------------------------------------------------


@cache
def _seed(bestand: str) -> str:
    """A seed's text with whitespace collapsed: PDF extraction splits lines anywhere."""
    return " ".join((SEEDS / bestand).read_text(encoding="utf-8").split())


@cache
def _feiten() -> str:
    return " ".join(DOMAIN_FACTS.read_text(encoding="utf-8").split())


def _alle_seeds() -> str:
    return " ".join(_seed(p.name) for p in sorted(SEEDS.glob("*.txt")))


def _citaten() -> list[tuple[str, str]]:
    bronnen = [(s.code, s.bron) for s in MELDPUNTEN.soorten] + [(m.code, m.bron) for m in MELDPUNTEN.meldpunten]
    return [(code, deel.strip()) for code, bron in bronnen for deel in bron.split("; ")]


@pytest.mark.parametrize(("code", "citaat"), _citaten())
def test_every_source_is_a_seed_heading_or_a_domain_facts_page(code: str, citaat: str):
    if citaat.startswith(("http://", "https://")):
        assert citaat in _feiten(), f"{code}: page not in DOMAIN-FACTS"
        return
    gevonden = CITAAT.fullmatch(citaat)
    assert gevonden, f"{code}: '{citaat}' is not '<seed file> §<heading> (<year>)'"
    assert (SEEDS / gevonden["bestand"]).is_file(), f"{code}: no seed {gevonden['bestand']}"
    assert " ".join(gevonden["kop"].split()) in _seed(gevonden["bestand"]), f"{code}: heading not in the seed"
    assert gevonden["jaar"] == SEED_JAAR[gevonden["nummer"]], f"{code}: wrong or missing year"


@pytest.mark.parametrize("meldpunt", [m for m in MELDPUNTEN.meldpunten if m.telefoon], ids=lambda m: m.code)
def test_every_phone_number_occurs_in_domain_facts_or_a_seed(meldpunt):
    nummer = " ".join(meldpunt.telefoon.split())
    assert nummer in _feiten() or nummer in _alle_seeds(), nummer


@pytest.mark.parametrize(
    "meldpunt", [m for m in MELDPUNTEN.meldpunten if m.website or m.email], ids=lambda m: m.code
)
def test_every_web_or_mail_address_occurs_in_domain_facts_or_a_seed(meldpunt):
    for adres in (meldpunt.website, meldpunt.email):
        if adres:
            assert adres in _feiten() or adres in _alle_seeds(), adres
    assert meldpunt.website in meldpunt.bron or not meldpunt.website


def test_the_traceability_checks_can_fail():
    assert "0800-1206" not in _feiten() and "0800-1206" not in _alle_seeds()
    assert "Verzonnen kop" not in _seed("004_73514235c6e96814.txt")
    assert CITAAT.fullmatch("004_73514235c6e96814.txt §Contact (2018)")["jaar"] == "2018"


def test_load_is_cached():
    assert load_meldpunten() is load_meldpunten()


# --- validation: one test per error ------------------------------------------------------------------

SOORT = """
[[soort]]
code = "{code}"
naam_nl = "n"
naam_en = "n"
uitleg_nl = "u"
uitleg_en = "u"
signalen_nl = ["s"]
signalen_en = ["s"]
woorden = {woorden}
bron = "b"
"""

MELDPUNT = """
[[meldpunt]]
code = "{code}"
naam = "n"
soorten = {soorten}
regios = {regios}
wat_nl = "w"
wat_en = "w"
daarna_nl = "d"
daarna_en = "d"
voorbereiden_nl = "v"
voorbereiden_en = "v"
{extra}
"""


def _soort(code: str = "radicalisering", woorden: str = '["jihad*"]') -> str:
    return SOORT.format(code=code, woorden=woorden)


def _meldpunt(code: str = "politie", soorten: str = '["radicalisering", "anders"]', regios: str = '["*"]',
              extra: str = 'telefoon = "0900-8844"\nbron = "https://www.politie.nl/"') -> str:
    return MELDPUNT.format(code=code, soorten=soorten, regios=regios, extra=extra)


GELDIG = _soort() + _soort("anders", "[]") + _meldpunt()


def _fout(tekst: str) -> KennisFout:
    with pytest.raises(KennisFout) as fout:
        parse_meldpunten("test.toml", tekst)
    return fout.value


def test_the_minimal_file_is_valid():
    meldpunten = parse_meldpunten("test.toml", GELDIG)
    assert [s.code for s in meldpunten.soorten] == ["radicalisering", "anders"]
    assert herken_soort("hij is jihadist", meldpunten) == ("radicalisering",)


def test_invalid_toml():
    assert "geen geldige TOML" in _fout(GELDIG + "[[meldpunt").reden


def test_duplicate_soort_code():
    fout = _fout(_soort() + GELDIG)
    assert fout.entry == "radicalisering" and "twee keer" in fout.reden


def test_duplicate_meldpunt_code():
    fout = _fout(GELDIG + _meldpunt())
    assert fout.entry == "politie" and "twee keer" in fout.reden


def test_unknown_soort_of_a_meldpunt():
    fout = _fout(GELDIG + _meldpunt("x", soorten='["terrorisme"]'))
    assert fout.entry == "x" and "onbekende soort 'terrorisme'" in fout.reden


def test_unknown_regio():
    fout = _fout(GELDIG + _meldpunt("x", regios='["MH", "ZL"]'))
    assert fout.entry == "x" and "onbekende regio 'ZL'" in fout.reden


def test_national_star_stands_alone():
    assert "staat alleen" in _fout(GELDIG + _meldpunt("x", regios='["*", "MH"]')).reden


def test_phone_with_letters():
    fout = _fout(GELDIG + _meldpunt("x", extra='telefoon = "0800-VEILIG"\nbron = "b"'))
    assert fout.entry == "x" and "telefoon" in fout.reden


def test_contact_details_without_source():
    for extra in ('telefoon = "0800-2000"', 'website = "https://example.org"', 'email = "a@b.nl"'):
        fout = _fout(GELDIG + _meldpunt("x", extra=extra))
        assert fout.entry == "x" and "geen bron" in fout.reden, extra


def test_website_and_email_must_look_like_one():
    assert "website" in _fout(GELDIG + _meldpunt("x", extra='website = "www.x.nl"\nbron = "b"')).reden
    assert "e-mailadres" in _fout(GELDIG + _meldpunt("x", extra='email = "info"\nbron = "b"')).reden


def test_a_soort_without_meldpunt_in_a_region():
    tekst = _soort() + _soort("anders", "[]") + _meldpunt(soorten='["anders"]')
    tekst += _meldpunt("wm", soorten='["radicalisering"]', regios='["WM"]', extra="")
    fout = _fout(tekst)
    assert fout.entry == "radicalisering" and "geen meldpunt voor regio" in fout.reden


def test_missing_text_field():
    fout = _fout(GELDIG.replace('wat_nl = "w"\n', ""))
    assert fout.entry == "politie" and "'wat_nl'" in fout.reden


def test_unknown_field():
    fout = _fout(GELDIG.replace('bron = "https://www.politie.nl/"', 'bron = "x"\ntelefon = "112"'))
    assert "onbekend veld 'telefon'" in fout.reden


def test_code_format():
    assert "kleine letters" in _fout(GELDIG + _meldpunt("Veilig Thuis")).reden


def test_empty_soorten_or_regios():
    assert "'soorten'" in _fout(GELDIG + _meldpunt("x", soorten="[]")).reden
    assert "'regios'" in _fout(GELDIG + _meldpunt("x", regios="[]")).reden


def test_signal_lists_must_match_in_length():
    fout = _fout(GELDIG.replace('signalen_en = ["s"]', 'signalen_en = ["s", "t"]', 1))
    assert "even lang" in fout.reden


def test_soort_without_words():
    fout = _fout(_soort(woorden="[]") + _soort("anders", "[]") + _meldpunt())
    assert fout.entry == "radicalisering" and "geen woorden" in fout.reden


def test_anders_has_no_words():
    fout = _fout(_soort() + _soort("anders", '["overig"]') + _meldpunt())
    assert fout.entry == "anders" and "geen woorden" in fout.reden


def test_anders_must_exist():
    fout = _fout(_soort() + _meldpunt(soorten='["radicalisering"]'))
    assert "'anders' ontbreekt" in fout.reden


def test_bad_word_patterns():
    for woord, reden in (
        ('"ji*had"', "begin of eind"),
        ('"is*"', "minstens"),
        ('"a||b"', "leeg"),
        ('"anti-overheid|staat"', "één woord"),
        ('"*"', "leeg"),
        ('"slaat ~"', "tussen twee delen"),
        ('"~ kind"', "tussen twee delen"),
        ('"slaat | schopt"', "spaties"),
    ):
        fout = _fout(_soort(woorden=f"[{woord}]") + _soort("anders", "[]") + _meldpunt())
        assert fout.entry == "radicalisering" and reden in fout.reden, woord


def test_a_word_under_two_soorten():
    tekst = _soort() + _soort("polarisatie", '["Jihad*"]') + _soort("anders", "[]")
    tekst += _meldpunt(soorten='["radicalisering", "polarisatie", "anders"]')
    fout = _fout(tekst)
    assert fout.entry == "polarisatie" and "staat ook bij soort 'radicalisering'" in fout.reden


def test_no_soorten_or_no_meldpunten():
    assert "geen enkele [[soort]]" in _fout(_meldpunt()).reden
    assert "geen enkele [[meldpunt]]" in _fout(_soort() + _soort("anders", "[]")).reden


def test_the_forms_remembered_per_word_stay_bounded():
    # Every message is checked for a signal, so the per-word memory must not grow with what users type.
    meldpunten = load_meldpunten()
    for i in range(5000):
        herken_soort(f"woord{i} en de jihad", meldpunten)
    assert len(meldpunten._vormen._onthouden) <= 4096
    assert herken_soort("hij wil uitreizen naar het kalifaat", meldpunten) == herken_soort(
        "hij wil uitreizen naar het kalifaat", load_meldpunten()
    )
