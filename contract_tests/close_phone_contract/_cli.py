"""`close-phone-numbers verify` and `python -m close_phone_contract`: options, targets, exits.

Exit status: 0 verified, 1 contract broken, 2 usage, 3 credentials refused, 8 target
unreachable.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._session import SessionOptions, SessionRefused

if TYPE_CHECKING:
    from ._runner import Target

EXIT_OK, EXIT_BROKEN, EXIT_USAGE, EXIT_AUTH, EXIT_UNREACHABLE = 0, 1, 2, 3, 8
MISSING_EXTRA = (
    "verify needs the 'contract' extra ({name} is missing): "
    "pip install 'close-phone-numbers[contract]'\n"
)
KEY_VARIABLE = "CLOSE_API_KEY"
CLOSE_BASE_URL = "https://api.close.com/api/v1"

DESCRIPTION = """\
Verify a server against the Close phone-number spec that ships with this package.

Targets (one of):
  (none)            the embedded emulator, in this process: needs nothing
  --live            Close itself, with $CLOSE_API_KEY; read-only unless --allow-update /
                    --allow-rent --max-rents N
  --base-url URL    any server (your own mock, a staging proxy), $CLOSE_API_KEY if set;
                    read-only unless asked, as for --live
  --fixtures DIR    a folder of recorded exchanges (*.json, the fixture format)

--compare emulator|URL runs the scripted cases against the target and against a
second one (an embedded emulator, or a server: $CLOSE_COMPARE_API_KEY, else
$CLOSE_API_KEY) and prints where their answers differ: status, shape, headers.
Exit 1 when they differ.

Against the emulator, and recorded fixtures, constraints the spec marks
x-close-observed are failures; against any other server they are warnings.

Exit status: 0 verified, 1 contract broken, 2 usage, 3 key refused, 8 unreachable.
"""

EPILOG = """\
examples:
  close-phone-numbers verify --junit reports/junit.xml --report reports/verify.md
  CLOSE_API_KEY=api_... close-phone-numbers verify --live
  CLOSE_API_KEY=api_... close-phone-numbers verify --live --allow-rent --max-rents 1
  CLOSE_API_KEY=api_... close-phone-numbers verify --live --compare emulator
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `verify`, for the command-line subpackage to mount."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--live", action="store_true", help=f"verify Close ({CLOSE_BASE_URL})")
    where.add_argument("--base-url", metavar="URL", help="verify the server at this API root")
    where.add_argument("--fixtures", metavar="DIR", type=Path, help="verify recorded exchanges")
    parser.add_argument(
        "--if-key",
        action="store_true",
        help=f"with --live: without {KEY_VARIABLE}, say Close was not checked and exit 0",
    )
    parser.add_argument(
        "--compare",
        metavar="emulator|URL",
        help="run the scripted cases against the target and this one; print where they differ",
    )
    parser.add_argument("--spec", metavar="PATH", help="verify against this spec instead")
    parser.add_argument("--junit", metavar="FILE", type=Path, help="write a JUnit XML report")
    parser.add_argument("--report", metavar="FILE", type=Path, help="write a Markdown report")
    parser.add_argument(
        "--examples",
        type=int,
        metavar="N",
        help="generated requests per operation and mode (default: 25, 3 against a server)",
    )
    parser.add_argument("--seed", type=int, default=20261126, help="generation seed")
    parser.add_argument(
        "--observed",
        choices=["strict", "warn"],
        help="observed constraints as failures or warnings (default: by target)",
    )
    parser.add_argument("--rate", default="2/s", help="request rate cap against a server")
    parser.add_argument(
        "--allow-update", metavar="NUMBER_ID", help="also update this number with its own values"
    )
    parser.add_argument("--allow-rent", action="store_true", help="also rent numbers (costs money)")
    parser.add_argument("--max-rents", type=int, default=0, metavar="N", help="rent at most N")
    parser.add_argument("--rent-country", default="US", help="country to rent in (default US)")
    parser.add_argument("--rent-prefix", help="area code or prefix to rent in")


def build_parser(prog: str = "python -m close_phone_contract") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return parser


class UsageError(Exception):
    """The options or the environment do not allow a run; nothing was sent."""


def _key(required: bool) -> str | None:
    key = os.environ.get(KEY_VARIABLE, "").strip() or None
    if key is None and required:
        raise UsageError(
            f"{KEY_VARIABLE} is not set. Verifying Close needs a key, read from the environment "
            f"only (never the command line):\n  {KEY_VARIABLE}=api_... close-phone-numbers "
            "verify --live"
        )
    return key


