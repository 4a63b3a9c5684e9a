"""`close-phone-numbers emulator`: the emulator's own options and server, composed here."""

from __future__ import annotations

import argparse

from close_phone_emulator import add_server_options

from ._command import Command
from ._errors import ExitCode
from ._session import Session


def _arguments(parser: argparse.ArgumentParser) -> None:
    add_server_options(parser)


def _run(args: argparse.Namespace, session: Session) -> int:
    out = session.console.stdout
    try:
        from close_phone_emulator._server import run
    except ImportError as exc:
        out.write(
            f"error: the emulator needs the 'emulator' extra ({exc.name} is missing): "
            "pip install 'close-phone-numbers[emulator]'\n"
        )
        return ExitCode.BAD_INPUT
    return run(args, out, as_json=session.output.json)


COMMANDS = (
    Command(
        "emulator",
        "Serve a local, stateful emulator of the Close phone-number API.",
        "close-phone-numbers emulator --port 8086",
        _arguments,
        _run,
        connects=False,
    ),
)
