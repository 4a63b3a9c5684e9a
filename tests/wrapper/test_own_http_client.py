"""The httpx clients the package makes itself send the same requests as plain httpx."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from close_phone_emulator import Emulator, ServerThread
from close_phone_numbers import AsyncPhoneNumbers, _http

BASE_URL = "http://127.0.0.1:9/api/v1"


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text=str(request.url))


@pytest.mark.parametrize(
    ("params", "url"),
    [
        pytest.param({}, f"{BASE_URL}/phone_number/", id="empty-query"),
        pytest.param(None, f"{BASE_URL}/phone_number/", id="no-query"),
        pytest.param(
            {"_limit": 5, "number": "+16505550100"},
            f"{BASE_URL}/phone_number/?_limit=5&number=%2B16505550100",
            id="query",
        ),
    ],
)
def test_own_clients_send_the_url_plain_httpx_would(params: object, url: str) -> None:
    """An empty query adds nothing to the URL; a real one is encoded as httpx does."""
    with _http.Client(transport=httpx.MockTransport(_echo), base_url=BASE_URL) as ours:
        assert ours.get("/phone_number/", params=params).text == url  # type: ignore[arg-type]
    with httpx.Client(transport=httpx.MockTransport(_echo), base_url=BASE_URL) as plain:
        assert plain.get("/phone_number/", params=params).text == url  # type: ignore[arg-type]

    async def run() -> str:
        async with _http.AsyncClient(
            transport=httpx.MockTransport(_echo), base_url=BASE_URL
        ) as client:
            return (await client.get("/phone_number/", params=params)).text  # type: ignore[arg-type]

    assert asyncio.run(run()) == url


def test_async_client_built_from_key_and_url_lists_and_gets_over_a_socket() -> None:
    """AsyncPhoneNumbers with its own httpx client filters a list and gets a number."""
    with ServerThread(Emulator()) as server:

        async def run() -> tuple[list[str], str]:
            async with AsyncPhoneNumbers(
                api_key=server.api_key_with_permission, base_url=server.base_url
            ) as numbers:
                first = await anext(numbers.list(page_size=2))
                same = [n.id async for n in numbers.list(number=first.number)]
                return same, (await numbers.get(first.id)).number

        ids, number = asyncio.run(run())
    assert len(ids) == 1
    assert number.startswith("+")
