"""`close-phone-numbers verify`: the contract engine of the `contract` extra.

Its options come from `close_phone_contract._cli`, which needs nothing beyond the
library; the engine itself (schemathesis, jsonschema, PyYAML) is imported only when it
runs, and names the extra when it is missing.
"""

from __future__ import annotations

import argparse
import importlib

from ._command import Command
from ._session import Session


def contract_command(name: str, module: str, help: str, example: str) -> Command:
    """A command whose options and run live in `close_phone_contract.<module>`."""

    def arguments(parser: argparse.ArgumentParser) -> None:
        importlib.import_module(f"close_phone_contract.{module}").add_arguments(parser)

    def run(args: argparse.Namespace, session: Session) -> int:
        engine = importlib.import_module(f"close_phone_contract.{module}")
        code: int = engine.run(args, session.console.stdout, session.console.stderr)
        return code

    return Command(name, help, example, arguments, run, connects=False)


COMMANDS = (
    contract_command(
        "verify",
        "_cli",
        "Verify the emulator, Close (--live), any server or recorded exchanges against the spec.",
        "close-phone-numbers verify --junit reports/junit.xml --report reports/verify.md",
    ),
)
