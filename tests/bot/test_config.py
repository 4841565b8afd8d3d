"""Settings from the environment: defaults for local mode, the Bot Framework names, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings


def test_defaults_are_local_mode_on_loopback_with_sqlite_under_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = Settings.from_env({})
    assert settings.local_mode
    assert settings.host == "127.0.0.1"
    assert settings.port == 3978
    assert settings.database_url == f"sqlite+aiosqlite:///{Path(tmp_path) / 'data' / 'zvh-assistent.db'}"
    assert settings.log_level == "INFO"


def test_bot_framework_variables_make_an_authenticated_single_tenant_bot():
    settings = Settings.from_env({
        "MicrosoftAppId": "app", "MicrosoftAppPassword": "geheim", "MicrosoftAppTenantId": "tenant",
        "PORT": "8080", "DATABASE_URL": "postgresql+asyncpg://postgres@127.0.0.1/test", "LOG_LEVEL": "debug",
    })
    assert not settings.local_mode
    assert (settings.APP_ID, settings.APP_PASSWORD, settings.APP_TYPE, settings.APP_TENANTID) == (
        "app", "geheim", "SingleTenant", "tenant")
    assert settings.host == "0.0.0.0"
    assert settings.port == 8080
    assert settings.database_url.startswith("postgresql+asyncpg://")
    assert settings.log_level == "DEBUG"
    assert "geheim" not in repr(settings)


def test_data_dir_moves_the_default_database(tmp_path):
    assert str(tmp_path / "x") in Settings.from_env({"DATA_DIR": str(tmp_path / "x")}).database_url


@pytest.mark.parametrize(
    ("env", "fout"),
    [
        ({"PORT": "web"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"LOG_LEVEL": "luid"}, "LOG_LEVEL"),
        ({"MicrosoftAppType": "Iets"}, "MicrosoftAppType"),
        ({"MicrosoftAppId": "app", "MicrosoftAppPassword": "x"}, "MicrosoftAppTenantId"),
        ({"MicrosoftAppId": "app", "MicrosoftAppTenantId": "t"}, "MicrosoftAppPassword"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], fout: str):
    with pytest.raises(ConfigError, match=fout):
        Settings.from_env(env)


@pytest.mark.parametrize(
    "url",
    ["garbage", "postgresql://postgres@127.0.0.1/test", "sqlite:///data/x.db", "mysql+aiomysql://root@h/db"],
)
def test_database_url_needs_an_async_driver(url: str):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        Settings.from_env({"DATABASE_URL": url})


def test_app_type_without_app_id_is_local_mode():
    settings = Settings.from_env({"MicrosoftAppType": "SingleTenant"})
    assert settings.local_mode
    assert settings.APP_TYPE == "MultiTenant"  # botbuilder's auth-disabled path


def test_debug_logs_our_code_but_keeps_libraries_quiet():
    import logging

    root = logging.getLogger()
    oud = root.level
    root.setLevel(logging.DEBUG)
    Settings.from_env({"LOG_LEVEL": "DEBUG"}).configure_logging()
    try:
        assert logging.getLogger("bot.storage").isEnabledFor(logging.DEBUG)
        assert logging.getLogger("aiosqlite").isEnabledFor(logging.INFO)
        assert not logging.getLogger("aiosqlite").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("sqlalchemy.engine").isEnabledFor(logging.DEBUG)
    finally:
        root.setLevel(oud)
        for naam in ("bot", "dialogs", "knowledge"):
            logging.getLogger(naam).setLevel(logging.NOTSET)
