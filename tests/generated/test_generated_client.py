"""The generated client parses what Close sends, including what Close adds later."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from close_phone_numbers_client import AuthenticatedClient
from close_phone_numbers_client.errors import SchemaMismatch
from close_phone_numbers_client.api.phone_numbers import (
    get_phone_number,
    list_phone_numbers,
    rent_phone_number,
)
from close_phone_numbers_client.models import (
    Carrier,
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumberType,
    RentRefusal,
    RentRefusalStatus,
    RentRequest,
    ValidationError,
)

BASE_URL = "https://api.close.test/api/v1"
FIXTURES = Path(__file__).parents[2] / "contract_tests" / "fixtures" / "close_docs"


def published(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text())["response"]["body"]


def client_for(handler: Callable[[httpx.Request], httpx.Response]) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url=BASE_URL, token="unused", prefix="Basic")
    client.set_httpx_client(
        httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(handler))
    )
    return client


def answer(status: int, body: Any) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body)

    return handler


def test_unknown_field_and_unknown_enum_values_parse() -> None:
    """A new field is kept and new `type`/`carrier` values arrive as plain strings."""
    body = published("getPhoneNumber.200") | {
        "type": "satellite",
        "carrier": "telnyx",
        "carrier_type": "premium-rate",
        "spam_score": 0.2,
    }
    response = get_phone_number.sync_detailed(
        body["id"], client=client_for(answer(200, body))
    )
    number = response.parsed
    assert isinstance(number, PhoneNumber)
    assert number.type_ == "satellite"
    assert not isinstance(number.type_, PhoneNumberType)
    assert number.carrier == "telnyx"
    assert number.carrier_type == "premium-rate"
    assert number.additional_properties == {"spam_score": 0.2}
    assert number.to_dict() == body


def test_known_enum_values_parse_to_enum_members() -> None:
    """Values the spec knows become enum members, so users can compare safely."""
    body = published("getPhoneNumber.200") | {"carrier": "twilio"}
    number = get_phone_number.sync_detailed(body["id"], client=client_for(answer(200, body))).parsed
    assert isinstance(number, PhoneNumber)
    assert number.type_ is PhoneNumberType.INTERNAL
    assert number.carrier is Carrier.TWILIO


def test_unknown_rent_status_parses_as_a_refusal() -> None:
    """A refusal status Close adds later still parses as a RentRefusal."""
    body = {"status": "needs-port-in", "error": "Port the number in first."}
    response = rent_phone_number.sync_detailed(
        client=client_for(answer(400, body)), body=RentRequest(country="US")
    )
    assert isinstance(response.parsed, RentRefusal)
    assert response.parsed.status == "needs-port-in"


def test_known_rent_status_and_validation_errors_are_told_apart() -> None:
    """A 400 with `status` is a refusal; one with `field-errors` is a validation error."""
    refusal = rent_phone_number.sync_detailed(
        client=client_for(answer(400, {"status": "has-voice-only", "error": "voice only"})),
        body=RentRequest(country="US"),
    ).parsed
    assert isinstance(refusal, RentRefusal)
    assert refusal.status is RentRefusalStatus.HAS_VOICE_ONLY
    invalid = rent_phone_number.sync_detailed(
        client=client_for(answer(400, {"errors": [], "field-errors": {"country": "bad"}})),
        body=RentRequest(country="US"),
    ).parsed
    assert isinstance(invalid, ValidationError)
    assert invalid.field_errors["country"] == "bad"


def test_rent_request_sends_only_what_was_given() -> None:
    """The rent body carries no field the caller left out, not even the deprecated one."""
    seen: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(201, json=published("rentPhoneNumber.201"))

    rent_phone_number.sync_detailed(
        client=client_for(handler), body=RentRequest(country="US", prefix="650")
    )
    assert seen == [{"country": "US", "prefix": "650"}]


def test_answers_are_whole_numbers_and_partial_ones_parse_as_phone_number_fields() -> None:
    """The spec types answers as whole numbers; a `_fields` item is read as PhoneNumberFields."""
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, json={"data": [{"id": "phon_a", "number": "+1650"}], "has_more": False})

    with pytest.raises(SchemaMismatch, match="organization_id"):  # no whole PhoneNumber
        list_phone_numbers.sync_detailed(client=client_for(handler), field_fields="id,number")
    assert seen[0].params["_fields"] == "id,number"
    assert "_limit" not in seen[0].params  # no default is sent on the caller's behalf
    item = PhoneNumberFields.from_dict({"id": "phon_a", "number": "+1650"})
    assert item.id == "phon_a"
    with pytest.raises(SchemaMismatch, match="id"):  # even a partial number carries its id
        PhoneNumberFields.from_dict({"number": "+1650"})


@pytest.mark.parametrize("name", ["listPhoneNumbers.200", "getPhoneNumber.200"])
def test_published_examples_parse_without_loss(name: str) -> None:
    """Close's examples parse into full objects and serialise back unchanged."""
    body = published(name)
    if "data" in body:
        page = list_phone_numbers.sync_detailed(client=client_for(answer(200, body))).parsed
        assert page is not None
        assert all(isinstance(item, PhoneNumber) for item in page.data)  # type: ignore[union-attr]
        assert page.to_dict() == body
    else:
        number = get_phone_number.sync_detailed(body["id"], client=client_for(answer(200, body))).parsed
        assert isinstance(number, PhoneNumber)
        assert number.to_dict() == body
