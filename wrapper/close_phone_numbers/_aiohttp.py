"""`DefaultAioHttpClient`: an httpx.AsyncClient that sends through aiohttp.

httpx's own async pool costs more CPU per request than aiohttp's. With many requests in
flight that CPU is the bottleneck (bench/: 1,000 gets, 50 in flight), so this client keeps
httpx's interface, and with it every plan of the library, and hands the sockets to aiohttp
through `httpx-aiohttp` (the `aiohttp` extra)::

    async with DefaultAioHttpClient() as http, AsyncPhoneNumbers(http_client=http) as numbers:
        ...

httpx-aiohttp reports every dropped connection as `httpx.ConnectTimeout`, even one that
broke after the request was written. The library reads ConnectTimeout as "never sent" and
would send a rent again, so this transport keeps that name for connections that never
opened and reports the others as `httpx.RemoteProtocolError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx

from . import _http
from ._constants import DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT
from ._errors import InvalidRequestError

# More idle connections than requests in flight only cost: each one is another socket
# aiohttp keeps polling (bench/README.md measured 50 keep-alive connections slower than 10).
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

EXTRA_HINT = "install the aiohttp extra: pip install 'close-phone-numbers[aiohttp]'"


def reclassify(exc: httpx.TransportError) -> httpx.TransportError:
    """The httpx error that says truthfully whether the request can have reached the server."""
    import aiohttp

    if not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return exc
    cause = exc.__cause__
    if isinstance(cause, aiohttp.ConnectionTimeoutError):
        return exc if isinstance(exc, httpx.ConnectTimeout) else httpx.ConnectTimeout(str(exc))
    if isinstance(cause, aiohttp.ClientConnectorError):
        return exc if isinstance(exc, httpx.ConnectError) else httpx.ConnectError(str(exc))
    return httpx.RemoteProtocolError(f"the connection broke: {exc}")


class _Stream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except httpx.TransportError as exc:
            raise reclassify(exc) from exc

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        except httpx.TransportError as exc:
            raise reclassify(exc) from exc


def _transport(**options: Any) -> httpx.AsyncBaseTransport:
    try:
        from httpx_aiohttp import AiohttpTransport
    except ImportError as exc:
        raise InvalidRequestError("http_client", f"DefaultAioHttpClient: {EXTRA_HINT}") from exc

    class Transport(AiohttpTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            try:
                response = await super().handle_async_request(request)
            except httpx.TransportError as exc:
                raise reclassify(exc) from exc
            assert isinstance(response.stream, httpx.AsyncByteStream)
            response.stream = _Stream(response.stream)
            return response

    return Transport(**options)


class DefaultAioHttpClient(_http.AsyncClient):
    """An httpx.AsyncClient over aiohttp, with this package's timeouts; pass it as ``http_client``.

    Takes httpx.AsyncClient's keyword arguments (``limits``, ``verify``, ``trust_env``, ...).
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "timeout", httpx.Timeout(DEFAULT_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
        )
        if "transport" not in kwargs:
            kwargs["transport"] = _transport(
                verify=kwargs.get("verify", True),
                trust_env=kwargs.get("trust_env", True),
                limits=kwargs.pop("limits", DEFAULT_LIMITS),
            )
        super().__init__(**kwargs)
