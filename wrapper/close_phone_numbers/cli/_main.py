"""The `close-phone-numbers` command line: the subcommands of `_registry`, parsed and run."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

import httpx

from .._constants import API_KEY_ENV, BASE_URL_ENV
from .._version import __version__
from ._app import add_command, execute, parse
from ._command import Command
from ._console import Console
from ._pager import PAGER_ENV
from ._parser import Parser, top_epilog
from ._profiles import CONFIG_DIR_ENV, PROFILE_ENV, KeyStore
from ._registry import commands

_ENVIRONMENT = f"""environment:
  {API_KEY_ENV:<16} the API key (wins over a stored profile)
  {BASE_URL_ENV:<16} the API root
  {PROFILE_ENV:<16} the profile to use when --profile is not given
  {CONFIG_DIR_ENV:<16} where profiles are kept (default: the platform's config dir)
  NO_COLOR         any value turns colour off
  {PAGER_ENV:<16} a pager for long tables at a terminal (else PAGER, else less);
                   empty or cat for none
"""


def build_parser() -> Parser:
    """The parser of every subcommand the registry lists."""
    parser = Parser(
        prog="close-phone-numbers",
        description="Work with the phone numbers of a Close organization.",
        epilog=top_epilog(_ENVIRONMENT),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in commands():
        add_command(subparsers, command)
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
    getpass: Callable[[str], str] | None = None,
    keyring: Callable[[], KeyStore | None] | None = None,
) -> int:
    """Entry point of the `close-phone-numbers` script.

    Tests inject the streams, the environment, the HTTP client, the sleep, the secret
    prompt and the keyring.
    """
    import sys

    console = Console.of(
        stdin=stdin,
        stdout=out,
        stderr=stderr,
        env=env,
        http_client=http_client,
        sleep=sleep,
        getpass=getpass,
        keyring=keyring,
    )
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    args = parse(parser, words, console)
    if isinstance(args, int):
        return args
    command: Command = args.command_object
    return execute(command, args, console, parser)


if __name__ == "__main__":
    raise SystemExit(main())
