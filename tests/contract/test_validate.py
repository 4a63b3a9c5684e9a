"""The engine's core tells a broken promise from a broken observation, exchange by exchange."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from close_phone_contract import Exchange, Finding, Spec, Validator

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = Validator(Spec.load(ROOT / "openapi" / "phone_numbers.yaml"))
NUMBER: dict[str, Any] = json.loads(
    (ROOT / "contract_tests" / "fixtures" / "close_docs" / "getPhoneNumber.200.json").read_text()
)["response"]["body"]
NUMBER_ID = NUMBER["id"]


def exchange(operation: str, method: str, path: str, status: int, body: Any, **parts: Any) -> Any:
    return Exchange(
        operation=operation,
        source="test",
        method=method,
        path=path,
        status=status,
        response_body=body,
        **parts,
    )


def kinds(findings: list[Finding]) -> set[tuple[str, str, bool]]:
    return {(f.check, f.path, f.observed) for f in findings}


def test_a_whole_number_with_every_documented_field_has_no_finding() -> None:
    got = exchange("getPhoneNumber", "GET", f"/phone_number/{NUMBER_ID}/", 200, NUMBER)
    assert VALIDATOR.validate(got) == []


def test_without_fields_a_partial_number_breaks_the_contract() -> None:
    partial = {"id": NUMBER_ID, "number": NUMBER["number"]}
    got = exchange("getPhoneNumber", "GET", f"/phone_number/{NUMBER_ID}/", 200, partial)
    found = kinds(VALIDATOR.validate(got))
    assert ("response_schema_conformance", "$.organization_id", False) in found


def test_with_fields_a_partial_number_is_valid_but_still_needs_its_id() -> None:
    path = f"/phone_number/{NUMBER_ID}/"
    query = {"_fields": "number"}
    fine = exchange(
        "getPhoneNumber", "GET", path, 200, {"id": NUMBER_ID, "number": "+1650"}, query=query
    )
    assert VALIDATOR.validate(fine) == []
    no_id = exchange("getPhoneNumber", "GET", path, 200, {"number": "+16505550100"}, query=query)
    assert kinds(VALIDATOR.validate(no_id)) == {("response_schema_conformance", "$.id", False)}


@pytest.mark.parametrize(
    ("value", "broken"),
    [
        ("2021-03-17T11:45:56.651057", False),  # Close's own rent example: no offset
        ("2024-02-29T00:00:00+00:00", False),
        ("2026-02-29T00:00:00+00:00", True),  # 2026 is no leap year
        ("2026-04-31T00:00:00Z", True),
    ],
)
def test_a_timestamp_must_be_a_real_calendar_date(value: str, broken: bool) -> None:
    body = {**NUMBER, "date_created": value}
    got = exchange("getPhoneNumber", "GET", f"/phone_number/{NUMBER_ID}/", 200, body)
    found = kinds(VALIDATOR.validate(got))
    assert (("calendar_dates", "$.date_created", False) in found) is broken


def test_a_refusal_with_another_4xx_breaks_only_the_observed_status() -> None:
    """Close documents "a 4xx with a status"; 400 and 402 are only what was seen."""
    got = exchange(
        "rentPhoneNumber", "POST", "/phone_number/request/internal/", 409, {"status": "error"},
        request_body={"country": "US"},
    )  # fmt: skip
    assert kinds(VALIDATOR.validate(got)) == {("status_code_conformance", "status", True)}


def test_a_429_without_retry_after_breaks_only_an_observation() -> None:
    headers = {"RateLimit": "limit=60, remaining=0, reset=2"}
    got = exchange(
        "listPhoneNumbers", "GET", "/phone_number/", 429, {"error": "slow down"},
        response_headers=headers,
    )  # fmt: skip
    assert kinds(VALIDATOR.validate(got)) == {
        ("response_headers_conformance", "header.Retry-After", True)
    }


def test_error_bodies_without_the_observed_keys_break_only_observations() -> None:
    got = exchange("listPhoneNumbers", "GET", "/phone_number/", 400, {"message": "bad _limit"})
    assert kinds(VALIDATOR.validate(got)) == {
        ("response_schema_conformance", "$.errors", True),
        ("response_schema_conformance", "$.field-errors", True),
    }


def test_an_empty_user_id_filter_breaks_only_the_observed_pattern() -> None:
    page = {"data": [NUMBER], "has_more": False}
    got = exchange("listPhoneNumbers", "GET", "/phone_number/", 200, page, query={"user_id": ""})
    assert kinds(VALIDATOR.validate(got)) == {("request_query", "query.user_id", True)}


def test_a_ring_duration_outside_15_to_90_in_an_answer_is_only_observed() -> None:
    body = copy.deepcopy(NUMBER) | {"inbound_ring_duration": 5}
    got = exchange("getPhoneNumber", "GET", f"/phone_number/{NUMBER_ID}/", 200, body)
    assert kinds(VALIDATOR.validate(got)) == {
        ("response_schema_conformance", "$.inbound_ring_duration", True)
    }


def test_a_wrong_type_is_a_broken_promise_named_by_path() -> None:
    page = {"data": [NUMBER | {"is_premium": "no"}], "has_more": False}
    got = exchange("listPhoneNumbers", "GET", "/phone_number/", 200, page)
    (finding,) = VALIDATOR.validate(got)
    assert finding.describe() == (
        "listPhoneNumbers response_schema_conformance (contract) at $.data[0].is_premium: "
        "expected type 'boolean', got 'no'"
    )
