"""Read openapi/phone_numbers.yaml and check bodies, statuses and headers against it.

A small layer over jsonschema shared by the spec tests, the emulator tests and the
fixture checks. schemathesis does the generative work; this answers the precise
questions "is this status documented for this operation?" and "does this body
match the schema the spec gives it?".
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

# CLOSE_CONTRACT_SPEC points the checks at another copy of the spec; the tests that
# prove a broken spec fails the suite use it.
SPEC_PATH = Path(
    os.environ.get("CLOSE_CONTRACT_SPEC")
    or Path(__file__).resolve().parent.parent / "openapi" / "phone_numbers.yaml"
)
_BASE = "urn:close-phone-numbers:spec"


class SpecMismatch(AssertionError):
    """A message, body or header does not match the spec."""


@functools.cache
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open() as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


@functools.cache
def _registry() -> Registry[Any]:
    resource: Resource[Any] = DRAFT202012.create_resource(load_spec())
    registry: Registry[Any] = Registry().with_resource(_BASE, resource)
    return registry


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (method, path, operation) for every operation in the spec."""
    for path, item in load_spec()["paths"].items():
        for method in ("get", "put", "post", "delete", "patch"):
            if method in item:
                yield method.upper(), path, item[method]


def operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for method, path, op in operations():
        if op["operationId"] == operation_id:
            return method, path, op
    raise KeyError(f"no operation {operation_id!r} in the spec")


def _pointer(ref: str) -> str:
    return f"{_BASE}{ref}"


def _deref(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = load_spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def response_spec(operation_id: str, status: int) -> dict[str, Any]:
    """The response object documented for `status`, exact codes before ranges."""
    _, _, op = operation(operation_id)
    responses: dict[str, Any] = op["responses"]
    for key in (str(status), f"{str(status)[0]}XX"):
        if key in responses:
            return _deref(responses[key])
    raise SpecMismatch(
        f"{operation_id} does not document status {status} (documented: {sorted(responses)})"
    )


def _rebase(node: Any) -> Any:
    """Point the spec-local `#/...` references of an inline schema at the spec."""
    if isinstance(node, dict):
        return {
            k: _pointer(v) if k == "$ref" and v.startswith("#") else _rebase(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase(v) for v in node]
    return node


def schema_validator(schema: Mapping[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(
        _rebase(dict(schema)),
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def component_validator(name: str) -> Draft202012Validator:
    return schema_validator({"$ref": _pointer(f"#/components/schemas/{name}")})


def _check(validator: Draft202012Validator, instance: Any, what: str) -> None:
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        detail = "; ".join(_describe(e) for e in errors[:5])
        raise SpecMismatch(f"{what}: {detail}")


def _describe(error: ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"at {where}: {error.message}"


def check_response(
    operation_id: str,
    status: int,
    body: Any,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Raise SpecMismatch unless status, body and headers match the spec."""
    response = response_spec(operation_id, status)
    media = response.get("content", {}).get("application/json")
    if media is None:
        if body not in (None, b"", ""):
            raise SpecMismatch(f"{operation_id} {status} documents no body, got one")
    else:
        _check(schema_validator(media["schema"]), body, f"{operation_id} {status} body")
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    for name, header in response.get("headers", {}).items():
        header = _deref(header)
        value = lowered.get(name.lower())
        if value is None:
            if header.get("required"):
                raise SpecMismatch(f"{operation_id} {status}: header {name} is missing")
            continue
        schema = header["schema"]
        instance: Any = value
        if schema.get("type") == "integer":
            if not re.fullmatch(r"-?[0-9]+", value):
                raise SpecMismatch(f"{operation_id} {status}: header {name}={value!r}")
            instance = int(value)
        _check(schema_validator(schema), instance, f"{operation_id} {status} header {name}")


def check_request_body(operation_id: str, body: Any) -> None:
    """Raise SpecMismatch unless `body` matches the operation's request schema."""
    _, _, op = operation(operation_id)
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    _check(schema_validator(schema), body, f"{operation_id} request body")


def _query_value(schema: Mapping[str, Any], raw: str) -> Any:
    """Turn a query string value into the JSON value its schema describes."""
    kind = _deref(dict(schema)).get("type")
    if kind == "integer" and re.fullmatch(r"-?[0-9]+", raw):
        return int(raw)
    if kind == "boolean" and raw in ("true", "false"):
        return raw == "true"
    return raw


def check_query(operation_id: str, query: Mapping[str, str]) -> None:
    """Raise SpecMismatch unless every query parameter is documented and valid."""
    _, path, op = operation(operation_id)
    item = load_spec()["paths"][path]
    documented: dict[str, dict[str, Any]] = {}
    for param in [*item.get("parameters", []), *op.get("parameters", [])]:
        param = _deref(param)
        if param["in"] == "query":
            documented[param["name"]] = param
    for name, raw in query.items():
        if name not in documented:
            raise SpecMismatch(
                f"{operation_id}: query parameter {name!r} is not documented "
                f"(documented: {sorted(documented)})"
            )
        schema = documented[name]["schema"]
        _check(
            schema_validator(schema),
            _query_value(schema, raw),
            f"{operation_id} query parameter {name}",
        )
