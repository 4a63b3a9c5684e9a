"""Hold one exchange (a request and its response) to the spec: the core every target uses.

`validate(spec, exchange)` returns findings. Each is checked twice: against what Close
documents (a broken promise) and against the whole spec (a broken *observed*
constraint, reported as such). Nothing here sends a request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ._exchange import Exchange
from ._spec import Operation, Spec, View, deref

_BASE = "urn:close-phone-contract:spec"
CALENDAR = "calendar_dates"


@dataclass(frozen=True)
class Finding:
    """One way an exchange breaks the spec."""

    operation: str
    check: str
    path: str
    expected: str
    got: str
    observed: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.check, self.path)

    def describe(self) -> str:
        kind = "observed constraint" if self.observed else "contract"
        return (
            f"{self.operation} {self.check} ({kind}) at {self.path}: "
            f"expected {self.expected}, got {self.got}"
        )


def _calendar(
    validator: Any, pattern: str, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    """`pattern`, and for a date-time pattern also a real calendar date and time."""
    yield from validators.Draft202012Validator.VALIDATORS["pattern"](
        validator, pattern, instance, schema
    )
    # A pattern of a date and time (the spec's Timestamp) cannot rule out 30 February.
    is_timestamp = pattern.startswith("^[0-9]{4}-") and "T" in pattern
    if isinstance(instance, str) and is_timestamp and re.search(pattern, instance):
        try:
            dt.datetime.fromisoformat(instance)
        except ValueError:
            yield ValidationError(
                f"{instance!r} is not a calendar date and time", validator=CALENDAR
            )


_Validator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _calendar}
)


def _rebase(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: f"{_BASE}{v}" if k == "$ref" and v.startswith("#") else _rebase(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase(v) for v in node]
    return node


class Checker:
    """Validators over one view of a spec, cached by schema identity."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        resource: Resource[Any] = DRAFT202012.create_resource(dict(document))
        self._registry: Registry[Any] = Registry().with_resource(_BASE, resource)
        self._cache: dict[int, Any] = {}

    def errors(self, schema: Mapping[str, Any], instance: Any) -> list[ValidationError]:
        validator = self._cache.get(id(schema))
        if validator is None:
            validator = _Validator(
                _rebase(dict(schema)),
                registry=self._registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
            self._cache[id(schema)] = validator
        found = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        return [_deepest(e) for e in found]

    def component(self, name: str) -> Mapping[str, Any]:
        return {"$ref": f"#/components/schemas/{name}"}


def _deepest(error: ValidationError) -> ValidationError:
    """For an anyOf/oneOf that failed, the branch error that says most."""
    while error.context:
        branches = [e for e in error.context if e.validator not in ("type", "anyOf")]
        error = max(branches or error.context, key=lambda e: len(e.absolute_path))
    return error


def json_path(parts: Iterable[Any], root: str = "$") -> str:
    out = root
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _findings(
    op: str, check: str, root: str, errors: Iterable[ValidationError]
) -> Iterator[Finding]:
    for error in errors:
        parts = list(error.absolute_path)
        if error.validator == "required":
            missing = re.match(r"'(.+)' is a required property", error.message)
            name = missing.group(1) if missing else "?"
            yield Finding(op, check, json_path([*parts, name], root), "a required field", "missing")
            continue
        if error.validator == CALENDAR:
            yield Finding(
                op, CALENDAR, json_path(parts, root), "a real calendar date", _short(error.instance)
            )
            continue
        expected = f"{error.validator} {_short(error.validator_value)}"
        yield Finding(op, check, json_path(parts, root), expected, _short(error.instance))


def _query_value(document: Mapping[str, Any], schema: Any, raw: str) -> Any:
    kind = deref(document, schema).get("type") if isinstance(schema, dict) else None
    if kind == "integer" and re.fullmatch(r"-?[0-9]+", raw):
        return int(raw)
    if kind == "boolean" and raw in ("true", "false"):
        return raw == "true"
    return raw


def _response(document: Mapping[str, Any], op: Operation, status: int) -> Any:
    responses = document["paths"][op.path][op.method.lower()]["responses"]
    for key in (str(status), f"{str(status)[0]}XX"):
        if key in responses:
            return deref(document, responses[key])
    return None


def check_view(
    spec: Spec,
    view: View,
    op: Operation,
    exchange: Exchange,
    checker: Checker | None = None,
    *,
    request: bool = True,
) -> list[Finding]:
    """Findings of one exchange against one view of the spec; the request too if asked."""
    fields = any(name in exchange.query for name in spec.fields_parameters())
    document = spec.view(view, fields=fields)
    checker = checker or Checker(document)
    found: list[Finding] = []
    if request:
        found.extend(_check_request(document, checker, op, exchange))
    found.extend(_check_response(document, checker, op, exchange))
    return list(dict.fromkeys(found))


def _check_request(
    document: Mapping[str, Any], checker: Checker, op: Operation, exchange: Exchange
) -> Iterator[Finding]:
    found: list[Finding] = []
    params = op.parameters(document)
    for name, raw in exchange.query.items():
        param = params.get(("query", name))
        if param is None:
            documented = sorted(n for (where, n) in params if where == "query")
            found.append(
                Finding(op.id, "request_query", f"query.{name}", f"one of {documented}", "sent")
            )
            continue
        value = _query_value(document, param["schema"], raw)
        found.extend(
            _findings(
                op.id, "request_query", f"query.{name}", checker.errors(param["schema"], value)
            )
        )
    path_values = op.matches(exchange.method, exchange.path) or {}
    for name, raw in path_values.items():
        param = params.get(("path", name))
        if param is not None:
            errors = checker.errors(param["schema"], raw)
            found.extend(_findings(op.id, "request_path", f"path.{name}", errors))
    definition = document["paths"][op.path][op.method.lower()]
    if exchange.request_body is not None and "requestBody" in definition:
        body = deref(document, definition["requestBody"])
        schema = body["content"]["application/json"]["schema"]
        errors = checker.errors(schema, exchange.request_body)
        found.extend(_findings(op.id, "request_body", "request", errors))
    return iter(found)


def _check_response(
    document: Mapping[str, Any], checker: Checker, op: Operation, exchange: Exchange
) -> Iterator[Finding]:
    found: list[Finding] = []
    response = _response(document, op, exchange.status)
    if response is None:
        responses = document["paths"][op.path][op.method.lower()]["responses"]
        found.append(
            Finding(
                op.id,
                "status_code_conformance",
                "status",
                f"a status the spec documents ({', '.join(sorted(responses))})",
                f"{exchange.status}, which it does not document",
            )
        )
        return iter(found)
    found.extend(_check_headers(document, checker, op, response, exchange))
    media = response.get("content", {}).get("application/json")
    body = exchange.response_body
    if media is None:
        if body not in (None, "", b""):
            found.append(
                Finding(op.id, "response_schema_conformance", "$", "no body", _short(body))
            )
    else:
        errors = checker.errors(media["schema"], body)
        found.extend(_findings(op.id, "response_schema_conformance", "$", errors))
    return iter(found)


def _check_headers(
    document: Mapping[str, Any],
    checker: Checker,
    op: Operation,
    response: Mapping[str, Any],
    exchange: Exchange,
) -> Iterator[Finding]:
    lowered = {k.lower(): v for k, v in exchange.response_headers.items()}
    for name, header in response.get("headers", {}).items():
        header = deref(document, header)
        where = f"header.{name}"
        value = lowered.get(name.lower())
        if value is None:
            if header.get("required"):
                yield Finding(op.id, "response_headers_conformance", where, "present", "missing")
            continue
        schema = header.get("schema", {})
        instance: Any = value
        if deref(document, schema).get("type") == "integer":
            if not re.fullmatch(r"-?[0-9]+", value):
                yield Finding(
                    op.id, "response_headers_conformance", where, "an integer", _short(value)
                )
                continue
            instance = int(value)
        errors = checker.errors(schema, instance)
        yield from _findings(op.id, "response_headers_conformance", where, errors)


class Validator:
    """Validates exchanges against a spec, documented promises first."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._checkers = {
            (view, fields): Checker(spec.view(view, fields=fields))
            for view in ("strict", "documented")
            for fields in (False, True)
        }

    def operation_of(self, exchange: Exchange) -> tuple[Operation | None, list[Finding]]:
        """The exchange's operation, or a finding saying why it is none."""
        try:
            op = self.spec.operation(exchange.operation)
        except KeyError:
            return None, [
                Finding(exchange.operation, "operation", "operation", "an operationId", "unknown")
            ]
        if op.matches(exchange.method, exchange.path) is None:
            got = f"{exchange.method} {exchange.path}"
            return None, [
                Finding(
                    op.id, "operation", "request", f"{op.method} {op.path}", f"{got} is not {op.id}"
                )
            ]
        return op, []

    def validate(self, exchange: Exchange, *, request: bool = True) -> list[Finding]:
        """Every finding of the exchange; those only the observed part explains are marked.

        `request=False` judges only the response (generated requests are often invalid
        on purpose).
        """
        op, problems = self.operation_of(exchange)
        if op is None:
            return problems
        fields = any(name in exchange.query for name in self.spec.fields_parameters())
        documented = check_view(
            self.spec,
            "documented",
            op,
            exchange,
            self._checkers[("documented", fields)],
            request=request,
        )
        strict = check_view(
            self.spec, "strict", op, exchange, self._checkers[("strict", fields)], request=request
        )
        keys = {f.key for f in documented}
        observed = [
            Finding(f.operation, f.check, f.path, f.expected, f.got, observed=True)
            for f in strict
            if f.key not in keys
        ]
        return [*documented, *observed]
