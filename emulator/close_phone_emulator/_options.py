"""The emulator's command-line options, declared with nothing but argparse.

`python -m close_phone_emulator` and `close-phone-numbers emulator` both add these to
their parsers. This module imports none of the `emulator` extra, so either command can
show its --help, and say which extra is missing, on a bare install.
"""

from __future__ import annotations

import argparse

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8086


def add_server_options(parser: argparse.ArgumentParser) -> None:
    """Add --host, --port, --seed and --random-seed to ``parser``."""
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on ({DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to listen on ({DEFAULT_PORT})"
    )
    parser.add_argument("--seed", metavar="FILE", help="a JSON seed file (default: built in)")
    parser.add_argument(
        "--random-seed", type=int, default=0, help="fixes rented ids and fault dice (0)"
    )
