"""Nothing in the spec makes a generator fill request lists it was not given.

openapi-generator's Java client starts every list as empty and sends it (langs/README.md,
"Java: check first"); a `default` or a `required` on these lists would make every other
generator do the same, and an update would then wipe a number's participants.
"""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests import speclib

SPEC = speclib.load_spec()
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
REQUEST_BODIES = ["PhoneNumberUpdate", "RentRequest"]


def _lists(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: prop
        for name, prop in schema["properties"].items()
        if "array"
        in ([prop["type"]] if isinstance(prop.get("type"), str) else prop.get("type", []))
    }


def test_the_request_lists_are_the_ones_the_java_trap_names() -> None:
    assert set(_lists(SCHEMAS["PhoneNumberUpdate"])) == {
        "participants",
        "phone_numbers",
        "participant_groups",
    }
    assert set(_lists(SCHEMAS["RentRequest"])) == {"assign_to"}


@pytest.mark.parametrize("body", REQUEST_BODIES)
def test_request_lists_have_no_default_and_are_not_required(body: str) -> None:
    schema = SCHEMAS[body]
    for name, prop in _lists(schema).items():
        assert "default" not in prop, f"{body}.{name}"
        assert name not in schema.get("required", []), f"{body}.{name}"


@pytest.mark.parametrize("body", REQUEST_BODIES)
def test_no_request_field_has_a_default(body: str) -> None:
    """A generated client sends a default on every call, so none is declared."""
    assert [n for n, p in SCHEMAS[body]["properties"].items() if "default" in p] == []
