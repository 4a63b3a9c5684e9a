"""The spec describes Close's phone-number endpoints the way the project promises."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests import speclib

SPEC = speclib.load_spec()
OPERATIONS = list(speclib.operations())
OPERATION_IDS = [op["operationId"] for _, _, op in OPERATIONS]


def test_spec_has_the_six_operations_on_their_paths() -> None:
    """List, retrieve, update, delete, rent and who-am-I sit on Close's paths and methods."""
    assert {(m, p, op["operationId"]) for m, p, op in OPERATIONS} == {
        ("GET", "/phone_number/", "listPhoneNumbers"),
        ("GET", "/phone_number/{id}/", "getPhoneNumber"),
        ("PUT", "/phone_number/{id}/", "updatePhoneNumber"),
        ("DELETE", "/phone_number/{id}/", "deletePhoneNumber"),
        ("POST", "/phone_number/request/internal/", "rentPhoneNumber"),
        ("GET", "/me/", "getMe"),
    }
    assert SPEC["openapi"] == "3.1.0"
    assert SPEC["servers"][0]["url"] == "https://api.close.com/api/v1"


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_is_documented_secured_and_has_its_errors(
    method: str, path: str, op: dict[str, Any]
) -> None:
    """Each operation has words, a tag, both auth schemes and the shared error answers."""
    assert path.endswith("/")
    assert op["summary"]
    assert op["description"]
    assert op["tags"] == (["Users"] if path == "/me/" else ["Phone Numbers"])
    assert op["security"] == [{"apiKey": []}, {"oauth2": ["all.full_access"]}]
    assert {"401", "403", "429", "5XX"} <= set(op["responses"])
    too_many = speclib.response_spec(op["operationId"], 429)
    assert {"RateLimit", "Retry-After"} <= set(too_many["headers"])


def test_the_list_promises_no_order() -> None:
    """Close documents no list order; the spec says so and claims none."""
    _, _, listing = speclib.operation("listPhoneNumbers")
    description = " ".join(listing["description"].split())
    assert "phone numbers, newest first" not in description
    assert "Close documents no order" in description
    assert "must not assume newest first, oldest first" in description


def test_auth_schemes_are_basic_api_key_and_oauth2_authorization_code() -> None:
    """The API key goes as HTTP Basic; OAuth 2 is Close's authorization-code flow."""
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["apiKey"] == {**schemes["apiKey"], "type": "http", "scheme": "basic"}
    oauth = schemes["oauth2"]
    assert oauth["type"] == "oauth2"
    flow = oauth["flows"]["authorizationCode"]
    assert flow["authorizationUrl"] == "https://app.close.com/oauth2/authorize/"
    assert flow["tokenUrl"] == "https://api.close.com/oauth2/token/"
    assert set(flow["scopes"]) == {"all.full_access", "offline_access"}


def test_what_close_never_promised_is_marked_observed_not_required() -> None:
    """Retry-After, error body keys and the exact refusal codes are marked observed."""
    components = SPEC["components"]
    assert components["headers"]["RetryAfter"]["x-close-observed"] is True
    for name in ("Error", "ValidationError", "RateLimited"):
        assert components["schemas"][name]["x-close-observed"] is True
    assert components["schemas"]["RentRefusal"]["required"] == ["status"]
    assert "minProperties" not in components["schemas"]["PhoneNumberUpdate"]
    _, _, rent = speclib.operation("rentPhoneNumber")
    assert rent["responses"]["400"]["x-close-observed"] is True
    assert rent["responses"]["402"]["x-close-observed"] is True
    assert "x-close-observed" not in rent["responses"]["4XX"]
    _, _, listing = speclib.operation("listPhoneNumbers")
    observed = {p["name"] for p in listing["parameters"] if p.get("x-close-observed")}
    assert observed == {"number", "participant_user_id", "user_id"}


def test_whole_numbers_are_strict_and_every_number_has_an_id() -> None:
    """Answers without `_fields` are whole PhoneNumbers; partial ones still carry `id`."""
    schemas = SPEC["components"]["schemas"]
    assert "PhoneNumberOrFields" not in schemas
    assert schemas["PhoneNumberPage"]["properties"]["data"]["items"] == {
        "$ref": "#/components/schemas/PhoneNumber"
    }
    get = speclib.response_spec("getPhoneNumber", 200)
    assert get["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PhoneNumber"
    }
    assert schemas["PhoneNumberFields"]["required"] == ["id"]
    validator = speclib.component_validator("PhoneNumber")
    assert list(validator.iter_errors({"number": "+16505550100"}))


