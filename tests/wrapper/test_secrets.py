"""No credential in a pickle, repr, str, traceback, log record or command-line line, even when
the server echoes the key, the token or the whole Authorization header back."""

from __future__ import annotations

import asyncio
import base64
import logging
import pickle
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    CloseError,
    InvalidRequestError,
    PhoneNumbers,
    RentOutcomeUnknownError,
    ServerError,
)

from ..cli._run import run_cli
from .conftest import API_KEY, BASE_URL, make_async_client, make_client, number_json

NUMBER = number_json()
BASIC = base64.b64encode(f"{API_KEY}:".encode()).decode()
TOKEN = "oauth_TOKEN_never_shown_0123456789"
KEY_FORMS = (API_KEY, BASIC, BASIC.rstrip("="))


def _echo_json(request: httpx.Request) -> httpx.Response:
    auth = request.headers.get("authorization", "")
    return httpx.Response(401, json={"error": f"key {API_KEY} refused; you sent {auth}"})


def _echo_text(request: httpx.Request) -> httpx.Response:
    auth = request.headers.get("authorization", "")
    return httpx.Response(
        503, text=f"<h1>down</h1> {auth} {API_KEY} {TOKEN}", headers={"x-echo": auth}
    )


def _echo_in_a_field(request: httpx.Request) -> httpx.Response:
    # A success whose body the models refuse, quoting the key where a field should be.
    if request.method == "GET" and request.url.path.endswith("/phone_number/"):
        return httpx.Response(200, json={"data": [API_KEY, TOKEN], "has_more": "x" + API_KEY})
    return httpx.Response(200, json={"id": API_KEY, "number": TOKEN, "created_by": {"k": BASIC}})


def _echo_rent_in_doubt(request: httpx.Request) -> httpx.Response:
    if request.method == "POST":
        return httpx.Response(503, json={"error": f"busy, {request.headers['authorization']}"})
    return httpx.Response(500, json={"error": f"listing broke for {API_KEY}"})


ECHOES = {
    "json": _echo_json,
    "text": _echo_text,
    "field": _echo_in_a_field,
    "rent-in-doubt": _echo_rent_in_doubt,
}

CALLS: dict[str, Callable[[Any], Any]] = {
    "list": lambda c: c.list(),
    "get": lambda c: c.get(NUMBER["id"]),
    "update": lambda c: c.update(NUMBER["id"], label="x"),
    "delete": lambda c: c.delete(NUMBER["id"]),
    "rent": lambda c: c.rent("US"),
}


def _texts_of(exc: BaseException) -> list[str]:
    texts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    texts.append(pickle.dumps(exc).decode("latin-1"))
    return texts


def _log_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = logging.Formatter("%(message)s")
    return [formatter.format(record) for record in caplog.records]


def _assert_clean(texts: list[str], forbidden: tuple[str, ...] = KEY_FORMS) -> None:
    for text in texts:
        for secret in forbidden:
            assert secret not in text


@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
@pytest.mark.parametrize("echo", list(ECHOES), ids=list(ECHOES))
@pytest.mark.parametrize("auth", ["api_key", "oauth_token"])
def test_every_call_is_clean_of_credentials_a_server_echoes(
    call: str, echo: str, auth: str, caplog: pytest.LogCaptureFixture
) -> None:
    """str, repr, format_exception, pickle and every log record, sync and async."""
    caplog.set_level(logging.DEBUG, logger="close_phone_numbers")
    credentials = (
        {"api_key": API_KEY} if auth == "api_key" else {"api_key": None, "oauth_token": TOKEN}
    )
    client, _ = make_client(ECHOES[echo], max_retries=1, **credentials)
    texts = [repr(client)]
    try:
        result = CALLS[call](client)
        if call == "list":
            list(result)
    except CloseError as exc:
        texts += _texts_of(exc)

    async def run() -> None:
        aclient, _ = make_async_client(ECHOES[echo], max_retries=1, **credentials)
        texts.append(repr(aclient))
        try:
            if call == "list":
                async for _ in aclient.list():
                    pass
            else:
                await CALLS[call](aclient)
        except CloseError as exc:
            texts.extend(_texts_of(exc))

    asyncio.run(run())
    texts += _log_texts(caplog)
    _assert_clean(texts, KEY_FORMS if auth == "api_key" else (TOKEN,))


