"""A stateful local emulator of Close's phone-number API. See emulator/README.md.

Needs the `emulator` extra: `pip install 'close-phone-numbers[emulator]'`. Only
`add_server_options` works without it; every other name is imported when first used,
so a missing extra shows up as an ImportError naming the missing package at that point.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._options import add_server_options

if TYPE_CHECKING:
    from ._emulator import Emulator
    from ._faults import Fault, FaultKind, Faults
    from ._ratelimit import Budget, RateLimits
    from ._seed import SeedError, User, default_seed
    from ._server import ServerThread, listening_socket
    from ._transport import AsyncEmulatorTransport, EmulatorTransport

__all__ = [
    "AsyncEmulatorTransport",
    "Budget",
    "Emulator",
    "EmulatorTransport",
    "Fault",
    "FaultKind",
    "Faults",
    "RateLimits",
    "SeedError",
    "ServerThread",
    "User",
    "add_server_options",
    "default_seed",
    "listening_socket",
]

# Public name -> the private module that defines it.
_HOMES = {
    "AsyncEmulatorTransport": "_transport",
    "Budget": "_ratelimit",
    "Emulator": "_emulator",
    "EmulatorTransport": "_transport",
    "Fault": "_faults",
    "FaultKind": "_faults",
    "Faults": "_faults",
    "RateLimits": "_ratelimit",
    "SeedError": "_seed",
    "ServerThread": "_server",
    "User": "_seed",
    "default_seed": "_seed",
    "listening_socket": "_server",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # once imported, later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
