"""Run every benchmark scenario and write bench/results/latest.md and latest.json.

    python bench/run.py            # the full run (a few minutes)
    python bench/run.py --quick    # every scenario at small sizes, under a minute

Each figure is a ratio against a baseline measured in the same run. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shlex
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

if not __package__:  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _procs, _report, _targets

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Sizes:
    """How much work each scenario does."""

    get_iterations: int
    get_rounds: int
    list_total: int
    list_rounds: int
    fanout_count: int
    fanout_in_flight: int
    fanout_latency_s: float
    fanout_rounds: int
    throttle_requests: int
    throttle_limit: int
    throttle_window_s: float
    emulator_seconds: float
    emulator_numbers: int
    import_rounds: int


FULL = Sizes(200, 31, 10_000, 11, 1000, 50, 0.050, 7, 300, 20, 1.0, 5.0, 100_000, 21)
QUICK = Sizes(100, 5, 1000, 3, 100, 50, 0.050, 2, 50, 20, 1.0, 0.5, 10_000, 3)


def get_overhead(sizes: Sizes) -> dict[str, Any]:
    """Client CPU time per get, every contender against the instant server."""
    with _procs.server("bench._server", "--total", "10000") as port:
        return _procs.measure(
            "bench._measure",
            "overhead",
            f"--base-url=http://127.0.0.1:{port}/api/v1",
            f"--iterations={sizes.get_iterations}",
            f"--rounds={sizes.get_rounds}",
        )


def listing(sizes: Sizes) -> dict[str, Any]:
    """Iterating every number, page by page."""
    with _procs.server("bench._server", "--total", str(sizes.list_total)) as port:
        return _procs.measure(
            "bench._measure",
            "listing",
            f"--base-url=http://127.0.0.1:{port}/api/v1",
            f"--total={sizes.list_total}",
            f"--rounds={sizes.list_rounds}",
        )


def fanout(sizes: Sizes) -> dict[str, Any]:
    """Async gets with many in flight, against a server that takes its time to answer."""
    latency = f"--latency={sizes.fanout_latency_s}"
    with _procs.server("bench._server", "--total", "10000", latency) as port:
        result = _procs.measure(
            "bench._measure",
            "fanout",
            f"--base-url=http://127.0.0.1:{port}/api/v1",
            f"--count={sizes.fanout_count}",
            f"--in-flight={sizes.fanout_in_flight}",
            f"--rounds={sizes.fanout_rounds}",
        )
    result["latency_ms"] = sizes.fanout_latency_s * 1000
    return result


def imports(sizes: Sizes) -> dict[str, Any]:
    """Importing the package against importing httpx, each in a fresh interpreter."""
    return _procs.measure("bench._measure", "imports", f"--rounds={sizes.import_rounds}")


def throttle(sizes: Sizes) -> dict[str, Any]:
    """A rate-limited job against the emulator: the wrapper beside closeio."""
    return _procs.measure(
        "bench._throttle",
        f"--requests={sizes.throttle_requests}",
        f"--limit={sizes.throttle_limit}",
        f"--window={sizes.throttle_window_s}",
    )


def emulator(sizes: Sizes) -> dict[str, Any]:
    """The emulator's own throughput, measured by bench/emulator_throughput.py."""
    return _procs.measure(
        "bench._emulator",
        f"--seconds={sizes.emulator_seconds}",
        f"--numbers={sizes.emulator_numbers}",
    )


SCENARIOS: dict[str, Callable[[Sizes], dict[str, Any]]] = {
    "get_overhead": get_overhead,
    "listing": listing,
    "fanout": fanout,
    "imports": imports,
    "throttle": throttle,
    "emulator": emulator,
}


def run(mode: str, only: list[str], command: str) -> dict[str, Any]:
    """Every scenario asked for, with ratios, checks and the machine description."""
    sizes = QUICK if mode == "quick" else FULL
    results: dict[str, Any] = {
        "schema": 1,
        "mode": mode,
        "command": command,
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": _report.machine(),
        "sizes": asdict(sizes),
        "load_before": _report.load(),
        "scenarios": {},
    }
    for name, scenario in SCENARIOS.items():
        if only and name not in only:
            results["scenarios"][name] = {"unavailable": {"scenario": "not selected"}}
            continue
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        try:
            results["scenarios"][name] = scenario(sizes)
        except Exception as exc:  # one broken scenario must not hide the others' figures
            results["scenarios"][name] = {"unavailable": {"scenario": f"failed: {exc}"}}
            results.setdefault("failed", []).append(name)
    results["load_after"] = _report.load()
    _targets.derive(results)
    return results


def main(argv: list[str] | None = None) -> int:
    """Run, write the results, print the markdown; exit 1 if a scenario failed to run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    parser.add_argument("--only", action="append", choices=list(SCENARIOS), default=[])
    parser.add_argument("--out", type=Path, default=RESULTS, help="directory for the results")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    results = run("quick" if args.quick else "full", args.only, command)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = "quick" if args.quick else "latest"
    (args.out / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n")
    text = _report.markdown(results)
    (args.out / f"{stem}.md").write_text(text)
    if not args.quick and not args.only and args.out == RESULTS:
        # A complete run into the committed results also refreshes what the READMEs quote.
        block = _report.summary(results)
        for readme in (RESULTS.parent / "README.md", RESULTS.parent.parent / "README.md"):
            readme.write_text(_report.quote_into(readme.read_text(), block))
    print(text)
    return 1 if results.get("failed") else 0


if __name__ == "__main__":
    sys.exit(main())
