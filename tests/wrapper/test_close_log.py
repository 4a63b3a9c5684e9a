"""CLOSE_LOG=debug|info turns the library's log on, on stderr, without credentials."""

from __future__ import annotations

import base64
import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from close_phone_numbers._constants import logger
from close_phone_numbers._logging import EnvHandler, setup_from_env

from .conftest import API_KEY, make_client, number_json, scripted


@pytest.fixture(autouse=True)
def _restore_logger() -> Iterator[None]:
    level, handlers = logger.level, list(logger.handlers)
    yield
    setup_from_env({})
    logger.setLevel(level)
    assert logger.handlers == handlers


def _a_retried_get() -> None:
    answers = [httpx.Response(503, json={}), httpx.Response(200, json=number_json())]
    client, _ = make_client(scripted(*answers))
    client.get("phon_1")


def _secrets() -> list[str]:
    return [API_KEY, base64.b64encode(f"{API_KEY}:".encode()).decode()]


def test_debug_logs_each_request_and_each_retry_to_the_stream() -> None:
    stream = io.StringIO()
    assert setup_from_env({"CLOSE_LOG": "debug"}, stream) is not None
    _a_retried_get()
    log = stream.getvalue()
    assert "DEBUG] GET /api/v1/phone_number/phon_1/ -> 503" in log
    assert "INFO] getPhoneNumber failed" in log
    assert "DEBUG] GET /api/v1/phone_number/phon_1/ -> 200" in log
    assert not [s for s in _secrets() if s in log]


def test_info_logs_retries_but_not_each_request() -> None:
    stream = io.StringIO()
    setup_from_env({"CLOSE_LOG": "INFO"}, stream)  # any case
    _a_retried_get()
    log = stream.getvalue()
    assert "getPhoneNumber failed" in log
    assert "-> 200" not in log


@pytest.mark.parametrize("value", ["", "verbose", "0"])
def test_other_values_leave_logging_to_the_application(value: str) -> None:
    assert setup_from_env({"CLOSE_LOG": value}, io.StringIO()) is None
    assert not [h for h in logger.handlers if isinstance(h, EnvHandler)]


def test_setting_up_twice_keeps_one_handler() -> None:
    setup_from_env({"CLOSE_LOG": "debug"}, io.StringIO())
    setup_from_env({"CLOSE_LOG": "info"}, io.StringIO())
    assert len([h for h in logger.handlers if isinstance(h, EnvHandler)]) == 1
    assert logger.level == logging.INFO


def test_the_variable_is_read_when_the_package_is_imported() -> None:
    """A fresh interpreter with CLOSE_LOG=debug logs its requests on stderr, nothing on stdout."""
    code = (
        "import httpx\n"
        "from close_phone_emulator import Emulator\n"
        "from close_phone_numbers import PhoneNumbers\n"
        "emu = Emulator()\n"
        "http = httpx.Client(transport=emu.transport(), base_url=emu.base_url)\n"
        "numbers = PhoneNumbers(api_key=emu.api_key_with_permission, http_client=http)\n"
        "print(len(list(numbers.list())))\n"
    )
    env = {**os.environ, "CLOSE_LOG": "debug", "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit()
    assert "close_phone_numbers DEBUG] GET /api/v1/phone_number/ -> 200" in done.stderr
    assert "api_emu" not in done.stderr


def test_a_key_the_server_echoes_back_is_redacted_in_the_log() -> None:
    """A 503 whose body quotes the key: the retry line says why, without the key."""
    echoed = httpx.Response(503, json={"error": f"overloaded while checking {API_KEY}"})
    client, _ = make_client(scripted(echoed, httpx.Response(200, json=number_json())))
    stream = io.StringIO()
    setup_from_env({"CLOSE_LOG": "info"}, stream)
    client.get("phon_1")
    log = stream.getvalue()
    assert "overloaded while checking [redacted]" in log
    assert not [s for s in _secrets() if s in log]


def test_records_of_child_loggers_are_redacted_against_the_environments_key() -> None:
    """Outside any request, the handler still knows CLOSE_API_KEY's forms."""
    stream = io.StringIO()
    setup_from_env({"CLOSE_LOG": "debug", "CLOSE_API_KEY": API_KEY}, stream)
    logging.getLogger("close_phone_numbers.anything").warning("key is %s", API_KEY)
    assert stream.getvalue().rstrip().endswith("key is [redacted]")
