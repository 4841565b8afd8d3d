"""The reference: a bare botbuilder 4.17 echo bot (CloudAdapter + ActivityHandler), as the SDK's
02.echo-bot sample builds it, in local mode (no app id). `PORT=3979 python benchmarks/echo_bot.py`."""

import os

from aiohttp import web
from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication


class Config:
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(turn_context.activity.text)


ADAPTER = CloudAdapter(ConfigurationBotFrameworkAuthentication(Config()))
BOT = EchoBot()


async def messages(request: web.Request) -> web.Response:
    return await ADAPTER.process(request, BOT)


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


if __name__ == "__main__":
    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    web.run_app(app, host="127.0.0.1", port=int(os.environ.get("PORT", "3979")), print=None)
