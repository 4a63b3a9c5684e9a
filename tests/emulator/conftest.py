"""Clients of the in-process emulator that hold every answer to the spec."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator

# The plugin's fixtures, also when the package is not installed with its entry point
# (a plain PYTHONPATH run); pytest lets a conftest's fixtures shadow a plugin's.
from close_phone_numbers.testing import (  # noqa: F401
    _close_emulator_server_session,
    close_emulator,
    close_emulator_server,
)

from contract_tests.speclib import check_response


class Api:
    """One user's client; every answer is checked against openapi/phone_numbers.yaml."""

    def __init__(self, emu: Emulator, key: str, password: str = "") -> None:
        self.emu = emu
        self.client = httpx.Client(
            transport=emu.transport(), base_url=emu.base_url, auth=(key, password)
        )

    def call(self, operation: str, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = self.client.request(method, url, **kwargs)
        assert "ratelimit" in response.headers
        check_response(
            operation,
            response.status_code,
            response.json(),
            response.headers,
            query=dict(response.request.url.params),
        )
        return response

    def list(self, **params: Any) -> httpx.Response:
        return self.call("listPhoneNumbers", "GET", "/phone_number/", params=params)

    def get(self, number_id: str, **params: Any) -> httpx.Response:
        return self.call("getPhoneNumber", "GET", f"/phone_number/{number_id}/", params=params)

    def update(self, number_id: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        if body is not None:
            kwargs["json"] = body
        return self.call("updatePhoneNumber", "PUT", f"/phone_number/{number_id}/", **kwargs)

    def delete(self, number_id: str) -> httpx.Response:
        return self.call("deletePhoneNumber", "DELETE", f"/phone_number/{number_id}/")

    def rent(self, body: Any = None, **kwargs: Any) -> httpx.Response:
        if body is not None:
            kwargs["json"] = body
        return self.call("rentPhoneNumber", "POST", "/phone_number/request/internal/", **kwargs)

    def number(self, label: str) -> dict[str, Any]:
        """The seeded number with this label."""
        return next(n for n in self.emu.numbers() if n["label"] == label)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    """A fresh emulator with the default seed."""
    with Emulator() as emulator:
        yield emulator


def _api(emu: Emulator, name: str) -> Iterator[Api]:
    user = next(u for u in emu.users if u.name.startswith(name))
    api = Api(emu, user.api_key)
    yield api
    api.client.close()


@pytest.fixture
def alice(emu: Emulator) -> Iterator[Api]:
    """Acme's user with the Manage Team Phone Numbers permission."""
    yield from _api(emu, "Alice")


@pytest.fixture
def bob(emu: Emulator) -> Iterator[Api]:
    """An Acme member without the permission; sole member of the Sales line."""
    yield from _api(emu, "Bob")


@pytest.fixture
def carol(emu: Emulator) -> Iterator[Api]:
    """An Acme member without the permission, in no group number."""
    yield from _api(emu, "Carol")


@pytest.fixture
def dana(emu: Emulator) -> Iterator[Api]:
    """A user of another organization, Globex, whose telephony budget is empty."""
    yield from _api(emu, "Dana")


def invalid(**field_errors: str) -> dict[str, Any]:
    return {"errors": [], "field-errors": field_errors}
