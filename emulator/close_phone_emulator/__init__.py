"""A stateful local emulator of Close's phone-number API. See emulator/README.md.

Needs the `emulator` extra: `pip install 'close-phone-numbers[emulator]'`.
"""

from ._emulator import Emulator
from ._faults import Fault, FaultKind, Faults
from ._ratelimit import Budget, RateLimits
from ._seed import SeedError, User, default_seed
from ._server import ServerThread
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
    "default_seed",
]
