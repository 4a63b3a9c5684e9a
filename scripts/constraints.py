"""Write the request constraints of the spec as a Python module inside the generated client.

scripts/generate.py calls `write_constraints` after openapi-python-client has run, so the
module is part of what the drift check compares. The library checks its input against
this table, which makes the spec the one place a request constraint is written; reading
a Python literal also keeps YAML out of the import of the library.

For each operation the library sends, the table holds every path and query parameter and
every field of the JSON body: its JSON types (``"null"`` among them when it is nullable),
pattern, format, length, range, enum and, for arrays, the same for the items. `$ref`,
`allOf` and the "X or null" form of `anyOf` are resolved here; any other shape stops the
generation, so a spec change the table cannot express is noticed rather than dropped.
"""

from __future__ import annotations

import pprint
import subprocess
from pathlib import Path
from typing import Any

import yaml

MODULE = "constraints.py"
OPERATIONS = (
    "listPhoneNumbers",
    "getPhoneNumber",
    "updatePhoneNumber",
    "deletePhoneNumber",
    "rentPhoneNumber",
)
# Schema keywords copied as they are (JSON Schema name -> table name).
_PLAIN = {
    "pattern": "pattern",
    "format": "format",
    "minLength": "min_length",
    "maxLength": "max_length",
    "minimum": "minimum",
    "maximum": "maximum",
    "minItems": "min_items",
    "maxItems": "max_items",
    "uniqueItems": "unique_items",
}
# Keywords that say nothing about which values are valid.
_ANNOTATIONS = {"description", "examples", "example", "deprecated", "title", "default"}
OBSERVED = "x-close-observed"
# ECMA-262 `\s` (the dialect of JSON Schema patterns); Python's `\s` differs (it takes
# U+001C..U+001F and U+0085, and leaves out U+FEFF).
_ECMA_SPACE = (
    "\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
)

HEADER = '''"""Request constraints of the Close Phone Numbers API, from openapi/phone_numbers.yaml.

Written by scripts/constraints.py when the client is generated; do not edit. For each
operation: its path and query parameters and the fields of its JSON body, each with the
JSON types it may take ("null" among them when it may be null) and the pattern, format,
lengths, range and enum of the spec. None is valid exactly when "null" is among the
types; the other constraints are for the other values. ``pattern`` is the spec's (ECMA-262) text;
``python_pattern`` is the same rule for Python's `re.search`. ``observed`` marks a
constraint Close's documentation does not state, inferred from what Close does.
"""

from __future__ import annotations

from typing import Final, TypedDict


class Constraint(TypedDict, total=False):
    """What the spec allows for one parameter, field or array item."""

    types: tuple[str, ...]
    pattern: str
    python_pattern: str
    format: str
    min_length: int
    max_length: int
    minimum: int | float
    maximum: int | float
    enum: tuple[str, ...]
    items: Constraint
    min_items: int
    max_items: int
    unique_items: bool
    required: bool
    observed: bool


class Operation(TypedDict):
    """The parameters and body fields of one operation."""

    path: dict[str, Constraint]
    query: dict[str, Constraint]
    body: dict[str, Constraint]
    body_closed: bool
    body_min_properties: int


'''


class Unsupported(Exception):
    """The spec uses a schema shape the table cannot express."""


