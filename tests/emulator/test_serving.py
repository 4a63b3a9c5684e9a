"""The emulator under uvicorn, over real loopback sockets: which parser, and what a
client that sends too little, too slowly or too much gets."""

from __future__ import annotations

import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from close_phone_emulator import Emulator
from close_phone_emulator._protocol import protocol_class
from close_phone_emulator._server import ServerThread
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

BOUND = 0.5


@pytest.fixture(params=["httptools", "h11"])
def server(request: pytest.FixtureRequest) -> Iterator[ServerThread]:
    with ServerThread(Emulator(), parser=request.param, header_timeout=BOUND) as running:
        yield running


def _auth(server: ServerThread) -> tuple[str, str]:
    return (server.api_key_with_permission, "")


def _connect(server: ServerThread) -> socket.socket:
    host, port = server.root_url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=5)
    return sock


def _closed_after(sock: socket.socket) -> float:
    """Seconds until the server closes `sock` (reading what it sends meanwhile)."""
    started = time.monotonic()
    with sock:
        while sock.recv(65536):
            pass
    return time.monotonic() - started


def test_the_server_parses_with_httptools_when_it_is_installed() -> None:
    assert issubclass(protocol_class(), HttpToolsProtocol)
    assert issubclass(protocol_class("h11"), H11Protocol)


def test_without_a_working_httptools_the_server_falls_back_to_h11(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An httptools that is there but does not import, as when its build is broken.
    (tmp_path / "httptools.py").write_text("raise ImportError('broken')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "httptools", raising=False)
    assert issubclass(protocol_class(), H11Protocol)
    with ServerThread(Emulator()) as running:
        response = httpx.get(running.base_url + "/phone_number/", auth=_auth(running))
    assert response.status_code == 200


def test_each_parser_serves_the_api(server: ServerThread) -> None:
    response = httpx.get(
        server.base_url + "/phone_number/?_limit=1", auth=(server.api_key_with_permission, "")
    )
    assert response.status_code == 200
    assert len(response.json()["data"]) == 1


def test_a_silent_connection_is_closed_within_the_header_timeout(server: ServerThread) -> None:
    sock = _connect(server)
    assert _closed_after(sock) < BOUND + 1.0


def test_headers_sent_a_byte_at_a_time_do_not_hold_the_connection(server: ServerThread) -> None:
    sock = _connect(server)
    started = time.monotonic()
    request = b"GET /api/v1/phone_number/ HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
    try:
        for byte in request:
            sock.sendall(bytes([byte]))
            time.sleep(0.01)
    except OSError:
        pass  # closed under us: what should happen
    assert _closed_after(sock) + (time.monotonic() - started) < BOUND + 1.5


def test_an_idle_keep_alive_connection_gets_a_fresh_deadline_for_its_next_request(
    server: ServerThread,
) -> None:
    sock = _connect(server)
    sock.sendall(b"GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
    assert sock.recv(65536).startswith(b"HTTP/1.1 404")
    sock.sendall(b"GET /nowhere HTTP/1.1\r\nHost: x\r\n")  # never finished
    assert _closed_after(sock) < BOUND + 1.0


def test_oversized_headers_are_refused_and_the_connection_closed(server: ServerThread) -> None:
    sock = _connect(server)
    head = b"GET /api/v1/phone_number/ HTTP/1.1\r\nHost: x\r\n"
    try:
        for _ in range(100):
            sock.sendall(head + b"X-Big: " + b"b" * 8_000 + b"\r\n")
            head = b""
    except OSError:
        pass
    answer = b""
    try:
        with sock:
            while chunk := sock.recv(65536):
                answer += chunk
    except OSError:
        pass
    assert answer.split(b"\r\n")[0] in (
        b"HTTP/1.1 431 Request Header Fields Too Large",
        b"HTTP/1.1 400 Bad Request",
    )
