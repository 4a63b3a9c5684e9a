"""`completion bash|zsh|fish` prints scripts made from the parser, and bash runs them."""

from __future__ import annotations

import json
import shutil
import subprocess

import httpx
import pytest
from close_phone_numbers.cli import build_parser
from close_phone_numbers.cli._completion import describe

from ._run import fake_server, run_cli


def nothing_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"completion sent {request.method} {request.url}")


def script(shell: str) -> str:
    result = run_cli(["completion", shell], transport=fake_server(nothing_sent), env={})
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_script_names_every_subcommand_and_flag(shell: str) -> None:
    """Whatever the parser has, the script offers: every subcommand and every long flag."""
    text = script(shell)
    for sub in describe(build_parser()):
        assert sub.name in text
        for flag in sub.flags:
            long = next(n for n in flag.names if n.startswith("--"))
            assert (long if shell != "fish" else f"-l {long[2:]}") in text, (sub.name, long)


def test_unknown_shell_is_a_usage_error_with_a_suggestion() -> None:
    """`completion bsh` exits 2 and suggests bash."""
    result = run_cli(["completion", "bsh"], transport=fake_server(nothing_sent), env={})
    assert result.code == 2
    assert "did you mean 'bash'?" in result.err


BASH = shutil.which("bash")


def complete_in_bash(words: list[str]) -> list[str]:
    """What the bash script offers for the last of ``words``, run by a real bash."""
    assert BASH is not None, "the completion test needs bash"
    line = " ".join(f"'{w}'" for w in words)
    program = (
        f'eval "$1"\n'
        f"COMP_WORDS=({line})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_close_phone_numbers\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        [BASH, "--norc", "--noprofile", "-c", program, "bash", script("bash")],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return [w for w in done.stdout.splitlines() if w]


def test_bash_completes_subcommands_flags_and_choices() -> None:
    """In bash: `li` -> list, `list --li` -> --limit, `rent US --carrier-type to` -> tollfree."""
    assert complete_in_bash(["close-phone-numbers", "li"]) == ["list"]
    assert complete_in_bash(["close-phone-numbers", "list", "--li"]) == ["--limit"]
    assert complete_in_bash(["close-phone-numbers", "rent", "US", "--carrier-type", "to"]) == [
        "tollfree"
    ]
    assert complete_in_bash(["close-phone-numbers", "completion", "z"]) == ["zsh"]
    # A flag that takes a value the user must know offers nothing.
    assert complete_in_bash(["close-phone-numbers", "list", "--limit", ""]) == []


def test_completion_json_wraps_the_script() -> None:
    """completion --json gives the shell and the same script as a JSON object."""
    result = run_cli(["completion", "fish", "--json"], transport=fake_server(nothing_sent), env={})
    assert json.loads(result.out) == {"shell": "fish", "script": script("fish")}
