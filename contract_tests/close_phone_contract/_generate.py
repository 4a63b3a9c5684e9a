"""Generated requests: schemathesis makes them, hypothesis drives it, nothing is shrunk.

A failing case is recorded, not raised, so hypothesis never replays requests against a
real server to shrink them; every case is sent exactly once.
"""

from __future__ import annotations

from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import seed as hypothesis_seed
from requests.adapters import HTTPAdapter
from schemathesis import GenerationMode
from schemathesis import checks as st_checks
from schemathesis.config import SchemathesisConfig
from urllib3.util.retry import Retry

from ._report import Report
from ._runner import RESPONSE_CHECKS, Target
from ._schemathesis import exchange_of
from ._spec import Spec
from ._tolerances import schemathesis_settings
from ._validate import Finding, Validator

# schemathesis' own checks on generated cases, by the mode that makes them meaningful.
_BY_MODE: dict[GenerationMode, list[Any]] = {
    GenerationMode.POSITIVE: [st_checks.positive_data_acceptance],
    GenerationMode.NEGATIVE: [st_checks.negative_data_rejection],
}
_ALWAYS = [st_checks.not_a_server_error, st_checks.content_type_conformance]
# Close documents a 400 for a `_limit` above its maximum, and nothing about other values
# that break the spec: that it refuses them is observed (a failure against the emulator,
# a warning against a server that ignores or tolerates them).
_OBSERVED_CHECKS = frozenset({"negative_data_rejection"})


def _http() -> requests.Session:
    """Reads that get a 429 wait for Retry-After and ask again; nothing else is retried."""
    retry = Retry(
        total=3,
        status_forcelist=[429],
        allowed_methods=["GET"],
        respect_retry_after_header=True,
        backoff_factor=1.0,
        raise_on_status=False,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.mount("http://", HTTPAdapter(max_retries=retry))
    return session


def _schema(target: Target, spec: Spec) -> Any:
    kind = "emulator" if target.generate_writes else "live"
    config = SchemathesisConfig.from_dict(schemathesis_settings(kind, target.api_key, target.seed))
    view = spec.view("strict" if target.strict_observed else "documented")
    schema: Any = schemathesis.openapi.from_dict(view, config=config)
    schema.config.update(base_url=target.base_url)
    if target.rate:
        schema.config.update(rate_limit=target.rate)
    if not target.generate_writes:
        schema = schema.include(method="GET")
    return schema


def _their_checks(case: Any, response: Any, mode: GenerationMode) -> list[Finding]:
    found: list[Finding] = []
    operation = case.operation.definition.raw["operationId"]
    for check in [*_ALWAYS, *_BY_MODE[mode]]:
        try:
            case.validate_response(response, checks=[check])
        except BaseExceptionGroup as group:  # schemathesis' FailureGroup
            for failure in group.exceptions:
                title = getattr(failure, "title", None) or type(failure).__name__
                message = " ".join(str(getattr(failure, "message", "")).split())
                found.append(
                    Finding(
                        operation,
                        check.__name__,
                        "status",
                        message or title,
                        f"{response.status_code} ({title})",
                        observed=check.__name__ in _OBSERVED_CHECKS,
                    )
                )
        except AssertionError as failure:
            found.append(
                Finding(
                    operation,
                    check.__name__,
                    "status",
                    "-",
                    str(failure),
                    observed=check.__name__ in _OBSERVED_CHECKS,
                )
            )
    return found


def _sender(
    target: Target,
    validator: Validator,
    report: Report,
    session: requests.Session,
    mode: GenerationMode,
) -> Any:
    """What a generated case does: sent once, its answer judged and recorded."""
    checks = [*RESPONSE_CHECKS, *(c.__name__ for c in [*_ALWAYS, *_BY_MODE[mode]])]

    def send(case: Any) -> None:  # hypothesis calls it with each generated case
        response = case.call(session=session)
        exchange = exchange_of(case, response, target.api_root)
        if exchange.method != case.operation.method.upper():
            return
        findings = [
            *validator.validate(exchange, request=False),
            *_their_checks(case, response, mode),
        ]
        report.record(
            exchange,
            mode.value,
            checks,
            findings,
            base_url=target.base_url,
            authenticated=target.api_key is not None,
        )

    return send


def run(target: Target, spec: Spec, validator: Validator, report: Report) -> None:
    """Send `target.examples` positive and as many negative cases per operation."""
    schema = _schema(target, spec)
    session = _http()
    if target.api_key:
        session.auth = (target.api_key, "")
    for result in schema.get_all_operations():
        operation = result.ok()
        op_id = operation.definition.raw["operationId"]
        if target.operations and op_id not in target.operations:
            continue
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            send = _sender(target, validator, report, session, mode)
            strategy = operation.as_strategy(generation_mode=mode)
            test = settings(
                max_examples=target.examples,
                database=None,
                deadline=None,
                derandomize=False,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
                verbosity=Verbosity.quiet,
            )(given(strategy)(send))  # type: ignore[no-untyped-call]
            hypothesis_seed(target.seed)(test)()
