"""Whatever httpx or the generated layer raises, and whatever a client is built with, the
caller gets a CloseError; after a rent was sent, the rent is reconciled, never left raw."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    APIConnectionError,
    AsyncPhoneNumbers,
    BadRequestError,
    CloseError,
    InvalidRequestError,
    PhoneNumber,
    PhoneNumbers,
    RentOutcomeUnknownError,
    UnexpectedResponseError,
)

from ..cli._run import run_cli
from ._rawserver import Raw, Seen, raw_server, response
from .conftest import API_KEY, BASE_URL, make_async_client, make_client, number_json, page_json

NUMBER = number_json()
NESTED = b"[" * 100_000 + b"]" * 100_000
HUGE_ID = "phon_" + "a" * 1_000_000


class _Stream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body read only when httpx reads it, so its Content-Encoding fails there, as on a wire."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __iter__(self) -> Iterator[bytes]:
        yield self._data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._data


def _not_gzip(status: int = 200) -> httpx.Response:
    headers = {"content-encoding": "gzip", "content-type": "application/json"}
    return httpx.Response(status, headers=headers, stream=_Stream(b"this is not gzip"))


def _nested(status: int) -> httpx.Response:
    return httpx.Response(status, content=NESTED, headers={"content-type": "application/json"})


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda: _nested(200), UnexpectedResponseError),
        (lambda: _nested(400), BadRequestError),
        (lambda: _not_gzip(200), UnexpectedResponseError),
        (lambda: _not_gzip(503), CloseError),
    ],
    ids=["nested-200", "nested-400", "bad-gzip-200", "bad-gzip-503"],
)
def test_undecodable_answers_raise_close_errors_sync_and_async(
    answer: Any, expected: type[CloseError]
) -> None:
    """Nesting past the interpreter's stack and a body that fails its gzip are CloseErrors."""
    client, _ = make_client(lambda request: answer(), max_retries=0)
    with pytest.raises(expected):
        client.get(NUMBER["id"])

    async def run() -> None:
        aclient, _ = make_async_client(lambda request: answer(), max_retries=0)
        with pytest.raises(expected):
            await aclient.get(NUMBER["id"])

    asyncio.run(run())


def test_a_megabyte_id_or_fields_is_refused_before_sending() -> None:
    """httpx would refuse the URL; the caller gets InvalidRequestError naming the argument."""
    client, server = make_client(lambda request: httpx.Response(200, json=NUMBER))
    with pytest.raises(InvalidRequestError) as caught:
        client.get(HUGE_ID)
    assert caught.value.field == "id"
    assert len(str(caught.value)) <= 1_000
    with pytest.raises(InvalidRequestError) as caught:
        list(client.list(fields="label," + "x" * 1_000_000))
    assert caught.value.field == "fields"

    async def run() -> None:
        aclient, _ = make_async_client(lambda request: httpx.Response(200, json=NUMBER))
        with pytest.raises(InvalidRequestError):
            await aclient.delete(HUGE_ID)

    asyncio.run(run())
    assert server.requests == []


def test_any_exception_of_a_callers_transport_becomes_a_close_error() -> None:
    """A custom transport or auth flow that raises something odd still gives a CloseError."""

    def odd(request: httpx.Request) -> httpx.Response:
        raise LookupError("something inside a caller's transport")

    client, _ = make_client(odd, max_retries=0)
    with pytest.raises(APIConnectionError):
        client.get(NUMBER["id"])


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"base_url": 123}, "base_url"),
        ({"base_url": "https://[::1/x"}, "base_url"),
        ({"base_url": "https://user:pw@api.close.com/api/v1"}, "base_url"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": float("inf")}, "timeout"),
        ({"http_client": "http://127.0.0.1"}, "http_client"),
        ({"http_client": httpx.AsyncClient()}, "http_client"),
        ({"sleep": 5}, "sleep"),
        ({"random": 0.5}, "random"),
        ({"max_retries": 11}, "max_retries"),
        ({"max_retries": 10**9}, "max_retries"),
    ],
)
def test_bad_construction_arguments_are_refused_naming_the_argument(
    options: dict[str, Any], field: str
) -> None:
    """Types and values that would fail mid-request are refused when the client is made."""
    with pytest.raises(InvalidRequestError) as caught:
        PhoneNumbers(api_key=API_KEY, **options)
    assert caught.value.field == field


