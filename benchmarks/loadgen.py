"""The load generator: plays the Teams channel against a bot's /api/messages.

It serves the serviceUrl (an aiohttp server on 127.0.0.1 that records when each reply arrives, by
the activity it answers) and drives N conversations at once, each playing a mix of scenarios one
turn after another: M turns, or whole scenarios until a number of seconds has passed. A turn's
latency runs from the POST of the activity until the last reply to it arrived at the serviceUrl;
the bot posts its replies during the turn, so they are all in when the POST returns. Every
reference the bot confirms to the user ("Aanmelding ontvangen: ZVH-MH-2026-000123") is kept, so
the caller can look for it in the bot's database.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import os
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any

from aiohttp import ClientSession, ClientTimeout, TCPConnector, web
from scenarios import Scenario, Stap, knop_data, wat_er_staat

JSON = {"Content-Type": "application/json"}
_RESOURCE = b'{"id": "1"}'
# What the user reads when an aanmelding is stored (dialogs/messages.py, BEVESTIGD_TITEL).
BEVESTIGD = re.compile(rb"Aanmelding ontvangen: (ZVH-[A-Z0-9]+-[0-9]{4}-[0-9]+)")


class Channel:
    """The fake Bot Connector at the serviceUrl: (arrival time, body) of every reply, by replyToId."""

    def __init__(self) -> None:
        self.replies: dict[str, list[tuple[float, bytes]]] = {}
        self.unmatched = 0
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        aankomst = perf_counter()
        reply_to = request.match_info.get("reply_to")
        if reply_to is None:
            self.unmatched += 1
        else:
            self.replies.setdefault(reply_to, []).append((aankomst, body))
        return web.Response(body=_RESOURCE, content_type="application/json")

    async def start(self) -> str:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_post("/v3/conversations/{conversation}/activities", self.handle)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


@dataclass
class Meting:
    """What one scenario run on one server gave."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    # CPU time the server process used during the run (all threads): steadier than wall time on a
    # shared machine, and what a turn really costs.
    server_cpu_seconds: float = 0.0
    voorbeelden: list[str] = field(default_factory=list)
    # Every reference confirmed to a user, once per turn that confirmed it (also on a failed turn).
    referenties: list[str] = field(default_factory=list)

    def merge(self, other: Meting) -> None:
        self.latencies += other.latencies
        self.errors.update(other.errors)
        self.seconds += other.seconds
        self.server_cpu_seconds += other.server_cpu_seconds
        self.voorbeelden = (self.voorbeelden + other.voorbeelden)[:5]
        self.referenties += other.referenties

    def samenvatting(self) -> dict[str, Any]:
        ms = sorted(x * 1000 for x in self.latencies)
        return {
            "turns": len(ms),
            "errors": sum(self.errors.values()),
            "error_kinds": dict(self.errors),
            "seconds": round(self.seconds, 2),
            "turns_per_s": round(len(ms) / self.seconds, 1) if self.seconds else 0.0,
            "server_cpu_ms_per_turn": round(self.server_cpu_seconds * 1000 / len(ms), 2) if ms else None,
            "latency_ms": {
                "p50": _percentiel(ms, 0.50), "p95": _percentiel(ms, 0.95), "p99": _percentiel(ms, 0.99),
                "max": round(ms[-1], 1) if ms else None,
            },
            **({"error_samples": self.voorbeelden} if self.voorbeelden else {}),
        }


def _percentiel(gesorteerd: list[float], q: float) -> float | None:
    if not gesorteerd:
        return None
    return round(gesorteerd[max(0, math.ceil(q * len(gesorteerd)) - 1)], 1)


def activity(tekst: str | None, value: Any, conversation_id: str, user_id: str, service_url: str) -> dict[str, Any]:
    """A message as Teams posts it to /api/messages."""
    body: dict[str, Any] = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "timestamp": "2026-11-22T10:00:00.000Z",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": user_id, "name": "Bench Gebruiker", "aadObjectId": str(uuid.uuid4())},
        "conversation": {"id": conversation_id, "conversationType": "personal", "tenantId": "tenant-bench"},
        "recipient": {"id": "28:bot-bench", "name": "ZVH-assistent"},
        "locale": "nl-NL",
        "text": tekst,
        "channelData": {"tenant": {"id": "tenant-bench"}},
    }
    if value is not None:
        body["value"] = value
    return body


