"""The machine description, the targets, and the markdown table written from the results."""

from __future__ import annotations

import os
import platform
from collections.abc import Callable
from importlib import metadata
from typing import Any

_PACKAGES = (
    "httpx",
    "attrs",
    "orjson",
    "aiohttp",
    "httpx-aiohttp",
    "requests",
    "closeio",
    "starlette",
    "uvicorn",
    "httptools",
    "close-phone-numbers",
)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    if package == "close-phone-numbers":
        try:
            from close_phone_numbers import __version__

            return str(__version__)
        except ImportError:
            pass
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    """Where the figures come from: CPU, cores, OS, Python and the versions measured."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "versions": {package: _version(package) for package in _PACKAGES},
    }


def load() -> list[float]:
    """The 1, 5 and 15 minute load averages: how busy the machine was."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def _check_row(check: dict[str, Any]) -> str:
    verdict = {True: "met", False: "**missed**", None: "not measured"}[check["met"]]
    figure = check["figure"]
    shown = "n/a" if figure is None else f"{figure:,.2f}{check['unit']}"
    spread = check.get("range")
    if figure is not None and spread:
        shown += f" ({spread[0]:.2f}-{spread[1]:.2f})"
    return f"| {check['name']} | {shown} | {check['target']} | {verdict} |"


_SPREAD_NOTE = (
    "Each ratio is the median over interleaved rounds of the per-round ratio; the range in "
    "brackets is the lowest and highest round."
)


def markdown(results: dict[str, Any]) -> str:
    """The whole report as markdown: targets first, then one table per scenario."""
    m = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    lines = [
        f"# Benchmark results ({results['mode']} run)",
        "",
        f"Run {results['started']} on {m['cpu']}, {m['usable_cores']} usable of {m['cores']} "
        f"cores, {m['os']}, {m['python']}.",
        f"Load average before / after: {results['load_before']} / {results['load_after']}.",
        f"Versions: {versions}.",
        f"Command: `{results['command']}`",
        "",
        "## Targets",
        "",
        _SPREAD_NOTE,
        "",
        "| figure | measured | target | verdict |",
        "|---|---|---|---|",
        *(_check_row(check) for check in results["checks"]),
    ]
    for name, (title, table, needs) in _TABLES.items():
        scenario = results["scenarios"][name]
        if needs in scenario:
            lines += table(scenario)
        else:
            lines += ["", f"## {title}", "", *_unavailable(scenario)]
    return "\n".join(lines) + "\n"


def summary(results: dict[str, Any]) -> str:
    """The machine, the targets table and closeio beside them: what READMEs quote."""
    m = results["machine"]
    lines = [
        f"{results['mode'].capitalize()} run of {results['started']} on {m['cpu']} "
        f"({m['usable_cores']} cores), {m['python']}; load average before / after "
        f"{results['load_before']} / {results['load_after']}. `{results['command']}`",
        "",
        _SPREAD_NOTE,
        "",
        "| figure | measured | target | verdict |",
        "|---|---|---|---|",
        *(_check_row(check) for check in results["checks"]),
    ]
    s = results["scenarios"]
    closeio = [
        ("get, client CPU / raw httpx", s["get_overhead"].get("ratios", {}).get("closeio")),
        ("listing, wall time / raw httpx loop", s["listing"].get("ratios", {}).get("closeio")),
        ("throttled job, wall time / minimum", s["throttle"].get("closeio", {}).get("ratio")),
    ]
    shown = [f"{name} {_ratio(value)}" for name, value in closeio if value is not None]
    share = s["throttle"].get("closeio", {}).get("share_429")
    if share is not None:
        shown.append(f"429s in the throttled job {share * 100:.1f}%")
    if shown:
        lines += [
            "",
            "`closeio` 2.1 in the same run, as its users get it (requests with its default "
            "environment handling): " + "; ".join(shown) + ".",
        ]
    return "\n".join(lines) + "\n"


START, END = "<!-- latest:start -->", "<!-- latest:end -->"


def quote_into(text: str, block: str) -> str:
    """``text`` with what lies between the latest:start and latest:end markers replaced."""
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"no {START} ... {END} block to fill")
    return f"{head}{START}\n{block}{END}{tail}"


def _unavailable(scenario: dict[str, Any]) -> list[str]:
    missing = scenario.get("unavailable") or {}
    return [f"- {name} not measured: {why}" for name, why in missing.items()] + (
        [""] if missing else []
    )


def _overhead_table(s: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "## Client CPU time per get",
        "",
        f"{s['iterations']:,} gets per contender per round, {s['rounds']} rounds, contenders "
        "taking turns; times are medians, ratios the median of per-round ratios. The loopback "
        "server runs in another process and answers at once.",
        "",
        "| contender | CPU per get | wall per get | CPU ratio to raw httpx (range) |",
        "|---|---|---|---|",
    ]
    spread = s.get("paired_spread", {})
    for name, cpu in s["cpu_us_per_get"].items():
        wall = s["wall_us_per_get"][name]
        lines.append(
            f"| {name} | {_fmt(cpu, ' µs', 1)} | {_fmt(wall, ' µs', 1)} | "
            f"{_ratio(s['ratios'].get(name))}{_range(spread.get(name))} |"
        )
    return [*lines, "", *_unavailable(s)]


