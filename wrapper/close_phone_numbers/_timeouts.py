"""Per-call timeouts on a shared httpx client: what `with_options(timeout=...)` sets.

A configured copy shares its parent's httpx client (and so its connection pool), so its
timeout cannot live on that client. The copy sets it in a context variable for the length
of each call instead, and a request event hook puts it on every request the call sends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx

_TIMEOUT: ContextVar[httpx.Timeout | None] = ContextVar("close_timeout", default=None)


def apply_timeout(request: httpx.Request) -> None:
    """Request hook of sync clients: the timeout of the call in progress, if it has one."""
    timeout = _TIMEOUT.get()
    if timeout is not None:
        request.extensions["timeout"] = timeout.as_dict()


async def apply_timeout_async(request: httpx.Request) -> None:
    """Request hook of async clients: the timeout of the call in progress, if it has one."""
    apply_timeout(request)


@contextmanager
def timeout_of_call(timeout: httpx.Timeout | None) -> Iterator[None]:
    """Within the block, requests use ``timeout``; None leaves the httpx client's own."""
    if timeout is None:
        yield
        return
    token = _TIMEOUT.set(timeout)
    try:
        yield
    finally:
        _TIMEOUT.reset(token)
