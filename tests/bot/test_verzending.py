"""Outgoing calls without botbuilder's per-turn overhead (bot/verzending.py), over HTTP as Teams sends.

One connector client and one pooled connection serve every turn; the user-token client is never
made unless used; an unreachable or silent serviceUrl fails the turn fast, logged without the
message; with credentials the replies carry the bearer token of the SDK's own credentials, fetched
once and off the event loop; and the quick JSON of an activity equals msrest's for every reply the
bot sends in the test flows.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import logging
import threading
import time
import uuid
from typing import Any

import jwt
import pytest
from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, Entity, Mention
from botframework.connector import models
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.auth import (
    ClaimsIdentity,
    JwtTokenValidation,
    MicrosoftAppCredentials,
    UserTokenClient,
)
from botframework.connector.auth._built_in_bot_framework_authentication import _BuiltinBotFrameworkAuthentication
from botframework.connector.auth._connector_factory_impl import _ConnectorFactoryImpl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msrest import Deserializer, Serializer

from bot import verzending
from bot.app import ADAPTER, create_app
from bot.config import Settings
from bot.melding import ProactieveMelding
from bot.verzending import _SnelleSerializer, als_json, iso_uit
from dialogs import messages
from tests.bot.test_messages_endpoint import teams_message
from tests.conftest import Gesprek

APP_ID = "00000000-0000-0000-0000-0000000000aa"
SLEUTEL = "een sleutel voor nep-tokens, 32 bytes of meer"
MSREST = Serializer({k: v for k, v in models.__dict__.items() if isinstance(v, type)})


class Kanaal:
    """The Bot Connector at the serviceUrl: every request with its headers and the client's port."""

    def __init__(self) -> None:
        self.ontvangen: list[dict[str, Any]] = []
        self.url = ""
        self.weiger_eenmaal = False

    async def handle(self, request: web.Request) -> web.Response:
        self.ontvangen.append({
            "body": await request.json(),
            "authorization": request.headers.get("Authorization"),
            "poort": request.transport.get_extra_info("peername")[1],
        })
        if self.weiger_eenmaal:
            self.weiger_eenmaal = False
            return web.json_response({"error": {"code": "Unauthorized", "message": "token"}}, status=401)
        return web.json_response({"id": uuid.uuid4().hex})


@pytest.fixture
async def kanaal(aiohttp_server) -> Kanaal:
    fake = Kanaal()
    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", fake.handle)
    app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", fake.handle)
    fake.url = str((await aiohttp_server(app)).make_url("/"))
    return fake


class TestHergebruik:
    async def test_one_connector_client_and_one_connection_serve_every_turn(
        self, aiohttp_client, sqlite_url, kanaal, monkeypatch
    ):
        gemaakt = []
        sdk_create = _ConnectorFactoryImpl.create

        async def tel(self, service_url, audience=None):
            gemaakt.append(service_url)
            return await sdk_create(self, service_url, audience)

        monkeypatch.setattr(_ConnectorFactoryImpl, "create", tel)
        client = await aiohttp_client(create_app(Settings.for_tests(sqlite_url)))
        for tekst in ("help", "check", "ja", "wat is OGGZ?"):
            assert (await client.post("/api/messages", json=teams_message(tekst, kanaal.url))).status == 201
        assert len(kanaal.ontvangen) >= 4
        assert gemaakt == [kanaal.url]
        assert client.app[ADAPTER].bot_framework_authentication.connector_clients == 1
        assert len({r["poort"] for r in kanaal.ontvangen}) == 1  # one kept-alive connection, not one per reply
        assert all(r["authorization"] is None for r in kanaal.ontvangen)  # local mode: no token, as in the SDK

    async def test_the_user_token_client_is_made_only_when_a_turn_uses_it(
        self, aiohttp_client, sqlite_url, kanaal, monkeypatch
    ):
        gemaakt = []

        class NepTokenClient(UserTokenClient):
            async def get_token_status(self, *args):
                return ["status"]

            async def get_user_token(self, *args):
                return None

            async def get_sign_in_resource(self, *args):
                return None

            async def sign_out_user(self, *args):
                return None

            async def get_aad_tokens(self, *args):
                return None

            async def exchange_token(self, *args):
                return None

        async def maak(self, claims_identity):
            gemaakt.append(claims_identity)
            return NepTokenClient()

        monkeypatch.setattr(_BuiltinBotFrameworkAuthentication, "create_user_token_client", maak)
        client = await aiohttp_client(create_app(Settings.for_tests(sqlite_url)))
        for tekst in ("help", "check", "ja"):
            assert (await client.post("/api/messages", json=teams_message(tekst, kanaal.url))).status == 201
        assert gemaakt == []
        adapter = client.app[ADAPTER]
        lui = await adapter.bot_framework_authentication.create_user_token_client(ClaimsIdentity({}, True))
        assert isinstance(lui, UserTokenClient) and gemaakt == []
        assert await lui.get_token_status("u", "msteams") == ["status"]
        assert await lui.get_token_status("u", "msteams") == ["status"]
        assert len(gemaakt) == 1


