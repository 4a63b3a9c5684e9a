"""Contract verification of Close's phone-number API: `close-phone-numbers verify`.

Install with the `contract` extra. The engine holds each exchange (request and
response) to the spec that ships with close-phone-numbers, telling what Close
documents from what was only observed (`x-close-observed`).
"""

from __future__ import annotations

from ._exchange import Exchange, FixtureFormatError, discover, dump, load
from ._spec import Operation, Spec
from ._validate import Finding, Validator

__all__ = [
    "Exchange",
    "Finding",
    "FixtureFormatError",
    "Operation",
    "Spec",
    "Validator",
    "discover",
    "dump",
    "load",
]
