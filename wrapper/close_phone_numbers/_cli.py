"""The `close-phone-numbers` command line: one subcommand per task, in a dispatch table."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from ._version import __version__

AddArguments = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace, TextIO], int]


def _emulator_arguments(parser: argparse.ArgumentParser) -> None:
    try:
        from close_phone_emulator._server import add_arguments
    except ImportError:
        # Still show usage; running it then explains what to install.
        return
    add_arguments(parser)


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
    for name, (help_, add_arguments, _) in COMMANDS.items():
        add_arguments(subparsers.add_parser(name, help=help_, description=help_))
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point of the `close-phone-numbers` script."""
    args = build_parser().parse_args(argv)
    _, _, run = COMMANDS[args.command]
    return run(args, out or sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
