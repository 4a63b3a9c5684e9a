"""One JSON decoder for every body, the same values with or without orjson, and to_dict
giving back exactly what from_dict was given."""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import httpx
import pytest
from close_phone_numbers_client import AuthenticatedClient, types
from close_phone_numbers_client.api.phone_numbers import list_phone_numbers
from close_phone_numbers_client.models import (
    Carrier,
    CarrierType,
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumberPage,
    PhoneNumberType,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.wrapper.conftest import number_json, page_json

BASE_URL = "https://api.close.test/api/v1"


@pytest.fixture(params=["orjson", "stdlib"])
def decoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test once with orjson decoding and once with the standard library forced."""
    if request.param == "stdlib":
        monkeypatch.setattr(types, "_orjson", None)
    return str(request.param)


def test_orjson_is_used_exactly_when_it_is_installed() -> None:
    installed = importlib.util.find_spec("orjson") is not None
    assert (vars(types)["_orjson"] is not None) == installed


def test_the_stdlib_path_does_not_touch_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refuses:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError("orjson used although the standard library was forced")

    monkeypatch.setattr(types, "_orjson", None)
    assert types.loads(b'{"a": [1, 2.5, null, true, "x"]}') == {"a": [1, 2.5, None, True, "x"]}
    monkeypatch.setattr(types, "_orjson", Refuses())
    with pytest.raises(AssertionError, match="orjson used"):
        types.loads(b"{}")


# Bodies where the two decoders could part ways; the standard library's reading is the one.
EDGE_BODIES = [
    b'{"a": 1, "b": [true, false, null], "c": "\\u00e9\\ud83d\\ude00"}',
    b'{"price": 1.15, "tiny": 5e-324, "neg": -0.0, "e": 1E3}',
    b'{"edge": 18446744073709551615, "low": -9223372036854775808}',  # 64-bit ends: still ints
    b'{"nan": NaN, "inf": Infinity, "minf": -Infinity}',
    b'{"huge": 1e400}',
    b'{"dup": 1, "dup": 2}',
    b'{"lone": "\\ud800"}',
    b'\xef\xbb\xbf{"bom": true}',
    '{"utf16": "\u00e9"}'.encode("utf-16"),
    b"  [1,\n 2]  ",
]


def _decoded(body: bytes) -> str:
    # repr tells NaN, -0.0 and 1 vs True apart, which == would not.
    return repr(types.loads(body))


@pytest.mark.parametrize("body", EDGE_BODIES)
def test_orjson_and_the_stdlib_decode_to_the_same_values(
    body: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _decoded(body)
    monkeypatch.setattr(types, "_orjson", None)
    assert fast == _decoded(body) == repr(json.loads(body))


def test_integers_beyond_64_bits_are_the_one_known_difference(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """orjson reads them as floats; the spec's integers are all far smaller (types.loads)."""
    body = b'{"big": 123456789012345678901234567890}'
    fast = types.loads(body)["big"]
    monkeypatch.setattr(types, "_orjson", None)
    assert types.loads(body)["big"] == 123456789012345678901234567890
    assert fast == pytest.approx(1.2345678901234568e29)


@pytest.mark.parametrize(
    "body", [b"", b"{oops", b"<html>502</html>", b'{"a": 1', b"[" * 100_000 + b"]" * 100_000]
)
def test_a_body_that_is_not_json_is_a_value_error_on_both_paths(
    body: bytes, decoder: str
) -> None:
    with pytest.raises(ValueError):  # also for nesting too deep for the stdlib's recursion
        types.loads(body)


def _listing(body: Any) -> PhoneNumberPage:
    content = json.dumps(body).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=content))
    client = AuthenticatedClient(base_url=BASE_URL, token="unused")
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=transport))
    parsed = list_phone_numbers.sync_detailed(client=client).parsed
    assert isinstance(parsed, PhoneNumberPage)
    return parsed


def test_both_decoders_give_equal_models(monkeypatch: pytest.MonkeyPatch) -> None:
    body = page_json(
        [
            number_json(id="phon_1", carrier="telnyx", extra={"nested": [1, 2.5]}),
            number_json(id="phon_2", label="caf\u00e9 \U0001f600", last_billed_price=2),
        ],
        has_more=True,
    )
    fast = _listing(body)
    monkeypatch.setattr(types, "_orjson", None)
    slow = _listing(body)
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict() == body


# -- to_dict round-trips what from_dict was given, whatever the spec allows ------------------

