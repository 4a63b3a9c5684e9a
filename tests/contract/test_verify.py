"""`verify` against servers: the emulator on a loopback port stands in for Close."""

from __future__ import annotations

import asyncio
import io
import json
import socket
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from close_phone_contract._cli import build_parser, run
from close_phone_emulator import Emulator

Middleware = Callable[[dict[str, Any]], dict[str, Any]]


class RecordingServer:
    """The emulator under uvicorn on 127.0.0.1, noting the method of every request."""

    def __init__(self, emulator: Emulator, alter: Middleware | None = None) -> None:
        self.emulator = emulator
        self.alter = alter
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
        if self.alter is None or scope["type"] != "http":
            await self.emulator.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        start: dict[str, Any] = {}

        async def keep(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            else:
                chunks.append(message.get("body", b""))

        await self.emulator.app(scope, receive, keep)
        body = b"".join(chunks)
        if body.startswith(b"{") and 200 <= start["status"] < 300:
            body = json.dumps(self.alter(json.loads(body))).encode()
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def __enter__(self) -> RecordingServer:
        self._thread.start()
        while not self._server.started:
            threading.Event().wait(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()


def verify(args: list[str], key: str | None, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Run `verify` in this process; its exit status and everything it printed."""
    if key is None:
        monkeypatch.delenv("CLOSE_API_KEY", raising=False)
    else:
        monkeypatch.setenv("CLOSE_API_KEY", key)
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(args), out, err)
    return code, out.getvalue() + err.getvalue()


def test_live_without_a_key_stops_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """--live with no CLOSE_API_KEY: exit status 2, naming the variable, nothing sent."""
    code, output = verify(["--live"], None, monkeypatch)
    assert code == 2
    assert "CLOSE_API_KEY is not set" in output
    assert "Nothing was sent" in output


def test_the_main_job_without_a_key_says_live_close_was_not_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--live --if-key with no CLOSE_API_KEY: exit 0, saying live Close went unchecked."""
    code, output = verify(["--live", "--if-key"], None, monkeypatch)
    assert code == 0
    assert "live Close: not checked (CLOSE_API_KEY is not set)" in output


def test_renting_without_a_maximum_is_refused_before_any_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--allow-rent alone: exit status 2, nothing sent."""
    code, output = verify(
        ["--allow-rent", "--base-url", "http://127.0.0.1:9/api/v1"], "k", monkeypatch
    )
    assert code == 2
    assert "--max-rents" in output


def test_an_unreachable_target_exits_8(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing listening: exit status 8, saying so."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, output = verify(["--base-url", f"http://127.0.0.1:{port}/api/v1"], "k", monkeypatch)
    assert code == 8
    assert "unreachable" in output


def test_a_refused_key_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key the server does not know: exit status 3, naming CLOSE_API_KEY."""
    with RecordingServer(Emulator()) as server:
        code, output = verify(["--base-url", server.base_url], "api_unknown", monkeypatch)
    assert code == 3
    assert "CLOSE_API_KEY" in output
    assert set(server.methods) == {"GET"}


def test_a_read_only_run_sends_only_gets_and_writes_its_reports(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Against a server: verified, nothing but GET sent, nothing changed, reports written."""
    with RecordingServer(Emulator()) as server:
        before = server.emulator.numbers()
        junit, markdown = tmp_path / "junit.xml", tmp_path / "verify.md"
        args = ["--base-url", server.base_url, "--rate", "500/s"]
        code, output = verify(
            [*args, "--junit", str(junit), "--report", str(markdown)],
            server.emulator.api_key_with_permission,
            monkeypatch,
        )
        assert code == 0, output[-3000:]
        assert set(server.methods) == {"GET"}
        assert server.emulator.numbers() == before
    names = [c.get("name") for c in ET.parse(junit).iter("testcase")]
    assert len(names) == len(set(names))  # one distinctly named case per operation and check
    assert "getPhoneNumber.response_schema_conformance" in names
    assert "listPhoneNumbers.calendar_dates" in names
    assert "verified" in markdown.read_text()
    assert server.emulator.api_key_with_permission not in output + markdown.read_text()


def test_opted_in_writes_touch_only_what_was_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """--allow-update and --allow-rent --max-rents 1: one PUT, one POST, its DELETE."""
    with RecordingServer(Emulator()) as server:
        number_id = server.emulator.numbers()[0]["id"]
        args = ["--base-url", server.base_url, "--rate", "500/s", "--allow-update", number_id]
        code, output = verify(
            [*args, "--allow-rent", "--max-rents", "1"],
            server.emulator.api_key_with_permission,
            monkeypatch,
        )
    assert code == 0, output[-3000:]
    assert [m for m in server.methods if m != "GET"] == ["PUT", "POST", "DELETE"]


CLOSE_DOCS = Path(__file__).resolve().parents[2] / "contract_tests" / "fixtures" / "close_docs"


def test_the_command_line_mounts_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    """`close-phone-numbers verify` runs the engine: Close's examples verify, exit 0."""
    from close_phone_numbers.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["verify", "--fixtures", str(CLOSE_DOCS)], out, stderr=err)
    assert code == 0, out.getvalue() + err.getvalue()
    assert "verified: 6 operations, 6 cases, 0 failures" in out.getvalue()


def test_without_the_contract_extra_verify_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's dependencies missing: exit 2 and the pip command, whatever the options."""
    from close_phone_numbers.cli import main

    monkeypatch.setitem(__import__("sys").modules, "close_phone_contract._spec", None)
    out, err = io.StringIO(), io.StringIO()
    code = main(["verify", "--live", "--junit", "x.xml"], out, stderr=err)
    assert code == 2
    assert "pip install 'close-phone-numbers[contract]'" in err.getvalue() + out.getvalue()
