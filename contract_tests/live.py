"""Verify a live Close account (or any target) against the spec. Opt-in, read-only by default.

    CLOSE_API_KEY=api_... python -m contract_tests.live [--base-url URL]
        [--allow-update NUMBER_ID] [--allow-rent --max-rents N] [--report-dir DIR]

With --if-key (as the main job `tox -e contract` uses it), a missing key is not an
error: it says that live Close was not checked and exits 0, since the offline
verification has already run.

Runs the scripted session (list, get; update and rent only when asked) and
schemathesis over the GET operations, gently (the `live` hypothesis profile, a
request rate cap, 429s waited out). Writes DIR/junit.xml and the scrubbed
exchanges to DIR/exchanges/ (default DIR: reports/live). Exit status: 0 when
everything conforms, 1 on a mismatch, 2 when it could not start (no key, unsafe
options).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from contract_tests import _cli

SUITE = Path(__file__).resolve().parent / "live_suite.py"


def main(argv: list[str] | None = None) -> int:
    """Check the options and the key first; only then import and run the suite."""
    parser = argparse.ArgumentParser(
        prog="python -m contract_tests.live",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _cli.add_session_arguments(parser)
    parser.add_argument("--report-dir", type=Path, default=Path("reports/live"))
    parser.add_argument(
        "--rate", default="2/s", help="schemathesis request rate cap (default: 2/s)"
    )
    parser.add_argument(
        "--if-key",
        action="store_true",
        help=f"without {_cli.KEY_VARIABLE}, say live Close was not checked and exit 0",
    )
    args = parser.parse_args(argv)
    if args.if_key and not os.environ.get(_cli.KEY_VARIABLE, "").strip():
        sys.stdout.write(
            f"live Close: not checked ({_cli.KEY_VARIABLE} is not set). The spec was verified "
            "offline only: fixtures and the emulator.\n"
        )
        return 0
    options = _cli.session_options(args)
    key = _cli.api_key(parser.prog)

    import pytest

    from contract_tests._live import LiveTarget, TargetPlugin

    target = LiveTarget(
        base_url=args.base_url,
        api_key=key,
        options=options,
        report_dir=args.report_dir,
        rate=args.rate,
    )
    return int(
        pytest.main(
            [
                str(SUITE),
                "-p",
                "no:cacheprovider",
                "--hypothesis-profile=live",
                f"--junitxml={args.report_dir / 'junit.xml'}",
                "-o",
                "junit_suite_name=close-phone-numbers-live",
            ],
            plugins=[TargetPlugin(target)],
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
