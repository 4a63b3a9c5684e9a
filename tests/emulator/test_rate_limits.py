"""Rate limits per API key and endpoint group, with RateLimit and Retry-After."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from close_phone_emulator import Emulator

from .conftest import Api


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timed(clock: FakeClock) -> Iterator[Emulator]:
    """An emulator whose rate-limit windows follow `clock`."""
    with Emulator(clock=clock) as emu:
        yield emu


def test_every_answer_counts_down_the_ratelimit_header(alice: Api) -> None:
    """The default read budget is 60 a second; each request spends one."""
    headers = [alice.list().headers["ratelimit"] for _ in range(2)]
    assert headers == ["limit=60, remaining=59, reset=1", "limit=60, remaining=58, reset=1"]
    assert alice.get("phon_missing").headers["ratelimit"] == "limit=60, remaining=57, reset=1"


def test_a_spent_budget_is_a_429_with_retry_after(timed: Emulator) -> None:
    """After the limit, the group answers 429 with RateLimit, Retry-After and the old body."""
    timed.rate_limits.set(3, window=2.0)
    alice = Api(timed, timed.api_key_with_permission)
    assert [alice.list().status_code for _ in range(3)] == [200, 200, 200]
    response = alice.list()
    assert response.status_code == 429
    assert response.headers["retry-after"] == "2"
    assert response.headers["ratelimit"] == "limit=3, remaining=0, reset=2"
    assert response.json() == {
        "error": {
            "message": "API call count exceeded for this period",
            "rate_limit": 3,
            "rate_reset": 2,
            "rate_window": 1,
        }
    }


def test_the_budget_refills_when_the_window_ends(timed: Emulator, clock: FakeClock) -> None:
    """A 429 lasts until the window is over, then the full budget is back."""
    timed.rate_limits.set(1, window=1.0)
    alice = Api(timed, timed.api_key_with_permission)
    assert alice.list().status_code == 200
    clock.now += 0.5
    assert alice.list().status_code == 429
    clock.now += 0.5
    response = alice.list()
    assert (response.status_code, response.headers["ratelimit"]) == (
        200,
        "limit=1, remaining=0, reset=1",
    )


def test_budgets_are_per_key_and_per_endpoint_group(timed: Emulator) -> None:
    """Alice's spent read budget leaves Bob's reads and Alice's rents alone."""
    timed.rate_limits.set(1, group="read")
    alice = Api(timed, timed.api_key_with_permission)
    bob = Api(timed, timed.api_key_without_permission)
    assert [alice.list().status_code, alice.list().status_code] == [200, 429]
    assert bob.list().status_code == 200
    assert alice.rent({"country": "US"}).status_code == 201
    assert alice.get("phon_missing").status_code == 429


def test_a_limit_can_be_set_for_one_key(timed: Emulator) -> None:
    """A per-key limit applies to that key only."""
    timed.rate_limits.set(1, api_key=timed.api_key_without_permission)
    alice = Api(timed, timed.api_key_with_permission)
    bob = Api(timed, timed.api_key_without_permission)
    assert [bob.list().status_code, bob.list().status_code] == [200, 429]
    assert alice.list().headers["ratelimit"] == "limit=60, remaining=59, reset=1"


def test_reset_brings_back_the_default_limits(timed: Emulator) -> None:
    """Emulator.reset() restores the defaults and refills every budget."""
    timed.rate_limits.set(1)
    alice = Api(timed, timed.api_key_with_permission)
    alice.list()
    timed.reset()
    assert alice.list().headers["ratelimit"] == "limit=60, remaining=59, reset=1"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": 0}, "limit: use a whole number of requests, 1 or more"),
        ({"limit": 5, "window": 0}, "window: use a number of seconds above 0"),
        ({"limit": 5, "group": "search"}, "group: use one of read, write, rent, or None for all"),
    ],
)
def test_bad_limits_are_refused_with_the_field_named(
    emu: Emulator, kwargs: dict[str, object], message: str
) -> None:
    """RateLimits.set names the bad argument and what to use."""
    with pytest.raises(ValueError, match=message):
        emu.rate_limits.set(**kwargs)  # type: ignore[arg-type]
