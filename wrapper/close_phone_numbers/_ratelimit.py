"""Throttling ahead of time: wait out a spent budget instead of collecting a 429."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from time import monotonic

from ._constants import logger
from ._retry import MAX_SERVER_WAIT, parse_ratelimit


class Throttle:
    """Remembers, per endpoint group, until when Close said its budget is spent.

    One throttle serves every thread (and task) of a client, so its state changes under a
    lock; nothing blocking happens while it is held.
    """

    __slots__ = ("_blocked_until", "_clock", "_lock", "_window")

    def __init__(self, clock: Callable[[], float] = monotonic) -> None:
        self._blocked_until: dict[str, float] = {}
        # Per group, the budget left and the earliest end of its window that Close announced.
        self._window: dict[str, tuple[int, float]] = {}
        self._clock = clock
        self._lock = threading.Lock()

    def wait_before(self, group: str) -> float:
        """Seconds to wait before the next request of ``group``; 0.0 when it may go now."""
        if group not in self._blocked_until:  # the usual case; a lookup needs no lock
            return 0.0
        with self._lock:
            until = self._blocked_until.get(group)
            if until is None:
                return 0.0
            wait = until - self._clock()
            if wait <= 0:
                self._blocked_until.pop(group, None)
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
        if remaining == 0 and reset > MAX_SERVER_WAIT:
            # Not waited out ahead: the next request goes, and the 429 it gets raises a
            # RateLimitError saying how long Close asked for.
            logger.warning(
                "rate-limit budget of %s spent for %s s, more than the %.0f s this client "
                "waits; not waiting",
                group,
                f"{reset:.0f}",
                MAX_SERVER_WAIT,
            )
            with self._lock:
                self._blocked_until.pop(group, None)
                self._window.pop(group, None)
            return
        with self._lock:
            self._learn(group, remaining, reset)

    def _learn(self, group: str, remaining: int, reset: float) -> None:
        end = self._clock() + reset
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
