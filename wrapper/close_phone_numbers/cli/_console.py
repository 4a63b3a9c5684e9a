"""What a command talks to: its streams, its environment, and the client it builds."""

from __future__ import annotations

import getpass
import io
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TextIO

import httpx

from ._errors import Aborted
from ._profiles import KeyStore, system_keyring

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
    # Asks for a secret without echoing it; getpass reads the terminal itself.
    getpass: Callable[[str], str] = getpass.getpass
    # The OS keyring, looked for only when a key is stored or read.
    keyring: Callable[[], KeyStore | None] = system_keyring

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
        getpass: Callable[[str], str] | None = None,
        keyring: Callable[[], KeyStore | None] | None = None,
    ) -> Console:
        """The given streams and environment, or the process's own."""
        console = cls(
            stdin=stdin or sys.stdin,
            stdout=stdout or sys.stdout,
            stderr=stderr or sys.stderr,
            env=os.environ if env is None else env,
            http_client=http_client,
            sleep=sleep,
        )
        if getpass is not None:
            console.getpass = getpass
        if keyring is not None:
            console.keyring = keyring
        return console

    def size(self) -> tuple[int, int] | None:
        """(columns, lines) of the terminal stdout is, or None when it is not one.

        COLUMNS and LINES win, as they do for other tools.
        """
        if not _isatty(self.stdout):
            return None
        try:
            columns, lines = os.get_terminal_size(self.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            columns, lines = 80, 24
        return _number(self.env.get("COLUMNS"), columns), _number(self.env.get("LINES"), lines)

    def colour(self, stream: TextIO, *, disabled: bool = False) -> bool:
        """Whether to colour what goes to ``stream``: a terminal, and nobody said no.

        NO_COLOR (any non-empty value, see no-color.org) and --no-color turn it off, and
        so does TERM=dumb.
        """
        if disabled or self.env.get("NO_COLOR") or self.env.get("TERM") == "dumb":
            return False
        return _isatty(stream)

    def say(self, text: str) -> None:
        """A message for people; stderr, so stdout stays clean for --json.

        stdout goes out first: when both streams reach one pipe (`2>&1`, CI logs), a
        message about the table must come after it, not in the middle of its last line.
        """
        self.stdout.flush()
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


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or a stand-in stream
        return False


def _number(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() and int(text) > 0 else default
