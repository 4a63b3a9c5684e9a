"""The pytest plugin's ready clients: close_phone_numbers and async_close_phone_numbers."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from close_phone_emulator import Emulator
from close_phone_numbers import AsyncPhoneNumbers, HasVoiceOnlyError, PhoneNumbers


def test_the_sync_client_works_on_this_tests_emulator(
    close_phone_numbers: PhoneNumbers, close_emulator: Emulator
) -> None:
    """What the client rents shows up in the emulator the test holds, and back."""
    before = len(close_emulator.numbers())
    rented = close_phone_numbers.rent("US", prefix="650")
    assert len(close_emulator.numbers()) == before + 1
    assert rented.id in {n.id for n in close_phone_numbers.list()}
    close_phone_numbers.delete(rented.id)
    assert len(close_emulator.numbers()) == before


def test_faults_of_the_emulator_reach_the_client(
    close_phone_numbers: PhoneNumbers, close_emulator: Emulator
) -> None:
    close_emulator.set_rent_status("has-voice-only")
    with pytest.raises(HasVoiceOnlyError):
        close_phone_numbers.rent("US")


def test_retries_do_not_sleep(close_phone_numbers: PhoneNumbers, close_emulator: Emulator) -> None:
    """Two 503s and then an answer: retried at once, so the test stays fast."""
    close_emulator.faults.add("listPhoneNumbers", "status", status=503, times=2)
    assert list(close_phone_numbers.list())


def test_the_async_client_works_on_this_tests_emulator(
    async_close_phone_numbers: AsyncPhoneNumbers, close_emulator: Emulator
) -> None:
    async def scenario() -> tuple[str, str, int]:
        rented = await async_close_phone_numbers.rent("US", prefix="650")
        renamed = await async_close_phone_numbers.update(rented.id, label="Async")
        count = len([n async for n in async_close_phone_numbers.list()])
        return str(renamed.label), str(rented.organization_id), count

    label, organization, count = asyncio.run(scenario())
    assert label == "Async"
    assert count == len(close_emulator.numbers(organization))


def test_a_project_of_its_own_gets_the_fixtures_from_the_plugin(tmp_path: Path) -> None:
    """A user's test suite, with no conftest of its own, can ask for the clients.

    Only this plugin is loaded (the suite's heavy ones would take seconds); that pytest
    finds it through the entry point is checked in tests/emulator/test_plugin_and_cli.py.
    """
    (tmp_path / "test_user.py").write_text(
        "def test_it(close_phone_numbers, async_close_phone_numbers, close_emulator):\n"
        "    assert close_phone_numbers.get(close_emulator.numbers()[0]['id']).id\n"
        "    assert type(async_close_phone_numbers).__name__ == 'AsyncPhoneNumbers'\n"
    )
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "close_phone_numbers.testing",
         "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_the_docs_example_a_rent_answered_503_is_not_repeated(
    close_phone_numbers: PhoneNumbers, close_emulator: Emulator
) -> None:
    """docs/library.md's fixture example, as written there."""
    close_emulator.faults.add("rentPhoneNumber", "status", status=503, after=True, times=1)
    before = len(close_emulator.numbers())
    close_phone_numbers.rent("US", prefix="650")
    assert len(close_emulator.numbers()) == before + 1
