"""The spec the emulator answers to, and its offline reference page.

    GET /openapi.yaml   the OpenAPI document (shipped inside the generated client)
    GET /docs           the HTML reference, Redoc's scripts inlined: it needs no network

The page is built by scripts/build_docs.py and shipped gzipped; a client that accepts
gzip gets those bytes as they are.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources
from typing import Any

from ._app import Receive, Scope, Send

PATHS = frozenset({"/openapi.yaml", "/docs", "/docs/"})


@cache
def spec_bytes() -> bytes:
    """The OpenAPI document of the client this emulator ships with."""
    return resources.files("close_phone_numbers_client").joinpath("openapi.yaml").read_bytes()


@cache
def _page_gzip() -> bytes:
    return (
        resources.files("close_phone_emulator").joinpath("_static/reference.html.gz").read_bytes()
    )


def _accepts_gzip(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"accept-encoding" and b"gzip" in value.lower():
            return True
    return False


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    """Answer GET (and HEAD) for the paths in PATHS."""
    headers: list[tuple[bytes, bytes]]
    if scope["method"] not in ("GET", "HEAD"):
        status, body = 405, b'{"error":"Only GET reads the reference."}'
        headers = [(b"content-type", b"application/json"), (b"allow", b"GET, HEAD")]
    elif scope["path"] == "/openapi.yaml":
        status, body = 200, spec_bytes()
        headers = [(b"content-type", b"application/yaml; charset=utf-8")]
    elif _accepts_gzip(scope):
        status, body = 200, _page_gzip()
        headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-encoding", b"gzip")]
    else:
        status, body = 200, gzip.decompress(_page_gzip())
        headers = [(b"content-type", b"text/html; charset=utf-8")]
    headers.append((b"content-length", b"%d" % len(body)))
    start: dict[str, Any] = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
