"""The real commands: `python -m bot` as a server (killed and restarted mid-dialog) and
`python -m bot chat` in a terminal conversation."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
import yarl

from dialogs import messages
from tests.bot.test_messages_endpoint import teams_message
from tests.conftest import FakeConnector

_REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("Microsoft")}
    env.update({"DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(_REPO)}, **extra)
    return env


class Server:
    """`python -m bot` in a child process, with its stderr collected."""

    def __init__(self, tmp_path: Path, port: int, **env: str) -> None:
        self.port = port
        self.log = tmp_path / f"server-{port}-{os.urandom(3).hex()}.log"
        self._log_file = self.log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot"], cwd=tmp_path, env=_env(tmp_path, PORT=str(port), **env),
            stdout=self._log_file, stderr=subprocess.STDOUT,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def ready(self, session: aiohttp.ClientSession) -> None:
        for _ in range(200):
            if self.process.poll() is not None:
                raise AssertionError(f"server exited: {self.log.read_text()}")
            try:
                async with session.get(f"{self.url}/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
        raise AssertionError(f"server not ready: {self.log.read_text()}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=10)
        self._log_file.close()


async def test_server_answers_teams_and_resumes_a_dialog_after_sigkill(tmp_path, connector: FakeConnector):
    port = _free_port()
    async with aiohttp.ClientSession() as session:
        server = Server(tmp_path, port)
        try:
            await server.ready(session)
            for tekst in ("help", "check", "weet ik niet", "ja"):
                async with session.post(f"{server.url}/api/messages", json=teams_message(tekst, connector.url)) as r:
                    assert r.status == 201
            assert messages.HULP_TITEL in connector.texts()[0]
            assert "Criterium B van 4" in connector.texts()[-1]
        finally:
            server.stop(signal.SIGKILL)

        server = Server(tmp_path, port)
        try:
            await server.ready(session)
            async with session.post(f"{server.url}/api/messages", json=teams_message("ja", connector.url)) as r:
                assert r.status == 201
            assert "Criterium C van 4" in connector.texts()[-1]
            vals = "/x%0A2026-11-23%2010:00:00,000%20ERROR%20bot.adapter:%20vals"
            async with session.get(yarl.URL(f"{server.url}{vals}", encoded=True)) as r:
                assert r.status == 404
        finally:
            server.stop()
    log = server.log.read_text()
    assert log.count("LOCAL MODE") == 1
    assert "listening on http://127.0.0.1:" in log
    # One short access line per request: method, path, status, time; no address or user agent.
    assert re.search(r"INFO aiohttp\.access: POST /api/messages 201 \d+\.\d ms\n", log)
    assert "aiohttp/" not in log and '127.0.0.1 [' not in log
    assert "GET /x%0A2026-11-23%2010:00:00,000%20ERROR%20bot.adapter:%20vals 404" in log  # no forged line
    assert "\n2026-11-23 10:00:00,000 ERROR" not in log


def test_server_refuses_bad_configuration_with_a_clear_message(tmp_path):
    uit = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=_env(tmp_path, PORT="web"),
        capture_output=True, text=True, timeout=60,
    )
    assert uit.returncode == 2
    assert "configuration error: PORT" in uit.stderr
    assert "Traceback" not in uit.stderr


def test_console_chat_holds_a_conversation(tmp_path):
    invoer = "hallo\n1\nweet ik niet\nja\nwaarom\nnee\nannuleren\nwat kun je?\ncheck\nStein\nja\nja\nja\nexit\n"
    uit = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], cwd=tmp_path, env=_env(tmp_path),
        input=invoer, capture_output=True, text=True, timeout=60,
    )
    assert uit.returncode == 0, uit.stderr
    tekst = uit.stdout
    assert tekst.count(messages.WELKOM_TITEL) == 2  # on opening and on "hallo"
    assert "[1] Criteria check" in tekst
    assert messages.CHECK_INTRO in tekst
    assert "Criterium B van 4" in tekst
    assert "Waarom ik dit vraag" in tekst
    assert messages.CHECK_UITKOMST_LOKAAL in tekst
    assert messages.NIETS_TE_STOPPEN in tekst
    assert "Telefoon: 046 477 87 00" in tekst  # the contact facts of the Veiligheidshuis, as text
    assert "Traceback" not in uit.stderr
    assert (tmp_path / "data" / "zvh-assistent.db").exists()


@pytest.mark.parametrize("eind", ["", "exit\n"])
def test_console_chat_ends_cleanly_on_end_of_input(tmp_path, eind: str):
    uit = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], cwd=tmp_path, env=_env(tmp_path),
        input="help\n" + eind, capture_output=True, text=True, timeout=60,
    )
    assert uit.returncode == 0
    assert messages.HULP_TITEL in uit.stdout
