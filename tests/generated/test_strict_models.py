"""The generated models refuse values of the wrong type, naming the path, and keep the rest.

Through the generated client's endpoints and through the library, at the httpx.MockTransport
seam, sync and async.
"""

from __future__ import annotations

import asyncio
import copy
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from collections.abc import Callable
from typing import Any

import close_phone_numbers_client
import httpx
import pytest
from close_phone_numbers import UnexpectedResponseError
from close_phone_numbers_client import AuthenticatedClient
from close_phone_numbers_client.api.phone_numbers import get_phone_number, list_phone_numbers
from close_phone_numbers_client.errors import SchemaMismatch
from close_phone_numbers_client.models import (
    Carrier,
    Deleted,
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumberPage,
    RateLimited,
    RentRefusal,
    RentRefusalStatus,
    RentRequest,
    Sharing,
    ValidationError,
)
from close_phone_numbers_client.types import UNSET

from tests.wrapper.conftest import make_async_client, make_client, number_json, page_json

BASE_URL = "https://api.close.test/api/v1"


def numbers(count: int) -> list[dict[str, Any]]:
    return [number_json(id=f"phon_{i:03d}") for i in range(count)]


def refusal(body: Any) -> str:
    with pytest.raises(SchemaMismatch) as caught:
        PhoneNumberPage.from_dict(body)
    return str(caught.value)


@pytest.mark.parametrize(
    ("has_more", "shown"),
    [("false", "'false'"), (None, "null"), (1, "1"), (0, "0"), ([], "an array")],
)
def test_page_refuses_has_more_that_is_not_a_boolean(has_more: Any, shown: str) -> None:
    body = {"data": numbers(1), "has_more": has_more}
    assert refusal(body) == f"has_more: expected boolean, got {shown}"


@pytest.mark.parametrize(("data", "shown"), [({}, "an object"), ("[]", "'[]'"), (None, "null")])
def test_page_refuses_data_that_is_not_a_list(data: Any, shown: str) -> None:
    assert refusal({"data": data, "has_more": False}) == f"data: expected array, got {shown}"


def test_a_wrong_field_deep_in_a_page_is_named_by_its_path() -> None:
    data = numbers(5)
    data[3]["is_group_number"] = "false"
    assert refusal(page_json(data, has_more=True)) == (
        "data[3].is_group_number: expected boolean, got 'false'"
    )


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("date_created", 5, "expected string, got 5"),
        ("label", 7, "expected string or null, got 7"),
        ("id", None, "expected string, got null"),
        ("sms_enabled", 1, "expected boolean, got 1"),
        ("sms_enabled", 0.0, "expected boolean, got 0.0"),
        ("last_billed_price", True, "expected number or null, got true"),
        ("last_billed_price", "1.15", "expected number or null, got '1.15'"),
        ("inbound_ring_duration", True, "expected integer or null, got true"),
        ("inbound_ring_duration", 30.0, "expected integer or null, got 30.0"),
        ("type", 1, "expected string, got 1"),
        ("carrier", False, "expected string or null, got false"),
        ("participants", "user_1", "expected array, got 'user_1'"),
    ],
)
def test_number_refuses_a_field_of_the_wrong_type(field: str, value: Any, problem: str) -> None:
    with pytest.raises(SchemaMismatch) as caught:
        PhoneNumber.from_dict(number_json(**{field: value}))
    assert str(caught.value) == f"{field}: {problem}"
    assert caught.value.path == [field]


def test_a_wrong_item_in_a_list_of_strings_is_named_by_its_index() -> None:
    body = number_json(supports_sms_to_countries=["US", "CA", 3])
    with pytest.raises(SchemaMismatch, match=r"^supports_sms_to_countries\[2\]: expected string"):
        PhoneNumber.from_dict(body)


def test_a_missing_required_field_is_named() -> None:
    body = number_json()
    del body["organization_id"]
    with pytest.raises(SchemaMismatch) as caught:
        PhoneNumber.from_dict(body)
    assert caught.value.path == ["organization_id"]
    assert "required" in str(caught.value)


def test_a_number_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(SchemaMismatch, match=r"^data\[0\]: expected object, got 'phon_1'"):
        PhoneNumberPage.from_dict({"data": ["phon_1"], "has_more": False})
    with pytest.raises(SchemaMismatch, match=r"^\(body\): expected object, got an array"):
        PhoneNumber.from_dict([])  # type: ignore[arg-type]


def test_a_huge_wrong_value_is_quoted_short() -> None:
    with pytest.raises(SchemaMismatch) as caught:
        PhoneNumber.from_dict(number_json(id=12345678901234567890 ** 20))
    assert len(str(caught.value)) < 100


