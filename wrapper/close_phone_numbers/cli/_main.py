"""The `close-phone-numbers` command line: one subcommand per task, in a dispatch table."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

import httpx
from close_phone_emulator import add_server_options

from .._version import __version__
from ._app import add_commands, execute, is_api_command, parse, with_example
from ._console import Console

AddArguments = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace, TextIO], int]


def _emulator_arguments(parser: argparse.ArgumentParser) -> None:
    with_example(parser, "close-phone-numbers emulator --port 8086")
    add_server_options(parser)


def _emulator(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from close_phone_emulator._server import run
    except ImportError as exc:
        out.write(
            f"error: the emulator needs the 'emulator' extra ({exc.name} is missing): "
            "pip install 'close-phone-numbers[emulator]'\n"
        )
        return 2
    return run(args, out)


# name -> (help, add arguments, run). Later subcommands join this table.
COMMANDS: dict[str, tuple[str, AddArguments, Run]] = {
    "emulator": (
        "serve a local, stateful emulator of the Close phone-number API",
        _emulator_arguments,
        _emulator,
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand in COMMANDS."""
    parser = argparse.ArgumentParser(
        prog="close-phone-numbers",
        description="Work with the phone numbers of a Close organization.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_commands(subparsers)  # list, get, update, delete, rent: _commands.py
    for name, (help_, add_arguments, _) in COMMANDS.items():
        add_arguments(subparsers.add_parser(name, help=help_, description=help_))
    return parser


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    *,
    stdin: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    http_client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Entry point of the `close-phone-numbers` script; tests inject streams, env, client, sleep."""
    console = Console.of(
        stdin=stdin, stdout=out, stderr=stderr, env=env, http_client=http_client, sleep=sleep
    )
    args = parse(build_parser(), argv, console)
    if isinstance(args, int):
        return args
    if is_api_command(args):
        return execute(args, console)
    _, _, run = COMMANDS[args.command]
    return run(args, console.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