class TestOnbereikbaar:
    async def test_a_refused_service_url_fails_the_turn_at_once_and_logs_no_message(
        self, aiohttp_client, sqlite_url, caplog
    ):
        client = await aiohttp_client(create_app(Settings.for_tests(sqlite_url)))
        begin = time.monotonic()
        with caplog.at_level(logging.DEBUG):
            resp = await client.post("/api/messages", json=teams_message("help voor J. de Vries", "http://127.0.0.1:9/"))
        assert resp.status == 201
        assert time.monotonic() - begin < 3  # the SDK's sender retried with back-off for seconds
        assert "turn failed: ClientRequestError" in caplog.text
        assert "could not send the apology: ClientRequestError" in caplog.text
        assert "de Vries" not in caplog.text

    async def test_a_service_url_that_never_answers_times_out(self, aiohttp_client, sqlite_url, caplog, monkeypatch):
        async def zwijg(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.read(65536)
            await asyncio.sleep(30)

        server = await asyncio.start_server(zwijg, "127.0.0.1", 0)
        poort = server.sockets[0].getsockname()[1]
        monkeypatch.setattr(verzending, "TOTAL_TIMEOUT", 0.5)
        client = await aiohttp_client(create_app(Settings.for_tests(sqlite_url)))
        begin = time.monotonic()
        try:
            with caplog.at_level(logging.INFO):
                resp = await client.post("/api/messages",
                                         json=teams_message("help voor J. de Vries", f"http://127.0.0.1:{poort}/"))
        finally:
            server.close()
        assert resp.status == 201
        assert time.monotonic() - begin < 5  # the reply and the apology, 0.5 s each
        assert "turn failed: ClientRequestError" in caplog.text
        assert "de Vries" not in caplog.text

    async def test_throttling_is_retried_after_the_retry_after(self, aiohttp_client, sqlite_url, aiohttp_server):
        pogingen = []

        async def druk(request: web.Request) -> web.Response:
            pogingen.append(await request.json())
            if len(pogingen) == 1:
                return web.json_response({}, status=429, headers={"Retry-After": "0.1"})
            return web.json_response({"id": "1"})

        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", druk)
        server = await aiohttp_server(app)
        client = await aiohttp_client(create_app(Settings.for_tests(sqlite_url)))
        resp = await client.post("/api/messages", json=teams_message("help", str(server.make_url("/"))))
        assert resp.status == 201
        assert len(pogingen) == 2 and pogingen[0] == pogingen[1]
        assert messages.HULP_TITEL in str(pogingen[1])


@pytest.fixture
def token_uitgifte(monkeypatch) -> list[tuple[str, str]]:
    """MicrosoftAppCredentials (the SDK's, from its credential factory) get their token here instead
    of from Entra ID: a JWT valid for an hour. Records (thread, token) of every fetch."""
    uitgegeven: list[tuple[str, str]] = []

    def token(self, force_refresh: bool = False) -> str:
        assert self.microsoft_app_id == APP_ID and self.microsoft_app_password == "geheim"
        assert self.tenant == "tenant-1"
        nieuw = jwt.encode({"exp": int(time.time()) + 3600, "n": len(uitgegeven)}, SLEUTEL, algorithm="HS256")
        uitgegeven.append((threading.current_thread().name, nieuw))
        return nieuw

    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", token)
    return uitgegeven


def met_credentials(sqlite_url: str) -> Settings:
    return Settings(APP_ID=APP_ID, APP_PASSWORD="geheim", APP_TYPE="SingleTenant", APP_TENANTID="tenant-1",
                    database_url=sqlite_url)


class TestMetCredentials:
    async def test_replies_carry_the_bearer_token_fetched_once_off_the_event_loop(
        self, aiohttp_client, sqlite_url, kanaal, token_uitgifte, monkeypatch
    ):
        ontvangen_headers = []

        async def geldig(activity, auth_header, *args, **kwargs):
            # Stands in for a real Bot Framework JWT (the refused ones are in test_messages_endpoint).
            ontvangen_headers.append(auth_header)
            return ClaimsIdentity({"aud": APP_ID, "iss": "https://api.botframework.com"}, True)

        monkeypatch.setattr(JwtTokenValidation, "authenticate_request", geldig)
        client = await aiohttp_client(create_app(met_credentials(sqlite_url)))
        for tekst in ("help", "check", "ja"):
            resp = await client.post("/api/messages", json=teams_message(tekst, kanaal.url),
                                     headers={"Authorization": "Bearer van-teams"})
            assert resp.status == 201
        assert ontvangen_headers == ["Bearer van-teams"] * 3
        assert len(kanaal.ontvangen) >= 3
        assert len(token_uitgifte) == 1
        draad, token = token_uitgifte[0]
        assert draad != threading.current_thread().name  # MSAL is synchronous: never on the event loop
        assert {r["authorization"] for r in kanaal.ontvangen} == {f"Bearer {token}"}

    async def test_a_refused_token_is_replaced_and_the_message_sent_once_more(
        self, aiohttp_client, sqlite_url, kanaal, token_uitgifte
    ):
        client = await aiohttp_client(create_app(met_credentials(sqlite_url)))
        melding = ProactieveMelding(APP_ID)
        melding.adapter = client.app[ADAPTER]
        adres = {"channelId": "msteams", "serviceUrl": kanaal.url,
                 "conversation": {"id": "a:conv-melder", "conversationType": "personal"}}
        await melding(adres, "eerste")
        kanaal.weiger_eenmaal = True
        await melding(adres, "tweede")
        await melding(adres, "derde")
        eerste, tweede = (f"Bearer {token}" for _, token in token_uitgifte)
        assert [(r["body"]["text"], r["authorization"]) for r in kanaal.ontvangen] == [
            ("eerste", eerste), ("tweede", eerste), ("tweede", tweede), ("derde", tweede),
        ]

    async def test_with_an_app_id_a_request_without_a_token_is_still_refused(
        self, aiohttp_client, sqlite_url, kanaal, token_uitgifte
    ):
        client = await aiohttp_client(create_app(met_credentials(sqlite_url)))
        resp = await client.post("/api/messages", json=teams_message("help", kanaal.url))
        assert resp.status == 401
        assert kanaal.ontvangen == [] and token_uitgifte == []


class TestJson:
    FLOWS = (
        ("help", "check", "ja", "waarom", "ja", "weet niet", "ja", "Maastricht"),
        ("snelle check",),
        ("wat is OGGZ?", "woordenlijst", "begrippen met een V", "what is a veelpleger?"),
        ("aanmelden",),
        ("signaal", "nee", "radicalisering", "Maastricht"),
        ("overleg voor jeugd in Maastricht", "mijn aanmeldingen", "stop", "iets heel onduidelijks"),
    )

    @pytest.mark.parametrize("flow", FLOWS, ids=[f[0] for f in FLOWS])
    async def test_every_reply_of_the_flows_is_the_json_msrest_makes(self, gesprek: Gesprek, flow):
        replies: list[Activity] = []
        for tekst in flow:
            replies += await gesprek.send(tekst, locale="en-US" if tekst.startswith("what") else "nl-NL")
        assert replies
        for reply in replies:
            reply.reply_to_id = "1234"
            assert als_json(reply) == MSREST.body(reply, "Activity")

    def test_enums_datetimes_mentions_and_nulls_in_a_card(self):
        reply = Activity(
            type=ActivityTypes.message, text="hoi", timestamp=datetime.datetime(2026, 11, 22, 10, 0, 0, 123000,
                                                                                tzinfo=datetime.UTC),
            from_property=ChannelAccount(id="28:bot", name="ZVH", role="bot"),
            entities=[Mention(mentioned=ChannelAccount(id="29:u", name="U"), text="<at>U</at>", type="mention"),
                      Entity(type="clientInfo")],
            channel_data={"notification": {"alert": True}, "leeg": None, "lijst": [1, 2.5, None, "x"]},
            attachments=[models.Attachment(content_type="application/vnd.microsoft.card.adaptive",
                                           content={"type": "AdaptiveCard", "body": [], "actions": None}),
                         models.Attachment(content_type="application/vnd.microsoft.card.hero",
                                           content={"buttons": [models.CardAction(type="imBack", value="ja")]})],
            members_added=[ChannelAccount(id="a"), None],
        )
        assert als_json(reply) == MSREST.body(reply, "Activity")

    def test_what_msrest_converts_or_refuses_is_left_to_msrest(self):
        snel = _SnelleSerializer(MSREST.dependencies)
        vreemd = [
            Activity(type="message", from_property={"id": "29:u", "name": "U"}),  # a dict where a model belongs
            Activity(type="message", value=("a", "b")),  # a tuple in an object
            Activity(type="message", value={"keuze": True, True: "ja"}),  # a key that is no text
            Activity(type="message", timestamp=datetime.datetime(2026, 11, 22, 10, 0)),  # naive datetime
            Activity(type="message", history_disclosed="ja"),  # not a bool
        ]
        for activity in vreemd:
            with pytest.raises(verzending._NietSnel):
                als_json(activity)
            verwacht = MSREST.body(activity, "Activity")
            assert snel.body(activity, "Activity") == verwacht


# What a channel may answer to a posted reply: (status, body[, content type]). Teams answers 201 {"id": ...}; the rest
# is what an odd proxy or an outage gives.
ANTWOORDEN = [
    (201, b'{"id": "1:abc"}'), (200, b'{"id": "x"}'), (202, b"{}"), (201, b""), (201, b"not json"),
    (201, b'{"id": "1", "extra": true}'), (201, b'{"id": 5}'), (201, b"[1, 2]"), (201, b"null"),
    (400, b'{"error": {"code": "BadArgument", "message": "nee"}}'), (403, b""), (404, b"<html>weg</html>", "text/html"),
    (500, b'{"error": {"code": "ServiceError", "message": "kapot"}}'),
]


class TestSnelleGesprekken:
    """reply_to_activity and send_to_conversation skip msrest's request, pipeline and deserializer;
    for every answer of the channel they give what the SDK's own operation gives."""

    @pytest.mark.parametrize("antwoord", ANTWOORDEN)
    async def test_every_answer_of_the_channel_gives_what_the_sdk_gives(self, aiohttp_server, antwoord):
        status, body, content_type = (*antwoord, "application/json")[:3]
        ontvangen: list[tuple[str, dict[str, str], bytes]] = []

        async def kanaal(request: web.Request) -> web.Response:
            ontvangen.append((request.path, dict(request.headers), await request.read()))
            return web.Response(status=status, body=body, content_type=content_type)

        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", kanaal)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", kanaal)
        service_url = str((await aiohttp_server(app)).make_url("/"))
        activity = Activity(type=ActivityTypes.message, text="hallo", channel_id="msteams")
        sdk = ConfigurationBotFrameworkAuthentication(Settings.for_tests("sqlite+aiosqlite://"))
        claims = ClaimsIdentity({}, True)
        async with verzending.Verzending() as pool:
            gedeeld = verzending.GedeeldeAuthenticatie(sdk, pool).create_connector_factory(claims)
            snel = (await gedeeld.create(service_url)).conversations
            stock = (await sdk.create_connector_factory(claims).create(service_url, None)).conversations
            assert isinstance(snel, verzending._SnelleGesprekken)
            for operatie, argumenten in (("reply_to_activity", ("a:1/x y", "1:2")), ("send_to_conversation", ("a:1",))):
                uitkomsten = []
                for operaties in (snel, stock):
                    try:
                        antwoord = await getattr(operaties, operatie)(*argumenten, activity)
                        uitkomsten.append(("ok", antwoord.serialize() if antwoord is not None else None))
                    except Exception as fout:  # noqa: BLE001 - the kind and content of the failure are compared
                        fouttekst = getattr(getattr(fout, "error", None), "serialize", lambda: None)()
                        uitkomsten.append((type(fout).__name__, str(fout), fouttekst))
                if content_type == "application/json":
                    assert uitkomsten[0] == uitkomsten[1], operatie
                else:  # msrest cannot read an HTML page (DeserializationError); the quick way says the
                    # status (ErrorResponseException): either way the turn fails and nothing is posted twice
                    assert uitkomsten[0][0] == "ErrorResponseException" and uitkomsten[1][0] == "DeserializationError"
        # The same request: path (quoted ids), headers that matter and body, for the quick and the SDK's way.
        assert len(ontvangen) == 4
        for snel_verzoek, stock_verzoek in (ontvangen[0:2], ontvangen[2:4]):
            assert snel_verzoek[0] == stock_verzoek[0]
            for header in ("Content-Type", "Accept", "x-ms-conversation-id", "User-Agent"):
                assert snel_verzoek[1].get(header) == stock_verzoek[1].get(header), header
            assert json.loads(snel_verzoek[2]) == json.loads(stock_verzoek[2])


