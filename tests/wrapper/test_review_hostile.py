"""Found by an adversarial review: echoes hidden by JSON escapes, hostile ids in a rent's
lookup, and a caller's client that follows redirects (each failed before its fix)."""

from __future__ import annotations

import asyncio
import base64
import pickle
import re
import traceback
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    AsyncPhoneNumbers,
    BadRequestError,
    CloseError,
    PhoneNumbers,
    RentOutcomeUnknownError,
)

from ._rawserver import Raw, raw_server, response
from .conftest import API_KEY, BASE_URL, make_async_client, make_client, number_json, page_json
from .fake_close import FakeClose, old_numbers, rents

BASIC = base64.b64encode(f"{API_KEY}:".encode()).decode()
# The key as a JSON string of \u escapes: the same text once decoded, other bytes on the wire.
ESCAPED_KEY = "".join(f"\\u{ord(char):04x}" for char in API_KEY)


def _escaped_echo(request: httpx.Request) -> httpx.Response:
    body = '{"error": "bad key ' + ESCAPED_KEY + '", "you-sent": "' + ESCAPED_KEY + '"}'
    return httpx.Response(400, content=body.encode(), headers={"Content-Type": "application/json"})


def _pickled_texts(error: CloseError) -> list[str]:
    loaded = pickle.loads(pickle.dumps(error))
    response: httpx.Response = loaded.response
    return [response.text, repr(response.json()), repr(loaded.body), str(loaded)]


def test_a_pickled_error_holds_no_key_a_json_escape_hid_from_the_bytes() -> None:
    """The copy of the response in a pickle is redacted as decoded JSON, not only as bytes."""
    client, _ = make_client(_escaped_echo)
    with pytest.raises(BadRequestError) as caught:
        client.get("phon_1")
    for text in _pickled_texts(caught.value):
        assert API_KEY not in text
    assert "[redacted]" in pickle.loads(pickle.dumps(caught.value)).response.json()["error"]


def test_async_a_pickled_error_holds_no_key_a_json_escape_hid_from_the_bytes() -> None:
    """The same for the async client."""

    async def main() -> CloseError:
        client, _ = make_async_client(_escaped_echo)
        try:
            await client.get("phon_1")
        except BadRequestError as exc:
            return exc
        raise AssertionError("no error")

    for text in _pickled_texts(asyncio.run(main())):
        assert API_KEY not in text


# A rent's lookup fetches the new ids a listing shows: a hostile listing chooses them.
ALLOWED_PATH = re.compile(
    r"/api/v1/(me/|phone_number/(phon_[A-Za-z0-9]+/|request/internal/)?)(\?[^/]*)?"
)
HOSTILE_IDS = [API_KEY, "../../me", "phon_1/../../me", "phon_a?x=1", "phon_" + "a" * 300_000]


def _rents_then_lists(hostile: str) -> FakeClose:
    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        server.rent()
        server.rent(id=hostile)
        return httpx.Response(503, json={"error": "unavailable"})

    return FakeClose(on_rent, existing=old_numbers(3))


@pytest.mark.parametrize("hostile", HOSTILE_IDS, ids=["key", "dots", "traversal", "query", "long"])
def test_a_rent_lookup_never_fetches_an_id_the_spec_refuses(hostile: str) -> None:
    """Only ids of the spec's pattern are looked up; ours is found beside a hostile one."""
    server = _rents_then_lists(hostile)
    client, recorder = make_client(server)
    assert client.rent("US", prefix="650").id == "phon_rented1"
    assert rents(recorder.paths()) == 1
    for request in recorder.requests:
        assert ALLOWED_PATH.fullmatch(request.url.raw_path.decode()), request.url


def test_async_a_rent_lookup_never_fetches_an_id_the_spec_refuses() -> None:
    """The same for the async client."""
    server = _rents_then_lists(API_KEY)

    async def main() -> str:
        client, recorder = make_async_client(server)
        number = await client.rent("US", prefix="650")
        assert not any(API_KEY in str(r.url) for r in recorder.requests)
        return number.id

    assert asyncio.run(main()) == "phon_rented1"


