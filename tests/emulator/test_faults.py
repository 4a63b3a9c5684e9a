"""Faults on demand, in process and over a real socket."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from close_phone_emulator import Emulator, ServerThread

from contract_tests.speclib import check_response

from .conftest import Api

SERVER_ERROR = {"error": "An internal error occurred."}


@pytest.fixture
def server() -> Iterator[ServerThread]:
    with ServerThread(Emulator()) as running:
        yield running


def test_a_status_fault_answers_5xx_the_given_number_of_times(alice: Api, emu: Emulator) -> None:
    """times=2 gives two 503s with Close's error body, then normal answers."""
    fault = emu.faults.add("listPhoneNumbers", "status", status=503, times=2)
    statuses = [alice.list().status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert fault.fired == 2
    assert alice.get(alice.number("Alice's line")["id"]).status_code == 200


def test_status_faults_answer_the_spec_error_body(alice: Api, emu: Emulator) -> None:
    """An injected 500 is a documented 5XX with {"error": ...}."""
    emu.faults.add("*", "status")
    response = alice.client.get("/phone_number/phon_x/")
    check_response("getPhoneNumber", response.status_code, response.json(), response.headers)
    assert (response.status_code, response.json()) == (500, SERVER_ERROR)


def test_latency_beyond_the_read_timeout_is_a_read_timeout(alice: Api, emu: Emulator) -> None:
    """A 5 s delay against a 0.05 s read timeout raises httpx.ReadTimeout."""
    emu.faults.add("getPhoneNumber", "latency", seconds=5)
    with pytest.raises(httpx.ReadTimeout):
        alice.client.get("/phone_number/phon_x/", timeout=0.05)


def test_short_latency_delays_but_answers(alice: Api, emu: Emulator) -> None:
    """Latency below the timeout still gives the normal answer."""
    emu.faults.add("listPhoneNumbers", "latency", seconds=0.01)
    assert alice.list().status_code == 200


def test_a_disconnect_raises_remote_protocol_error_in_process(alice: Api, emu: Emulator) -> None:
    """The in-process transport reports a dropped connection like httpx does."""
    emu.faults.add("listPhoneNumbers", "disconnect", times=1)
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        alice.list()
    assert alice.list().status_code == 200


def test_a_truncated_body_fails_while_reading(alice: Api, emu: Emulator) -> None:
    """A cut answer has the real status, then the read fails."""
    emu.faults.add("listPhoneNumbers", "truncate")
    with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
        alice.list()


def test_a_non_json_fault_is_an_html_error_page(alice: Api, emu: Emulator) -> None:
    """non_json answers an HTML page with the given status, as a proxy would."""
    emu.faults.add("getPhoneNumber", "non_json", status=504)
    response = alice.client.get("/phone_number/phon_x/")
    assert (response.status_code, response.headers["content-type"]) == (504, "text/html")
    assert response.text.startswith("<html>")


def test_a_rent_can_succeed_and_answer_500(alice: Api, emu: Emulator) -> None:
    """after=True rents the number, charges for it, then answers 500."""
    org = alice.number("Alice's line")["organization_id"]
    before = (len(emu.numbers()), emu.budget(org))
    emu.faults.add("rentPhoneNumber", "status", status=500, after=True)
    response = alice.client.post("/phone_number/request/internal/", json={"country": "US"})
    assert (response.status_code, response.json()) == (500, SERVER_ERROR)
    assert len(emu.numbers()) == before[0] + 1
    assert emu.budget(org) == pytest.approx(before[1] - 1.15)


def test_a_rent_can_succeed_and_time_out(alice: Api, emu: Emulator) -> None:
    """after=True latency rents the number, then the client times out."""
    count = len(emu.numbers())
    emu.faults.add("rentPhoneNumber", "latency", seconds=5, after=True)
    with pytest.raises(httpx.ReadTimeout):
        alice.client.post("/phone_number/request/internal/", json={"country": "US"}, timeout=0.05)
    assert len(emu.numbers()) == count + 1


def test_a_fault_before_the_request_changes_nothing(alice: Api, emu: Emulator) -> None:
    """Without after=True a failed rent rents nothing."""
    count = len(emu.numbers())
    emu.faults.add("rentPhoneNumber", "status", status=502)
    response = alice.client.post("/phone_number/request/internal/", json={"country": "US"})
    assert response.status_code == 502
    assert len(emu.numbers()) == count


def test_probabilistic_faults_strike_the_same_requests_for_a_seed() -> None:
    """Two emulators with one random seed fail the same requests; another seed differs."""

    def pattern(random_seed: int) -> list[int]:
        with Emulator(random_seed=random_seed) as emu:
            emu.faults.add("listPhoneNumbers", "status", probability=0.5)
            api = Api(emu, emu.api_key_with_permission)
            return [api.client.get("/phone_number/").status_code for _ in range(24)]

    first = pattern(1)
    assert first == pattern(1)
    assert set(first) == {200, 500}
    assert first != pattern(2)


def test_faults_can_be_listed_removed_and_are_cleared_by_reset(emu: Emulator) -> None:
    """list, remove and reset manage the active faults."""
    a = emu.faults.add("getPhoneNumber", "status")
    b = emu.faults.add("*", "latency", seconds=1)
    assert emu.faults.list() == [a, b]
    emu.faults.remove(a)
    assert emu.faults.list() == [b]
    emu.reset()
    assert emu.faults.list() == []


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("getPhone", "status"), {}, "operation: use '\\*' or one of listPhoneNumbers"),
        (("*", "explode"), {}, "kind: use one of latency, status"),
        (("*", "status"), {"status": 200}, "status: use an HTTP error status"),
        (("*", "latency"), {}, "seconds: a latency fault needs seconds > 0"),
        (("*", "status"), {"probability": 0}, "probability: use a number above 0"),
        (("*", "status"), {"times": 0}, "times: use a whole number"),
    ],
)
def test_bad_faults_are_refused_with_the_field_named(
    emu: Emulator, args: tuple[str, str], kwargs: dict[str, object], message: str
) -> None:
    """Faults.add names the bad argument and what to use."""
    with pytest.raises(ValueError, match=message):
        emu.faults.add(*args, **kwargs)  # type: ignore[arg-type]