# --- incoming activities: uit_json against msrest ---------------------------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda binnen: st.lists(binnen, max_size=3) | st.dictionaries(st.text(max_size=6), binnen, max_size=3),
    max_leaves=8,
)
_DATUMS = st.sampled_from(
    ["2026-11-22T10:00:00.000Z", "2026-11-22T11:00:00.123+01:00", "2026-11-22T10:00:00Z", "2026-02-30T10:00:00Z",
     "gisteren", ""]
)


def _voor_type(typ: str, diepte: int, schoon: bool) -> st.SearchStrategy:
    """Values for an attribute of this msrest type: of the right kind, or (unless `schoon`) now and
    then any JSON at all."""
    modellen = verzending._MODELLEN
    if typ.startswith("[") or typ.startswith("{"):
        element = _voor_type(typ[1:-1], diepte, schoon)
        goed = st.lists(element | st.none(), max_size=3) if typ[0] == "[" else st.dictionaries(
            st.text(max_size=5), element | st.none(), max_size=2)
    elif typ in modellen:
        goed = _model(modellen[typ], diepte - 1, schoon) if diepte > 0 else st.just({})
    else:
        goed = {"str": st.text(max_size=10), "bool": st.booleans(), "int": st.integers(),
                "iso-8601": _DATUMS, "object": _JSON}[typ]
    return goed if schoon else st.one_of(goed, goed, goed, _JSON)


