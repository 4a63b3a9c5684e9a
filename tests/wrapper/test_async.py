"""AsyncPhoneNumbers runs the same plans as PhoneNumbers: the same requests, errors and waits."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    AsyncPhoneNumbers,
    HasVoiceOnlyError,
    NotFoundError,
    PhoneNumberFields,
    ServerError,
    UnexpectedResponseError,
)

from .conftest import make_async_client, make_client, number_json, page_json, scripted

NUMBER = number_json()


def _listing(count: int) -> Any:
    numbers = [number_json(id=f"phon_{i:04d}") for i in range(count)]

    def handler(request: httpx.Request) -> httpx.Response:
        skip = int(request.url.params["_skip"])
        limit = int(request.url.params["_limit"])
        more = skip + limit < count
        return httpx.Response(200, json=page_json(numbers[skip : skip + limit], has_more=more))

    return handler


def test_async_list_is_an_async_iterator_over_every_page() -> None:
    """async for walks all pages lazily, with the same requests as the sync client."""

    async def collect() -> tuple[list[str], list[str]]:
        client, server = make_async_client(_listing(25))
        async with client:
            ids = [n.id async for n in client.list(page_size=10)]
        return ids, [str(r.url) for r in server.requests]

    ids, urls = asyncio.run(collect())
    sync_client, sync_server = make_client(_listing(25))
    assert ids == [n.id for n in sync_client.list(page_size=10)]
    assert urls == [str(r.url) for r in sync_server.requests]


def test_async_methods_send_what_the_sync_ones_send() -> None:
    """get, update, delete and rent produce identical requests in both clients."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            return httpx.Response(200, json={})
        if request.url.path.endswith("/me/"):
            return httpx.Response(200, json={"id": NUMBER["user_id"]})
        if request.url.path.endswith("/phone_number/"):
            return httpx.Response(200, json=page_json([], has_more=False))
        return httpx.Response(201 if request.method == "POST" else 200, json=NUMBER)

    async def run_async() -> list[tuple[str, str, bytes]]:
        client, server = make_async_client(handler)
        await client.get(NUMBER["id"])
        partial = await client.get(NUMBER["id"], fields=["label"])
        assert type(partial) is PhoneNumberFields
        await client.update(NUMBER["id"], label="Sales", voicemail_greeting_url=None)
        await client.delete(NUMBER["id"])
        await client.rent("US", prefix="650")
        return [(r.method, str(r.url), r.content) for r in server.requests]

    sync_client, sync_server = make_client(handler)
    sync_client.get(NUMBER["id"])
    sync_client.get(NUMBER["id"], fields=["label"])
    sync_client.update(NUMBER["id"], label="Sales", voicemail_greeting_url=None)
    sync_client.delete(NUMBER["id"])
    sync_client.rent("US", prefix="650")
    expected = [(r.method, str(r.url), r.content) for r in sync_server.requests]
    assert asyncio.run(run_async()) == expected


def test_async_retries_wait_with_the_injected_sleep() -> None:
    """A 503 then a success is retried after the same backoff as in the sync client."""

    async def run() -> list[float]:
        client, server = make_async_client(
            scripted(httpx.Response(503, json={"error": "x"}), httpx.Response(200, json=NUMBER))
        )
        await client.get(NUMBER["id"])
        return server.sleeps

    assert asyncio.run(run()) == [0.5]


def test_async_errors_are_the_same_classes() -> None:
    """The error tree is shared: a 404 is NotFoundError, a refusal its RentError."""

    async def run() -> None:
        client, _ = make_async_client(scripted(httpx.Response(404, json={"error": "gone"})))
        with pytest.raises(NotFoundError):
            await client.get(NUMBER["id"])
        refusal = httpx.Response(400, json={"status": "has-voice-only", "error": "voice"})
        renting, _ = make_async_client(scripted(refusal))
        with pytest.raises(HasVoiceOnlyError):
            await renting.rent("US")

    asyncio.run(run())


def test_async_unclear_rent_finds_the_number_without_resending() -> None:
    """A rent answered 503 after renting is found by listing, not sent again."""
    rented = number_json(id="phon_new", date_created=_now())
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(f"{request.method} {request.url.path.removeprefix('/api/v1')}")
        if request.method == "POST":
            return httpx.Response(503, json={"error": "down"})
        if request.url.path.endswith("/me/"):
            return httpx.Response(200, json={"id": rented["user_id"]})
        if request.url.path.endswith("/phon_new/"):
            return httpx.Response(200, json=rented)
        # The snapshot before the rent sees nothing; the lookup after it sees the new number.
        found = [rented] if any(c.startswith("POST") for c in calls) else []
        return httpx.Response(200, json=page_json(found, has_more=False))

    async def run() -> str:
        client, _ = make_async_client(handler)
        return (await client.rent("US", prefix="650")).id

    assert asyncio.run(run()) == "phon_new"
    assert calls == [
        "GET /me/",
        "GET /phone_number/",
        "POST /phone_number/request/internal/",
        "GET /phone_number/",
        "GET /phone_number/phon_new/",
    ]


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat()


def test_concurrent_failures_each_carry_their_own_response() -> None:
    """With 50 requests in flight, a malformed answer is reported with its own response."""

    async def handler(request: httpx.Request) -> httpx.Response:
        index = int(request.url.path.rstrip("/").rsplit("_", 1)[1])
        await asyncio.sleep(0.001 * (index % 7))
        if index % 2:
            return httpx.Response(500, content=f"<html>broken {index}</html>".encode())
        return httpx.Response(200, content=f'{{"id": "phon_{index}", "trunc'.encode())

    async def run() -> list[tuple[int, type[Exception], str]]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url="http://x.test")
        client = AsyncPhoneNumbers(api_key="k", http_client=http, max_retries=0)

        async def one(index: int) -> tuple[int, type[Exception], str]:
            try:
                await client.get(f"phon_{index}")
            except (ServerError, UnexpectedResponseError) as error:
                return index, type(error), str(error.response.url)
            raise AssertionError("expected an error")

        return await asyncio.gather(*(one(i) for i in range(50)))

    for index, kind, url in asyncio.run(run()):
        assert kind is (ServerError if index % 2 else UnexpectedResponseError)
        assert url.endswith(f"/phone_number/phon_{index}/")
