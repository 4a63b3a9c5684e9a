"""Rent safety under attack: any list order, other users renting in the window, threads and
tasks sharing a client, and interrupted rents (issue 12, classes 1, 2 and 7)."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator, FaultKind, ServerThread, default_seed
from close_phone_numbers import AsyncPhoneNumbers, PhoneNumbers, RentOutcomeUnknownError

from .conftest import API_KEY, make_async_client, make_client
from .fake_close import (
    ME,
    ORDERS,
    OTHER,
    UNCLEAR,
    FakeClose,
    Order,
    old_numbers,
    rented_then,
    rents,
)

# The caller already has more numbers than one page holds, all matching the rent.
MANY = 250
AFTER_SENDING = ["503", "read-timeout", "reset", "201-cut", "201-nested", "201-bad-gzip"]


# Class 1: whatever the list order ------------------------------------------------------------


@pytest.mark.parametrize("outcome", AFTER_SENDING)
@pytest.mark.parametrize("order", ORDERS)
def test_an_unclear_rent_is_found_whatever_the_list_order(order: Order, outcome: str) -> None:
    """Rented, then a bad answer: the number is returned under any order, after one POST."""
    server = FakeClose(rented_then(UNCLEAR[outcome]), existing=old_numbers(MANY), order=order)
    client, recorder = make_client(server, max_retries=5)
    assert client.rent("US", prefix="650").id == "phon_rented1"
    assert rents(recorder.paths()) == 1
    assert server.rented == 1


@pytest.mark.parametrize("order", ORDERS)
def test_async_an_unclear_rent_is_found_whatever_the_list_order(order: Order) -> None:
    """The async client finds it the same way."""
    server = FakeClose(rented_then(UNCLEAR["503"]), existing=old_numbers(MANY), order=order)

    async def main() -> str:
        client, recorder = make_async_client(server)
        number = await client.rent("US", prefix="650")
        assert rents(recorder.paths()) == 1
        return number.id

    assert asyncio.run(main()) == "phon_rented1"


# Class 2: only the caller's number, never twice ---------------------------------------------


def _another_user_rents(*, ours_happened: bool) -> Any:
    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        server.rent(owner=OTHER)  # a colleague rents the same kind of number meanwhile
        if ours_happened:
            server.rent()
        return httpx.Response(503, json={"error": "unavailable"})

    return on_rent


class Unfiltered(FakeClose):
    """A Close that ignores participant_user_id: only the numbers' owners tell them apart."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if "participant_user_id" in request.url.params:
            params = {k: v for k, v in request.url.params.items() if k != "participant_user_id"}
            request = httpx.Request(request.method, request.url.copy_with(params=params))
        return super().__call__(request)


@pytest.mark.parametrize("fake", [FakeClose, Unfiltered], ids=["filtered", "unfiltered"])
@pytest.mark.parametrize("order", ORDERS)
def test_another_users_number_rented_in_the_window_is_never_returned(
    order: Order, fake: type[FakeClose]
) -> None:
    """Our rent did not happen; another user's matching number is not passed off as ours."""
    server = fake(_another_user_rents(ours_happened=False), existing=old_numbers(5), order=order)
    client, recorder = make_client(server)
    with pytest.raises(RentOutcomeUnknownError) as caught:
        client.rent("US", prefix="650")
    assert caught.value.candidates == []
    assert rents(recorder.paths()) == 1


@pytest.mark.parametrize("order", ORDERS)
def test_ours_is_returned_beside_another_users_rent_in_the_window(order: Order) -> None:
    """Both rents happened: the caller gets their own number, not the colleague's."""
    server = FakeClose(_another_user_rents(ours_happened=True), order=order)
    client, _ = make_client(server)
    number = client.rent("US", prefix="650")
    assert (number.id, number.user_id) == ("phon_rented2", ME)


def test_async_another_users_number_is_never_returned() -> None:
    """The async client refuses the colleague's number too."""
    server = FakeClose(_another_user_rents(ours_happened=False), order="oldest")

    async def main() -> None:
        client, _ = make_async_client(server)
        with pytest.raises(RentOutcomeUnknownError):
            await client.rent("US", prefix="650")

    asyncio.run(main())


def _rent_in_threads(client: PhoneNumbers, count: int) -> list[Any]:
    results: list[Any] = [None] * count

    def work(i: int) -> None:
        try:
            results[i] = client.rent("US", prefix="650").id
        except RentOutcomeUnknownError as error:
            results[i] = error

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_threads_never_get_the_same_reconciled_number() -> None:
    """Both rents fail with a 503 but only one rented: one thread gets it, the other is told."""
    barrier = threading.Barrier(2, timeout=10)
    lock = threading.Lock()

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        barrier.wait()  # both rents are out at once
        with lock:
            if not server.rented:
                server.rent()
        return httpx.Response(503, json={"error": "unavailable"})

    server = FakeClose(on_rent, existing=old_numbers(MANY), order="oldest")
    client, recorder = make_client(server)
    results = _rent_in_threads(client, 2)
    got = [r for r in results if isinstance(r, str)]
    assert got == ["phon_rented1"]
    assert sum(isinstance(r, RentOutcomeUnknownError) for r in results) == 1
    assert rents(recorder.paths()) == 2


