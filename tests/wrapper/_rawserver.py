"""A tiny HTTP/1.1 server on a real loopback socket that answers with exactly the bytes given.

httpx.MockTransport cannot send a body that fails its Content-Encoding, stops short of its
Content-Length, or is cut by a TCP reset: this can. Each connection serves one request and
is closed (or reset) after the answer.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Raw:
    """What to write back: these bytes, then a clean close, or a reset (RST) if ``reset``."""

    data: bytes
    reset: bool = False


@dataclass
class Seen:
    """A request as the server read it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Answer = Callable[[Seen], Raw]


def response(
    status: int, body: bytes, *, headers: dict[str, str] | None = None, length: int | None = None
) -> bytes:
    """The bytes of a complete response; ``length`` overrides Content-Length (to lie about it)."""
    lines = [f"HTTP/1.1 {status} Whatever", "Connection: close"]
    given = {"Content-Type": "application/json", **(headers or {})}
    given["Content-Length"] = str(len(body) if length is None else length)
    lines += [f"{k}: {v}" for k, v in given.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class RawServer:
    """Serves ``answer`` on 127.0.0.1 until stopped; keeps every request it read."""

    answer: Answer
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}/api/v1"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                self._one(conn)

    def _one(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        first, *rest = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in rest)}
        while len(body) < int(headers.get("content-length", "0")):
            body += conn.recv(65536)
        method, path, _ = first.split(" ", 2)
        seen = Seen(method, path, headers, body)
        self.seen.append(seen)
        raw = self.answer(seen)
        try:
            conn.sendall(raw.data)
            if raw.reset:
                # Linger on with a zero timeout: close() sends RST instead of FIN.
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()


@contextmanager
def raw_server(answer: Answer) -> Iterator[RawServer]:
    """A started `RawServer`, stopped on exit."""
    server = RawServer(answer)
    server.start()
    try:
        yield server
    finally:
        server.stop()
