"""The validating proxy: a team's own traffic forwarded to a target, every exchange judged.

Requests are forwarded unchanged (credentials included) to the target's origin at the
same path, and the target's answer goes back unchanged. Each exchange then goes through
the `Validator` every verification uses and into one `Report`; violations print as they
happen. Whatever is printed or written is first redacted of every credential the
proxied requests carried, in each form it takes on the wire.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import uvicorn
from close_phone_emulator import listening_socket
from close_phone_numbers._redact import redact, secrets_of_authorization

from ._exchange import Exchange
from ._report import Report, curl
from ._runner import REQUEST_CHECKS, RESPONSE_CHECKS
from ._validate import Finding, Validator

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# Headers that describe one connection, not the message: never forwarded either way.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "content-length",
        "host",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
# The request headers kept in an exchange: none that can carry a credential.
_KEPT_REQUEST_HEADERS = frozenset({"accept", "content-type"})


class Proxy:
    """The ASGI application: forward, judge, answer."""

    def __init__(
        self,
        target: str,
        validator: Validator,
        report: Report,
        emit: Callable[[str], Any],
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        split = urlsplit(target)
        self.target = target
        self.origin = f"{split.scheme}://{split.netloc}"
        self.root = split.path.rstrip("/")
        self.validator = validator
        self.report = report
        self._emit = emit
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._secrets: set[str] = set()
        self.exchanges = 0

    def say(self, text: str) -> None:
        """Print `text`, every credential seen so far blanked out."""
        self._emit(self.redact(text))

    def redact(self, text: str) -> str:
        return redact(text, sorted(self._secrets, key=len, reverse=True))

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        body = await _read_body(receive)
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        for name, value in headers:
            if name.lower() == "authorization":
                self._secrets.update(secrets_of_authorization(value))
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        query = scope.get("query_string", b"").decode("latin-1")
        url = self.origin + raw_path + (f"?{query}" if query else "")
        method = scope["method"]
        forwarded = [(k, v) for k, v in headers if k.lower() not in HOP_BY_HOP]
        client = self._http()
        try:
            request = client.build_request(method, url, headers=forwarded, content=body)
            response = await client.send(request, stream=True)
            try:
                content = b"".join([chunk async for chunk in response.aiter_raw()])
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            self.say(f"proxy: {method} {scope['path']}: no answer from the target ({exc!r})")
            error = json.dumps({"error": f"close-phone-numbers proxy: {type(exc).__name__}"})
            await _answer(send, 502, [("content-type", "application/json")], error.encode())
            return
        # Judged before the answer goes back, so that a caller that has its answer also
        # has its findings printed (the check takes a millisecond or two).
        try:
            self._judge(method, scope["path"], query, headers, body, response, content)
        except Exception as exc:  # a bug here must not cost the caller its answer
            self.say(f"proxy: {method} {scope['path']}: could not be judged ({exc!r})")
        answer = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in HOP_BY_HOP]
        await _answer(send, response.status_code, answer, content)

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            # No headers of its own: the caller's (Accept-Encoding too) go as they came.
            self._client = httpx.AsyncClient(
                transport=self._transport, timeout=60.0, trust_env=False, follow_redirects=False
            )
            self._client.headers = httpx.Headers()
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    def _judge(
        self,
        method: str,
        path: str,
        query: str,
        headers: list[tuple[str, str]],
        body: bytes,
        response: httpx.Response,
        content: bytes,
    ) -> None:
        relative = path.removeprefix(self.root) if path.startswith(self.root + "/") else None
        op = self.validator.spec.find(method, relative) if relative else None
        if relative is None or op is None:
            self.say(f"proxy: {method} {path}: not an operation of the spec; forwarded unjudged")
            return
        self.exchanges += 1
        decoded = httpx.Response(response.status_code, headers=response.headers, content=content)
        response_body, findings = _json(decoded.content), []
        if response_body is _NOT_JSON:
            findings.append(Finding(op.id, "response_json", "$", "a JSON body", "not JSON"))
            response_body = None
        request_body = _json(body)
        exchange = Exchange(
            operation=op.id,
            source="proxy",
            method=method,
            path=relative,
            query=dict(parse_qsl(query, keep_blank_values=True)),
            request_headers={k: v for k, v in headers if k.lower() in _KEPT_REQUEST_HEADERS},
            request_body=None if request_body is _NOT_JSON else request_body,
            status=response.status_code,
            response_headers=dict(response.headers),
            response_body=response_body,
        )
        findings.extend(self.validator.validate(exchange))
        authenticated = any(k.lower() == "authorization" for k, _ in headers)
        self.report.record(
            exchange,
            "proxied",
            [*REQUEST_CHECKS, *RESPONSE_CHECKS],
            findings,
            base_url=self.target,
            authenticated=authenticated,
            source=f"proxied {method} {path} ({exchange.name})",
        )
        for finding in findings:
            warning = finding.observed and not self.report.strict_observed
            self.say(
                f"{'WARN' if warning else 'FAIL'} {finding.describe()}\n"
                f"     on: {method} {path} -> {response.status_code}\n"
                f"     reproduce: {curl(exchange, self.target, authenticated=authenticated)}"
            )

    def summary(self) -> str:
        """The report's summary, as `verify` prints it, with every credential blanked out."""
        return self.redact(self.report.summary())

    def write(self, junit: Path | None, markdown: Path | None) -> None:
        for path, text in ((junit, self.report.junit), (markdown, self.report.markdown)):
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(self.redact(text()), encoding="utf-8")


_NOT_JSON = object()


def _json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return _NOT_JSON


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def _answer(send: Send, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
    raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    raw.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class ProxyServer:
    """The proxy under uvicorn on one listening socket: in a thread, or until a signal."""

    def __init__(self, proxy: Proxy, host: str = "127.0.0.1", port: int = 0) -> None:
        self.proxy = proxy
        # The emulator's listener: made as IPPROTO_TCP so asyncio turns Nagle off on every
        # accepted connection; a plain socket added ~40 ms to each keep-alive answer here.
        self._sock = listening_socket(host, port)
        bound = self._sock.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        self.base_url = f"http://{shown}:{bound}{proxy.root}"
        config = uvicorn.Config(
            proxy,
            lifespan="off",
            access_log=False,
            log_level="warning",
            server_header=False,
            date_header=False,
            interface="asgi3",
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    async def _serve(self) -> None:
        try:
            await self._server.serve(sockets=[self._sock])
        finally:
            await self.proxy.aclose()
            self._sock.close()

    def run(self) -> None:
        """Serve in this (main) thread until Ctrl-C or SIGTERM, then return."""
        with _quiet_signals():
            asyncio.run(self._serve())

    def __enter__(self) -> ProxyServer:
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve()), daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the proxy did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)


@contextlib.contextmanager
def _quiet_signals() -> Iterator[None]:
    # uvicorn stops on SIGINT/SIGTERM, then raises the signal again with the handler it
    # found: a no-op here, so that the summary still prints after a Ctrl-C or a kill.
    kept = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for sig in kept:
        signal.signal(sig, lambda *_: None)
    try:
        yield
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)
