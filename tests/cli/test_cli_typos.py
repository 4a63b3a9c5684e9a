"""Mistyped commands and flags get a suggestion and the usage of the command they concern."""

from __future__ import annotations

import json

import httpx
import pytest
from close_phone_numbers.cli._errors import MEANINGS, ExitCode

from ._run import Result, fake_server, run_cli


def nothing_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"a usage error sent {request.method} {request.url}")


def run(*argv: str) -> Result:
    return run_cli(list(argv), transport=fake_server(nothing_sent), env={})


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (["lsit"], "did you mean 'list'?"),
        (["rnet", "US"], "did you mean 'rent'?"),
        (["completoin", "bash"], "did you mean 'completion'?"),
    ],
)
def test_a_mistyped_subcommand_gets_the_nearest_one(argv: list[str], suggestion: str) -> None:
    """An unknown subcommand exits 2 and names the one that was probably meant."""
    result = run(*argv)
    assert result.code == 2
    assert suggestion in result.err


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (["list", "--limt", "3"], "did you mean --limit?"),
        (["get", "phon_x", "--feilds", "id"], "did you mean --fields?"),
        (["rent", "US", "--fallback-to-voiceonly"], "did you mean --fallback-to-voice-only?"),
        (["update", "phon_x", "--lable=Desk"], "did you mean --label?"),
    ],
)
def test_a_mistyped_flag_gets_the_nearest_flag_of_its_subcommand(
    argv: list[str], suggestion: str
) -> None:
    """An unknown flag exits 2, shows the subcommand's usage and suggests its nearest flag."""
    result = run(*argv)
    assert result.code == 2
    assert result.err.startswith(f"usage: close-phone-numbers {argv[0]} ")
    assert f"close-phone-numbers {argv[0]}: error: unrecognized arguments" in result.err
    assert suggestion in result.err


def test_a_mistyped_choice_gets_the_nearest_value() -> None:
    """A value outside a flag's choices names the nearest one."""
    result = run("rent", "US", "--carrier-type", "tolfree", "--yes")
    assert result.code == 2
    assert "did you mean 'tollfree'?" in result.err


def test_a_flag_nothing_resembles_gets_no_suggestion() -> None:
    """No "did you mean" for a flag that is like none of the subcommand's."""
    result = run("list", "--zzzzzzzz")
    assert result.code == 2
    assert "did you mean" not in result.err


def test_top_level_help_prints_every_exit_code() -> None:
    """--help lists each exit code with its meaning and points at no file."""
    result = run("--help")
    assert result.code == 0
    exit_codes = result.out.split("exit codes:", 1)[1]
    for code in ExitCode:
        assert f"  {int(code):<4} {MEANINGS[code]}" in exit_codes
    assert "docs/" not in result.out
    assert ".md" not in result.out


@pytest.mark.parametrize("command", ["list", "get", "update", "delete", "rent"])
def test_subcommand_help_points_at_no_file(command: str) -> None:
    """The connection notes of each subcommand's --help name no repository file."""
    result = run(command, "--help")
    assert result.code == 0
    assert ".md" not in result.out
    assert "`close-phone-numbers --help` lists exit codes" in result.out


def test_a_typo_under_json_is_a_json_error() -> None:
    """With --json on the line, a usage error is a JSON object on stderr."""
    result = run("lsit", "--json")
    assert result.code == 2
    error = json.loads(result.err)["error"]
    assert error == {
        "type": "UsageError",
        "message": error["message"],
        "hint": "",
        "exit_code": 2,
    }
    assert "did you mean 'list'?" in error["message"]


def test_a_flag_before_its_subcommand_is_explained() -> None:
    """`--json list` says flags go after the subcommand, instead of suggesting --json."""
    result = run("--no-color", "list")
    assert result.code == 2
    assert "flags go after the subcommand: close-phone-numbers list --no-color" in result.err
    assert "did you mean" not in result.err


def test_a_mistyped_top_level_flag_gets_the_nearest_one() -> None:
    """`--verison` alone: argparse says COMMAND is missing; the suggestion says --version."""
    result = run("--verison")
    assert result.code == 2
    assert "did you mean --version?" in result.err
