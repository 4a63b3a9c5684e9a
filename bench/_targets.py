"""Ratios against each scenario's baseline, and the targets from the wrapper and emulator issues."""

from __future__ import annotations

from typing import Any

from bench._clients import BASELINE

GET_OVERHEAD_MAX = 1.15
LISTING_MAX = 1.2
# Lazy paging keeps about a page alive whatever the total; a list of everything grows with it.
LISTING_MEMORY_MAX = 1.2
FANOUT_MIN = 5.0
THROTTLE_MAX = 1.1
THROTTLE_429_MAX = 0.01
EMULATOR_GET_MIN = 2000.0


def _ratios(figures: dict[str, float]) -> dict[str, float]:
    base = figures.get(BASELINE)
    if not base:
        return {}
    return {name: value / base for name, value in figures.items()}


def _check(
    name: str, figure: float | None, unit: str, target: str, ok: bool | None
) -> dict[str, Any]:
    return {"name": name, "figure": figure, "unit": unit, "target": target, "met": ok}


def _at_most(name: str, figure: float | None, limit: float, unit: str = "x") -> dict[str, Any]:
    ok = None if figure is None else figure <= limit
    return _check(name, figure, unit, f"<= {limit:g}{unit}", ok)


def _at_least(name: str, figure: float | None, limit: float, unit: str = "x") -> dict[str, Any]:
    ok = None if figure is None else figure >= limit
    return _check(name, figure, unit, f">= {limit:,g}{unit}", ok)


def derive(results: dict[str, Any]) -> None:
    """Add ``ratios`` to the scenarios and the list of ``checks`` to ``results``, in place."""
    s = results["scenarios"]
    checks: list[dict[str, Any]] = []

    get = s["get_overhead"]
    get["ratios"] = get.get("paired_ratios") or _ratios(get.get("cpu_us_per_get", {}))
    checks.append(
        _at_most(
            "wrapper get: client CPU / raw httpx", get["ratios"].get("wrapper"), GET_OVERHEAD_MAX
        )
    )

    lst = s["listing"]
    lst["ratios"] = lst.get("paired_ratios") or _ratios(lst.get("wall_s", {}))
    checks.append(
        _at_most(
            "wrapper listing: wall time / raw httpx loop", lst["ratios"].get("wrapper"), LISTING_MAX
        )
    )
    memory = lst.get("memory", {})
    peaks = {name: m["peak_bytes_all"] for name, m in memory.items()}
    lst["memory_ratios"] = _ratios({n: float(v) for n, v in peaks.items()})
    checks.append(
        _at_most(
            "wrapper listing: peak memory / raw httpx loop",
            lst["memory_ratios"].get("wrapper"),
            LISTING_MEMORY_MAX,
        )
    )

    fan = s["fanout"]
    for name in ("raw_httpx", "wrapper"):
        if name in fan:
            fan[name]["speedup"] = fan[name]["sequential_s"] / fan[name]["async_s"]
    checks.append(
        _at_least(
            "wrapper async fan-out: speed-up over sequential sync",
            fan.get("wrapper", {}).get("speedup"),
            FANOUT_MIN,
        )
    )

    thr = s["throttle"].get("wrapper", {})
    if thr.get("errors"):  # a job that failed requests proves nothing about its pace
        thr = {}
    checks.append(
        _at_most(
            "wrapper throttled job: wall time / theoretical minimum", thr.get("ratio"), THROTTLE_MAX
        )
    )
    share = thr.get("share_429")
    checks.append(
        _at_most(
            "wrapper throttled job: share of requests answered 429",
            None if share is None else share * 100,
            THROTTLE_429_MAX * 100,
            "%",
        )
    )

    # "On one core": the server's answers per second of its own CPU time, which a busy
    # shared machine does not distort the way it does wall-clock rates.
    get_row: dict[str, Any] = next(
        (row for row in s["emulator"].get("rows", []) if row["route"] == "GET by id"), {}
    )
    get_rate = get_row.get("per_cpu_second") or get_row.get("per_second")
    checks.append(
        _at_least("emulator GET by id, per CPU second", get_rate, EMULATOR_GET_MIN, " req/s")
    )
    results["checks"] = checks
