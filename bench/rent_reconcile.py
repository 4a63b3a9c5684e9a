"""What rent safety costs in an organization of many numbers, against the in-process emulator.

    python bench/rent_reconcile.py [--numbers 10000] [--orders newest,oldest,unstable]

For each list order, two organizations of --numbers numbers: one where the caller owns a
third of them (three users, the emulator's default spread) and one where the caller owns
them all (the worst case: the snapshot has to hold every number). In each, a plain rent,
and a rent that the emulator carries out and then answers 503, so that the client looks
the number up. Reported: requests by kind and the time each rent took, real waits
included: the emulator's read budget is 60 requests a second per key (Close's are of
that order), and the client waits out a spent budget as Close's RateLimit header says.
A lookup that finds the number at once waits for nothing else. Not a test: nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from typing import Any

import httpx
from close_phone_emulator import Emulator, default_seed
from close_phone_numbers import PhoneNumbers


def _seed(numbers: int, *, sole_owner: bool) -> dict[str, Any]:
    seed = default_seed()
    org = seed["organizations"][0]
    org["generated_numbers"] = numbers - (0 if sole_owner else len(org["phone_numbers"]))
    if sole_owner:  # only the user with the permission, and none of the seeded numbers
        org["users"] = org["users"][:1]
        org["phone_numbers"] = []
    return seed


def _measure(emu: Emulator, *, fault: bool) -> tuple[Counter[str], float, int]:
    seen: Counter[str] = Counter()

    def count(request: httpx.Request) -> None:
        path = request.url.path.removeprefix("/api/v1")
        kind = "/phone_number/{id}/" if path.count("/") == 3 else path
        seen[f"{request.method} {kind}"] += 1

    http = httpx.Client(
        transport=emu.transport(), base_url=emu.base_url, event_hooks={"request": [count]}
    )
    client = PhoneNumbers(api_key=emu.api_key_with_permission, http_client=http)
    with http, client:
        if fault:
            emu.faults.add("rentPhoneNumber", "status", status=503, after=True, times=1)
        before = len(emu.numbers())
        started = time.perf_counter()
        client.rent("US", prefix="650")
        took = time.perf_counter() - started
    return seen, took, len(emu.numbers()) - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--numbers", type=int, default=10_000)
    parser.add_argument("--orders", default="newest,oldest,unstable")
    args = parser.parse_args()
    print(f"organization of {args.numbers} numbers; rent('US', prefix='650')")
    print("| order | caller owns | rent | requests | of which | time | rented |")
    print("|---|---|---|---|---|---|---|")
    for order in args.orders.split(","):
        for sole in (False, True):
            seed = _seed(args.numbers, sole_owner=sole)
            with Emulator(seed, list_order=order) as emu:
                owned = sum(
                    emu.user(n["participants"][0]).api_key == emu.api_key_with_permission
                    for n in emu.numbers(emu.users[0].organization_id)
                )
                for fault in (False, True):  # a new client each time: /me/ is asked once
                    seen, took, rented = _measure(emu, fault=fault)
                    kinds = ", ".join(f"{n} {k}" for k, n in sorted(seen.items()))
                    what = "503 after renting" if fault else "plain"
                    print(
                        f"| {order} | {owned} | {what} | {sum(seen.values())} | {kinds} "
                        f"| {took * 1000:.0f} ms | {rented} |"
                    )


if __name__ == "__main__":
    main()
