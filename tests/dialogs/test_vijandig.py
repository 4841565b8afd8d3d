"""Hostile and broken input, generated (hypothesis): whatever a user types or a client forges, every
dialog answers clearly, never crashes or stays silent, and text typed by a user is never shown
back as markup (a link, bold, HTML) on anyone's screen."""

from __future__ import annotations

import re
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogs import cards, messages
from tests.conftest import Gesprek, seen_text

# The same conversation object serves all examples: each example gets its own conversation id.
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Markup that would render as a link, an image, bold or HTML if it were shown back as typed.
GEVAARLIJK = ("[klik hier](https://evil.example/login)", "**dringend**", "<b>vet</b>", "<at>Iedereen</at>",
              "![x](https://evil.example/x.png)")
MARKUP = st.sampled_from([
    *GEVAARLIJK, "`code`", "# Kop", "- lijst", "~~weg~~", "| a | b |",
    '{"type": "AdaptiveCard", "body": []}', "\u202e\u0000\u0007", "😀🧑‍🤝‍🧑", "\r\n\t",
])
TEKST = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50),
    st.builds(lambda a, b, c: f"{a} {b} {c}", st.text(max_size=30), MARKUP, st.text(max_size=30)),
    st.just("x" * 10_000),
    MARKUP,
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda kinderen: st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=10), kinderen, max_size=4),
    max_leaves=10,
)
# A link or emphasis that markdown would render: "[..](" or "**" not preceded by a backslash.
_ONTSNAPT = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)\*\*|<b>|<at>Iedereen")


def _gerenderd(tekst: str) -> bool:
    return bool(_ONTSNAPT.search(tekst))


@given(TEKST)
def test_letterlijk_never_lets_markup_through(tekst: str):
    uit = cards.letterlijk(tekst)
    assert not _gerenderd(uit)
    assert "\n" not in uit and "<" not in uit and ">" not in uit


async def _beurt(gesprek: Gesprek, gesprek_id: str, *berichten: object) -> list:
    replies: list = []
    for bericht in berichten:
        if isinstance(bericht, dict):
            replies = await gesprek.click(bericht, conversation_id=gesprek_id)
        else:
            replies = await gesprek.send(bericht, conversation_id=gesprek_id)
    return replies


def _controleer(replies: list, invoer: object) -> None:
    assert replies, f"no answer to {invoer!r}"
    teksten = [seen_text(r) for r in replies]
    assert not any(messages.FOUT_EXCUSES in t for t in teksten), f"a turn failed on {invoer!r}"
    getypt = invoer if isinstance(invoer, str) else " ".join(str(v) for v in invoer.values())
    for markup in GEVAARLIJK:
        if markup in getypt:
            assert not any(markup in tekst for tekst in teksten), (invoer, teksten)


# Where a flow waits for typed text: fresh, the guided check, the gemeente, the typed aanmelding,
# a signal's summary.
STAAT = st.sampled_from([
    (),
    ("check",),
    ("check", "ja", "ja", "ja"),
    ("aanmelden", "typen"),
    ("aanmelden", "typen", "Wijkteam Noord", "06-12345678"),
    ("signaal", "nee", "verward", "Roermond", "vastleggen"),
])


@FUZZ
@given(staat=STAAT, tekst=TEKST)
async def test_any_text_in_any_flow_gets_an_answer_and_no_markup(gesprek: Gesprek, staat, tekst: str):
    gesprek_id = uuid.uuid4().hex
    await _beurt(gesprek, gesprek_id, *staat)
    _controleer(await _beurt(gesprek, gesprek_id, tekst), tekst)


@FUZZ
@given(staat=STAAT, waarde=st.dictionaries(
    st.sampled_from([cards.ACTIE, cards.KEUZE, cards.VRAAG, cards.FORMULIER, cards.REFERENTIE, cards.TAAL,
                     "gemeente", "situatie", "vervolgactie", "stap", "samenvatting", "zrm_wonen", "tekst"]),
    JSON, max_size=6,
))
async def test_any_forged_card_value_in_any_flow_gets_an_answer(gesprek: Gesprek, staat, waarde: dict):
    gesprek_id = uuid.uuid4().hex
    await _beurt(gesprek, gesprek_id, *staat)
    _controleer(await _beurt(gesprek, gesprek_id, waarde), waarde)


@FUZZ
@given(genoemd=MARKUP)
async def test_a_typed_gemeente_is_echoed_but_never_rendered(gesprek: Gesprek, genoemd: str):
    gesprek_id = uuid.uuid4().hex
    replies = await _beurt(gesprek, gesprek_id, "check", "ja", "ja", "ja", f"Gemeente {genoemd}")
    assert replies[0].text.startswith("'Gemeente")
    assert genoemd not in replies[0].text or genoemd not in GEVAARLIJK
