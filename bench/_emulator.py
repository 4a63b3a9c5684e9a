"""The emulator's own throughput, by way of bench/emulator_throughput.py (the emulator's script).

``python -m bench._emulator --seconds 5`` prints one JSON object with a row per route.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from typing import Any

from bench import _procs

SCRIPT = _procs.ROOT / "bench" / "emulator_throughput.py"


BASELINE_ROUTE = "bare ASGI app under uvicorn (baseline)"
ROUTES = {
    "get_by_id": "GET by id",
    "list_first_page": "list, first page of 100",
    "list_page_99pct_deep": "list, a page of 100 at 99% depth",
    "list_filtered_page": "list, a filtered page",
    "list_two_filters_first_page": "list, two filters, first page",
    "list_two_filters_99pct_deep": "list, two filters, a page at 99% depth",
    "rent": "rent",
}


def run(seconds: float, numbers: int) -> dict[str, Any]:
    """Requests per second for GET by id and list pages over ``numbers`` numbers."""
    if not SCRIPT.exists():
        return {"unavailable": {"emulator": f"{SCRIPT.name} is not there yet"}}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), f"--seconds={seconds}", f"--numbers={numbers}", "--json"],
        cwd=_procs.ROOT,
        env=_procs.environment(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{SCRIPT.name} failed:\n{done.stderr[-3000:]}")
    raw: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    measured = [
        (label, raw["emulator"][key]) for key, label in ROUTES.items() if key in raw["emulator"]
    ]
    measured.append((BASELINE_ROUTE, {**raw["baseline"], "ratio_to_baseline": 1.0}))
    rows = [
        {
            "route": label,
            "per_second": row["rps"],
            "per_cpu_second": row.get("cpu_rps"),
            "ratio_to_baseline": row.get("ratio_to_baseline"),
            "errors": row.get("errors", 0),
        }
        for label, row in measured
    ]
    note = (
        f"{raw['numbers']:,} numbers, {raw['connections']} keep-alive connections, "
        f"{raw['seconds']:g} s per route, by bench/emulator_throughput.py. Per CPU second: "
        "answers per second of the server process's own CPU time, what one core would serve. "
        "Other work on the machine moves it less than wall-clock rates, but still moves it."
    )
    deep = raw.get("two_filter_deep_cost_ratio")
    if deep is not None:
        note += f" Two filters: server CPU per page at 99% depth / first page {deep}x."
    cost = raw.get("in_process_page_cost", {})
    ratios = {k: v for k, v in cost.items() if k.endswith(("ratio", "to_small"))}
    if ratios:
        shown = ", ".join(f"{k} {v}" for k, v in ratios.items())
        note += f" A list page in process over {raw['numbers']:,} numbers against 1,000: {shown}."
    return {"rows": rows, "note": note, "raw": raw, "unavailable": {}}


def main(argv: list[str] | None = None) -> None:
    """Measure and print the result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--numbers", type=int, default=100_000)
    args = parser.parse_args(argv)
    sys.stdout.write(json.dumps(run(args.seconds, args.numbers)) + "\n")


if __name__ == "__main__":
    main()
