"""Outgoing calls to the channel (replies, proactive messages) without botbuilder's per-turn overhead.

botbuilder 4.17's CloudAdapter builds a new ConnectorClient and a new UserTokenClient on every turn
(each with msrest configurations and retry policies: about half the CPU of a turn), then sends each
reply with synchronous `requests` in a thread pool, over a new connection and, with credentials,
a new MSAL application (so a new token) every turn. Here, without changing botbuilder:

- one ConnectorClient per (app id, service URL, audience), built once by the SDK's own connector
  factory, so with the SDK's own credentials (cloud, tenant, scope) and all its operations;
- its msrest pipeline sends over one pooled aiohttp session (`Verzending`, owned by the app),
  with a short timeout, and puts the bearer token of those credentials on every request: fetched
  in a worker thread (MSAL is synchronous) and kept until shortly before it expires;
- an activity is turned into JSON by a plain walk over its msrest attribute map, giving what
  msrest's Serializer.body gives (a test compares them on every reply of the test flows) in
  0.07 ms instead of 1.8 ms for the aanmelding form; anything unusual goes to msrest itself;
- the two operations every reply uses (reply_to_activity, send_to_conversation) post that JSON
  straight over the session and read the channel's usual {"id"} answer without msrest's request,
  pipeline and deserializer (`_SnelleGesprekken`; a test holds them equal to the SDK's);
- the UserTokenClient is made only when a turn uses it (an OAuth prompt; this bot has none).

And the other way, `uit_json` reads an incoming activity without msrest's Deserializer (equal to
it, by a hypothesis test; anything unusual goes to msrest). Incoming token validation is the SDK's,
unchanged: `authenticate_request` is delegated as is.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import logging
import re
import time
import urllib.request
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote, urlsplit

import jwt
from aiohttp import ClientError, ClientSession, ClientTimeout, DummyCookieJar, TCPConnector
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from botframework.connector.models import ErrorResponseException
from botframework.connector.skills import BotFrameworkClient
from msrest import Deserializer, Serializer
from msrest.exceptions import ClientRequestError
from msrest.pipeline import AsyncHTTPSender, AsyncPipeline, Request, Response
from msrest.pipeline.universal import RawDeserializer
from msrest.serialization import Model
from msrest.universal_http.async_abc import AsyncClientResponse
from multidict import CIMultiDict

log = logging.getLogger(__name__)

# A reply that takes longer than this is lost anyway (Teams gives up on the turn after 15 s).
TOTAL_TIMEOUT = 8.0
CONNECT_TIMEOUT = 3.0
# Service URLs are few (a handful of Teams regions); the bound keeps a stream of odd ones in local mode harmless.
MAX_CLIENTS = 64
# "Try again later" from the channel (429 throttling, 503): at most this many retries, each waiting
# the Retry-After the channel asks for, up to MAX_RETRY_WAIT seconds. Nothing else is retried: the
# channel may have posted a reply before it failed, and a second one would show twice.
RETRIES = 2
MAX_RETRY_WAIT = 2.0
_RETRY_STATUSES = (429, 503)
# A token is renewed this long before it expires; a token that is no JWT is kept this long.
_TOKEN_MARGIN = 300.0
_TOKEN_FALLBACK_TTL = 600.0


class Verzending:
    """The pooled HTTP session for everything the bot sends to channels; open it in the app's
    cleanup_ctx (`async with Verzending() as verzending`), so it closes when the app stops."""

    def __init__(self, *, total_timeout: float | None = None, connect_timeout: float | None = None) -> None:
        self._timeout = ClientTimeout(
            total=TOTAL_TIMEOUT if total_timeout is None else total_timeout,
            sock_connect=CONNECT_TIMEOUT if connect_timeout is None else connect_timeout,
        )
        self._session: ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    async def __aenter__(self) -> Verzending:
        # No cookies: nothing the channel sets for one conversation or tenant may ride along to
        # another. No trust_env: aiohttp would then look up .netrc and the proxy in a thread for
        # every request; the proxy is looked up once per host instead (proxy_voor).
        self._session = ClientSession(
            timeout=self._timeout, cookie_jar=DummyCookieJar(),
            connector=TCPConnector(limit=100, limit_per_host=50, ttl_dns_cache=300, keepalive_timeout=30),
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    @property
    def session(self) -> ClientSession:
        if self._session is None or self._session.closed:
            raise RuntimeError("Verzending is not open: send only while the app runs")
        return self._session

    def proxy_voor(self, url: str) -> str | None:
        """The proxy for this URL from HTTP(S)_PROXY and NO_PROXY, as `requests` honoured them for
        the SDK; read once per scheme and host."""
        delen = urlsplit(url)
        sleutel = (delen.scheme, delen.hostname or "")
        if sleutel not in self._proxies:
            proxies = urllib.request.getproxies_environment()
            proxy = proxies.get(delen.scheme) or proxies.get("all")
            if proxy and urllib.request.proxy_bypass_environment(delen.hostname or "", proxies):
                proxy = None
            if len(self._proxies) >= MAX_CLIENTS:
                self._proxies.clear()
            self._proxies[sleutel] = proxy
        return self._proxies[sleutel]


class GedeeldeAuthenticatie(BotFrameworkAuthentication):
    """The SDK's BotFrameworkAuthentication, with connector clients reused and the user-token client
    made on first use. Authentication itself (incoming JWTs, caller id) is the inner one's."""

    def __init__(self, inner: BotFrameworkAuthentication, verzending: Verzending, max_clients: int = MAX_CLIENTS):
        self._inner = inner
        self._verzending = verzending
        self._max_clients = max_clients
        self._clients: OrderedDict[tuple[str | None, str | None, str | None], ConnectorClient] = OrderedDict()
        self._tokens: dict[tuple[str | None, str | None], _Tokens] = {}

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = _GedeeldeFactory(self, result.connector_factory, result.claims_identity)
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return _GedeeldeFactory(self, self._inner.create_connector_factory(claims_identity), claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        return _UserTokenClientOpAanvraag(lambda: self._inner.create_user_token_client(claims_identity))

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)

    @property
    def connector_clients(self) -> int:
        """How many connector clients are kept (for tests and diagnostics)."""
        return len(self._clients)

    async def _client(
        self, sdk_factory: ConnectorFactory, app_id: str | None, service_url: str | None, audience: str | None
    ) -> ConnectorClient:
        sleutel = (app_id, service_url, audience)
        client = self._clients.get(sleutel)
        if client is not None:
            self._clients.move_to_end(sleutel)
            return client
        # The SDK's factory makes the client: its credentials come from the SDK's credential factory.
        client = await sdk_factory.create(service_url, audience)
        credentials = client.config.credentials
        if not isinstance(credentials, AppCredentials):
            # Credentials of a kind we don't know how to put on a request: leave the SDK's pipeline.
            log.warning("connector credentials of type %s: replies use the SDK's own sender",
                        type(credentials).__name__)
        else:
            tokens = self._tokens.setdefault((app_id, credentials.oauth_scope), _Tokens(credentials))
            zender = _SessieZender(self._verzending, tokens)
            client.config.pipeline = AsyncPipeline(
                [client.config.user_agent_policy, RawDeserializer(), client.config.http_logger_policy], zender
            )
            # The operations keep the client's serializer; every one of them gets the quick one.
            snel = _SnelleSerializer(client._serialize.dependencies)
            for houder in (client, client.conversations, client.attachments):
                houder._serialize = snel
            client.conversations = _SnelleGesprekken(client, zender)
        self._clients[sleutel] = client
        while len(self._clients) > self._max_clients:
            self._clients.popitem(last=False)
        return client


