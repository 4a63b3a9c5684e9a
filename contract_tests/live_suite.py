"""The live suite: run only through `python -m contract_tests.live`, which supplies the target.

Not named test_*.py, so plain `pytest contract_tests` never collects it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter
from schemathesis import Case
from schemathesis.schemas import BaseSchema
from urllib3.util.retry import Retry

from contract_tests import _cli, _conformance, _exchange, _targets
from contract_tests._live import LiveTarget, current_target
from contract_tests._recorder import Recorder, run_session, write_session
from contract_tests._summary import TALLY

TARGET = current_target()


def _schema(target: LiveTarget) -> BaseSchema:
    schema = _targets.live_schema(target.base_url, target.api_key)
    schema.config.update(rate_limit=target.rate)
    return schema


live = _schema(TARGET)


@pytest.fixture(scope="session")
def live_target() -> LiveTarget:
    return TARGET


@pytest.fixture(scope="session")
def live_http() -> Iterator[requests.Session]:
    """A session that waits out a 429 on reads (Retry-After), and retries nothing else."""
    retry = Retry(
        total=3,
        status_forcelist=[429],
        allowed_methods=["GET"],
        respect_retry_after_header=True,
        backoff_factor=1.0,
        raise_on_status=False,
    )
    with requests.Session() as session:
        session.mount("https://", HTTPAdapter(max_retries=retry))
        session.mount("http://", HTTPAdapter(max_retries=retry))
        yield session


@pytest.fixture(scope="session")
def live_session(live_target: LiveTarget) -> Recorder:
    """Run the scripted session once."""
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    source = f"recorded from {_cli.describe(live_target.base_url)} on {today}"
    with _cli.client(live_target.base_url, live_target.api_key) as http:
        recorder = Recorder(client=http, source=source)
        run_session(recorder, live_target.options)
    return recorder


@pytest.fixture(scope="session")
def live_exchanges(live_target: LiveTarget, live_session: Recorder) -> list[Path]:
    """The session's exchanges, scrubbed and written to the report."""
    directory = live_target.report_dir / "exchanges"
    return write_session(live_session, directory, (live_target.api_key,))


def test_recorded_session_matches_the_spec(live_exchanges: list[Path]) -> None:
    """Every exchange of the scripted session (list, get, opted-in writes) conforms."""
    mismatches: list[str] = []
    for path in live_exchanges:
        exchange = _exchange.load(path)
        try:
            TALLY.record_checks(exchange.operation, _conformance.check_exchange(exchange))
            TALLY.fixtures_validated += 1
        except _conformance.ExchangeMismatch as exc:
            mismatches.append(str(exc))
    assert not mismatches, "\n".join(mismatches)


def test_no_rented_number_is_left_behind(live_target: LiveTarget, live_session: Recorder) -> None:
    """Every number the run rented was released again, unless --keep-rented was given."""
    if live_target.options.release_rented:
        assert not live_session.rented_and_kept, (
            f"rented numbers could not be released; delete them: {live_session.rented_and_kept}"
        )


@live.parametrize()
def test_read_operation_conforms(case: Case[Any], live_http: requests.Session) -> None:
    """Generated GET requests get answers the spec documents (every check on)."""
    case.call_and_validate(session=live_http)
    operation: str = case.operation.definition.raw["operationId"]
    TALLY.examples[operation] += 1
    TALLY.record_checks(operation, ["schemathesis (all checks)"])
