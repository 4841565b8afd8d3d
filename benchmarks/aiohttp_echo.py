"""The ceiling (`--ceiling`): a plain aiohttp handler that receives the activity and posts the echo
to its serviceUrl over one pooled session, no botbuilder. It shows what the load generator itself
can drive on this machine. `PORT=3980 python benchmarks/aiohttp_echo.py`."""

import json
import os

from aiohttp import ClientSession, web


async def messages(request: web.Request) -> web.Response:
    activity = await request.json()
    reply = {
        "type": "message", "text": activity.get("text"), "replyToId": activity["id"],
        "conversation": activity["conversation"], "from": activity["recipient"], "recipient": activity["from"],
    }
    base = activity["serviceUrl"].rstrip("/")
    url = f"{base}/v3/conversations/{activity['conversation']['id']}/activities/{activity['id']}"
    headers = {"Content-Type": "application/json"}
    async with request.app["session"].post(url, data=json.dumps(reply), headers=headers) as response:
        await response.read()
    return web.Response(status=201)


async def session(app: web.Application):
    async with ClientSession() as s:
        app["session"] = s
        yield


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


if __name__ == "__main__":
    app = web.Application()
    app.cleanup_ctx.append(session)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    web.run_app(app, host="127.0.0.1", port=int(os.environ.get("PORT", "3980")), print=None, access_log=None)