class _GedeeldeFactory(ConnectorFactory):
    """The connector factory a turn gets: the SDK's, but answered from the shared clients."""

    def __init__(self, gedeeld: GedeeldeAuthenticatie, sdk_factory: ConnectorFactory, claims: ClaimsIdentity) -> None:
        self._gedeeld = gedeeld
        self._sdk_factory = sdk_factory
        # As the SDK's factory takes it: the audience claim (channel requests), else the appid claim.
        claim = claims.get_claim_value if claims is not None else (lambda _naam: None)
        app_id = claim(AuthenticationConstants.AUDIENCE_CLAIM)
        self._app_id = app_id if app_id is not None else claim(AuthenticationConstants.APP_ID_CLAIM)

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        return await self._gedeeld._client(self._sdk_factory, self._app_id, service_url, audience)


class _Tokens:
    """The bearer token of one set of app credentials, fetched off the event loop and kept until
    shortly before it expires. No token (and no header) without an app id, as in the SDK."""

    def __init__(self, credentials: AppCredentials) -> None:
        self._credentials = credentials
        app_id = credentials.microsoft_app_id
        self.nodig = bool(app_id) and app_id != AuthenticationConstants.ANONYMOUS_SKILL_APP_ID
        self._token: str | None = None
        self._geldig_tot = 0.0
        self._lock = asyncio.Lock()

    async def header(self) -> str | None:
        if not self.nodig:
            return None
        if self._token is None or time.monotonic() >= self._geldig_tot:
            async with self._lock:
                if self._token is None or time.monotonic() >= self._geldig_tot:
                    # MSAL is synchronous and may go to the network: never on the event loop.
                    token = await asyncio.get_running_loop().run_in_executor(None, self._credentials.get_access_token)
                    self._token, self._geldig_tot = token, time.monotonic() + _levensduur(token)
        return f"Bearer {self._token}"

    def vergeet(self, header: str) -> None:
        """The channel refused this token (401): fetch a new one next time (unless another request
        already did)."""
        if header == f"Bearer {self._token}":
            self._token = None


