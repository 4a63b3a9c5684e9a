"""Every recorded exchange matches the spec and survives the generated client unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from close_phone_contract import _exchange

from contract_tests import _conformance, _replay, speclib
from contract_tests._fixtures import FIXTURES_DIR
from contract_tests._summary import TALLY

FIXTURES = list(_exchange.discover(FIXTURES_DIR))
IDS = [str(p.relative_to(FIXTURES_DIR)) for p in FIXTURES]


def test_fixtures_exist_for_every_operation() -> None:
    """Each operation of the spec has at least one recorded exchange."""
    recorded = {_exchange.load(p).operation for p in FIXTURES}
    documented = {op["operationId"] for _, _, op in speclib.operations()}
    assert documented <= recorded, f"no fixture for {sorted(documented - recorded)}"


@pytest.mark.parametrize("path", FIXTURES, ids=IDS)
def test_fixture_matches_the_spec(path: Path) -> None:
    """Status, headers and body (and the request) conform, by speclib and by schemathesis."""
    exchange = _exchange.load(path)
    checks = _conformance.check_exchange(exchange)
    TALLY.fixtures_validated += 1
    TALLY.record_checks(exchange.operation, checks)


@pytest.mark.parametrize("path", FIXTURES, ids=IDS)
def test_fixture_replays_through_the_generated_client(path: Path) -> None:
    """The generated client sends the recorded request and parses the response without loss."""
    exchange = _exchange.load(path)
    _replay.replay_generated(exchange)
    TALLY.fixtures_replayed["generated client"] += 1
    TALLY.record_checks(exchange.operation, ["replay.generated_client"])


@pytest.mark.parametrize("path", FIXTURES, ids=IDS)
def test_fixture_replays_through_the_wrapper(path: Path) -> None:
    """close_phone_numbers.PhoneNumbers parses the response without loss, or raises its error."""
    exchange = _exchange.load(path)
    _replay.replay_wrapper(exchange)
    TALLY.fixtures_replayed["wrapper"] += 1
    TALLY.record_checks(exchange.operation, ["replay.wrapper"])
