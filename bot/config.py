"""Settings from the environment, read once in bot/__main__.py (never at import time)."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

_DEFAULT_PORT = 3978
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# The async drivers the storage is tested on: the event loop never waits on the database.
_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")
# Our own loggers follow LOG_LEVEL; libraries never go below INFO, because at DEBUG the database
# drivers log every statement with its parameters: state documents, user ids.
_OWN_LOGGERS = ("bot", "dialogs", "knowledge")


class ConfigError(ValueError):
    """A setting has a value the bot cannot start with; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """What the bot needs to run. The upper-case names are the ones botbuilder duck-types."""

    APP_ID: str = ""
    APP_PASSWORD: str = field(default="", repr=False)
    # MultiTenant only here because botbuilder's credential factory has its auth-disabled (local
    # mode) path there; from_env makes a bot with an app id SingleTenant unless told otherwise.
    APP_TYPE: str = "MultiTenant"
    APP_TENANTID: str = ""
    port: int = _DEFAULT_PORT
    host: str = "127.0.0.1"
    database_url: str = ""
    log_level: str = "INFO"

    @property
    def local_mode(self) -> bool:
        """No app id: no authentication, so the server only listens on this machine by default."""
        return not self.APP_ID

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the Bot Framework variables plus PORT, HOST, DATABASE_URL, DATA_DIR and LOG_LEVEL."""
        env = os.environ if env is None else env
        app_id = env.get("MicrosoftAppId", "").strip()
        app_type = env.get("MicrosoftAppType", "").strip() or "SingleTenant"
        if app_type not in ("SingleTenant", "MultiTenant", "UserAssignedMSI"):
            raise ConfigError(
                f"MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI, not {app_type!r}"
            )
        if not app_id:
            # Local mode: botbuilder disables authentication only on its MultiTenant path.
            app_type = "MultiTenant"
        tenant = env.get("MicrosoftAppTenantId", "").strip()
        if app_id and app_type in ("SingleTenant", "UserAssignedMSI") and not tenant:
            raise ConfigError(f"MicrosoftAppTenantId is required for a {app_type} bot")
        password = env.get("MicrosoftAppPassword", "")
        if app_id and app_type != "UserAssignedMSI" and not password:
            raise ConfigError("MicrosoftAppPassword is required when MicrosoftAppId is set")
        port_text = env.get("PORT", str(_DEFAULT_PORT)).strip()
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ConfigError(f"PORT must be a number from 1 to 65535, not {port_text!r}")
        log_level = env.get("LOG_LEVEL", "INFO").strip().upper()
        if log_level not in _LOG_LEVELS:
            raise ConfigError(f"LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, not {log_level!r}")
        data_dir = Path(env.get("DATA_DIR", "").strip() or Path.cwd() / "data")
        database_url = env.get("DATABASE_URL", "").strip() or f"sqlite+aiosqlite:///{data_dir / 'zvh-assistent.db'}"
        driver = database_url.split("://", 1)[0] if "://" in database_url else ""
        if driver not in _DRIVERS:
            raise ConfigError(
                "DATABASE_URL must start with sqlite+aiosqlite:/// or postgresql+asyncpg://, "
                f"not {driver or database_url[:20]!r}"
            )
        return cls(
            APP_ID=app_id,
            APP_PASSWORD=password,
            APP_TYPE=app_type,
            APP_TENANTID=tenant,
            port=int(port_text),
            # Without credentials nothing checks who calls /api/messages: stay on loopback unless told.
            host=env.get("HOST", "").strip() or ("127.0.0.1" if not app_id else "0.0.0.0"),
            database_url=database_url,
            log_level=log_level,
        )

    @classmethod
    def for_tests(cls, database_url: str) -> Settings:
        """Local mode on the given (test) database."""
        return cls(database_url=database_url)

    def configure_logging(self) -> None:
        """One-line records on stderr: ours at LOG_LEVEL, libraries at INFO or above."""
        niveau = getattr(logging, self.log_level)
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger().setLevel(max(niveau, logging.INFO))
        for naam in _OWN_LOGGERS:
            logging.getLogger(naam).setLevel(niveau)