def _levensduur(token: str) -> float:
    """Seconds to keep a token: until _TOKEN_MARGIN before its exp claim."""
    try:
        exp = jwt.decode(token, options={"verify_signature": False}).get("exp")
    except jwt.PyJWTError:
        return _TOKEN_FALLBACK_TTL
    if not isinstance(exp, (int, float)):
        return _TOKEN_FALLBACK_TTL
    return max(0.0, exp - time.time() - _TOKEN_MARGIN)


class _SessieZender(AsyncHTTPSender):
    """msrest's last pipeline step on the pooled aiohttp session (`zend`), for every operation of a
    shared connector client."""

    def __init__(self, verzending: Verzending, tokens: _Tokens) -> None:
        self._verzending = verzending
        self._tokens = tokens

    async def __aenter__(self) -> _SessieZender:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    def build_context(self) -> None:
        return None

    async def send(self, request: Request, **kwargs: Any) -> Response:
        http = request.http_request
        if http.files:
            raise NotImplementedError("multipart uploads are not sent over the pooled session")
        return Response(request, await self.zend(http.method, http.url, dict(http.headers), http.data, http))

    async def zend(self, method: str, url: str, headers: dict[str, str], data: Any, request: Any = None) -> _Antwoord:
        """Send with the credentials' bearer token (none in local mode), as the SDK's signed_session
        does. A token the channel refuses (401: nothing was posted) is dropped and the request sent
        once more with a fresh one; 429/503 are retried after the Retry-After; a connection error or
        timeout is msrest's ClientRequestError, as with the SDK's sender."""
        header = await self._tokens.header()
        if header is not None:
            headers["Authorization"] = header
        antwoord = await self._met_herhaling(method, url, headers, data, request)
        if header is not None and antwoord.status_code == 401:
            self._tokens.vergeet(header)
            headers["Authorization"] = await self._tokens.header()
            antwoord = await self._met_herhaling(method, url, headers, data, request)
        return antwoord

    async def _met_herhaling(
        self, method: str, url: str, headers: dict[str, str], data: Any, request: Any
    ) -> _Antwoord:
        for poging in range(RETRIES + 1):
            try:
                async with self._verzending.session.request(
                    method, url, headers=headers, data=data, proxy=self._verzending.proxy_voor(url),
                ) as antwoord:
                    body = await antwoord.read()
            except (ClientError, TimeoutError) as fout:
                raise ClientRequestError(f"{type(fout).__name__} sending to the channel", fout) from fout
            if antwoord.status not in _RETRY_STATUSES or poging == RETRIES:
                break
            await asyncio.sleep(_wachttijd(antwoord.headers.get("Retry-After"), poging))
        return _Antwoord(request, antwoord.status, antwoord.reason, CIMultiDict(antwoord.headers), body)


