"""When to retry and how long to wait: pure functions over statuses, exceptions and headers."""

from __future__ import annotations

import math
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
# The shortest wait before a retry, whatever the server says: `Retry-After: 0` on every
# answer must not turn the retries into a burst of requests.
MIN_RETRY_DELAY = 0.25
# The most retries a client may be configured for; more only multiplies the load on a server
# that is failing anyway (and each may wait up to MAX_SERVER_WAIT).
MAX_RETRIES_LIMIT = 10


def is_retryable_exception(exc: BaseException | None) -> bool:
    """Whether a transport failure of a request that is safe to repeat deserves another try."""
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)


def surely_not_sent(exc: BaseException | None) -> bool:
    """Whether a transport failure proves the request never reached the server.

    A connection that never opened, or no free connection in the pool, means no byte of the
    request left this process. Every other failure (read or write timeout, a dropped
    connection) may come after the server got the request.
    """
    return isinstance(
        exc,
        httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout | httpx.UnsupportedProtocol,
    )


def parse_ratelimit(value: str) -> tuple[int, float] | None:
    """``remaining`` and ``reset`` from a ``RateLimit: limit=N, remaining=N, reset=N`` header.

    None when the header is malformed: a negative or NaN ``reset``, a negative ``remaining``.
    An infinite or huge ``reset`` is kept; the callers refuse to wait that long.
    """
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
    if remaining is None or reset is None or math.isnan(reset) or reset < 0 or remaining < 0:
        return None
    return remaining, reset


def _epoch(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _seconds(value: str, now: float) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        moment = _epoch(value)
        if moment is None:
            return None
        seconds = moment - now
    return max(seconds, 0.0) if seconds == seconds else None  # NaN is not a wait


def server_delay(headers: Mapping[str, str]) -> float | None:
    """The wait Close asked for, from ``Retry-After``, ``RateLimit`` or ``X-Rate-Limit-Reset``.

    A ``Retry-After`` date counts from the response's own ``Date`` when it has one, so a
    local clock that is off does not lengthen or shorten the wait.
    """
    now = _epoch(headers.get("date"))
    if now is None:
        now = time()
    retry_after = headers.get("retry-after")
    if retry_after is not None and (seconds := _seconds(retry_after, now)) is not None:
        return seconds
    ratelimit = headers.get("ratelimit")
    if ratelimit is not None and (state := parse_ratelimit(ratelimit)) is not None:
        remaining, reset = state
        if remaining == 0:
            return reset
    legacy = headers.get("x-rate-limit-reset")
    if legacy is not None:
        return _seconds(legacy, now)
    return None


def backoff(attempt: int, random: Callable[[], float]) -> float:
    """Capped exponential backoff with jitter for retry number ``attempt`` (0 for the first)."""
    delay = min(INITIAL_BACKOFF * 2.0 ** min(attempt, 32), MAX_BACKOFF)
    return delay * (1 - JITTER * random())


def retry_delay(
    attempt: int, headers: Mapping[str, str], random: Callable[[], float]
) -> float | None:
    """How long to wait before retry number ``attempt``; None when the server asks too much.

    Never less than `MIN_RETRY_DELAY`, never more than `MAX_SERVER_WAIT`.
    """
    asked = server_delay(headers)
    if asked is None:
        return max(backoff(attempt, random), MIN_RETRY_DELAY)
    return max(asked, MIN_RETRY_DELAY) if asked <= MAX_SERVER_WAIT else None
