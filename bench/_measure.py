"""The client side of each scenario, run in a fresh process: ``python -m bench._measure SCENARIO``.

It prints one JSON object on stdout. Contenders take turns within each round (the order
rotates), so that noise from other work on the machine falls on all of them alike, and the
figure kept is the median over rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import itertools
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from bench._clients import API_KEY, BASELINE, Contender, open_contenders

WARMUP = 50


def _ids(count: int) -> list[str]:
    return [f"phon_bench{i % 10_000:08d}" for i in range(count)]


def paired_ratios(samples: dict[str, list[float]], baseline: str) -> dict[str, float]:
    """Median over rounds of each contender's figure divided by the baseline's in that round.

    Contenders run next to each other within a round, so a burst of load from elsewhere on
    the machine mostly hits both sides of a ratio; the median drops the rounds it did not.
    """
    base = samples.get(baseline)
    if not base:
        return {}
    return {
        name: statistics.median(x / b for x, b in zip(values, base, strict=True))
        for name, values in samples.items()
    }


def paired_spread(samples: dict[str, list[float]], baseline: str) -> dict[str, list[float]]:
    """The lowest and highest per-round ratio of each contender: how far the rounds disagree."""
    base = samples.get(baseline)
    if not base:
        return {}
    spread = {}
    for name, values in samples.items():
        ratios = [x / b for x, b in zip(values, base, strict=True)]
        spread[name] = [min(ratios), max(ratios)]
    return spread


def _rotations(names: list[str], rounds: int) -> Iterable[list[str]]:
    for r in range(rounds):
        k = r % len(names)
        yield names[k:] + names[:k]


def overhead(base_url: str, iterations: int, rounds: int) -> dict[str, Any]:
    """Client CPU time per ``get`` of each contender, median of rounds."""
    ready, missing = open_contenders(base_url)
    ids = _ids(iterations)
    for contender in ready.values():
        for number_id in ids[:WARMUP]:
            contender.get(number_id)
    cpu: dict[str, list[float]] = {name: [] for name in ready}
    wall: dict[str, list[float]] = {name: [] for name in ready}
    for order in _rotations(list(ready), rounds):
        for name in order:
            get = ready[name].get
            gc.collect()
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            for number_id in ids:
                get(number_id)
            cpu[name].append((time.process_time() - cpu_start) / iterations)
            wall[name].append((time.perf_counter() - wall_start) / iterations)
    for contender in ready.values():
        contender.close()
    return {
        "iterations": iterations,
        "rounds": rounds,
        "cpu_us_per_get": {n: statistics.median(s) * 1e6 for n, s in cpu.items()},
        "wall_us_per_get": {n: statistics.median(s) * 1e6 for n, s in wall.items()},
        "cpu_us_samples": {n: [round(x * 1e6, 2) for x in s] for n, s in cpu.items()},
        "paired_ratios": paired_ratios(cpu, BASELINE),
        "paired_spread": paired_spread(cpu, BASELINE),
        "unavailable": missing,
    }


def _drain(items: Iterable[object]) -> int:
    counter = itertools.count()
    collections.deque(zip(items, counter, strict=False), maxlen=0)
    return next(counter)


def _peak_bytes(contender: Contender, page_size: int, limit: int | None) -> int:
    """Peak traced memory while iterating ``limit`` numbers (all of them for None)."""
    gc.collect()
    tracemalloc.start()
    try:
        _drain(itertools.islice(contender.iterate(page_size), limit))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _kept_bytes(contender: Contender, page_size: int) -> int:
    """Traced memory held by a list of every number, once the iteration is over."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = list(contender.iterate(page_size))
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        del kept
        return held
    finally:
        tracemalloc.stop()


def listing(base_url: str, total: int, page_size: int, rounds: int) -> dict[str, Any]:
    """Wall time to iterate ``total`` numbers, and peak memory for all of them against one page."""
    ready, missing = open_contenders(base_url)
    for contender in ready.values():
        _drain(itertools.islice(contender.iterate(page_size), page_size))
    wall: dict[str, list[float]] = {name: [] for name in ready}
    cpu: dict[str, list[float]] = {name: [] for name in ready}
    for order in _rotations(list(ready), rounds):
        for name in order:
            gc.collect()
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            count = _drain(ready[name].iterate(page_size))
            wall[name].append(time.perf_counter() - wall_start)
            cpu[name].append(time.process_time() - cpu_start)
            if count != total:
                raise RuntimeError(f"{name} iterated {count} numbers, expected {total}")
    memory: dict[str, dict[str, int]] = {}
    for name, contender in ready.items():
        one_page = _peak_bytes(contender, page_size, limit=page_size)
        everything = _peak_bytes(contender, page_size, limit=None)
        memory[name] = {
            "peak_bytes_one_page": one_page,
            "peak_bytes_all": everything,
            "kept_bytes_all": _kept_bytes(contender, page_size),
        }
        contender.close()
    return {
        "total": total,
        "page_size": page_size,
        "rounds": rounds,
        "wall_s": {n: statistics.median(s) for n, s in wall.items()},
        "cpu_s": {n: statistics.median(s) for n, s in cpu.items()},
        "paired_ratios": paired_ratios(wall, BASELINE),
        "paired_spread": paired_spread(wall, BASELINE),
        "memory": memory,
        "unavailable": missing,
    }


async def _fan_out(get: Callable[[str], Any], ids: list[str], in_flight: int) -> None:
    gate = asyncio.Semaphore(in_flight)

    async def one(number_id: str) -> None:
        async with gate:
            await get(number_id)

    await asyncio.gather(*(one(number_id) for number_id in ids))


