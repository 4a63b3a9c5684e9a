"""The modules that define subcommands, in the order `--help` lists them.

A new subcommand is a module with a ``COMMANDS`` tuple of `Command`, named here.
"""

from __future__ import annotations

import importlib

from ._command import Command

MODULES = ("_numbers", "_account", "_serve", "_verify", "_proxy", "_completion")


def commands() -> tuple[Command, ...]:
    """Every subcommand of every module in MODULES."""
    found: list[Command] = []
    for name in MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        found.extend(module.COMMANDS)
    return tuple(found)
