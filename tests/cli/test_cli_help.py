"""Every subcommand explains itself with an example, and the entry point is installed."""

from __future__ import annotations

import importlib
import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest
from close_phone_emulator import ServerThread
from close_phone_numbers.cli import main

from ._run import fake_server, run_cli

COMMANDS = ["list", "get", "update", "delete", "rent", "emulator", "completion"]


def nothing_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"--help sent {request.method} {request.url}")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help_with_an_example(command: str) -> None:
    """`<command> --help` exits 0 and shows a usage line and a runnable example."""
    result = run_cli([command, "--help"], transport=fake_server(nothing_sent), env={})
    assert result.code == 0
    assert result.out.startswith(f"usage: close-phone-numbers {command}")
    assert f"close-phone-numbers {command}" in result.out.split("example", 1)[1]


def test_top_level_help_lists_the_subcommands() -> None:
    """`--help` names every subcommand."""
    result = run_cli(["--help"], transport=fake_server(nothing_sent), env={})
    assert result.code == 0
    for command in COMMANDS:
        assert command in result.out


def test_unknown_flag_is_a_usage_error() -> None:
    """A flag the command does not have exits 2 with argparse's message on stderr."""
    result = run_cli(["list", "--colour"], transport=fake_server(nothing_sent), env={})
    assert result.code == 2
    assert "unrecognized arguments: --colour" in result.err
    assert result.err.startswith("usage: close-phone-numbers list ")


def test_entry_point_target_is_main() -> None:
    """pyproject's console script points at the `main` these tests drive."""
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    target = pyproject["project"]["scripts"]["close-phone-numbers"]
    module, _, name = target.partition(":")
    assert getattr(importlib.import_module(module), name) is main


def test_a_real_process_gets_a_real_exit_code() -> None:
    """In its own process, with real streams, a bad rent exits 2 and prints nothing on stdout."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(sys.path),
        "CLOSE_API_KEY": "api_unused",
        # Nothing listens here; the country is refused before any connection.
        "CLOSE_BASE_URL": "http://127.0.0.1:9/api/v1",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from close_phone_numbers.cli import main; raise SystemExit(main())",
            "rent",
            "United States",
            "--yes",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("close-phone-numbers: InvalidRequestError: country")


def test_over_a_real_loopback_port(close_emulator_server: ServerThread) -> None:
    """Without an injected client the command builds its own and talks to a real socket."""
    stdout, stderr = io.StringIO(), io.StringIO()
    env = {
        "CLOSE_API_KEY": close_emulator_server.api_key_with_permission,
        "CLOSE_BASE_URL": close_emulator_server.base_url,
    }
    code = main(["list", "--json"], stdout, stdin=io.StringIO(), stderr=stderr, env=env)
    assert code == 0, stderr.getvalue()
    numbers = json.loads(stdout.getvalue())
    assert {n["id"] for n in numbers} <= {n["id"] for n in close_emulator_server.emulator.numbers()}
    assert numbers
