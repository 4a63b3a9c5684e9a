"""How a parsed ``close-phone-numbers`` command line runs: options, parsing, failures."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import textwrap
import traceback
from collections.abc import Iterator, Sequence

from .. import PhoneNumbers
from .._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, logger
from ._commands import COMMANDS, Handler, given
from ._console import Console, api_key, base_url
from ._errors import ExitCode, describe

_COMMON_EPILOG = f"""
The key comes from {API_KEY_ENV} and the API root from {BASE_URL_ENV}
({DEFAULT_BASE_URL} when unset). Exit codes are listed in docs/cli.md.
"""


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the API subcommands on the parser of ``close-phone-numbers``."""
    for name, help_, example, add_arguments, handler in COMMANDS:
        parser = subparsers.add_parser(name, help=help_, description=help_)
        with_example(parser, example, _COMMON_EPILOG)
        add_arguments(parser)
        # After the command's own options, so its usage line starts with what matters.
        _add_common_options(parser)
        parser.set_defaults(api_handler=handler)


def with_example(parser: argparse.ArgumentParser, example: str, more: str = "") -> None:
    """End the --help of ``parser`` with ``example``, kept as written."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    title = "examples" if "\n" in example.strip() else "example"
    parser.epilog = f"{title}:\n" + textwrap.indent(example.strip(), "  ") + "\n" + more


def parse(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None, console: Console
) -> argparse.Namespace | int:
    """Parse ``argv``; --help, --version and usage errors return their exit code instead.

    argparse writes to sys.stdout and sys.stderr itself, so they point at the console's
    streams while it runs.
    """
    try:
        with contextlib.redirect_stdout(console.stdout), contextlib.redirect_stderr(console.stderr):
            return parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(ExitCode.BAD_INPUT)


def is_api_command(args: argparse.Namespace) -> bool:
    """Whether the parsed command line is one of the subcommands of this module."""
    return getattr(args, "api_handler", None) is not None


def execute(args: argparse.Namespace, console: Console) -> int:
    """Run a parsed API subcommand; every failure becomes one line and an exit code."""
    key: str | None = None
    try:
        with _library_log(console, debug=args.debug):
            key = api_key(args, console)
            options = given(
                base_url=base_url(args, console),
                timeout=args.timeout,
                max_retries=args.max_retries,
                http_client=console.http_client,
                sleep=console.sleep,
            )
            with PhoneNumbers(api_key=key, **options) as numbers:
                handler: Handler = args.api_handler
                return handler(args, console, numbers)
    except BrokenPipeError:
        # `list | head` closed our stdout: the reader has what it wanted.
        _silence_stdout(console)
        return int(ExitCode.OK)
    except (Exception, KeyboardInterrupt) as exc:
        failure = describe(exc, secret=key)
        if args.debug:
            trace = "".join(traceback.format_exception(exc))
            console.stderr.write(trace.replace(key, "***") if key else trace)
        console.say(f"close-phone-numbers: {failure.line}")
        return int(failure.code)


def _silence_stdout(console: Console) -> None:
    # Python flushes sys.stdout again at exit, which would raise once more.
    if console.stdout is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def _library_log(console: Console, *, debug: bool) -> Iterator[None]:
    # The library's warnings (an unclear rent, a long wait) always reach the user, on the
    # console's stderr; --debug adds its requests, retries and throttling.
    handler = logging.StreamHandler(console.stderr)
    handler.setFormatter(_LowerLevelFormatter("%(levelname)s: %(message)s"))
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


def _add_common_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"the Close API key; prefer {API_KEY_ENV}, as flags show in process lists",
    )
    group.add_argument("--base-url", metavar="URL", help=f"the API root; default {BASE_URL_ENV}")
    group.add_argument(
        "--timeout", type=float, metavar="SECONDS", help="per request (default: the library's)"
    )
    group.add_argument(
        "--max-retries",
        type=int,
        metavar="N",
        help="retries (default: the library's); a rent is resent only if it surely did not run",
    )
    group.add_argument("--debug", action="store_true", help="log requests; tracebacks on errors")
