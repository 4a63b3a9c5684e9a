"""The library accepts exactly the input the spec accepts, field by field.

For every request field of rent and update and every parameter of list, get, update and
delete, values are drawn from the field's schema in openapi/phone_numbers.yaml (by
hypothesis-jsonschema) and mixed with values of the wrong type and mutations of good
ones. jsonschema-rs, reading the spec itself, says which are valid: those must reach the
transport unchanged, the others must be refused before anything is sent.

The library's own rules, each stricter than the spec or a documented mapping, are the
exceptions the oracle is told about: None leaves a rent field or list filter out; a
lower-case ASCII country is upper-cased; with_mms=True needs with_sms=True; assign_to
may not be empty (a rent costs money, and Close does not say what [] means); a JSON
integer is a Python int (not 20.0); a string must be encodable as UTF-8. `_skip` is no
input of the library (paging sets it) and `_fields` is built from a list of names.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import jsonschema_rs
import pytest
from close_phone_numbers import InvalidRequestError, PhoneNumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from contract_tests.speclib import load_spec

from .conftest import BASE_URL, number_json

settings.register_profile(
    "agreement",
    max_examples=int(os.environ.get("CLOSE_AGREEMENT_EXAMPLES", "30")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
AGREEMENT = settings.get_profile("agreement")
NUMBER = number_json()
PHONE_ID = NUMBER["id"]
OPERATIONS = ("listPhoneNumbers", "getPhoneNumber", "updatePhoneNumber", "deletePhoneNumber")


def _inline(node: Any, spec: dict[str, Any]) -> Any:
    """`node` with every `$ref` replaced by what it points at (the spec has no cycles here)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = spec
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return _inline({**target, **rest}, spec)
        return {k: _inline(v, spec) for k, v in node.items() if not k.startswith("x-")}
    if isinstance(node, list):
        return [_inline(v, spec) for v in node]
    return node


@dataclass(frozen=True)
class Field:
    operation: str
    where: str  # "path", "query" or "body"
    name: str
    schema: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.operation}.{self.where}.{self.name}"


def _spec_fields() -> list[Field]:
    """Every parameter and body field of the operations, read from the spec (not the table)."""
    spec = load_spec()
    found: list[Field] = []
    for item in spec["paths"].values():
        for method in ("get", "put", "post", "delete"):
            op = item.get(method)
            if not op or op["operationId"] not in (*OPERATIONS, "rentPhoneNumber"):
                continue
            for parameter in [*item.get("parameters", []), *op.get("parameters", [])]:
                parameter = _inline(parameter, spec)
                found.append(
                    Field(
                        op["operationId"], parameter["in"], parameter["name"], parameter["schema"]
                    )
                )
            if "requestBody" in op:
                body = _inline(op["requestBody"], spec)["content"]["application/json"]["schema"]
                for name, schema in body["properties"].items():
                    found.append(Field(op["operationId"], "body", name, schema))
    return found


FIELDS = [f for f in _spec_fields() if f.name not in ("_skip", "_fields")]


def _as_json(value: Any) -> Any:
    """What `value` is in JSON (tuples are arrays); raises ValueError when it is none."""
    if isinstance(value, tuple | list):
        return [_as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, str):
        value.encode("utf-8")  # a lone surrogate: UnicodeEncodeError, a ValueError
    elif value is not None and not isinstance(value, bool | int | float):
        raise ValueError(value)
    return value


def spec_accepts(field: Field, value: Any) -> bool:
    """The spec's verdict, by jsonschema-rs: its patterns are ECMA-262 like the spec's."""
    try:
        instance = _as_json(value)
    except ValueError:
        return False
    if isinstance(value, float) and "integer" in str(field.schema.get("type")):
        return False  # a JSON integer is a Python int here; the schema would take 20.0
    return bool(_oracle(field).is_valid(instance))


_ORACLES: dict[str, Any] = {}
_CANDIDATES: dict[str, st.SearchStrategy[Any]] = {}


def _oracle(field: Field) -> Any:
    if str(field) not in _ORACLES:
        _ORACLES[str(field)] = jsonschema_rs.validator_for(field.schema, validate_formats=True)
    return _ORACLES[str(field)]


