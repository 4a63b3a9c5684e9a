"""Hold a recorded exchange to the spec, twice: with close_phone_contract and schemathesis.

The contract engine answers the precise questions (documented status, body schema
with the `_fields` relaxation, calendar dates, header format, request body and query,
observed constraints included); schemathesis' own status, content-type and header
checks run too, so a fixture is judged as a live response would be.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

import httpx
import schemathesis
from close_phone_contract._exchange import Exchange
from schemathesis import checks as st_checks
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contract_tests import speclib

# The checks that judge one response on its own; the others need a live server.
# (Its response_schema_conformance cannot know that `_fields` relaxes the schemas.)
SCHEMATHESIS_CHECKS: tuple[Callable[..., Any], ...] = (
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_headers_conformance,
)


class ExchangeMismatch(AssertionError):
    """A recorded exchange does not match the spec; the message says where."""


@functools.cache
def offline_schema() -> OpenApiSchema:
    """The spec loaded by schemathesis, ignoring any schemathesis.toml around."""
    # An explicit empty config: discovery would read a live config and demand its env vars.
    return schemathesis.openapi.from_dict(
        speclib.spec().view("strict"), config=SchemathesisConfig()
    )


def _response(exchange: Exchange) -> httpx.Response:
    request = httpx.Request(
        exchange.method,
        httpx.URL("https://api.close.com/api/v1" + exchange.path, params=exchange.query),
        headers=exchange.request_headers,
    )
    headers = dict(exchange.response_headers)
    body = exchange.response_body
    content = b"" if body is None else httpx.Response(200, json=body).content
    response = httpx.Response(exchange.status, headers=headers, content=content, request=request)
    # schemathesis reads `.elapsed`, which httpx only sets on responses it received.
    response.elapsed = datetime.timedelta(0)
    return response


def check_exchange(exchange: Exchange) -> list[str]:
    """Raise ExchangeMismatch unless the exchange matches the spec; return the checks run."""
    try:
        method, template, _ = speclib.operation(exchange.operation)
    except KeyError as exc:
        raise ExchangeMismatch(f"{exchange.name}: {exc.args[0]}") from None
    operation = offline_schema().find_operation_by_path(exchange.method, exchange.path)
    if operation is None or operation.definition.raw.get("operationId") != exchange.operation:
        raise ExchangeMismatch(
            f"{exchange.name}: {exchange.method} {exchange.path} is not {exchange.operation} "
            f"({method} {template})"
        )
    findings = speclib.validator().validate(exchange)
    if findings:
        details = "; ".join(f.describe() for f in findings[:5])
        raise ExchangeMismatch(f"{exchange.name}: {details}")
    path_parameters = _path_parameters(template, exchange.path)
    case = operation.Case(path_parameters=path_parameters, query=dict(exchange.query))
    try:
        case.validate_response(_response(exchange), checks=list(SCHEMATHESIS_CHECKS))
    except BaseExceptionGroup as group:  # schemathesis' FailureGroup is not an Exception
        details = "; ".join(str(e).strip().splitlines()[0] for e in group.exceptions)
        raise ExchangeMismatch(f"{exchange.name}: schemathesis: {details}") from None
    ours = ["operation", "request_query", "response", "calendar_dates"]
    if exchange.request_body is not None:
        ours.append("request_body")
    return [*(f"contract.{c}" for c in ours), *(c.__name__ for c in SCHEMATHESIS_CHECKS)]


def _path_parameters(template: str, path: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for pattern, actual in zip(template.split("/"), path.split("/"), strict=True):
        if pattern.startswith("{") and pattern.endswith("}"):
            values[pattern[1:-1]] = actual
    return values
