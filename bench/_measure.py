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

from bench._clients import API_KEY, BASELINE, Contender, Wrapper, open_contenders

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
        memory[name] = {"peak_bytes_one_page": one_page, "peak_bytes_all": everything}
        contender.close()
    return {
        "total": total,
        "page_size": page_size,
        "rounds": rounds,
        "wall_s": {n: statistics.median(s) for n, s in wall.items()},
        "cpu_s": {n: statistics.median(s) for n, s in cpu.items()},
        "paired_ratios": paired_ratios(wall, BASELINE),
        "memory": memory,
        "unavailable": missing,
    }


async def _fan_out(get: Callable[[str], Any], ids: list[str], in_flight: int) -> None:
    gate = asyncio.Semaphore(in_flight)

    async def one(number_id: str) -> None:
        async with gate:
            await get(number_id)

    await asyncio.gather(*(one(number_id) for number_id in ids))


def _timed(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def fanout(base_url: str, count: int, in_flight: int) -> dict[str, Any]:
    """Wall time of ``count`` gets: sequential sync against async with ``in_flight`` at once."""
    ids = _ids(count)
    result: dict[str, Any] = {"count": count, "in_flight": in_flight, "unavailable": {}}

    def raw_sync() -> None:
        with httpx.Client(base_url=base_url, auth=(API_KEY, "")) as client:
            for number_id in ids:
                json.loads(client.get(f"/phone_number/{number_id}/").raise_for_status().content)

    async def raw_async() -> None:
        async with httpx.AsyncClient(base_url=base_url, auth=(API_KEY, "")) as c:

            async def get(number_id: str) -> object:
                response = await c.get(f"/phone_number/{number_id}/")
                return json.loads(response.raise_for_status().content)

            await _fan_out(get, ids, in_flight)

    result["raw_httpx"] = {
        "sequential_s": _timed(raw_sync),
        "async_s": _timed(lambda: asyncio.run(raw_async())),
    }
    try:
        contender: Contender = Wrapper(base_url)
        from close_phone_numbers import AsyncPhoneNumbers
    except Exception as exc:
        result["unavailable"]["wrapper"] = f"{type(exc).__name__}: {exc}"
        return result

    def wrapper_sync() -> None:
        for number_id in ids:
            contender.get(number_id)

    async def wrapper_async() -> None:
        async with AsyncPhoneNumbers(api_key=API_KEY, base_url=base_url) as numbers:
            await _fan_out(numbers.get, ids, in_flight)

    result["wrapper"] = {
        "sequential_s": _timed(wrapper_sync),
        "async_s": _timed(lambda: asyncio.run(wrapper_async())),
    }
    contender.close()
    return result


def main(argv: list[str] | None = None) -> None:
    """Run one scenario and print its result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", choices=["overhead", "listing", "fanout"])
    parser.add_argument("--base-url", required=True)
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
    else:
        result = fanout(args.base_url, args.count, args.in_flight)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
