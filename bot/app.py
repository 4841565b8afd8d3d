"""The aiohttp application: POST /api/messages (Bot Framework) and GET /healthz."""

from __future__ import annotations

import gc
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

import requests
from aiohttp import web, web_log
from botbuilder.core import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, DeliveryModes
from botframework.connector.auth import AuthenticateRequestResult
from msrest.exceptions import DeserializationError
from msrest.serialization import Model
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import database
from bot.aanmeldingen import AanmeldingStore
from bot.adapter import build_adapter
from bot.composition import Onderdelen, build_bot
from bot.config import Settings
from bot.melding import ProactieveMelding
from bot.signalen import SignaalStore
from bot.storage import SqlStorage
from bot.verzending import Verzending, uit_json
from dialogs.opslag import Diensten

log = logging.getLogger(__name__)

# Teams activities are a few KB; a card submit with a long text stays far below this.
MAX_BODY_BYTES = 256 * 1024

SETTINGS = web.AppKey("settings", Settings)
ENGINE = web.AppKey("engine", AsyncEngine)
ADAPTER = web.AppKey("adapter", CloudAdapter)
ONDERDELEN = web.AppKey("onderdelen", Onderdelen)
VERZENDING = web.AppKey("verzending", Verzending)


class OngeldigVerzoek(web.HTTPBadRequest):
    """400 with the reason in the body (and in the log line of the rejection middleware)."""

    def __init__(self, reden: str) -> None:
        super().__init__(text=reden)


def create_app(settings: Settings) -> web.Application:
    """The application; the database and bot are built on start-up and closed on clean-up."""
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[log_rejections])
    app[SETTINGS] = settings
    app.cleanup_ctx.append(_verzending)
    app.cleanup_ctx.append(_bot_on_database)
    app.on_startup.append(_bevries_geheugen)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


async def _bevries_geheugen(app: web.Application) -> None:
    """Move what start-up made (the knowledge, the dialogs, the SDK) out of the garbage collector's
    sight: it lives as long as the app, and every full collection would walk all of it again."""
    gc.collect()
    gc.freeze()


async def _verzending(app: web.Application) -> AsyncIterator[None]:
    """One pooled HTTP session for replies and proactive messages, closed after the bot stops."""
    async with Verzending() as verzending:
        app[VERZENDING] = verzending
        yield


async def _bot_on_database(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    engine = database.create_engine(settings.database_url)
    await database.migrate(engine)
    melding = ProactieveMelding(settings.APP_ID)
    diensten = Diensten(
        AanmeldingStore(engine), SignaalStore(engine), melding, settings.medewerkers,
        meldpunt_gesprekken=settings.meldpunt_gesprekken,
    )
    storage = SqlStorage(engine)
    onderdelen = build_bot(storage, diensten)
    app[ENGINE] = engine
    app[ONDERDELEN] = onderdelen
    app[ADAPTER] = melding.adapter = build_adapter(
        settings, onderdelen.state, onderdelen.middleware, app[VERZENDING]
    )
    yield
    try:
        await storage.close()
    finally:
        await database.sluit(engine)


class Toegangslog(web_log.AbstractAccessLogger):
    """One short line per request: "POST /api/messages 201 2.4 ms". aiohttp's default line adds the
    client's address and user agent (nothing we need, and an address is personal data), and
    formatting it cost a twentieth of a glossary turn."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        pad = request.rel_url.raw_path  # still percent-encoded, as in log_rejections
        self.logger.info("%s %s %d %.1f ms", request.method, pad, response.status, time * 1000)


@web.middleware
async def log_rejections(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """One log line for every refused request (status and reason, never the body)."""
    try:
        return await handler(request)
    except web.HTTPException as refused:
        if refused.status >= 400:
            # The path still percent-encoded: decoded, a "%0A" in it would start a forged log line.
            pad = request.rel_url.raw_path
            log.warning("%s %s refused with %d: %s", request.method, pad, refused.status, refused.text)
        raise


async def messages(request: web.Request) -> web.Response:
    """Receive an activity as Teams sends it and run a turn; replies go to its serviceUrl,
    or come back in this response when the sender asked for deliveryMode expectReplies."""
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text="Content-Type must be application/json")
    activity = _activity_from(await _json_body(request))
    adapter = request.app[ADAPTER]
    authenticated = await _authenticate(adapter, activity, request.headers.get("Authorization", ""))
    response = await adapter.process_activity(authenticated, activity, request.app[ONDERDELEN].bot.on_turn)
    if response is None:
        return web.Response(status=201)
    # SDK: for expectReplies the body is already a dict and serializer_helper crashes on it with a
    # 500 (see tests/bot/test_messages_endpoint.py::test_expect_replies_returns_the_replies).
    reply_body = serializer_helper(response.body) if isinstance(response.body, Model) else response.body
    return web.json_response(reply_body, status=int(response.status))


async def _json_body(request: web.Request) -> object:
    """The body parsed as UTF-8 JSON (the charset Teams uses), or a 400 saying it is not."""
    data = await request.read()  # over MAX_BODY_BYTES this raises 413
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as fout:
        raise OngeldigVerzoek("body is not valid UTF-8 JSON") from fout


async def _authenticate(adapter: CloudAdapter, activity: Activity, header: str) -> AuthenticateRequestResult:
    """Check the Bot Framework token before any turn runs: 401 for a bad one, 503 when the keys
    to check it cannot be fetched. In local mode every request passes."""
    try:
        return await adapter.bot_framework_authentication.authenticate_request(activity, header)
    except PermissionError as fout:  # an OSError, but a refusal: before the network errors below
        raise web.HTTPUnauthorized(text="missing or invalid Bot Framework token") from fout
    except (requests.RequestException, OSError) as fout:
        log.error("could not fetch the keys to check a token: %s", type(fout).__name__)
        raise web.HTTPServiceUnavailable(text="token could not be checked, try again") from fout
    except Exception as fout:  # noqa: BLE001 - SDK: refusals come as PermissionError, PyJWTError,
        # a bare Exception (a key not endorsed for the channel) or even AttributeError (no header in
        # its parameterized mode); whatever it is, the request is not authenticated (tests/bot/test_jwt.py).
        raise web.HTTPUnauthorized(text="missing or invalid Bot Framework token") from fout


def _activity_from(body: object) -> Activity:
    """The activity in a request body, or a 400 saying what is missing."""
    if not isinstance(body, dict):
        raise OngeldigVerzoek("body must be a JSON object")
    if not isinstance(body.get("type"), str) or not body["type"]:
        raise OngeldigVerzoek("activity has no type")
    try:
        activity = uit_json(Activity, body)
    except (DeserializationError, ValueError, TypeError, AttributeError) as fout:
        raise OngeldigVerzoek("activity does not follow the Bot Framework schema") from fout
    if not activity.channel_id:
        raise OngeldigVerzoek("activity has no channelId")
    if not (activity.conversation and activity.conversation.id):
        raise OngeldigVerzoek("activity has no conversation.id")
    if not (activity.from_property and activity.from_property.id):
        raise OngeldigVerzoek("activity has no from.id")
    if not activity.service_url and activity.delivery_mode != DeliveryModes.expect_replies:
        raise OngeldigVerzoek("activity has no serviceUrl")
    return activity


async def healthz(request: web.Request) -> web.Response:
    """200 when the database answers, 503 when it does not."""
    try:
        await database.check(request.app[ENGINE])
    except Exception as fout:  # noqa: BLE001 - any database failure means unhealthy
        log.warning("health check failed: database unavailable (%s)", type(fout).__name__)
        return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)
    return web.json_response({"status": "ok", "database": "ok"})