def _model(cls: type, diepte: int = 2, schoon: bool = False) -> st.SearchStrategy:
    velden = {d["key"]: _voor_type(d["type"], diepte, schoon) for d in cls._attribute_map.values() if d["key"]}
    bekend = st.fixed_dictionaries({}, optional=velden)
    return st.builds(lambda a, b: {**b, **a}, bekend, st.dictionaries(st.text(max_size=6), _JSON, max_size=2))


def _uitkomst(lees):  # noqa: ANN001, ANN202
    try:
        return "ok", lees()
    except Exception as fout:  # noqa: BLE001 - the kind of refusal is compared
        return "fout", type(fout).__name__


# Half of the activities are well-typed (read the quick way, but for an odd date), half have wrong
# types here and there (left to msrest): both must come out as msrest makes them.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.booleans().flatmap(lambda schoon: _model(Activity, schoon=schoon)))
def test_an_incoming_activity_is_what_msrest_makes_of_it(body):
    snel = _uitkomst(lambda: verzending.uit_json(Activity, body))
    assert snel == _uitkomst(lambda: Activity.deserialize(body))


def test_a_teams_message_is_read_the_quick_way(monkeypatch):
    # The equality above holds also when everything falls back to msrest: this one must not.
    monkeypatch.setattr(Activity, "deserialize", None)
    activity = verzending.uit_json(Activity, teams_message("wat is OGGZ?", "https://smba.example/"))
    assert activity.text == "wat is OGGZ?" and activity.conversation.id and activity.from_property.id


