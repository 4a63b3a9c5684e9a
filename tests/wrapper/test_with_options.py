"""with_options: a configured copy that shares the parent's connections and throttle."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    NOT_GIVEN,
    AsyncPhoneNumbers,
    InvalidRequestError,
    PhoneNumbers,
    ServerError,
)

from .conftest import BASE_URL, make_async_client, make_client, number_json, scripted

NUMBER = number_json()


def _timeouts(server: Any) -> list[dict[str, float | None]]:
    return [r.extensions["timeout"] for r in server.requests]


def test_copy_sends_its_timeout_and_the_parent_keeps_its_own() -> None:
    """A per-call timeout reaches the transport on every request; the parent is unchanged."""
    client, server = make_client(scripted(httpx.Response(200, json=NUMBER)), timeout=30.0)
    client.with_options(timeout=2.5).get("phon_1")
    client.get("phon_1")
    quick, default = _timeouts(server)
    assert quick == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert default["read"] == 30.0


def test_copy_timeout_none_waits_for_ever_as_in_the_constructor() -> None:
    """timeout=None means no limit, as for PhoneNumbers(timeout=None) and httpx."""
    client, server = make_client(scripted(httpx.Response(200, json=NUMBER)))
    client.with_options(timeout=None).get("phon_1")
    assert _timeouts(server) == [{"connect": None, "read": None, "write": None, "pool": None}]


def test_copy_accepts_an_httpx_timeout() -> None:
    client, server = make_client(scripted(httpx.Response(200, json=NUMBER)))
    client.with_options(timeout=httpx.Timeout(4.0, connect=1.0)).get("phon_1")
    assert _timeouts(server)[0] == {"connect": 1.0, "read": 4.0, "write": 4.0, "pool": 4.0}


def test_copy_max_retries_bounds_the_retries_and_the_parent_keeps_its_budget() -> None:
    """max_retries=0 on the copy: one attempt; the parent still retries twice."""
    client, server = make_client(scripted(httpx.Response(503, json={"error": "busy"})))
    with pytest.raises(ServerError):
        client.with_options(max_retries=0).get("phon_1")
    assert len(server.requests) == 1
    with pytest.raises(ServerError):
        client.get("phon_1")
    assert len(server.requests) == 1 + 3


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": -1.0}, "timeout"),
        ({"timeout": "30"}, "timeout"),
        ({"timeout": True}, "timeout"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"max_retries": True}, "max_retries"),
    ],
)
def test_bad_options_are_refused_like_the_constructors(options: Any, field: str) -> None:
    """The same check, field and message as PhoneNumbers(...) with the same argument."""
    client, _ = make_client(scripted(httpx.Response(200, json=NUMBER)))
    with pytest.raises(InvalidRequestError) as refused:
        client.with_options(**options)
    with pytest.raises(InvalidRequestError) as by_constructor:
        PhoneNumbers(api_key="k", base_url=BASE_URL, **options)
    assert refused.value.field == by_constructor.value.field == field
    assert str(refused.value) == str(by_constructor.value)


def test_copy_shares_the_connection_pool() -> None:
    """Both go through one httpx client; closing the copy leaves it open, the parent closes it."""
    with PhoneNumbers(api_key="k", base_url=BASE_URL) as client:
        copy = client.with_options(timeout=5.0, max_retries=1)
        assert copy._http is client._http
        copy.close()
        assert not client._http.is_closed
    assert client._http.is_closed


def test_copy_shares_the_throttle_so_a_spent_budget_holds_for_both() -> None:
    """A RateLimit remaining=0 seen through the copy makes the parent wait too."""
    spent = httpx.Response(200, json=NUMBER, headers={"RateLimit": "limit=5, remaining=0, reset=3"})
    client, server = make_client(scripted(spent, httpx.Response(200, json=NUMBER)))
    client.with_options(max_retries=0).get("phon_1")
    client.get("phon_1")
    assert len(server.sleeps) == 1
    assert 2.0 < server.sleeps[0] <= 3.0


def test_options_left_out_stay_as_the_parents() -> None:
    """with_options() with nothing given is an equal copy: same retries, no timeout override."""
    client, server = make_client(
        scripted(httpx.Response(503, json={}), httpx.Response(200, json=NUMBER)), max_retries=1
    )
    copy = client.with_options(timeout=NOT_GIVEN)
    copy.get("phon_1")
    assert len(server.requests) == 2
    assert copy._timeout is None
    assert repr(copy) == repr(client)


def test_copies_chain_and_keep_what_the_first_set() -> None:
    client, server = make_client(scripted(httpx.Response(503, json={})))
    chained = client.with_options(timeout=1.0).with_options(max_retries=0)
    with pytest.raises(ServerError):
        chained.get("phon_1")
    assert len(server.requests) == 1
    assert _timeouts(server)[0]["read"] == 1.0


def test_listing_through_a_copy_uses_its_timeout_on_every_page() -> None:
    pages = [
        httpx.Response(200, json={"data": [number_json(id="phon_a")], "has_more": True}),
        httpx.Response(200, json={"data": [number_json(id="phon_b")], "has_more": False}),
    ]
    client, server = make_client(scripted(*pages))
    assert [n.id for n in client.with_options(timeout=7.0).list()] == ["phon_a", "phon_b"]
    assert [t["read"] for t in _timeouts(server)] == [7.0, 7.0]


def test_async_copy_sends_its_timeout_and_shares_the_client() -> None:
    """The same for AsyncPhoneNumbers, concurrently: each call keeps its own timeout."""

    async def run() -> tuple[AsyncPhoneNumbers, AsyncPhoneNumbers, list[Any]]:
        client, server = make_async_client(scripted(httpx.Response(200, json=NUMBER)))
        copy = client.with_options(timeout=1.5, max_retries=0)
        await asyncio.gather(copy.get("phon_1"), client.get("phon_2"), copy.get("phon_3"))
        return client, copy, server.requests

    client, copy, requests = asyncio.run(run())
    assert copy._http is client._http
    by_path = {r.url.path.rsplit("/", 2)[-2]: r.extensions["timeout"]["read"] for r in requests}
    assert by_path["phon_1"] == by_path["phon_3"] == 1.5
    assert by_path["phon_2"] == 5.0  # the caller's httpx client's own (httpx default)


def test_async_bad_options_are_refused() -> None:
    client, _ = make_async_client(scripted(httpx.Response(200, json=NUMBER)))
    with pytest.raises(InvalidRequestError, match="max_retries"):
        client.with_options(max_retries=-2)
