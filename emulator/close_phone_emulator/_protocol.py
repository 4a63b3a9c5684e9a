"""uvicorn's HTTP protocols with a deadline and a size cap on reading a request's head.

uvicorn arms its keep-alive timer only after an answer, so a client that connects and
sends nothing, or sends a request line and then a byte now and then, holds a
connection for ever. Here every wait for a request's headers has a deadline (from the
connection's start, or from the first byte after an answer); a connection that misses
it is closed. Headers larger than `MAX_HEADER_BYTES` are answered 431 and closed (h11
caps them itself; httptools would buffer them without bound).

httptools is used when it is installed (uvicorn's "auto"), h11 otherwise.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal, cast

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
"""Seconds a client has to send a request's headers."""
KEEP_ALIVE_TIMEOUT = 5
"""Seconds an idle keep-alive connection stays open after an answer."""
MAX_HEADER_BYTES = 64 * 1024
"""The most a request line and headers may take."""

HttpParser = Literal["auto", "httptools", "h11"]
_TOO_LARGE = b'{"error":"The request headers are too large."}'


class _HeadGuard(asyncio.Protocol):
    """Put before a uvicorn protocol class in the bases."""

    header_timeout = HEADER_TIMEOUT
    max_header_bytes = MAX_HEADER_BYTES
    _deadline: asyncio.TimerHandle | None = None
    _head_bytes = 0
    _link: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._link = cast(asyncio.Transport, transport)  # uvloop's are not subclasses
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._reading_head():
            self._disarm()
            self._head_bytes = 0
            return
        self._head_bytes += len(data)
        if self._head_bytes > self.max_header_bytes and self._link is not None:
            self._link.write(
                b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                b"content-type: application/json\r\nconnection: close\r\n"
                b"content-length: %d\r\n\r\n%s" % (len(_TOO_LARGE), _TOO_LARGE)
            )
            self._close()
        elif self._deadline is None:
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _reading_head(self) -> bool:
        """True unless a request's headers have arrived and its answer is not done."""
        cycle: Any = getattr(self, "cycle", None)
        return cycle is None or bool(cycle.response_complete)

    def _arm(self) -> None:
        loop = asyncio.get_running_loop()
        self._deadline = loop.call_later(self.header_timeout, self._close)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _close(self) -> None:
        self._disarm()
        if self._link is not None and not self._link.is_closing():
            self._link.close()


class _GuardedH11(_HeadGuard, H11Protocol):
    pass


def has_httptools() -> bool:
    """Whether httptools imports (as uvicorn's "auto" decides; being there is not enough)."""
    try:
        import httptools  # noqa: F401
    except ImportError:
        return False
    return True


def protocol_class(
    parser: HttpParser = "auto",
    *,
    header_timeout: float = HEADER_TIMEOUT,
    max_header_bytes: int = MAX_HEADER_BYTES,
) -> type[asyncio.Protocol]:
    """The guarded protocol class for uvicorn's `http=`: httptools when "auto" finds it."""
    base: type[asyncio.Protocol] = _GuardedH11
    if parser == "httptools" or (parser == "auto" and has_httptools()):
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        base = type("_GuardedHttpTools", (_HeadGuard, HttpToolsProtocol), {})
    settings = {"header_timeout": header_timeout, "max_header_bytes": max_header_bytes}
    return type(base.__name__, (base,), settings)


def server_config(
    app: Any,
    *,
    parser: HttpParser = "auto",
    header_timeout: float = HEADER_TIMEOUT,
    keep_alive_timeout: int = KEEP_ALIVE_TIMEOUT,
    **options: Any,
) -> uvicorn.Config:
    """A uvicorn configuration serving `app` with the guarded protocol."""
    http = protocol_class(parser, header_timeout=header_timeout)
    return uvicorn.Config(
        app,
        http=http,
        timeout_keep_alive=keep_alive_timeout,
        access_log=False,
        log_level="warning",
        **options,
    )
