"""The ASGI application of /api/v1: routing, auth, rate limits, faults, the five operations.

Written against raw ASGI rather than a framework: GET by id is the path users hammer,
and each layer of request objects costs throughput.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from . import _rules
from ._body import BodyError, parse_json, read_body
from ._faults import Fault
from ._ratelimit import GROUPS, Budget
from ._rules import ApiError
from ._seed import User, make_id, new_number

if TYPE_CHECKING:
    from ._emulator import Emulator

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_log = logging.getLogger(__name__)
PREFIX = "/api/v1"
_JSON = (b"content-type", b"application/json")
_UNAUTHORIZED = "Authentication is required to access this resource."
_HTML = b"<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>"
# The names `_fields` may ask for: those of a whole number.
FIELDS = frozenset(
    new_number(
        number_id="phon_0",
        organization_id="orga_0",
        number="+16505550100",
        participants=["user_0"],
        is_group=False,
        now="",
        country="US",
    )
)


def _dumps(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


def route(method: str, path: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(operation id or None, number id, allowed methods) of a path under /api/v1."""
    if path == "/phone_number/":
        return ("listPhoneNumbers" if method == "GET" else None), None, ("GET",)
    if path == "/me/":
        return ("getMe" if method == "GET" else None), None, ("GET",)
    if path == "/phone_number/request/internal/":
        return ("rentPhoneNumber" if method == "POST" else None), None, ("POST",)
    if path.startswith("/phone_number/") and path.endswith("/") and path.count("/") == 3:
        number_id = path[len("/phone_number/") : -1]
        operation = {
            "GET": "getPhoneNumber",
            "PUT": "updatePhoneNumber",
            "DELETE": "deletePhoneNumber",
        }.get(method)
        return operation, number_id, ("GET", "PUT", "DELETE")
    return None, None, ()


