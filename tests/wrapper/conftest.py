"""Small fake Close servers at the transport seam, and clients wired to them."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from close_phone_numbers import AsyncPhoneNumbers, PhoneNumbers

from contract_tests.speclib import check_query, check_request_body

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "phone_numbers.yaml"
API_KEY = "sk_test_SECRET_do_not_leak_123"
BASE_URL = "https://api.close.test/api/v1"

_EXAMPLES: dict[str, Any] = yaml.safe_load(SPEC.read_text())["components"]["examples"]

Handler = Callable[[httpx.Request], httpx.Response]


def number_json(**changes: Any) -> dict[str, Any]:
    """A complete phone number as Close returns it, from the spec's example, with changes."""
    number: dict[str, Any] = copy.deepcopy(_EXAMPLES["PersonalNumber"]["value"])
    number.update(changes)
    return number


def page_json(numbers: list[dict[str, Any]], *, has_more: bool) -> dict[str, Any]:
    """A page of the list endpoint."""
    return {"data": numbers, "has_more": has_more}


def operation_id(request: httpx.Request) -> str:
    """The spec's operation a request is for."""
    path = request.url.path.removeprefix("/api/v1")
    if path == "/phone_number/":
        return "listPhoneNumbers"
    if path == "/phone_number/request/internal/":
        return "rentPhoneNumber"
    if path == "/me/":
        return "getMe"
    return {"GET": "getPhoneNumber", "PUT": "updatePhoneNumber", "DELETE": "deletePhoneNumber"}[
        request.method
    ]


class Recorder:
    """Records what the client sent and the waits it asked for; checks requests against the spec."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        operation = operation_id(request)
        check_query(operation, dict(request.url.params))
        if request.content:
            check_request_body(operation, json.loads(request.content))
        return self.handler(request)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def bodies(self) -> list[Any]:
        """The JSON bodies sent, skipping requests without one."""
        return [json.loads(r.content) for r in self.requests if r.content]

    def paths(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]


def scripted(*answers: httpx.Response | Exception | Handler) -> Handler:
    """A handler that gives these answers in order, repeating the last one."""
    queue = list(answers)

    def handle(request: httpx.Request) -> httpx.Response:
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return answer(request)

    return handle


def make_client(handler: Handler, **options: Any) -> tuple[PhoneNumbers, Recorder]:
    """A PhoneNumbers talking to ``handler``, with recorded sleeps and no jitter."""
    recorder = Recorder(handler)
    http = httpx.Client(transport=httpx.MockTransport(recorder), base_url=BASE_URL)
    options.setdefault("api_key", API_KEY)
    client = PhoneNumbers(http_client=http, sleep=recorder.sleep, random=lambda: 0.0, **options)
    return client, recorder


def make_async_client(handler: Handler, **options: Any) -> tuple[AsyncPhoneNumbers, Recorder]:
    """An AsyncPhoneNumbers talking to ``handler``, with recorded sleeps and no jitter."""
    recorder = Recorder(handler)
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder), base_url=BASE_URL)
    options.setdefault("api_key", API_KEY)
    client = AsyncPhoneNumbers(
        http_client=http, sleep=recorder.async_sleep, random=lambda: 0.0, **options
    )
    return client, recorder


@pytest.fixture
def number() -> dict[str, Any]:
    """The spec's example of a personal number."""
    return number_json()
