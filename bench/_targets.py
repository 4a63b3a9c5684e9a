"""Ratios against each scenario's baseline, and the targets of the speed issues.

Every figure with rounds behind it carries the range of its per-round values, so a reader
sees how far the rounds disagreed next to the median.
"""

from __future__ import annotations

from typing import Any

from bench._clients import BASELINE

GET_OVERHEAD_MAX = 1.05
LISTING_MAX = 1.0
# Every typed number kept in a list, against the dicts json.loads makes for the same numbers.
LISTING_KEPT_MEMORY_MAX = 0.8
# 1,000 gets with 50 in flight over aiohttp, against raw httpx.AsyncClient doing the same.
FANOUT_AIOHTTP_MAX = 0.6
IMPORT_MAX = 1.25
THROTTLE_MAX = 1.1
THROTTLE_429_MAX = 0.01
EMULATOR_GET_MIN = 10_000.0
EMULATOR_RENT_MIN = 2_000.0
# A page deep into a filtered list may cost at most this many first pages.
EMULATOR_DEPTH_MAX = 2.0


def _ratios(figures: dict[str, float]) -> dict[str, float]:
    base = figures.get(BASELINE)
    if not base:
        return {}
    return {name: value / base for name, value in figures.items()}


def _check(
    name: str,
    figure: float | None,
    unit: str,
    target: str,
    ok: bool | None,
    spread: list[float] | None,
) -> dict[str, Any]:
    return {
        "name": name,
        "figure": figure,
        "unit": unit,
        "target": target,
        "met": ok,
        "range": spread,
    }


def _at_most(
    name: str, figure: float | None, limit: float, unit: str = "x", spread: Any = None
) -> dict[str, Any]:
    ok = None if figure is None else figure <= limit
    return _check(name, figure, unit, f"<= {limit:g}{unit}", ok, spread)


def _at_least(
    name: str, figure: float | None, limit: float, unit: str = "x", spread: Any = None
) -> dict[str, Any]:
    ok = None if figure is None else figure >= limit
    return _check(name, figure, unit, f">= {limit:,g}{unit}", ok, spread)


def _emulator_rate(rows: list[dict[str, Any]], route: str) -> float | None:
    row = next((r for r in rows if r["route"] == route), {})
    value = row.get("per_cpu_second") or row.get("per_second")
    return None if value is None else float(value)


def derive(results: dict[str, Any]) -> None:
    """Add ``ratios`` to the scenarios and the list of ``checks`` to ``results``, in place."""
    s = results["scenarios"]
    checks: list[dict[str, Any]] = []

    get = s["get_overhead"]
    get["ratios"] = get.get("paired_ratios") or _ratios(get.get("cpu_us_per_get", {}))
    checks.append(
        _at_most(
            "wrapper get: client CPU / raw httpx",
            get["ratios"].get("wrapper"),
            GET_OVERHEAD_MAX,
            spread=get.get("paired_spread", {}).get("wrapper"),
        )
    )

    lst = s["listing"]
    lst["ratios"] = lst.get("paired_ratios") or _ratios(lst.get("wall_s", {}))
    checks.append(
        _at_most(
            "wrapper listing 10,000 typed numbers: wall time / raw httpx + json loop",
            lst["ratios"].get("wrapper"),
            LISTING_MAX,
            spread=lst.get("paired_spread", {}).get("wrapper"),
        )
    )
    memory = lst.get("memory", {})
    lst["memory_ratios"] = _ratios({n: float(m["peak_bytes_all"]) for n, m in memory.items()})
    kept = {n: float(m["kept_bytes_all"]) for n, m in memory.items() if "kept_bytes_all" in m}
    lst["kept_ratios"] = _ratios(kept)
    checks.append(
        _at_most(
            "wrapper listing memory, every number kept / the dicts",
            lst["kept_ratios"].get("wrapper"),
            LISTING_KEPT_MEMORY_MAX,
        )
    )

    fan = s["fanout"]
    fan["ratios"] = fan.get("paired_ratios") or _ratios(fan.get("wall_s", {}))
    checks.append(
        _at_most(
            "wrapper over aiohttp, 1,000 gets with 50 in flight: wall / raw httpx.AsyncClient",
            fan["ratios"].get("wrapper_aiohttp"),
            FANOUT_AIOHTTP_MAX,
            spread=fan.get("paired_spread", {}).get("wrapper_aiohttp"),
        )
    )

    imp = s["imports"]
    imp["ratios"] = imp.get("paired_ratios") or _ratios(imp.get("wall_ms", {}))
    checks.append(
        _at_most(
            "from close_phone_numbers import PhoneNumbers / import httpx",
            imp["ratios"].get("wrapper_client"),
            IMPORT_MAX,
            spread=imp.get("paired_spread", {}).get("wrapper_client"),
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

    # Per CPU second: the server's answers per second of its own CPU time, what one core
    # would serve; less distorted by other work on the machine than wall-clock rates.
    rows: list[dict[str, Any]] = s["emulator"].get("rows", [])
    checks.append(
        _at_least(
            "emulator GET by id, per CPU second",
            _emulator_rate(rows, "GET by id"),
            EMULATOR_GET_MIN,
            " req/s",
        )
    )
    checks.append(
        _at_least(
            "emulator rent, per CPU second",
            _emulator_rate(rows, "rent"),
            EMULATOR_RENT_MIN,
            " req/s",
        )
    )
    first = _emulator_rate(rows, "list, two filters, first page")
    deep = _emulator_rate(rows, "list, two filters, a page at 99% depth")
    checks.append(
        _at_most(
            "emulator list, two filters, 100,000 numbers: page at 99% depth / first page",
            first / deep if first and deep else None,
            EMULATOR_DEPTH_MAX,
        )
    )
    results["checks"] = checks
