"""Which requests are retried, how often, and how long the client waits in between."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from close_phone_numbers import (
    APIConnectionError,
    APIStatusError,
    NotFoundError,
    RateLimitError,
    ServerError,
)
from close_phone_numbers._retry import (
    INITIAL_BACKOFF,
    MAX_BACKOFF,
    MAX_SERVER_WAIT,
    backoff,
    parse_ratelimit,
    retry_delay,
    server_delay,
    surely_not_sent,
)

from .conftest import make_client, number_json, scripted

NUMBER = number_json()
OK = httpx.Response(200, json=NUMBER)


def test_backoff_doubles_then_caps() -> None:
    """Without server hints the wait doubles from the initial backoff up to the cap."""
    waits = [backoff(n, lambda: 0.0) for n in range(10)]
    assert waits[:3] == [INITIAL_BACKOFF, 2 * INITIAL_BACKOFF, 4 * INITIAL_BACKOFF]
    assert max(waits) == MAX_BACKOFF
    assert backoff(10_000, lambda: 0.0) == MAX_BACKOFF


def test_jitter_shortens_the_wait_by_at_most_a_quarter() -> None:
    """The random source only ever takes up to 25% off a wait."""
    assert backoff(0, lambda: 1.0) == pytest.approx(0.75 * INITIAL_BACKOFF)
    assert backoff(0, lambda: 0.5) == pytest.approx(0.875 * INITIAL_BACKOFF)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "1.5", "ratelimit": "limit=60, remaining=0, reset=9"}, 1.5),
        ({"ratelimit": "limit=60, remaining=0, reset=2"}, 2.0),
        ({"ratelimit": "limit=60, remaining=5, reset=2"}, None),
        ({"x-rate-limit-reset": "4"}, 4.0),
        ({"retry-after": "soon"}, None),
        ({"ratelimit": "garbage"}, None),
        ({}, None),
    ],
)
def test_server_delay_reads_closes_headers(headers: dict[str, str], expected: float | None) -> None:
    """Retry-After wins, then a spent RateLimit's reset, then the older X-Rate-Limit-Reset."""
    assert server_delay(httpx.Headers(headers)) == expected


def test_retry_after_as_http_date_is_understood() -> None:
    """Retry-After may be a date; the wait is the time until then."""
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    delay = server_delay(httpx.Headers({"retry-after": when}))
    assert delay is not None
    assert 25 <= delay <= 30


def test_server_asking_too_long_a_wait_is_not_retried() -> None:
    """A wait beyond the cap gives up instead of hanging."""
    headers = httpx.Headers({"retry-after": str(MAX_SERVER_WAIT + 1)})
    assert retry_delay(0, headers, lambda: 0.0) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("limit=60, remaining=59, reset=1", (59, 1.0)),
        ("limit=60, remaining=0, reset=0.25", (0, 0.25)),
        ("limit=60", None),
        ("remaining=x, reset=1", None),
    ],
)
def test_parse_ratelimit(value: str, expected: tuple[int, float] | None) -> None:
    """The RateLimit header gives remaining and reset, or nothing when it is malformed."""
    assert parse_ratelimit(value) == expected


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ConnectTimeout("slow handshake"), True),
        (httpx.PoolTimeout("no free connection"), True),
        (httpx.ReadTimeout("slow answer"), False),
        (httpx.WriteTimeout("slow upload"), False),
        (httpx.RemoteProtocolError("dropped"), False),
        (httpx.ReadError("reset"), False),
        (None, False),
    ],
)
def test_surely_not_sent(failure: Exception | None, expected: bool) -> None:
    """Only failures before any byte left the process count as surely not sent."""
    assert surely_not_sent(failure) is expected


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_get_is_retried_on_retryable_statuses(status: int) -> None:
    """A GET answered 429/502/503/504 is sent again and its success returned."""
    client, server = make_client(scripted(httpx.Response(status, json={"error": "x"}), OK))
    assert client.get(NUMBER["id"]).id == NUMBER["id"]
    assert len(server.requests) == 2
    assert server.sleeps == [INITIAL_BACKOFF]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 500, 501])
def test_other_statuses_are_not_retried(status: int) -> None:
    """Statuses that a retry cannot fix are raised after one request."""
    client, server = make_client(scripted(httpx.Response(status, json={"error": "x"}), OK))
    with pytest.raises(APIStatusError) as caught:
        client.get(NUMBER["id"])
    assert caught.value.status_code == status
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("x"), httpx.ReadTimeout("x"), httpx.RemoteProtocolError("x")],
)
def test_delete_is_retried_on_transport_failures(failure: Exception) -> None:
    """DELETE is idempotent, so a broken connection is worth another try."""
    client, server = make_client(scripted(failure, httpx.Response(200, json={})))
    client.delete(NUMBER["id"])
    assert server.paths() == [f"DELETE /api/v1/phone_number/{NUMBER['id']}/"] * 2


