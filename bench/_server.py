"""A loopback HTTP/1.1 server that answers the phone-number reads from canned bytes.

It runs in its own process (``python -m bench._server --port 0``) so that its CPU time never
counts as client time, and it does as little as it can per request: every body is built once
at start-up, a request only picks or joins pre-encoded slices. It prints ``READY <port>`` on
stdout once it listens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any
from urllib.parse import parse_qs, urlsplit

API_PREFIX = "/api/v1"
MAX_LIMIT = 100  # the spec's maximum for _limit

# A whole phone number shaped like the emulator's (and Close's own examples): every enum and
# list filled, so a typed client pays for all of its conversions. Ids and numbers vary per item.
TEMPLATE: dict[str, Any] = {
    "address_id": None,
    "bundle_id": None,
    "carrier": "twilio",
    "carrier_type": "local",
    "country": "US",
    "date_created": "2024-03-05T17:20:11.512000+00:00",
    "date_updated": "2024-03-05T17:21:40.003000+00:00",
    "forward_to": None,
    "forward_to_enabled": False,
    "forward_to_formatted": None,
    "id": "",
    "inbound_ring_duration": None,
    "is_group_number": False,
    "is_premium": False,
    "is_verified": True,
    "label": "Sales line",
    "last_billed_price": 1.15,
    "mms_enabled": True,
    "next_billing_on": "2026-12-01T00:00:00+00:00",
    "number": "",
    "number_formatted": "",
    "organization_id": "orga_bench0000000000000000000000000000000000000",
    "participant_groups": [],
    "participants": ["user_bench000000000000000000000000000000000000"],
    "phone_numbers": [],
    "phone_numbers_formatted": [],
    "press_1_to_accept": False,
    "sms_enabled": True,
    "supports_mms_to_countries": ["CA", "US"],
    "supports_sms_to_countries": ["CA", "US"],
    "type": "internal",
    "user_id": "user_bench000000000000000000000000000000000000",
    "voicemail_greeting_url": None,
    "was_ported": False,
}


def phone_number(index: int) -> dict[str, Any]:
    """The index-th canned number: a valid PhoneNumber with its own id and E.164 number."""
    digits = f"{index:07d}"
    return {
        **TEMPLATE,
        "id": f"phon_bench{index:08d}",
        "number": f"+1650{digits}",
        "number_formatted": f"+1 650-{digits[:3]}-{digits[3:]}",
    }


def _encode(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


class CannedApi:
    """The bodies, pre-encoded, and the routing of one request line to a response."""

    def __init__(self, total: int) -> None:
        self.items = [_encode(phone_number(i)) for i in range(total)]
        self.by_id = {f"phon_bench{i:08d}": body for i, body in enumerate(self.items)}
        # A GET for an id that is not in the list still answers, with the id it asked for.
        head, _, tail = _encode({**phone_number(0), "id": "@ID@"}).partition(b"@ID@")
        self._get_head, self._get_tail = head, tail

    def route(self, target: str) -> tuple[int, bytes]:
        """The status and body for a GET of ``target``."""
        url = urlsplit(target)
        path = url.path.removeprefix(API_PREFIX)
        if path == "/phone_number/":
            query = parse_qs(url.query)
            skip = int(query.get("_skip", ["0"])[0])
            limit = int(query.get("_limit", ["100"])[0])
            if skip < 0 or not 0 < limit <= MAX_LIMIT:
                return 400, _encode(
                    {"errors": ["_skip or _limit out of range"], "field-errors": {}}
                )
            page = self.items[skip : skip + limit]
            more = b"true" if skip + limit < len(self.items) else b"false"
            return 200, b'{"has_more":' + more + b',"data":[' + b",".join(page) + b"]}"
        if path.startswith("/phone_number/") and path.endswith("/") and path.count("/") == 3:
            number_id = path[len("/phone_number/") : -1]
            body = self.by_id.get(number_id)
            if body is None:
                body = self._get_head + number_id.encode() + self._get_tail
            return 200, body
        return 404, _encode({"error": "Not found"})


_REASONS = {200: b"OK", 400: b"Bad Request", 404: b"Not Found", 405: b"Method Not Allowed"}
# A generous limit, so that a client that throttles ahead of time parses it and never waits.
_RATE_LIMIT = b"RateLimit: limit=100000, remaining=99999, reset=1\r\n"


def _response(status: int, body: bytes) -> bytes:
    return b"".join(
        (
            b"HTTP/1.1 %d %s\r\n" % (status, _REASONS[status]),
            b"Content-Type: application/json\r\n",
            b"Content-Length: %d\r\n" % len(body),
            _RATE_LIMIT,
            b"\r\n",
            body,
        )
    )


async def _serve_connection(
    api: CannedApi, latency: float, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            request_line, _, header_block = head.partition(b"\r\n")
            method, target, _version = request_line.decode("latin-1").split(" ", 2)
            length = 0
            for line in header_block.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            if method == "GET":
                status, body = api.route(target)
            else:
                status, body = 405, _encode({"error": "Only reads are served here"})
            if latency:
                await asyncio.sleep(latency)
            writer.write(_response(status, body))
            await writer.drain()
    finally:
        writer.close()


async def _main(port: int, total: int, latency: float) -> None:
    api = CannedApi(total)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _serve_connection(api, latency, reader, writer)

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=512)
    bound = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"READY {bound}\n")
    sys.stdout.flush()
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    """Serve until killed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--total", type=int, default=10_000, help="numbers in the list")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    args = parser.parse_args(argv)
    asyncio.run(_main(args.port, args.total, args.latency))


if __name__ == "__main__":
    main()