def test_a_thread_whose_rent_failed_never_takes_a_siblings_number() -> None:
    """A's rent is out first and fails with a 503 that rented nothing, after B's rent
    succeeded: B's number, new and matching, is never handed to A as well."""
    b_rented = threading.Event()
    lock = threading.Lock()
    arrived: list[int] = []

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        with lock:
            arrived.append(1)
            first = len(arrived) == 1
        if first:  # A: held until B has rented, then a 503 with nothing rented
            assert b_rented.wait(10)
            return httpx.Response(503, json={"error": "unavailable"})
        number = server.rent()
        b_rented.set()
        return httpx.Response(201, json=number)

    server = FakeClose(on_rent, order="unstable")
    client, recorder = make_client(server)
    results = _rent_in_threads(client, 2)
    assert results.count("phon_rented1") == 1
    assert sum(isinstance(r, RentOutcomeUnknownError) for r in results) == 1
    assert rents(recorder.paths()) == 2


def test_tasks_sharing_a_client_never_get_the_same_reconciled_number() -> None:
    """Two tasks, two 503s, one rent: one task gets the number, the other is told."""

    async def main() -> list[Any]:
        arrived = 0
        both = asyncio.Event()
        server = FakeClose(lambda request, fake: httpx.Response(500), order="oldest")

        async def handler(request: httpx.Request) -> httpx.Response:
            nonlocal arrived
            if request.method == "POST":
                arrived += 1
                if arrived == 2:
                    both.set()
                await both.wait()
                if not server.rented:
                    server.rent()
                return httpx.Response(503, json={"error": "unavailable"})
            return server(request)

        # The recorder hands back the handler's coroutine; MockTransport awaits it.
        client, _ = make_async_client(handler)  # type: ignore[arg-type]
        return list(
            await asyncio.gather(
                client.rent("US", prefix="650"),
                client.rent("US", prefix="650"),
                return_exceptions=True,
            )
        )

    results = asyncio.run(main())
    assert [r.id for r in results if not isinstance(r, BaseException)] == ["phon_rented1"]
    assert sum(isinstance(r, RentOutcomeUnknownError) for r in results) == 1


# Class 7: interrupted rents -----------------------------------------------------------------


def _notes(exc: BaseException) -> str:
    return "\n".join(getattr(exc, "__notes__", []))


def test_a_keyboard_interrupt_during_a_rent_is_noted_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """^C while the rent is out: a warning names the rent, a note says to check the numbers.

    ^C while only listing before the rent says nothing: no rent was sent.
    """
    interrupt_the_snapshot = {"once": True}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            server.rent()
            raise KeyboardInterrupt
        if request.url.path.endswith("/phone_number/") and interrupt_the_snapshot.pop(
            "once", False
        ):
            raise KeyboardInterrupt
        return server(request)

    server = FakeClose(rented_then(UNCLEAR["503"]))
    client, _ = make_client(handler)
    with pytest.raises(KeyboardInterrupt) as before:
        client.rent("US", prefix="650")
    assert _notes(before.value) == ""
    caplog.set_level(logging.WARNING, logger="close_phone_numbers")
    with pytest.raises(KeyboardInterrupt) as during:
        client.rent("US", prefix="650")
    note = _notes(during.value)
    assert "rent(country='US', prefix='650')" in note
    assert "Check the organization's numbers" in note
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("rent(country='US', prefix='650') interrupted" in w for w in warnings)
    assert API_KEY not in note + "".join(warnings)


def test_an_interrupt_while_looking_for_an_unclear_rent_is_noted() -> None:
    """^C during the wait between lookups: the rent's outcome is unknown, and the note says so."""
    server = FakeClose(lambda request, fake: httpx.Response(503, json={"error": "down"}))
    client, recorder = make_client(server)

    def sleep(seconds: float) -> None:
        raise KeyboardInterrupt

    client._sleep = sleep
    with pytest.raises(KeyboardInterrupt) as caught:
        client.rent("US")
    assert "Check the organization's numbers" in _notes(caught.value)
    assert rents(recorder.paths()) == 1


def test_a_cancelled_task_with_a_rent_in_flight_is_noted(caplog: pytest.LogCaptureFixture) -> None:
    """Cancelling the task while Close holds the rent raises CancelledError with the note."""
    caplog.set_level(logging.WARNING, logger="close_phone_numbers")

    async def main() -> BaseException:
        server = FakeClose(rented_then(UNCLEAR["503"]))
        posted = asyncio.Event()

        async def handler(request: httpx.Request) -> httpx.Response:
            if request.method == "POST":
                server.rent()
                posted.set()
                await asyncio.Event().wait()  # Close never answers
            return server(request)

        # The recorder hands back the handler's coroutine; MockTransport awaits it.
        client, _ = make_async_client(handler)  # type: ignore[arg-type]
        task = asyncio.create_task(client.rent("US", prefix="415"))
        await posted.wait()
        task.cancel()
        try:
            await task
        except asyncio.CancelledError as exc:
            return exc
        raise AssertionError("the task was not cancelled")

    cancelled = asyncio.run(main())
    assert "rent(country='US', prefix='415')" in _notes(cancelled)
    assert any("interrupted (CancelledError)" in r.getMessage() for r in caplog.records)


