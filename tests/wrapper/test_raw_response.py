"""with_raw_response: the same calls, with Close's status and headers beside the result."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    NotFoundError,
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumbers,
    RateLimit,
    RawResponse,
    ServerError,
)

from .conftest import make_async_client, make_client, number_json, page_json, scripted

NUMBER = number_json()
LIMITS = {"RateLimit": "limit=40, remaining=39, reset=2", "X-Request-Id": "req_abc123"}


def test_get_gives_status_headers_rate_limit_request_id_and_the_model() -> None:
    client, _ = make_client(scripted(httpx.Response(200, json=NUMBER, headers=LIMITS)))
    raw = client.with_raw_response.get(NUMBER["id"])
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["ratelimit"] == "limit=40, remaining=39, reset=2"
    assert raw.rate_limit == RateLimit(limit=40, remaining=39, reset=2.0)
    assert raw.request_id == "req_abc123"
    number = raw.parse()
    assert type(number) is PhoneNumber
    assert number.id == NUMBER["id"]
    assert repr(raw) == f"<RawResponse [200 OK] GET /api/v1/phone_number/{NUMBER['id']}/>"


def test_get_with_fields_parses_a_partial_object() -> None:
    partial = {"id": NUMBER["id"], "label": "Sales"}
    client, server = make_client(scripted(httpx.Response(200, json=partial)))
    raw = client.with_raw_response.get(NUMBER["id"], fields=["label"])
    assert type(raw.parse()) is PhoneNumberFields
    assert server.requests[0].url.params["_fields"] == "label"


def test_the_response_reported_is_the_success_after_retries() -> None:
    """Retries still happen; the raw response is the final answer, not a failed attempt."""
    answers = [httpx.Response(503, json={}), httpx.Response(200, json=NUMBER, headers=LIMITS)]
    client, server = make_client(scripted(*answers))
    raw = client.with_raw_response.get(NUMBER["id"])
    assert len(server.requests) == 2
    assert raw.status_code == 200
    assert raw.request_id == "req_abc123"


def test_a_missing_or_odd_rate_limit_header_is_none() -> None:
    odd = {"RateLimit": "limit=abc, remaining=1"}
    client, _ = make_client(
        scripted(httpx.Response(200, json=NUMBER), httpx.Response(200, json=NUMBER, headers=odd))
    )
    assert client.with_raw_response.get("phon_1").rate_limit is None
    raw = client.with_raw_response.get("phon_1")
    assert raw.rate_limit is None
    assert raw.request_id is None


def test_update_delete_and_rent_answer_with_their_responses() -> None:
    renamed = number_json(label="Sales")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            return httpx.Response(200, json=renamed, headers={"Request-Id": "req_put"})
        if request.method == "DELETE":
            return httpx.Response(200, json={})
        if request.url.path.endswith("/request/internal/"):
            return httpx.Response(201, json=NUMBER)
        return httpx.Response(200, json=page_json([], has_more=False))  # the rent's snapshot

    client, _ = make_client(handler)
    updated = client.with_raw_response.update(NUMBER["id"], label="Sales")
    assert updated.parse().label == "Sales"
    assert updated.request_id == "req_put"
    deleted = client.with_raw_response.delete(NUMBER["id"])
    assert deleted.status_code == 200
    assert deleted.parse() is None
    rented = client.with_raw_response.rent("US", prefix="650")
    assert rented.status_code == 201
    assert rented.http_response.request.method == "POST"
    assert rented.parse().id == NUMBER["id"]


def test_list_answers_page_by_page() -> None:
    first = [number_json(id="phon_a"), number_json(id="phon_b")]
    answers = [
        httpx.Response(200, json=page_json(first, has_more=True), headers={"X-Request-Id": "p1"}),
        httpx.Response(200, json=page_json([number_json(id="phon_c")], has_more=False),
                       headers={"X-Request-Id": "p2"}),
    ]  # fmt: skip
    client, server = make_client(scripted(*answers))
    pages = client.with_raw_response.list(page_size=2)
    assert server.requests == []  # lazy, like list()
    got = [(page.request_id, [n.id for n in page.parse()]) for page in pages]
    assert got == [("p1", ["phon_a", "phon_b"]), ("p2", ["phon_c"])]
    assert [r.url.params["_skip"] for r in server.requests] == ["0", "2"]


def test_list_with_fields_gives_partial_objects_and_checks_filters_at_once() -> None:
    client, server = make_client(
        scripted(httpx.Response(200, json=page_json([{"id": "phon_a"}], has_more=False)))
    )
    (page,) = client.with_raw_response.list(fields="label", number="+16505550100")
    assert [type(n) for n in page.parse()] == [PhoneNumberFields]
    assert server.requests[0].url.params["number"] == "+16505550100"
    with pytest.raises(ValueError, match="number"):
        client.with_raw_response.list(number="650-555")


def test_errors_still_raise_and_carry_headers_and_request_id() -> None:
    """A raw call fails like the plain one; the error has the headers and the request id."""
    gone = httpx.Response(404, json={"error": "no such number"}, headers=LIMITS)
    client, _ = make_client(scripted(gone))
    with pytest.raises(NotFoundError) as failed:
        client.with_raw_response.get("phon_1")
    assert failed.value.request_id == "req_abc123"
    assert failed.value.headers["ratelimit"] == "limit=40, remaining=39, reset=2"


def test_every_status_error_carries_headers_and_request_id() -> None:
    client, _ = make_client(
        scripted(httpx.Response(500, text="oops", headers={"Request-Id": "r9"}))
    )
    with pytest.raises(ServerError) as failed:
        client.get("phon_1")
    assert failed.value.request_id == "r9"
    assert failed.value.headers["request-id"] == "r9"


def test_raw_access_goes_through_with_options() -> None:
    client, server = make_client(scripted(httpx.Response(200, json=NUMBER)))
    raw = client.with_options(timeout=3.0).with_raw_response.get("phon_1")
    assert raw.status_code == 200
    assert server.requests[0].extensions["timeout"]["read"] == 3.0


def test_async_raw_methods_match_the_sync_ones() -> None:
    answers = [
        httpx.Response(200, json=NUMBER, headers=LIMITS),
        httpx.Response(200, json=page_json([NUMBER], has_more=False), headers=LIMITS),
        httpx.Response(200, json=number_json(label="x")),
    ]

    async def run() -> tuple[Any, ...]:
        client, _ = make_async_client(scripted(*answers))
        got = await client.with_raw_response.get(NUMBER["id"])
        pages = [page async for page in client.with_raw_response.list()]
        updated = await client.with_raw_response.update(NUMBER["id"], label="x")
        return got, pages, updated

    got, pages, updated = asyncio.run(run())
    assert got.rate_limit == RateLimit(40, 39, 2.0)
    assert got.parse().id == NUMBER["id"]
    assert [[n.id for n in page.parse()] for page in pages] == [[NUMBER["id"]]]
    assert pages[0].request_id == "req_abc123"
    assert updated.parse().label == "x"


def test_a_rent_found_by_the_lookup_reports_the_listing_that_found_it(close_emulator: Any) -> None:
    """Rented, then a 503: the number comes from the lookup, and so does the raw response."""
    http = httpx.Client(transport=close_emulator.transport(), base_url=close_emulator.base_url)
    client = PhoneNumbers(
        api_key=close_emulator.api_key_with_permission, http_client=http, sleep=lambda _: None
    )
    close_emulator.faults.add("rentPhoneNumber", "status", status=503, after=True, times=1)
    raw = client.with_raw_response.rent("US", prefix="650")
    assert raw.http_response.request.method == "GET"
    assert raw.status_code == 200
    assert raw.parse().number.startswith("+1650")
