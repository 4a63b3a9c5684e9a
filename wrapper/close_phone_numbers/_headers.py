"""What a response's headers tell a caller: the request id and the rate-limit budget."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

# Close documents no request id header. These are the conventional names; whichever a
# response carries first is reported, so a support ticket can quote it.
REQUEST_ID_HEADERS = ("x-request-id", "request-id")


def request_id(headers: Mapping[str, str]) -> str | None:
    """The request id a response carries, if it has one of the conventional headers."""
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None


class RateLimit(NamedTuple):
    """Close's ``RateLimit: limit=N, remaining=N, reset=N`` header, for one endpoint group.

    ``reset`` is the number of seconds until the budget is full again.
    """

    limit: int
    remaining: int
    reset: float


def rate_limit(headers: Mapping[str, str]) -> RateLimit | None:
    """The ``RateLimit`` header of a response, or None when it is missing or unreadable."""
    value = headers.get("ratelimit")
    if value is None:
        return None
    parts = dict(part.strip().partition("=")[::2] for part in value.split(","))
    try:
        return RateLimit(int(parts["limit"]), int(parts["remaining"]), float(parts["reset"]))
    except (KeyError, ValueError):
        return None