class _SnelleGesprekken(ConversationsOperations):
    """The connector's conversation operations; the two every reply uses (reply_to_activity,
    send_to_conversation) go straight to `zend` with the JSON of `als_json`, and the usual answer
    ({"id": ...}) becomes a ResourceResponse without msrest's request, pipeline and deserializer
    (about a tenth of a turn). The URL and headers are the SDK's; any other answer is msrest's to
    deserialize or raise, exactly as in the SDK's operation."""

    def __init__(self, client: ConnectorClient, zender: _SessieZender) -> None:
        super().__init__(client._client, client.config, client._serialize, client._deserialize)
        self._zender = zender
        self._user_agent = client.config.user_agent
        # format_url formats the base URL too: one with braces is left to it.
        basis = client.config.base_url
        self._gesprekken = None if "{" in basis or "}" in basis else self._client.format_url("/v3/conversations/")

    async def reply_to_activity(self, conversation_id, activity_id, activity, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs:
            return await super().reply_to_activity(conversation_id, activity_id, activity, **kwargs)
        url = self._url(conversation_id, activity_id)
        return await self._post(url, activity, {"x-ms-conversation-id": conversation_id})

    async def send_to_conversation(self, conversation_id, activity, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs:
            return await super().send_to_conversation(conversation_id, activity, **kwargs)
        return await self._post(self._url(conversation_id), activity, {})

    def _url(self, *ids: Any) -> str:
        """The URL of send_to_conversation (a conversation id) or reply_to_activity (and an activity id)
        as the SDK makes it: format_url of the template with the quoted ids (a test compares them).
        msrest's urlparse and urljoin were 4 % of a turn. Quoted, an id holds no "/", "?" or "#", so
        the URL is the conversations URL with the ids appended; only an id that is no text, empty or a
        dot segment ("." or "..", which urljoin resolves) is left to msrest."""
        delen = [quote(i, safe="") if type(i) is str else "" for i in ids]
        if self._gesprekken is not None and all(deel not in ("", ".", "..") for deel in delen):
            return self._gesprekken + "/activities/".join(delen) + ("/activities" if len(ids) == 1 else "")
        operatie = ConversationsOperations.send_to_conversation if len(ids) == 1 else (
            ConversationsOperations.reply_to_activity)
        namen = ("conversationId", "activityId")[: len(ids)]
        quoted = {naam: self._serialize.url(naam, i, "str") for naam, i in zip(namen, ids, strict=True)}
        return self._client.format_url(operatie.metadata["url"], **quoted)

    async def _post(self, url: str, activity: Activity, extra: dict[str, str]) -> Any:
        headers = {
            "Accept": "application/json", "Content-Type": "application/json; charset=utf-8",
            "User-Agent": self._user_agent, **extra,
        }
        body = json.dumps(self._serialize.body(activity, "Activity")).encode("utf-8")
        antwoord = await self._zender.zend("POST", url, headers, body)
        if antwoord.status_code not in (200, 201, 202):
            raise ErrorResponseException(self._deserialize, antwoord)
        resource = _resource(antwoord.body())
        return resource if resource is not None else self._deserialize("ResourceResponse", antwoord)


def _resource(body: bytes) -> ResourceResponse | None:
    """The ResourceResponse of the channel's usual answer {"id": "..."}; None for anything else."""
    try:
        waarde = json.loads(body)
    except ValueError:
        return None
    if type(waarde) is dict and waarde.keys() <= {"id"} and type(waarde.get("id", "")) is str:
        return ResourceResponse(id=waarde.get("id"))
    return None


def _wachttijd(retry_after: str | None, poging: int) -> float:
    try:
        seconden = float(retry_after) if retry_after is not None else 0.25 * 2**poging
    except ValueError:
        seconden = 0.25 * 2**poging
    return min(max(seconden, 0.0), MAX_RETRY_WAIT)


class _Antwoord(AsyncClientResponse):
    """A response msrest can deserialize: status, headers and the whole body in memory."""

    def __init__(self, request: Any, status: int, reason: str | None, headers: CIMultiDict, body: bytes) -> None:
        super().__init__(request, None)
        self.status_code = status
        self.reason = reason
        self.headers = headers
        self._body = body

    def body(self) -> bytes:
        return self._body


class _UserTokenClientOpAanvraag(UserTokenClient):
    """The SDK's UserTokenClient, made on the first call (most turns never sign anybody in)."""

    def __init__(self, maak: Callable[[], Awaitable[UserTokenClient]]) -> None:
        self._maak = maak
        self._client: UserTokenClient | None = None

    async def _echt(self) -> UserTokenClient:
        if self._client is None:
            self._client = await self._maak()
        return self._client

    async def get_user_token(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._echt()).get_user_token(*args, **kwargs)

    async def get_sign_in_resource(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._echt()).get_sign_in_resource(*args, **kwargs)

    async def sign_out_user(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._echt()).sign_out_user(*args, **kwargs)

    async def get_token_status(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._echt()).get_token_status(*args, **kwargs)

    async def get_aad_tokens(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._echt()).get_aad_tokens(*args, **kwargs)

    async def exchange_token(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._echt()).exchange_token(*args, **kwargs)


class _SnelleSerializer(Serializer):
    """msrest's Serializer, but a request body that is one of the models is made by `als_json`."""

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        if not kwargs and type(data) is self.dependencies.get(data_type):
            try:
                return als_json(data)
            except _NietSnel:
                pass
        return super().body(data, data_type, **kwargs)


class _NietSnel(Exception):
    """A value als_json does not turn into JSON exactly as msrest does: msrest does it."""


def als_json(model: Model) -> dict[str, Any]:
    """The JSON of a botbuilder schema model (an Activity), equal to msrest's Serializer.body for
    the values bots send: strings (an enum as its value), numbers, booleans, timezone-aware
    datetimes, nested models and lists or dicts of them, and card content of plain dicts, lists
    and scalars. Anything else (a dict where a model belongs, a tuple, a naive datetime, a set...)
    raises _NietSnel, and msrest, which converts or refuses such values, does the body.
    """
    uit: dict[str, Any] = {}
    for attr, key, soort, arg in _plan(type(model)):
        waarde = getattr(model, attr, None)
        if waarde is None:
            continue  # msrest leaves out what is None
        if soort == "str":
            # msrest's serialize_unicode: an enum's value, anything else as str().
            waarde = waarde if type(waarde) is str else _als_tekst(waarde)
        elif soort in ("bool", "int", "float"):
            if type(waarde) is not _SCALAIR[soort]:
                raise _NietSnel
        elif soort == "iso-8601":
            waarde = _iso(waarde)
        elif soort == "object":
            waarde = _object(waarde)
        elif soort == "model":
            waarde = _model(waarde)
        elif soort == "lijst":
            if type(waarde) is not list:
                raise _NietSnel
            waarde = [None if w is None else _waarde(w, arg) for w in waarde]
        elif soort == "dict":
            if type(waarde) is not dict or any(type(k) is not str for k in waarde):
                raise _NietSnel
            waarde = {k: None if w is None else _waarde(w, arg) for k, w in waarde.items()}
        else:
            raise _NietSnel
        if key not in uit:  # msrest: the first value for a key stays
            uit[key] = waarde
    return uit


_SCALAIR = {"bool": bool, "int": int, "float": float}
_PLANNEN: dict[type, tuple[tuple[str, str, str, str], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, str, str, str], ...]:
    """(attribute, JSON key, kind, element type) of a model class, once per class."""
    plan = _PLANNEN.get(cls)
    if plan is None:
        regels = []
        validatie = getattr(cls, "_validation", {}) or {}
        for attr, beschrijving in cls._attribute_map.items():
            key, typ = beschrijving["key"], beschrijving["type"]
            if validatie.get(attr, {}).get("readonly") or validatie.get(attr, {}).get("constant"):
                soort = "anders"
            elif not isinstance(typ, str) or "." in key or "\\" in key or key == "":
                soort = "anders"  # flattened or escaped keys, additional_properties, a class as type
            elif typ in ("str", "bool", "int", "float", "iso-8601", "object"):
                soort = typ
            elif typ.startswith("[") and typ.endswith("]"):
                soort = "lijst"
            elif typ.startswith("{") and typ.endswith("}"):
                soort = "dict"
            elif typ[:1].isupper():
                soort = "model"
            else:
                soort = "anders"
            regels.append((attr, key, soort, typ[1:-1] if soort in ("lijst", "dict") else typ))
        plan = _PLANNEN[cls] = tuple(regels)
    return plan


def uit_json(cls: type[Model], data: Any) -> Any:
    """The model (an Activity) of a JSON body, equal to msrest's `cls.deserialize(data)` (a test
    compares them on thousands of generated activities) in a tenth of the time: every turn starts
    here. Values of the type the attribute map names are taken as they are; anything else (a number
    for a string, an odd date, a list for a model...) is left to msrest, which converts or refuses it."""
    try:
        return _model_uit(cls, data)
    except Exception:  # noqa: BLE001 - whatever the quick way cannot read, msrest reads or refuses
        return cls.deserialize(data)


def _model_uit(cls: type[Model], data: Any) -> Model:
    if type(data) is not dict:
        raise _NietSnel
    waarden = {}
    for attr, key, soort, arg in _plan(cls):
        ruw = data.get(key)
        waarden[attr] = None if ruw is None else _lees(ruw, soort, arg)
    model = cls(**waarden)
    # msrest keeps the keys it does not know as they are.
    onbekend = data.keys() - _SLEUTELS[cls]
    if onbekend:
        model.additional_properties = {key: data[key] for key in onbekend}
    return model


def _lees(ruw: Any, soort: str, arg: str) -> Any:
    if soort in _SCALAIR or soort == "str":
        if type(ruw) is not (str if soort == "str" else _SCALAIR[soort]):
            raise _NietSnel
        return ruw
    if soort == "iso-8601":
        if type(ruw) is not str:
            raise _NietSnel
        return iso_uit(ruw)
    if soort == "object":
        return _json_kopie(ruw)
    if soort == "model":
        return _model_uit(_MODELLEN[arg], ruw)
    if soort == "lijst" and type(ruw) is list:
        return [None if w is None else _lees(w, *_element(arg)) for w in ruw]
    if soort == "dict" and type(ruw) is dict:
        return {k: None if w is None else _lees(w, *_element(arg)) for k, w in ruw.items()}
    raise _NietSnel


# Teams' own form of a timestamp: UTC, "Z", up to seven decimals ("2026-11-22T10:00:00.1234567Z").
_UTC_TIJD = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,7}))?Z")
# The tzinfo msrest gives such a timestamp (isodate's UTC).
_UTC = Deserializer.deserialize_iso("2000-01-01T00:00:00Z").tzinfo


