"""Hypothesis profiles and the end-of-run summary of the contract suite.

Pick a profile with `--hypothesis-profile dev|ci|live`; `dev` is the default.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, settings

from contract_tests._summary import TALLY

# Generated requests go through a real ASGI app: slow examples are not a bug.
_COMMON = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    database=None,
)
settings.register_profile("dev", max_examples=8, stateful_step_count=6, parent=_COMMON)
# CI: more examples, and the same ones on every run (no example database, fixed seed).
settings.register_profile(
    "ci", max_examples=40, stateful_step_count=10, derandomize=True, print_blob=True, parent=_COMMON
)
# Live: gentle on a real account; no shrinking, which would replay requests many times.
settings.register_profile(
    "live",
    max_examples=3,
    stateful_step_count=4,
    phases=[Phase.explicit, Phase.generate],
    parent=_COMMON,
)
settings.load_profile("dev")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the contract suite covered: operations, checks, examples, failures."""
    stats = terminalreporter.stats
    failures = len(stats.get("failed", []))
    errors = len(stats.get("error", []))
    terminalreporter.section("contract summary")
    terminalreporter.write_line(f"hypothesis profile: {settings.get_current_profile_name()}")
    for line in TALLY.lines(failures=failures, errors=errors):
        terminalreporter.write_line(line)
