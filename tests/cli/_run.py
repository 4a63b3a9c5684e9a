"""Run the command in process, with a terminal or not, and keep what it sent and printed."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from close_phone_numbers.cli import main


class Terminal(io.StringIO):
    """Typed answers on stdin, as a person at a terminal would give them."""

    def isatty(self) -> bool:
        return True


@dataclass
class Recorder(httpx.BaseTransport):
    """Passes requests on to another transport and keeps them, to prove what was sent."""

    inner: httpx.BaseTransport
    requests: list[httpx.Request] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.inner.handle_request(request)

    def sent(self, method: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method]


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str
    sleeps: list[float]


Run = Callable[..., Result]


def run_cli(
    argv: list[str],
    *,
    transport: httpx.BaseTransport,
    env: Mapping[str, str],
    answer: str | None = None,
    tty: bool = False,
    stdin_text: str = "",
    **injected: Any,
) -> Result:
    """Run `close-phone-numbers argv`; `answer` is typed at a terminal, None means no terminal.

    ``stdin_text`` is piped in; ``tty`` makes stdout a terminal too; ``injected`` passes
    getpass or keyring to main.
    """
    stdin: io.StringIO = Terminal(answer) if answer is not None else io.StringIO(stdin_text)
    stdout = Terminal() if tty else io.StringIO()
    stderr = io.StringIO()
    # Waits (retries, rent reconciliation) are recorded, never slept.
    sleeps: list[float] = []
    with httpx.Client(transport=transport) as http_client:
        code = main(
            argv,
            stdout,
            stdin=stdin,
            stderr=stderr,
            env=env,
            http_client=http_client,
            sleep=sleeps.append,
            **injected,
        )
    return Result(code, stdout.getvalue(), stderr.getvalue(), sleeps)


def fake_server(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    return httpx.MockTransport(handler)
