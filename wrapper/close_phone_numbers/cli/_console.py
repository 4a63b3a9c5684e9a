"""What a command talks to: its streams, its environment, and the client it builds."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TextIO

import httpx

from .._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._errors import Aborted, NoCredentials

_YES = frozenset({"y", "yes"})


@dataclass
class Console:
    """The outside world of one run, injectable so tests need no subprocess."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    env: Mapping[str, str]
    http_client: httpx.Client | None = None
    sleep: Callable[[float], None] = time.sleep

    @classmethod
    def of(
        cls,
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        env: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Console:
        """The given streams and environment, or the process's own."""
        return cls(
            stdin=stdin or sys.stdin,
            stdout=stdout or sys.stdout,
            stderr=stderr or sys.stderr,
            env=os.environ if env is None else env,
            http_client=http_client,
            sleep=sleep,
        )

    def say(self, text: str) -> None:
        """A message for people; stderr, so stdout stays clean for --json."""
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def confirm(self, question: Callable[[], str], *, assume_yes: bool, what: str) -> None:
        """Return when the user agrees; raise `Aborted` otherwise.

        Without a terminal there is nobody to ask, so the answer is no: a CI job
        never rents or deletes because of a stray line on its stdin. The question
        is built only when it will be asked, as it may need a request.
        """
        if assume_yes:
            return
        if not self.stdin.isatty():
            raise Aborted(
                f"Nothing was {what}: stdin is not a terminal, so nobody can confirm. "
                "Run again with --yes to confirm."
            )
        self.stderr.write(f"{question()} [y/N] ")
        self.stderr.flush()
        answer = self.stdin.readline()
        if not answer.endswith("\n"):
            self.stderr.write("\n")
        if answer.strip().lower() not in _YES:
            raise Aborted(f"Nothing was {what}: not confirmed.")


def api_key(args: argparse.Namespace, console: Console) -> str:
    """The key from --api-key or CLOSE_API_KEY; never printed."""
    if args.api_key is not None:
        console.say(
            "warning: --api-key is visible to other users in the process list; "
            f"prefer the {API_KEY_ENV} environment variable."
        )
        key: str = args.api_key
    else:
        key = console.env.get(API_KEY_ENV, "")
    if not key.strip():
        raise NoCredentials(
            f"No API key: set {API_KEY_ENV} (or pass --api-key). "
            "Create one in Close under Settings > Developer > API Keys."
        )
    return key.strip()


def base_url(args: argparse.Namespace, console: Console) -> str:
    """The API root from --base-url or CLOSE_BASE_URL, else Close itself."""
    url: str = args.base_url or console.env.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    return url
