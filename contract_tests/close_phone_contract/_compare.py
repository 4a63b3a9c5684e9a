"""`verify --compare`: the same scripted cases against two targets, and where they differ.

Both targets get the scripted session (list, list with `_fields`, get, get with
`_fields`, a missing number, who am I; update and rent only when asked, on both), each
discovering its own ids. Step by step, the answers are compared by status, by shape
(every key path of the body with the JSON types found there; array items merged) and
by headers (the presence of those the spec names for the answer, and of RateLimit,
Retry-After, Location; the media type of Content-Type). Values are not compared: two
servers hold different numbers. Generated requests are not compared either: what they
send depends on what each target answered before.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ._cli import UsageError, emulator_target, server_target, session_options
from ._exchange import Exchange
from ._runner import Target, record_session
from ._session import SessionOptions
from ._spec import Spec
from ._validate import _response

COMPARE_KEY_VARIABLE = "CLOSE_COMPARE_API_KEY"
ALWAYS_COMPARED_HEADERS = ("content-type", "ratelimit", "retry-after", "location")
_ABSENT = "absent"


@dataclass(frozen=True)
class Difference:
    """One way the second target answered a step unlike the first."""

    step: str
    operation: str
    aspect: str  # "step", "status", "shape" or "header"
    where: str
    first: str
    second: str

    def describe(self) -> str:
        where = f" {self.where}" if self.where else ""
        return (
            f"{self.step} ({self.operation}) {self.aspect}{where}: A {self.first}, B {self.second}"
        )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def shape(body: Any) -> dict[str, set[str]]:
    """Every key path of `body` (`$.data[].id`) and the JSON types found at it."""
    found: dict[str, set[str]] = {}

    def walk(node: Any, path: str) -> None:
        found.setdefault(path, set()).add(_kind(node))
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, f"{path}[]")

    if body is not None:
        walk(body, "$")
    return found


def _headers(spec: Spec, exchange: Exchange) -> dict[str, str]:
    """Header name -> what is compared of it ("present", or the media type)."""
    names = set(ALWAYS_COMPARED_HEADERS)
    with contextlib.suppress(KeyError):
        op = spec.operation(exchange.operation)
        response = _response(spec.view("strict"), op, exchange.status) or {}
        names.update(name.lower() for name in response.get("headers", {}))
    lowered = {k.lower(): v for k, v in exchange.response_headers.items()}
    seen: dict[str, str] = {}
    for name in sorted(names):
        if name in lowered:
            media = lowered[name].split(";")[0].strip().lower()
            seen[name] = media if name == "content-type" else "present"
        else:
            seen[name] = "missing"
    return seen


def _step_differences(spec: Spec, step: str, a: Exchange, b: Exchange) -> Iterator[Difference]:
    op = a.operation
    if a.status != b.status:
        # Another status is another answer: its shape and headers differ as a matter of course.
        yield Difference(step, op, "status", "", str(a.status), str(b.status))
        return
    shape_a, shape_b = shape(a.response_body), shape(b.response_body)
    unmatched: list[str] = []
    for path in sorted(shape_a.keys() | shape_b.keys()):
        if any(path.startswith(root) for root in unmatched):
            continue  # below a key one side lacks: the key itself was named
        kinds_a = "|".join(sorted(shape_a.get(path, {_ABSENT})))
        kinds_b = "|".join(sorted(shape_b.get(path, {_ABSENT})))
        if kinds_a != kinds_b:
            yield Difference(step, op, "shape", path, kinds_a, kinds_b)
            if _ABSENT in (kinds_a, kinds_b):
                unmatched.extend([f"{path}.", f"{path}["])
    headers_a, headers_b = _headers(spec, a), _headers(spec, b)
    for name in sorted(headers_a.keys() | headers_b.keys()):
        seen_a, seen_b = headers_a.get(name, "missing"), headers_b.get(name, "missing")
        if seen_a != seen_b:
            yield Difference(step, op, "header", _title(name), seen_a, seen_b)


def _title(name: str) -> str:
    return {"ratelimit": "RateLimit"}.get(name, "-".join(p.capitalize() for p in name.split("-")))


def differences(
    spec: Spec, first: Sequence[tuple[str, Exchange]], second: Sequence[tuple[str, Exchange]]
) -> list[Difference]:
    """Where the answers of `second` differ from those of `first`, step by step."""
    a, b = dict(first), dict(second)
    steps = [s for s, _ in first] + [s for s, _ in second if s not in a]
    found: list[Difference] = []
    for step in steps:
        if step not in b or step not in a:
            op = (a.get(step) or b[step]).operation
            ran = ("ran", "did not run") if step in a else ("did not run", "ran")
            found.append(Difference(step, op, "step", "", *ran))
            continue
        found.extend(_step_differences(spec, step, a[step], b[step]))
    return found


def render(
    first: Target,
    second: Target,
    steps: Sequence[tuple[str, Exchange]],
    found: Sequence[Difference],
    notes: Sequence[str],
) -> str:
    lines = [
        "close-phone-numbers verify --compare",
        f"  A: {first.description}",
        f"  B: {second.description}",
        "the scripted session against each; status, shape (key paths and JSON types) and",
        "headers compared step by step; generated requests are not compared",
        "",
    ]
    for step, exchange in steps:
        mine = [d for d in found if d.step == step]
        verdict = f"{len(mine)} differences" if mine else "same"
        lines.append(f"{step} ({exchange.operation}, {exchange.status}): {verdict}")
    lines.append("")
    lines.extend(notes)
    lines.extend(f"DIFF {d.describe()}" for d in found)
    differing = len({d.step for d in found})
    if found:
        lines.append(f"DIFFERENT: {len(found)} differences in {differing} of {len(steps)} steps")
    else:
        lines.append(f"same: {len(steps)} steps, no difference")
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def _primary(args: argparse.Namespace, session: SessionOptions) -> Iterator[Target]:
    if args.live or args.base_url:
        yield server_target(args, session)
        return
    with emulator_target(strict_observed=True, examples=0, seed=args.seed, session=session) as t:
        yield t


@contextlib.contextmanager
def _comparison(
    where: str, session: SessionOptions, environ: Mapping[str, str]
) -> Iterator[Target]:
    if where == "emulator":
        with emulator_target(strict_observed=True, examples=0, seed=0, session=session) as t:
            yield t
        return
    if not where.startswith(("http://", "https://")):
        raise UsageError(f"--compare takes 'emulator' or an http(s):// API root, got {where!r}")
    key = environ.get(COMPARE_KEY_VARIABLE, "").strip() or environ.get("CLOSE_API_KEY", "").strip()
    yield Target(
        description=f"the server at {where}",
        base_url=where,
        api_key=key or None,
        session=session,
        generate_writes=False,
        strict_observed=False,
        examples=0,
    )


def run_compare(args: argparse.Namespace, spec: Spec, out: TextIO) -> int:
    """Compare the primary target with `--compare`; 0 when alike, 1 when they differ."""
    if args.fixtures is not None:
        raise UsageError("--compare sends requests: it compares servers, not recorded fixtures")
    if args.junit or args.report:
        raise UsageError("--compare prints its differences; it writes no --junit or --report")
    session = session_options(args)
    notes: list[str] = []
    with _primary(args, session) as first, _comparison(args.compare, session, os.environ) as second:
        steps_a = record_session(first, notes).exchanges
        steps_b = record_session(second, notes).exchanges
    found = differences(spec, steps_a, steps_b)
    out.write(render(first, second, steps_a, found, notes))
    return 1 if found else 0
