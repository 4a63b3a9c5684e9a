"""The live runner's plumbing, pointed at the emulator on a loopback port instead of Close."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
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


def live_command(args: list[str], key: str | None) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k != "CLOSE_API_KEY"}
    if key is not None:
        env["CLOSE_API_KEY"] = key
    # The emulator on loopback has no need for the gentle default rate.
    return [sys.executable, "-m", "contract_tests.live", "--rate", "200/s", *args], env


def run_live(args: list[str], key: str | None) -> subprocess.CompletedProcess[str]:
    command, env = live_command(args, key)
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@dataclass
class LiveRun:
    server: RecordingServer
    report: Path
    code: int
    output: str
    numbers_before: list[dict[str, Any]]


@pytest.fixture(scope="module")
def live_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, LiveRun]]:
    """A read-only run and an opted-in run, each against its own emulator, side by side."""
    with contextlib.ExitStack() as stack:
        runs: dict[str, tuple[RecordingServer, Path, subprocess.Popen[str], Any]] = {}
        for name in ("read-only", "opted-in"):
            server = stack.enter_context(RecordingServer(stack.enter_context(Emulator())))
            report = tmp_path_factory.mktemp(name)
            args = ["--base-url", server.base_url, "--report-dir", str(report)]
            if name == "opted-in":
                number_id = server.emulator.numbers()[0]["id"]
                args += ["--allow-update", number_id, "--allow-rent", "--max-rents", "1"]
            before = server.emulator.numbers()
            command, env = live_command(args, server.emulator.api_key_with_permission)
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            runs[name] = (server, report, process, before)
        done: dict[str, LiveRun] = {}
        for name, (server, report, process, before) in runs.items():
            output, _ = process.communicate(timeout=300)
            done[name] = LiveRun(server, report, process.returncode, output, before)
        yield done


def test_without_a_key_it_stops_with_a_clear_message(tmp_path: Path) -> None:
    """No CLOSE_API_KEY: exit status 2, a message naming the variable, no report."""
    result = run_live(["--report-dir", str(tmp_path / "r")], key=None)
    assert result.returncode == 2
    assert "CLOSE_API_KEY is not set" in result.stderr
    assert "passed" not in result.stdout
    assert not (tmp_path / "r").exists()


def test_the_main_job_without_a_key_says_live_close_was_not_checked(tmp_path: Path) -> None:
    """--if-key with no CLOSE_API_KEY: exit 0, saying plainly that live Close went unchecked."""
    result = run_live(["--if-key", "--report-dir", str(tmp_path / "r")], key=None)
    assert result.returncode == 0
    assert "live Close: not checked (CLOSE_API_KEY is not set)" in result.stdout
    assert not (tmp_path / "r").exists()


def test_renting_without_a_maximum_is_refused_before_any_request(tmp_path: Path) -> None:
    """--allow-rent alone: exit status 2, nothing sent."""
    result = run_live(["--allow-rent", "--base-url", "http://127.0.0.1:9/api/v1"], key="k")
    assert result.returncode == 2
    assert "--max-rents" in result.stderr


def test_a_read_only_run_sends_only_gets_and_writes_its_report(
    live_runs: dict[str, LiveRun],
) -> None:
    """Against the emulator: it passes, sends nothing but GET, writes JUnit and exchanges."""
    run = live_runs["read-only"]
    assert run.code == 0, run.output[-3000:]
    assert set(run.server.methods) == {"GET"}
    assert run.server.emulator.numbers() == run.numbers_before
    junit = (run.report / "junit.xml").read_text()
    assert 'failures="0"' in junit
    assert "test_read_operation_conforms" in junit
    exchanges = sorted((run.report / "exchanges").glob("*.json"))
    assert exchanges
    key = run.server.emulator.api_key_with_permission
    for path in exchanges:
        text = path.read_text()
        assert key not in text
        assert json.loads(text)["request"]["method"] == "GET"
    assert "contract summary" in run.output


def test_opted_in_writes_touch_only_what_was_named(live_runs: dict[str, LiveRun]) -> None:
    """--allow-update and --allow-rent --max-rents 1: one PUT, one POST, its DELETE."""
    run = live_runs["opted-in"]
    assert run.code == 0, run.output[-3000:]
    writes = [m for m in run.server.methods if m != "GET"]
    assert writes == ["PUT", "POST", "DELETE"]
    names = {p.name for p in (run.report / "exchanges").glob("*.json")}
    assert {"updatePhoneNumber.200.update.json", "rentPhoneNumber.201.rent-1.json"} <= names
