"""When to retry and how long to wait: pure functions over statuses, exceptions and headers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from time import time

import httpx

# Statuses worth another try of a request that is safe to repeat (GET, PUT, DELETE).
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})

INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
# Up to this share of each backoff is removed at random, so clients retrying together spread out.
JITTER = 0.25
# A server asking for a longer wait than this gets an error instead: a call that hangs for
# minutes is worse than one that says why it stopped.
MAX_SERVER_WAIT = 60.0


def is_retryable_exception(exc: BaseException | None) -> bool:
    """Whether a transport failure of a request that is safe to repeat deserves another try."""
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)


def surely_not_sent(exc: BaseException | None) -> bool:
    """Whether a transport failure proves the request never reached the server.

    A connection that never opened, or no free connection in the pool, means no byte of the
    request left this process. Every other failure (read or write timeout, a dropped
    connection) may come after the server got the request.
    """
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def parse_ratelimit(value: str) -> tuple[int, float] | None:
    """``remaining`` and ``reset`` from a ``RateLimit: limit=N, remaining=N, reset=N`` header."""
    remaining: int | None = None
    reset: float | None = None
    for part in value.split(","):
        name, _, number = part.strip().partition("=")
        try:
            if name == "remaining":
                remaining = int(number)
            elif name == "reset":
                reset = float(number)
        except ValueError:
            return None
    if remaining is None or reset is None or reset < 0:
        return None
    return remaining, reset


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time()
        except (TypeError, ValueError, IndexError):
            return None
    return max(seconds, 0.0) if seconds == seconds else None  # NaN is not a wait


def server_delay(headers: Mapping[str, str]) -> float | None:
    """The wait Close asked for, from ``Retry-After``, ``RateLimit`` or ``X-Rate-Limit-Reset``."""
    retry_after = headers.get("retry-after")
    if retry_after is not None and (seconds := _seconds(retry_after)) is not None:
        return seconds
    ratelimit = headers.get("ratelimit")
    if ratelimit is not None and (state := parse_ratelimit(ratelimit)) is not None:
        remaining, reset = state
        if remaining == 0:
            return reset
    legacy = headers.get("x-rate-limit-reset")
    if legacy is not None:
        return _seconds(legacy)
    return None


def backoff(attempt: int, random: Callable[[], float]) -> float:
    """Capped exponential backoff with jitter for retry number ``attempt`` (0 for the first)."""
    delay = min(INITIAL_BACKOFF * 2.0 ** min(attempt, 32), MAX_BACKOFF)
    return delay * (1 - JITTER * random())


def retry_delay(
    attempt: int, headers: Mapping[str, str], random: Callable[[], float]
) -> float | None:
    """How long to wait before retry number ``attempt``; None when the server asks too much."""
    asked = server_delay(headers)
    if asked is None:
        return backoff(attempt, random)
    return asked if asked <= MAX_SERVER_WAIT else None