# Against the emulator, under each list order --------------------------------------------------


def _emulator(order: Order) -> Emulator:
    seed = default_seed()
    seed["organizations"][0]["generated_numbers"] = MANY
    return Emulator(seed, list_order=order)


@pytest.fixture(params=ORDERS)
def emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    with _emulator(request.param) as emu:
        yield emu


@pytest.mark.parametrize("fault", ["status", "truncate", "disconnect"])
def test_emulator_rent_that_fails_after_renting_returns_it_once(
    emulator: Emulator, fault: FaultKind
) -> None:
    """Rented, then a 503, a cut body or a dropped connection: one number, and it is returned."""
    http = httpx.Client(transport=emulator.transport(), base_url=emulator.base_url)
    numbers = PhoneNumbers(
        api_key=emulator.api_key_with_permission, http_client=http, sleep=lambda s: None
    )
    before = len(emulator.numbers())
    emulator.faults.add("rentPhoneNumber", fault, status=503, after=True, times=1)
    rented = numbers.rent("US", prefix="650")
    assert len(emulator.numbers()) == before + 1
    assert emulator.numbers()[-1]["id"] == rented.id


def test_async_emulator_rent_that_fails_after_renting_returns_it_once(emulator: Emulator) -> None:
    """The async client, in the emulator's event loop, under each order."""

    async def main() -> str:
        http = httpx.AsyncClient(transport=emulator.async_transport(), base_url=emulator.base_url)

        async def no_wait(seconds: float) -> None:
            return None

        async with (
            http,
            AsyncPhoneNumbers(
                api_key=emulator.api_key_with_permission, http_client=http, sleep=no_wait
            ) as numbers,
        ):
            return (await numbers.rent("US", prefix="650")).id

    before = len(emulator.numbers())
    emulator.faults.add("rentPhoneNumber", "status", status=503, after=True, times=1)
    rented = asyncio.run(main())
    assert len(emulator.numbers()) == before + 1
    assert emulator.numbers()[-1]["id"] == rented


def test_emulator_threads_sharing_a_client_get_distinct_numbers(emulator: Emulator) -> None:
    """Eight threads, every rent rented then answered 503: each gets its own number.

    Real waits between lookups (1 s, then 3 s) let the eight unclear rents settle, so
    each of the eight new numbers goes to exactly one thread.
    """
    http = httpx.Client(transport=emulator.transport(), base_url=emulator.base_url)
    numbers = PhoneNumbers(api_key=emulator.api_key_with_permission, http_client=http)
    before = len(emulator.numbers())
    emulator.faults.add("rentPhoneNumber", "status", status=503, after=True, times=8)
    results = _rent_in_threads(numbers, 8)
    new = {n["id"] for n in emulator.numbers()[before:]}
    assert len(new) == 8  # eight rents, none sent twice
    assert sorted(map(str, results)) == sorted(new)


@pytest.fixture(scope="module")
def oldest_first_server() -> Iterator[ServerThread]:
    """An oldest-first emulator under uvicorn: real sockets, real Date headers."""
    with ServerThread(_emulator("oldest")) as running:
        yield running


@pytest.mark.parametrize("fault", ["truncate", "disconnect", "non_json", "status"])
def test_over_a_real_socket_a_bad_answer_after_renting_returns_the_number_once(
    oldest_first_server: ServerThread, fault: FaultKind
) -> None:
    """Rented, then a cut body, a reset, an HTML 502 or a 503 over TCP: one number, returned."""
    emu = oldest_first_server.emulator
    emu.reset()
    emu.faults.add("rentPhoneNumber", fault, status=502, after=True, times=1)
    before = len(emu.numbers())
    with PhoneNumbers(
        api_key=oldest_first_server.api_key_with_permission,
        base_url=oldest_first_server.base_url,
        sleep=lambda s: None,
    ) as numbers:
        rented = numbers.rent("US", prefix="650")
    assert len(emu.numbers()) == before + 1
    assert emu.numbers()[-1]["id"] == rented.id


def test_an_interrupted_raw_response_rent_is_noted_too() -> None:
    """with_raw_response.rent passes the interruption to the rent, which notes it."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            raise KeyboardInterrupt
        return server(request)

    server = FakeClose(rented_then(UNCLEAR["503"]))
    client, _ = make_client(handler)
    with pytest.raises(KeyboardInterrupt) as caught:
        client.with_raw_response.rent("US")
    assert "Check the organization's numbers" in _notes(caught.value)
