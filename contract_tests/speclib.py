"""The repository's spec checks: openapi/phone_numbers.yaml held strictly, as the emulator is.

A thin layer over `close_phone_contract` for the spec, emulator and wrapper tests: each
function raises `SpecMismatch` naming what broke. Strict: observed constraints count.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from close_phone_contract import Exchange, Spec, Validator
from close_phone_contract._validate import Checker, check_view
from jsonschema import Draft202012Validator

# CLOSE_CONTRACT_SPEC points the checks at another copy of the spec; the tests that
# prove a broken spec fails the suite use it.
SPEC_PATH = Path(
    os.environ.get("CLOSE_CONTRACT_SPEC")
    or Path(__file__).resolve().parent.parent / "openapi" / "phone_numbers.yaml"
)


class SpecMismatch(AssertionError):
    """A message, body or header does not match the spec."""


@functools.cache
def spec() -> Spec:
    return Spec.load(SPEC_PATH)


@functools.cache
def validator() -> Validator:
    return Validator(spec())


def load_spec() -> dict[str, Any]:
    return spec().raw


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (method, path, operation) for every operation in the spec."""
    for op in spec().operations:
        yield op.method, op.path, op.definition


def operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    op = spec().operation(operation_id)
    return op.method, op.path, op.definition


def response_spec(operation_id: str, status: int) -> dict[str, Any]:
    """The response object documented for `status`, exact codes before ranges."""
    from close_phone_contract._spec import deref

    _, _, op = operation(operation_id)
    responses: dict[str, Any] = op["responses"]
    for key in (str(status), f"{str(status)[0]}XX"):
        if key in responses:
            found: dict[str, Any] = deref(load_spec(), responses[key])
            return found
    raise SpecMismatch(
        f"{operation_id} does not document status {status} (documented: {sorted(responses)})"
    )


def component_validator(name: str) -> Draft202012Validator:
    """A validator of one component schema, calendar dates included."""
    checker = Checker(spec().view("strict"))
    schema = checker.component(name)

    class _Bound:
        def iter_errors(self, instance: Any) -> list[Any]:
            return checker.errors(schema, instance)

    return _Bound()  # type: ignore[return-value]


def _raise(exchange: Exchange, only: set[str] | None = None) -> None:
    op = spec().operation(exchange.operation)
    found = check_view(spec(), "strict", op, exchange)
    if only is not None:
        found = [f for f in found if f.check in only]
    if found:
        raise SpecMismatch("; ".join(f.describe() for f in found[:5]))


def _exchange(operation_id: str, **parts: Any) -> Exchange:
    method, path, _ = operation(operation_id)
    return Exchange(operation=operation_id, source="speclib", method=method, path=path, **parts)


def check_response(
    operation_id: str,
    status: int,
    body: Any,
    headers: Mapping[str, str] | None = None,
    query: Mapping[str, str] | None = None,
) -> None:
    """Raise SpecMismatch unless status, body and headers match the spec.

    `query` is what the request sent: with `_fields` the partial schemas apply.
    """
    response_spec(operation_id, status)
    exchange = _exchange(
        operation_id,
        query=dict(query or {}),
        status=status,
        response_headers=dict(headers or {}),
        response_body=body,
    )
    _raise(
        exchange, {"response_schema_conformance", "response_headers_conformance", "calendar_dates"}
    )


def check_request_body(operation_id: str, body: Any) -> None:
    """Raise SpecMismatch unless `body` matches the operation's request schema."""
    _raise(_exchange(operation_id, request_body=body), {"request_body"})


def check_query(operation_id: str, query: Mapping[str, str]) -> None:
    """Raise SpecMismatch unless every query parameter is documented and valid."""
    _raise(_exchange(operation_id, query=dict(query)), {"request_query"})
