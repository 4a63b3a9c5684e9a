"""A job of N gets against the emulator limited to L per W seconds per key.

``python -m bench._throttle --requests 300 --limit 20 --window 1`` runs the job once per
client, each against a fresh emulator process (so that no client inherits a spent window),
and prints one JSON object. ``python -m bench._throttle serve ...`` is that emulator process.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx

from bench import _procs

# Each of these limiters lets request i (counting from 0) go at floor(i / L) * W at the
# earliest, with the window starting at the first request: a fixed window that opens on first
# use, a sliding log, and a token bucket of L tokens refilled at L per W all agree on it.
MINIMUM_RULE = "request i can go at floor(i / limit) * window at the earliest"


def minimum_seconds(requests: int, limit: int, window: float) -> float:
    """The earliest the last of ``requests`` can be sent: the first burst is free."""
    return math.floor((requests - 1) / limit) * window


def serve(limit: int, window: float) -> None:
    """Run the emulator under uvicorn on a free loopback port, rate-limited for every key."""
    import uvicorn
    from close_phone_emulator import Emulator  # type: ignore[import-untyped,unused-ignore]
    from close_phone_emulator._server import (  # type: ignore[import-untyped,unused-ignore]
        listening_socket,
    )

    emu = Emulator()
    key = emu.api_key_with_permission
    emu.rate_limits.set(limit, window=window)
    user = next(u for u in emu.users if u.api_key == key)
    ids = [n["id"] for n in emu.numbers(organization_id=user.organization_id)]
    # The emulator's listener: its accepted connections get TCP_NODELAY (no 40 ms stalls).
    sock = listening_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    ready = {"base_url": f"http://127.0.0.1:{port}/api/v1", "api_key": key, "ids": ids}
    sys.stdout.write("READY " + json.dumps(ready) + "\n")
    sys.stdout.flush()
    config = uvicorn.Config(
        emu.app, log_level="warning", access_log=False, lifespan="off", interface="asgi3"
    )
    uvicorn.Server(config).run(sockets=[sock])


def _wrapper_job(base_url: str, key: str, ids: list[str], statuses: Counter[int]) -> int:
    from close_phone_numbers import CloseError, PhoneNumbers

    def count(response: httpx.Response) -> None:
        statuses[response.status_code] += 1

    errors = 0
    http_client = httpx.Client(event_hooks={"response": [count]})
    with PhoneNumbers(api_key=key, base_url=base_url, http_client=http_client) as numbers:
        for number_id in ids:
            try:
                numbers.get(number_id)
            except CloseError:
                errors += 1
    http_client.close()
    return errors


def _closeio_job(base_url: str, key: str, ids: list[str], statuses: Counter[int]) -> int:
    from closeio_api import API, APIError  # type: ignore[import-untyped,unused-ignore]

    def count(response: Any, *args: object, **kwargs: object) -> None:
        statuses[response.status_code] += 1

    api = API(base_url + "/", api_key=key, tz_offset="0")
    api.session.trust_env = False
    api.session.hooks["response"].append(count)
    errors = 0
    for number_id in ids:
        try:
            api.get(f"phone_number/{number_id}")
        except APIError:
            errors += 1
    api.session.close()
    return errors


Job = Callable[[str, str, list[str], Counter[int]], int]
JOBS: dict[str, Job] = {"wrapper": _wrapper_job, "closeio": _closeio_job}


def run(requests: int, limit: int, window: float) -> dict[str, Any]:
    """Each client's wall time against the minimum, and the 429s it collected."""
    minimum = minimum_seconds(requests, limit, window)
    result: dict[str, Any] = {
        "requests": requests,
        "limit": limit,
        "window_s": window,
        "minimum_s": minimum,
        "minimum_rule": MINIMUM_RULE,
        "unavailable": {},
    }
    for name, job in JOBS.items():
        args = ("serve", f"--limit={limit}", f"--window={window}")
        try:
            with _procs.server("bench._throttle", *args) as ready_line:
                ready = json.loads(ready_line)
                ids = [ready["ids"][i % len(ready["ids"])] for i in range(requests)]
                statuses: Counter[int] = Counter()
                start = time.perf_counter()
                errors = job(ready["base_url"], ready["api_key"], ids, statuses)
                wall = time.perf_counter() - start
        except ImportError as exc:
            result["unavailable"][name] = f"cannot import: {exc}"
            continue
        except RuntimeError as exc:
            result["unavailable"][name] = str(exc)
            continue
        result[name] = {
            "wall_s": wall,
            "ratio": wall / minimum if minimum else None,
            "responses": sum(statuses.values()),
            "responses_429": statuses[429],
            "share_429": statuses[429] / requests,
            "errors": errors,
            "statuses": {str(code): n for code, n in sorted(statuses.items())},
        }
    return result


def main(argv: list[str] | None = None) -> None:
    """Serve the emulator (``serve``) or run the job for every client and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", nargs="?", choices=["serve", "job"], default="job")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--window", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.action == "serve":
        serve(args.limit, args.window)
    else:
        sys.stdout.write(json.dumps(run(args.requests, args.limit, args.window)) + "\n")


if __name__ == "__main__":
    main()
