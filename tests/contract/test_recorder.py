"""The recorded session reads by default, writes only when asked, and respects rate limits."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from close_phone_contract._exchange import load
from close_phone_contract._session import (
    Recorder,
    SessionOptions,
    SessionRefused,
    run_session,
    write_session,
)

from contract_tests import _conformance

KEY = "api_recorderTestKey0123456789"
NUMBER_ID = "phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr"
NUMBER = {
    "id": NUMBER_ID,
    "organization_id": "orga_2PqW8eR5tY1uI7oP4aS0dF3gH6jK9lZ2xC5vB8nM1qW",
    "user_id": "user_3xHq7LbN0cVt5RmW2sJ8kD4fG6pZ1aY9eU0oQ3iTnBc",
    "number": "+16505550100",
    "number_formatted": "+1 650-555-0100",
    "label": "Front desk",
    "type": "internal",
    "is_group_number": False,
    "country": "US",
    "carrier": "twilio",
    "carrier_type": "local",
    "address_id": None,
    "bundle_id": None,
    "is_premium": False,
    "is_verified": True,
    "last_billed_price": 1.15,
    "next_billing_on": None,
    "sms_enabled": True,
    "mms_enabled": True,
    "supports_sms_to_countries": ["US"],
    "supports_mms_to_countries": ["US"],
    "forward_to_enabled": False,
    "press_1_to_accept": False,
    "date_created": "2026-03-02T14:05:11.482000+00:00",
    "date_updated": "2026-03-02T14:05:11.482000+00:00",
}


@dataclass
class FakeClose:
    """A tiny Close: one number, a scripted rent answer and optional 429s on reads."""

    rent_status: int = 201
    throttled_reads: int = 0
    delete_status: int = 200
    spent_budget_once: bool = False
    requests: list[str] = field(default_factory=list)
    rented: int = 0
    root: str = "/api/v1"

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(f"{request.method} {request.url.path}")
        path = request.url.path.removeprefix(self.root)
        headers = {"RateLimit": "limit=60, remaining=59, reset=1"}
        if request.method == "GET" and self.throttled_reads:
            self.throttled_reads -= 1
            return httpx.Response(
                429,
                headers={"RateLimit": "limit=60, remaining=0, reset=3", "Retry-After": "3"},
                json={"error": "API call count exceeded for this period"},
            )
        if self.spent_budget_once:
            self.spent_budget_once = False
            headers["RateLimit"] = "limit=60, remaining=0, reset=7"
        if request.method == "GET" and path == "/phone_number/":
            return httpx.Response(200, headers=headers, json={"data": [NUMBER], "has_more": False})
        if request.method == "GET" and path == f"/phone_number/{NUMBER_ID}/":
            return httpx.Response(200, headers=headers, json=NUMBER)
        if request.method == "GET" and path == "/me/":
            return httpx.Response(200, headers=headers, json={"id": NUMBER["user_id"]})
        if request.method == "GET":
            return httpx.Response(404, headers=headers, json={"error": "Phone number not found."})
        if request.method == "PUT":
            return httpx.Response(
                200, headers=headers, json={**NUMBER, **json.loads(request.content)}
            )
        if request.method == "POST":
            self.rented += 1
            if self.rent_status == 201:
                rented = {**NUMBER, "id": f"phon_rented{self.rented}", "number": "+16505550142"}
                return httpx.Response(201, headers=headers, json=rented)
            if self.rent_status == 400:
                body = {"status": "has-voice-only", "error": "Only voice numbers."}
                return httpx.Response(400, headers=headers, json=body)
            return httpx.Response(self.rent_status, json={"error": "An internal error occurred."})
        return httpx.Response(self.delete_status, headers=headers, json={})


def record(
    server: FakeClose, options: SessionOptions, base_url: str = "https://close.test/api/v1/"
) -> tuple[Recorder, list[float]]:
    slept: list[float] = []
    client = httpx.Client(base_url=base_url, auth=(KEY, ""), transport=httpx.MockTransport(server))
    recorder = Recorder(client=client, source="test", sleep=slept.append)
    with client:
        run_session(recorder, options)
    return recorder, slept


def test_the_default_session_only_reads() -> None:
    """Without flags, every request the session sends is a GET."""
    server = FakeClose()
    record(server, SessionOptions())
    assert server.requests
    assert {r.split()[0] for r in server.requests} == {"GET"}


def test_an_update_goes_only_to_the_named_number_and_changes_nothing() -> None:
    """--allow-update writes back the named number's own settings."""
    server = FakeClose()
    recorder, _ = record(server, SessionOptions(allow_update=NUMBER_ID))
    assert [r for r in server.requests if not r.startswith("GET")] == [
        f"PUT /api/v1/phone_number/{NUMBER_ID}/"
    ]
    update = next(e for step, e in recorder.exchanges if step == "update")
    assert update.request_body == {
        "label": "Front desk",
        "forward_to_enabled": False,
        "press_1_to_accept": False,
    }


