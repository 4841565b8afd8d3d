"""`python -m bot` serves the bot on PORT; `python -m bot chat` talks to it in the terminal;
`python -m bot package` builds the Teams app zip (bot/package.py); `python -m bot purge` erases
what the retention period no longer allows (run it daily); `python -m bot cijfers --jaar 2026`
prints aanmeldingen per gemeente and doelgroep as CSV."""

from __future__ import annotations

import argparse
import asyncio
import csv
import logging
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvloop
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import bewaartermijn, database, package
from bot.aanmeldingen import AanmeldingStore
from bot.adapter import make_on_turn_error
from bot.app import Toegangslog, create_app
from bot.composition import build_bot
from bot.config import ConfigError, Settings
from bot.console import chat
from bot.signalen import SignaalStore
from bot.storage import SqlStorage
from dialogs.opslag import Diensten

log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    """Parse the command, read the settings, and serve, chat, package, purge or print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="ZVH-assistent")
    parser.add_argument(
        "command", nargs="?", default="serve", choices=("serve", "chat", "package", "purge", "cijfers"),
        help="serve (default): the bot on PORT; chat: in this terminal; package: the Teams app zip; "
        "purge: erase aanmeldingen and signals closed longer than BEWAARTERMIJN_MAANDEN ago, the audit events of "
        "erased records past that period and stale conversation state, and report open cases past it; "
        "cijfers: aanmeldingen per gemeente and doelgroep as CSV",
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=None,
        help=f"package: where to write the app zip (default {package.DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--jaar", type=int, default=None, help="cijfers: the year to count (default the current year)",
    )
    args = parser.parse_args(argv)
    if args.command == "package":
        # Packaging needs the app id and URLs only, not the secrets Settings insists on.
        return package.main(args.output)
    try:
        settings = Settings.from_env()
    except ConfigError as fout:
        sys.stderr.write(f"configuration error: {fout}\n")
        return 2
    settings.configure_logging()
    if args.command == "chat":
        asyncio.run(_chat(settings))
        return 0
    if args.command == "purge":
        asyncio.run(_purge(settings))
        return 0
    if args.command == "cijfers":
        asyncio.run(_cijfers(settings, datetime.now(UTC).year if args.jaar is None else args.jaar))
        return 0
    if settings.local_mode and settings.host in ("127.0.0.1", "localhost", "::1"):
        log.warning(
            "LOCAL MODE: no MicrosoftAppId set, so requests are not authenticated; listening on %s only "
            "(set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId for Teams)",
            settings.host,
        )
    elif settings.local_mode:
        log.error(
            "LOCAL MODE ON A NETWORK ADDRESS (%s): no MicrosoftAppId set, so anyone who reaches this port "
            "can talk to the bot and make it post to any serviceUrl; use this only on a closed network",
            settings.host,
        )
    log.info("database: %s", database.describe(settings.database_url))
    log.info("listening on http://%s:%d/api/messages", settings.host, settings.port)
    # uvloop: the same asyncio, with the event loop and its sockets in C (a large share of a turn).
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None,
                access_log_class=Toegangslog, loop=uvloop.new_event_loop())
    return 0


async def _chat(settings: Settings) -> None:
    # The console logs only warnings, so the conversation is not drowned in log lines.
    logging.getLogger().setLevel(max(logging.WARNING, logging.getLogger().level))
    engine = database.create_engine(settings.database_url)
    try:
        await database.migrate(engine)
        diensten = Diensten(
            AanmeldingStore(engine), SignaalStore(engine), _console_melding, settings.medewerkers,
            meldpunt_gesprekken=settings.meldpunt_gesprekken,
        )
        storage = SqlStorage(engine)
        try:
            onderdelen = build_bot(storage, diensten)
            await chat(onderdelen.bot.on_turn, make_on_turn_error(onderdelen.state), onderdelen.middleware)
        finally:
            await storage.close()
    finally:
        await database.sluit(engine)


async def _console_melding(adres: Mapping[str, Any], tekst: str) -> None:
    # The terminal has no other conversation to reach; the melder sees the status by asking for it.
    log.info("status message not sent: the console chat cannot message another conversation")


async def _purge(settings: Settings) -> None:
    # The policy, and why, is written down in bot/bewaartermijn.py.
    engine = database.create_engine(settings.database_url)
    try:
        await database.migrate(engine)
        opruiming = await bewaartermijn.purge(engine, settings.bewaartermijn_maanden)
        if engine.dialect.name == "sqlite":
            await _vacuum(engine)
    finally:
        await database.sluit(engine)
    sys.stdout.write("".join(f"{regel}\n" for regel in opruiming.regels()))


async def _vacuum(engine: AsyncEngine) -> None:
    # Erased values stay in SQLite's free pages (and its WAL) until the file is rewritten.
    async with engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql("VACUUM")
        await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


async def _cijfers(settings: Settings, jaar: int) -> None:
    engine = database.create_engine(settings.database_url)
    try:
        await database.migrate(engine)
        tellingen = await AanmeldingStore(engine).cijfers(jaar)
    finally:
        await database.sluit(engine)
    schrijver = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    schrijver.writerow(("gemeente", "doelgroep", "aantal"))
    schrijver.writerows((t.gemeente, t.doelgroep, t.aantal) for t in tellingen)


if __name__ == "__main__":
    sys.exit(main())