# Integers stay within 64 bits, the range where orjson and the standard library agree.
ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)
json_scalars = st.none() | st.booleans() | ints | st.floats(allow_nan=False) | st.text()
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)
texts = st.text(max_size=12)
nullable_texts = st.none() | texts
text_lists = st.lists(texts, max_size=3)


def open_enum(known: type[Any]) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in known]) | texts


FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "id": texts,
    "organization_id": texts,
    "user_id": nullable_texts,
    "number": texts,
    "number_formatted": texts,
    "label": nullable_texts,
    "type": open_enum(PhoneNumberType),
    "is_group_number": st.booleans(),
    "country": nullable_texts,
    "carrier": st.none() | open_enum(Carrier),
    "carrier_type": st.none() | open_enum(CarrierType),
    "address_id": nullable_texts,
    "bundle_id": nullable_texts,
    "is_premium": st.booleans(),
    "is_verified": st.booleans(),
    "last_billed_price": st.none() | ints | st.floats(allow_nan=False),
    "next_billing_on": nullable_texts,
    "sms_enabled": st.booleans(),
    "mms_enabled": st.booleans(),
    "supports_sms_to_countries": text_lists,
    "supports_mms_to_countries": text_lists,
    "date_created": texts,
    "date_updated": texts,
    "participants": text_lists,
    "participant_groups": text_lists,
    "phone_numbers": text_lists,
    "phone_numbers_formatted": text_lists,
    "forward_to": nullable_texts,
    "forward_to_enabled": st.booleans(),
    "forward_to_formatted": nullable_texts,
    "voicemail_greeting_url": nullable_texts,
    "press_1_to_accept": st.booleans(),
    "inbound_ring_duration": st.none() | ints,
    "was_ported": st.booleans(),
}
OPTIONAL = {
    "participants",
    "participant_groups",
    "phone_numbers",
    "phone_numbers_formatted",
    "forward_to",
    "forward_to_enabled",
    "forward_to_formatted",
    "voicemail_greeting_url",
    "press_1_to_accept",
    "inbound_ring_duration",
    "was_ported",
}
unknown_fields = st.dictionaries(
    st.text(max_size=8).filter(lambda key: key not in FIELDS), json_values, max_size=3
)


@st.composite
def whole_numbers(draw: st.DrawFn) -> dict[str, Any]:
    required = {k: v for k, v in FIELDS.items() if k not in OPTIONAL}
    optional = {k: v for k, v in FIELDS.items() if k in OPTIONAL}
    body = draw(st.fixed_dictionaries(required, optional=optional))
    return draw(unknown_fields) | body


# A partial number carries `id` whatever `_fields` asked for; the rest is optional.
partial_numbers = st.fixed_dictionaries(
    {"id": FIELDS["id"]}, optional={k: v for k, v in FIELDS.items() if k != "id"}
).flatmap(
    lambda body: unknown_fields.map(lambda extra: extra | body)
)


def same_json(left: Any, right: Any) -> bool:
    """Equal as JSON: true is not 1, and key order does not matter."""
    return json.dumps(left, sort_keys=True) == json.dumps(right, sort_keys=True)


ROUND_TRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(whole_numbers())
def test_a_whole_number_round_trips_exactly(body: dict[str, Any]) -> None:
    number = PhoneNumber.from_dict(body)
    assert same_json(number.to_dict(), body)
    assert PhoneNumber.from_dict(number.to_dict()) == number


@ROUND_TRIP
@given(partial_numbers)
def test_a_partial_number_round_trips_exactly(body: dict[str, Any]) -> None:
    assert same_json(PhoneNumberFields.from_dict(body).to_dict(), body)


@ROUND_TRIP
@given(
    st.lists(whole_numbers(), max_size=4),
    st.booleans(),
    unknown_fields.filter(lambda extra: not {"data", "has_more"} & set(extra)),
)
def test_a_page_round_trips_exactly_through_json(
    data: list[dict[str, Any]], has_more: bool, extra: dict[str, Any]
) -> None:
    body = extra | {"data": data, "has_more": has_more}
    page = PhoneNumberPage.from_dict(types.loads(json.dumps(body).encode()))
    assert same_json(page.to_dict(), body)


def test_to_dict_gives_plain_json_values_not_enum_members() -> None:
    out = PhoneNumber.from_dict(number_json(type="internal", carrier="twilio")).to_dict()
    assert type(out["type"]) is str
    assert type(out["carrier"]) is str