def iso_uit(tekst: str) -> datetime.datetime:
    """msrest's Deserializer.deserialize_iso (equal, its UTC tzinfo included; a test compares them),
    without isodate's general parser for the form Teams sends (3 % of a turn); any other form, and
    any date that does not exist, is msrest's to read or refuse."""
    gevonden = _UTC_TIJD.fullmatch(tekst)
    if gevonden is not None:
        jaar, maand, dag, uur, minuut, seconde, breuk = gevonden.groups()
        try:
            return datetime.datetime(
                int(jaar), int(maand), int(dag), int(uur), int(minuut), int(seconde),
                int((breuk or "")[:6].ljust(6, "0")), tzinfo=_UTC,
            )
        except ValueError:
            pass
    return Deserializer.deserialize_iso(tekst)


def _element(typ: str) -> tuple[str, str]:
    """(kind, type) of the elements of a list or dict attribute."""
    if typ in ("str", "bool", "int", "float", "iso-8601", "object"):
        return typ, typ
    if typ in _MODELLEN:
        return "model", typ
    raise _NietSnel


def _json_kopie(waarde: Any) -> Any:
    """msrest's deserialize_object of parsed JSON: a copy, with the same types."""
    soort = type(waarde)
    if soort is str or soort is int or soort is float or soort is bool:
        return waarde
    if soort is dict:
        return {k: None if w is None else _json_kopie(w) for k, w in waarde.items()}
    if soort is list:
        return [None if w is None else _json_kopie(w) for w in waarde]
    raise _NietSnel