@pytest.mark.parametrize(
    "value",
    ["0000-00-00T00:00:00", "2026-55-01T00:00:00", "2026-01-32T00:00:00",
     "2026-01-01T24:00:00", "2026-01-01T00:60:00", "2026-01-01T00:00:00+25:00",
     "2026-01-01 00:00:00", "2026-01-01"],
)  # fmt: skip
def test_timestamps_outside_the_calendar_are_refused(value: str) -> None:
    """The Timestamp pattern bounds months, days, hours, minutes and offsets."""
    assert list(speclib.component_validator("Timestamp").iter_errors(value))


@pytest.mark.parametrize(
    "value",
    ["2021-03-17T11:45:56.651057", "2026-03-02T14:05:11.482000+00:00",
     "2026-12-31T23:59:59Z", "2024-02-29T00:00:00-05:30"],
)  # fmt: skip
def test_timestamps_close_sends_are_accepted(value: str) -> None:
    """RFC 3339 with the offset optional, as Close's own rent example needs."""
    assert not list(speclib.component_validator("Timestamp").iter_errors(value))


def test_older_parameters_and_fields_are_marked_deprecated() -> None:
    """What only the older docs describe still works and says it is deprecated."""
    _, _, listing = speclib.operation("listPhoneNumbers")
    deprecated = {p["name"] for p in listing["parameters"] if p.get("deprecated")}
    assert deprecated == {"user_id", "is_group_number"}
    fields = SPEC["components"]["schemas"]["PhoneNumberFields"]["properties"]
    assert {name for name, f in fields.items() if f.get("deprecated")} == {
        "user_id",
        "is_group_number",
    }
    assert SPEC["components"]["schemas"]["RentRequest"]["properties"]["sharing"]["deprecated"]


def test_phone_number_carries_every_field_close_returns() -> None:
    """The response schema lists each field of Close's phone-number object."""
    fields = set(SPEC["components"]["schemas"]["PhoneNumberFields"]["properties"])
    assert fields == {
        "id", "organization_id", "user_id", "number", "number_formatted", "label", "type",
        "is_group_number", "participants", "participant_groups", "phone_numbers",
        "phone_numbers_formatted", "forward_to", "forward_to_enabled", "forward_to_formatted",
        "voicemail_greeting_url", "press_1_to_accept", "inbound_ring_duration", "country",
        "carrier", "carrier_type", "address_id", "bundle_id", "is_premium", "is_verified",
        "last_billed_price", "next_billing_on", "sms_enabled", "mms_enabled",
        "supports_sms_to_countries", "supports_mms_to_countries", "was_ported",
        "date_created", "date_updated",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("schema", "body"),
    [
        pytest.param("PhoneNumberUpdate", {"voicemail_greeting_url": "http://x.test/a.mp3"},
                     id="http-greeting"),
        pytest.param("PhoneNumberUpdate", {"inbound_ring_duration": 14}, id="ring-too-short"),
        pytest.param("PhoneNumberUpdate", {"inbound_ring_duration": 91}, id="ring-too-long"),
        pytest.param("PhoneNumberUpdate", {"phone_numbers": ["650-555-0100"]}, id="not-e164"),
        pytest.param("PhoneNumberUpdate", {"participant_groups": [f"group_{i}" for i in range(41)]},
                     id="41-groups"),
        pytest.param("PhoneNumberUpdate", {"lable": "typo"}, id="unknown-field"),
        pytest.param("RentRequest", {"prefix": "650"}, id="no-country"),
        pytest.param("RentRequest", {"country": "USA"}, id="three-letter-country"),
        pytest.param("RentRequest", {"country": "US", "prefix": "650123"}, id="six-digit-prefix"),
        pytest.param("RentRequest", {"country": "US", "sharing": "team"}, id="unknown-sharing"),
    ],
)  # fmt: skip
def test_request_schemas_refuse_bad_input(schema: str, body: Any) -> None:
    """The request schemas encode Close's documented input rules."""
    assert list(speclib.component_validator(schema).iter_errors(body))


@pytest.mark.parametrize(
    ("schema", "body"),
    [
        pytest.param("RentRefusal", {"status": "has-voice-only", "error": "x"}, id="known-status"),
        pytest.param("RentRefusal", {"status": "needs-port-in", "error": "x"}, id="new-status"),
        pytest.param("PhoneNumberFields",
                     {"id": "phon_1", "type": "satellite", "carrier": "telnyx"},
                     id="new-enum-values"),
        pytest.param("PhoneNumberFields", {"id": "phon_1", "flux": 1}, id="new-field"),
        pytest.param("PhoneNumberFields",
                     {"id": "phon_1", "date_created": "2021-03-17T11:45:56.651057"},
                     id="naive-timestamp"),
    ],
)  # fmt: skip
def test_response_schemas_are_open_to_what_close_adds(schema: str, body: Any) -> None:
    """Statuses, enum values and fields Close adds later still validate."""
    assert not list(speclib.component_validator(schema).iter_errors(body))
