"""Bounds on what a server can make the client do: message sizes, paging, waits, retries, and
one client shared by many threads."""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    CloseError,
    InvalidRequestError,
    PhoneNumbers,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    _pagination,
)
from close_phone_numbers._errors import MAX_MESSAGE_CHARS
from close_phone_numbers._ratelimit import Throttle
from close_phone_numbers._retry import MAX_RETRIES_LIMIT, MAX_SERVER_WAIT, MIN_RETRY_DELAY

from .conftest import API_KEY, make_async_client, make_client, number_json, page_json

NUMBER = number_json()


def _page(ids: list[str], *, has_more: bool = True) -> httpx.Response:
    return httpx.Response(200, json=page_json([number_json(id=i) for i in ids], has_more=has_more))


# Messages -----------------------------------------------------------------------------------


def test_a_ten_megabyte_error_message_is_capped_in_str_and_logs_but_whole_on_body(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """str(exc) and each log line hold at most the cap; .body keeps everything Close sent."""
    caplog.set_level(logging.DEBUG, logger="close_phone_numbers")
    huge = "x" * 10_000_000
    client, _ = make_client(lambda r: httpx.Response(503, json={"error": huge}), max_retries=1)
    with pytest.raises(ServerError) as caught:
        client.get(NUMBER["id"])
    assert len(str(caught.value)) <= MAX_MESSAGE_CHARS
    assert caught.value.body == {"error": huge}
    assert caplog.records
    assert all(len(r.getMessage()) <= MAX_MESSAGE_CHARS + 200 for r in caplog.records)


def test_a_huge_rent_refusal_message_is_capped_too() -> None:
    """A refused rent's .message and str are capped as well."""
    body = {"status": "error", "error": "y" * 100_000}
    client, _ = make_client(lambda r: httpx.Response(400, json=body))
    with pytest.raises(CloseError) as caught:
        client.rent("US")
    assert len(str(caught.value)) <= MAX_MESSAGE_CHARS
    assert len(getattr(caught.value, "message", "")) <= MAX_MESSAGE_CHARS


# Paging -------------------------------------------------------------------------------------


def _alternating() -> Any:
    pages = itertools.cycle([["phon_a1", "phon_a2"], ["phon_b1", "phon_b2"]])
    return lambda request: _page(next(pages))


def test_pages_alternating_a_b_a_end_with_an_error_and_never_repeat_a_number() -> None:
    """A, B, A: the third page repeats numbers yielded two pages back; nothing comes twice."""
    client, _ = make_client(_alternating())
    numbers = client.list(page_size=2)
    seen = [next(numbers).id for _ in range(4)]
    with pytest.raises(UnexpectedResponseError, match="repeats numbers"):
        next(numbers)
    assert seen == ["phon_a1", "phon_a2", "phon_b1", "phon_b2"]


def test_async_pages_alternating_a_b_a_end_with_an_error() -> None:
    """The asyncio client stops the same way."""

    async def run() -> list[str]:
        client, _ = make_async_client(_alternating())
        numbers = client.list(page_size=2)
        seen = [(await anext(numbers)).id for _ in range(4)]
        with pytest.raises(UnexpectedResponseError):
            await anext(numbers)
        return seen

    assert asyncio.run(run()) == ["phon_a1", "phon_a2", "phon_b1", "phon_b2"]


@pytest.mark.parametrize(
    "second",
    [["phon_3", "phon_1"], ["phon_3", "phon_3"], ["phon_1", "phon_3"]],
    ids=["repeat-in-the-middle", "twice-in-a-page", "repeat-not-the-last"],
)
def test_repeats_that_no_insert_explains_end_with_an_error(second: list[str]) -> None:
    """Only the last numbers yielded may come again, at the start of a page, in order."""
    pages = iter([_page(["phon_1", "phon_2"]), _page(second, has_more=False)])
    client, server = make_client(lambda request: next(pages))
    numbers = client.list(page_size=2)
    assert [next(numbers).id, next(numbers).id] == ["phon_1", "phon_2"]
    with pytest.raises(UnexpectedResponseError, match=r"repeats numbers|twice"):
        next(numbers)
    assert len(server.requests) == 2


def test_endless_new_ids_stop_at_the_documented_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """has_more true for ever, with new ids each page, ends after MAX_LISTED_NUMBERS."""
    monkeypatch.setattr(_pagination, "MAX_LISTED_NUMBERS", 50)
    counter = itertools.count()

    def endless(request: httpx.Request) -> httpx.Response:
        return _page([f"phon_{next(counter)}" for _ in range(10)])

    client, _ = make_client(endless)
    numbers = client.list(page_size=10)
    with pytest.raises(UnexpectedResponseError, match="has_more was still true after 50"):
        for _ in itertools.islice(numbers, 1_000):
            pass


# Waits and retries --------------------------------------------------------------------------


@pytest.mark.parametrize("reset", ["inf", "1e9", "1e400"])
def test_a_spent_budget_with_an_absurd_reset_is_not_waited_out_silently(
    reset: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The throttle does not wait; it warns, and the 429 that follows raises RateLimitError."""
    caplog.set_level(logging.WARNING, logger="close_phone_numbers")
    spent = {"ratelimit": f"limit=60, remaining=0, reset={reset}"}
    answers = iter([httpx.Response(200, json=NUMBER, headers=spent)])

    def handler(request: httpx.Request) -> httpx.Response:
        return next(answers, httpx.Response(429, json={"error": "slow"}, headers=spent))

    client, server = make_client(handler)
    client.get(NUMBER["id"])
    with pytest.raises(RateLimitError):
        client.get(NUMBER["id"])
    assert server.sleeps == []
    assert len(server.requests) == 2
    warnings = [r.getMessage() for r in caplog.records]
    assert any("not waiting" in w for w in warnings)
    assert any("raising instead of retrying" in w for w in warnings)


@pytest.mark.parametrize("reset", ["nan", "NaN"])
def test_a_429_whose_reset_is_nan_is_retried_after_the_usual_backoff(reset: str) -> None:
    """A NaN reset is a malformed header, not a wait too long to retry: back off and retry."""
    spent = {"ratelimit": f"limit=60, remaining=0, reset={reset}"}
    answers = iter([httpx.Response(429, headers=spent)])
    client, server = make_client(lambda r: next(answers, httpx.Response(200, json=NUMBER)))
    assert client.get(NUMBER["id"]).id == NUMBER["id"]
    assert len(server.sleeps) == 1
    assert not math.isnan(server.sleeps[0])
    assert server.sleeps[0] >= MIN_RETRY_DELAY


def test_retry_after_zero_is_not_a_tight_loop() -> None:
    """Retry-After: 0 on every 429, with the most retries allowed: each wait has a floor."""
    client, server = make_client(
        lambda r: httpx.Response(429, headers={"retry-after": "0"}), max_retries=MAX_RETRIES_LIMIT
    )
    with pytest.raises(RateLimitError):
        client.get(NUMBER["id"])
    assert len(server.sleeps) == MAX_RETRIES_LIMIT
    assert min(server.sleeps) >= MIN_RETRY_DELAY


def test_max_retries_has_a_ceiling() -> None:
    """Up to MAX_RETRIES_LIMIT is accepted; more is refused when the client is made."""
    PhoneNumbers(api_key=API_KEY, max_retries=MAX_RETRIES_LIMIT)
    with pytest.raises(InvalidRequestError, match=f"0 to {MAX_RETRIES_LIMIT}"):
        PhoneNumbers(api_key=API_KEY, max_retries=MAX_RETRIES_LIMIT + 1)


def test_retry_after_as_a_date_counts_from_the_servers_clock() -> None:
    """A server clock an hour ahead: Retry-After = its Date + 5 s means a 5 s wait."""
    ahead = datetime.now(UTC) + timedelta(hours=1)
    headers = {
        "date": format_datetime(ahead, usegmt=True),
        "retry-after": format_datetime(ahead + timedelta(seconds=5), usegmt=True),
    }
    answers = iter([httpx.Response(429, headers=headers)])
    client, server = make_client(lambda r: next(answers, httpx.Response(200, json=NUMBER)))
    client.get(NUMBER["id"])
    assert server.sleeps == [pytest.approx(5.0, abs=1.0)]
    assert server.sleeps[0] < MAX_SERVER_WAIT


# Threads ------------------------------------------------------------------------------------


@pytest.fixture
def heavy_switching() -> Iterator[None]:
    """Threads switch every microsecond, to make races show."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def _yielding_clock() -> float:
    time.sleep(0)  # hand the interpreter to another thread between read and write
    return time.monotonic()


def _run_threads(work: Any, count: int = 8) -> list[BaseException]:
    failures: list[BaseException] = []
    start = threading.Barrier(count)

    def run() -> None:
        start.wait()
        try:
            work()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


@pytest.mark.usefixtures("heavy_switching")
def test_one_throttle_shared_by_eight_threads_never_raises() -> None:
    """Expired blocks are cleared by whichever thread sees them first, without a KeyError."""
    throttle = Throttle(clock=_yielding_clock)
    spent = {"ratelimit": "limit=60, remaining=0, reset=0"}

    def work() -> None:
        for _ in range(300):
            throttle.observe("get", spent)
            throttle.wait_before("get")

    assert _run_threads(work) == []


@pytest.mark.usefixtures("heavy_switching")
def test_one_client_shared_by_eight_threads_never_raises_a_raw_error() -> None:
    """Eight threads on one client, each answer spending the budget for no time at all."""
    spent = {"ratelimit": "limit=60, remaining=0, reset=0"}
    client, _ = make_client(lambda r: httpx.Response(200, json=NUMBER, headers=spent))
    client._core.policy.throttle = Throttle(clock=_yielding_clock)

    def work() -> None:
        for _ in range(60):
            assert client.get(NUMBER["id"]).id == NUMBER["id"]

    assert _run_threads(work) == []
