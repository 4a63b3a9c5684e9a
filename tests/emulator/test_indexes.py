"""The store's indexes: every list query is answered from its own ordered index,
right after any mix of rents, updates and deletes, at any depth and from either end."""

from __future__ import annotations

import itertools
import random
from typing import Any

from close_phone_emulator import Emulator, default_seed
from close_phone_emulator._index import LOAD, OrderedSeqs
from close_phone_emulator._store import LIST_ORDERS
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import Api


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.integers(0, 5 * LOAD)), max_size=3 * LOAD),
    st.integers(0, 4 * LOAD),
    st.integers(1, 150),
)
def test_ordered_seqs_agree_with_a_sorted_list(
    operations: list[tuple[bool, int]], skip: int, count: int
) -> None:
    seqs, model = OrderedSeqs(range(0, 2 * LOAD, 2)), set(range(0, 2 * LOAD, 2))
    for add, value in operations:
        if add:
            seqs.add(value)
            model.add(value)
        else:
            seqs.discard(value)
            model.discard(value)
    ordered = sorted(model)
    assert len(seqs) == len(ordered)
    assert seqs.ascending(skip, count) == ordered[skip : skip + count]
    newest = ordered[::-1]
    assert seqs.descending(skip, count) == newest[skip : skip + count]
    assert all(value in seqs for value in ordered[:50])
    assert [seqs.at(i) for i in range(min(len(ordered), 30))] == ordered[:30]


def _matches(record: dict[str, Any], query: dict[str, Any]) -> bool:
    return (
        (
            "participant_user_id" not in query
            or query["participant_user_id"] in record["participants"]
        )
        and ("user_id" not in query or record["user_id"] == query["user_id"])
        and (
            "is_group_number" not in query or record["is_group_number"] is query["is_group_number"]
        )
        and ("number" not in query or record["number"] == query["number"])
    )


def _queries(emu: Emulator, org: str) -> list[dict[str, Any]]:
    users = [u.id for u in emu.users if u.organization_id == org] + ["user_nobody"]
    some_number = emu.numbers(org)[3]["number"]
    choices: list[list[tuple[str, Any]]] = [
        [("participant_user_id", u) for u in users],
        [("user_id", u) for u in users],
        [("is_group_number", True), ("is_group_number", False)],
        [("number", some_number)],
    ]
    queries: list[dict[str, Any]] = []
    for size in range(len(choices) + 1):
        for chosen in itertools.combinations(choices, size):
            queries.extend(dict(combo) for combo in itertools.product(*chosen))
    return queries


def test_every_filter_combination_pages_exactly_after_rents_updates_and_deletes() -> None:
    seed = default_seed()
    seed["organizations"][0]["generated_numbers"] = 1_500
    chance = random.Random(11)
    with Emulator(seed=seed) as emu:
        alice = Api(emu, emu.api_key_with_permission)
        org = emu.users[0].organization_id
        users = [u.id for u in emu.users if u.organization_id == org]
        emu.set_budget(org, 10_000)
        emu.rate_limits.set(1_000_000)
        for i in range(40):
            alice.rent({"country": "US", "assign_to": chance.sample(users, chance.randint(1, 3))})
            numbers = emu.numbers(org)
            target = chance.choice(numbers)
            if i % 3 == 0:
                alice.delete(target["id"])
            elif target["is_group_number"]:
                alice.update(target["id"], {"participants": chance.sample(users, 2)})
            else:
                alice.update(target["id"], {"label": f"changed {i}"})
        newest = emu.numbers(org)[::-1]
        assert LIST_ORDERS[:2] == ("newest", "oldest")
        for query in _queries(emu, org):
            expected = [n["id"] for n in newest if _matches(n, query)]
            for order, skip, limit in itertools.product(
                LIST_ORDERS[:2], (0, 1, len(expected) - 7, len(expected)), (1, 100)
            ):
                skip = max(skip, 0)
                emu.set_list_order(order)
                ordered = expected if order == "newest" else expected[::-1]
                page, has_more = emu.store.page(org, skip=skip, limit=limit, **query)
                assert [n["id"] for n in page] == ordered[skip : skip + limit], query
                assert has_more == (skip + limit < len(expected)), query
            emu.set_list_order("unstable")
            walked: list[str] = []
            while True:
                page, has_more = emu.store.page(org, skip=len(walked), limit=97, **query)
                walked += [n["id"] for n in page]
                if not has_more:
                    break
            assert sorted(walked) == sorted(expected), query


class _Counting(dict[int, dict[str, Any]]):
    reads = 0

    def __getitem__(self, key: int) -> dict[str, Any]:
        type(self).reads += 1
        return super().__getitem__(key)


def test_a_deep_page_with_two_filters_reads_only_the_page() -> None:
    """99% deep into 20,000 numbers with two filters, a page reads its own numbers only."""
    seed = default_seed()
    seed["organizations"][0]["generated_numbers"] = 20_000
    with Emulator(seed=seed) as emu:
        org = emu.users[0].organization_id
        bob = next(u.id for u in emu.users if u.name.startswith("Bob"))
        query: dict[str, Any] = {"participant_user_id": bob, "is_group_number": False}
        total = sum(1 for n in emu.numbers(org) if _matches(n, query))
        emu.store._records = _Counting(emu.store._records)
        for order in LIST_ORDERS:
            emu.set_list_order(order)
            _Counting.reads = 0
            page, has_more = emu.store.page(org, skip=total * 99 // 100, limit=50, **query)
            assert (len(page), has_more) == (50, True)
            assert _Counting.reads == 50


def test_a_rent_takes_the_first_free_number_and_a_deleted_one_comes_back(alice: Api) -> None:
    # The seed holds +1 415-555-0123 and -0150: renting skips them.
    alice.emu.rate_limits.set(1_000_000)
    numbers = [alice.rent({"country": "US"}).json()["number"] for _ in range(26)]
    expected = [f"+1415555{n:04d}" for n in range(100, 127) if n != 123]
    assert numbers == expected
    for number in ("+14155550117", "+14155550105"):
        alice.delete(next(n for n in alice.emu.numbers() if n["number"] == number)["id"])
    alice.emu.set_budget(alice.emu.users[0].organization_id, 0)
    assert alice.rent({"country": "US"}).status_code == 402  # refused: nothing taken
    alice.emu.set_budget(alice.emu.users[0].organization_id, 100)
    again = [alice.rent({"country": "US"}).json()["number"] for _ in range(3)]
    assert again == ["+14155550105", "+14155550117", "+14155550127"]


class _CountingSet(set[str]):
    looks = 0

    def __contains__(self, item: object) -> bool:
        type(self).looks += 1
        return super().__contains__(item)


def test_renting_after_a_delete_does_not_rescan_the_taken_numbers(alice: Api) -> None:
    emu = alice.emu
    emu.rate_limits.set(1_000_000)
    emu.set_budget(emu.users[0].organization_id, 10_000)
    rented = [alice.rent({"country": "US"}).json() for _ in range(300)]
    emu.store._numbers = _CountingSet(emu.store._numbers)
    for _ in range(3):
        alice.delete(rented.pop(0)["id"])
        _CountingSet.looks = 0
        alice.rent({"country": "US"})  # takes the freed number back
        alice.rent({"country": "US"})  # goes on after the 300th
        assert _CountingSet.looks <= 6