def test_values_the_schema_allows_are_accepted_as_they_are() -> None:
    body = number_json(
        last_billed_price=2,  # a JSON integer is a number
        inbound_ring_duration=None,
        forward_to=None,
        label=None,
        carrier=None,
    )
    number = PhoneNumber.from_dict(body)
    assert number.last_billed_price == 2
    assert type(number.last_billed_price) is int
    assert number.label is None
    assert number.to_dict() == body


def test_unknown_fields_and_enum_values_are_kept_at_every_level() -> None:
    item = number_json(carrier="telnyx", hold_music="jazz")
    body = page_json([item], has_more=False) | {"cursor": None}
    page = PhoneNumberPage.from_dict(body)
    assert page.additional_properties == {"cursor": None}
    number = page.data[0]
    assert isinstance(number, PhoneNumber)
    assert number.carrier == "telnyx"
    assert not isinstance(number.carrier, Carrier)
    assert number["hold_music"] == "jazz"
    assert page.to_dict() == body


def test_known_enum_values_become_members() -> None:
    number = PhoneNumber.from_dict(number_json(carrier="plivo"))
    assert number.carrier is Carrier.PLIVO
    refused = RentRefusal.from_dict({"status": "billing-error", "error": "budget spent"})
    assert refused.status is RentRefusalStatus.BILLING_ERROR
    assert RentRefusal.from_dict({"status": "new-reason", "error": ""}).status == "new-reason"


def test_missing_optional_fields_are_unset_and_left_out_again() -> None:
    body = number_json()
    for name in ("participants", "phone_numbers", "was_ported", "inbound_ring_duration"):
        del body[name]
    number = PhoneNumber.from_dict(body)
    assert number.participants is UNSET
    assert number.was_ported is UNSET
    assert number.to_dict() == body


def test_the_input_is_not_copied_and_no_dict_is_kept_without_unknown_fields() -> None:
    body = number_json()
    before = copy.deepcopy(body)
    number = PhoneNumber.from_dict(body)
    assert body == before  # nothing popped from the caller's dict
    assert number._additional is None
    assert number.additional_keys == []
    assert "anything" not in number
    assert not hasattr(number, "__dict__")  # slots


def test_unknown_fields_can_still_be_added_and_compared() -> None:
    first = PhoneNumber.from_dict(number_json())
    second = PhoneNumber.from_dict(number_json())
    assert first == second
    second.additional_properties  # reading it must not make the two differ
    assert first == second
    second["extra"] = 1
    assert first != second
    assert second.to_dict()["extra"] == 1


def test_repr_shows_only_the_fields_that_are_set() -> None:
    partial = PhoneNumberFields.from_dict({"id": "phon_1", "label": None, "new_field": 1})
    assert repr(partial) == (
        "PhoneNumberFields(id='phon_1', label=None, additional_properties={'new_field': 1})"
    )
    assert repr(Deleted.from_dict({})) == "Deleted()"


def test_error_bodies_are_checked_too() -> None:
    with pytest.raises(SchemaMismatch, match=r"^errors\[1\]: expected string, got 5"):
        ValidationError.from_dict({"errors": ["bad", 5], "field-errors": {}})
    with pytest.raises(SchemaMismatch, match=r"^field-errors\.label: expected string or object"):
        ValidationError.from_dict({"errors": [], "field-errors": {"label": 5}})
    nested = {"errors": [], "field-errors": {"label": "too long", "carrier": {"type": "bad"}}}
    assert ValidationError.from_dict(nested).to_dict() == nested
    limited = {"error": {"message": "slow down", "rate_reset": 1.5}}
    assert RateLimited.from_dict(limited).to_dict() == limited
    with pytest.raises(SchemaMismatch, match=r"^error\.rate_reset: expected number, got '1'"):
        RateLimited.from_dict({"error": {"rate_reset": "1"}})


def _generated_client(body: bytes) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    client = AuthenticatedClient(base_url=BASE_URL, token="unused")
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(handler)))
    return client


def test_generated_endpoints_raise_the_mismatch_for_a_bad_body() -> None:
    with pytest.raises(SchemaMismatch, match=r"^has_more: expected boolean"):
        list_phone_numbers.sync_detailed(client=_generated_client(b'{"data": [], "has_more": 0}'))
    with pytest.raises(SchemaMismatch, match=r"^\(body\): expected object, got 'x'"):
        get_phone_number.sync_detailed("phon_1", client=_generated_client(b'"x"'))


def _bad_page(request: httpx.Request) -> httpx.Response:
    data = numbers(5)
    data[3]["is_group_number"] = "false"
    return httpx.Response(200, json=page_json(data, has_more=False))


MESSAGE = "data[3].is_group_number: expected boolean, got 'false'"


