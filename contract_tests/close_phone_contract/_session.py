"""A scripted session against any target (live Close or the emulator), recorded.

The session lists and gets; it updates only the number it is told to (writing
back that number's own settings, so nothing changes) and rents only when told
to, never more than `max_rents` times and never twice for one attempt: a rent is
not retried, whatever the answer. Rate limits are respected: a spent budget
(`RateLimit: remaining=0`) waits for its reset, and a 429 on a read waits for
`Retry-After` and asks again.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from ._exchange import Exchange
from ._scrub import Scrubber, write_fixtures

# Parsed here rather than with close_phone_numbers._retry: the live runner imports this
# module before it starts pytest, and importing the library first would stop pytest from
# rewriting the asserts of the library's pytest plugin.
_RATE_LIMIT = re.compile(r"remaining=([0-9]+), reset=([0-9]+(?:\.[0-9]+)?)")
MAX_WAIT = 60.0
READ_ATTEMPTS = 4
# The settings an update may write back unchanged; label is a string only once set.
_UPDATE_FIELDS = ("label", "forward_to_enabled", "press_1_to_accept")


class SessionRefused(RuntimeError):
    """The session was asked for something unsafe, such as renting without a limit."""


@dataclass(frozen=True)
class SessionOptions:
    """What the session may do beyond reading."""

    allow_update: str | None = None
    allow_rent: bool = False
    max_rents: int = 0
    rent_country: str = "US"
    rent_prefix: str | None = None
    release_rented: bool = True
    page_limit: int = 5

    def __post_init__(self) -> None:
        if self.allow_rent and self.max_rents < 1:
            raise SessionRefused(
                "renting costs money: --allow-rent needs --max-rents N (N >= 1) as well"
            )
        if self.max_rents and not self.allow_rent:
            raise SessionRefused("--max-rents only counts with --allow-rent")
        if self.allow_update is not None and not re.fullmatch(
            r"phon_[A-Za-z0-9]+", self.allow_update
        ):
            raise SessionRefused(
                f"--allow-update needs a phone number id (phon_...), got {self.allow_update!r}"
            )


@dataclass
class Recorder:
    """Sends requests through `client` and keeps every exchange, unscrubbed, in memory."""

    client: httpx.Client
    source: str
    sleep: Callable[[float], None] = time.sleep
    exchanges: list[tuple[str, Exchange]] = field(default_factory=list)
    rents_sent: int = 0
    # Rented numbers still in the account (kept on purpose, or a failed release): they cost.
    rented_and_kept: list[str] = field(default_factory=list)
    # The request being sent, until its answer is recorded: what a cut-off answer belonged to.
    pending: Exchange | None = None
    # Set by the runner when an answer broke off: the request and the finding it makes.
    broken: tuple[Exchange, Any] | None = None
    _wait_before_next: float = 0.0

    def send(
        self,
        step: str,
        operation: str,
        method: str,
        path: str,
        *,
        query: dict[str, str] | None = None,
        body: Any = None,
    ) -> httpx.Response:
        """Send one request (reads retried on 429) and record the final exchange."""
        self.pending = Exchange(
            operation, self.source, method, path, dict(query or {}), request_body=body, status=0
        )
        attempts = 1 if method != "GET" else READ_ATTEMPTS
        for attempt in range(1, attempts + 1):
            if self._wait_before_next:
                self.sleep(self._wait_before_next)
                self._wait_before_next = 0.0
            response = self.client.request(
                method,
                path.lstrip("/"),
                params=query,
                json=body,
                headers={"Accept": "application/json"},
            )
            self._note_budget(response)
            if response.status_code != 429 or attempt == attempts:
                break
            self._wait_before_next = _retry_after(response)
        self._record(step, operation, response, query or {}, body)
        self.pending = None
        return response

    def _note_budget(self, response: httpx.Response) -> None:
        match = _RATE_LIMIT.search(response.headers.get("RateLimit", ""))
        if match and int(match.group(1)) == 0:
            self._wait_before_next = min(float(match.group(2)), MAX_WAIT)

    def _record(
        self, step: str, operation: str, response: httpx.Response, query: dict[str, str], body: Any
    ) -> None:
        request = response.request
        try:
            parsed = response.json() if response.content else None
        except (json.JSONDecodeError, UnicodeDecodeError):
            # Kept as the text it is, so the schema check names a body that is no JSON.
            parsed = response.text
        self.exchanges.append(
            (
                step,
                Exchange(
                    operation=operation,
                    source=self.source,
                    method=request.method,
                    path=request.url.path.removeprefix(self.client.base_url.path.rstrip("/")),
                    query=dict(query),
                    request_headers=dict(request.headers),
                    request_body=body,
                    status=response.status_code,
                    response_headers=dict(response.headers),
                    response_body=parsed,
                ),
            )
        )

    def rent(self, body: dict[str, Any], options: SessionOptions) -> httpx.Response:
        """Rent once, if the limit allows; the attempt counts whatever the answer."""
        if not options.allow_rent or self.rents_sent >= options.max_rents:
            raise SessionRefused(f"rent refused: {self.rents_sent} of {options.max_rents} used")
        self.rents_sent += 1
        return self.send(
            f"rent-{self.rents_sent}",
            "rentPhoneNumber",
            "POST",
            "/phone_number/request/internal/",
            body=body,
        )


def _retry_after(response: httpx.Response) -> float:
    raw = response.headers.get("Retry-After", "")
    match = _RATE_LIMIT.search(response.headers.get("RateLimit", ""))
    if raw.isdigit():
        return min(float(raw), MAX_WAIT)
    if match:
        return min(float(match.group(2)), MAX_WAIT)
    return 2.0


def _first_id(page: httpx.Response) -> str | None:
    """The id of the page's first number, or None when the answer holds no usable one.

    A broken page (no JSON, `data` no list, a number without a string `id`) is the
    validator's to report; the session just has no number to get.
    """
    body = _json_object(page) if page.status_code == 200 else None
    data = body.get("data") if isinstance(body, dict) else None
    return _id_of(data[0] if isinstance(data, list) and data else None)


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _id_of(number: Any) -> str | None:
    number_id = number.get("id") if isinstance(number, dict) else None
    return number_id if isinstance(number_id, str) and number_id else None


def run_session(recorder: Recorder, options: SessionOptions) -> None:
    """The scripted session: list, get, who am I, and (only when asked) update and rent."""
    page = recorder.send(
        "list",
        "listPhoneNumbers",
        "GET",
        "/phone_number/",
        query={"_limit": str(options.page_limit)},
    )
    recorder.send(
        "list-fields",
        "listPhoneNumbers",
        "GET",
        "/phone_number/",
        query={"_limit": "2", "_fields": "id,number,label"},
    )
    number_id = _first_id(page)
    if number_id is not None:
        recorder.send("get", "getPhoneNumber", "GET", f"/phone_number/{number_id}/")
        recorder.send(
            "get-fields",
            "getPhoneNumber",
            "GET",
            f"/phone_number/{number_id}/",
            query={"_fields": "id,number"},
        )
    recorder.send(
        "get-missing", "getPhoneNumber", "GET", "/phone_number/phon_contractTestMissing000/"
    )
    recorder.send("me", "getMe", "GET", "/me/")
    if options.allow_update is not None:
        _update_in_place(recorder, options.allow_update)
    while options.allow_rent and recorder.rents_sent < options.max_rents:
        body: dict[str, Any] = {"country": options.rent_country}
        if options.rent_prefix:
            body["prefix"] = options.rent_prefix
        rented = recorder.rent(body, options)
        if rented.status_code != 201:
            break  # a refusal will not change on a second try; stop spending
        number_id = _id_of(_json_object(rented))
        if number_id is None:  # the rent's own check names the missing id
            recorder.rented_and_kept.append("(a number whose 201 answer had no id)")
            break
        released = options.release_rented and (
            recorder.send(
                f"release-{recorder.rents_sent}",
                "deletePhoneNumber",
                "DELETE",
                f"/phone_number/{number_id}/",
            ).status_code
            == 200
        )
        if not released:
            recorder.rented_and_kept.append(number_id)


def _update_in_place(recorder: Recorder, number_id: str) -> None:
    current = recorder.send(
        "get-for-update", "getPhoneNumber", "GET", f"/phone_number/{number_id}/"
    )
    if current.status_code != 200:
        return
    settings = _json_object(current)
    if settings is None:
        return
    body = {k: settings[k] for k in _UPDATE_FIELDS if isinstance(settings.get(k), (str, bool))}
    recorder.send("update", "updatePhoneNumber", "PUT", f"/phone_number/{number_id}/", body=body)


def write_session(recorder: Recorder, out_dir: Path, secrets: tuple[str, ...]) -> list[Path]:
    """Scrub every exchange of the session and write it; refuse any file that still leaks."""
    scrubber = Scrubber(secrets=secrets)
    files: dict[Path, Exchange] = {}
    for step, exchange in recorder.exchanges:
        clean = scrubber.exchange(exchange)
        files[out_dir / f"{clean.operation}.{clean.status}.{step}.json"] = clean
    write_fixtures(files, secrets)
    return list(files)
