"""Bodies and admin calls meant to break the emulator get 400 JSON errors, never a 500,
and nothing of them is stored."""

from __future__ import annotations

import base64
import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator
from close_phone_emulator._body import MAX_BODY_BYTES, MAX_DEPTH
from close_phone_emulator._server import ServerThread

from .conftest import Api

NESTED = b"[" * 100_000 + b"]" * 100_000
BIG = "x" * 10_000_000


@pytest.fixture(scope="module")
def served() -> Iterator[ServerThread]:
    with ServerThread(Emulator(body_timeout=0.5)) as running:
        yield running


@pytest.fixture
def server(served: ServerThread) -> ServerThread:
    served.emulator.reset()
    served.emulator.rate_limits.set(1_000_000)
    return served


def _auth(server: ServerThread) -> tuple[str, str]:
    return (server.api_key_with_permission, "")


def _refused(response: httpx.Response, *words: str) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["field-errors"] == {}
    assert all(word in body["errors"][0] for word in words), body


def test_deeply_nested_json_is_a_400_json_error_over_the_network(server: ServerThread) -> None:
    response = httpx.post(
        server.base_url + "/phone_number/request/internal/",
        content=NESTED,
        headers={"content-type": "application/json"},
        auth=_auth(server),
    )
    _refused(response, "nests", str(MAX_DEPTH))


def test_json_nested_past_the_depth_limit_is_refused_even_when_python_could_parse_it(
    alice: Api,
) -> None:
    label: Any = "x"
    for _ in range(MAX_DEPTH):
        label = [label]
    number = alice.number("Alice's line")
    response = alice.client.put(f"/phone_number/{number['id']}/", json={"label": label})
    _refused(response, "nests")


@pytest.mark.parametrize(
    ("method", "path", "field"),
    [
        ("POST", "/phone_number/request/internal/", "bundle_id"),
        ("PUT", "/phone_number/{id}/", "label"),
    ],
)
def test_a_10_mb_field_is_refused_and_never_stored(
    server: ServerThread, method: str, path: str, field: str
) -> None:
    emu = server.emulator
    number = next(n for n in emu.numbers() if n["label"] == "Alice's line")
    before = emu.numbers()
    body = {"country": "US", field: BIG} if method == "POST" else {field: BIG}
    response = httpx.request(
        method,
        server.base_url + path.format(id=number["id"]),
        json=body,
        auth=_auth(server),
        timeout=30,
    )
    _refused(response, f"{MAX_BODY_BYTES:,} bytes")
    assert response.headers["connection"] == "close"
    assert emu.numbers() == before


def test_the_body_limit_is_configurable() -> None:
    with Emulator(max_body_bytes=100) as small:
        api = Api(small, small.api_key_with_permission)
        assert api.rent({"country": "US", "bundle_id": "b" * 50}).status_code == 201
        refused = api.client.post("/phone_number/request/internal/", json={"bundle_id": "b" * 99})
        _refused(refused, "100 bytes")


def _exchange(server: ServerThread, header: bytes, body: bytes) -> bytes:
    """Send a rent's head and `body` over a raw socket; what comes back until closed."""
    host, port = server.root_url.removeprefix("http://").split(":")
    key = base64.b64encode(f"{server.api_key_with_permission}:".encode())
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(
            b"POST /api/v1/phone_number/request/internal/ HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/json\r\nAuthorization: Basic "
            + key
            + b"\r\n"
            + header
            + b"\r\n"
            + body
        )
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_a_body_declared_far_beyond_the_limit_is_answered_without_reading_it(
    server: ServerThread,
) -> None:
    answer = _exchange(server, b"Content-Length: 1000000000\r\n", b"{")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"connection: close" in head.lower()
    assert "larger than" in json.loads(body)["errors"][0]


def test_a_body_that_stops_arriving_is_refused_within_the_body_timeout(
    server: ServerThread,
) -> None:
    started = time.monotonic()
    answer = _exchange(server, b"Content-Length: 17\r\n", b'{"country": ')
    assert time.monotonic() - started < 0.5 + 1.0
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert "did not arrive" in json.loads(body)["errors"][0]


@pytest.mark.parametrize(
    ("method", "route", "body", "words"),
    [
        ("POST", "faults", b"{not json", ["JSON"]),
        ("POST", "faults", NESTED, ["nests"]),
        ("POST", "faults", b"[]", ["JSON object"]),
        ("POST", "faults", {"kind": "explode"}, ["kind"]),
        ("POST", "faults", {"kind": ["status"]}, ["kind"]),
        ("POST", "faults", {"operation": ["x"], "kind": "status"}, ["operation"]),
        ("POST", "faults", {"kind": "latency", "seconds": 1e400}, ["seconds"]),
        ("POST", "faults", {"kind": "status", "status": "500"}, ["status"]),
        ("POST", "faults", {"kind": "status", "after": "yes"}, ["after"]),
        ("POST", "faults", {"kind": "status", "probability": True}, ["probability"]),
        ("PUT", "rate_limits", {"limit": 5, "group": ["read"]}, ["group"]),
        ("PUT", "rate_limits", {"limit": 5, "api_key": {"k": 1}}, ["api_key"]),
        ("PUT", "rate_limits", {"limit": 5, "window": 1e400}, ["window"]),
        ("PUT", "rent_status", {"status": "x", "error": 5}, ["error"]),
        ("PUT", "rent_status", {"status": "x", "times": True}, ["times"]),
        ("PUT", "organizations/{org}/budget", {"telephony_budget": 1e400}, ["dollars"]),
        ("PUT", "organizations/{org}/budget", {"telephony_budget": -1}, ["dollars"]),
        ("PUT", "organizations/{org}/budget", {"telephony_budget": "50"}, ["dollars"]),
        ("PUT", "organizations/{org}/budget", {"telephony_budget": True}, ["dollars"]),
        ("PUT", "organizations/orga_nope/budget", {"telephony_budget": 1}, ["orga_nope"]),
        ("PUT", "list_order", {"order": ["newest"]}, ["list_order"]),
        ("PUT", "list_order", b"[" * 50_000, ["JSON"]),
    ],
)
def test_admin_routes_answer_bad_input_with_a_400_naming_the_problem(
    server: ServerThread, method: str, route: str, body: Any, words: list[str]
) -> None:
    org = server.emulator.users[0].organization_id
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = httpx.request(
        method,
        f"{server.root_url}/_emulator/{route.format(org=org)}",
        content=content,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400, response.text
    message = response.json()["error"]
    assert all(word in message for word in words), message
    # And the emulator still works afterwards.
    assert httpx.get(server.base_url + "/phone_number/", auth=_auth(server)).status_code == 200


def test_unknown_admin_routes_and_methods_answer_in_json(server: ServerThread) -> None:
    missing = httpx.get(f"{server.root_url}/_emulator/nothing")
    assert (missing.status_code, missing.json()) == (404, {"error": "No such admin route."})
    wrong = httpx.patch(f"{server.root_url}/_emulator/faults")
    assert wrong.status_code == 405
    assert "error" in wrong.json()
