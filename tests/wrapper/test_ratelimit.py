"""Throttling ahead of time: a spent budget is waited out before the next request of its group."""

from __future__ import annotations

import httpx
import pytest
from close_phone_numbers._ratelimit import Throttle

from .conftest import make_client, number_json, page_json

NUMBER = number_json()


class Clock:
    """A clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_spent_budget_blocks_only_its_group_until_reset() -> None:
    """remaining=0 makes the group wait for reset; other groups go at once."""
    clock = Clock()
    throttle = Throttle(clock)
    throttle.observe("get", httpx.Headers({"RateLimit": "limit=5, remaining=0, reset=2"}))
    assert throttle.wait_before("get") == 2.0
    assert throttle.wait_before("list") == 0.0
    clock.now += 1.5
    assert throttle.wait_before("get") == pytest.approx(0.5)
    clock.now += 1.0
    assert throttle.wait_before("get") == 0.0


def test_budget_left_clears_the_block() -> None:
    """A later response with budget left lifts the wait."""
    throttle = Throttle(Clock())
    throttle.observe("get", httpx.Headers({"RateLimit": "limit=5, remaining=0, reset=2"}))
    throttle.observe("get", httpx.Headers({"RateLimit": "limit=5, remaining=4, reset=1"}))
    assert throttle.wait_before("get") == 0.0


def test_missing_or_malformed_header_changes_nothing() -> None:
    """Responses without a readable RateLimit header leave the state alone."""
    throttle = Throttle(Clock())
    throttle.observe("get", httpx.Headers({}))
    throttle.observe("get", httpx.Headers({"RateLimit": "nonsense"}))
    assert throttle.wait_before("get") == 0.0


def test_client_waits_before_the_next_request_instead_of_collecting_a_429() -> None:
    """After remaining=0 the client sleeps for reset, then sends; no 429 is needed."""
    answers = iter(
        [
            httpx.Response(
                200, json=NUMBER, headers={"RateLimit": "limit=2, remaining=0, reset=3"}
            ),
            httpx.Response(
                200, json=NUMBER, headers={"RateLimit": "limit=2, remaining=1, reset=1"}
            ),
        ]
    )
    client, server = make_client(lambda request: next(answers))
    client.get(NUMBER["id"])
    assert server.sleeps == []
    client.get(NUMBER["id"])
    assert len(server.requests) == 2
    assert len(server.sleeps) == 1
    assert server.sleeps[0] == pytest.approx(3.0, abs=0.1)


def test_spent_get_budget_does_not_slow_down_listing() -> None:
    """Budgets are per endpoint group: a spent get budget does not delay a list."""
    spent = {"RateLimit": "limit=2, remaining=0, reset=3"}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/phone_number/"):
            return httpx.Response(200, json=page_json([NUMBER], has_more=False))
        return httpx.Response(200, json=NUMBER, headers=spent)

    client, server = make_client(handler)
    client.get(NUMBER["id"])
    assert [n.id for n in client.list()] == [NUMBER["id"]]
    assert server.sleeps == []