def _listing_table(s: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"## Iterating {s['total']:,} numbers",
        "",
        f"Pages of {s['page_size']}, {s['rounds']} rounds, contenders taking turns; times are "
        "medians, ratios the median of per-round ratios. Peak memory from tracemalloc in a "
        "separate pass: streaming every number, the first page only, and every number kept "
        "in a list. The generated client has no paging helper: its row is a hand-written loop "
        "over it.",
        "",
        "| contender | wall | wall ratio (range) | CPU | peak, streaming all | peak, one page "
        "| all kept | kept ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    spread = s.get("paired_spread", {})
    for name, wall in s["wall_s"].items():
        mem = s["memory"][name]
        kept = mem.get("kept_bytes_all")
        lines.append(
            f"| {name} | {_fmt(wall, ' s', 3)} | {_ratio(s['ratios'].get(name))}"
            f"{_range(spread.get(name))} | {_fmt(s['cpu_s'][name], ' s', 3)} | "
            f"{mem['peak_bytes_all'] / 1e6:.2f} MB | {mem['peak_bytes_one_page'] / 1e6:.2f} MB | "
            f"{'n/a' if kept is None else f'{kept / 1e6:.2f} MB'} | "
            f"{_ratio(s.get('kept_ratios', {}).get(name))} |"
        )
    return [*lines, "", *_unavailable(s)]


def _range(spread: list[float] | None) -> str:
    return f" ({spread[0]:.2f}-{spread[1]:.2f})" if spread else ""


_FANOUT_ROWS = {
    "raw_httpx": "raw httpx.AsyncClient + json.loads (baseline)",
    "wrapper": "AsyncPhoneNumbers, httpx's own pool",
    "wrapper_aiohttp": "AsyncPhoneNumbers over DefaultAioHttpClient",
    "raw_aiohttp": "raw aiohttp + json.loads (the ceiling)",
}


def _fanout_table(s: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"## {s['count']:,} async gets with {s['in_flight']} in flight",
        "",
        f"The server waits {s['latency_ms']:g} ms before each answer, standing in for the "
        f"network. {s['rounds']} rounds, contenders taking turns, each with a fresh client and "
        "event loop per run.",
        "",
        "| client | wall | ratio to raw httpx (range) |",
        "|---|---|---|",
    ]
    spread = s.get("paired_spread", {})
    for name, label in _FANOUT_ROWS.items():
        if name in s["wall_s"]:
            lines.append(
                f"| {label} | {_fmt(s['wall_s'][name], ' s', 3)} | "
                f"{_ratio(s['ratios'].get(name))}{_range(spread.get(name))} |"
            )
    return [*lines, "", *_unavailable(s)]


def _imports_table(s: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "## Import time",
        "",
        f"Each statement timed inside a fresh interpreter, {s['rounds']} rounds taking turns. "
        "The package imports its public names on first use, so the client's import is what a "
        "program pays before its first request.",
        "",
        "| statement | median | ratio to httpx (range) |",
        "|---|---|---|",
    ]
    spread = s.get("paired_spread", {})
    for name, module in s["modules"].items():
        lines.append(
            f"| `{module}` | {_fmt(s['wall_ms'][name], ' ms', 1)} | "
            f"{_ratio(s['ratios'].get(name))}{_range(spread.get(name))} |"
        )
    return [*lines, "", *_unavailable(s)]


def _throttle_table(s: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"## Throttled job: {s['requests']} gets, emulator limited to {s['limit']} per "
        f"{s['window_s']:g} s per key",
        "",
        f"Theoretical minimum {s['minimum_s']:.3f} s ({s['minimum_rule']}).",
        "",
        "| client | wall | ratio to minimum | 429s | share of requests | errors |",
        "|---|---|---|---|---|---|",
    ]
    for name in ("wrapper", "closeio"):
        if name in s:
            row = s[name]
            lines.append(
                f"| {name} | {_fmt(row['wall_s'], ' s', 3)} | {_ratio(row['ratio'])} | "
                f"{row['responses_429']} | {row['share_429'] * 100:.1f}% | {row['errors']} |"
            )
    return [*lines, "", *_unavailable(s)]


def _emulator_table(s: dict[str, Any]) -> list[str]:
    lines = ["", "## Emulator throughput", ""]
    if "rows" not in s:
        return [*lines, *_unavailable(s)]
    lines += [
        s.get("note", ""),
        "",
        "| route | requests/s | per CPU second | ratio to bare app | errors |",
    ]
    lines.append("|---|---|---|---|---|")
    lines += [
        f"| {row['route']} | {row['per_second']:,.0f} | {_fmt(row.get('per_cpu_second'), '', 0)} | "
        f"{_ratio(row.get('ratio_to_baseline'))} | {row.get('errors', 0)} |"
        for row in s["rows"]
    ]
    return [*lines, "", *_unavailable(s)]


# scenario: (title when it did not run, table, the key its table needs)
_TABLES: dict[str, tuple[str, Callable[[dict[str, Any]], list[str]], str]] = {
    "get_overhead": ("Client CPU time per get", _overhead_table, "cpu_us_per_get"),
    "listing": ("Iterating every number", _listing_table, "wall_s"),
    "fanout": ("Async fan-out", _fanout_table, "wall_s"),
    "imports": ("Import time", _imports_table, "wall_ms"),
    "throttle": ("Throttled job", _throttle_table, "minimum_s"),
    "emulator": ("Emulator throughput", _emulator_table, "rows"),
}
