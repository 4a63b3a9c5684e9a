"""Throttling waits for the end of Close's window, which the earliest answer in it pins down."""

from __future__ import annotations

import httpx
import pytest
from close_phone_numbers._ratelimit import Throttle


class Clock:
    """A clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _answer(throttle: Throttle, remaining: int, reset: int) -> None:
    header = f"limit=20, remaining={remaining}, reset={reset}"
    throttle.observe("get", httpx.Headers({"RateLimit": header}))


def test_spent_budget_waits_from_the_first_answer_of_its_window() -> None:
    """The wait ends where the window's first answer said, not a full reset after the last."""
    clock = Clock()
    throttle = Throttle(clock)
    _answer(throttle, remaining=19, reset=1)  # the window ends by 101.0
    clock.now = 100.3
    _answer(throttle, remaining=0, reset=1)  # whole seconds: this alone would say 101.3
    assert throttle.wait_before("get") == pytest.approx(0.7)


def test_a_budget_that_grew_starts_a_new_window() -> None:
    """After the budget refills, ends announced in the old window no longer count."""
    clock = Clock()
    throttle = Throttle(clock)
    _answer(throttle, remaining=1, reset=1)  # old window, ends by 101.0
    clock.now = 101.2
    _answer(throttle, remaining=19, reset=1)  # a new window, ends by 102.2
    clock.now = 101.5
    _answer(throttle, remaining=0, reset=1)
    assert throttle.wait_before("get") == pytest.approx(0.7)


def test_repeated_spent_answers_keep_the_later_end() -> None:
    """Two answers with nothing left (a 429 after a spent budget) do not shorten the wait."""
    clock = Clock()
    throttle = Throttle(clock)
    _answer(throttle, remaining=0, reset=2)  # ends by 102.0
    clock.now = 101.0
    _answer(throttle, remaining=0, reset=2)  # not a smaller budget: take 103.0
    assert throttle.wait_before("get") == pytest.approx(2.0)
