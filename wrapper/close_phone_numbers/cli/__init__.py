"""The `close-phone-numbers` command line, built on the library; the library never imports it.

`main` is the console script's entry point; tests call it with their own streams,
environment, HTTP client, sleep, secret prompt and keyring.

A subcommand is a `Command` (``_command.py``) in a module's ``COMMANDS`` tuple; the
modules are listed in ``_registry.MODULES``. Adding one is a new module and one name
there: it gets --help with its example, the output flags, the connection flags when it
``connects``, error reporting (one line, or JSON) and completion without further work.
"""

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