class _Sleutels(dict):
    """The JSON keys a model class knows, found once per class."""

    def __missing__(self, cls: type[Model]) -> frozenset[str]:
        sleutels = self[cls] = frozenset(d["key"] for d in cls._attribute_map.values() if d["key"])
        return sleutels


_SLEUTELS = _Sleutels()
_MODELLEN: dict[str, type] = Activity._infer_class_models()


def _waarde(waarde: Any, typ: str) -> Any:
    """An element of a list or dict attribute of type `typ`."""
    if typ == "str":
        return waarde if type(waarde) is str else _als_tekst(waarde)
    if typ == "object":
        return _object(waarde)
    if typ in _SCALAIR:
        if type(waarde) is not _SCALAIR[typ]:
            raise _NietSnel
        return waarde
    if typ[:1].isupper() and "[" not in typ and "{" not in typ:
        return _model(waarde)
    raise _NietSnel


def _model(waarde: Any) -> dict[str, Any]:
    if not isinstance(waarde, Model):
        raise _NietSnel  # a dict for a model: msrest builds the model first
    return als_json(waarde)


def _object(waarde: Any) -> Any:
    """msrest's serialize_object for what cards are made of. Card content of plain JSON (the usual
    case) is itself its JSON: it is returned as it is, not copied (copying a form card was 3 % of a
    turn), for json.dumps to write straight away."""
    return waarde if _gewoon_json(waarde) else _object_kopie(waarde)