def test_a_rent_outcome_unknown_never_names_the_key_in_its_message() -> None:
    """Two candidates, one id echoing the key: the error's text and pickle never show it."""

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        server.rent()
        server.rent(id="phon_" + API_KEY.replace("_", ""))
        return httpx.Response(503, json={"error": "unavailable"})

    key = API_KEY.replace("_", "")
    client = PhoneNumbers(
        api_key=key,
        http_client=httpx.Client(
            transport=httpx.MockTransport(FakeClose(on_rent, existing=old_numbers(3))),
            base_url=BASE_URL,
        ),
        sleep=lambda _: None,
    )
    with pytest.raises(RentOutcomeUnknownError) as caught:
        client.rent("US", prefix="650")
    texts = [str(caught.value), "".join(traceback.format_exception(caught.value))]
    for text in texts:
        assert key not in text
    assert len(caught.value.candidates) == 2


def _redirecting_rent(posts: list[str]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            posts.append(str(request.url))
            if len(posts) == 1:
                return httpx.Response(307, headers={"Location": str(request.url)})
            return httpx.Response(201, json=number_json())
        if request.url.path.endswith("/me/"):
            return httpx.Response(200, json={"id": "user_abc"})
        return httpx.Response(200, json=page_json([], has_more=False))

    return handler


def test_a_callers_client_that_follows_redirects_never_sends_a_rent_twice() -> None:
    """A 307 on the rent is an answer to report, not a reason to POST it again."""
    posts: list[str] = []
    http = httpx.Client(
        transport=httpx.MockTransport(_redirecting_rent(posts)),
        base_url=BASE_URL,
        follow_redirects=True,
    )
    client = PhoneNumbers(api_key=API_KEY, http_client=http, sleep=lambda _: None)
    with pytest.raises(CloseError):
        client.rent("US")
    assert len(posts) == 1


def test_async_a_callers_client_that_follows_redirects_never_sends_a_rent_twice() -> None:
    """The same for the async client."""
    posts: list[str] = []

    async def main() -> None:
        http = httpx.AsyncClient(
            transport=httpx.MockTransport(_redirecting_rent(posts)),
            base_url=BASE_URL,
            follow_redirects=True,
        )

        async def no_sleep(_: float) -> None:
            return None

        client = AsyncPhoneNumbers(api_key=API_KEY, http_client=http, sleep=no_sleep)
        with pytest.raises(CloseError):
            await client.rent("US")

    asyncio.run(main())
    assert len(posts) == 1


class _SnapshotRefused(FakeClose):
    """The first listing (the snapshot) is refused; every answer carries the given Date."""

    def __init__(self, *args: Any, date: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.date = date
        self.listings = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and request.url.path.endswith("/phone_number/"):
            self.listings += 1
            if self.listings == 1:
                return httpx.Response(403, json={"error": "not now"})
        answer = super().__call__(request)
        answer.headers["Date"] = self.date
        return answer


PAST_DATES = ["Thu, 01 Jan 1970 00:00:00 GMT", "Mon, 01 Jan 2024 00:00:00 GMT"]


def _not_rented(request: httpx.Request, server: FakeClose) -> httpx.Response:
    return httpx.Response(503, json={"error": "unavailable"})


@pytest.mark.parametrize("date", PAST_DATES, ids=["1970", "2024"])
def test_a_date_header_in_the_past_never_passes_an_old_number_off_as_the_rent(date: str) -> None:
    """Snapshot refused, rent not made: a Date far behind must not widen the window to 2025."""
    server = _SnapshotRefused(_not_rented, existing=old_numbers(1), date=date)
    client, recorder = make_client(server)
    with pytest.raises(RentOutcomeUnknownError) as caught:
        client.rent("US", prefix="650")
    assert caught.value.candidates == []
    assert rents(recorder.paths()) == 1


def test_async_a_date_header_in_the_past_never_passes_an_old_number_off_as_the_rent() -> None:
    """The same for the async client."""
    server = _SnapshotRefused(_not_rented, existing=old_numbers(1), date=PAST_DATES[0])

    async def main() -> None:
        client, _ = make_async_client(server)
        with pytest.raises(RentOutcomeUnknownError):
            await client.rent("US", prefix="650")

    asyncio.run(main())


def test_a_date_header_in_the_past_still_lets_the_real_rent_be_found() -> None:
    """Snapshot refused, rent made, Date in 1970: the new number is found, the old one not."""

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        server.rent()
        return httpx.Response(503, json={"error": "unavailable"})

    server = _SnapshotRefused(on_rent, existing=old_numbers(1), date=PAST_DATES[0])
    client, _ = make_client(server)
    assert client.rent("US", prefix="650").id == "phon_rented1"


class _Endless(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body of spaces that goes on far longer than any answer of Close; counts what it sent."""

    CHUNK = 1 << 20

    def __init__(self, chunks: int) -> None:
        self.chunks = chunks
        self.sent = 0

    def __iter__(self) -> Any:
        for _ in range(self.chunks):
            self.sent += self.CHUNK
            yield b" " * self.CHUNK

    async def __aiter__(self) -> Any:
        for chunk in self:
            yield chunk


def _endless_answer(body: _Endless, status: int = 200) -> Any:
    """Gets (and a rent's 201) answer ``body``; /me/ and listings answer normally."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/me/"):
            return httpx.Response(200, json={"id": "user_abc"})
        if request.url.path.endswith("/phone_number/"):
            return httpx.Response(200, json=page_json([], has_more=False))
        code = 201 if request.method == "POST" else status
        headers = {"Content-Type": "application/json"}
        return httpx.Response(code, headers=headers, stream=body)

    return handler


@pytest.mark.parametrize("status", [200, 500])
def test_a_body_that_never_ends_is_cut_off_and_raised_as_a_close_error(status: int) -> None:
    """96 MiB of spaces: reading stops at the cap (32 MiB) with a CloseError."""
    body = _Endless(96)
    client, _ = make_client(_endless_answer(body, status), max_retries=0)
    with pytest.raises(CloseError, match="larger than"):
        client.get("phon_1")
    assert body.sent <= 33 * _Endless.CHUNK


def test_async_a_body_that_never_ends_is_cut_off_and_raised_as_a_close_error() -> None:
    """The same for the async client."""
    body = _Endless(96)

    async def main() -> None:
        client, _ = make_async_client(_endless_answer(body), max_retries=0)
        with pytest.raises(CloseError, match="larger than"):
            await client.get("phon_1")

    asyncio.run(main())
    assert body.sent <= 33 * _Endless.CHUNK


def test_a_rent_answered_by_a_body_that_never_ends_is_looked_up_not_resent() -> None:
    """A 201 whose body never ends did rent: the lookup runs, and no second POST is sent."""
    body = _Endless(96)
    client, recorder = make_client(_endless_answer(body), max_retries=0)
    with pytest.raises(RentOutcomeUnknownError, match="larger than"):
        client.rent("US")
    assert rents(recorder.paths()) == 1
    assert body.sent <= 33 * _Endless.CHUNK


def test_over_a_real_socket_a_body_past_the_cap_is_cut_off() -> None:
    """40 MiB announced and sent over loopback: the client stops at the cap with a CloseError."""
    big = response(200, b" " * (40 << 20))
    with raw_server(lambda seen: Raw(big)) as server:
        client = PhoneNumbers(api_key=API_KEY, base_url=server.base_url, max_retries=0)
        with client, pytest.raises(CloseError, match="larger than"):
            client.get("phon_1")