def _lees_iso(lezer, tekst: str) -> object:
    try:
        waarde = lezer(tekst)
    except Exception as fout:  # noqa: BLE001 - both must refuse alike
        return type(fout)
    return waarde, type(waarde.tzinfo), waarde.utcoffset()


_CIJFERS = st.text("0123456789", min_size=1, max_size=5)


@settings(max_examples=600, deadline=None)
@given(
    datum=st.tuples(_CIJFERS, _CIJFERS, _CIJFERS, _CIJFERS, _CIJFERS, _CIJFERS),
    breuk=st.none() | st.text("0123456789", min_size=0, max_size=9),
    scheiding=st.sampled_from(["T", "t", " "]),
    zone=st.sampled_from(["Z", "z", "", "+01:00", "-00:30", "+0100"]),
)
def test_iso_timestamps_are_read_as_msrest_reads_them(datum, breuk, scheiding, zone):
    jaar, maand, dag, uur, minuut, seconde = datum
    tekst = f"{jaar}-{maand}-{dag}{scheiding}{uur}:{minuut}:{seconde}{'' if breuk is None else '.' + breuk}{zone}"
    assert _lees_iso(iso_uit, tekst) == _lees_iso(Deserializer.deserialize_iso, tekst)


@pytest.mark.parametrize(
    "tekst",
    ["2026-11-22T10:00:00.000Z", "2026-11-22T10:00:00.1234567Z", "2026-11-22T10:00:00Z", "2026-02-28T23:59:59.5Z",
     "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2026-02-30T10:00:00Z", "2026-11-22T23:59:60Z"],
)
def test_teams_timestamps_are_read_as_msrest_reads_them(tekst: str):
    assert _lees_iso(iso_uit, tekst) == _lees_iso(Deserializer.deserialize_iso, tekst)


