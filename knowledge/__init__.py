"""The domain of the ZVH-assistent as data plus the small pure functions that reason over it.

No botbuilder, no network, no database: only the standard library, rapidfuzz and babel, and the
data files in knowledge/data (TOML, validated on load; a broken file fails with file, entry, reason).

Identifier glossary (Dutch term -> identifier -> meaning):
- intentie -> Intentie, herken()          what a message asks the bot for (hulp, aanmelden, ...)
- acuut gevaar -> acuut_gevaar()          words that mean someone is in danger now: 112 first
- taal -> detect_taal()                   whether a message is written in Dutch or English
- criterium -> Criterium                  one aanmeldcriterium of a Veiligheidshuis (A-D landelijk)
- beoordeling -> Beoordeling, evaluate()  where a case belongs, with criteria met/not met and sources
- opschalingsniveau -> Opschalingsniveau  a level of the opschalingsmodel (0 zelfredzaam .. 4 procesregie)
- bron -> bron                            the seed file and section a fact comes from
"""
