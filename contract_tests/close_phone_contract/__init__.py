"""Contract verification of Close's phone-number API: `close-phone-numbers verify`.

Install with the `contract` extra. The engine holds each exchange (request and
response) to the spec that ships with close-phone-numbers, telling what Close
documents from what was only observed (`x-close-observed`). The names below are
imported on first use, so that the command line can read its options without the
extra's dependencies.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._exchange import Exchange, FixtureFormatError, discover, dump, load
    from ._report import Report
    from ._spec import Operation, Spec
    from ._validate import Finding, Validator

__all__ = [
    "Exchange",
    "Finding",
    "FixtureFormatError",
    "Operation",
    "Report",
    "Spec",
    "Validator",
    "discover",
    "dump",
    "load",
]

_HOMES = {
    "Exchange": "_exchange",
    "FixtureFormatError": "_exchange",
    "discover": "_exchange",
    "dump": "_exchange",
    "load": "_exchange",
    "Report": "_report",
    "Operation": "_spec",
    "Spec": "_spec",
    "Finding": "_validate",
    "Validator": "_validate",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'close_phone_contract' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