_JSON_BLAD = frozenset({str, int, float, bool, type(None)})


def _gewoon_json(waarde: Any) -> bool:
    soort = type(waarde)
    if soort is dict:
        for sleutel, w in waarde.items():
            if type(sleutel) is not str or (type(w) not in _JSON_BLAD and not _gewoon_json(w)):
                return False
        return True
    if soort is list:
        for w in waarde:
            if type(w) not in _JSON_BLAD and not _gewoon_json(w):
                return False
        return True
    return soort in _JSON_BLAD


def _object_kopie(waarde: Any) -> Any:
    soort = type(waarde)
    if soort is str or soort is int or soort is float or soort is bool or waarde is None:
        return waarde
    if soort is dict:
        if any(type(k) is not str for k in waarde):
            raise _NietSnel
        return {k: _object_kopie(w) for k, w in waarde.items()}
    if soort is list:
        return [_object_kopie(w) for w in waarde]
    if isinstance(waarde, Model):
        return als_json(waarde)
    raise _NietSnel


def _als_tekst(waarde: Any) -> str:
    try:
        return waarde.value
    except AttributeError:
        return str(waarde)


def _iso(waarde: Any) -> str:
    if type(waarde) is not datetime.datetime or waarde.tzinfo is None:
        raise _NietSnel
    return Serializer.serialize_iso(waarde)
