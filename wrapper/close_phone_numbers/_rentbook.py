"""The per-client record of rents: who the caller is, what its calls got, what is still out."""

from __future__ import annotations

import threading
from typing import Literal


class RentBook:
    """What one client knows about its rents, shared by its threads and tasks.

    Its user (from ``GET /me/``), the ids its rents returned, and how many rents are out
    (sent, outcome not known yet) and how many unclear rents are being looked up. A lookup
    claims a number only when no other rent of the client is out, under the lock, so a
    number cannot be handed to two calls.
    """

    __slots__ = ("_claimed", "_lock", "_looking", "_out", "user_id")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._claimed: set[str] = set()
        self._out = 0
        self._looking = 0
        self.user_id: str | None = None

    def sent(self) -> None:
        with self._lock:
            self._out += 1

    def settled(self, number_id: str | None = None) -> None:
        """A rent's outcome is known; its number, if it got one directly, is taken."""
        with self._lock:
            self._out -= 1
            if number_id is not None:
                self._claimed.add(number_id)

    def claimed(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._claimed)

    def claim(self, number_id: str) -> Literal["ok", "taken", "busy"]:
        """Take a number found by a lookup, unless taken or another rent is still out."""
        with self._lock:
            if number_id in self._claimed:
                return "taken"
            if self._out:
                return "busy"
            self._claimed.add(number_id)
            return "ok"

    def looking(self, change: int) -> int:
        """Count a lookup in (+1) or out (-1); how many are running now."""
        with self._lock:
            self._looking += change
            return self._looking

    def busy(self) -> bool:
        """Whether another call of the client may still change what a lookup finds."""
        with self._lock:
            return self._out > 0 or self._looking > 1
