"""`python -m close_phone_emulator --port 8086`.

Parses its options before importing the server, so ``--help`` works on an install without
the `emulator` extra, and a missing extra is named, with the command that installs it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from ._options import add_server_options

MISSING_EXTRA = (
    "error: the emulator needs the 'emulator' extra ({name} is missing): "
    "pip install 'close-phone-numbers[emulator]'\n"
)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Serve the emulator as the options say; 2 when the extra is missing."""
    parser = argparse.ArgumentParser(
        prog="python -m close_phone_emulator",
        description="Serve a stateful local emulator of Close's phone-number API.",
    )
    add_server_options(parser)
    args = parser.parse_args(argv)
    try:
        from ._server import run
    except ImportError as exc:
        (err or sys.stderr).write(MISSING_EXTRA.format(name=exc.name))
        return 2
    return run(args, out or sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
