"""The `close-phone-numbers` command line, built on the library; the library never imports it.

`main` is the console script's entry point; tests call it with their own streams,
environment, HTTP client and sleep.
"""

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
