"""Record a scripted session against any target as scrubbed fixtures.

    CLOSE_API_KEY=... python -m contract_tests.record --base-url URL --out DIR

Reads only, unless `--allow-update NUMBER_ID` or `--allow-rent --max-rents N`.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from close_phone_contract._scrub import UnscrubbedSecret
from close_phone_contract._session import Recorder, run_session, write_session

from contract_tests import _cli


def main(argv: list[str] | None = None) -> int:
    """Run the session, write its scrubbed exchanges, and print where they went."""
    parser = argparse.ArgumentParser(prog="python -m contract_tests.record", description=__doc__)
    _cli.add_session_arguments(parser)
    parser.add_argument("--out", type=Path, required=True, help="directory for the fixtures")
    args = parser.parse_args(argv)
    options = _cli.session_options(args)
    key = _cli.api_key(parser.prog)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    source = f"recorded from {_cli.describe(args.base_url)} on {today}"
    with _cli.client(args.base_url, key) as http:
        recorder = Recorder(client=http, source=source)
        run_session(recorder, options)
    try:
        written = write_session(recorder, args.out, (key,))
    except UnscrubbedSecret as exc:
        sys.stderr.write(f"{exc}\nNothing was written.\n")
        return 1
    for path in written:
        print(path)
    for number_id in recorder.rented_and_kept:
        sys.stderr.write(f"rented and still in the account (it costs money): {number_id}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
