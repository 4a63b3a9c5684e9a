"""Pytest fixtures for testing code that uses the Close phone-number API, offline.

Loaded by pytest through the `pytest11` entry point of close-phone-numbers. It imports
nothing heavy until a fixture is used, and the fixtures need the `emulator` extra.

- `close_emulator`: a fresh in-process `close_phone_emulator.Emulator` per test.
- `close_emulator_server`: an emulator under uvicorn on a free 127.0.0.1 port, shared
  by the session and reset before each test; it has `.base_url` (ending in /api/v1),
  `.emulator`, `.api_key_with_permission` and `.api_key_without_permission`.
- `close_phone_numbers`: a `PhoneNumbers` wired to this test's `close_emulator`, as the
  seeded user who may manage team numbers; retries and throttling do not sleep.
- `async_close_phone_numbers`: the same as an `AsyncPhoneNumbers`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from close_phone_emulator import Emulator, ServerThread

    from ._async_client import AsyncPhoneNumbers
    from ._client import PhoneNumbers

__all__ = [
    "async_close_phone_numbers",
    "close_emulator",
    "close_emulator_server",
    "close_phone_numbers",
]

# close_phone_emulator imports its names when first used, so a missing extra raises
# here, on the name that needs it, and the fixture names the extra to install.


def _emulator_class() -> type[Emulator]:
    try:
        from close_phone_emulator import Emulator
    except ImportError as exc:
        _missing_extra(exc)
    return Emulator


def _server_class() -> type[ServerThread]:
    try:
        from close_phone_emulator import ServerThread
    except ImportError as exc:
        _missing_extra(exc)
    return ServerThread


def _missing_extra(exc: ImportError) -> NoReturn:
    pytest.fail(
        f"the close_emulator fixtures need the 'emulator' extra ({exc.name} is missing): "
        "pip install 'close-phone-numbers[emulator]'",
        pytrace=False,
    )


@pytest.fixture
def close_emulator() -> Iterator[Emulator]:
    """A fresh in-process emulator with the default seed."""
    with _emulator_class()() as emulator:
        yield emulator


@pytest.fixture(scope="session")
def _close_emulator_server_session() -> Iterator[ServerThread]:
    with _server_class()(_emulator_class()()) as server:
        yield server


@pytest.fixture
def close_emulator_server(
    _close_emulator_server_session: ServerThread,
) -> ServerThread:
    """The session's emulator server on a loopback port, reset to its seed for this test."""
    _close_emulator_server_session.emulator.reset()
    return _close_emulator_server_session


def _no_sleep(seconds: float) -> None:
    """Retries and throttling waits in tests: none."""


async def _no_sleep_async(seconds: float) -> None:
    """Retries and throttling waits in async tests: none."""


@pytest.fixture
def close_phone_numbers(close_emulator: Emulator) -> Iterator[PhoneNumbers]:
    """A `PhoneNumbers` on this test's `close_emulator`, with the key that may do everything.

    Faults and seeds set on `close_emulator` apply to it; its waits return at once.
    """
    import httpx

    from ._client import PhoneNumbers

    http = httpx.Client(transport=close_emulator.transport(), base_url=close_emulator.base_url)
    with (
        http,
        PhoneNumbers(
            api_key=close_emulator.api_key_with_permission, http_client=http, sleep=_no_sleep
        ) as numbers,
    ):
        yield numbers


@pytest.fixture
def async_close_phone_numbers(close_emulator: Emulator) -> Iterator[AsyncPhoneNumbers]:
    """An `AsyncPhoneNumbers` on this test's `close_emulator`; use it from any event loop."""
    import httpx

    from ._async_client import AsyncPhoneNumbers

    http = httpx.AsyncClient(
        transport=close_emulator.async_transport(), base_url=close_emulator.base_url
    )
    numbers = AsyncPhoneNumbers(
        api_key=close_emulator.api_key_with_permission, http_client=http, sleep=_no_sleep_async
    )
    yield numbers
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case: teardown runs outside the test's event loop
        asyncio.run(http.aclose())
