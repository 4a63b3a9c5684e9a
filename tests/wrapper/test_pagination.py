"""Lazy offset paging: one page at a time, partial objects with fields, stable under inserts."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumbers,
    UnexpectedResponseError,
)

from .conftest import BASE_URL, make_client, number_json, page_json


def _numbers(count: int) -> list[dict[str, Any]]:
    return [number_json(id=f"phon_{i:05d}", number=f"+1650555{i:04d}") for i in range(count)]


class Listing:
    """A fake list endpoint over a mutable list of numbers, newest first, paged by offset."""

    def __init__(self, numbers: list[dict[str, Any]]) -> None:
        self.numbers = numbers

    def __call__(self, request: httpx.Request) -> httpx.Response:
        skip = int(request.url.params.get("_skip", 0))
        limit = int(request.url.params.get("_limit", 100))
        chunk = self.numbers[skip : skip + limit]
        fields = request.url.params.get("_fields")
        if fields:
            chunk = [{k: v for k, v in n.items() if k in fields.split(",")} for n in chunk]
        has_more = skip + limit < len(self.numbers)
        return httpx.Response(200, json=page_json(chunk, has_more=has_more))


def test_list_walks_every_page_in_order() -> None:
    """All numbers come back once, in the server's order, with _skip advancing by page."""
    client, server = make_client(Listing(_numbers(250)))
    ids = [n.id for n in client.list(page_size=100)]
    assert ids == [f"phon_{i:05d}" for i in range(250)]
    skips = [(r.url.params["_skip"], r.url.params["_limit"]) for r in server.requests]
    assert skips == [("0", "100"), ("100", "100"), ("200", "100")]


def test_list_is_lazy_and_fetches_one_page_at_a_time() -> None:
    """Nothing is fetched until iteration starts, and only as far as it goes."""
    client, server = make_client(Listing(_numbers(30)))
    numbers = client.list(page_size=10)
    assert server.requests == []
    first = next(numbers)
    assert isinstance(first, PhoneNumber)
    assert len(server.requests) == 1
    for _ in range(10):
        next(numbers)
    assert len(server.requests) == 2


def test_list_passes_filters() -> None:
    """Filters are sent under Close's parameter names."""
    client, server = make_client(Listing([]))
    list(
        client.list(
            number="+16505550100",
            participant_user_id="user_abc",
            user_id="user_def",
            is_group_number=False,
        )
    )
    params = dict(server.requests[0].url.params)
    assert params == {
        "number": "+16505550100",
        "participant_user_id": "user_abc",
        "user_id": "user_def",
        "is_group_number": "false",
        "_skip": "0",
        "_limit": "100",
    }


def test_list_with_fields_returns_partial_objects_and_always_asks_for_id() -> None:
    """fields= sends _fields (with id added) and yields PhoneNumberFields."""
    client, server = make_client(Listing(_numbers(3)))
    numbers = list(client.list(fields=["number", "label"]))
    assert all(type(n) is PhoneNumberFields for n in numbers)
    assert [n.number for n in numbers] == ["+16505550000", "+16505550001", "+16505550002"]
    assert server.requests[0].url.params["_fields"] == "id,number,label"


def test_fields_covering_every_required_field_still_gives_partial_objects() -> None:
    """Asking for fields always yields PhoneNumberFields, even when the answer is complete."""
    client, _ = make_client(Listing(_numbers(2)))
    numbers = list(client.list(fields=",".join(number_json())))
    assert [type(n) for n in numbers] == [PhoneNumberFields, PhoneNumberFields]


def test_a_number_created_during_iteration_is_not_yielded_twice() -> None:
    """An insert at the top shifts the pages; the repeated number is dropped."""
    listing = Listing(_numbers(20))
    client, _ = make_client(listing)
    seen = []
    for number in client.list(page_size=10):
        seen.append(number.id)
        if len(seen) == 5:
            listing.numbers.insert(0, number_json(id="phon_new"))
    assert seen == [f"phon_{i:05d}" for i in range(20)]


def test_an_empty_page_ends_the_iteration_even_if_has_more_says_otherwise() -> None:
    """A server that says has_more with no data cannot loop the client forever."""
    client, server = make_client(
        lambda request: httpx.Response(200, json=page_json([], has_more=True))
    )
    assert list(client.list()) == []
    assert len(server.requests) == 1


def test_a_server_repeating_the_same_page_ends_with_an_error_not_a_hang() -> None:
    """Pages of already-seen numbers with has_more forever raise after a few, not loop."""
    same = _numbers(2)
    client, server = make_client(
        lambda request: httpx.Response(200, json=page_json(same, has_more=True))
    )
    with pytest.raises(UnexpectedResponseError, match="repeated numbers"):
        list(client.list(page_size=2))
    assert len(server.requests) == 4


def test_repeated_pages_end_with_an_error_even_without_the_response_hook() -> None:
    """A caller's client that lost the package's event hook still cannot loop forever."""
    same = _numbers(2)
    requests: list[httpx.Request] = []

    def repeating(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=page_json(same, has_more=True))

    http = httpx.Client(transport=httpx.MockTransport(repeating), base_url=BASE_URL)
    client = PhoneNumbers(api_key="k", http_client=http)
    http.event_hooks = {"request": [], "response": []}
    with pytest.raises(UnexpectedResponseError, match="repeated numbers"):
        list(client.list(page_size=2))
    assert len(requests) == 4


def test_more_inserts_than_a_page_holds_still_list_every_number() -> None:
    """A page made only of repeats (a page's worth of inserts) is passed over, not an end."""
    listing = Listing(_numbers(6))
    client, _ = make_client(listing)
    seen = []
    for number in client.list(page_size=2):
        seen.append(number.id)
        if len(seen) == 2:
            listing.numbers[:0] = [number_json(id=f"phon_new{i}") for i in range(2)]
    assert seen == [f"phon_{i:05d}" for i in range(6)]


def test_a_page_with_an_incomplete_number_raises_without_fields() -> None:
    """Without fields every number must be complete; a partial one is a malformed answer."""
    broken = {"id": "phon_1", "number": "+16505550100"}
    client, _ = make_client(
        lambda request: httpx.Response(200, json=page_json([broken], has_more=False))
    )
    with pytest.raises(UnexpectedResponseError):
        list(client.list())


def test_get_with_fields_returns_a_partial_object() -> None:
    """get(fields=...) sends _fields and returns PhoneNumberFields."""
    number = number_json()
    client, server = make_client(
        lambda request: httpx.Response(200, json={"id": number["id"], "label": "Front desk"})
    )
    partial = client.get(number["id"], fields="label")
    assert type(partial) is PhoneNumberFields
    assert partial.label == "Front desk"
    assert server.requests[0].url.params["_fields"] == "label"
