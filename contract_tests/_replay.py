"""Replay a recorded exchange through the generated client and check nothing is lost.

An httpx.MockTransport plays the server: it checks that the client sent the
recorded request (method, path, query, body) and answers with the recorded
response. The parsed model must then turn back into exactly the recorded body.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
from close_phone_numbers_client import AuthenticatedClient
from close_phone_numbers_client.api.phone_numbers import (
    delete_phone_number,
    get_phone_number,
    list_phone_numbers,
    rent_phone_number,
    update_phone_number,
)
from close_phone_numbers_client.models import PhoneNumberUpdate, RentRequest

from contract_tests._exchange import Exchange

BASE_URL = "https://api.close.com/api/v1"
# The generated client renames the underscore parameters; see tools.md §A.
_QUERY_NAMES = {"_skip": "field_skip", "_limit": "field_limit", "_fields": "field_fields"}
_INTEGER_QUERY = {"_skip", "_limit"}
_BOOLEAN_QUERY = {"is_group_number"}


class ReplayMismatch(AssertionError):
    """The client sent something else than recorded, or lost part of the response."""


def fixture_transport(exchange: Exchange) -> httpx.MockTransport:
    """A fake server that expects the recorded request and gives the recorded response."""

    def handler(request: httpx.Request) -> httpx.Response:
        expected = f"{exchange.method} /api/v1{exchange.path}"
        actual = f"{request.method} {request.url.path}"
        if actual != expected:
            raise ReplayMismatch(f"{exchange.name}: client sent {actual}, recorded {expected}")
        query = dict(request.url.params)
        if query != dict(exchange.query):
            raise ReplayMismatch(f"{exchange.name}: query {query} != recorded {exchange.query}")
        sent = json.loads(request.content) if request.content else None
        if sent != exchange.request_body:
            raise ReplayMismatch(
                f"{exchange.name}: body {sent} != recorded {exchange.request_body}"
            )
        content = b"" if exchange.response_body is None else json.dumps(exchange.response_body)
        return httpx.Response(
            exchange.status, headers=dict(exchange.response_headers), content=content
        )

    return httpx.MockTransport(handler)


def _query_kwargs(query: dict[str, str]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for name, raw in query.items():
        value: Any = raw
        if name in _INTEGER_QUERY:
            value = int(raw)
        elif name in _BOOLEAN_QUERY:
            value = raw == "true"
        kwargs[_QUERY_NAMES.get(name, name)] = value
    return kwargs


def _call(exchange: Exchange, client: AuthenticatedClient) -> Any:
    query = _query_kwargs(dict(exchange.query))
    number_id = exchange.path.strip("/").split("/")[-1]
    calls: dict[str, Callable[[], Any]] = {
        "listPhoneNumbers": lambda: list_phone_numbers.sync_detailed(client=client, **query),
        "getPhoneNumber": lambda: get_phone_number.sync_detailed(number_id, client=client, **query),
        "updatePhoneNumber": lambda: update_phone_number.sync_detailed(
            number_id, client=client, body=PhoneNumberUpdate.from_dict(exchange.request_body)
        ),
        "deletePhoneNumber": lambda: delete_phone_number.sync_detailed(number_id, client=client),
        "rentPhoneNumber": lambda: rent_phone_number.sync_detailed(
            client=client, body=RentRequest.from_dict(exchange.request_body)
        ),
    }
    return calls[exchange.operation]()


def replay_generated(exchange: Exchange) -> Any:
    """Replay through the generated client; return the parsed model."""
    client = AuthenticatedClient(base_url=BASE_URL, token="replay", prefix="Bearer")
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=fixture_transport(exchange)))
    with client:
        response = _call(exchange, client)
    parsed = response.parsed
    if parsed is None:
        raise ReplayMismatch(f"{exchange.name}: the generated client did not parse the response")
    if exchange.response_body is not None:
        again = parsed.to_dict()
        if again != exchange.response_body:
            raise ReplayMismatch(
                f"{exchange.name}: {type(parsed).__name__} lost or changed fields: "
                f"{_difference(exchange.response_body, again)}"
            )
    return parsed


def _difference(recorded: Any, parsed: Any, where: str = "") -> str:
    """The first place where two JSON values differ, for a readable failure."""
    if isinstance(recorded, dict) and isinstance(parsed, dict):
        for key in sorted(recorded.keys() | parsed.keys()):
            if recorded.get(key, ...) != parsed.get(key, ...):
                return _difference(recorded.get(key, ...), parsed.get(key, ...), f"{where}/{key}")
    if isinstance(recorded, list) and isinstance(parsed, list) and len(recorded) == len(parsed):
        for index, (a, b) in enumerate(zip(recorded, parsed, strict=True)):
            if a != b:
                return _difference(a, b, f"{where}/{index}")
    shown = ["(missing)" if v is ... else json.dumps(v) for v in (recorded, parsed)]
    return f"at {where or '/'}: recorded {shown[0]}, parsed {shown[1]}"