def server_target(args: argparse.Namespace, session: SessionOptions) -> Target:
    """--live or --base-url: a server, read-only unless the session allows more."""
    from ._runner import Target

    base_url = CLOSE_BASE_URL if args.live else args.base_url
    if not base_url.startswith(("http://", "https://")):
        raise UsageError(f"--base-url needs an http:// or https:// URL, got {base_url!r}")
    return Target(
        description=f"{'Close' if args.live else 'the server'} at {base_url}",
        base_url=base_url,
        api_key=_key(required=args.live),
        session=session,
        generate_writes=False,
        strict_observed=args.observed == "strict",
        examples=args.examples or 3,
        rate=args.rate,
        seed=args.seed,
    )


@contextlib.contextmanager
def emulator_target(
    *, strict_observed: bool, examples: int, seed: int, session: SessionOptions | None = None
) -> Iterator[Target]:
    """An emulator in this process; without `session`, it updates and rents (once) as well.

    A `session` that allows an update updates one of the emulator's own numbers.
    """
    from close_phone_emulator import Emulator, ServerThread

    from ._runner import Target

    emulator = Emulator()
    emulator.rate_limits.set(1_000_000, window=1.0)
    with ServerThread(emulator) as server:
        mine = [n["id"] for n in emulator.numbers() if n.get("type") == "internal"]
        own = mine[0] if mine else None
        if session is None:
            session = SessionOptions(allow_update=own, allow_rent=True, max_rents=1)
        elif session.allow_update is not None:
            session = dataclasses.replace(session, allow_update=own)
        yield Target(
            description=f"the embedded emulator at {server.base_url}",
            base_url=server.base_url,
            api_key=server.api_key_with_permission,
            session=session,
            generate_writes=True,
            strict_observed=strict_observed,
            examples=examples,
            seed=seed,
        )


def session_options(args: argparse.Namespace) -> SessionOptions:
    """What the session may do beyond reading, as the options say; unsafe ones refused."""
    try:
        return SessionOptions(
            allow_update=args.allow_update,
            allow_rent=args.allow_rent,
            max_rents=args.max_rents,
            rent_country=args.rent_country,
            rent_prefix=args.rent_prefix,
        )
    except SessionRefused as exc:
        raise UsageError(str(exc)) from None


@contextlib.contextmanager
def _target(args: argparse.Namespace) -> Iterator[Target]:
    session = session_options(args)
    if args.examples is not None and args.examples < 1:
        raise UsageError("--examples needs a number of 1 or more")
    if args.live or args.base_url:
        yield server_target(args, session)
        return
    if args.allow_update or args.allow_rent:
        raise UsageError("--allow-update and --allow-rent apply to --live and --base-url only")
    with emulator_target(
        strict_observed=args.observed != "warn", examples=args.examples or 25, seed=args.seed
    ) as target:
        yield target


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Verify as `args` say; print the summary; return the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        from ._runner import AuthRefused, Target, Unreachable, verify
        from ._spec import Spec
    except ImportError as exc:
        err.write("error: " + MISSING_EXTRA.format(name=exc.name or "a dependency"))
        return EXIT_USAGE
    if args.live and args.if_key and not os.environ.get(KEY_VARIABLE, "").strip():
        out.write(f"live Close: not checked ({KEY_VARIABLE} is not set).\n")
        return EXIT_OK
    try:
        spec = Spec.load(args.spec)
    except OSError as exc:
        err.write(f"verify: cannot read the spec: {exc}\n")
        return EXIT_USAGE
    try:
        if args.compare is not None:
            from ._compare import run_compare

            return run_compare(args, spec, out)
        if args.fixtures is not None:
            if not args.fixtures.is_dir():
                raise UsageError(f"--fixtures: {args.fixtures} is not a directory")
            target = Target(
                description=f"recorded exchanges in {args.fixtures}",
                base_url="",
                api_key=None,
                session=SessionOptions(),
                generate_writes=False,
                strict_observed=args.observed != "warn",
                examples=0,
            )
            report = verify(target, spec, fixtures=args.fixtures)
        else:
            with _target(args) as chosen:
                report = verify(chosen, spec)
    except UsageError as exc:
        err.write(f"verify: {exc}\nNothing was sent.\n")
        return EXIT_USAGE
    except Unreachable as exc:
        err.write(f"verify: the target is unreachable: {exc}\n")
        return EXIT_UNREACHABLE
    except AuthRefused as exc:
        err.write(f"verify: {exc}. Check {KEY_VARIABLE}.\n")
        return EXIT_AUTH
    out.write(report.summary())
    report.write(args.junit, args.report)
    return EXIT_OK if report.ok else EXIT_BROKEN


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    return run(parser.parse_args(argv))
