"""Wiring: the knowledge, the dialogs, the state and the handler, shared by server and console."""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import Middleware, Storage

from bot.handler import ZvhBot
from bot.middleware import EenBeurtTegelijk, TaalMiddleware
from bot.toestand import Gesprekstoestand
from dialogs.base import Kennis
from dialogs.opslag import Diensten
from dialogs.root import RootDialog
from knowledge.aanmelding import load_formulier
from knowledge.criteria import load_criteria, load_opschaling
from knowledge.intenties import load_intenties
from knowledge.meldpunten import load_meldpunten
from knowledge.regios import load_regios
from knowledge.veiligheid import load_acuut
from knowledge.woordenlijst import load_woordenlijst


def load_kennis() -> Kennis:
    """Load and validate every knowledge file; a broken file fails here, at start-up."""
    return Kennis(
        intenties=load_intenties(),
        acuut=load_acuut(),
        criteria=load_criteria(),
        opschaling=load_opschaling(),
        woordenlijst=load_woordenlijst(),
        regios=load_regios(),
        meldpunten=load_meldpunten(),
        formulier=load_formulier(),
    )


@dataclass(frozen=True)
class Onderdelen:
    """The parts an adapter needs: the bot, its state, and the middleware to run before it."""

    bot: ZvhBot
    state: Gesprekstoestand
    middleware: tuple[Middleware, ...]


def build_bot(storage: Storage, diensten: Diensten, kennis: Kennis | None = None) -> Onderdelen:
    """The bot on per-user conversation state in `storage` (so group chat members never share a flow),
    with the record store and proactive sender of `diensten`."""
    state = Gesprekstoestand(storage)
    bot = ZvhBot(RootDialog(kennis or load_kennis(), diensten), state)
    return Onderdelen(bot=bot, state=state, middleware=(EenBeurtTegelijk(state), TaalMiddleware(state)))
