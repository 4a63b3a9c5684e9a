"""Fail when a spec change would break clients generated from the released spec.

    python scripts/check_breaking.py               # against openapi/released-surface.json
    python scripts/check_breaking.py --old git:REV # against the spec of a git revision
    python scripts/check_breaking.py --old OLD.yaml
    python scripts/check_breaking.py --record      # at a release: record the spec's surface

A spec is reduced to its *surface*: what a generated client depends on. Each operation,
parameter, request field and response field becomes one entry with its accepted types
(`string`, `null`, `string='internal'` for a closed enumeration value, ...), whether it is
required and its limits. Two surfaces are then compared in the direction each part travels:
a request must still accept everything an old client sends, a response must not carry
anything an old client cannot read.

Breaking changes pass only when `info.version` starts a new edition: the spec is versioned
`YEAR.MONTH.PATCH`, and a change of `YEAR.MONTH` against the released version says the
edition may break clients. A patch release may only add.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "phone_numbers.yaml"
RELEASED = ROOT / "openapi" / "released-surface.json"
METHODS = ("get", "put", "post", "delete", "patch")
JSON = "application/json"
# Limits that, made tighter in a request or looser in a response, refuse what was valid.
LOWER_BOUNDS = ("minimum", "minLength", "minItems")
UPPER_BOUNDS = ("maximum", "maxLength", "maxItems")

Surface = dict[str, dict[str, Any]]


class _Resolver:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec

    def deref(self, node: Any) -> Any:
        seen: set[str] = set()
        while isinstance(node, Mapping) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen or not ref.startswith("#/"):
                raise ValueError(f"cannot follow $ref {ref!r}")
            seen.add(ref)
            target: Any = self.spec
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def flatten(self, schema: Any) -> list[dict[str, Any]]:
        """The alternatives a schema accepts, with allOf merged into each."""
        schema = self.deref(schema)
        if not isinstance(schema, Mapping):
            return [{}]
        own = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf", "allOf")}
        alternatives = [own]
        for part in schema.get("allOf", []):
            alternatives = [_merge(a, b) for a in alternatives for b in self.flatten(part)]
        choices = [*schema.get("anyOf", []), *schema.get("oneOf", [])]
        if choices:
            alternatives = [
                _merge(a, b) for a in alternatives for c in choices for b in self.flatten(c)
            ]
        return alternatives


def _merge(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    merged = {**a, **b}
    merged["properties"] = {**a.get("properties", {}), **b.get("properties", {})}
    merged["required"] = sorted({*a.get("required", []), *b.get("required", [])})
    if "type" in a and "type" in b:
        left, right = _as_list(a["type"]), _as_list(b["type"])
        merged["type"] = [t for t in left if t in right]
    return merged


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _atoms(alternative: Mapping[str, Any]) -> set[str]:
    types = _as_list(alternative.get("type", ["any"]))
    if "enum" in alternative:
        return {f"{_json_type(v)}={json.dumps(v)}" for v in alternative["enum"]}
    return {str(t) for t in types}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {str: "string", float: "number", list: "array", dict: "object"}[type(value)]


def _covers(atoms: set[str], atom: str) -> bool:
    """Whether a set of accepted types accepts every value of `atom`."""
    kind = atom.split("=", 1)[0]
    return bool(
        atom in atoms
        or "any" in atoms
        or kind in atoms
        or (kind == "integer" and "number" in atoms)
    )


@dataclass
class _Walker:
    resolver: _Resolver
    surface: Surface

    def schema(self, key: str, schema: Any, *, required: bool, depth: int = 0) -> None:
        alternatives = self.resolver.flatten(schema)
        atoms: set[str] = set()
        limits: dict[str, Any] = {}
        for alternative in alternatives:
            atoms |= _atoms(alternative)
            for name in (*LOWER_BOUNDS, *UPPER_BOUNDS, "pattern"):
                if name in alternative:
                    limits[name] = alternative[name]
        # An enumeration value beside a plain type of its kind (an open enum) adds nothing.
        atoms = {a for a in atoms if "=" not in a or a.split("=", 1)[0] not in atoms}
        self._add(key, {"types": sorted(atoms), "required": required, **limits})
        if depth > 8:  # the spec has no recursive schemas; stop a broken one anyway
            return
        for alternative in alternatives:
            for name, prop in alternative.get("properties", {}).items():
                inner = alternative.get("required", [])
                self.schema(f"{key}.{name}", prop, required=name in inner, depth=depth + 1)
            if "items" in alternative:
                self.schema(f"{key}[]", alternative["items"], required=True, depth=depth + 1)

    def _add(self, key: str, entry: dict[str, Any]) -> None:
        """Record an entry; one seen again through another anyOf branch is widened."""
        seen = self.surface.get(key)
        if seen is None:
            self.surface[key] = entry
            return
        merged = {name: value for name, value in entry.items() if seen.get(name) == value}
        merged["types"] = sorted({*seen["types"], *entry["types"]})
        merged["required"] = seen["required"] and entry["required"]
        self.surface[key] = merged


def surface_of(spec: Mapping[str, Any]) -> Surface:
    """Reduce a spec to the entries a generated client depends on."""
    resolver = _Resolver(spec)
    surface: Surface = {}
    walker = _Walker(resolver, surface)
    for path, item in spec.get("paths", {}).items():
        item = resolver.deref(item)
        shared = item.get("parameters", [])
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            name = op.get("operationId", f"{method} {path}")
            surface[f"operation {name}"] = {"route": f"{method.upper()} {path}"}
            for parameter in [*shared, *op.get("parameters", [])]:
                parameter = resolver.deref(parameter)
                key = f"request {name} {parameter['in']}:{parameter['name']}"
                walker.schema(
                    key, parameter.get("schema", {}), required=bool(parameter.get("required"))
                )
            body = resolver.deref(op.get("requestBody", {}))
            content = body.get("content", {}).get(JSON)
            if content is not None:
                walker.schema(
                    f"request {name} body",
                    content.get("schema", {}),
                    required=bool(body.get("required")),
                )
            for status, response in op.get("responses", {}).items():
                response = resolver.deref(response)
                surface[f"status {name} {status}"] = {}
                content = response.get("content", {}).get(JSON)
                if content is not None:
                    walker.schema(
                        f"response {name} {status}", content.get("schema", {}), required=True
                    )
    return surface


def _parent(key: str) -> str | None:
    """The entry a field or item entry belongs to, or None for a top-level entry."""
    if key.endswith("[]"):
        return key[:-2]
    head, dot, _ = key.rpartition(".")
    return head if dot else None


def _reported_with_its_operation(key: str, new: Surface) -> bool:
    kind, operation = key.split(" ")[:2]
    return kind != "operation" and f"operation {operation}" not in new


def _is_error_answer(key: str) -> bool:
    parts = key.split(" ")
    return parts[0] in ("status", "response") and not parts[2].startswith("2")


def breaking_changes(old: Surface, new: Surface) -> Iterator[str]:
    """What `new` breaks for a client generated from `old`, one sentence each."""
    for key, before in sorted(old.items()):
        kind = key.split(" ", 1)[0]
        after = new.get(key)
        if after is None:
            if _reported_with_its_operation(key, new) or _is_error_answer(key):
                continue  # an error status a client no longer sees is no break either
            parent = _parent(key)
            if parent is None or parent in new:  # report the outermost removal only
                yield f"{key}: removed"
        elif kind == "operation" and before["route"] != after["route"]:
            yield f"{key}: moved from {before['route']} to {after['route']}"
        elif kind == "request":
            yield from _request_change(key, before, after)
        elif kind == "response":
            yield from _response_change(key, before, after)
    for key, after in sorted(new.items()):
        parent = _parent(key)
        added = key.startswith("request ") and key not in old and after.get("required")
        if added and f"operation {key.split(' ')[1]}" in old and (parent is None or parent in old):
            yield f"{key}: newly required"


def _request_change(key: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> Iterator[str]:
    if after["required"] and not before["required"]:
        yield f"{key}: now required"
    lost = [a for a in before["types"] if not _covers(set(after["types"]), a)]
    if lost:
        yield f"{key}: no longer accepts {', '.join(lost)}"
    for name in LOWER_BOUNDS:
        if name in after and (name not in before or after[name] > before[name]):
            yield f"{key}: {name} raised to {after[name]}"
    for name in UPPER_BOUNDS:
        if name in after and (name not in before or after[name] < before[name]):
            yield f"{key}: {name} lowered to {after[name]}"
    if "pattern" in after and after.get("pattern") != before.get("pattern"):
        yield f"{key}: pattern changed to {after['pattern']!r}"


def _response_change(
    key: str, before: Mapping[str, Any], after: Mapping[str, Any]
) -> Iterator[str]:
    if before["required"] and not after["required"]:
        yield f"{key}: no longer always present"
    gained = [a for a in after["types"] if not _covers(set(before["types"]), a)]
    if gained:
        yield f"{key}: may now be {', '.join(gained)}"


def edition(version: str) -> tuple[int, ...]:
    """The `YEAR.MONTH` of a spec version: the part whose change allows breaking changes."""
    try:
        return tuple(int(part) for part in version.split(".")[:2])
    except ValueError:
        raise SystemExit(f"info.version {version!r} is not YEAR.MONTH.PATCH") from None


def render_record(version: str, surface: Surface) -> str:
    """JSON with one entry a line, so that a review sees each change of the surface."""
    lines = [
        f"  {json.dumps(key)}: {json.dumps(surface[key], sort_keys=True)}"
        for key in sorted(surface)
    ]
    body = ",\n".join(lines)
    return f'{{\n "version": {json.dumps(version)},\n "surface": {{\n{body}\n }}\n}}\n'


def load_spec(source: str) -> dict[str, Any]:
    if source.startswith("git:"):
        text = subprocess.run(
            ["git", "show", f"{source[4:]}:openapi/phone_numbers.yaml"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    else:
        text = Path(source).read_text(encoding="utf-8")
    spec = yaml.safe_load(text)
    if not isinstance(spec, dict):
        raise SystemExit(f"{source} is not an OpenAPI document")
    return spec


def check(old_version: str, old: Surface, new_spec: Mapping[str, Any]) -> int:
    """Print the breaking changes; return the exit status."""
    new_version = str(new_spec["info"]["version"])
    changes = list(breaking_changes(old, surface_of(new_spec)))
    if not changes:
        print(f"no breaking changes against the spec of {old_version}")
        return 0
    allowed = edition(new_version) > edition(old_version)
    verdict = "allowed by the new edition" if allowed else "BREAKING"
    print(f"{len(changes)} breaking change(s) from {old_version} to {new_version} ({verdict}):")
    for change in changes:
        print(f"  {change}")
    if allowed:
        return 0
    print(
        "\nA client generated from the released spec would break. Undo the change, or start a\n"
        f"new edition: set info.version to a later YEAR.MONTH.0 than {old_version}.",
        file=sys.stderr,
    )
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", default=str(SPEC), help="the new spec (default: the repo's)")
    parser.add_argument("--old", help="a spec file or git:REV to compare against")
    parser.add_argument("--record", action="store_true", help="record the released surface")
    args = parser.parse_args(argv)
    new_spec = load_spec(args.spec)
    if args.record:
        version = str(new_spec["info"]["version"])
        RELEASED.write_text(render_record(version, surface_of(new_spec)), encoding="utf-8")
        print(f"recorded the surface of {version} in {RELEASED.relative_to(ROOT)}")
        return 0
    if args.old:
        old_spec = load_spec(args.old)
        return check(str(old_spec["info"]["version"]), surface_of(old_spec), new_spec)
    released = json.loads(RELEASED.read_text(encoding="utf-8"))
    return check(released["version"], released["surface"], new_spec)


if __name__ == "__main__":
    raise SystemExit(main())
