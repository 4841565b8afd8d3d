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


class TestMeldpuntGesprekken:
    _KANAAL = {"conversation_id": "19:mh@thread.tacv2", "service_url": "https://smba.trafficmanager.net/emea/"}

    def test_none_configured_by_default(self):
        assert dict(Settings.from_env({}).meldpunt_gesprekken) == {}
        assert dict(Settings.from_env({"MELDPUNT_GESPREKKEN": "  "}).meldpunt_gesprekken) == {}
        assert dict(Settings.for_tests("sqlite+aiosqlite:///x.db").meldpunt_gesprekken) == {}

    def test_houses_and_kinds_become_conversation_references_as_botbuilder_serialises_them(self):
        import json

        from botbuilder.schema import ConversationAccount, ConversationReference

        waarde = {
            "MH": self._KANAAL,
            " wm / Radicalisering ": {**self._KANAAL, "conversation_id": "19:wm", "tenant_id": "tenant-1"},
        }
        gesprekken = Settings.from_env({"MELDPUNT_GESPREKKEN": json.dumps(waarde)}).meldpunt_gesprekken
        assert set(gesprekken) == {"MH", "WM/radicalisering"}
        assert gesprekken["MH"] == {
            "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/emea/",
            "conversation": {"id": "19:mh@thread.tacv2", "isGroup": True, "conversationType": "channel"},
        }
        verwacht = ConversationReference(
            channel_id="msteams", service_url="https://smba.trafficmanager.net/emea/",
            conversation=ConversationAccount(
                id="19:wm", is_group=True, conversation_type="channel", tenant_id="tenant-1"),
        ).serialize()
        assert gesprekken["WM/radicalisering"] == verwacht
        # The proactive sender turns it back into the same reference, tenant included.
        terug = ConversationReference().deserialize(dict(gesprekken["WM/radicalisering"]))
        assert (terug.conversation.id, terug.conversation.tenant_id, terug.conversation.is_group) == (
            "19:wm", "tenant-1", True)

    def test_read_only_hashable_and_out_of_the_repr(self):
        import json

        settings = Settings.from_env({"MELDPUNT_GESPREKKEN": json.dumps({"MH": self._KANAAL})})
        hash(settings)
        assert "19:mh" not in repr(settings)
        with pytest.raises(TypeError):
            settings.meldpunt_gesprekken["WM"] = {}  # type: ignore[index]
        with pytest.raises(TypeError):
            settings.meldpunt_gesprekken["MH"]["serviceUrl"] = "https://elders.test/"  # type: ignore[index]
        with pytest.raises(TypeError):
            settings.meldpunt_gesprekken["MH"]["conversation"]["id"] = "19:x"  # type: ignore[index]

    def test_the_kinds_are_the_kinds_of_the_knowledge(self):
        from bot.config import SIGNAALSOORTEN
        from knowledge.meldpunten import load_meldpunten

        assert set(SIGNAALSOORTEN) == {soort.code for soort in load_meldpunten().soorten}

    @pytest.mark.parametrize(
        ("waarde", "fout"),
        [
            ("{niet: json}", "not valid JSON"),
            ('["MH"]', "must be a JSON object"),
            ('{"XX": {}}', "unknown Veiligheidshuis"),
            ('{"MH/criminaliteit": {}}', "unknown kind of signal"),
            ('{"MH/": {}}', "unknown kind of signal"),
            ('{"MH": "19:mh"}', "must be an object"),
            ('{"MH": {"service_url": "https://smba.test/"}}', "needs conversation_id"),
            ('{"MH": {"conversation_id": "19:mh"}}', "needs service_url"),
            ('{"MH": {"conversation_id": " ", "service_url": "https://smba.test/"}}', "needs conversation_id"),
            ('{"MH": {"conversation_id": "19:mh", "service_url": "smba.test/emea"}}', "not an http"),
            ('{"MH": {"conversation_id": "19:mh", "service_url": "ftp://smba.test/"}}', "not an http"),
            ('{"MH": {"conversation_id": "19:mh", "service_url": "https://"}}', "not an http"),
            ('{"MH": {"conversation_id": "19:mh", "service_url": "https://smba.test/", "tenant_id": 5}}', "tenant_id"),
            ('{"MH": {"conversation_id": "19:mh", "service_url": "https://smba.test/", "tenantId": "t"}}',
             "unknown field"),
            ('{"MH": {"conversation_id": "19:a", "service_url": "https://a.test/"}, '
             '"mh": {"conversation_id": "19:b", "service_url": "https://b.test/"}}', "listed twice"),
        ],
    )
    def test_bad_values_name_the_variable(self, waarde: str, fout: str):
        with pytest.raises(ConfigError, match=f"MELDPUNT_GESPREKKEN.*{fout}"):
            Settings.from_env({"MELDPUNT_GESPREKKEN": waarde})
