"""The emulator on a loopback port, each answer first passed through a test's alteration."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

import uvicorn
from close_phone_emulator import Emulator


@dataclass
class Answer:
    """One answer of the emulator, as the alteration may change it."""

    method: str
    path: str
    status: int
    headers: dict[str, str]
    body: Any


Alteration = Callable[[Answer], None]


class AlteredEmulator:
    """`with AlteredEmulator(alter) as server:` serves at `server.base_url`."""

    def __init__(self, alter: Alteration | None = None, emulator: Emulator | None = None) -> None:
        self.emulator = emulator or Emulator()
        self.emulator.rate_limits.set(1_000_000, window=1.0)
        self.alter = alter
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.base_url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/api/v1"
        config = uvicorn.Config(
            self._app, access_log=False, log_level="warning", lifespan="off", interface="asgi3"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._server.serve(sockets=[self._sock])), daemon=True
        )

    async def _app(self, scope: Any, receive: Any, send: Any) -> None:
        if self.alter is None or scope["type"] != "http":
            await self.emulator.app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            else:
                chunks.append(message.get("body", b""))

        await self.emulator.app(scope, receive, keep)
        raw = b"".join(chunks)
        headers = {
            k.decode(): v.decode() for k, v in start["headers"] if k.lower() != b"content-length"
        }
        answer = Answer(
            scope["method"], scope["path"], start["status"], headers, json.loads(raw or b"null")
        )
        self.alter(answer)
        body = b"" if answer.body is None else json.dumps(answer.body).encode()
        out = [(k.encode(), v.encode()) for k, v in answer.headers.items()]
        out.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": answer.status, "headers": out})
        await send({"type": "http.response.body", "body": body})

    def __enter__(self) -> AlteredEmulator:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()
