"""The library tried as a new user would, against the stateful emulator in process."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from close_phone_emulator import Emulator, ServerThread
from close_phone_numbers import (
    AsyncPhoneNumbers,
    BillingError,
    HasVoiceOnlyError,
    NeedsMoreInfoError,
    NotFoundError,
    PermissionDeniedError,
    PhoneNumber,
    PhoneNumbers,
    RentError,
    RentOutcomeUnknownError,
)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """A fresh emulator with its default seed."""
    with Emulator() as emu:
        yield emu


@pytest.fixture
def numbers(emulator: Emulator) -> Iterator[PhoneNumbers]:
    """A client for a user with "Manage Team Phone Numbers", with instant retries."""
    http = httpx.Client(transport=emulator.transport(), base_url=emulator.base_url)
    client = PhoneNumbers(
        api_key=emulator.api_key_with_permission, http_client=http, sleep=lambda s: None
    )
    with http, client:
        yield client


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    """The emulator under uvicorn on a loopback port: real sockets, real Date headers."""
    with ServerThread(Emulator()) as running:
        yield running


def _count(emulator: Emulator) -> int:
    return len(emulator.numbers())


def test_list_returns_every_number_of_the_organization(
    emulator: Emulator, numbers: PhoneNumbers
) -> None:
    """Listing page by page yields each number of the caller's organization once."""
    listed = [n.id for n in numbers.list(page_size=7)]
    user = next(u for u in emulator.users if u.api_key == emulator.api_key_with_permission)
    stored = {n["id"] for n in emulator.numbers(organization_id=user.organization_id)}
    assert len(listed) == len(set(listed))
    assert set(listed) == stored
    assert all(isinstance(n, PhoneNumber) for n in numbers.list(page_size=100))


def test_list_with_fields_and_filters(emulator: Emulator, numbers: PhoneNumbers) -> None:
    """fields gives partial objects; a participant filter only returns that user's numbers."""
    user = next(u for u in emulator.users if u.api_key == emulator.api_key_with_permission)
    partial = list(numbers.list(participant_user_id=user.id, fields=["number", "participants"]))
    assert partial
    assert all(user.id in n.participants for n in partial)  # type: ignore[operator]


def test_rent_get_update_delete_round_trip(numbers: PhoneNumbers) -> None:
    """A rented number can be read, changed field by field, and released."""
    rented = numbers.rent("US", prefix="650")
    assert rented.number.startswith("+1650")
    assert numbers.get(rented.id).number == rented.number

    changed = numbers.update(
        rented.id,
        label="Sales",
        forward_to="+16502221111",
        forward_to_enabled=True,
        voicemail_greeting_url="https://greetings.example.com/sales.mp3",
        inbound_ring_duration=20,
    )
    assert (changed.label, changed.forward_to, changed.forward_to_enabled) == (
        "Sales",
        "+16502221111",
        True,
    )
    cleared = numbers.update(rented.id, voicemail_greeting_url=None)
    assert cleared.voicemail_greeting_url is None
    assert cleared.label == "Sales"  # untouched fields keep their value

    numbers.delete(rented.id)
    with pytest.raises(NotFoundError):
        numbers.get(rented.id)


def test_each_rent_refusal_raises_its_class(emulator: Emulator, numbers: PhoneNumbers) -> None:
    """has-voice-only, needs-more-info, billing-error and unknown statuses map to their classes."""
    before = _count(emulator)
    with pytest.raises(HasVoiceOnlyError):
        numbers.rent("US", prefix="907")
    with pytest.raises(NeedsMoreInfoError):
        numbers.rent("DE")
    emulator.set_rent_status("number-blocked", error="Blocked by the carrier.", http_status=400)
    with pytest.raises(RentError) as unknown:
        numbers.rent("US")
    assert type(unknown.value) is RentError
    assert unknown.value.status == "number-blocked"
    emulator.clear_rent_status()
    user = next(u for u in emulator.users if u.api_key == emulator.api_key_with_permission)
    emulator.set_budget(user.organization_id, 0)
    with pytest.raises(BillingError):
        numbers.rent("US")
    assert _count(emulator) == before


def test_voice_only_fallback_rents_a_number_without_sms(numbers: PhoneNumbers) -> None:
    """With the fallback, a has-voice-only prefix gives a number without SMS."""
    rented = numbers.rent("US", prefix="907", fallback_to_voice_only=True)
    assert rented.sms_enabled is False