def test_renting_needs_a_maximum() -> None:
    """--allow-rent alone is refused before anything is sent."""
    with pytest.raises(SessionRefused, match="max-rents"):
        SessionOptions(allow_rent=True)


def test_an_update_needs_a_number_id() -> None:
    """--allow-update with something that is no phone number id is refused."""
    with pytest.raises(SessionRefused, match="phon_"):
        SessionOptions(allow_update="all")


def test_rents_stop_at_the_maximum_and_each_is_released() -> None:
    """Two rents allowed: two POSTs, each followed by the DELETE of that number."""
    server = FakeClose()
    record(server, SessionOptions(allow_rent=True, max_rents=2))
    writes = [r for r in server.requests if not r.startswith("GET")]
    assert writes == [
        "POST /api/v1/phone_number/request/internal/",
        "DELETE /api/v1/phone_number/phon_rented1/",
        "POST /api/v1/phone_number/request/internal/",
        "DELETE /api/v1/phone_number/phon_rented2/",
    ]


@pytest.mark.parametrize("status", [500, 400])
def test_a_failed_rent_is_never_sent_again(status: int) -> None:
    """A 5xx (the number may be rented) or a refusal ends the renting: one POST only."""
    server = FakeClose(rent_status=status)
    record(server, SessionOptions(allow_rent=True, max_rents=3))
    assert server.rented == 1


def test_a_throttled_read_waits_for_retry_after_and_asks_again() -> None:
    """A 429 on a GET sleeps Retry-After seconds, then the read is repeated."""
    server = FakeClose(throttled_reads=2)
    recorder, slept = record(server, SessionOptions())
    assert slept[:2] == [3.0, 3.0]
    assert recorder.exchanges[0][1].status == 200


def test_a_spent_budget_waits_for_its_reset_before_the_next_request() -> None:
    """RateLimit remaining=0 on a success pauses for `reset` seconds."""
    server = FakeClose(spent_budget_once=True)
    _, slept = record(server, SessionOptions())
    assert slept == [7.0]


def test_a_recorded_session_is_written_scrubbed_and_valid(tmp_path: Path) -> None:
    """Every written file is free of the key and conforms to the spec."""
    server = FakeClose()
    recorder, _ = record(server, SessionOptions(allow_update=NUMBER_ID))
    written = write_session(recorder, tmp_path, (KEY,))
    assert {p.name for p in written} >= {
        "listPhoneNumbers.200.list.json",
        "getPhoneNumber.404.get-missing.json",
        "updatePhoneNumber.200.update.json",
    }
    for path in written:
        text = path.read_text()
        assert KEY not in text
        assert "Authorization" not in text
        _conformance.check_exchange(load(path))


def test_recorded_paths_are_relative_to_any_api_root() -> None:
    """Behind a gateway at /close/, a recorded path still starts at /phone_number/ (or /me/)."""
    server = FakeClose(root="/close")
    recorder, _ = record(server, SessionOptions(), base_url="https://gateway.test/close/")
    assert {e.path for _, e in recorder.exchanges} >= {"/phone_number/"}
    assert all(e.path.startswith(("/phone_number/", "/me/")) for _, e in recorder.exchanges)


def test_a_rented_number_that_could_not_be_released_is_reported() -> None:
    """A failed DELETE after a rent leaves the number's id in `rented_and_kept`."""
    server = FakeClose(delete_status=503)
    recorder, _ = record(server, SessionOptions(allow_rent=True, max_rents=1))
    assert recorder.rented_and_kept == ["phon_rented1"]


def test_released_numbers_are_not_reported_as_kept() -> None:
    """A successful release leaves nothing behind."""
    recorder, _ = record(FakeClose(), SessionOptions(allow_rent=True, max_rents=2))
    assert recorder.rented_and_kept == []
