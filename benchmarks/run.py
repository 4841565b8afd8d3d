"""Benchmark whole turns over HTTP: the ZVH-assistent against a bare botbuilder echo bot, in one run.

    .venv/bin/python benchmarks/run.py --scenario all --conversations 20 --turns 50

starts the bot (`python -m bot`, local mode, SQLite in a temporary folder) and the reference echo
bot (benchmarks/echo_bot.py) as their own processes, plays the Teams channel against both
(benchmarks/loadgen.py), and prints one JSON document: per scenario turns/s, p50/p95/p99 latency,
errors, its ratio to the echo bot's turns/s, and the servers' resident memory after each round.
Progress goes to stderr. Not a test: the figures depend on the machine and on what else runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, ClientTimeout
from loadgen import Channel, Meting, cpu_seconden, drive, geheugen, load
from scenarios import ECHO, SCENARIOS, Scenario

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent


class Server:
    """A bot in its own process on a free port of 127.0.0.1, its log in a file."""

    def __init__(self, naam: str, argv: list[str], env: dict[str, str], logmap: Path) -> None:
        self.naam = naam
        self.port = _vrije_poort()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = logmap / f"{naam}.log"
        omgeving = {k: v for k, v in os.environ.items() if not k.startswith("Microsoft")}
        omgeving.update(env, PORT=str(self.port), HOST="127.0.0.1", PYTHONUNBUFFERED="1")
        with open(self.log, "wb") as log:
            self.proces = subprocess.Popen(argv, cwd=REPO, env=omgeving, stdout=log, stderr=subprocess.STDOUT)

    async def klaar(self, timeout: float = 90) -> None:
        einde = time.monotonic() + timeout
        async with ClientSession(timeout=ClientTimeout(total=2)) as session:
            while time.monotonic() < einde:
                if self.proces.poll() is not None:
                    break
                try:
                    async with session.get(f"{self.url}/healthz") as resp:
                        if resp.status == 200:
                            return
                except (TimeoutError, OSError):
                    pass
                await asyncio.sleep(0.2)
        staart = self.log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{self.naam} did not become healthy; its log ends with:\n{staart}")

    def geheugen(self) -> dict[str, float]:
        return geheugen(self.proces.pid)

    def cpu(self) -> float:
        return cpu_seconden(self.proces.pid)

    def stop(self) -> None:
        if self.proces.poll() is None:
            self.proces.send_signal(signal.SIGINT)
            try:
                self.proces.wait(15)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait()


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def benchmark(args: argparse.Namespace, tmp: Path, logs: Path) -> dict[str, Any]:
    gekozen = list(SCENARIOS) if args.scenario == "all" else args.scenario.split(",")
    onbekend = [s for s in gekozen if s not in SCENARIOS]
    if onbekend:
        raise SystemExit(f"unknown scenario(s) {', '.join(onbekend)}; choose from {', '.join(SCENARIOS)} or all")
    channel = Channel()
    await channel.start()
    logs.mkdir(parents=True, exist_ok=True)
    servers = {
        "echo": Server("echo_botbuilder", [sys.executable, str(BENCH / "echo_bot.py")], {}, logs),
        "bot": Server(
            "zvh_assistent", [sys.executable, "-m", "bot"],
            {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'bench.db'}", "DATA_DIR": str(tmp),
             "LOG_LEVEL": args.log_level},
            logs,
        ),
    }
    if args.ceiling:
        servers["ceiling"] = Server("echo_aiohttp", [sys.executable, str(BENCH / "aiohttp_echo.py")], {}, logs)
    profiler: subprocess.Popen | None = None
    try:
        await asyncio.gather(*(s.klaar() for s in servers.values()))
        if args.profile:
            # Samples the bot only; the collapsed stacks open in speedscope or flamegraph.pl.
            profiler = subprocess.Popen(
                ["py-spy", "record", "--pid", str(servers["bot"].proces.pid), "--format", "raw", "--rate", "250",
                 "--nonblocking", "-o", str(Path(args.profile).resolve())],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        # (name, server, scenario) in the order they run in every round: the reference first.
        runs: list[tuple[str, Server, Scenario]] = [("echo_botbuilder", servers["echo"], ECHO)]
        if args.ceiling:
            runs.append(("echo_aiohttp", servers["ceiling"], ECHO))
        runs += [(naam, servers["bot"], SCENARIOS[naam]) for naam in gekozen]
        metingen = {naam: Meting() for naam, _, _ in runs}
        geheugen_per_ronde: dict[str, list[dict[str, float]]] = {s.naam: [] for s in servers.values()}
        loads: list[float] = []
        for ronde in range(args.rounds):
            for naam, server, scenario in runs:
                label = f"{uuid.uuid4().hex[:8]}-{naam}"
                if args.warmup:
                    await drive(f"{server.url}/api/messages", channel, [scenario], min(args.conversations, 4),
                                f"warm-{label}", turns=args.warmup)
                loads.append(load())
                cpu_voor = server.cpu()
                meting = await drive(f"{server.url}/api/messages", channel, [scenario], args.conversations,
                                     label, turns=args.turns)
                meting.server_cpu_seconds = server.cpu() - cpu_voor
                metingen[naam].merge(meting)
                s = meting.samenvatting()
                _meld(f"round {ronde + 1} {naam}: {s['turns_per_s']} turns/s, p50 {s['latency_ms']['p50']} ms, "
                      f"p99 {s['latency_ms']['p99']} ms, {s['errors']} errors, "
                      f"server CPU {s['server_cpu_ms_per_turn']} ms/turn")
            for server in servers.values():
                geheugen_per_ronde[server.naam].append(server.geheugen())
        results = {naam: m.samenvatting() for naam, m in metingen.items()}
        echo_tps = results["echo_botbuilder"]["turns_per_s"]
        for r in results.values():
            r["ratio_to_echo"] = round(r["turns_per_s"] / echo_tps, 2) if echo_tps else None
        return {
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "load_avg_1m_before_each_run": loads},
            "settings": {"conversations": args.conversations, "turns_per_conversation": args.turns,
                         "rounds": args.rounds, "warmup_turns_per_conversation": args.warmup,
                         "bot_log_level": args.log_level, "database": "SQLite file (WAL, synchronous=FULL)"},
            "results": results,
            "server_memory_after_each_round": geheugen_per_ronde,
            "unmatched_replies": channel.unmatched,
        }
    finally:
        if profiler is not None:
            profiler.send_signal(signal.SIGINT)
            profiler.wait(30)
        for server in servers.values():
            server.stop()
        await channel.stop()


def _meld(tekst: str) -> None:
    sys.stderr.write(tekst + "\n")
    sys.stderr.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", default="all",
                        help=f"all, or one or more of {', '.join(SCENARIOS)} separated by commas (default all)")
    parser.add_argument("--conversations", type=int, default=20, help="conversations at once (default 20)")
    parser.add_argument("--turns", type=int, default=50, help="turns per conversation (default 50)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="run everything this many times on the same servers; memory is read after each")
    parser.add_argument("--warmup", type=int, default=5,
                        help="unmeasured turns per conversation (4 conversations) before each run (default 5)")
    parser.add_argument("--ceiling", action="store_true",
                        help="also run a plain aiohttp echo (no botbuilder): what this load generator can drive")
    parser.add_argument("--profile", metavar="FILE",
                        help="record the bot with py-spy (collapsed stacks to FILE); needs py-spy on PATH")
    parser.add_argument("--logs", metavar="DIR", help="keep the servers' logs in DIR (default: a temporary folder)")
    parser.add_argument("--log-level", default="INFO", help="the bot's LOG_LEVEL (default INFO, as in production)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zvh-bench-") as tmp:
        rapport = asyncio.run(benchmark(args, Path(tmp), Path(args.logs) if args.logs else Path(tmp)))
    sys.stdout.write(json.dumps(rapport, indent=2) + "\n")
    return 0 if all(r["errors"] == 0 for r in rapport["results"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
