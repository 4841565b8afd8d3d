"""The Bot Framework adapter and what happens when a turn fails."""

from __future__ import annotations

import logging
import sqlite3
import traceback
from collections.abc import Awaitable, Callable, Sequence

from botbuilder.core import BotState, Middleware, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from sqlalchemy.exc import InterfaceError, OperationalError

from bot.config import Settings
from bot.storage import EtagConflict
from bot.verzending import GedeeldeAuthenticatie, Verzending
from dialogs import messages
from dialogs.i18n import teksten_voor

log = logging.getLogger(__name__)

TurnErrorHandler = Callable[[TurnContext, Exception], Awaitable[None]]


def make_on_turn_error(state: BotState) -> TurnErrorHandler:
    """Log the failure (no message content), tell the user in one line, and drop the broken flow.

    An e_tag conflict means another turn of the same user wrote first: their state is valid, so it
    is kept and the user is asked to send the last answer again. So is a database error: the state
    as it was before this turn is what is stored.
    """

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        t = teksten_voor(context)
        if isinstance(error, EtagConflict):
            log.warning("turn lost an e_tag race; state of the other turn kept")
            tekst = t(messages.FOUT_GELIJKTIJDIG)
        elif _database_even_weg(error):
            # The database did not take this turn (locked, gone for a moment): what was stored before
            # it is intact, so the user's half-filled form stays and the answer can simply be sent again.
            log.error("turn failed on the database: %s", type(getattr(error, "orig", None) or error).__name__)
            tekst = t(messages.FOUT_OPSLAG)
        else:
            # The stack without the exception's message: a message can quote what the user typed.
            stack = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
            log.error("turn failed: %s\n%s", type(error).__name__, stack)
            tekst = t(messages.FOUT_EXCUSES)
            try:
                # Delete the stored state outright (BotState.delete raises KeyError when it was never
                # loaded, and a forced save of an empty state would be a conflicting "new" write).
                await state.clear_state(context)
                await state._storage.delete([state.get_storage_key(context)])
            except Exception as delete_error:  # noqa: BLE001 - the turn already failed; keep answering
                log.error("could not clear state after a failed turn: %s", type(delete_error).__name__)
        try:
            await context.send_activity(tekst)
        except Exception as send_error:  # noqa: BLE001 - the channel itself may be what failed
            log.error("could not send the apology: %s", type(send_error).__name__)

    return on_turn_error


def _database_even_weg(error: Exception) -> bool:
    """Locked, or the connection lost: passes, unlike a broken constraint (that would fail again)."""
    return isinstance(error, (OperationalError, InterfaceError, sqlite3.OperationalError)) or bool(
        getattr(error, "connection_invalidated", False)
    )


def build_adapter(
    settings: Settings, state: BotState, middleware: Sequence[Middleware], verzending: Verzending
) -> CloudAdapter:
    """A CloudAdapter authenticating with the settings' app registration (none in local mode),
    sending over `verzending`'s pooled session with one connector client per service URL."""
    adapter = CloudAdapter(GedeeldeAuthenticatie(ConfigurationBotFrameworkAuthentication(settings), verzending))
    for piece in middleware:
        adapter.use(piece)
    adapter.on_turn_error = make_on_turn_error(state)
    return adapter