def test_the_async_transport_reports_faults_like_the_network() -> None:
    """AsyncClient sees ReadTimeout and RemoteProtocolError from the async transport."""

    async def scenario(emu: Emulator) -> tuple[int, str, str]:
        auth = (emu.api_key_with_permission, "")
        async with httpx.AsyncClient(
            transport=emu.async_transport(), base_url=emu.base_url, auth=auth
        ) as client:
            ok = (await client.get("/phone_number/")).status_code
            emu.faults.add("listPhoneNumbers", "latency", seconds=5, times=1)
            try:
                await client.get("/phone_number/", timeout=0.05)
            except httpx.ReadTimeout as exc:
                timed_out = type(exc).__name__
            emu.faults.add("listPhoneNumbers", "disconnect", times=1)
            try:
                await client.get("/phone_number/")
            except httpx.RemoteProtocolError as exc:
                dropped = type(exc).__name__
        return ok, timed_out, dropped

    with Emulator() as emu:
        assert asyncio.run(scenario(emu)) == (200, "ReadTimeout", "RemoteProtocolError")


def test_over_a_socket_a_disconnect_and_a_cut_body_reach_httpx(server: ServerThread) -> None:
    """Under uvicorn the connection really drops, before or during the body."""
    auth = (server.api_key_with_permission, "")
    with httpx.Client(base_url=server.base_url, auth=auth) as client:
        assert client.get("/phone_number/").status_code == 200
        server.emulator.faults.add("listPhoneNumbers", "disconnect", times=1)
        with pytest.raises(httpx.RemoteProtocolError, match="without sending"):
            client.get("/phone_number/")
        server.emulator.faults.add("listPhoneNumbers", "truncate", times=1)
        with pytest.raises(httpx.RemoteProtocolError):
            client.get("/phone_number/")
        assert client.get("/phone_number/").status_code == 200
