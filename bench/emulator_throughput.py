"""How fast the emulator answers, under uvicorn on one core, against a bare ASGI baseline.

    python bench/emulator_throughput.py [--seconds 5] [--numbers 100000] [--h11]
        [--routes get_by_id,rent] [--json]

Starts two servers on 127.0.0.1, each a uvicorn process pinned to one core where the
OS allows it: the emulator seeded with --numbers numbers, and a baseline app that
answers the same bytes without doing anything. A load generator in this process,
pinned to the other core, keeps --connections keep-alive connections busy (one request
in flight on each: a bounded, closed-loop load) and counts answers per second.

Reported, by the wall clock and per second of the server's own CPU time (steady on a
busy machine), the latter also as a ratio to the baseline: GET by id; list pages (the
first, one 99% deep, one filtered by participant, and with two filters the first and
one 99% deep into the matches); and renting, spread over many prefixes so that no
range runs out. Then the in-process cost of one list page over 1,000 numbers against
--numbers, and of the two-filter page 99% deep against its first page (ratios near 1
mean O(limit)). --h11 hides httptools from the servers: uvicorn's pure-Python parser.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_BASELINE_BODY = json.dumps({"id": "phon_baseline", "number": "+16505550100"}).encode()
# Five-digit US prefixes: each is a range of 9,900 numbers to rent from.
_RENT_PREFIXES = [f"{area}5{d}" for area in ("212", "312", "512", "617", "720") for d in "23456789"]


def _pin(core: int) -> None:
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {core})


def _environment(h11: bool, tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(ROOT / p) for p in ("generated", "wrapper", "emulator")]
    if h11:
        # uvicorn's "auto" falls back to h11 when httptools does not import.
        (tmp / "httptools.py").write_text("raise ImportError('hidden by --h11')\n")
        paths.insert(0, str(tmp))
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
    return env


async def _baseline_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", b"%d" % len(_BASELINE_BODY)),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": _BASELINE_BODY})


def _serve_baseline(port: int) -> None:
    import uvicorn

    print(f"baseline on http://127.0.0.1:{port}/api/v1", flush=True)
    uvicorn.run(_baseline_app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


@contextmanager
def _server(command: list[str], env: dict[str, str]) -> Iterator[tuple[int, int]]:
    """Run a server until the block ends; yield its port (from its first line) and pid."""
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, text=True, preexec_fn=lambda: _pin(0)
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        if "http://127.0.0.1:" not in first:
            raise RuntimeError(f"server did not start: {first!r}")
        port = int(first.split("http://127.0.0.1:")[1].split("/")[0])
        _wait_until_listening(port)
        yield port, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_until_listening(port: int, timeout: float = 30.0) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _connection(port: int, requests: list[bytes], stop: float, counts: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = 0
    try:
        while time.perf_counter() < stop:
            writer.write(requests[i % len(requests)])
            i += 1
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            counts[0 if status_line.split()[1].startswith(b"2") else 1] += 1
    finally:
        writer.close()


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux), or NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load(
    port: int, pid: int, requests: list[bytes], seconds: float, connections: int
) -> dict[str, float]:
    """Requests per second of a closed-loop load, after a short warm-up.

    `cpu_rps` divides the answers by the server's own CPU seconds: what one core
    given wholly to the server would serve. It holds steady on a busy machine,
    where the wall-clock `rps` depends on who else is running.
    """

    async def run(duration: float) -> list[int]:
        counts = [0, 0]
        stop = time.perf_counter() + duration
        await asyncio.gather(
            *(_connection(port, requests, stop, counts) for _ in range(connections))
        )
        return counts

    asyncio.run(run(min(0.5, seconds / 4)))
    started, cpu = time.perf_counter(), _cpu_seconds(pid)
    ok, failed = asyncio.run(run(seconds))
    elapsed, cpu = time.perf_counter() - started, _cpu_seconds(pid) - cpu
    return {
        "rps": round(ok / elapsed, 1),
        "cpu_rps": round(ok / cpu, 1) if cpu > 0 else float("nan"),
        "errors": failed,
    }


def _request(method: str, path: str, key: str, body: bytes | None = None) -> bytes:
    auth = base64.b64encode(f"{key}:".encode()).decode()
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic {auth}\r\n"
    if body is None:
        return f"{head}\r\n".encode()
    return (
        f"{head}Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def _emulator(numbers: int) -> Any:
    sys.path[:0] = [str(ROOT / p) for p in ("generated", "wrapper", "emulator")]
    from close_phone_emulator import Emulator, default_seed

    seed = default_seed()
    seed["organizations"][0]["generated_numbers"] = numbers
    return Emulator(seed=seed), seed


def _two_filters(emu: Any) -> tuple[str, int]:
    """The query string of the two-filter list (Bob's personal numbers), and its size."""
    bob = next(u.id for u in emu.users if u.name.startswith("Bob"))
    org = emu.users[0].organization_id
    matches = sum(
        1 for n in emu.numbers(org) if bob in n["participants"] and not n["is_group_number"]
    )
    return f"participant_user_id={bob}&is_group_number=false", matches


def _page_cost(numbers: int) -> dict[str, float]:
    """Microseconds per 100-number list page in process, the best of three rounds.

    The first page and scattered depths over 1,000 and over `numbers` numbers (an
    O(total) list would make the large figure about numbers/1,000 times the small), and
    the two-filter page 99% deep against its first page over `numbers`.
    """
    stores = {}
    for total in (1_000, numbers):
        emu, _ = _emulator(total)
        stores[total] = (emu.store, emu.users[0].organization_id)
        query, matches = _two_filters(emu)
    bob = query.split("&")[0].split("=")[1]
    two = {"participant_user_id": bob, "is_group_number": False}
    deep = matches * 99 // 100
    store, org = stores[numbers]
    best: dict[str, float] = {}

    def timed(name: str, call: Any) -> None:
        # Up to 2,000 calls, or fewer when they take more than 0.2 s in all.
        started = time.perf_counter()
        rounds = 0
        while rounds < 2_000 and (rounds < 5 or time.perf_counter() - started < 0.2):
            call(rounds)
            rounds += 1
        cost = (time.perf_counter() - started) / rounds * 1e6
        best[name] = min(cost, best.get(name, cost))

    for _ in range(3):
        for total, (s, o) in stores.items():
            timed(f"first_page_us_{total}", lambda i, s=s, o=o: s.page(o, limit=100))
            timed(
                f"scattered_page_us_{total}",
                lambda i, s=s, o=o, t=total: s.page(o, skip=(i * 7919) % (t - 100), limit=100),
            )
        timed("two_filter_first_page_us", lambda i: store.page(org, limit=100, **two))
        timed("two_filter_deep_page_us", lambda i: store.page(org, skip=deep, limit=100, **two))
    result = {k: round(v, 1) for k, v in best.items()}
    for where in ("first", "scattered"):
        ratio = best[f"{where}_page_us_{numbers}"] / best[f"{where}_page_us_1000"]
        result[f"{where}_page_ratio"] = round(ratio, 2)
    ratio = best["two_filter_deep_page_us"] / best["two_filter_first_page_us"]
    result["two_filter_deep_page_ratio"] = round(ratio, 2)
    return result


def measure(
    seconds: float, numbers: int, connections: int, h11: bool, only: list[str] | None = None
) -> dict[str, Any]:
    """Every figure of this benchmark, as a dict."""
    _pin(1)
    result: dict[str, Any] = {
        "numbers": numbers,
        "seconds": seconds,
        "connections": connections,
        "parser": "h11" if h11 else "auto (httptools when installed)",
    }
    emu, seed = _emulator(numbers)
    key = emu.api_key_with_permission
    org = emu.users[0].organization_id
    ids = [n["id"] for n in emu.numbers()[:: max(1, numbers // 1000)]]
    bob = next(u.id for u in emu.users if u.name.startswith("Bob"))
    two, matches = _two_filters(emu)
    del emu
    api = "/api/v1/phone_number/"
    rents = [
        _request(
            "POST",
            f"{api}request/internal/",
            key,
            json.dumps({"country": "US", "prefix": p}).encode(),
        )
        for p in _RENT_PREFIXES
    ]
    routes = {
        "get_by_id": [_request("GET", f"{api}{i}/", key) for i in ids],
        "list_first_page": [_request("GET", f"{api}?_limit=100", key)],
        "list_page_99pct_deep": [_request("GET", f"{api}?_skip={numbers * 99 // 100}", key)],
        "list_filtered_page": [_request("GET", f"{api}?participant_user_id={bob}", key)],
        "list_two_filters_first_page": [_request("GET", f"{api}?{two}", key)],
        "list_two_filters_99pct_deep": [
            _request("GET", f"{api}?{two}&_skip={matches * 99 // 100}", key)
        ],
        "rent": rents,
    }
    routes = {name: r for name, r in routes.items() if not only or name in only}
    with tempfile.TemporaryDirectory() as tmp:
        env = _environment(h11, Path(tmp))
        seed_file = Path(tmp) / "seed.json"
        seed_file.write_text(json.dumps(seed))
        emulator = [sys.executable, "-m", "close_phone_emulator", "--port", str(_free_port())]
        with _server([*emulator, "--seed", str(seed_file)], env) as (port, pid):
            import httpx

            admin = f"http://127.0.0.1:{port}/_emulator"
            httpx.put(f"{admin}/rate_limits", json={"limit": 1_000_000_000})
            httpx.put(f"{admin}/organizations/{org}/budget", json={"telephony_budget": 1e9})
            result["emulator"] = {
                name: _load(port, pid, requests, seconds, connections)
                for name, requests in routes.items()
            }
        baseline = [sys.executable, __file__, "--serve-baseline", str(_free_port())]
        with _server(baseline, env) as (port, pid):
            get = [_request("GET", "/api/v1/", key)]
            result["baseline"] = _load(port, pid, get, seconds, connections)
    base = result["baseline"]["cpu_rps"]
    rows = result["emulator"]
    for row in rows.values():
        row["ratio_to_baseline"] = round(row["cpu_rps"] / base, 3) if base else None
    if only:
        return result
    deep, first = rows["list_two_filters_99pct_deep"], rows["list_two_filters_first_page"]
    result["two_filter_deep_cost_ratio"] = round(first["cpu_rps"] / deep["cpu_rps"], 2)
    result["in_process_page_cost"] = _page_cost(numbers)
    return result


def _report(result: dict[str, Any]) -> str:
    lines = [
        f"emulator throughput: {result['numbers']:,} numbers, {result['connections']} "
        f"connections, {result['seconds']} s per route, server on one core, "
        f"parser {result['parser']}",
        "  req/s: wall clock; per CPU s: answers per second of the server's own CPU time",
        f"  {'route':<30}{'req/s':>9}{'per CPU s':>11}{'x baseline':>12}{'errors':>8}",
    ]
    rows = [*result["emulator"].items(), ("bare ASGI baseline", result["baseline"])]
    for name, row in rows:
        ratio = row.get("ratio_to_baseline", 1)
        lines.append(
            f"  {name:<30}{row['rps']:>9,.0f}{row['cpu_rps']:>11,.0f}{ratio:>12}{row['errors']:>8}"
        )
    if "in_process_page_cost" not in result:
        return "\n".join(lines) + "\n"
    lines.append(
        f"  two filters, CPU per page 99% deep / first page: {result['two_filter_deep_cost_ratio']}"
    )
    cost = result["in_process_page_cost"]
    total = result["numbers"]
    for where in ("first", "scattered"):
        lines.append(
            f"  one {where} list page in process: {cost[f'{where}_page_us_1000']} us over 1,000"
            f" numbers, {cost[f'{where}_page_us_{total}']} us over {total:,}"
            f" (ratio {cost[f'{where}_page_ratio']})"
        )
    lines.append(
        f"  two-filter page in process over {total:,}: first {cost['two_filter_first_page_us']}"
        f" us, 99% deep {cost['two_filter_deep_page_us']} us"
        f" (ratio {cost['two_filter_deep_page_ratio']})"
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="load per route (5)")
    parser.add_argument("--numbers", type=int, default=100_000, help="seeded numbers (100000)")
    parser.add_argument("--connections", type=int, default=8, help="keep-alive connections (8)")
    parser.add_argument("--h11", action="store_true", help="serve with h11, not httptools")
    parser.add_argument("--routes", help="only these routes, comma-separated (all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--serve-baseline", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_baseline:
        _serve_baseline(args.serve_baseline)
        return 0
    only = args.routes.split(",") if args.routes else None
    result = measure(args.seconds, args.numbers, args.connections, args.h11, only)
    sys.stdout.write(json.dumps(result) + "\n" if args.json else _report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
