"""`python -m close_phone_emulator`: --help and a missing extra work on a bare install."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# Makes the emulator's dependencies unimportable, as on an install without the extra.
_BARE = (
    "import sys\nfor name in ('uvicorn', 'starlette', 'phonenumbers'): sys.modules[name] = None\n"
)


def _run_module(*args: str) -> subprocess.CompletedProcess[str]:
    code = _BARE + "import runpy\nrunpy.run_module('close_phone_emulator', run_name='__main__')\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_without_the_extra_it_names_the_extra_to_install() -> None:
    """Exit 2 and one line on stderr, the CLI's wording; no traceback."""
    done = _run_module("--port", "0")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "error: the emulator needs the 'emulator' extra (uvicorn is missing): "
        "pip install 'close-phone-numbers[emulator]'\n"
    )


def test_help_works_without_the_extra() -> None:
    done = _run_module("--help")
    assert done.returncode == 0
    assert "usage: python -m close_phone_emulator" in done.stdout
    assert "--port" in done.stdout


@pytest.mark.parametrize("argv", [["--port", "not-a-port"], ["--no-such-option"]])
def test_bad_options_are_usage_errors_before_any_import(argv: list[str]) -> None:
    done = _run_module(*argv)
    assert done.returncode == 2
    assert "usage: python -m close_phone_emulator" in done.stderr


def test_with_the_extra_it_serves_and_prints_its_base_url() -> None:
    """The real module under `python -m`, on a free port, until it is stopped."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "close_phone_emulator", "--port", "0"],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    with server:
        assert server.stdout is not None
        first = server.stdout.readline()
        server.terminate()
    assert first.startswith("Close phone-number emulator on http://127.0.0.1:")
    assert first.rstrip().endswith("/api/v1")
