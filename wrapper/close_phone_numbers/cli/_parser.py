"""argparse, made to suggest fixes for typos and to report errors instead of exiting."""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from ._errors import exit_code_table

FORMATS = ("table", "json", "csv", "yaml")


class ParseError(Exception):
    """A command line argparse refused; ``parser`` is the (sub)command it was refused by."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises `ParseError` and says "did you mean" where it can."""

    def error(self, message: str) -> NoReturn:
        # `close-phone-numbers --verison`: argparse only says COMMAND is missing.
        words: list[str] = getattr(self, "_words", [])
        if message.startswith("the following arguments are required"):
            unknown = [w for w in words if w.startswith("-") and not self._knows(w)]
            hints = [h for h in map(self.suggest_flag, unknown) if h]
            message += "".join(f"; did you mean {h}?" for h in hints)
        raise ParseError(self, message)

    def _knows(self, word: str) -> bool:
        return word.partition("=")[0] in self._option_string_actions

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        self._words = list(sys.argv[1:] if args is None else args)
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            # argparse reports these on the top-level parser; the subcommand's usage is
            # what helps, so the error is raised by the parser that was running.
            owner: Parser = getattr(parsed, "command_parser", self)
            message = "unrecognized arguments: " + " ".join(extras)
            flags = [extra for extra in extras if extra.startswith("-")]
            misplaced = [f for f in flags if owner._knows(f)]
            if misplaced:
                # `close-phone-numbers --json list`: a real flag, before its subcommand.
                message += f"; flags go after the subcommand: {owner.prog} {' '.join(misplaced)}"
            else:
                hints = [owner.suggest_flag(flag) for flag in flags]
                message += "".join(f"; did you mean {h}?" for h in hints if h)
            owner.error(message)
        return parsed

    def suggest_flag(self, given: str) -> str | None:
        """The nearest flag of this parser to ``given``, if any is near."""
        flag = given.partition("=")[0]
        return closest(flag, self._option_string_actions)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is None or value in choices:
            return
        names = [str(choice) for choice in choices]
        message = f"invalid choice: {value!r} (choose from {', '.join(names)})"
        hint = closest(str(value), names)
        if hint:
            message += f"; did you mean {hint!r}?"
        raise argparse.ArgumentError(action, message)


def closest(given: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``given``, or None when none is close enough."""
    matches = difflib.get_close_matches(given, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def with_example(parser: argparse.ArgumentParser, example: str, more: str = "") -> None:
    """End the --help of ``parser`` with ``example``, kept as written."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    title = "examples" if "\n" in example.strip() else "example"
    parser.epilog = f"{title}:\n" + textwrap.indent(example.strip(), "  ") + "\n" + more


def top_epilog(environment: str) -> str:
    """The end of `close-phone-numbers --help`: settings from the environment, exit codes."""
    return f"{environment}\nexit codes:\n{exit_code_table()}"


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """--format, --json, --no-color and --debug: every subcommand has them."""
    group = parser.add_argument_group("output")
    group.add_argument(
        "--format",
        choices=FORMATS,
        help="how to print results (default: table, or a field list for one number)",
    )
    group.add_argument("--json", action="store_true", help="the same as --format json")
    group.add_argument(
        "--no-color", action="store_true", help="no colour, even on a terminal (or set NO_COLOR)"
    )
    group.add_argument("--debug", action="store_true", help="log requests; tracebacks on errors")


def output_format(args: argparse.Namespace) -> str:
    """The format asked for: --format, else json for --json, else table."""
    chosen: str | None = getattr(args, "format", None)
    if getattr(args, "json", False):
        if chosen not in (None, "json"):
            parser: Parser = args.command_parser
            parser.error(f"--json and --format {chosen} disagree; give one of them")
        return "json"
    return chosen or "table"


def wants_json(argv: Sequence[str]) -> bool:
    """Whether an unparsed command line asks for JSON, so even its usage errors are JSON."""
    for i, word in enumerate(argv):
        if word == "--json" or word == "--format=json":
            return True
        if word == "--format" and i + 1 < len(argv) and argv[i + 1] == "json":
            return True
    return False
