"""httpx transports that run the emulator in process, sync and async.

They behave like the network where it matters to a client under test: a dropped
connection raises `httpx.RemoteProtocolError`, a cut body raises it while reading,
and an answer slower than the read timeout raises `httpx.ReadTimeout`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import httpx

App = Callable[
    [
        MutableMapping[str, Any],
        Callable[[], Awaitable[MutableMapping[str, Any]]],
        Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ],
    Awaitable[None],
]


@dataclass
class _Outcome:
    status: int | None = None
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    chunks: list[bytes] = field(default_factory=list)
    complete: bool = False


async def _run(app: App, request: httpx.Request, body: bytes) -> _Outcome:
    outcome = _Outcome()
    done = asyncio.Event()
    sent_body = False
    url = request.url
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "scheme": url.scheme,
        "path": unquote(url.path),
        "raw_path": url.raw_path.split(b"?")[0],
        "query_string": url.query,
        "root_path": "",
        "headers": [(k.lower(), v) for k, v in request.headers.raw],
        "server": (url.host, url.port or (443 if url.scheme == "https" else 80)),
        "client": ("127.0.0.1", 50000),
    }

    async def receive() -> MutableMapping[str, Any]:
        nonlocal sent_body
        if not sent_body:
            sent_body = True
            return {"type": "http.request", "body": body, "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            outcome.status = message["status"]
            outcome.headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            outcome.chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                outcome.complete = True
                done.set()

    try:
        await app(scope, receive, send)
    finally:
        done.set()
    return outcome


def _response(outcome: _Outcome, request: httpx.Request) -> httpx.Response:
    if outcome.status is None:
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    if outcome.complete:
        return httpx.Response(
            outcome.status, headers=outcome.headers, content=b"".join(outcome.chunks)
        )
    return httpx.Response(
        outcome.status, headers=outcome.headers, stream=_CutStream(outcome.chunks, request)
    )


class _CutStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body whose connection closed early: the bytes that came, then an error."""

    def __init__(self, chunks: list[bytes], request: httpx.Request) -> None:
        self._chunks = chunks
        self._request = request

    def _error(self) -> httpx.RemoteProtocolError:
        return httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body",
            request=self._request,
        )

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks
        raise self._error()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk
        raise self._error()


def _read_timeout(request: httpx.Request) -> float | None:
    timeout: Any = request.extensions.get("timeout", {}).get("read")
    return float(timeout) if timeout is not None else None


class EmulatorTransport(httpx.BaseTransport):
    """Runs the ASGI app on an event loop in a helper thread, one per transport.

    A thread rather than `asyncio.run` per request: the caller may itself be inside
    a running event loop, and a long-lived loop is faster.
    """

    def __init__(self, app: App) -> None:
        self._app = app
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=loop.run_forever, name="close-phone-emulator", daemon=True
                )
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        loop = self._running_loop()
        future = asyncio.run_coroutine_threadsafe(_run(self._app, request, body), loop)
        try:
            outcome = future.result(_read_timeout(request))
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise httpx.ReadTimeout(
                "The emulator did not answer in time.", request=request
            ) from None
        return _response(outcome, request)

    def close(self) -> None:
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=5)
            loop.close()


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    """Runs the ASGI app in the caller's asyncio event loop."""

    def __init__(self, app: App) -> None:
        self._app = app

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        try:
            outcome = await asyncio.wait_for(_run(self._app, request, body), _read_timeout(request))
        except TimeoutError:
            raise httpx.ReadTimeout(
                "The emulator did not answer in time.", request=request
            ) from None
        return _response(outcome, request)