def test_library_listing_names_the_path_of_a_wrong_type() -> None:
    client, _ = make_client(_bad_page)
    with pytest.raises(UnexpectedResponseError) as caught:
        list(client.list())
    assert MESSAGE in str(caught.value)
    assert isinstance(caught.value.__cause__, SchemaMismatch)


def test_async_library_listing_names_the_path_of_a_wrong_type() -> None:
    client, _ = make_async_client(_bad_page)

    async def collect() -> list[Any]:
        async with client:
            return [n async for n in client.list()]

    with pytest.raises(UnexpectedResponseError) as caught:
        asyncio.run(collect())
    assert MESSAGE in str(caught.value)


@pytest.mark.parametrize("has_more", ["false", None, 1])
def test_library_refuses_a_page_whose_has_more_is_not_a_boolean(has_more: Any) -> None:
    page = {"data": numbers(2), "has_more": has_more}
    client, recorder = make_client(lambda request: httpx.Response(200, json=page))
    with pytest.raises(UnexpectedResponseError, match="has_more: expected boolean"):
        list(client.list())
    assert len(recorder.requests) == 1  # refused, not retried or paged on


def test_library_refuses_a_page_whose_data_is_an_object() -> None:
    client, _ = make_client(lambda request: httpx.Response(200, json={"data": {}, "has_more": False}))
    with pytest.raises(UnexpectedResponseError, match=r"data: expected array, got an object"):
        list(client.list())


@pytest.mark.parametrize("run", ["sync", "async"])
def test_library_get_names_the_wrong_field(run: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=number_json(date_created=5))

    expected = "date_created: expected string, got 5"
    if run == "sync":
        client, _ = make_client(handler)
        with pytest.raises(UnexpectedResponseError, match=expected):
            client.get("phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr")
        return
    aclient, _ = make_async_client(handler)

    async def get() -> Any:
        async with aclient:
            return await aclient.get("phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr")

    with pytest.raises(UnexpectedResponseError, match=expected):
        asyncio.run(get())




def test_the_generated_parsers_have_no_closures_and_no_casts() -> None:
    """The templates' promise, held for every module generated from them."""
    package = Path(close_phone_numbers_client.__file__).parent
    for module in sorted(package.rglob("*.py")):
        source = module.read_text()
        assert "cast(" not in source, module
        assert "    def _parse_" not in source, module  # a function defined per field
        assert "d = dict(src_dict)" not in source, module  # the input copied


def test_copies_and_pickles_are_equal_and_show_the_same_fields() -> None:
    partial = PhoneNumberFields.from_dict({"id": "phon_1", "label": None, "later": [1]})
    for twin in (copy.deepcopy(partial), pickle.loads(pickle.dumps(partial)), copy.copy(partial)):
        assert twin == partial
        assert repr(twin) == repr(partial)
        assert twin.participants is UNSET
        assert twin.to_dict() == partial.to_dict()


def test_a_closed_enum_refuses_values_it_does_not_list() -> None:
    with pytest.raises(SchemaMismatch) as caught:
        RentRequest.from_dict({"country": "US", "sharing": "team"})
    assert str(caught.value) == "sharing: expected one of 'group', 'personal', got 'team'"
    request = RentRequest.from_dict({"country": "US", "sharing": "group", "carrier_type": None})
    assert request.sharing is Sharing.GROUP
    assert request.carrier_type is None


def _partial_page(body: Any) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.params.get("_fields")
        return httpx.Response(200, json=body)

    return handler


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"data": [{"id": "phon_1"}], "has_more": "false"}, "has_more: expected boolean"),
        ({"data": {}, "has_more": False}, "data: expected array, got an object"),
        (
            {"data": [{"id": "phon_1"}, {"id": "phon_2", "label": 5}], "has_more": False},
            "data[1].label: expected string or null, got 5",
        ),
        ({"data": [{"id": "phon_1"}, None], "has_more": False}, "data[1]: expected object"),
    ],
)
def test_a_partial_listing_names_the_path_of_a_wrong_type(body: Any, problem: str) -> None:
    client, _ = make_client(_partial_page(body))
    with pytest.raises(UnexpectedResponseError, match=re.escape(problem)):
        list(client.list(fields="label"))


def test_an_async_partial_listing_names_the_path_of_a_wrong_type() -> None:
    body = {"data": [{"id": "phon_1", "forward_to_enabled": "yes"}], "has_more": False}
    client, _ = make_async_client(_partial_page(body))

    async def collect() -> list[Any]:
        async with client:
            return [n async for n in client.list(fields="forward_to_enabled")]

    with pytest.raises(UnexpectedResponseError, match=r"data\[0\]\.forward_to_enabled: expected"):
        asyncio.run(collect())