class ApiApp:
    """The API under /api/v1, bound to one emulator's state."""

    def __init__(self, emulator: Emulator) -> None:
        self._emu = emulator
        # Decoding the Authorization header is the same work on every request.
        self._auth_cache: dict[bytes, User | None] = {}

    def forget_credentials(self) -> None:
        self._auth_cache.clear()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method: str = scope["method"]
        path: str = scope["path"][len(PREFIX) :]
        operation, number_id, allowed = route(method, path)
        headers = dict(scope["headers"])
        user = self._authenticate(headers.get(b"authorization"))
        if user is None:
            # Budgets belong to keys: a request without a valid one spends none, so a
            # throttled key can never turn a 401 into a 429.
            await _respond(send, 401, {"error": _UNAUTHORIZED}, [])
            return
        group = GROUPS.get(operation or "", "read")
        budget = self._emu.rate_limits.spend(group, user.api_key)
        extra = [(b"ratelimit", budget.header.encode())]
        if not budget.allowed:
            await _respond(send, 429, _limited(budget), extra + _retry_after(budget))
            return
        if operation is None:
            if allowed:
                extra.append((b"allow", ", ".join(allowed).encode()))
                await _respond(send, 405, {"error": f"Use {' or '.join(allowed)}."}, extra)
            else:
                await _respond(send, 404, {"error": "No such endpoint."}, extra)
            return
        if await self._strike(operation, False, send, None, extra):
            return
        try:
            status, body = await self._handle(operation, number_id, user, scope, receive, headers)
        except ApiError as error:
            status, body = error.status, _dumps(error.body)
        except BodyError as error:
            status, body = 400, _dumps({"errors": [error.message], "field-errors": {}})
            if error.close:  # the rest of the body may still be on its way
                extra.append((b"connection", b"close"))
        except Exception:  # a bug: still answer as Close does, in JSON
            _log.exception("the emulator failed on %s %s", method, path)
            status, body = 500, _dumps({"error": "An internal error occurred."})
        if await self._strike(operation, True, send, (status, body), extra):
            return
        await _send(send, status, body, extra)

    def _authenticate(self, header: bytes | None) -> User | None:
        if header is None:
            return None
        if header in self._auth_cache:
            return self._auth_cache[header]
        user = None
        scheme, _, credentials = header.partition(b" ")
        key = None
        if scheme.lower() == b"basic":
            try:
                decoded = base64.b64decode(credentials.strip(), validate=True).decode()
            except (binascii.Error, UnicodeDecodeError):
                decoded = ""
            name, colon, password = decoded.partition(":")
            # Close takes the key as the user name and an empty password.
            key = name if colon and not password else None
        elif scheme.lower() == b"bearer":
            key = credentials.strip().decode("latin-1")
        if key:
            user = self._emu.store.users_by_key.get(key)
        if len(self._auth_cache) < 1024:
            self._auth_cache[header] = user
        return user

    async def _strike(
        self,
        operation: str,
        after: bool,
        send: Send,
        answer: tuple[int, bytes] | None,
        extra: list[tuple[bytes, bytes]],
    ) -> bool:
        """Apply the faults due now; True when one of them took over the answer."""
        struck: list[Fault] = self._emu.faults.strike(operation, after=after)
        for fault in struck:
            if fault.kind == "latency":
                await asyncio.sleep(fault.seconds)
            elif fault.kind == "status":
                await _respond(send, fault.status, {"error": "An internal error occurred."}, extra)
                return True
            elif fault.kind == "non_json":
                headers = [(b"content-type", b"text/html"), (b"content-length", b"%d" % len(_HTML))]
                await send(
                    {"type": "http.response.start", "status": fault.status, "headers": headers}
                )
                await send({"type": "http.response.body", "body": _HTML})
                return True
            elif fault.kind == "disconnect":
                await _drop(send)
                return True
            elif fault.kind == "truncate" and answer is not None:
                status, body = answer
                head = [_JSON, (b"content-length", b"%d" % len(body)), *extra]
                await send({"type": "http.response.start", "status": status, "headers": head})
                await send(
                    {
                        "type": "http.response.body",
                        "body": body[: len(body) // 2],
                        "more_body": True,
                    }
                )
                await _drop(send)
                return True
        return False

    async def _handle(
        self,
        operation: str,
        number_id: str | None,
        user: User,
        scope: Scope,
        receive: Receive,
        headers: dict[bytes, bytes],
    ) -> tuple[int, bytes]:
        emu = self._emu
        org = user.organization_id
        query = scope["query_string"]
        params = dict(parse_qsl(query.decode("latin-1"), keep_blank_values=True)) if query else {}
        fields = _fields(params)
        if operation == "listPhoneNumbers":
            q = _rules.list_query(params)
            page, has_more = emu.store.page(
                org,
                number=q.get("number"),
                participant_user_id=q.get("participant_user_id"),
                user_id=q.get("user_id"),
                is_group_number=q.get("is_group_number"),
                skip=q["skip"],
                limit=q["limit"],
            )
            if fields is not None:
                data = [_project(r, fields) for r in page]
                return 200, _dumps({"data": data, "has_more": has_more})
            items = b",".join(emu.store.serialized(r) for r in page)
            return 200, b'{"data":[%s],"has_more":%s}' % (items, b"true" if has_more else b"false")
        if operation == "getMe":
            return 200, _dumps(_me(emu, user))
        if operation == "rentPhoneNumber":
            body = await _json_body(emu, receive, headers)
            return 201, _dumps(emu._rent(user, _rules.check_rent(body)))
        assert number_id is not None
        if operation == "getPhoneNumber":
            if fields is None:
                cached = emu.store.get_json(org, number_id)
                if cached is None:
                    raise ApiError(404, {"error": _rules.NOT_FOUND_MESSAGE})
                return 200, cached
            return 200, _dumps(_project(_found(emu, org, number_id), fields))
        if operation == "updatePhoneNumber":
            body = await _json_body(emu, receive, headers)
            changes = _rules.check_update(body)
            return 200, _dumps(emu._update(user, _found(emu, org, number_id), changes))
        _rules.authorize_delete(user, _found(emu, org, number_id))
        emu.store.delete(number_id)
        return 200, b"{}"


def _me(emu: Emulator, user: User) -> dict[str, Any]:
    """The requesting user, with the fields of Close's /me/ the spec describes."""
    first, _, last = user.name.partition(" ")
    org = emu.store.organizations[user.organization_id]
    # Close publishes no API name for Manage Team Phone Numbers, so none is made up here.
    role = "admin" if user.manage_team_phone_numbers else "user"
    return {
        "id": user.id,
        "email": user.email,
        "first_name": first,
        "last_name": last or None,
        "organizations": [{"id": org.id, "name": org.name}],
        "memberships": [
            {
                "id": make_id("memb", user.id),
                "organization_id": org.id,
                "user_id": user.id,
                "role_id": make_id("role", f"{org.id}:{role}"),
                "permissions_granted": [],
            }
        ],
    }


def _found(emu: Emulator, org: str, number_id: str) -> dict[str, Any]:
    record = emu.store.get(org, number_id)
    if record is None:
        raise ApiError(404, {"error": _rules.NOT_FOUND_MESSAGE})
    return record


def _fields(params: dict[str, str]) -> frozenset[str] | None:
    raw = params.get("_fields")
    if not raw:
        return None
    # Close ignores names it does not know, and always adds `id`.
    return (frozenset(name.strip() for name in raw.split(",")) | {"id"}) & FIELDS


def _project(record: dict[str, Any], fields: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k in fields}


async def _json_body(emu: Emulator, receive: Receive, headers: dict[bytes, bytes]) -> Any:
    raw = await read_body(receive, headers, limit=emu.max_body_bytes, timeout=emu.body_timeout)
    content_type = headers.get(b"content-type", b"application/json").split(b";")[0].strip()
    if content_type.lower() != b"application/json":
        raise _rules.invalid({}, "Send the body as JSON, with Content-Type: application/json.")
    return parse_json(raw)


def _limited(budget: Budget) -> dict[str, Any]:
    return {
        "error": {
            "message": "API call count exceeded for this period",
            "rate_limit": budget.limit,
            "rate_reset": budget.reset,
            "rate_window": 1,
        }
    }


def _retry_after(budget: Budget) -> list[tuple[bytes, bytes]]:
    return [(b"retry-after", str(budget.reset).encode())]


async def _respond(send: Send, status: int, body: Any, extra: list[tuple[bytes, bytes]]) -> None:
    await _send(send, status, _dumps(body), extra)


async def _send(send: Send, status: int, body: bytes, extra: list[tuple[bytes, bytes]]) -> None:
    headers = [_JSON, (b"content-length", b"%d" % len(body)), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _drop(send: Send) -> None:
    """Close the connection without (the rest of) an answer.

    ASGI has no message for this. Under uvicorn the `send` callable belongs to an
    object holding the socket's transport, which we close; the in-process transports
    of this package read "the app returned without finishing" as a dropped connection.
    """
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        return
    transport.close()
    for _ in range(20):  # let the server notice, so it does not answer 500 on a closed socket
        if getattr(cycle, "disconnected", True):
            return
        await asyncio.sleep(0)
