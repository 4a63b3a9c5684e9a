"""The recorded-exchange fixture format: one HTTP request and its response per file.

A fixture is a JSON object::

    {"operation": "<operationId>", "source": "<where it was recorded>",
     "request": {"method", "path", "query", "headers", "body"},
     "response": {"status", "headers", "body"}}

`path` is relative to the API root (`/phone_number/…/`), `query` maps each
parameter to its string value, and bodies are parsed JSON (`null` when there is
none). The README of contract_tests documents it for people.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TOP_KEYS = {"operation", "source", "request", "response"}
_REQUEST_KEYS = {"method", "path", "query", "headers", "body"}
_RESPONSE_KEYS = {"status", "headers", "body"}


class FixtureFormatError(ValueError):
    """A fixture file is not a well-formed recorded exchange."""


@dataclass(frozen=True)
class Exchange:
    """One recorded request and the response the server gave to it."""

    operation: str
    source: str
    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    request_headers: Mapping[str, str] = field(default_factory=dict)
    request_body: Any = None
    status: int = 200
    response_headers: Mapping[str, str] = field(default_factory=dict)
    response_body: Any = None

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "fixture") -> Exchange:
        """Build an exchange from its JSON form, naming the first malformed part."""
        _expect_keys(data, _TOP_KEYS, where)
        request, response = data["request"], data["response"]
        _expect_keys(request, _REQUEST_KEYS, f"{where}: request")
        _expect_keys(response, _RESPONSE_KEYS, f"{where}: response")
        checks: list[tuple[bool, str]] = [
            (isinstance(data["operation"], str), "operation must be an operationId string"),
            (isinstance(data["source"], str), "source must be a string"),
            (
                request["method"] in {"GET", "PUT", "POST", "DELETE"},
                "request.method must be GET, PUT, POST or DELETE",
            ),
            (
                isinstance(request["path"], str) and request["path"].startswith("/"),
                "request.path must start with / (relative to /api/v1)",
            ),
            (_is_str_map(request["query"]), "request.query must map names to strings"),
            (_is_str_map(request["headers"]), "request.headers must map names to strings"),
            (
                isinstance(response["status"], int) and 100 <= response["status"] <= 599,
                "response.status must be an HTTP status code",
            ),
            (_is_str_map(response["headers"]), "response.headers must map names to strings"),
        ]
        for ok, what in checks:
            if not ok:
                raise FixtureFormatError(f"{where}: {what}")
        return cls(
            operation=data["operation"],
            source=data["source"],
            method=request["method"],
            path=request["path"],
            query=dict(request["query"]),
            request_headers=dict(request["headers"]),
            request_body=request["body"],
            status=response["status"],
            response_headers=dict(response["headers"]),
            response_body=response["body"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, keys in the documented order."""
        return {
            "operation": self.operation,
            "source": self.source,
            "request": {
                "method": self.method,
                "path": self.path,
                "query": dict(self.query),
                "headers": dict(self.request_headers),
                "body": self.request_body,
            },
            "response": {
                "status": self.status,
                "headers": dict(self.response_headers),
                "body": self.response_body,
            },
        }

    @property
    def name(self) -> str:
        """`<operationId>.<status>`, the stem fixture files start with."""
        return f"{self.operation}.{self.status}"


def _expect_keys(node: Any, keys: set[str], where: str) -> None:
    if not isinstance(node, dict):
        raise FixtureFormatError(f"{where} must be a JSON object")
    missing, extra = keys - node.keys(), node.keys() - keys
    if missing or extra:
        raise FixtureFormatError(
            f"{where}: missing keys {sorted(missing)}, unknown keys {sorted(extra)}"
        )


def _is_str_map(node: Any) -> bool:
    return isinstance(node, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in node.items()
    )


def load(path: Path) -> Exchange:
    """Read one fixture file, raising FixtureFormatError for anything malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FixtureFormatError(f"{path.name}: not JSON ({exc})") from None
    return Exchange.from_dict(data, where=path.name)


def dump(exchange: Exchange) -> str:
    """The file text for an exchange: two-space indent, documented key order, final newline."""
    return json.dumps(exchange.to_dict(), indent=2, ensure_ascii=False) + "\n"


def discover(root: Path) -> Iterator[Path]:
    """Every fixture file under `root`, in a stable order."""
    yield from sorted(root.rglob("*.json"))