Maker = Callable[[list[str], int], Callable[[], Any]]


def _async_contenders(base_url: str) -> tuple[dict[str, Maker], dict[str, str]]:
    """Each way to run the fan-out: from the ids and the concurrency, a coroutine function
    that opens its own client and does the whole job."""
    auth = (API_KEY, "")

    def raw_httpx(ids: list[str], in_flight: int) -> Callable[[], Any]:
        async def run() -> None:
            async with httpx.AsyncClient(base_url=base_url, auth=auth) as c:

                async def get(number_id: str) -> object:
                    response = await c.get(f"/phone_number/{number_id}/")
                    return json.loads(response.raise_for_status().content)

                await _fan_out(get, ids, in_flight)

        return run

    def wrapper(aiohttp_backend: bool) -> Maker:
        def make(ids: list[str], in_flight: int) -> Callable[[], Any]:
            from close_phone_numbers import AsyncPhoneNumbers, DefaultAioHttpClient

            async def run() -> None:
                http = DefaultAioHttpClient() if aiohttp_backend else None
                async with AsyncPhoneNumbers(
                    api_key=API_KEY, base_url=base_url, http_client=http
                ) as numbers:
                    await _fan_out(numbers.get, ids, in_flight)
                if http is not None:
                    await http.aclose()

            return run

        return make

    def raw_aiohttp(ids: list[str], in_flight: int) -> Callable[[], Any]:
        import aiohttp

        async def run() -> None:
            basic = aiohttp.BasicAuth(API_KEY, "")
            async with aiohttp.ClientSession(base_url.rstrip("/") + "/", auth=basic) as session:

                async def get(number_id: str) -> object:
                    async with session.get(f"phone_number/{number_id}/") as response:
                        response.raise_for_status()
                        return json.loads(await response.read())

                await _fan_out(get, ids, in_flight)

        return run

    makers: dict[str, Maker] = {
        "raw_httpx": raw_httpx,
        "wrapper": wrapper(aiohttp_backend=False),
        "wrapper_aiohttp": wrapper(aiohttp_backend=True),
        "raw_aiohttp": raw_aiohttp,
    }
    probes = {
        "wrapper": "close_phone_numbers",
        "wrapper_aiohttp": "httpx_aiohttp",
        "raw_aiohttp": "aiohttp",
    }
    ready: dict[str, Maker] = {}
    missing: dict[str, str] = {}
    for name, make in makers.items():
        try:
            if name in probes:
                __import__(probes[name])
            ready[name] = make
        except ImportError as exc:
            missing[name] = f"cannot import {exc.name}: install the aiohttp extra"
    return ready, missing


def fanout(base_url: str, count: int, in_flight: int, rounds: int) -> dict[str, Any]:
    """Wall time of ``count`` async gets with ``in_flight`` at once, contenders taking turns."""
    ids = _ids(count)
    makers, missing = _async_contenders(base_url)
    runs = {name: make(ids, in_flight) for name, make in makers.items()}
    for run in runs.values():  # one warm-up each: imports, first connections
        asyncio.run(run())
    wall: dict[str, list[float]] = {name: [] for name in runs}
    for order in _rotations(list(runs), rounds):
        for name in order:
            gc.collect()
            start = time.perf_counter()
            asyncio.run(runs[name]())
            wall[name].append(time.perf_counter() - start)
    return {
        "count": count,
        "in_flight": in_flight,
        "rounds": rounds,
        "wall_s": {n: statistics.median(s) for n, s in wall.items()},
        "wall_samples": {n: [round(x, 4) for x in s] for n, s in wall.items()},
        "paired_ratios": paired_ratios(wall, BASELINE),
        "paired_spread": paired_spread(wall, BASELINE),
        "unavailable": missing,
    }


_IMPORT_PROBE = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"

# The bare import resolves the public names on first use and loads neither httpx nor the
# clients, so what a program pays before its first request is the import of a client.
IMPORT_STATEMENTS = {
    "raw_httpx": "import httpx",
    "wrapper": "import close_phone_numbers",
    "wrapper_client": "from close_phone_numbers import PhoneNumbers",
}


def imports(rounds: int) -> dict[str, Any]:
    """Seconds of each import statement in a fresh interpreter, taking turns, median of rounds."""
    import subprocess

    statements = IMPORT_STATEMENTS
    wall: dict[str, list[float]] = {name: [] for name in statements}
    for order in _rotations(list(statements), rounds):
        for name in order:
            done = subprocess.run(
                [sys.executable, "-c", _IMPORT_PROBE.format(statement=statements[name])],
                capture_output=True,
                text=True,
                check=True,
            )
            wall[name].append(float(done.stdout.strip()))
    return {
        "rounds": rounds,
        "modules": statements,
        "wall_ms": {n: statistics.median(s) * 1000 for n, s in wall.items()},
        "paired_ratios": paired_ratios(wall, BASELINE),
        "paired_spread": paired_spread(wall, BASELINE),
        "unavailable": {},
    }


def main(argv: list[str] | None = None) -> None:
    """Run one scenario and print its result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", choices=["overhead", "listing", "fanout", "imports"])
    parser.add_argument("--base-url", default="")
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--total", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--in-flight", type=int, default=50)
    args = parser.parse_args(argv)
    if args.scenario == "overhead":
        result = overhead(args.base_url, args.iterations, args.rounds)
    elif args.scenario == "listing":
        result = listing(args.base_url, args.total, args.page_size, args.rounds)
    elif args.scenario == "fanout":
        result = fanout(args.base_url, args.count, args.in_flight, args.rounds)
    else:
        result = imports(args.rounds)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
