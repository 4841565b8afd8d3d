"""Benchmark whole turns over HTTP: the ZVH-assistent against a bare botbuilder echo bot, in one run.

    .venv/bin/python benchmarks/run.py --scenario all --conversations 20 --turns 50

starts the bot (`python -m bot`, local mode, SQLite in a temporary folder) and the reference echo
bot (benchmarks/echo_bot.py) as their own processes, plays the Teams channel against both
(benchmarks/loadgen.py), and prints one JSON document: per scenario turns/s, p50/p95/p99 latency,
errors, its ratio to the echo bot's turns/s, and the servers' resident memory after each round.
Progress goes to stderr. Not a test: the figures depend on the machine and on what else runs.

    .venv/bin/python benchmarks/run.py --load --conversations 200 --seconds 120

is the load run (issue #10), against the bot alone: every conversation plays the scenarios in turn
(woordenlijst, criteria_check, aanmelding, or the --scenario ones) and starts no new one after
--seconds. It samples the bot's RSS every --sample-every seconds, and after the run (the bot
stopped) opens its SQLite file read-only: every reference confirmed to a user must be stored exactly
once, and each house's numbers of a year must run 1..n without a gap, n being its counter. The exit
code is 1 on any error, lost, duplicated, unconfirmed or missing aanmelding, or when the RSS grew
more than --max-growth % (default 10) over the second half of the run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, ClientTimeout
from loadgen import Channel, Meting, bevestigde_referenties, cpu_seconden, drive, geheugen, load
from scenarios import ECHO, SCENARIOS, Scenario

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
DATABASE = "bench.db"


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


def _gekozen(scenario: str) -> list[str]:
    gekozen = list(SCENARIOS) if scenario == "all" else scenario.split(",")
    onbekend = [s for s in gekozen if s not in SCENARIOS]
    if onbekend:
        raise SystemExit(f"unknown scenario(s) {', '.join(onbekend)}; choose from {', '.join(SCENARIOS)} or all")
    return gekozen


def _zvh_assistent(tmp: Path, logs: Path, log_level: str) -> Server:
    return Server(
        "zvh_assistent", [sys.executable, "-m", "bot"],
        {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp / DATABASE}", "DATA_DIR": str(tmp), "LOG_LEVEL": log_level},
        logs,
    )


async def benchmark(args: argparse.Namespace, tmp: Path, logs: Path) -> dict[str, Any]:
    gekozen = _gekozen(args.scenario)
    channel = Channel()
    await channel.start()
    logs.mkdir(parents=True, exist_ok=True)
    servers = {
        "echo": Server("echo_botbuilder", [sys.executable, str(BENCH / "echo_bot.py")], {}, logs),
        "bot": _zvh_assistent(tmp, logs, args.log_level),
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
                    # As many conversations at once as the run: the servers open as many connections
                    # to the channel as they will use, which a fresh process does during its first burst.
                    await drive(f"{server.url}/api/messages", channel, [scenario], args.conversations,
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


async def belasting(args: argparse.Namespace, tmp: Path, logs: Path) -> dict[str, Any]:
    """The load run: the conversations through the mix for args.seconds against the bot alone, its
    memory sampled meanwhile, and afterwards every confirmed reference looked up in its database."""
    mix = [SCENARIOS[naam] for naam in _gekozen(args.scenario)]
    channel = Channel()
    await channel.start()
    logs.mkdir(parents=True, exist_ok=True)
    bot = _zvh_assistent(tmp, logs, args.log_level)
    monsters: list[tuple[float, float]] = []  # (seconds since the start, RSS in MB)
    try:
        await bot.klaar()
        begin = time.monotonic()

        async def bemonster() -> None:
            while True:
                monsters.append((round(time.monotonic() - begin, 1), bot.geheugen()["rss_mb"]))
                _meld(f"{monsters[-1][0]:6.1f} s: RSS {monsters[-1][1]} MB")
                await asyncio.sleep(args.sample_every)

        bemonstering = asyncio.create_task(bemonster())
        load_voor, cpu_voor = load(), bot.cpu()
        meting = await drive(f"{bot.url}/api/messages", channel, mix, args.conversations, uuid.uuid4().hex[:8],
                             seconds=args.seconds)
        meting.server_cpu_seconds = bot.cpu() - cpu_voor
        bemonstering.cancel()
        monsters.append((round(time.monotonic() - begin, 1), bot.geheugen()["rss_mb"]))
        piek = bot.geheugen()["peak_rss_mb"]
    finally:
        bot.stop()  # before the database is read: every transaction is over
        await channel.stop()
    # A reply that came after its turn gave up (client timeout) still showed the user its reference.
    laat = [body for replies in channel.replies.values() for _, body in replies]
    bevestigd = meting.referenties + sorted(bevestigde_referenties(laat))
    aanmeldingen = controleer_aanmeldingen(tmp / DATABASE, bevestigd)
    geheugen = geheugenverloop(monsters, args.seconds, piek, args.max_growth)
    resultaat = meting.samenvatting()
    mislukt = [f"{resultaat['errors']} errors"] if resultaat["errors"] else []
    mislukt += [f"{n} {soort}" for soort, n in aanmeldingen["failures"].items() if n]
    if not geheugen["bounded"]:
        mislukt.append(f"memory grew {geheugen['second_half_growth_pct']} % in the second half")
    return {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg_1m_before": load_voor},
        "settings": {"mode": "load", "conversations": args.conversations, "seconds": args.seconds,
                     "mix": [s.naam for s in mix], "memory_sample_every_s": args.sample_every,
                     "max_second_half_growth_pct": args.max_growth, "bot_log_level": args.log_level,
                     "database": "SQLite file (WAL, synchronous=FULL)"},
        "result": resultaat,
        "aanmeldingen": aanmeldingen,
        "memory": geheugen,
        "unmatched_replies": channel.unmatched,
        "late_replies": len(laat),
        "failures": mislukt,
    }


def controleer_aanmeldingen(database: Path, bevestigd: list[str]) -> dict[str, Any]:
    """Every reference confirmed to a user stored exactly once, and the numbers of each house and
    year 1..n without a gap, n being the counter (bot/models.py: aanmelding, referentie_teller)."""
    with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as conn:
        rijen = conn.execute("SELECT referentie, veiligheidshuis, jaar FROM aanmelding").fetchall()
        # Recorded signals count in the same table under "SIG-" and the house code.
        tellers = {(huis, jaar): laatste for huis, jaar, laatste in conn.execute(
            "SELECT veiligheidshuis, jaar, laatste FROM referentie_teller WHERE veiligheidshuis NOT LIKE 'SIG-%'")}
    opgeslagen = Counter(referentie for referentie, _, _ in rijen)
    keer_bevestigd = Counter(bevestigd)
    nummers: dict[tuple[str, int], list[int]] = {reeks: [] for reeks in tellers}
    misvormd = []
    for referentie, huis, jaar in rijen:
        voorvoegsel, _, nummer = referentie.rpartition("-")
        if voorvoegsel != f"ZVH-{huis}-{jaar}" or not nummer.isdigit():
            misvormd.append(referentie)
        else:
            nummers.setdefault((huis, jaar), []).append(int(nummer))
    reeksen, gaten = {}, []
    for (huis, jaar), lijst in sorted(nummers.items()):
        teller = tellers.get((huis, jaar), 0)
        ontbreekt = sorted(set(range(1, teller + 1)) - set(lijst))
        # A number above the counter would be handed out again: as bad as a gap.
        ontbreekt += sorted(n for n in set(lijst) if n > teller)
        gaten += [f"ZVH-{huis}-{jaar}-{n:06d}" for n in ontbreekt]
        reeksen[f"ZVH-{huis}-{jaar}"] = {"stored": len(lijst), "counter": teller, "missing_or_beyond": len(ontbreekt)}
    bevindingen = {
        "lost": sorted(set(keer_bevestigd) - set(opgeslagen)),
        "stored_twice": sorted(r for r, n in opgeslagen.items() if n > 1),
        "confirmed_twice": sorted(r for r, n in keer_bevestigd.items() if n > 1),
        # Stored, but the user never read its reference: they would register the case again.
        "stored_not_confirmed": sorted(set(opgeslagen) - set(keer_bevestigd)),
        "gaps": gaten,
        "malformed": sorted(misvormd),
    }
    return {
        "confirmed": len(bevestigd),
        "stored": len(rijen),
        "series": reeksen,
        "failures": {soort: len(lijst) for soort, lijst in bevindingen.items()},
        **({"examples": {soort: lijst[:10] for soort, lijst in bevindingen.items() if lijst}}
           if any(bevindingen.values()) else {}),
    }


def geheugenverloop(
    monsters: list[tuple[float, float]], seconds: float, piek: float, max_groei_pct: float
) -> dict[str, Any]:
    """The RSS samples and whether they level off: bounded when the RSS at the end is at most
    `max_groei_pct` % above the first sample of the second half of the timed run."""
    halverwege = next((rss for t, rss in monsters if t >= seconds / 2), monsters[-1][1])
    groei = monsters[-1][1] - halverwege
    groei_pct = round(100 * groei / halverwege, 1) if halverwege else 0.0
    return {
        "start_rss_mb": monsters[0][1],
        "half_time_rss_mb": halverwege,
        "end_rss_mb": monsters[-1][1],
        "peak_rss_mb": piek,
        "second_half_growth_mb": round(groei, 1),
        "second_half_growth_pct": groei_pct,
        "bounded": groei_pct <= max_groei_pct,
        "rss_mb_by_second": {f"{t:g}": rss for t, rss in monsters},
    }


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
                        help="unmeasured turns per conversation (as many conversations as the run) before each run "
                        "(default 5)")
    parser.add_argument("--ceiling", action="store_true",
                        help="also run a plain aiohttp echo (no botbuilder): what this load generator can drive")
    parser.add_argument("--profile", metavar="FILE",
                        help="record the bot with py-spy (collapsed stacks to FILE); needs py-spy on PATH")
    parser.add_argument("--logs", metavar="DIR", help="keep the servers' logs in DIR (default: a temporary folder)")
    parser.add_argument("--log-level", default="INFO", help="the bot's LOG_LEVEL (default INFO, as in production)")
    load_mode = parser.add_argument_group("load mode")
    load_mode.add_argument("--load", action="store_true",
                           help="each conversation plays the --scenario mix in turn for --seconds, against the bot "
                                "alone; checks memory and that every confirmed aanmelding is stored")
    load_mode.add_argument("--seconds", type=float, default=120, help="how long to start new scenarios (default 120)")
    load_mode.add_argument("--sample-every", type=float, default=5, help="seconds between RSS samples (default 5)")
    load_mode.add_argument("--max-growth", type=float, default=10,
                           help="RSS growth over the second half, in %%, above which memory is unbounded (default 10)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zvh-bench-") as tmp:
        run = belasting if args.load else benchmark
        rapport = asyncio.run(run(args, Path(tmp), Path(args.logs) if args.logs else Path(tmp)))
    sys.stdout.write(json.dumps(rapport, indent=2) + "\n")
    if args.load:
        return 1 if rapport["failures"] else 0
    return 0 if all(r["errors"] == 0 for r in rapport["results"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
