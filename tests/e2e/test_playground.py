"""End to end in a real Teams client: the Microsoft 365 Agents Playground in headless Chromium.

Starts the real bot (`python -m bot`, local mode, its own database, a free port) and the Playground
(pinned in package-lock.json, mock Teams context in tests/e2e/playground.yml), then lets
tests/e2e/playground.js click and type through the steps listed in its STEPS: the welcome card,
a criteria check by buttons, "help" typed, a glossary question, and the @mention rule in a group chat and a channel.
Screenshots land in test-artifacts/e2e/, one per step, with the logs of both processes.

Needs node_modules (`npm ci`) and Chromium; `scripts/install e2e` (run by scripts/test) installs
both. Without them the test skips with the reason, except under CI, where it fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "e2e"
DRIVER = REPO / "tests" / "e2e" / "playground.js"
PLAYGROUND_CONFIG = REPO / "tests" / "e2e" / "playground.yml"
PLAYGROUND_CLI = REPO / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
START_TIMEOUT = 20.0
DRIVER_TIMEOUT = 50.0


def missing_tools() -> list[str]:
    """What this machine lacks to run the test (empty when everything is there)."""
    missing = []
    if shutil.which("node") is None:
        missing.append("node (Node.js 20 or later)")
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for naam, versie in pinned.items():
        pad = REPO / "node_modules" / naam / "package.json"
        geinstalleerd = json.loads(pad.read_text(encoding="utf-8"))["version"] if pad.is_file() else None
        if geinstalleerd != versie:
            missing.append(f"npm package {naam} {versie} (found: {geinstalleerd or 'nothing'}; run npm ci)")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    return missing


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=1) as antwoord:
            return antwoord.status
    except (urllib.error.URLError, OSError):
        return None


class Process:
    """A child process with its output in a log file under test-artifacts/e2e/."""

    def __init__(self, naam: str, args: list[str], *, cwd: Path, env: dict[str, str]) -> None:
        self.naam = naam
        self.log = ARTIFACTS / f"{naam}.log"
        self._log_file = self.log.open("wb")
        self.process = subprocess.Popen(args, cwd=cwd, env=env, stdout=self._log_file, stderr=subprocess.STDOUT)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_until(self, ready, wat: str) -> None:
        """Poll `ready()` until it is true; fail with the log if the process dies or takes too long."""
        deadline = time.monotonic() + START_TIMEOUT
        while not ready():
            if self.process.poll() is not None:
                pytest.fail(f"{self.naam} exited with {self.process.returncode}:\n{self.output()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"{self.naam}: no {wat} after {START_TIMEOUT} s:\n{self.output()[-3000:]}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log_file.close()


@pytest.fixture
def tools() -> None:
    missing = missing_tools()
    if missing:
        reden = "end-to-end test needs " + "; ".join(missing) + " (scripts/install e2e installs them)"
        if os.environ.get("CI"):
            pytest.fail(reden)
        pytest.skip(reden)


@pytest.fixture
def bot(tmp_path: Path, tools: None) -> Iterator[str]:
    """`python -m bot` in local mode on a free port and an empty database; yields /api/messages."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for oud in ARTIFACTS.glob("*.png"):
        oud.unlink()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("Microsoft") and k not in ("DATABASE_URL", "HOST")}
    env.update(PORT=str(port), DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(REPO))
    server = Process("bot", [sys.executable, "-m", "bot"], cwd=tmp_path, env=env)
    try:
        server.wait_until(lambda: _get(f"http://127.0.0.1:{port}/healthz") == 200, "answer on /healthz")
        yield f"http://127.0.0.1:{port}/api/messages"
    finally:
        server.stop()


@pytest.fixture
def playground(bot: str, tmp_path: Path) -> Iterator[str]:
    """The Agents Playground talking to the bot, quiet and offline (PLAYGROUND.md); yields its URL."""
    env = {
        **os.environ,
        "TEAMSAPPTESTER_BROWSER": "none",  # else it opens a browser with xdg-open
        "APPLICATION_INSIGHTS_NO_STATSBEAT": "true",
        "M365_AGENTS_PLAYGROUND_LOGFILE": str(ARTIFACTS / "playground-debug.log"),
        "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(PLAYGROUND_CONFIG),
    }
    args = ["node", str(PLAYGROUND_CLI), "-e", bot, "-c", "msteams", "-p", str(_free_port()), "--disable-telemetry"]
    client = Process("playground", args, cwd=tmp_path, env=env)
    try:
        # It prints "Listening on N" (N differs when the port was taken) before it reads its config,
        # so only an answering web page means it really started.
        client.wait_until(lambda: re.search(r"Listening on (\d+)", client.output()) is not None, "'Listening on'")
        url = "http://127.0.0.1:" + re.search(r"Listening on (\d+)", client.output())[1]
        client.wait_until(lambda: _get(url) == 200, "web page")
        yield url
    finally:
        client.stop()


def test_scenario_in_the_playground(playground: str):
    start = time.monotonic()
    try:
        uit = subprocess.run(
            ["node", str(DRIVER), playground, str(ARTIFACTS)],
            cwd=REPO, env={**os.environ, "CHROMIUM": CHROMIUM},
            capture_output=True, text=True, timeout=DRIVER_TIMEOUT,
        )
    except subprocess.TimeoutExpired as fout:
        pytest.fail(f"browser steps took over {DRIVER_TIMEOUT} s:\n{fout.stdout or ''}{fout.stderr or ''}")
    verslag = uit.stdout + uit.stderr
    (ARTIFACTS / "steps.log").write_text(verslag, encoding="utf-8")
    assert uit.returncode == 0, f"{verslag}\nbot log: {ARTIFACTS / 'bot.log'}; screenshots: {ARTIFACTS}"
    stappen = re.findall(r"^ok (\S+)", uit.stdout, flags=re.MULTILINE)
    assert len(stappen) >= 5, verslag
    assert sorted(p.name for p in ARTIFACTS.glob("*.png")) == [
        f"{i:02d}-{stap}.png" for i, stap in enumerate(stappen, start=1)
    ]
    assert time.monotonic() - start < DRIVER_TIMEOUT
