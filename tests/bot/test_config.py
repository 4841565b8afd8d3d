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


class TestMedewerkers:
    def test_ids_with_and_without_houses(self):
        settings = Settings.from_env({"ZVH_MEDEWERKERS": "29:1abc@MH+WM,29:2def"})
        assert dict(settings.medewerkers) == {"29:1abc": ("MH", "WM"), "29:2def": ()}

    def test_spaces_case_repeats_and_empty_entries_are_forgiven(self):
        settings = Settings.from_env({"ZVH_MEDEWERKERS": " 29:1abc @ mh + Wm+MH , ,29:2def@nl,"})
        assert dict(settings.medewerkers) == {"29:1abc": ("MH", "WM"), "29:2def": ("NL",)}

    def test_an_id_holding_an_at_sign_splits_on_the_last_one(self):
        settings = Settings.from_env({"ZVH_MEDEWERKERS": "jan@gemeente.nl@PS"})
        assert dict(settings.medewerkers) == {"jan@gemeente.nl": ("PS",)}

    def test_none_configured_by_default_and_settings_stay_frozen_and_hashable(self):
        settings = Settings.from_env({})
        assert dict(settings.medewerkers) == {}
        hash(settings)
        hash(Settings.from_env({"ZVH_MEDEWERKERS": "29:1abc@MH"}))
        with pytest.raises(TypeError):
            settings.medewerkers["29:x"] = ()  # type: ignore[index]
        assert Settings.for_tests("sqlite+aiosqlite:///x.db").medewerkers == {}

    def test_user_ids_stay_out_of_the_repr(self):
        assert "29:1abc" not in repr(Settings.from_env({"ZVH_MEDEWERKERS": "29:1abc@MH"}))

    @pytest.mark.parametrize(
        ("waarde", "fout"),
        [
            ("29:1abc@XX", "unknown Veiligheidshuis 'XX'"),
            ("29:1abc@MH+Limburg", "unknown Veiligheidshuis 'LIMBURG'"),
            ("29:1abc@", "unknown Veiligheidshuis ''"),
            ("29:1abc@MH++WM", "unknown Veiligheidshuis ''"),
            ("@MH", "no Teams user id"),
            ("29:1abc@MH,29:1abc", "listed twice"),
        ],
    )
    def test_bad_entries_name_the_variable(self, waarde: str, fout: str):
        with pytest.raises(ConfigError, match=f"ZVH_MEDEWERKERS: .*{fout}"):
            Settings.from_env({"ZVH_MEDEWERKERS": waarde})

    def test_the_house_codes_are_the_regions_of_the_knowledge(self):
        from bot.config import HUIZEN
        from knowledge.regios import load_regios

        assert set(HUIZEN) == {huis.code for huis in load_regios().veiligheidshuizen}


class TestBewaartermijn:
    @pytest.mark.parametrize(("waarde", "maanden"), [(None, 24), ("", 24), (" 36 ", 36), ("1", 1), ("240", 240)])
    def test_months_from_1_to_240_default_24(self, waarde: str | None, maanden: int):
        env = {} if waarde is None else {"BEWAARTERMIJN_MAANDEN": waarde}
        assert Settings.from_env(env).bewaartermijn_maanden == maanden

    @pytest.mark.parametrize("waarde", ["0", "241", "-1", "1.5", "twee jaar"])
    def test_anything_else_names_the_variable(self, waarde: str):
        with pytest.raises(ConfigError, match="BEWAARTERMIJN_MAANDEN"):
            Settings.from_env({"BEWAARTERMIJN_MAANDEN": waarde})
