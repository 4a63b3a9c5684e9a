"""The live runner's plumbing, pointed at the emulator on a loopback port instead of Close."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from close_phone_emulator import Emulator

ROOT = Path(__file__).resolve().parents[2]


class RecordingServer:
    """The emulator under uvicorn on 127.0.0.1, noting the method of every request."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.methods: list[str] = []
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        self.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}/api/v1"
        config = uvicorn.Config(
            self._app, access_log=False, log_level="warning", lifespan="off", interface="asgi3"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._server.serve(sockets=[sock])), daemon=True
        )
        self._sock = sock

    async def _app(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.methods.append(scope["method"])
        await self.emulator.app(scope, receive, send)

    def __enter__(self) -> RecordingServer:
        self._thread.start()
        while not self._server.started:
            threading.Event().wait(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    with Emulator() as emulator, RecordingServer(emulator) as running:
        yield running


def run_live(args: list[str], key: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CLOSE_API_KEY"}
    if key is not None:
        env["CLOSE_API_KEY"] = key
    return subprocess.run(
        # The emulator on loopback has no need for the gentle default rate.
        [sys.executable, "-m", "contract_tests.live", "--rate", "200/s", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_without_a_key_it_stops_with_a_clear_message(tmp_path: Path) -> None:
    """No CLOSE_API_KEY: exit status 2, a message naming the variable, no report."""
    result = run_live(["--report-dir", str(tmp_path / "r")], key=None)
    assert result.returncode == 2
    assert "CLOSE_API_KEY is not set" in result.stderr
    assert "passed" not in result.stdout
    assert not (tmp_path / "r").exists()


def test_renting_without_a_maximum_is_refused_before_any_request(tmp_path: Path) -> None:
    """--allow-rent alone: exit status 2, nothing sent."""
    result = run_live(["--allow-rent", "--base-url", "http://127.0.0.1:9/api/v1"], key="k")
    assert result.returncode == 2
    assert "--max-rents" in result.stderr


def test_a_read_only_run_sends_only_gets_and_writes_its_report(
    server: RecordingServer, tmp_path: Path
) -> None:
    """Against the emulator: it passes, sends nothing but GET, writes JUnit and exchanges."""
    key = server.emulator.api_key_with_permission
    before = server.emulator.numbers()
    result = run_live(["--base-url", server.base_url, "--report-dir", str(tmp_path)], key=key)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert set(server.methods) == {"GET"}
    assert server.emulator.numbers() == before
    junit = (tmp_path / "junit.xml").read_text()
    assert 'failures="0"' in junit
    assert "test_read_operation_conforms" in junit
    exchanges = sorted((tmp_path / "exchanges").glob("*.json"))
    assert exchanges
    for path in exchanges:
        text = path.read_text()
        assert key not in text
        assert json.loads(text)["request"]["method"] == "GET"
    assert "contract summary" in result.stdout


def test_opted_in_writes_touch_only_what_was_named(server: RecordingServer, tmp_path: Path) -> None:
    """--allow-update and --allow-rent --max-rents 1: one PUT, one POST, its DELETE."""
    emulator = server.emulator
    number_id = emulator.numbers()[0]["id"]
    key = emulator.api_key_with_permission
    args = ["--base-url", server.base_url, "--report-dir", str(tmp_path)]
    args += ["--allow-update", number_id, "--allow-rent", "--max-rents", "1"]
    result = run_live(args, key=key)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    writes = [m for m in server.methods if m != "GET"]
    assert writes == ["PUT", "POST", "DELETE"]
    names = {p.name for p in (tmp_path / "exchanges").glob("*.json")}
    assert {"updatePhoneNumber.200.update.json", "rentPhoneNumber.201.rent-1.json"} <= names