def test_rent_answered_503_after_renting_returns_the_number_once(
    emulator: Emulator, numbers: PhoneNumbers
) -> None:
    """The server rents, then answers 503: the number comes back and nothing is rented twice."""
    before = _count(emulator)
    emulator.faults.add("rentPhoneNumber", "status", status=503, after=True, times=1)
    rented = numbers.rent("US", prefix="650")
    assert _count(emulator) == before + 1
    assert numbers.get(rented.id).number == rented.number


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("disconnect", {"after": True}),
        ("truncate", {}),
        ("non_json", {"status": 502, "after": True}),
    ],
)
def test_rent_whose_answer_is_lost_after_renting_returns_the_number_once(
    emulator: Emulator, numbers: PhoneNumbers, kind: str, options: dict[str, object]
) -> None:
    """A dropped connection, a cut body or an HTML 502 after the rent: one number, returned."""
    before = _count(emulator)
    emulator.faults.add("rentPhoneNumber", kind, times=1, **options)  # type: ignore[arg-type]
    rented = numbers.rent("US", prefix="650")
    assert _count(emulator) == before + 1
    assert numbers.get(rented.id).number == rented.number


def test_rent_failing_before_renting_reports_unknown_outcome(
    emulator: Emulator, numbers: PhoneNumbers
) -> None:
    """A 503 before anything was rented is not resent; the outcome is reported unknown."""
    before = _count(emulator)
    emulator.faults.add("rentPhoneNumber", "status", status=503, times=1)
    with pytest.raises(RentOutcomeUnknownError) as caught:
        numbers.rent("US", prefix="650")
    assert caught.value.candidates == []
    assert _count(emulator) == before


def test_member_without_permission_cannot_rent_for_others(emulator: Emulator) -> None:
    """A plain member renting a group number gets PermissionDeniedError."""
    http = httpx.Client(transport=emulator.transport(), base_url=emulator.base_url)
    bob = PhoneNumbers(api_key=emulator.api_key_without_permission, http_client=http)
    with http, pytest.raises(PermissionDeniedError):
        bob.rent("US", sharing="group")


def test_retries_ride_out_transient_get_failures(emulator: Emulator, numbers: PhoneNumbers) -> None:
    """Two 503s on a get are retried away."""
    first = next(iter(numbers.list(page_size=1)))
    emulator.faults.add("getPhoneNumber", "status", status=503, times=2)
    assert numbers.get(first.id).id == first.id


def test_async_client_against_the_emulator(emulator: Emulator) -> None:
    """The async client lists, rents and survives a rent answered 503 after renting."""

    async def run() -> tuple[int, str]:
        http = httpx.AsyncClient(transport=emulator.async_transport(), base_url=emulator.base_url)
        async with (
            http,
            AsyncPhoneNumbers(api_key=emulator.api_key_with_permission, http_client=http) as client,
        ):
            listed = [n.id async for n in client.list(page_size=50)]
            emulator.faults.add("rentPhoneNumber", "status", status=503, after=True, times=1)
            rented = await client.rent("US", prefix="415")
            return len(listed), rented.number

    before = _count(emulator)
    listed, number = asyncio.run(run())
    assert listed > 0
    assert number.startswith("+1415")
    assert _count(emulator) == before + 1


def test_new_user_over_a_real_socket(server: ServerThread) -> None:
    """Built from a key and a base URL alone, the client lists, rents, updates and deletes."""
    server.emulator.reset()
    with PhoneNumbers(api_key=server.api_key_with_permission, base_url=server.base_url) as numbers:
        assert next(iter(numbers.list())).id.startswith("phon_")
        rented = numbers.rent("US", prefix="415")
        assert numbers.update(rented.id, label="Support").label == "Support"
        numbers.delete(rented.id)
        with pytest.raises(NotFoundError):
            numbers.get(rented.id)


def test_rent_that_hangs_after_renting_is_found_not_resent(server: ServerThread) -> None:
    """A rent done on the server whose answer never comes in time is returned, once."""
    server.emulator.reset()
    before = _count(server.emulator)
    server.emulator.faults.add("rentPhoneNumber", "latency", seconds=1.0, after=True, times=1)
    with PhoneNumbers(
        api_key=server.api_key_with_permission, base_url=server.base_url, timeout=0.3
    ) as numbers:
        rented = numbers.rent("US", prefix="650")
        assert _count(server.emulator) == before + 1
        assert numbers.get(rented.id).number == rented.number


def test_throttle_waits_out_a_spent_budget_instead_of_collecting_429s(
    emulator: Emulator,
) -> None:
    """With 3 reads a second, 7 gets all succeed and Close never has to answer 429."""
    statuses: list[int] = []
    http = httpx.Client(
        transport=emulator.transport(),
        base_url=emulator.base_url,
        event_hooks={"response": [lambda response: statuses.append(response.status_code)]},
    )
    with http, PhoneNumbers(api_key=emulator.api_key_with_permission, http_client=http) as numbers:
        first = next(iter(numbers.list(page_size=1)))
        emulator.rate_limits.set(3, window=1.0)
        emulator.rate_limits.reset_counters()
        for _ in range(7):
            assert numbers.get(first.id).id == first.id
    assert 429 not in statuses
    assert statuses.count(200) == 8
