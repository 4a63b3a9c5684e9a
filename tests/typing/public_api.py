"""What a type checker sees of the public API; checked by ``mypy --strict``, never run.

Each ``assert_type`` pins an inferred type, and each ``type: ignore[code]`` pins a call that
must stay an error: with ``warn_unused_ignores`` (part of ``--strict``), a call that starts
to type-check breaks the check too.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, assert_type

import httpx
from close_phone_numbers import (
    NOT_GIVEN,
    APIStatusError,
    AsyncPhoneNumbers,
    BadRequestError,
    CloseError,
    NotGiven,
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumbers,
    RateLimit,
    RateLimitError,
    RawResponse,
    RentError,
    RentOutcomeUnknownError,
)


def construction() -> None:
    """Every way of making a client."""
    assert_type(PhoneNumbers(), PhoneNumbers)
    assert_type(PhoneNumbers(api_key="k", base_url="http://127.0.0.1:8088/api/v1"), PhoneNumbers)
    assert_type(PhoneNumbers(oauth_token="t", timeout=30.0, max_retries=3), PhoneNumbers)
    assert_type(PhoneNumbers(api_key="k", timeout=httpx.Timeout(5.0)), PhoneNumbers)
    assert_type(PhoneNumbers(api_key="k", http_client=httpx.Client()), PhoneNumbers)
    assert_type(AsyncPhoneNumbers(api_key="k", http_client=httpx.AsyncClient()), AsyncPhoneNumbers)
    PhoneNumbers(api_key="k", http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    PhoneNumbers("k", "https://api.close.com")  # type: ignore[call-arg]


def sync_calls(numbers: PhoneNumbers) -> None:
    """The sync methods and what they return."""
    assert_type(numbers.list(), Iterator[PhoneNumber])
    assert_type(numbers.list(participant_user_id="user_x", page_size=50), Iterator[PhoneNumber])
    assert_type(numbers.list(fields=["id", "number"]), Iterator[PhoneNumberFields])
    assert_type(numbers.list(fields="id,number"), Iterator[PhoneNumberFields])
    assert_type(numbers.get("phon_x"), PhoneNumber)
    assert_type(numbers.get("phon_x", fields=["label"]), PhoneNumberFields)
    assert_type(numbers.update("phon_x", label="Sales"), PhoneNumber)
    assert_type(numbers.update("phon_x", voicemail_greeting_url=None), PhoneNumber)
    assert_type(numbers.update("phon_x", label=NOT_GIVEN), PhoneNumber)
    assert_type(numbers.delete("phon_x"), None)
    assert_type(numbers.rent("US", prefix="650", fallback_to_voice_only=True), PhoneNumber)
    numbers.update("phon_x", label=None)  # type: ignore[arg-type]
    numbers.update("phon_x", inbound_ring_duration="30")  # type: ignore[arg-type]
    numbers.rent(country="US", prefix=650)  # type: ignore[arg-type]
    numbers.list(page_size="100")  # type: ignore[call-overload]
    with numbers as same:
        assert_type(same, PhoneNumbers)


async def async_calls(numbers: AsyncPhoneNumbers) -> None:
    """The async methods are coroutines; list is an async iterator."""
    assert_type(numbers.list(), AsyncIterator[PhoneNumber])
    assert_type(numbers.list(fields=["number"]), AsyncIterator[PhoneNumberFields])
    assert_type(await numbers.get("phon_x"), PhoneNumber)
    assert_type(await numbers.get("phon_x", fields="label"), PhoneNumberFields)
    assert_type(await numbers.update("phon_x", forward_to_enabled=False), PhoneNumber)
    assert_type(await numbers.delete("phon_x"), None)
    assert_type(await numbers.rent("US"), PhoneNumber)
    async for number in numbers.list():
        assert_type(number, PhoneNumber)
    async with numbers as same:
        assert_type(same, AsyncPhoneNumbers)


def errors(error: CloseError) -> None:
    """The attributes errors carry."""
    if isinstance(error, BadRequestError):
        assert_type(error.status_code, int)
        assert_type(error.field_errors, dict[str, Any])
        assert_type(error.errors, list[str])
    if isinstance(error, RateLimitError):
        assert_type(error.retry_after, float | None)
    if isinstance(error, RentError):
        assert_type(error.status, str)
        assert_type(error.message, str)
    if isinstance(error, RentOutcomeUnknownError):
        assert_type(error.candidates, list[PhoneNumber])


def sentinel() -> None:
    """NOT_GIVEN is falsy and has its own type."""
    assert_type(NOT_GIVEN, NotGiven)


def options_and_raw(numbers: PhoneNumbers) -> None:
    """with_options keeps the client's type; raw methods keep each method's result type."""
    assert_type(numbers.with_options(timeout=5.0, max_retries=0), PhoneNumbers)
    numbers.with_options(max_retries="2")  # type: ignore[arg-type]
    raw = numbers.with_raw_response
    assert_type(raw.get("phon_x"), RawResponse[PhoneNumber])
    assert_type(raw.get("phon_x", fields="label"), RawResponse[PhoneNumberFields])
    assert_type(raw.get("phon_x").parse(), PhoneNumber)
    assert_type(raw.get("phon_x").rate_limit, RateLimit | None)
    assert_type(raw.get("phon_x").request_id, str | None)
    assert_type(raw.update("phon_x", label="x"), RawResponse[PhoneNumber])
    assert_type(raw.delete("phon_x"), RawResponse[None])
    assert_type(raw.rent("US", prefix="650"), RawResponse[PhoneNumber])
    assert_type(raw.list(page_size=10), Iterator[RawResponse[list[PhoneNumber]]])
    assert_type(raw.list(fields=["label"]), Iterator[RawResponse[list[PhoneNumberFields]]])
    raw.update("phon_x", labl="x")  # type: ignore[call-arg]
    raw.list(page_sise=10)  # type: ignore[call-overload]


async def async_options_and_raw(numbers: AsyncPhoneNumbers) -> None:
    assert_type(numbers.with_options(timeout=None), AsyncPhoneNumbers)
    raw = numbers.with_raw_response
    assert_type(await raw.get("phon_x", fields="label"), RawResponse[PhoneNumberFields])
    assert_type(await raw.rent("US"), RawResponse[PhoneNumber])
    assert_type(raw.list(), AsyncIterator[RawResponse[list[PhoneNumber]]])


def error_headers(error: APIStatusError) -> None:
    assert_type(error.headers, httpx.Headers)
    assert_type(error.request_id, str | None)


def names_through_the_module() -> None:
    # The package imports its names on first use; a type checker still sees each one's type,
    # and a name the package does not have is still an error rather than Any.
    import close_phone_numbers

    assert_type(close_phone_numbers.PhoneNumbers(), PhoneNumbers)
    assert_type(close_phone_numbers.NOT_GIVEN, NotGiven)
    assert_type(close_phone_numbers.__version__, str)
    _ = close_phone_numbers.PhoneNumberz  # type: ignore[attr-defined]
