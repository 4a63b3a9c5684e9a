"""What a subcommand is, so that adding one is one module listed in `_registry`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._session import Session


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, its --help, its flags and what it runs.

    ``connects`` commands get the connection flags (--api-key, --base-url, --profile,
    --timeout, --max-retries) and a client through ``session.numbers``; every command
    gets the output flags (--format, --json, --no-color, --debug).
    """

    name: str
    help: str
    example: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Session], int]
    connects: bool = True
