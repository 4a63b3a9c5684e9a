"""The spec, loaded once, in the four views a check may need.

A spec is read *strict* (everything it states, observed constraints included) or
*documented* (only what Close documents: every element marked `x-close-observed: true`
relaxed), and each of those with or without the `_fields` relaxation (the schemas the
`_fields` parameter's `x-close-fields-schemas` names replaced by their partial forms).
"""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

SPEC_VARIABLE = "CLOSE_CONTRACT_SPEC"
OBSERVED = "x-close-observed"
FIELDS_SCHEMAS = "x-close-fields-schemas"
METHODS = ("get", "put", "post", "delete", "patch")
View = Literal["strict", "documented"]

# The keywords that constrain a value beyond its type; relaxed when marked observed.
_CONSTRAINTS = frozenset(
    {
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "minProperties",
        "maxProperties",
        "required",
    }
)

# What says how an object looks; all of it is observed when the object's schema is marked.
_OBJECT_SHAPE = _CONSTRAINTS | {
    "properties",
    "additionalProperties",
    "patternProperties",
    "propertyNames",
    "dependentRequired",
    "dependentSchemas",
}


def bundled_spec_text() -> str:
    """The spec shipped inside the wheel, beside the generated client it made."""
    return (resources.files("close_phone_numbers_client") / "openapi.yaml").read_text("utf-8")


def spec_text(path: str | Path | None = None) -> tuple[str, str]:
    """(text, where) of the spec: `path`, else $CLOSE_CONTRACT_SPEC, else the bundled one."""
    chosen = path or os.environ.get(SPEC_VARIABLE)
    if chosen:
        return Path(chosen).read_text("utf-8"), str(chosen)
    return bundled_spec_text(), "the spec bundled with close-phone-numbers"


@dataclass(frozen=True)
class Operation:
    """One operation of the spec."""

    id: str
    method: str
    path: str
    definition: dict[str, Any] = field(repr=False)

    def parameters(self, spec: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        """Its parameters (path item's and its own), resolved, by (location, name)."""
        item = spec["paths"][self.path]
        own = item[self.method.lower()].get("parameters", [])
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for param in [*item.get("parameters", []), *own]:
            param = deref(spec, param)
            found[(param["in"], param["name"])] = param
        return found

    def matches(self, method: str, path: str) -> dict[str, str] | None:
        """The path parameters when `method path` is this operation, else None."""
        if method.upper() != self.method:
            return None
        want, have = self.path.split("/"), path.split("?")[0].split("/")
        if len(want) != len(have):
            return None
        values: dict[str, str] = {}
        for pattern, actual in zip(want, have, strict=True):
            if pattern.startswith("{") and pattern.endswith("}"):
                if not actual:
                    return None
                values[pattern[1:-1]] = actual
            elif pattern != actual:
                return None
        return values


def deref(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow local `$ref`s until a node without one."""
    while isinstance(node, dict) and "$ref" in node and node["$ref"].startswith("#/"):
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _type_only(spec: Mapping[str, Any], schema: Any) -> dict[str, Any]:
    resolved = deref(spec, schema)
    kind = resolved.get("type") if isinstance(resolved, dict) else None
    return {"type": kind} if kind else {}


def _relax(spec: dict[str, Any], node: Any) -> Any:
    """A copy of `node` with every observed element reduced to what Close documents."""
    if isinstance(node, list):
        return [_relax(spec, item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _relax(spec, v) for k, v in node.items()}
    if node.get(OBSERVED) is not True:
        return out
    if "in" in node and "name" in node:  # a parameter: only its type is documented
        out["schema"] = _type_only(spec, node["schema"])
    elif "schema" in node:  # a header: neither its presence nor its form is promised
        out["required"] = False
        out["schema"] = {}
    elif "content" in node or "headers" in node:
        pass  # an exact status: the documented view keeps the range beside it
    elif "properties" in out:  # an object whose keys were observed: only "an object" is left
        out = {k: v for k, v in out.items() if k not in _OBJECT_SHAPE}
        out["type"] = "object"
    else:
        for keyword in _CONSTRAINTS & out.keys():
            del out[keyword]
    return out


def _drop_observed_ranges(spec: dict[str, Any]) -> None:
    """Strict view: a range (4XX) yields to the exact codes of its class marked observed."""
    for item in spec["paths"].values():
        for method in METHODS:
            responses = item.get(method, {}).get("responses", {})
            for key in [k for k in responses if k.endswith("XX")]:
                exact = [
                    k
                    for k, v in responses.items()
                    if k[0] == key[0] and k.isdigit() and deref(spec, v).get(OBSERVED) is True
                ]
                if exact:
                    del responses[key]


def _fields_relaxed(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as it holds for requests that sent `_fields`."""
    relaxed = copy.deepcopy(spec)
    replacements: dict[str, str] = {}
    for section in ("parameters",):
        for param in relaxed.get("components", {}).get(section, {}).values():
            replacements.update(param.get(FIELDS_SCHEMAS, {}))
    for source, target in replacements.items():
        name = source.removeprefix("#/components/schemas/")
        relaxed["components"]["schemas"][name] = {"$ref": target}
    return relaxed


class Spec:
    """A loaded spec and its views; see the module docstring."""

    def __init__(self, document: dict[str, Any], where: str = "spec") -> None:
        self.where = where
        self.raw = document
        strict = copy.deepcopy(document)
        _drop_observed_ranges(strict)
        documented = _relax(document, copy.deepcopy(document))
        self._views: dict[tuple[View, bool], dict[str, Any]] = {
            ("strict", False): strict,
            ("strict", True): _fields_relaxed(strict),
            ("documented", False): documented,
            ("documented", True): _fields_relaxed(documented),
        }
        self.operations = tuple(self._operations())

    @classmethod
    def load(cls, path: str | Path | None = None) -> Spec:
        text, where = spec_text(path)
        return cls(yaml.safe_load(text), where)

    def view(self, view: View = "strict", *, fields: bool = False) -> dict[str, Any]:
        return self._views[(view, fields)]

    def _operations(self) -> Iterator[Operation]:
        for path, item in self.raw["paths"].items():
            for method in METHODS:
                if method in item:
                    op = item[method]
                    yield Operation(op["operationId"], method.upper(), path, op)

    def operation(self, operation_id: str) -> Operation:
        for op in self.operations:
            if op.id == operation_id:
                return op
        raise KeyError(f"no operation {operation_id!r} in the spec")

    def find(self, method: str, path: str) -> Operation | None:
        """The operation `method path` (a concrete path) belongs to."""
        for op in self.operations:
            if op.matches(method, path) is not None:
                return op
        return None

    def fields_parameters(self) -> frozenset[str]:
        """The names of query parameters whose presence relaxes the response schemas."""
        params = self.raw.get("components", {}).get("parameters", {}).values()
        return frozenset(p["name"] for p in params if p.get(FIELDS_SCHEMAS))


@functools.cache
def default_spec() -> Spec:
    """The spec of `spec_text()`, loaded once per process."""
    return Spec.load()
