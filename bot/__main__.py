"""`python -m bot` serves the bot on PORT; `python -m bot chat` talks to it in the terminal;
`python -m bot package` builds the Teams app zip (bot/package.py)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from aiohttp import web

from bot import database, package
from bot.adapter import make_on_turn_error
from bot.app import create_app
from bot.composition import build_bot
from bot.config import ConfigError, Settings
from bot.console import chat
from bot.storage import SqlStorage

log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    """Parse the command, read the settings, and serve, chat or build the Teams app package."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="ZVH-assistent")
    parser.add_argument("command", nargs="?", default="serve", choices=("serve", "chat", "package"))
    parser.add_argument(
        "-o", "--output", type=Path, default=None,
        help=f"package: where to write the app zip (default {package.DEFAULT_OUTPUT})",
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
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)
    return 0


async def _chat(settings: Settings) -> None:
    # The console logs only warnings, so the conversation is not drowned in log lines.
    logging.getLogger().setLevel(max(logging.WARNING, logging.getLogger().level))
    engine = database.create_engine(settings.database_url)
    try:
        await database.migrate(engine)
        onderdelen = build_bot(SqlStorage(engine))
        await chat(onderdelen.bot.on_turn, make_on_turn_error(onderdelen.state), onderdelen.middleware)
    finally:
        await engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
