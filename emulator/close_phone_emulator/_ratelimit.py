"""Rate limits per API key and endpoint group, in fixed windows."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

GROUPS = {
    "listPhoneNumbers": "read",
    "getPhoneNumber": "read",
    "updatePhoneNumber": "write",
    "deletePhoneNumber": "write",
    "rentPhoneNumber": "rent",
    "getMe": "read",
}
# Budgets per key and second; Close's own are of this order.
DEFAULTS = {"read": 60, "write": 60, "rent": 20}
# A day: longer windows are surely typos, and inf or NaN would break the arithmetic.
_MAX_WINDOW = 86_400


@dataclass(frozen=True)
class Budget:
    """The state of one budget after a request: what the RateLimit header says."""

    allowed: bool
    limit: int
    remaining: int
    reset: int

    @property
    def header(self) -> str:
        return f"limit={self.limit}, remaining={self.remaining}, reset={self.reset}"


class RateLimits:
    """Configurable limits; a request spends one unit of its key's budget for its group."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._limits: dict[tuple[str | None, str], tuple[int, float]] = {}
        self._windows: dict[tuple[str, str], tuple[float, int]] = {}
        self.reset()

    def reset(self) -> None:
        """The default limits, and every budget full again."""
        self._limits = {(None, group): (limit, 1.0) for group, limit in DEFAULTS.items()}
        self._windows.clear()

    def reset_counters(self) -> None:
        """Every budget full again; the limits stay."""
        self._windows.clear()

    def set(
        self,
        limit: int,
        *,
        window: float = 1.0,
        group: str | None = None,
        api_key: str | None = None,
    ) -> None:
        """Allow `limit` requests per `window` seconds, for one group or all, one key or all."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError("limit: use a whole number of requests, 1 or more")
        if (
            isinstance(window, bool)
            or not isinstance(window, int | float)
            or not 0 < window <= _MAX_WINDOW
        ):
            raise ValueError(f"window: use a number of seconds above 0, at most {_MAX_WINDOW:,}")
        if group is not None and (not isinstance(group, str) or group not in DEFAULTS):
            raise ValueError(f"group: use one of {', '.join(DEFAULTS)}, or None for all")
        if api_key is not None and not isinstance(api_key, str):
            raise ValueError("api_key: use an API key string, or None for every key")
        for name in [group] if group else list(DEFAULTS):
            self._limits[(api_key, name)] = (limit, float(window))
        self._windows.clear()

    def limit_for(self, group: str, api_key: str) -> tuple[int, float]:
        """The (limit, window seconds) that applies to `api_key` in `group`."""
        return self._limits.get((api_key, group)) or self._limits[(None, group)]

    def spend(self, group: str, api_key: str) -> Budget:
        """Spend one request of the budget, or report it spent."""
        limit, window = self.limit_for(group, api_key)
        now = self._clock()
        key = (api_key, group)
        start, used = self._windows.get(key, (now, 0))
        if now >= start + window:
            start, used = now, 0
        reset = max(1, math.ceil(start + window - now))
        if used >= limit:
            return Budget(False, limit, 0, reset)
        self._windows[key] = (start, used + 1)
        return Budget(True, limit, limit - used - 1, reset)
