"""A scripted Close for rent tests: /me/, a filtered list in any order, get by id, and rents.

Close documents no list order, so the fake lists ``newest`` first, ``oldest`` first or
``unstable`` (a new shuffle after every change). Each rent is answered by ``on_rent``, which
may store the number (``rent()``) and then fail, or let another user rent in the window.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any, Literal

import httpx

from .conftest import number_json, page_json

ME = "user_3xHq7LbN0cVt5RmW2sJ8kD4fG6pZ1aY9eU0oQ3iTnBc"  # the example number's user
OTHER = "user_9Zq8Yx7Wv6Ut5Sr4Qp3On2Ml1Kj0Ih9Gf8Ed7Cb6Aa5"
RENT_PATH = "POST /api/v1/phone_number/request/internal/"
LIST_PATH = "GET /api/v1/phone_number/"
ME_PATH = "GET /api/v1/me/"
Order = Literal["newest", "oldest", "unstable"]
ORDERS: tuple[Order, ...] = ("newest", "oldest", "unstable")
OnRent = Callable[[httpx.Request, "FakeClose"], httpx.Response]


def old_numbers(count: int, owner: str = ME) -> list[dict[str, Any]]:
    """``count`` numbers of ``owner`` that match a US 650 rent, all created long ago."""
    return [
        number_json(
            id=f"phon_old{i:05d}",
            number=f"+1650444{i:04d}",
            user_id=owner,
            participants=[owner],
            date_created=f"2025-01-01T00:00:{i % 60:02d}+00:00",
        )
        for i in range(count)
    ]


class FakeClose:
    """Numbers in creation order, listed in ``order``; ``on_rent`` answers each rent."""

    def __init__(
        self,
        on_rent: OnRent,
        *,
        existing: list[dict[str, Any]] | None = None,
        order: Order = "newest",
        server_offset: timedelta = timedelta(0),
        send_date: bool = True,
    ) -> None:
        self.on_rent = on_rent
        self.numbers = list(existing or [])  # oldest first
        self.order = order
        self.offset = server_offset
        self.send_date = send_date
        self.rented = 0
        self._shuffle = random.Random(7)
        self._salt = 0

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def rent(self, owner: str = ME, **changes: Any) -> dict[str, Any]:
        """Store a new number the way Close would, and return it."""
        self.rented += 1
        created = (self.now()).isoformat()
        number = number_json(
            id=f"phon_rented{self.rented}",
            number=f"+1650555{self.rented:04d}",
            user_id=owner,
            participants=[owner],
            date_created=created,
            date_updated=created,
        )
        number.update(changes)
        self.numbers.append(number)
        self._salt = self._shuffle.getrandbits(32)
        return number

    def listed(self) -> list[dict[str, Any]]:
        if self.order == "newest":
            return self.numbers[::-1]
        if self.order == "oldest":
            return list(self.numbers)
        salt = self._salt
        return sorted(self.numbers, key=lambda n: hash((salt, n["id"])))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        headers = {"Date": format_datetime(self.now(), usegmt=True)} if self.send_date else {}
        path = request.url.path.removeprefix("/api/v1")
        if request.method == "POST":
            return self.on_rent(request, self)
        if path == "/me/":
            return httpx.Response(200, json={"id": ME}, headers=headers)
        if path != "/phone_number/":
            number_id = path.split("/")[2]
            found = next((n for n in self.numbers if n["id"] == number_id), None)
            if found is None:
                return httpx.Response(404, json={"error": "Phone number not found."})
            return httpx.Response(200, json=found, headers=headers)
        params = request.url.params
        numbers = self.listed()
        if "participant_user_id" in params:
            user = params["participant_user_id"]
            numbers = [n for n in numbers if user in n["participants"] or n["user_id"] == user]
        if params.get("is_group_number") == "true":
            numbers = [n for n in numbers if n["is_group_number"]]
        skip, limit = int(params.get("_skip", 0)), int(params.get("_limit", 100))
        chunk = numbers[skip : skip + limit]
        if "_fields" in params:
            names = params["_fields"].split(",")
            chunk = [{k: v for k, v in n.items() if k in names} for n in chunk]
        more = skip + limit < len(numbers)
        return httpx.Response(200, json=page_json(chunk, has_more=more), headers=headers)


Outcome = httpx.Response | Exception | Callable[[], httpx.Response | Exception]


def _answer(outcome: Outcome) -> httpx.Response:
    made = outcome() if callable(outcome) else outcome
    if isinstance(made, Exception):
        raise made
    return made


def rented_then(outcome: Outcome) -> OnRent:
    """Rent for the caller, then answer ``outcome`` (a failure after the fact)."""

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        server.rent()
        return _answer(outcome)

    return on_rent


def failed(outcome: Outcome) -> OnRent:
    """Answer ``outcome`` without renting."""

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        return _answer(outcome)

    return on_rent


def created(request: httpx.Request, server: FakeClose) -> httpx.Response:
    """A plain successful rent."""
    return httpx.Response(201, json=server.rent())


def rents(paths: list[str]) -> int:
    return paths.count(RENT_PATH)


NESTED = b'{"id": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


class RawBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body handed over as it is, so that the client decodes it (or fails to)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Any:
        yield self.data

    async def __aiter__(self) -> Any:
        yield self.data


def _bad_gzip() -> httpx.Response:
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    return httpx.Response(201, headers=headers, stream=RawBody(b"\x1f\x8b not gzip at all"))


# Answers after which the rent may have happened: a 5xx, a cut, nested or undecodable
# body, a timeout after sending, a dropped or reset connection. Each call makes a fresh one.
UNCLEAR: dict[str, Callable[[], httpx.Response | Exception]] = {
    "503": lambda: httpx.Response(503, json={"error": "unavailable"}),
    "500-html": lambda: httpx.Response(500, content=b"<html>oops</html>"),
    "502-html": lambda: httpx.Response(502, content=b"<html>bad gateway</html>"),
    "520": lambda: httpx.Response(520, content=b"<html>origin</html>"),
    "201-cut": lambda: httpx.Response(201, content=b'{"id": "phon_rented1", "numb'),
    "201-nested": lambda: httpx.Response(
        201, content=NESTED, headers={"Content-Type": "application/json"}
    ),
    "201-bad-gzip": _bad_gzip,
    "read-timeout": lambda: httpx.ReadTimeout("no answer in time"),
    "write-timeout": lambda: httpx.WriteTimeout("body half sent"),
    "disconnected": lambda: httpx.RemoteProtocolError("server disconnected"),
    "reset": lambda: httpx.ReadError("connection reset"),
}