@pytest.mark.parametrize(
    "first",
    [httpx.ReadTimeout("x"), httpx.RemoteProtocolError("x"), httpx.Response(503, json={})],
)
def test_delete_retried_after_an_unclear_attempt_treats_404_as_done(
    first: httpx.Response | Exception,
) -> None:
    """A delete whose first attempt may have worked is done when the retry finds it gone."""
    client, server = make_client(scripted(first, httpx.Response(404, json={"error": "gone"})))
    client.delete(NUMBER["id"])
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    "first", [None, httpx.ConnectError("x"), httpx.Response(429, json={"error": "slow"})]
)
def test_delete_of_a_missing_number_is_still_not_found(
    first: httpx.Response | Exception | None,
) -> None:
    """A 404 with no earlier attempt that may have run is a real NotFoundError."""
    gone = httpx.Response(404, json={"error": "gone"})
    client, _ = make_client(scripted(gone) if first is None else scripted(first, gone))
    with pytest.raises(NotFoundError):
        client.delete(NUMBER["id"])


def test_max_retries_bounds_the_attempts_and_waits_grow() -> None:
    """With max_retries=3 the client sends four times, backing off exponentially, then raises."""
    client, server = make_client(
        scripted(httpx.Response(503, json={"error": "down"})), max_retries=3
    )
    with pytest.raises(ServerError):
        client.get(NUMBER["id"])
    assert len(server.requests) == 4
    assert server.sleeps == [INITIAL_BACKOFF, 2 * INITIAL_BACKOFF, 4 * INITIAL_BACKOFF]


def test_max_retries_zero_sends_once() -> None:
    """max_retries=0 turns retries off."""
    client, server = make_client(scripted(httpx.ConnectError("x")), max_retries=0)
    with pytest.raises(APIConnectionError):
        client.get(NUMBER["id"])
    assert len(server.requests) == 1
    assert server.sleeps == []


def test_retry_waits_what_retry_after_says() -> None:
    """A 429's Retry-After sets the wait instead of the backoff."""
    limited = httpx.Response(429, json={"error": "slow"}, headers={"Retry-After": "3"})
    client, server = make_client(scripted(limited, OK))
    client.get(NUMBER["id"])
    assert server.sleeps == [3.0]


def test_retry_waits_ratelimit_reset_when_spent() -> None:
    """Without Retry-After, a spent RateLimit header's reset sets the wait."""
    limited = httpx.Response(
        429, json={"error": "slow"}, headers={"RateLimit": "limit=10, remaining=0, reset=1.5"}
    )
    client, server = make_client(scripted(limited, OK))
    client.get(NUMBER["id"])
    assert server.sleeps[-1] == pytest.approx(1.5, abs=0.05)


def test_retry_waits_legacy_reset_header() -> None:
    """The older X-Rate-Limit-Reset header also sets the wait."""
    limited = httpx.Response(429, json={"error": "slow"}, headers={"X-Rate-Limit-Reset": "2"})
    client, server = make_client(scripted(limited, OK))
    client.get(NUMBER["id"])
    assert server.sleeps == [2.0]


def test_rate_limit_error_after_retries_exposes_retry_after() -> None:
    """When retries run out, the RateLimitError still says how long to wait."""
    limited = httpx.Response(429, json={"error": "slow"}, headers={"Retry-After": "2"})
    client, _ = make_client(scripted(limited), max_retries=1)
    with pytest.raises(RateLimitError) as caught:
        client.get(NUMBER["id"])
    assert caught.value.retry_after == 2.0


def test_update_is_retried_with_the_same_body() -> None:
    """A PUT retried after a 503 sends the very same partial body."""
    client, server = make_client(
        scripted(httpx.Response(503, json={"error": "x"}), httpx.Response(200, json=NUMBER))
    )
    client.update(NUMBER["id"], label="Sales")
    assert server.bodies() == [{"label": "Sales"}, {"label": "Sales"}]


def test_not_found_is_raised_at_once() -> None:
    """A 404 is final."""
    client, server = make_client(scripted(httpx.Response(404, json={"error": "gone"})))
    with pytest.raises(NotFoundError):
        client.get(NUMBER["id"])
    assert len(server.requests) == 1
