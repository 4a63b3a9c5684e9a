"""The httpx clients this package makes for itself, when the user does not bring one.

The generated client passes ``params`` on every request, an empty dict when there is no
query. httpx then parses and rebuilds the URL once more (about 50 µs here, some 6% of a
``get``), so these clients treat an empty query as none. A client the user brings is
used as it is.

Every response, whichever client carries it, has its body capped at `MAX_BODY_BYTES` as
it is read (`cap_body`, from the package's response hook): a server that never ends a
body must not fill the memory of the process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Final

import httpx

# The most bytes of one body read off the wire. A page of 100 numbers is some 150 kB, so
# only a broken or hostile server comes near it.
MAX_BODY_BYTES: Final = 32 * 1024 * 1024


class BodyTooLargeError(httpx.DecodingError):
    """A response body went on past `MAX_BODY_BYTES`; the rest of it was not read."""


class _CappedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response's byte stream that fails once more than ``limit`` bytes have come."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, limit: int) -> None:
        self._inner = inner
        self._limit = limit
        self._read = 0

    def _count(self, chunk: bytes) -> bytes:
        self._read += len(chunk)
        if self._read > self._limit:
            raise BodyTooLargeError(f"the body is larger than {self._limit:,} bytes; not read")
        return chunk

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._inner, httpx.SyncByteStream)
        for chunk in self._inner:
            yield self._count(chunk)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        async for chunk in self._inner:
            yield self._count(chunk)

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()


def cap_body(response: httpx.Response) -> None:
    """Make reading ``response``'s body fail past `MAX_BODY_BYTES` (before it is read)."""
    stream = response.stream
    if isinstance(stream, httpx.SyncByteStream | httpx.AsyncByteStream) and not isinstance(
        stream, _CappedBody
    ):
        response.stream = _CappedBody(stream, MAX_BODY_BYTES)


class Client(httpx.Client):
    """httpx.Client that skips the URL rebuild for an empty query."""

    def build_request(
        self, method: str, url: httpx.URL | str, *, params: Any = None, **kwargs: Any
    ) -> httpx.Request:
        return super().build_request(method, url, params=params or None, **kwargs)


class AsyncClient(httpx.AsyncClient):
    """httpx.AsyncClient that skips the URL rebuild for an empty query."""

    def build_request(
        self, method: str, url: httpx.URL | str, *, params: Any = None, **kwargs: Any
    ) -> httpx.Request:
        return super().build_request(method, url, params=params or None, **kwargs)
