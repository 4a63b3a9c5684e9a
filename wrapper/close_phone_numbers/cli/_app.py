"""How a ``close-phone-numbers`` command line is parsed and run, and how failures print."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import traceback
from collections.abc import Iterator, Sequence

from .._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, logger
from .._redact import RedactingFilter, redact, secrets_of_key
from ._command import Command
from ._console import Console
from ._errors import ExitCode, Failure, describe
from ._parser import ParseError, Parser, add_output_options, wants_json, with_example
from ._profiles import PROFILE_ENV
from ._session import Session

COMMON_EPILOG = f"""
The key comes from --api-key, then {API_KEY_ENV}, then the profile `login` stored
({PROFILE_ENV} or --profile picks it); the API root from --base-url, then {BASE_URL_ENV},
then the profile, else {DEFAULT_BASE_URL}. `close-phone-numbers --help` lists exit codes.
"""


def add_command(subparsers: argparse._SubParsersAction[Parser], command: Command) -> None:
    """Register ``command`` on the parser of ``close-phone-numbers``."""
    parser = subparsers.add_parser(command.name, help=command.help, description=command.help)
    with_example(parser, command.example, COMMON_EPILOG if command.connects else "")
    command.arguments(parser)
    # After the command's own options, so its usage line starts with what matters.
    if command.connects:
        _add_connection_options(parser)
    add_output_options(parser)
    parser.set_defaults(command_object=command, command_parser=parser)


def parse(parser: Parser, argv: Sequence[str], console: Console) -> argparse.Namespace | int:
    """Parse ``argv``; --help, --version and usage errors return their exit code instead.

    argparse writes to sys.stdout and sys.stderr itself, so they point at the console's
    streams while it runs.
    """
    try:
        with contextlib.redirect_stdout(console.stdout), contextlib.redirect_stderr(console.stderr):
            return parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(ExitCode.BAD_INPUT)
    except ParseError as exc:
        return usage_error(exc, console, as_json=wants_json(argv))


def usage_error(exc: ParseError, console: Console, *, as_json: bool) -> int:
    """argparse's complaint with the usage of the (sub)command it concerns, or JSON."""
    code = ExitCode.BAD_INPUT
    if as_json:
        failure = Failure(code, exc.message, "UsageError", exc.message)
        console.say(json.dumps(failure.as_json(), ensure_ascii=False))
    else:
        console.stderr.write(exc.parser.format_usage())
        console.say(f"{exc.parser.prog}: error: {exc.message}")
    return int(code)


def execute(command: Command, args: argparse.Namespace, console: Console, parser: Parser) -> int:
    """Run a parsed subcommand; every failure becomes one line (or JSON) and an exit code."""
    try:
        session = Session(args, console, parser)
    except ParseError as exc:  # flags that parse but disagree, such as --json --format csv
        return usage_error(exc, console, as_json=True)
    try:
        with _library_log(console, session, debug=args.debug):
            try:
                return command.run(args, session)
            finally:
                session.close()
    except BrokenPipeError:
        # `list | head` closed our stdout: the reader has what it wanted.
        _silence_stdout(console)
        return int(ExitCode.OK)
    except ParseError as exc:
        return usage_error(exc, console, as_json=session.output.json)
    except (Exception, KeyboardInterrupt) as exc:
        key = session.secrets[-1] if session.secrets else None
        failure = describe(exc, secret=key)
        if args.debug:
            trace = "".join(traceback.format_exception(exc))
            console.stderr.write(redact(trace, _forms(session)))
        if session.output.json:
            console.say(json.dumps(failure.as_json(), ensure_ascii=False))
        else:
            console.say(f"close-phone-numbers: {failure.line}")
        return int(failure.code)


def _silence_stdout(console: Console) -> None:
    # Python flushes sys.stdout again at exit, which would raise once more.
    if console.stdout is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _forms(session: Session) -> tuple[str, ...]:
    # Every form of every key this run has seen: itself, its Basic credential, the header.
    return tuple(form for key in session.secrets for form in secrets_of_key(key))


@contextlib.contextmanager
def _library_log(console: Console, session: Session, *, debug: bool) -> Iterator[None]:
    # The library's warnings (an unclear rent, a long wait) always reach the user, on the
    # console's stderr; --debug adds its requests, retries and throttling. A server may
    # echo the key into one of them, so each record is redacted of this run's keys.
    handler = logging.StreamHandler(console.stderr)
    handler.setFormatter(_LowerLevelFormatter("%(levelname)s: %(message)s"))
    handler.addFilter(lambda record: RedactingFilter(_forms(session)).filter(record))
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.WARNING)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


class _LowerLevelFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(record.levelname, record.levelname.lower(), 1)


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"the Close API key; prefer {API_KEY_ENV} or login, as flags show in process lists",
    )
    group.add_argument("--base-url", metavar="URL", help=f"the API root; default {BASE_URL_ENV}")
    group.add_argument(
        "--profile", metavar="NAME", help=f"use the key `login` stored under NAME ({PROFILE_ENV})"
    )
    group.add_argument(
        "--timeout", type=float, metavar="SECONDS", help="per request (default: the library's)"
    )
    group.add_argument(
        "--max-retries",
        type=int,
        metavar="N",
        help="retries (default: the library's); a rent is resent only if it surely did not run",
    )
