"""Rewrite the screens of docs/cli.md from real runs of the command against the emulator.

    python scripts/cli_screens.py          # rewrite docs/cli.md
    python scripts/cli_screens.py --check  # exit 1 if docs/cli.md is not what runs print

A screen is a ```console block right after a `<!-- screen -->` line. Its `$ ` lines are
the commands; everything else in the block is replaced by what they print, stdout and
stderr in the order they were written, as a terminal would show them. All screens of the
file run in one session, top to bottom, against one in-process emulator with a fixed
seed and clock, so rented ids and dates are the same on every run.

`<!-- screen answers=y,n -->` types those answers, in order, at the prompts of the
block's commands. The commands understood are `close-phone-numbers ...` (with an optional
`< /dev/null`), `echo TEXT | close-phone-numbers ...`, `export NAME=VALUE`, `echo $?`, and
`close-phone-numbers emulator ... &`, which prints the emulator's banner. Profiles are
kept in a temporary directory, shown as ~/.config/close-phone-numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import itertools
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

import httpx
from close_phone_emulator import Emulator
from close_phone_emulator._server import banner
from close_phone_numbers.cli import main

DOC = Path(__file__).parents[1] / "docs" / "cli.md"
PROG = "close-phone-numbers"
ROOT = "http://127.0.0.1:8086"
SHOWN_CONFIG = "~/.config/close-phone-numbers"
NOW = dt.datetime(2026, 11, 26, 18, 23, 7, 812732, tzinfo=dt.UTC)
_SCREEN = re.compile(
    r"^<!-- screen(?: answers=(?P<answers>\S+))? -->\n```console\n(?P<body>.*?)^```\n",
    re.MULTILINE | re.DOTALL,
)


class _Typed(io.StringIO):
    """A terminal's stdin: one typed answer, echoed where the prompt is, as a tty does."""

    def __init__(self, answers: list[str], screen: io.StringIO) -> None:
        super().__init__(answers[0] + "\n" if answers else "")
        self._answers = answers
        self._screen = screen

    def isatty(self) -> bool:
        return True

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        line = super().readline(-1 if size is None else size)
        if line and self._answers:
            self._answers.pop(0)
            self._screen.write(line)
        return line


class Shell:
    """One session: an emulator, the environment the `export` lines built, the last code."""

    def __init__(self, config_dir: str) -> None:
        ticks = itertools.count(step=10)  # a clock that refills the rate limits
        self.emulator = Emulator(random_seed=0, now=lambda: NOW, clock=lambda: float(next(ticks)))
        self.client = httpx.Client(transport=self.emulator.transport())
        self.config_dir = config_dir
        self.env: dict[str, str] = {"CLOSE_CONFIG_DIR": config_dir, "PAGER": ""}
        self.code = 0

    def run(self, command: str, answers: list[str]) -> str:
        screen = io.StringIO()
        words = command.split()
        if words[0] == "export":
            name, _, value = command.removeprefix("export ").partition("=")
            self.env[name] = value
        elif command == "echo $?":
            screen.write(f"{self.code}\n")
        elif words[:2] == [PROG, "emulator"] and command.endswith("&"):
            screen.write(banner(self.emulator, ROOT))
        else:
            self._command(command, answers, screen)
        return f"$ {command}\n" + screen.getvalue().replace(self.config_dir, SHOWN_CONFIG)

    def _command(self, command: str, answers: list[str], screen: io.StringIO) -> None:
        piped: str | None = None
        if command.startswith("echo ") and f"| {PROG} " in command:
            text, _, command = command.removeprefix("echo ").partition(" | ")
            piped = " ".join(shlex.split(self._expand(text))) + "\n"
        line = command.removesuffix("< /dev/null").strip()
        argv = shlex.split(self._expand(line))
        if argv[0] != PROG:
            raise SystemExit(f"cli_screens: cannot run {command!r}")
        stdin: io.StringIO
        if piped is not None:
            stdin = io.StringIO(piped)
        elif line != command or not answers:
            stdin = io.StringIO("")
        else:
            stdin = _Typed(answers, screen)
        self.code = main(
            argv[1:],
            screen,
            stdin=stdin,
            stderr=screen,
            env=self.env,
            http_client=self.client,
            sleep=lambda _: None,
            keyring=lambda: None,
        )

    def _expand(self, text: str) -> str:
        return re.sub(r"\$(\w+)", lambda m: self.env.get(m.group(1), ""), text)

    def close(self) -> None:
        self.client.close()
        self.emulator.close()


def render(doc: str) -> str:
    """``doc`` with every screen's output replaced by what its commands print now.

    argparse wraps usage lines to COLUMNS (else the terminal), so it is set to 80 here,
    the width the screens were written for, whatever terminal runs this.
    """
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    try:
        return _render(doc)
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns


def _render(doc: str) -> str:
    with tempfile.TemporaryDirectory() as config_dir:
        shell = Shell(config_dir)
        try:

            def screen(match: re.Match[str]) -> str:
                answers = (match["answers"] or "").split(",") if match["answers"] else []
                commands = [line[2:] for line in match["body"].splitlines() if line[:2] == "$ "]
                shown = "".join(shell.run(command, answers) for command in commands)
                if answers:
                    raise SystemExit(f"cli_screens: answers left unused: {answers}")
                head = match.group(0).split("\n", 1)[0]
                return f"{head}\n```console\n{shown}```\n"

            return _SCREEN.sub(screen, doc)
        finally:
            shell.close()


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail if docs/cli.md is stale")
    args = parser.parse_args(argv)
    current = DOC.read_text(encoding="utf-8")
    fresh = render(current)
    if args.check:
        if fresh != current:
            print("docs/cli.md is stale: run python scripts/cli_screens.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