def _junk() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    return scalars | st.lists(scalars, max_size=3) | st.dictionaries(st.text(max_size=3), scalars)


def _mutated(good: Any) -> st.SearchStrategy[Any]:
    """Values near a good one: edited strings, numbers off by a little, lists with more items."""
    if isinstance(good, str):
        noise = st.text(max_size=4) | st.sampled_from([" ", "/", "\n", "é", "\ud800", "x" * 300])
        return st.tuples(st.integers(0, len(good)), noise).map(
            lambda cut: good[: cut[0]] + cut[1] + good[cut[0] :]
        )
    if isinstance(good, int) and not isinstance(good, bool):
        return st.integers(-3, 3).map(lambda d: good + d) | st.just(float(good))
    if isinstance(good, list):
        return st.one_of(
            st.just(tuple(good)),
            st.just(dict.fromkeys(map(str, good))),
            st.lists(_junk(), min_size=1, max_size=2).map(lambda more: good + more),
            st.just(good * 21),
        )
    return _junk()


def _example(schema: dict[str, Any]) -> Any:
    return (schema.get("examples") or [None])[0]


def _spec_words(node: Any) -> set[str]:
    """Every string of every enum in the spec: near misses for any enum field."""
    if isinstance(node, dict):
        words = {w for w in node.get("enum", ()) if isinstance(w, str)}
        return words.union(*(_spec_words(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_spec_words(v) for v in node))
    return set()


WORDS = sorted(_spec_words(load_spec()))


def edge_values(schema: dict[str, Any]) -> list[Any]:
    """Values on and just past each bound the schema states, and near misses of its patterns.

    Lengths, ranges and item counts at the bound and one past it; the spec's example
    stretched and cut one character at a time (a pattern's length bounds are crossed that
    way); every enum word of the spec, and its upper case.
    """
    edges: list[Any] = []
    for key, step in (("maxLength", 1), ("minLength", -1)):
        if key in schema:
            edges += ["a" * n for n in (schema[key], schema[key] + step) if n >= 0]
    for key, step in (("maximum", 1), ("minimum", -1)):
        if key in schema:
            edges += [schema[key], schema[key] + step]
    item = _example(schema.get("items", {}))
    for key, step in (("maxItems", 1), ("minItems", -1)):
        if key in schema and item is not None:
            edges += [[item] * n for n in (schema[key], schema[key] + step) if n >= 0]
    words = WORDS + [w.upper() for w in WORDS]
    for example, wrap in ((_example(schema), False), (item, True)):
        if isinstance(example, str):
            near = [example + example[-1] * k for k in range(1, 20)]
            near += [example[:k] for k in range(len(example))] + [example + "\n", *words]
            edges += [[v] for v in near] if wrap else near
    return edges + words


def candidates(field: Field) -> st.SearchStrategy[Any]:
    """Good values of `field`, values of any type, values on its bounds, good ones broken."""
    if str(field) not in _CANDIDATES:
        valid = from_schema(field.schema)
        edges = st.sampled_from(edge_values(field.schema))
        _CANDIDATES[str(field)] = st.one_of(valid, _junk(), edges, valid.flatmap(_mutated))
    return _CANDIDATES[str(field)]


def _answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if request.method == "POST":
        return httpx.Response(201, json=NUMBER)
    if request.method == "DELETE":
        return httpx.Response(200, json={})
    if path.endswith("/phone_number/"):
        return httpx.Response(200, json={"data": [NUMBER], "has_more": False})
    if "/phone_number/" in path:
        return httpx.Response(200, json=NUMBER)
    return httpx.Response(200, json={"id": NUMBER["user_id"]})  # who the caller is, for rents


class _Sent:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return _answer(request)

    def main(self) -> httpx.Request:
        """The request of the operation itself (a rent also lists numbers to reconcile)."""
        mains = [r for r in self.requests if r.method != "GET" or "/me/" not in r.url.path]
        writes = [r for r in mains if r.method in ("POST", "PUT", "DELETE")]
        return (writes or mains)[0]


def _call(client: PhoneNumbers, field: Field, value: Any) -> Callable[[], Any]:
    """The library call that sends `value` as `field`."""
    name, op = field.name, field.operation
    if field.where == "path":
        if op == "getPhoneNumber":
            return lambda: client.get(value)
        if op == "deletePhoneNumber":
            return lambda: client.delete(value)
        return lambda: client.update(value, label="x")
    if op == "listPhoneNumbers":
        keyword = "page_size" if name == "_limit" else name
        return lambda: next(iter(client.list(**{keyword: value})))
    if op == "updatePhoneNumber":
        return lambda: client.update(PHONE_ID, **{name: value})
    extra: dict[str, Any] = {"with_sms": True} if name == "with_mms" and value is True else {}
    if name == "country":
        return lambda: client.rent(value, **extra)
    return lambda: client.rent("US", **{name: value}, **extra)


def _what_was_sent(request: httpx.Request, field: Field) -> Any:
    if field.where == "path":
        return request.url.path.removeprefix("/api/v1/phone_number/").removesuffix("/")
    if field.where == "query":
        return request.url.params.get(field.name)
    return json.loads(request.content).get(field.name, "(left out)")


# The library's arguments where None means "leave it out" (Close's default applies).
_NONE_LEAVES_OUT = {
    *(("listPhoneNumbers", n) for n in ("number", "participant_user_id", "user_id")),
    ("listPhoneNumbers", "is_group_number"),
    *(("rentPhoneNumber", n) for n in ("prefix", "with_sms", "with_mms", "carrier_type")),
    *(("rentPhoneNumber", n) for n in ("bundle_id", "assign_to", "sharing")),
}


def _expected(field: Field, value: Any) -> tuple[bool, Any]:
    """Whether the library must accept `value`, and what it must send for it."""
    if value is None and (field.operation, field.name) in _NONE_LEAVES_OUT:
        return True, None if field.where == "query" else "(left out)"
    if field.name == "country" and isinstance(value, str) and value.isascii():
        value = value.upper()
    accepted = spec_accepts(field, value)
    if field.name == "assign_to" and value in ([], ()):
        accepted = False  # the library's own rule: an empty list names nobody to rent for
    if field.where == "query" and isinstance(value, bool):
        return accepted, "true" if value else "false"
    if field.where == "query" and isinstance(value, int):
        return accepted, str(value)
    return accepted, _as_json(value) if accepted else None


_SENT = _Sent()
_CLIENT = PhoneNumbers(
    api_key="sk_test_agreement",
    http_client=httpx.Client(transport=httpx.MockTransport(_SENT), base_url=BASE_URL),
    sleep=lambda s: None,
)


def _client() -> tuple[_Sent, PhoneNumbers]:
    """One client for the whole module (cheap examples), its record emptied for each."""
    _SENT.requests.clear()
    return _SENT, _CLIENT


def assert_agrees(field: Field, value: Any) -> None:
    """Sent as it is when the spec accepts `value`; refused, with nothing sent, otherwise."""
    sent, client = _client()
    accepted, expected = _expected(field, value)
    if accepted:
        _call(client, field, value)()
        assert _what_was_sent(sent.main(), field) == expected
    else:
        with pytest.raises(InvalidRequestError) as caught:
            _call(client, field, value)()
        assert caught.value.field.split("[")[0] in (field.name, "page_size")
        assert sent.requests == []


@pytest.mark.parametrize("field", FIELDS, ids=str)
@AGREEMENT
@given(data=st.data())
def test_library_accepts_exactly_what_the_spec_accepts(field: Field, data: st.DataObject) -> None:
    """A value the spec's schema allows reaches the transport as it is; any other is refused."""
    assert_agrees(field, data.draw(candidates(field), label=field.name))


@pytest.mark.parametrize("field", FIELDS, ids=str)
def test_library_agrees_with_the_spec_on_every_bound(field: Field) -> None:
    """On each bound, one past it, and at each length of the spec's example: the same verdict."""
    for value in edge_values(field.schema):
        assert_agrees(field, value)


def test_every_request_field_of_the_spec_is_tried() -> None:
    """The agreement test covers the fields the spec has now, whatever they are."""
    names = {(f.operation, f.name) for f in FIELDS}
    assert ("updatePhoneNumber", "label") in names
    assert ("rentPhoneNumber", "assign_to") in names
    assert ("getPhoneNumber", "id") in names
    assert len(FIELDS) >= 25
