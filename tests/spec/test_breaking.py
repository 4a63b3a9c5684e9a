"""The breaking-change check, on pairs of specs: the repository's own spec and mutations of it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from scripts import check_breaking

Spec = dict[str, Any]


@pytest.fixture(scope="module")
def released() -> Spec:
    spec = yaml.safe_load(check_breaking.SPEC.read_text(encoding="utf-8"))
    assert isinstance(spec, dict)
    return spec


def changes(old: Spec, mutate: Callable[[Spec], None]) -> list[str]:
    new = copy.deepcopy(old)
    mutate(new)
    return list(
        check_breaking.breaking_changes(
            check_breaking.surface_of(old), check_breaking.surface_of(new)
        )
    )


def schemas(spec: Spec) -> dict[str, Any]:
    return spec["components"]["schemas"]  # type: ignore[no-any-return]


def list_op(spec: Spec) -> dict[str, Any]:
    return spec["paths"]["/phone_number/"]["get"]  # type: ignore[no-any-return]


def _drop_label(spec: Spec) -> None:
    del schemas(spec)["PhoneNumberFields"]["properties"]["label"]


def _drop_operation(spec: Spec) -> None:
    del spec["paths"]["/phone_number/{id}/"]["delete"]


def _drop_parameter(spec: Spec) -> None:
    list_op(spec)["parameters"] = [
        p for p in list_op(spec)["parameters"] if p.get("name") != "participant_user_id"
    ]


def _greeting_not_nullable(spec: Spec) -> None:
    schemas(spec)["PhoneNumberUpdate"]["properties"]["voicemail_greeting_url"]["type"] = "string"


def _label_shorter(spec: Spec) -> None:
    schemas(spec)["PhoneNumberUpdate"]["properties"]["label"]["maxLength"] = 100


def _require_prefix(spec: Spec) -> None:
    schemas(spec)["RentRequest"]["required"].append("prefix")


def _new_required_field(spec: Spec) -> None:
    rent = schemas(spec)["RentRequest"]
    rent["properties"]["reason"] = {"type": "string"}
    rent["required"].append("reason")


def _new_required_parameter(spec: Spec) -> None:
    list_op(spec)["parameters"].append(
        {"name": "team_id", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def _drop_rentable_value(spec: Spec) -> None:
    schemas(spec)["RentableCarrierType"]["enum"].remove("tollfree")


def _number_not_required(spec: Spec) -> None:
    schemas(spec)["PhoneNumber"]["allOf"][1]["required"].remove("number")


def _label_may_be_integer(spec: Spec) -> None:
    schemas(spec)["PhoneNumberFields"]["properties"]["label"]["type"] = [
        "string",
        "integer",
        "null",
    ]


def _close_enum_gains_value(spec: Spec) -> None:
    # Sharing is a closed enumeration; it shows in no response, so make it one first.
    schemas(spec)["PhoneNumberFields"]["properties"]["sharing"] = {
        "$ref": "#/components/schemas/Sharing"
    }


def _move_operation(spec: Spec) -> None:
    paths = spec["paths"]
    paths["/phone_numbers/request/internal/"] = paths.pop("/phone_number/request/internal/")


def _drop_success_status(spec: Spec) -> None:
    rent = spec["paths"]["/phone_number/request/internal/"]["post"]
    rent["responses"]["200"] = rent["responses"].pop("201")


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_drop_label, "response getPhoneNumber 200.label: removed"),
        (_drop_operation, "operation deletePhoneNumber: removed"),
        (_drop_parameter, "request listPhoneNumbers query:participant_user_id: removed"),
        (
            _greeting_not_nullable,
            "request updatePhoneNumber body.voicemail_greeting_url: no longer accepts null",
        ),
        (_label_shorter, "request updatePhoneNumber body.label: maxLength lowered to 100"),
        (_require_prefix, "request rentPhoneNumber body.prefix: now required"),
        (_new_required_field, "request rentPhoneNumber body.reason: newly required"),
        (_new_required_parameter, "request listPhoneNumbers query:team_id: newly required"),
        (
            _drop_rentable_value,
            'request rentPhoneNumber body.carrier_type: no longer accepts string="tollfree"',
        ),
        (_number_not_required, "response rentPhoneNumber 201.number: no longer always present"),
        (_label_may_be_integer, "response getPhoneNumber 200.label: may now be integer"),
        (
            _move_operation,
            "operation rentPhoneNumber: moved from POST /phone_number/request/internal/",
        ),
        (_drop_success_status, "status rentPhoneNumber 201: removed"),
    ],
)
def test_a_change_that_breaks_generated_clients_is_reported(
    released: Spec, mutate: Callable[[Spec], None], expected: str
) -> None:
    found = changes(released, mutate)
    assert any(change.startswith(expected) for change in found), found


def test_a_removed_object_is_reported_once_not_field_by_field(released: Spec) -> None:
    assert changes(released, _drop_operation) == ["operation deletePhoneNumber: removed"]
    dropped_label = changes(released, _drop_label)
    assert dropped_label
    assert all(change.split(":")[0].endswith(".label") for change in dropped_label)


def _add_optional_field(spec: Spec) -> None:
    schemas(spec)["RentRequest"]["properties"]["note"] = {"type": "string"}


def _add_response_field(spec: Spec) -> None:
    schemas(spec)["PhoneNumberFields"]["properties"]["emoji"] = {"type": "string"}


def _add_operation(spec: Spec) -> None:
    spec["paths"]["/blocked_phone_number/"] = {
        "get": {
            "operationId": "listBlockedPhoneNumbers",
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "responses": {"200": {"description": "the blocked numbers"}},
        }
    }


def _loosen_request(spec: Spec) -> None:
    schemas(spec)["PhoneNumberUpdate"]["properties"]["label"]["maxLength"] = 1000
    schemas(spec)["PhoneNumberUpdate"]["properties"]["label"]["type"] = ["string", "null"]


def _narrow_response(spec: Spec) -> None:
    schemas(spec)["PhoneNumber"]["allOf"][1]["required"].append("participants")
    schemas(spec)["PhoneNumberFields"]["properties"]["type"] = {
        "$ref": "#/components/schemas/PhoneNumberType"
    }


def _drop_error_status(spec: Spec) -> None:
    del list_op(spec)["responses"]["402"]


@pytest.mark.parametrize(
    "mutate",
    [
        _add_optional_field,
        _add_response_field,
        _add_operation,
        _loosen_request,
        _narrow_response,
        _drop_error_status,
    ],
)
def test_a_change_that_old_clients_survive_is_not_reported(
    released: Spec, mutate: Callable[[Spec], None]
) -> None:
    assert changes(released, mutate) == []


def test_a_closed_enumeration_that_gains_a_value_in_a_response_is_reported(released: Spec) -> None:
    base = copy.deepcopy(released)
    _close_enum_gains_value(base)
    schemas(base)["Sharing"]["enum"] = ["personal"]

    def gain(spec: Spec) -> None:
        schemas(spec)["Sharing"]["enum"] = ["personal", "group"]

    assert 'response getPhoneNumber 200.sharing: may now be string="group"' in changes(base, gain)


def _record(spec: Spec) -> tuple[str, check_breaking.Surface]:
    return str(spec["info"]["version"]), check_breaking.surface_of(spec)


@pytest.mark.parametrize(
    ("version", "status"), [("2026.11.1", 1), ("2026.12.0", 0), ("2027.1.0", 0)]
)
def test_only_a_new_edition_lets_a_breaking_change_pass(
    released: Spec, version: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    base = copy.deepcopy(released)
    base["info"]["version"] = "2026.11.0"  # the versions below are relative to this one
    old_version, old_surface = _record(base)
    new = copy.deepcopy(base)
    _drop_label(new)
    new["info"]["version"] = version
    assert check_breaking.check(old_version, old_surface, new) == status
    assert "response getPhoneNumber 200.label: removed" in capsys.readouterr().out


def test_the_recorded_surface_reads_back_as_what_was_recorded(released: Spec) -> None:
    version, surface = _record(released)
    record = json.loads(check_breaking.render_record(version, surface))
    assert record == {"version": version, "surface": surface}


def test_the_spec_breaks_no_client_generated_from_the_released_spec(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The gate itself: CI fails here when a change breaks clients without a new edition.
    status = check_breaking.main([])
    assert status == 0, capsys.readouterr()