_ID = st.one_of(
    st.text(max_size=12), st.sampled_from(["", ".", "..", "a:1/x y", "29:1abc", "a/../b", "?x#y", "%2E", "{id}"]),
    st.none(), st.integers(),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    basis=st.sampled_from([
        "https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea", "http://127.0.0.1:3978",
        "https://kanaal.example/pad/./deel/?q=1#f", "https://kanaal.example/{regio}/",
    ]),
    conversation_id=_ID, activity_id=_ID,
)
def test_reply_urls_are_the_sdks(basis, conversation_id, activity_id):
    """The URL a reply or a new message goes to, for any ids, is the one the SDK's operation builds."""
    client = ConnectorClient(MicrosoftAppCredentials("", ""), base_url=basis)
    snel = verzending._SnelleGesprekken(client, zender=None)  # type: ignore[arg-type]
    for operatie, ids in ((ConversationsOperations.reply_to_activity, (conversation_id, activity_id)),
                          (ConversationsOperations.send_to_conversation, (conversation_id,))):
        namen = ("conversationId", "activityId")[: len(ids)]
        sdk_operaties = client.conversations
        try:
            quoted = {naam: sdk_operaties._serialize.url(naam, i, "str") for naam, i in zip(namen, ids, strict=True)}
            sdk = sdk_operaties._client.format_url(operatie.metadata["url"], **quoted)
        except Exception as fout:  # noqa: BLE001 - the quick way must refuse alike
            with pytest.raises(type(fout)):
                snel._url(*ids)
        else:
            assert snel._url(*ids) == sdk
