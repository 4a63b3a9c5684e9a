"""Fixtures: an in-process emulator, a recorder in front of it, and the command against both."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from close_phone_emulator import Emulator

# The plugin's fixtures, also when the package is not installed with its entry point
# (a plain PYTHONPATH run); pytest lets a conftest's fixtures shadow a plugin's.
from close_phone_numbers.testing import (  # noqa: F401
    _close_emulator_server_session,
    close_emulator,
    close_emulator_server,
)

from ._run import Recorder, Result, Run, run_cli


@pytest.fixture
def emulator(close_emulator: Emulator) -> Emulator:  # noqa: F811 (a fixture, by name)
    """The package's own pytest fixture: a fresh in-process emulator."""
    return close_emulator


@pytest.fixture
def recorder(emulator: Emulator) -> Recorder:
    return Recorder(emulator.transport())


@pytest.fixture
def env(emulator: Emulator) -> dict[str, str]:
    return {"CLOSE_API_KEY": emulator.api_key_with_permission, "CLOSE_BASE_URL": emulator.base_url}


@pytest.fixture
def cli(recorder: Recorder, env: dict[str, str]) -> Run:
    """The command against the emulator, as Alice (who may manage team numbers)."""

    def run(
        *argv: str,
        answer: str | None = None,
        env_: Mapping[str, str] | None = None,
        tty: bool = False,
        stdin_text: str = "",
        **injected: Any,
    ) -> Result:
        return run_cli(
            list(argv),
            transport=recorder,
            env=env if env_ is None else env_,
            answer=answer,
            tty=tty,
            stdin_text=stdin_text,
            **injected,
        )

    return run
