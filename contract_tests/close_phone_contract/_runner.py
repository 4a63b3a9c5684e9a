"""Verify a target: the scripted session, then generated requests, every answer judged.

Every exchange goes through `Validator` (the same core a proxy or a fixture check
uses) and into one `Report`. Generated requests come from schemathesis, positive and
negative, per operation; schemathesis also judges whether valid data was accepted and
invalid data refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from . import _exchange
from ._report import Report
from ._session import Recorder, SessionOptions, run_session
from ._spec import Spec
from ._validate import Finding, Validator

# What the core checks on every answer; the request checks apply to scripted requests.
RESPONSE_CHECKS = [
    "status_code_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "calendar_dates",
]
REQUEST_CHECKS = ["operation", "request_query", "request_path", "request_body"]


# A connection that never opened; any other transport error is an answer that broke off.
_NOT_CONNECTED = (httpx.ConnectError, httpx.ConnectTimeout, httpx.UnsupportedProtocol)
COMPLETE = "complete_answer"


def broken_answer(operation: str, exc: BaseException) -> Finding:
    """The finding of an answer that broke off (a cut body, a reset connection)."""
    got = f"{type(exc).__name__}: {exc}"
    return Finding(operation, COMPLETE, "response", "a complete HTTP answer", got[:200])


class Unreachable(RuntimeError):
    """The target did not answer at all."""


class AuthRefused(RuntimeError):
    """The target refused the credentials."""


@dataclass
class Target:
    """Where to verify, with what, allowed to do what."""

    description: str
    base_url: str
    api_key: str | None = field(repr=False)  # never in a log, a repr or a report
    session: SessionOptions
    generate_writes: bool
    strict_observed: bool
    examples: int
    rate: str | None = None
    seed: int = 20261126
    operations: list[str] = field(default_factory=list)

    @property
    def api_root(self) -> str:
        return urlsplit(self.base_url).path


def record_session(target: Target, notes: list[str]) -> Recorder:
    """The scripted session (list, get; update and rent only when allowed), recorded.

    Raises Unreachable or AuthRefused; a session that stopped early says why in `notes`.
    """
    auth = (target.api_key, "") if target.api_key else None
    today = dt.datetime.now(dt.UTC).date().isoformat()
    with httpx.Client(
        base_url=target.base_url.rstrip("/") + "/",
        auth=auth,
        timeout=httpx.Timeout(30.0),
        headers={"User-Agent": "close-phone-numbers-verify"},
    ) as client:
        recorder = Recorder(client=client, source=f"verify on {today}")
        try:
            run_session(recorder, target.session)
        except httpx.TransportError as exc:
            if not recorder.exchanges and isinstance(exc, _NOT_CONNECTED):
                raise Unreachable(f"{target.base_url}: {type(exc).__name__}: {exc}") from None
            notes.append(f"the session stopped early: {type(exc).__name__}: {exc}")
            if recorder.pending is not None:
                recorder.broken = (recorder.pending, broken_answer(recorder.pending.operation, exc))
        except ValueError as exc:  # an answer that is not JSON where the session needs it
            notes.append(f"the session stopped early: {exc}")
    if recorder.exchanges and recorder.exchanges[0][1].status == 401:
        raise AuthRefused(f"{target.base_url} answered 401: the key was refused")
    return recorder


def run_session_checks(target: Target, validator: Validator, report: Report) -> None:
    """The scripted session, every step judged."""
    auth = (target.api_key, "") if target.api_key else None
    recorder = record_session(target, report.notes)
    for step, exchange in recorder.exchanges:
        findings = validator.validate(exchange)
        report.record(
            exchange,
            "session",
            [*REQUEST_CHECKS[:2], *RESPONSE_CHECKS],
            findings,
            base_url=target.base_url,
            authenticated=auth is not None,
            source=f"session step {step!r} ({exchange.name})",
        )
    if recorder.broken is not None:
        exchange, finding = recorder.broken
        report.record(
            exchange,
            "session",
            [COMPLETE],
            [finding],
            base_url=target.base_url,
            authenticated=auth is not None,
            source=f"session ({exchange.method} {exchange.path})",
        )
    for number_id in recorder.rented_and_kept:
        report.notes.append(f"a rented number was not released; delete it: {number_id}")
        report.record(
            recorder.exchanges[-1][1],
            "session release",
            ["release_rented"],
            [Finding("deletePhoneNumber", "release_rented", number_id, "released", "kept")],
            base_url=target.base_url,
        )


def verify_fixtures(directory: Path, validator: Validator, report: Report) -> None:
    """Every recorded exchange under `directory`, judged request and response."""
    files = list(_exchange.discover(directory))
    if not files:
        report.notes.append(f"no fixture (*.json) under {directory}")
    for path in files:
        name = str(path.relative_to(directory))
        try:
            exchange = _exchange.load(path)
        except _exchange.FixtureFormatError as exc:
            finding = Finding("(fixture)", "fixture_format", name, "a recorded exchange", str(exc))
            report.record(
                _exchange.Exchange("(fixture)", name, "GET", "/"),
                "fixture",
                ["fixture_format"],
                [finding],
                base_url="https://api.close.com/api/v1",
                source=f"fixture {name}",
            )
            continue
        report.record(
            exchange,
            "fixture",
            ["fixture_format", *REQUEST_CHECKS, *RESPONSE_CHECKS],
            validator.validate(exchange),
            base_url="https://api.close.com/api/v1",
            source=f"fixture {name}",
        )


def run_generated(target: Target, spec: Spec, validator: Validator, report: Report) -> None:
    """Generated positive and negative requests per operation, answers judged."""
    from . import _generate  # schemathesis is heavy: imported only when generating

    _generate.run(target, spec, validator, report)


def verify(
    target: Target,
    spec: Spec,
    *,
    fixtures: Path | None = None,
    progress: Callable[[str], Any] | None = None,
) -> Report:
    """Verify `target` (or, with `fixtures`, a folder of recorded exchanges) against `spec`."""
    validator = Validator(spec)
    secrets = (target.api_key,) if target.api_key else ()
    report = Report(target.description, spec.where, target.strict_observed, secrets=secrets)
    say = progress or (lambda _message: None)
    if fixtures is not None:
        verify_fixtures(fixtures, validator, report)
        return report
    say("scripted session")
    run_session_checks(target, validator, report)
    say("generated requests")
    run_generated(target, spec, validator, report)
    return report
