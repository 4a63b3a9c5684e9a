"""`close-phone-numbers verify`: the contract engine of the `contract` extra.

Its options come from `close_phone_contract._cli`, which needs nothing beyond the
library; the engine itself (schemathesis, jsonschema, PyYAML) is imported only when it
runs, and names the extra when it is missing.
"""

from __future__ import annotations

import argparse

from ._command import Command
from ._session import Session


def _arguments(parser: argparse.ArgumentParser) -> None:
    from close_phone_contract._cli import add_arguments

    add_arguments(parser)


def _run(args: argparse.Namespace, session: Session) -> int:
    from close_phone_contract._cli import run

    return run(args, session.console.stdout, session.console.stderr)


COMMANDS = (
    Command(
        "verify",
        "Verify the emulator, Close (--live), any server or recorded exchanges against the spec.",
        "close-phone-numbers verify --junit reports/junit.xml --report reports/verify.md",
        _arguments,
        _run,
        connects=False,
    ),
)
