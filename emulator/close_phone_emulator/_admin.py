"""Admin routes under /_emulator/: inspect and script the emulator over HTTP.

They take no credentials: the emulator is a local test tool, and a test driving
it from another process needs the same control as one holding the Python object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ._body import BodyError, parse_json, read_body

if TYPE_CHECKING:
    from ._emulator import Emulator


def admin_app(emu: Emulator) -> Starlette:
    """The Starlette app serving /_emulator/ for `emu`."""

    async def body_of(request: Request) -> dict[str, Any]:
        headers = dict(request.scope["headers"])
        try:
            raw = await read_body(
                request.receive, headers, limit=emu.max_body_bytes, timeout=emu.body_timeout
            )
            body = parse_json(raw)
        except BodyError as exc:
            raise ValueError(f"send a JSON object as the body: {exc.message}") from None
        if not isinstance(body, dict):
            raise ValueError("send a JSON object as the body")
        return body

    def state() -> dict[str, Any]:
        return {
            "organizations": [
                {"id": o.id, "name": o.name, "telephony_budget": emu.budget(o.id)}
                for o in emu.store.organizations.values()
            ],
            "users": [
                {
                    "id": u.id,
                    "name": u.name,
                    "email": u.email,
                    "organization_id": u.organization_id,
                    "api_key": u.api_key,
                    "manage_team_phone_numbers": u.manage_team_phone_numbers,
                }
                for u in emu.users
            ],
            "phone_numbers": emu.store.count(),
            "list_order": emu.list_order,
            "faults": [f.as_dict() for f in emu.faults.list()],
        }

    async def show(request: Request) -> JSONResponse:
        return JSONResponse(state())

    async def reset(request: Request) -> JSONResponse:
        emu.reset()
        return JSONResponse(state())

    async def faults(request: Request) -> JSONResponse:
        if request.method == "GET":
            return JSONResponse([f.as_dict() for f in emu.faults.list()])
        if request.method == "DELETE":
            emu.faults.clear()
            return JSONResponse([])
        body = await body_of(request)
        _known(body, {"operation", "kind", "status", "seconds", "probability", "times", "after"})
        fault = emu.faults.add(
            body.get("operation", "*"),
            body.get("kind", ""),
            status=body.get("status"),
            seconds=body.get("seconds", 0.0),
            probability=body.get("probability", 1.0),
            times=body.get("times"),
            after=_flag(body, "after"),
        )
        return JSONResponse(fault.as_dict(), status_code=201)

    async def rate_limits(request: Request) -> JSONResponse:
        if request.method == "DELETE":
            emu.rate_limits.reset()
            return JSONResponse({})
        body = await body_of(request)
        _known(body, {"limit", "window", "group", "api_key"})
        emu.rate_limits.set(
            body.get("limit", 0),
            window=body.get("window", 1.0),
            group=body.get("group"),
            api_key=body.get("api_key"),
        )
        return JSONResponse({})

    async def rent_status(request: Request) -> JSONResponse:
        if request.method == "DELETE":
            emu.clear_rent_status()
            return JSONResponse({})
        body = await body_of(request)
        _known(body, {"status", "error", "http_status", "times"})
        emu.set_rent_status(
            body.get("status", ""),
            error=body.get("error"),
            http_status=body.get("http_status", 400),
            times=body.get("times", 1),
        )
        return JSONResponse({})

    async def list_order(request: Request) -> JSONResponse:
        if request.method == "PUT":
            body = await body_of(request)
            _known(body, {"order"})
            emu.set_list_order(body.get("order", ""))
        return JSONResponse({"order": emu.list_order})

    async def budget(request: Request) -> JSONResponse:
        body = await body_of(request)
        _known(body, {"telephony_budget"})
        emu.set_budget(request.path_params["organization_id"], body.get("telephony_budget", -1))
        return JSONResponse(
            {"telephony_budget": emu.budget(request.path_params["organization_id"])}
        )

    async def refuse(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    async def not_routed(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        message = {404: "No such admin route.", 405: "This admin route takes other methods."}
        return JSONResponse(
            {"error": message.get(exc.status_code, exc.detail)},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    return Starlette(
        routes=[
            Route("/_emulator/", show, methods=["GET"]),
            Route("/_emulator/reset", reset, methods=["POST"]),
            Route("/_emulator/faults", faults, methods=["GET", "POST", "DELETE"]),
            Route("/_emulator/rate_limits", rate_limits, methods=["PUT", "DELETE"]),
            Route("/_emulator/rent_status", rent_status, methods=["PUT", "DELETE"]),
            Route("/_emulator/list_order", list_order, methods=["GET", "PUT"]),
            Route("/_emulator/organizations/{organization_id}/budget", budget, methods=["PUT"]),
        ],
        exception_handlers={ValueError: refuse, HTTPException: not_routed},
    )


def _flag(body: dict[str, Any], name: str) -> bool:
    value = body.get(name, False)
    if not isinstance(value, bool):
        raise ValueError(f"{name}: use true or false")
    return value


def _known(body: dict[str, Any], names: set[str]) -> None:
    unknown = sorted(set(body) - names)
    if unknown:
        raise ValueError(f"unknown fields {unknown}; use {sorted(names)}")
