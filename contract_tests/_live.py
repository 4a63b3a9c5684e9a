"""What `python -m contract_tests.live` hands to the live suite: the target, via pytest's config.

This module is imported before pytest starts, so it imports nothing heavy: pytest
can only rewrite the asserts of modules it imports itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from contract_tests._recorder import SessionOptions


@dataclass(frozen=True)
class LiveTarget:
    """Where the live suite points, with what key, allowed to do what, reporting where."""

    base_url: str
    api_key: str
    options: SessionOptions
    report_dir: Path
    rate: str = "2/s"

    def __repr__(self) -> str:
        # The key never reaches a log, a repr or a test report.
        return f"LiveTarget(base_url={self.base_url!r}, options={self.options!r})"


_CURRENT: list[LiveTarget] = []


class TargetPlugin:
    """Hands the target to the live suite when pytest configures its run."""

    def __init__(self, target: LiveTarget) -> None:
        self.target = target

    def pytest_configure(self, config: pytest.Config) -> None:
        _CURRENT[:] = [self.target]


def current_target() -> LiveTarget:
    """The target of this run; the live suite cannot run without one."""
    if not _CURRENT:
        raise pytest.UsageError(
            "contract_tests/live_suite.py runs only through `python -m contract_tests.live`"
        )
    return _CURRENT[0]
