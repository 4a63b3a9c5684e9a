"""Close's own published examples, kept as fixtures, are valid under the spec."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from contract_tests import speclib

FIXTURES = sorted(
    (Path(__file__).parents[2] / "contract_tests" / "fixtures" / "close_docs").glob("*.json")
)


def load(path: Path) -> dict[str, Any]:
    exchange: dict[str, Any] = json.loads(path.read_text())
    return exchange


def test_every_operation_has_a_published_example() -> None:
    """The operations each have Close's example among the fixtures."""
    assert {load(p)["operation"] for p in FIXTURES} == {
        op["operationId"] for _, _, op in speclib.operations()
    }


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_published_example_validates(path: Path) -> None:
    """Request and response of Close's example match the spec, status included."""
    exchange = load(path)
    if exchange["request"]["body"] is not None:
        speclib.check_request_body(exchange["operation"], exchange["request"]["body"])
    response = exchange["response"]
    speclib.check_response(
        exchange["operation"], response["status"], response["body"], response["headers"]
    )


def test_a_corrupted_example_is_caught() -> None:
    """A wrong type in an example makes validation fail, so the check has teeth."""
    exchange = load(FIXTURES[0])
    body = copy.deepcopy(exchange["response"]["body"])
    target = body["data"][0] if "data" in body else body
    target["is_premium"] = "no"
    with pytest.raises(speclib.SpecMismatch, match="is_premium"):
        speclib.check_response(exchange["operation"], exchange["response"]["status"], body)


def test_an_undocumented_status_is_caught() -> None:
    """A status the spec does not list for an operation fails the check."""
    with pytest.raises(speclib.SpecMismatch, match="does not document status 418"):
        speclib.check_response("getPhoneNumber", 418, {"error": "teapot"})
