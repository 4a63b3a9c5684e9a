"""The emulator's own throughput, by way of bench/emulator_throughput.py (the emulator's script).

``python -m bench._emulator --seconds 5`` prints one JSON object with a row per route.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bench import _procs

SCRIPT = _procs.ROOT / "bench" / "emulator_throughput.py"


def run(seconds: float) -> dict[str, Any]:
    """Requests per second for GET by id and for a list page over 100,000 numbers."""
    if not SCRIPT.exists():
        return {"unavailable": {"emulator": f"{SCRIPT.name} is not there yet"}}
    raise NotImplementedError(seconds)


def main(argv: list[str] | None = None) -> None:
    """Measure and print the result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    sys.stdout.write(json.dumps(run(args.seconds)) + "\n")


if __name__ == "__main__":
    main()
