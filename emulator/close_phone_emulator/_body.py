"""Reading a JSON request body with bounds: size, time and nesting.

Shared by the API and the admin routes. A body over the size limit is read on (and
dropped) up to `DRAIN_FACTOR` times the limit, so that a client still sending it gets
the answer rather than a reset; nothing of it is kept.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

MAX_BODY_BYTES = 1024 * 1024
"""The largest request body the emulator takes (Emulator(max_body_bytes=...) changes it)."""
BODY_TIMEOUT = 10.0
"""Seconds a client has to send the whole body once its headers have arrived."""
MAX_DEPTH = 16
"""How deep JSON arrays and objects may nest; Close's bodies need two levels."""
DRAIN_FACTOR = 16

Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]


class BodyError(Exception):
    """A body refused before it is looked at; `close` asks to drop the connection."""

    def __init__(self, message: str, *, close: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.close = close


async def read_body(
    receive: Receive,
    headers: MutableMapping[bytes, bytes],
    *,
    limit: int = MAX_BODY_BYTES,
    timeout: float = BODY_TIMEOUT,
) -> bytes:
    """The whole body, or BodyError when it is too large or too slow."""
    too_large = BodyError(
        f"The request body is larger than {limit:,} bytes; send less.", close=True
    )
    declared = headers.get(b"content-length", b"")
    if declared.isdigit() and int(declared) > limit * DRAIN_FACTOR:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout):
            while True:
                message = await receive()
                chunk: bytes = message.get("body", b"")
                size += len(chunk)
                if size <= limit:
                    chunks.append(chunk)
                else:
                    chunks.clear()
                if not message.get("more_body") or size > limit * DRAIN_FACTOR:
                    break
    except TimeoutError:
        raise BodyError(
            f"The request body did not arrive within {timeout:g} s.", close=True
        ) from None
    if size > limit:
        raise too_large
    return b"".join(chunks)


def parse_json(raw: bytes) -> Any:
    """The JSON value of `raw`, or BodyError naming what is wrong with it."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise BodyError(_too_deep()) from None
    except ValueError as exc:
        raise BodyError(f"The body is not valid JSON: {_short(str(exc))}.") from None
    if _depth(value) > MAX_DEPTH:
        raise BodyError(_too_deep())
    return value


def _too_deep() -> str:
    return f"The body nests arrays and objects more than {MAX_DEPTH} levels deep."


def _depth(value: Any) -> int:
    """How deep arrays and objects nest in `value`, without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _short(text: str, most: int = 200) -> str:
    return text if len(text) <= most else text[:most] + "..."
