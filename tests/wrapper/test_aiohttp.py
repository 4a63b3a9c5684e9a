"""AsyncPhoneNumbers over aiohttp (DefaultAioHttpClient) behaves as it does over httpx.

aiohttp needs real sockets, so every case runs against the emulator on a loopback port,
once per backend: what passes over httpx's pool must pass, unchanged, over aiohttp's.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import aiohttp
import httpx
import pytest
from close_phone_emulator import Emulator, ServerThread
from close_phone_numbers import (
    APIConnectionError,
    APITimeoutError,
    AsyncPhoneNumbers,
    DefaultAioHttpClient,
    HasVoiceOnlyError,
    InvalidRequestError,
    NotFoundError,
    PhoneNumber,
    RentOutcomeUnknownError,
    ServerError,
)
from close_phone_numbers._aiohttp import reclassify

T = TypeVar("T")
Backend = Callable[[], httpx.AsyncClient | None]

BACKENDS: dict[str, Backend] = {"httpx": lambda: None, "aiohttp": DefaultAioHttpClient}


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    with ServerThread(Emulator()) as running:
        yield running


@pytest.fixture(params=list(BACKENDS))
def backend(request: pytest.FixtureRequest, server: ServerThread) -> Backend:
    server.emulator.reset()
    return BACKENDS[request.param]


def run(
    server: ServerThread,
    backend: Backend,
    scenario: Callable[[AsyncPhoneNumbers], Awaitable[T]],
    **options: Any,
) -> T:
    async def main() -> T:
        options.setdefault("base_url", server.base_url)
        options.setdefault("api_key", server.api_key_with_permission)
        http = backend()
        async with AsyncPhoneNumbers(http_client=http, sleep=_no_wait, **options) as numbers:
            result = await scenario(numbers)
        if http is not None:
            await http.aclose()
        return result

    return asyncio.run(main())


async def _no_wait(seconds: float) -> None:
    return None


def test_list_rent_get_update_delete_work_over_each_backend(
    server: ServerThread, backend: Backend
) -> None:
    async def scenario(numbers: AsyncPhoneNumbers) -> tuple[list[str], PhoneNumber]:
        rented = await numbers.rent("US", prefix="650")
        changed = await numbers.update(rented.id, label="Night line")
        assert (await numbers.get(rented.id)).label == "Night line"
        listed = [n.id async for n in numbers.list(page_size=3)]
        await numbers.delete(rented.id)
        with pytest.raises(NotFoundError):
            await numbers.get(rented.id)
        assert rented.id in listed
        return listed, changed

    listed, changed = run(server, backend, scenario)
    assert len(listed) == len(set(listed)) > 3  # several pages, no number twice
    assert changed.label == "Night line"
    assert changed.number.startswith("+1650")


def test_a_refused_rent_is_the_same_error_over_each_backend(
    server: ServerThread, backend: Backend
) -> None:
    async def scenario(numbers: AsyncPhoneNumbers) -> None:
        with pytest.raises(HasVoiceOnlyError):
            await numbers.rent("US", prefix="907")

    run(server, backend, scenario)


def test_a_5xx_is_retried_then_raised_over_each_backend(
    server: ServerThread, backend: Backend
) -> None:
    server.emulator.faults.add("getPhoneNumber", "status", status=503)

    async def scenario(numbers: AsyncPhoneNumbers) -> None:
        with pytest.raises(ServerError):
            await numbers.get("phon_doesnotmatter")

    run(server, backend, scenario, max_retries=1)
    assert server.emulator.faults.list()[0].fired == 2


def test_a_rent_whose_answer_is_cut_is_never_sent_twice_over_each_backend(
    server: ServerThread, backend: Backend
) -> None:
    server.emulator.faults.add("rentPhoneNumber", "disconnect", after=True, times=1)
    before = len(server.emulator.numbers())

    async def scenario(numbers: AsyncPhoneNumbers) -> PhoneNumber | None:
        try:
            return await numbers.rent("US", prefix="650")
        except RentOutcomeUnknownError:
            return None

    found = run(server, backend, scenario)
    # Regression: httpx-aiohttp calls this drop a ConnectTimeout ("never sent"), and the
    # library rented a second number.
    assert len(server.emulator.numbers()) == before + 1
    if found is not None:
        assert found.number.startswith("+1650")


def test_a_refused_connection_is_an_api_connection_error_over_each_backend(
    server: ServerThread, backend: Backend
) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario(numbers: AsyncPhoneNumbers) -> None:
        with pytest.raises(APIConnectionError):
            await numbers.get("phon_x")

    run(server, backend, scenario, base_url=f"http://127.0.0.1:{port}/api/v1", max_retries=0)


def test_a_slow_answer_is_an_api_timeout_error_over_each_backend(
    server: ServerThread, backend: Backend
) -> None:
    server.emulator.faults.add("getPhoneNumber", "latency", seconds=1.0)

    async def scenario(numbers: AsyncPhoneNumbers) -> None:
        with pytest.raises(APITimeoutError):
            await numbers.get("phon_x")

    run(server, backend, scenario, timeout=0.2, max_retries=0)


def test_without_the_extra_the_aiohttp_client_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "httpx_aiohttp", None)
    with pytest.raises(InvalidRequestError, match=r"close-phone-numbers\[aiohttp\]"):
        DefaultAioHttpClient()


def test_the_aiohttp_client_keeps_the_package_timeouts_unless_told() -> None:
    assert DefaultAioHttpClient().timeout.read == 30.0
    assert DefaultAioHttpClient(timeout=3.0).timeout.read == 3.0


def _mapped(httpx_error: type[httpx.TransportError], cause: BaseException) -> httpx.TransportError:
    error = httpx_error("boom")
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        # The connection never opened: nothing was sent, so a rent may be sent again.
        (_mapped(httpx.ConnectTimeout, aiohttp.ConnectionTimeoutError()), httpx.ConnectTimeout),
        (
            _mapped(
                httpx.ConnectError,
                aiohttp.ClientConnectorError(
                    aiohttp.client_reqrep.ConnectionKey("h", 1, False, True, None, None, None),
                    OSError(111, "refused"),
                ),
            ),
            httpx.ConnectError,
        ),
        # The connection was open: the request may have reached Close.
        (
            _mapped(httpx.ConnectTimeout, aiohttp.ServerDisconnectedError()),
            httpx.RemoteProtocolError,
        ),
        (
            _mapped(httpx.ConnectTimeout, aiohttp.ClientOSError(104, "reset")),
            httpx.RemoteProtocolError,
        ),
        (_mapped(httpx.ConnectTimeout, RuntimeError("anything else")), httpx.RemoteProtocolError),
        (_mapped(httpx.ReadTimeout, aiohttp.SocketTimeoutError()), httpx.ReadTimeout),
        (_mapped(httpx.ReadError, aiohttp.ClientPayloadError()), httpx.ReadError),
    ],
)
def test_only_a_connection_that_never_opened_is_reported_as_never_sent(
    error: httpx.TransportError, expected: type[httpx.TransportError]
) -> None:
    assert type(reclassify(error)) is expected
