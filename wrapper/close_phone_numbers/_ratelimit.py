"""Throttling ahead of time: wait out a spent budget instead of collecting a 429."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from time import monotonic

from ._retry import MAX_SERVER_WAIT, parse_ratelimit


class Throttle:
    """Remembers, per endpoint group, until when Close said its budget is spent."""

    __slots__ = ("_blocked_until", "_clock", "_window")

    def __init__(self, clock: Callable[[], float] = monotonic) -> None:
        self._blocked_until: dict[str, float] = {}
        # Per group, the budget left and the earliest end of its window that Close announced.
        self._window: dict[str, tuple[int, float]] = {}
        self._clock = clock

    def wait_before(self, group: str) -> float:
        """Seconds to wait before the next request of ``group``; 0.0 when it may go now."""
        until = self._blocked_until.get(group)
        if until is None:
            return 0.0
        wait = until - self._clock()
        if wait <= 0:
            del self._blocked_until[group]
            return 0.0
        return wait

    def observe(self, group: str, headers: Mapping[str, str]) -> None:
        """Learn the budget of ``group`` from the ``RateLimit`` header of a response."""
        value = headers.get("ratelimit")
        if value is None:
            return
        state = parse_ratelimit(value)
        if state is None:
            return
        remaining, reset = state
        # A wait longer than the cap is left to the retry policy, which reports it.
        end = self._clock() + min(reset, MAX_SERVER_WAIT)
        seen = self._window.get(group)
        if seen is not None and remaining < seen[0]:
            # The budget shrank, so this answer belongs to the window of the one before. Each
            # answer bounds the window's end from above (``reset`` counts from when the server
            # answered, rounded up to whole seconds), so the earliest bound is the tightest;
            # waiting a full ``reset`` after the last answer would lose up to a second a window.
            end = min(end, seen[1])
        self._window[group] = (remaining, end)
        if remaining == 0:
            self._blocked_until[group] = end
        else:
            self._blocked_until.pop(group, None)
