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
from close_phone_contract._exchange import Exchange
from close_phone_numbers_client import AuthenticatedClient
from close_phone_numbers_client.api.phone_numbers import (
    delete_phone_number,
    get_phone_number,
    list_phone_numbers,
    rent_phone_number,
    update_phone_number,
)
from close_phone_numbers_client.api.users import get_me
from close_phone_numbers_client.models import PhoneNumberFields, PhoneNumberUpdate, RentRequest

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
        "getMe": lambda: get_me.sync_detailed(client=client),
    }
    return calls[exchange.operation]()


class _Partial:
    """A `_fields` answer read as the spec says: its numbers as PhoneNumberFields."""

    def __init__(self, body: Any) -> None:
        self.body = body

    def to_dict(self) -> Any:
        if "data" in self.body:
            data = [PhoneNumberFields.from_dict(n).to_dict() for n in self.body["data"]]
            return {**self.body, "data": data}
        return PhoneNumberFields.from_dict(self.body).to_dict()


def replay_generated(exchange: Exchange) -> Any:
    """Replay through the generated client; return the parsed model.

    A success to a request with `_fields` is no whole number, so the generated parser
    refuses it; it is read with PhoneNumberFields, as the spec's `x-close-fields-schemas`
    says.
    """
    client = AuthenticatedClient(base_url=BASE_URL, token="replay", prefix="Bearer")
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=fixture_transport(exchange)))
    partial = "_fields" in exchange.query and 200 <= exchange.status < 300
    with client:
        try:
            response = _call(exchange, client)
        except ValueError:  # SchemaMismatch: a partial number is no PhoneNumber
            if not partial:
                raise
            response = None
    parsed = _Partial(exchange.response_body) if partial else response.parsed
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


def _wrapper_transport(exchange: Exchange) -> httpx.MockTransport:
    """Like fixture_transport, but the wrapper may add paging parameters of its own, and
    list the numbers before a rent (its guard against renting twice) to an empty page,
    after asking /me/ who the caller is."""

    def handler(request: httpx.Request) -> httpx.Response:
        if (
            exchange.operation == "rentPhoneNumber"
            and request.method == "GET"
            and request.url.path == "/api/v1/phone_number/"
        ):
            return httpx.Response(200, json={"data": [], "has_more": False})
        if exchange.operation == "rentPhoneNumber" and request.url.path == "/api/v1/me/":
            # Who rents, asked once before a rent: the user the rented number belongs to.
            user = (exchange.response_body or {}).get("user_id") or "user_replay"
            return httpx.Response(200, json={"id": user})
        expected = f"{exchange.method} /api/v1{exchange.path}"
        actual = f"{request.method} {request.url.path}"
        if actual != expected:
            raise ReplayMismatch(f"{exchange.name}: wrapper sent {actual}, recorded {expected}")
        sent = json.loads(request.content) if request.content else None
        if sent != exchange.request_body:
            raise ReplayMismatch(
                f"{exchange.name}: wrapper sent body {sent}, recorded {exchange.request_body}"
            )
        content = b"" if exchange.response_body is None else json.dumps(exchange.response_body)
        return httpx.Response(
            exchange.status, headers=dict(exchange.response_headers), content=content
        )

    return httpx.MockTransport(handler)


def _wrapper_call(exchange: Exchange, numbers: Any) -> Any:
    query = dict(exchange.query)
    number_id = exchange.path.strip("/").split("/")[-1]
    fields = query.get("_fields")
    body: dict[str, Any] = dict(exchange.request_body or {})
    if exchange.operation == "listPhoneNumbers":
        filters: dict[str, Any] = {
            k: query[k] for k in ("number", "participant_user_id", "user_id") if k in query
        }
        if "is_group_number" in query:
            filters["is_group_number"] = query["is_group_number"] == "true"
        if "_limit" in query:
            filters["page_size"] = int(query["_limit"])
        items = numbers.list(fields=fields, **filters)
        page_length = len((exchange.response_body or {}).get("data", []))
        # Only the recorded page: taking more would make the wrapper fetch the next one.
        return {"data": [next(items).to_dict() for _ in range(page_length)]}
    if exchange.operation == "getPhoneNumber":
        return numbers.get(number_id, fields=fields).to_dict()
    if exchange.operation == "updatePhoneNumber":
        return numbers.update(number_id, **body).to_dict()
    if exchange.operation == "deletePhoneNumber":
        numbers.delete(number_id)
        return {}
    if exchange.operation == "getMe":
        return numbers.me().to_dict()
    country = body.pop("country")
    return numbers.rent(country, **body).to_dict()


def replay_wrapper(exchange: Exchange) -> None:
    """Replay through close_phone_numbers.PhoneNumbers: a success keeps every field, an
    error is raised as an APIStatusError carrying the recorded status and body."""
    from close_phone_numbers import APIStatusError, PhoneNumbers

    http = httpx.Client(base_url=BASE_URL, transport=_wrapper_transport(exchange))
    numbers = PhoneNumbers(
        api_key="replay", base_url=BASE_URL, http_client=http, max_retries=0, sleep=_no_sleep
    )
    with numbers:
        try:
            result = _wrapper_call(exchange, numbers)
        except APIStatusError as error:
            if 200 <= exchange.status < 300:
                raise ReplayMismatch(f"{exchange.name}: the wrapper raised {error!r}") from None
            if (error.status_code, error.body) != (exchange.status, exchange.response_body):
                raise ReplayMismatch(
                    f"{exchange.name}: the wrapper's {type(error).__name__} carries "
                    f"{error.status_code} {error.body!r}"
                ) from None
            return
    if not 200 <= exchange.status < 300:
        raise ReplayMismatch(f"{exchange.name}: the wrapper raised nothing for {exchange.status}")
    recorded = exchange.response_body
    if exchange.operation == "listPhoneNumbers":
        recorded = {"data": recorded["data"]}
    if result != recorded:
        raise ReplayMismatch(
            f"{exchange.name}: the wrapper lost or changed fields: {_difference(recorded, result)}"
        )


def _no_sleep(seconds: float) -> None:
    """Replays never wait: the wrapper gets no retries anyway."""
