"""Settings from the environment, read once in bot/__main__.py (never at import time)."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from botbuilder.schema import ConversationAccount, ConversationReference

_DEFAULT_PORT = 3978
# The issuer of Bot Framework channel tokens (AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER).
_KANAAL_UITGEVER = "https://api.botframework.com"
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# The async drivers the storage is tested on: the event loop never waits on the database.
_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")
# Our own loggers follow LOG_LEVEL; libraries never go below INFO, because at DEBUG the database
# drivers log every statement with its parameters: state documents, user ids.
_OWN_LOGGERS = ("bot", "dialogs", "knowledge")
# The Veiligheidshuizen of Limburg by their codes in knowledge/data/regios.toml (a test keeps them equal).
HUIZEN = ("MH", "WM", "PS", "ML", "NL")
# The kinds of signal by their codes in knowledge/data/meldpunten.toml (a test keeps them equal).
SIGNAALSOORTEN = ("radicalisering", "polarisatie", "verward_gedrag", "huiselijk_geweld", "anders")
_GESPREK_VELDEN = {"conversation_id", "service_url", "tenant_id"}
_DEFAULT_BEWAARTERMIJN = 24
_MAX_BEWAARTERMIJN = 240


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
    # Where the SDK fetches the keys that sign incoming Bot Framework tokens. None: Microsoft's
    # published documents. Never read from the environment: only tests point it at keys of their own.
    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL: str | None = None
    port: int = _DEFAULT_PORT
    host: str = "127.0.0.1"
    database_url: str = ""
    log_level: str = "INFO"
    # Teams user id -> the Veiligheidshuizen that ZVH-medewerker triages (empty: all). Read-only, and
    # left out of the hash so Settings stays hashable; ids are not printed in a repr.
    medewerkers: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False, repr=False
    )
    # Months after an aanmelding is afgesloten (a signal afgehandeld) before `python -m bot purge`
    # erases its personal data; also how long audit events are kept at least, and after how long
    # without a change an open one is reported (bot/bewaartermijn.py).
    bewaartermijn_maanden: int = _DEFAULT_BEWAARTERMIJN
    # "MH" or "MH/radicalisering" -> the conversation reference of that meldpunt's Teams channel, as
    # ConversationReference.serialize() gives it. Read-only all the way down and, like medewerkers,
    # out of the hash and the repr.
    meldpunt_gesprekken: Mapping[str, Mapping[str, Any]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False, repr=False
    )

    @property
    def TO_BOT_FROM_CHANNEL_TOKEN_ISSUER(self) -> str | None:  # noqa: N802 - the name the SDK duck-types
        """SDK: one overridden URL switches it to 'parameterized' authentication, which then needs the
        issuer too; it is the public cloud's (see tests/bot/test_jwt.py)."""
        return _KANAAL_UITGEVER if self.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL else None

    @property
    def local_mode(self) -> bool:
        """No app id: no authentication, so the server only listens on this machine by default."""
        return not self.APP_ID

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the Bot Framework variables plus PORT, HOST, DATABASE_URL, DATA_DIR, LOG_LEVEL,
        ZVH_MEDEWERKERS, BEWAARTERMIJN_MAANDEN and MELDPUNT_GESPREKKEN."""
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
        bewaartermijn_text = env.get("BEWAARTERMIJN_MAANDEN", "").strip() or str(_DEFAULT_BEWAARTERMIJN)
        if not bewaartermijn_text.isdigit() or not 1 <= int(bewaartermijn_text) <= _MAX_BEWAARTERMIJN:
            raise ConfigError(
                f"BEWAARTERMIJN_MAANDEN must be a number of months from 1 to {_MAX_BEWAARTERMIJN}, "
                f"not {bewaartermijn_text!r}"
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
            medewerkers=MappingProxyType(_parse_medewerkers(env.get("ZVH_MEDEWERKERS", ""))),
            bewaartermijn_maanden=int(bewaartermijn_text),
            meldpunt_gesprekken=_parse_meldpunt_gesprekken(env.get("MELDPUNT_GESPREKKEN", "")),
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


def _parse_medewerkers(tekst: str) -> dict[str, tuple[str, ...]]:
    """ZVH_MEDEWERKERS: "29:1abc@MH+WM,29:2def" -> {"29:1abc": ("MH", "WM"), "29:2def": ()} (no houses: all)."""
    medewerkers: dict[str, tuple[str, ...]] = {}
    for deel in tekst.split(","):
        deel = deel.strip()
        if not deel:
            continue
        # The last "@": the houses never hold one, so an id that does (a UPN) still parses.
        user_id, apenstaart, codes = deel.rpartition("@") if "@" in deel else (deel, "", "")
        user_id = user_id.strip()
        if not user_id:
            raise ConfigError(f"ZVH_MEDEWERKERS: an entry has no Teams user id before '@' ({deel!r})")
        huizen = tuple(dict.fromkeys(code.strip().upper() for code in codes.split("+"))) if apenstaart else ()
        onbekend = [code for code in huizen if code not in HUIZEN]
        if onbekend:
            raise ConfigError(
                f"ZVH_MEDEWERKERS: unknown Veiligheidshuis {', '.join(repr(c) for c in onbekend)} for {user_id!r}; "
                f"use {', '.join(HUIZEN)} joined by '+'"
            )
        if user_id in medewerkers:
            raise ConfigError(f"ZVH_MEDEWERKERS: {user_id!r} is listed twice")
        medewerkers[user_id] = huizen
    return medewerkers


def _parse_meldpunt_gesprekken(tekst: str) -> Mapping[str, Mapping[str, Any]]:
    """MELDPUNT_GESPREKKEN: a JSON object such as
    {"MH": {"conversation_id": "19:...@thread.tacv2", "service_url": "https://smba.trafficmanager.net/emea/",
    "tenant_id": "..."}, "MH/radicalisering": {...}} -> {"MH": <conversation reference>, ...}, read-only."""
    if not tekst.strip():
        return MappingProxyType({})
    try:
        data = json.loads(tekst)
    except ValueError as fout:
        raise ConfigError(f"MELDPUNT_GESPREKKEN is not valid JSON ({fout})") from None
    if not isinstance(data, dict):
        raise ConfigError("MELDPUNT_GESPREKKEN must be a JSON object of house or house/kind to a conversation")
    gesprekken: dict[str, Mapping[str, Any]] = {}
    for sleutel, waarde in data.items():
        huis, schuin, soort = sleutel.strip().partition("/")
        huis, soort = huis.strip().upper(), soort.strip().lower()
        if huis not in HUIZEN:
            raise ConfigError(
                f"MELDPUNT_GESPREKKEN: unknown Veiligheidshuis in {sleutel!r}; use {', '.join(HUIZEN)}"
            )
        if schuin and soort not in SIGNAALSOORTEN:
            raise ConfigError(
                f"MELDPUNT_GESPREKKEN: unknown kind of signal in {sleutel!r}; use {', '.join(SIGNAALSOORTEN)}"
            )
        genormaliseerd = f"{huis}/{soort}" if schuin else huis
        if genormaliseerd in gesprekken:
            raise ConfigError(f"MELDPUNT_GESPREKKEN: {genormaliseerd!r} is listed twice")
        gesprekken[genormaliseerd] = _gesprek(sleutel, waarde)
    return MappingProxyType(gesprekken)


def _gesprek(sleutel: str, waarde: object) -> Mapping[str, Any]:
    """One meldpunt channel as a read-only conversation reference, exactly as botbuilder serialises it."""
    if not isinstance(waarde, dict):
        raise ConfigError(f"MELDPUNT_GESPREKKEN: {sleutel!r} must be an object with conversation_id and service_url")
    onbekend = sorted(set(waarde) - _GESPREK_VELDEN)
    if onbekend:
        raise ConfigError(
            f"MELDPUNT_GESPREKKEN: {sleutel!r} has unknown field(s) {', '.join(onbekend)}; "
            "use conversation_id, service_url and tenant_id"
        )
    for veld in ("conversation_id", "service_url"):
        if not isinstance(waarde.get(veld), str) or not waarde[veld].strip():
            raise ConfigError(f"MELDPUNT_GESPREKKEN: {sleutel!r} needs {veld} (a non-empty text)")
    tenant = waarde.get("tenant_id")
    if tenant is not None and (not isinstance(tenant, str) or not tenant.strip()):
        raise ConfigError(f"MELDPUNT_GESPREKKEN: {sleutel!r} has a tenant_id that is not a non-empty text")
    service_url = waarde["service_url"].strip()
    delen = urlsplit(service_url)
    if delen.scheme not in ("http", "https") or not delen.netloc or any(c.isspace() for c in service_url):
        raise ConfigError(f"MELDPUNT_GESPREKKEN: {sleutel!r} has a service_url that is not an http(s) URL")
    referentie = ConversationReference(
        channel_id="msteams",
        service_url=service_url,
        conversation=ConversationAccount(
            id=waarde["conversation_id"].strip(), is_group=True, conversation_type="channel",
            tenant_id=tenant.strip() if tenant else None,
        ),
    ).serialize()
    return MappingProxyType({**referentie, "conversation": MappingProxyType(referentie["conversation"])})