def test_a_sync_client_given_to_the_async_client_is_refused() -> None:
    """AsyncPhoneNumbers needs an httpx.AsyncClient; a sync one is refused at once."""
    with pytest.raises(InvalidRequestError, match="AsyncClient") as caught:
        AsyncPhoneNumbers(api_key=API_KEY, http_client=httpx.Client())  # type: ignore[arg-type]
    assert caught.value.field == "http_client"


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"api_key": "   "}, "api_key"),
        ({"api_key": f"{API_KEY}\n"}, "api_key"),
        ({"api_key": f"{API_KEY}\r\nX-Evil: 1"}, "api_key"),
        ({"api_key": f"{API_KEY}é"}, "api_key"),
        ({"api_key": f"{API_KEY}\x00"}, "api_key"),
        ({"api_key": None, "oauth_token": f"{API_KEY}\n"}, "oauth_token"),
        ({"api_key": None, "oauth_token": "\t"}, "oauth_token"),
    ],
)
def test_unusable_credentials_are_refused_without_echoing_them(
    options: dict[str, Any], field: str
) -> None:
    """Whitespace, control and non-ASCII characters are refused; the message never shows them."""
    with pytest.raises(InvalidRequestError) as caught:
        PhoneNumbers(base_url=BASE_URL, **options)
    assert caught.value.field == field
    assert API_KEY not in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_environment_key_with_a_newline_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLOSE_API_KEY is held to the same rules, and named in the error."""
    monkeypatch.setenv("CLOSE_API_KEY", f"{API_KEY}\n")
    with pytest.raises(InvalidRequestError) as caught:
        PhoneNumbers(base_url=BASE_URL)
    assert caught.value.field == "CLOSE_API_KEY"
    assert API_KEY not in str(caught.value)


# Over a real loopback socket ---------------------------------------------------------------

RENTED = number_json(id="phon_rentedOverTheWire", number="+16505550199", participants=[])


def _wire_close(post: Raw, *, rented_shows: bool) -> Any:
    """A Close that rents on POST, answers it with ``post``, and lists the number afterwards."""
    state = {"rented": False}

    def answer(seen: Seen) -> Raw:
        if seen.method == "POST":
            state["rented"] = True
            return post
        if seen.path.startswith("/api/v1/phone_number/"):
            numbers = [RENTED] if state["rented"] and rented_shows else []
            if "_fields=id" in seen.path:
                numbers = [{"id": n["id"]} for n in numbers]
            return Raw(response(200, json.dumps(page_json(numbers, has_more=False)).encode()))
        return Raw(response(404, b'{"error": "not here"}'))

    return answer


_BROKEN_RENTS = {
    "bad-gzip": Raw(response(201, b"not gzip at all", headers={"Content-Encoding": "gzip"})),
    "nested": Raw(response(201, NESTED)),
    "truncated": Raw(response(201, json.dumps(RENTED).encode()[:40], length=2_000)),
    "reset-mid-body": Raw(response(201, json.dumps(RENTED).encode(), length=2_000)[:-30], True),
    "reset-before-answering": Raw(b"", reset=True),
    "reset-mid-headers": Raw(b"HTTP/1.1 201 Created\r\nContent-Ty", reset=True),
}


@pytest.mark.parametrize("post", list(_BROKEN_RENTS.values()), ids=list(_BROKEN_RENTS))
def test_a_rent_answered_badly_on_the_wire_is_reconciled_not_raised_raw(post: Raw) -> None:
    """The rent happened and its answer broke: the number is found, and one POST was sent."""
    with raw_server(_wire_close(post, rented_shows=True)) as server:
        with PhoneNumbers(api_key=API_KEY, base_url=server.base_url, sleep=lambda s: None) as c:
            try:
                result: object = c.rent("US")
            except RentOutcomeUnknownError as unknown:
                result = unknown
        assert [s.method for s in server.seen].count("POST") == 1
    assert isinstance(result, PhoneNumber | RentOutcomeUnknownError)
    if isinstance(result, PhoneNumber):
        assert result.id == RENTED["id"]


@pytest.mark.parametrize("post", list(_BROKEN_RENTS.values()), ids=list(_BROKEN_RENTS))
def test_async_rent_answered_badly_on_the_wire_is_reconciled(post: Raw) -> None:
    """The asyncio client reconciles the same broken answers."""

    async def nap(seconds: float) -> None:
        return None

    async def run() -> object:
        async with AsyncPhoneNumbers(api_key=API_KEY, base_url=server.base_url, sleep=nap) as c:
            try:
                return await c.rent("US")
            except RentOutcomeUnknownError as unknown:
                return unknown

    with raw_server(_wire_close(post, rented_shows=True)) as server:
        result = asyncio.run(run())
        assert [s.method for s in server.seen].count("POST") == 1
    assert isinstance(result, PhoneNumber | RentOutcomeUnknownError)


@pytest.mark.parametrize("post", list(_BROKEN_RENTS.values()), ids=list(_BROKEN_RENTS))
def test_cli_exits_7_when_a_broken_rent_answer_leaves_the_outcome_unknown(post: Raw) -> None:
    """No number found after a broken answer: the command says so and exits 7, not "a bug"."""
    with raw_server(_wire_close(post, rented_shows=False)) as server:
        env = {"CLOSE_API_KEY": API_KEY, "CLOSE_BASE_URL": server.base_url}
        result = run_cli(["rent", "US", "--yes"], transport=httpx.HTTPTransport(), env=env)
    assert result.code == 7, result.err
    assert "RentOutcomeUnknownError" in result.err
    assert API_KEY not in result.err


def test_get_with_a_body_that_fails_its_content_encoding_is_a_close_error() -> None:
    """Over a socket, a 200 whose gzip does not decode is UnexpectedResponseError."""
    answer = Raw(response(200, b"not gzip", headers={"Content-Encoding": "gzip"}))
    with raw_server(lambda seen: answer) as server:
        client = PhoneNumbers(api_key=API_KEY, base_url=server.base_url, max_retries=0)
        with client, pytest.raises(CloseError) as caught:
            client.get(NUMBER["id"])
    assert type(caught.value) is UnexpectedResponseError


@pytest.mark.parametrize(
    "url", ["ftp://u:hunter2pw@h/x", "u:hunter2pw@h/x", "https://u:hunter2pw@h/"]
)
def test_a_refused_base_url_never_shows_a_password_in_it(url: str) -> None:
    """The message quotes the URL without what comes before an @."""
    with pytest.raises(InvalidRequestError) as caught:
        PhoneNumbers(api_key=API_KEY, base_url=url)
    assert "hunter2pw" not in str(caught.value)


def test_a_rent_whose_user_id_cannot_be_listed_is_refused_and_never_sent() -> None:
    """A megabyte assign_to id would make the lookup impossible, so the rent stays unsent."""
    client, server = make_client(lambda request: httpx.Response(503, json={"error": "x"}))
    with pytest.raises(InvalidRequestError) as caught:
        client.rent("US", assign_to=["user_" + "a" * 1_000_000])
    assert caught.value.field == "participant_user_id"
    assert [r.method for r in server.requests] == []