def test_pickled_errors_carry_no_authorization_header_and_still_load() -> None:
    """The request and response go into a pickle as copies without credentials."""
    client, _ = make_client(lambda request: httpx.Response(401, json={"error": "no"}))
    with pytest.raises(AuthenticationError) as caught:
        client.get(NUMBER["id"])
    data = pickle.dumps(caught.value)
    assert BASIC not in data.decode("latin-1")
    loaded = pickle.loads(data)
    assert type(loaded) is AuthenticationError
    assert loaded.status_code == 401
    assert loaded.body == {"error": "no"}
    assert loaded.response.request.headers["authorization"] == "[redacted]"
    assert loaded.response.request.url.path == f"/api/v1/phone_number/{NUMBER['id']}/"


def test_pickled_connection_and_rent_errors_carry_no_credentials() -> None:
    """An APIConnectionError's request and a RentOutcomeUnknownError's cause are clean too."""

    def broken(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            raise httpx.ReadTimeout("slow", request=request)
        raise httpx.ConnectError("down", request=request)

    client, _ = make_client(broken, max_retries=0)
    with pytest.raises(APIConnectionError) as connection:
        client.get(NUMBER["id"])
    with pytest.raises(RentOutcomeUnknownError) as unknown:
        client.rent("US")
    for exc in (connection.value, unknown.value):
        data = pickle.dumps(exc).decode("latin-1")
        assert BASIC not in data
        assert API_KEY not in data
    assert type(pickle.loads(pickle.dumps(unknown.value)).cause) is APITimeoutError


def test_a_server_error_keeps_its_whole_body_redacted_of_echoes() -> None:
    """.body is the server's answer, with an echoed credential blanked out."""
    client, _ = make_client(_echo_text, max_retries=0)
    with pytest.raises(ServerError) as caught:
        client.get(NUMBER["id"])
    assert isinstance(caught.value.body, str)
    assert caught.value.body.startswith("<h1>down</h1> [redacted] [redacted]")


@pytest.mark.parametrize("url", ["http://api.example.com/api/v1", "http://10.0.0.8:8080/api/v1"])
def test_a_callers_client_with_plain_http_to_another_machine_is_refused(url: str) -> None:
    """The base URL of an http_client is held to the same rule as base_url=."""
    http = httpx.Client(base_url=url)
    with pytest.raises(InvalidRequestError, match="https://") as caught:
        PhoneNumbers(api_key=API_KEY, http_client=http)
    assert caught.value.field == "http_client"
    assert "authorization" not in http.headers


def test_a_callers_client_with_https_or_loopback_is_accepted() -> None:
    """https anywhere and plain http to this machine stay allowed."""
    for url in (BASE_URL, "http://127.0.0.1:8086/api/v1", "http://localhost/api/v1"):
        PhoneNumbers(api_key=API_KEY, http_client=httpx.Client(base_url=url))


def test_a_callers_own_authorization_header_is_redacted_when_echoed() -> None:
    """A client that brings its own header gets the same redaction."""
    http = httpx.Client(
        base_url=BASE_URL,
        transport=httpx.MockTransport(_echo_json),
        headers={"Authorization": f"Basic {BASIC}"},
    )
    client = PhoneNumbers(http_client=http, api_key=None, max_retries=0)
    with pytest.raises(AuthenticationError) as caught:
        client.get(NUMBER["id"])
    _assert_clean(_texts_of(caught.value))


@pytest.mark.parametrize(
    "debug",
    [[], ["--debug"], ["--json"], ["--debug", "--json"]],
    ids=["plain", "debug", "json", "both"],
)
def test_cli_lines_never_show_an_echoed_key_or_basic_credential(debug: list[str]) -> None:
    """Warnings, --debug request lines and tracebacks, and the error line, are all clean."""
    env = {"CLOSE_API_KEY": API_KEY, "CLOSE_BASE_URL": BASE_URL}
    commands = (
        ["rent", "US", "--yes"],
        ["get", NUMBER["id"]],
        ["list"],
        ["update", NUMBER["id"], "--label", "x"],
        ["delete", NUMBER["id"], "--yes"],
        ["whoami"],
    )
    for argv in commands:
        result = run_cli(
            [*argv, *debug], transport=httpx.MockTransport(_echo_rent_in_doubt), env=env
        )
        assert result.code != 0
        assert "[redacted]" in result.err
        _assert_clean([result.out, result.err])
        result = run_cli([*argv, *debug], transport=httpx.MockTransport(_echo_json), env=env)
        _assert_clean([result.out, result.err])