def python_pattern(pattern: str) -> str:
    """The ECMA-262 `pattern` as a Python regex with the same meaning under `re.search`.

    Python's `$` also matches before a final newline and its `\\s` is another set;
    both are rewritten. Other escapes and constructs mean the same in both dialects
    for the patterns this spec uses; anything else stops the generation.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i : i + 2]
            if escaped == "\\s":
                out.append(_ECMA_SPACE if in_class else f"[{_ECMA_SPACE}]")
            elif escaped in ("\\S", "\\d", "\\D", "\\w", "\\W", "\\b", "\\B"):
                raise Unsupported(f"pattern {pattern!r}: {escaped} has no translation yet")
            else:
                out.append(escaped)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "$" and not in_class:
            char = "\\Z"
        elif char == "(" and pattern[i + 1 : i + 3] in ("?<", "?P"):
            raise Unsupported(f"pattern {pattern!r}: named groups or lookbehind")
        out.append(char)
        i += 1
    return "".join(out)


class _Spec:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def deref(self, node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The node with its `$ref` chain followed, and whether any link was observed."""
        observed = bool(node.get(OBSERVED))
        while "$ref" in node:
            target: Any = self.spec
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **siblings}
            observed = observed or bool(node.get(OBSERVED))
        return node, observed

    def constraint(self, schema: dict[str, Any]) -> dict[str, Any]:
        schema, observed = self.deref(schema)
        result: dict[str, Any] = {}
        for sub in schema.get("allOf", ()):
            _merge(result, self.constraint(sub))
        if "anyOf" in schema or "oneOf" in schema:
            _merge(result, self._nullable(schema.get("anyOf") or schema["oneOf"]))
        own: dict[str, Any] = {}
        if "type" in schema:
            kinds = schema["type"]
            own["types"] = tuple(kinds) if isinstance(kinds, list) else (kinds,)
        if "enum" in schema:
            own["enum"] = tuple(schema["enum"])
        for key, name in _PLAIN.items():
            if key in schema:
                own[name] = schema[key]
        if "pattern" in own:
            own["python_pattern"] = python_pattern(own["pattern"])
        if "items" in schema:
            own["items"] = self.constraint(schema["items"])
        # Extensions other than the observed mark are notes for people (x-close-source, ...).
        unknown = {k for k in set(schema) - _KNOWN if not k.startswith("x-")}
        if unknown:
            raise Unsupported(f"schema keywords {sorted(unknown)} in {schema}")
        _merge(result, own)
        if observed:
            result["observed"] = True
        return result

    def _nullable(self, branches: list[dict[str, Any]]) -> dict[str, Any]:
        nulls = [b for b in branches if b == {"type": "null"}]
        rest = [b for b in branches if b != {"type": "null"}]
        if len(rest) != 1:
            raise Unsupported(f"anyOf/oneOf other than 'X or null': {branches}")
        inner = self.constraint(rest[0])
        if nulls:
            inner["types"] = (*inner.get("types", ()), "null")
        return inner

    def operation(self, operation_id: str) -> dict[str, Any]:
        for item in self.spec["paths"].values():
            shared = item.get("parameters", [])
            for method in ("get", "put", "post", "delete", "patch"):
                op = item.get(method)
                if op and op["operationId"] == operation_id:
                    return self._operation(shared + op.get("parameters", []), op)
        raise Unsupported(f"no operation {operation_id} in the spec")

    def _operation(self, parameters: list[dict[str, Any]], op: dict[str, Any]) -> dict[str, Any]:
        table: dict[str, Any] = {"path": {}, "query": {}, "body": {}}
        for raw in parameters:
            parameter, observed = self.deref(raw)
            field = self.constraint(parameter["schema"])
            if parameter.get("required"):
                field["required"] = True
            if observed:
                field["observed"] = True
            table[parameter["in"]][parameter["name"]] = field
        body: dict[str, Any] = {}
        if "requestBody" in op:
            media = self.deref(op["requestBody"])[0]["content"]["application/json"]
            body = self.deref(media["schema"])[0]
        required = set(body.get("required", ()))
        for name, schema in body.get("properties", {}).items():
            field = self.constraint(schema)
            if name in required:
                field["required"] = True
            table["body"][name] = field
        table["body_closed"] = body.get("additionalProperties") is False
        table["body_min_properties"] = body.get("minProperties", 0)
        return table


_KNOWN = {"$ref", "type", "enum", "items", "allOf", "anyOf", "oneOf", OBSERVED}
_KNOWN |= set(_PLAIN) | _ANNOTATIONS


def _merge(into: dict[str, Any], more: dict[str, Any]) -> None:
    """Both sets of constraints at once (the meaning of allOf)."""
    for key, value in more.items():
        if key not in into or into[key] == value:
            into[key] = value
        elif key == "types":
            into[key] = tuple(t for t in into[key] if t in value)
        elif key in ("max_length", "maximum", "max_items"):
            into[key] = min(into[key], value)
        elif key in ("min_length", "minimum", "min_items"):
            into[key] = max(into[key], value)
        elif key in ("observed", "unique_items", "required"):
            into[key] = into[key] or value
        else:
            raise Unsupported(f"two different {key} for one value: {into[key]!r}, {value!r}")


def table(spec_path: Path) -> dict[str, Any]:
    spec = _Spec(yaml.safe_load(spec_path.read_text()))
    return {operation_id: spec.operation(operation_id) for operation_id in OPERATIONS}


def write_constraints(spec_path: Path, package: Path, ruff: Path) -> None:
    """Write `package`/constraints.py from the spec and format it with `ruff`."""
    body = pprint.pformat(table(spec_path), width=100, sort_dicts=False)
    target = package / MODULE
    target.write_text(f"{HEADER}OPERATIONS: Final[dict[str, Operation]] = {body}\n")
    subprocess.run(
        [str(ruff), "format", "--isolated", "--no-cache", "--quiet", str(target)], check=True
    )
