"""The domain of the ZVH-assistent as data plus the small pure functions that reason over it.

No botbuilder, no network, no database: only the standard library, rapidfuzz, babel, python-stdnum
and phonenumbers (BSN and phone checks in aanmelding.py), and the data files in knowledge/data
(TOML, validated on load; a broken file fails with file, entry, reason).

Identifier glossary (Dutch term -> identifier -> meaning):
- intentie -> Intentie, herken()          what a message asks the bot for (hulp, aanmelden, ...)
- acuut gevaar -> acuut_gevaar()          words that mean someone is in danger now: 112 first
- taal -> detect_taal()                   whether a message is written in Dutch or English
- criterium -> Criterium                  one aanmeldcriterium of a Veiligheidshuis (A-D landelijk)
- beoordeling -> Beoordeling, evaluate()  where a case belongs, with criteria met/not met and sources
- opschalingsniveau -> Opschalingsniveau  a level of the opschalingsmodel (0 zelfredzaam .. 4 procesregie)
- bron -> bron                            the seed file and section a fact comes from
- aanmelding -> Aanmelding                a registered case as stored, with its referentie and status
- melder -> Melder                        the professional who registers (Teams id, organisatie, telefoon)
- formulierkennis -> Formulierkennis, load_formulier()  the form's choices from data/aanmelding.toml
- keuze -> Keuze                          one choice of a form field (doelgroep, leefgebied, ...) with its bron
- doelgroep -> Keuze, DOELGROEP           the group a case belongs to (jeugd, huiselijk geweld, ...)
- leefgebied -> Keuze, LEEFGEBIEDEN       one of the nine areas of life, scored 1-5 on the ZRM
- ZRM (Zelfredzaamheid-Matrix) -> zrm     the 1 (acuut) .. 5 (volledig zelfredzaam) scale
- urgentie -> REGULIER, VOORRANG          how fast the Veiligheidshuis should look (acute danger is 112)
- vervolgactie -> VERVOLGACTIES           what the Veiligheidshuis does after screening an aanmelding
- status -> STATUSSEN                     ontvangen -> in behandeling -> vervolgactie gekozen -> afgesloten
- invoerfout -> Invoerfout, valideer_veld()  what is wrong with one field's input (soort + waarden)
- persoonsgegevens -> persoonsgegevens_in()  BSN, e-mail or phone number found in free text
- concept -> ontbrekende_velden()         the fields of a half-filled form still to ask
- referentie -> maak_referentie(), lees_referentie()  "ZVH-MH-2026-000123"
- bewaartermijn -> bewaartermijn_verlopen()  whether a closed aanmelding's retention period has passed
- cijfers -> cijfertabel(), als_csv()     counts per gemeente per doelgroep, as the annual reports show
"""