def bevestigde_referenties(replies: Iterable[bytes]) -> set[str]:
    """The aanmelding references these replies confirm to the user."""
    return {m.decode() for body in replies for m in BEVESTIGD.findall(body)}


def _stappen(mix: Sequence[Scenario], eerste: int) -> Iterator[tuple[Scenario, Stap, bool]]:
    """(scenario, step, whether it opens the scenario) for ever: the mix's scenarios in turn from `eerste`."""
    for i in itertools.count(eerste):
        scenario = mix[i % len(mix)]
        for n, stap in enumerate(scenario.stappen):
            yield scenario, stap, n == 0


async def drive(
    bot_url: str, channel: Channel, mix: Sequence[Scenario], conversations: int, label: str, *,
    turns: int | None = None, seconds: float | None = None,
) -> Meting:
    """`conversations` conversations at once, each through the scenarios of `mix` in turn (the i-th
    starts at the i-th, so all are under way at once), one step a turn: `turns` turns each, or whole
    scenarios until `seconds` have passed (the scenario under way is played to its end)."""
    if (turns is None) == (seconds is None):
        raise ValueError("drive(): give turns or seconds")
    meting = Meting()
    timeout = ClientTimeout(total=60)
    async with ClientSession(connector=TCPConnector(limit=conversations), timeout=timeout) as session:

        async def fout(soort: str, detail: str = "") -> None:
            meting.errors[soort] += 1
            if detail and len(meting.voorbeelden) < 5:
                meting.voorbeelden.append(f"{soort}: {detail[:300]}")

        async def gesprek(nummer: int) -> None:
            conversation_id = f"a:bench-{label}-{nummer}"
            user_id = f"29:bench-{label}-{nummer}"
            laatste: dict[str, Any] | None = None
            stappen = _stappen(mix, nummer)
            for scenario, stap, opent in itertools.islice(stappen, turns):
                if seconds is not None and opent and perf_counter() >= einde:
                    break
                value = None
                if stap.knop:
                    try:
                        value = {**knop_data(laatste or {}, stap.knop), **stap.velden}
                    except LookupError as e:
                        await fout("no button to click", str(e))
                        continue
                body = activity(stap.tekst, value, conversation_id, user_id, channel.url)
                data = json.dumps(body).encode()
                begin = perf_counter()
                try:
                    async with session.post(bot_url, data=data, headers=JSON) as resp:
                        await resp.read()
                        status = resp.status
                except (TimeoutError, OSError) as e:
                    replies = channel.replies.pop(body["id"], [])
                    meting.referenties += bevestigde_referenties(b for _, b in replies)
                    await fout(f"request failed: {type(e).__name__}")
                    continue
                replies = channel.replies.pop(body["id"], [])
                meting.referenties += bevestigde_referenties(b for _, b in replies)
                if status not in (200, 201):
                    await fout(f"HTTP {status}")
                elif not replies:
                    await fout("no reply at the serviceUrl")
                elif stap.verwacht and stap.verwacht.encode() not in replies[-1][1]:
                    await fout("unexpected reply", f"{stap.tekst or stap.knop!r} -> {wat_er_staat(replies[-1][1])!r}")
                else:
                    meting.latencies.append(replies[-1][0] - begin)
                    laatste = json.loads(replies[-1][1]) if scenario.leest_kaarten else None

        begin = perf_counter()
        einde = begin + (seconds or 0)
        await asyncio.gather(*(gesprek(i) for i in range(conversations)))
        meting.seconds = perf_counter() - begin
    return meting


def geheugen(pid: int) -> dict[str, float]:
    """The process's current and peak resident set size in MB, from /proc/<pid>/status."""
    waarden = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for regel in status:
            naam, _, rest = regel.partition(":")
            if naam in ("VmRSS", "VmHWM"):
                waarden[naam] = round(int(rest.split()[0]) / 1024, 1)
    return {"rss_mb": waarden.get("VmRSS", 0.0), "peak_rss_mb": waarden.get("VmHWM", 0.0)}


def cpu_seconden(pid: int) -> float:
    """User plus system CPU time the process (all its threads) has used, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        velden = stat.read().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def load() -> float:
    return round(os.getloadavg()[0], 2)
