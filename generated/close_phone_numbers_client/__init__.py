"""A client library for accessing Close Phone Numbers API"""

# The clients are imported on first use (PEP 562): a program that imports only a submodule,
# such as `constraints`, does not pay for the client module and attrs. Type checkers read
# the import under TYPE_CHECKING.
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name in __all__:
            from . import client

            value = getattr(client, name)
            globals()[name] = value  # later look-ups no longer come here
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))
