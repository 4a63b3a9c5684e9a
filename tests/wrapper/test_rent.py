"""Rent safety: resend only what surely did not run; otherwise find the number, never rent twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    APIConnectionError,
    BadRequestError,
    BillingError,
    HasVoiceOnlyError,
    NeedsMoreInfoError,
    PermissionDeniedError,
    RentError,
    RentOutcomeUnknownError,
)
from close_phone_numbers._rent import RECONCILE_DELAYS, belongs, matches, parse_timestamp

from .conftest import make_client, number_json
from .fake_close import (
    LIST_PATH,
    ME,
    ME_PATH,
    OTHER,
    RENT_PATH,
    UNCLEAR,
    FakeClose,
    created,
    failed,
    rented_then,
)
from .fake_close import rents as _rents


def _old_number() -> dict[str, Any]:
    return number_json(id="phon_old", number="+16505550999", date_created="2026-01-01T00:00:00")


def _stamp(when: datetime) -> str:
    return when.isoformat()


def test_successful_rent_returns_the_number_after_one_request() -> None:
    """A 201 is the rented number."""
    server = FakeClose(created)
    client, recorder = make_client(server)
    number = client.rent("US", prefix="650")
    assert number.id == "phon_rented1"
    assert recorder.paths() == [ME_PATH, LIST_PATH, RENT_PATH]
    snapshot = recorder.requests[1].url.params
    assert (snapshot["_fields"], snapshot["participant_user_id"]) == ("id", ME)


def test_the_requesting_user_is_asked_once_per_client() -> None:
    """/me/ is asked before the first rent only; later rents reuse the answer."""
    client, recorder = make_client(FakeClose(created))
    client.rent("US")
    client.rent("US")
    assert recorder.paths().count(ME_PATH) == 1


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(429, json={"error": "slow"}, headers={"Retry-After": "2"}),
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("no handshake"),
    ],
)
def test_rent_is_resent_only_when_it_surely_did_not_run(failure: Any) -> None:
    """A 429 or a connection that never opened is retried, and one number is rented."""
    answers = [failure]

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        if answers:
            answer = answers.pop()
            if isinstance(answer, Exception):
                raise answer
            response: httpx.Response = answer
            return response
        return httpx.Response(201, json=server.rent())

    server = FakeClose(on_rent)
    client, recorder = make_client(server)
    assert client.rent("US").id == "phon_rented1"
    assert _rents(recorder.paths()) == 2
    assert server.rented == 1


@pytest.mark.parametrize("outcome", list(UNCLEAR.values()), ids=list(UNCLEAR))
def test_unclear_rent_is_never_resent_and_the_new_number_is_found(outcome: Any) -> None:
    """After a 5xx, timeout, drop, unreadable or nested success, the new number is returned."""
    server = FakeClose(rented_then(outcome), existing=[_old_number()])
    client, recorder = make_client(server, max_retries=5)
    number = client.rent("US", prefix="650")
    assert number.id == "phon_rented1"
    assert _rents(recorder.paths()) == 1
    assert server.rented == 1


@pytest.mark.parametrize("outcome", ["503", "read-timeout", "201-nested"])
def test_unclear_rent_that_did_not_happen_raises_outcome_unknown(outcome: str) -> None:
    """When no new number shows up, the error says the outcome is unknown; nothing is resent."""
    server = FakeClose(failed(UNCLEAR[outcome]), existing=[_old_number()])
    client, recorder = make_client(server, max_retries=5)
    with pytest.raises(RentOutcomeUnknownError) as caught:
        client.rent("US", prefix="650")
    error = caught.value
    assert error.candidates == []
    assert error.request == {"country": "US", "prefix": "650"}
    assert error.started_at <= datetime.now(UTC)
    assert error.cause is not None
    assert _rents(recorder.paths()) == 1
    assert recorder.sleeps == [d for d in RECONCILE_DELAYS if d]


def test_an_unclear_rent_right_after_another_returns_only_the_new_number() -> None:
    """Two rents in a row, the second rented then 503: the first number is not taken for it.

    Without a Date header both numbers fall in the time window; the snapshot taken before
    the second rent tells them apart (a regression found by the documentation's example).
    """
    answers = [False, True]

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        number = server.rent()
        if answers.pop(0):
            return httpx.Response(503, json={"error": "unavailable"})
        return httpx.Response(201, json=number)

    server = FakeClose(on_rent, send_date=False)
    client, recorder = make_client(server)
    assert client.rent("US", prefix="650").id == "phon_rented1"
    assert client.rent("US", prefix="650").id == "phon_rented2"
    assert _rents(recorder.paths()) == 2


def test_a_failing_snapshot_does_not_stop_the_rent() -> None:
    """If listing fails before the rent, the rent is still sent, once."""
    server = FakeClose(created)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(500, json={"error": "list is down"})
        return server(request)

    client, recorder = make_client(handler, max_retries=0)
    assert client.rent("US").id == "phon_rented1"
    assert recorder.paths() == [ME_PATH, LIST_PATH, RENT_PATH]


def test_two_matching_new_numbers_are_reported_not_guessed() -> None:
    """If two new numbers of the caller match, neither is returned; both are candidates."""

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        server.rent()
        server.rent()  # another script with the same key rented at the same moment
        return httpx.Response(503, json={"error": "unavailable"})

    client, recorder = make_client(FakeClose(on_rent))
    with pytest.raises(RentOutcomeUnknownError) as caught:
        client.rent("US", prefix="650")
    assert sorted(n.id for n in caught.value.candidates) == ["phon_rented1", "phon_rented2"]
    assert _rents(recorder.paths()) == 1


def test_listing_failure_during_reconcile_raises_outcome_unknown() -> None:
    """If Close cannot list numbers either, the rent outcome is reported unknown."""
    server = FakeClose(rented_then(httpx.Response(503, json={"error": "down"})))

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and "/me/" not in request.url.path:
            return httpx.Response(503, json={"error": "still down"})
        return server(request)

    client, recorder = make_client(handler, max_retries=1)
    with pytest.raises(RentOutcomeUnknownError, match="listing numbers failed"):
        client.rent("US")
    assert _rents(recorder.paths()) == 1


def test_reconcile_uses_the_server_clock_from_the_date_header() -> None:
    """A server clock an hour ahead still finds the new number and skips older ones."""
    offset = timedelta(hours=1)
    recent_but_before = number_json(
        id="phon_before",
        number="+16505550888",
        date_created=_stamp(datetime.now(UTC) + offset - timedelta(seconds=30)),
    )
    server = FakeClose(
        rented_then(httpx.ReadTimeout("slow")), existing=[recent_but_before], server_offset=offset
    )
    client, _ = make_client(server)
    assert client.rent("US", prefix="650").id == "phon_rented1"


def test_reconcile_without_a_date_header_trusts_the_snapshot_not_the_clock() -> None:
    """A server on a fake clock hours away, with no Date header, still gets its number found."""
    server = FakeClose(
        rented_then(httpx.Response(503, json={"error": "x"})),
        existing=[_old_number()],
        server_offset=timedelta(hours=-3),
        send_date=False,
    )
    client, recorder = make_client(server)
    assert client.rent("US", prefix="650").id == "phon_rented1"
    assert _rents(recorder.paths()) == 1


def test_without_snapshot_or_date_header_an_old_match_is_not_taken() -> None:
    """If the snapshot failed and the clock is unknown, a months-old number is not the new one."""
    server = FakeClose(rented_then(httpx.Response(503, json={"error": "x"})), send_date=False)
    server.numbers = [_old_number()]
    failures = iter([True])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/phone_number/") and next(failures, False):
            raise httpx.ConnectError("snapshot lost")
        return server(request)

    client, _ = make_client(handler, max_retries=0)
    assert client.rent("US", prefix="650").id == "phon_rented1"


def test_reconcile_filters_by_assignee() -> None:
    """A rent for another user lists that user's numbers only, and needs no /me/."""

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        server.rent(owner=OTHER)
        return httpx.Response(503, json={"error": "x"})

    client, recorder = make_client(FakeClose(on_rent))
    assert client.rent("US", assign_to=[OTHER]).id == "phon_rented1"
    listings = [r for r in recorder.requests if r.url.path.endswith("/phone_number/")]
    assert {r.url.params["participant_user_id"] for r in listings} == {OTHER}
    assert ME_PATH not in recorder.paths()


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (400, {"status": "has-voice-only", "error": "voice only"}, HasVoiceOnlyError),
        (400, {"status": "needs-more-info", "error": "address"}, NeedsMoreInfoError),
        (402, {"status": "billing-error", "error": "budget"}, BillingError),
        (400, {"status": "error", "error": "carrier"}, RentError),
        (400, {"status": "something-new", "error": "?"}, RentError),
        (400, {"errors": [], "field-errors": {"country": "bad"}}, BadRequestError),
        (403, {"error": "Manage Team Phone Numbers needed"}, PermissionDeniedError),
    ],
)
def test_refused_rents_raise_their_class_after_one_request(
    status: int, body: dict[str, Any], expected: type[Exception]
) -> None:
    """A refusal means nothing was rented: its error is raised, nothing is resent or listed."""
    client, recorder = make_client(FakeClose(failed(httpx.Response(status, json=body))))
    with pytest.raises(expected) as caught:
        client.rent("US")
    assert type(caught.value) is expected
    assert recorder.paths() == [ME_PATH, LIST_PATH, RENT_PATH]


def test_fallback_to_voice_only_rents_again_once_without_sms() -> None:
    """has-voice-only with the fallback on rents again with with_sms false."""
    refusal = httpx.Response(400, json={"status": "has-voice-only", "error": "voice only"})
    answers = [refusal]

    def on_rent(request: httpx.Request, server: FakeClose) -> httpx.Response:
        return (
            answers.pop() if answers else httpx.Response(201, json=server.rent(sms_enabled=False))
        )

    client, recorder = make_client(FakeClose(on_rent))
    number = client.rent("US", prefix="650", fallback_to_voice_only=True)
    assert number.sms_enabled is False
    assert recorder.bodies() == [
        {"country": "US", "prefix": "650"},
        {"country": "US", "prefix": "650", "with_sms": False},
    ]


def test_fallback_happens_only_once() -> None:
    """A second has-voice-only is raised, after exactly two rents."""
    refusal = httpx.Response(400, json={"status": "has-voice-only", "error": "voice only"})
    client, recorder = make_client(FakeClose(failed(refusal)))
    with pytest.raises(HasVoiceOnlyError):
        client.rent("US", fallback_to_voice_only=True)
    assert _rents(recorder.paths()) == 2


def test_without_fallback_has_voice_only_is_raised() -> None:
    """The fallback is opt-in."""
    refusal = httpx.Response(400, json={"status": "has-voice-only", "error": "voice only"})
    client, recorder = make_client(FakeClose(failed(refusal)))
    with pytest.raises(HasVoiceOnlyError):
        client.rent("US")
    assert _rents(recorder.paths()) == 1


def test_connection_that_never_opens_raises_after_retries_without_listing() -> None:
    """Repeated connect failures are a plain connection error: nothing can have been rented."""

    client, recorder = make_client(FakeClose(failed(httpx.ConnectError("refused"))), max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        client.rent("US")
    assert type(caught.value) is APIConnectionError
    assert recorder.paths() == [ME_PATH, LIST_PATH] + [RENT_PATH] * 3


@pytest.mark.parametrize(
    ("changes", "request_kwargs", "expected"),
    [
        ({}, {"country": "US", "prefix": "650"}, True),
        ({"country": "CA"}, {"country": "US"}, False),
        ({"number": "+14155550100"}, {"country": "US", "prefix": "650"}, False),
        ({"number": "+442071234567", "country": "GB"}, {"country": "GB", "prefix": "20"}, True),
        ({"type": "external"}, {"country": "US"}, False),
        ({"sms_enabled": False}, {"country": "US", "with_sms": True}, False),
        ({"sms_enabled": False}, {"country": "US", "with_sms": False}, True),
        ({"is_group_number": False}, {"country": "US", "sharing": "group"}, False),
        ({"carrier_type": "tollfree"}, {"country": "US", "carrier_type": "local"}, False),
        ({"carrier_type": None}, {"country": "US", "carrier_type": "local"}, True),
    ],
)
def test_matches_compares_a_number_with_the_rent_request(
    changes: dict[str, Any], request_kwargs: dict[str, Any], expected: bool
) -> None:
    """A candidate must agree with every part of the request Close reports back."""
    from close_phone_numbers._operations import rent_request
    from close_phone_numbers._types import NOT_GIVEN
    from close_phone_numbers_client.models import PhoneNumber

    options: dict[str, Any] = {
        "prefix": NOT_GIVEN,
        "with_sms": NOT_GIVEN,
        "with_mms": NOT_GIVEN,
        "carrier_type": NOT_GIVEN,
        "bundle_id": NOT_GIVEN,
        "assign_to": NOT_GIVEN,
        "sharing": NOT_GIVEN,
        "fallback_to_voice_only": False,
    }
    options.update(request_kwargs)
    body = rent_request(options.pop("country"), **options)
    assert matches(PhoneNumber.from_dict(number_json(**changes)), body) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-26T10:15:00+00:00", datetime(2026, 11, 26, 10, 15, tzinfo=UTC)),
        ("2026-11-26T10:15:00", datetime(2026, 11, 26, 10, 15, tzinfo=UTC)),
        ("2026-11-26T11:15:00+01:00", datetime(2026, 11, 26, 10, 15, tzinfo=UTC)),
        ("not a date", None),
    ],
)
def test_timestamps_without_offset_are_utc(value: str, expected: datetime | None) -> None:
    """Close's naive timestamps are read as UTC; unreadable ones as unknown."""
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize(
    ("changes", "owners", "expected"),
    [
        ({"user_id": ME, "participants": []}, {ME}, True),
        ({"user_id": ME, "participants": [ME]}, {ME}, True),
        ({"user_id": OTHER, "participants": [OTHER]}, {ME}, False),
        ({"user_id": None, "participants": [ME, OTHER]}, {ME, OTHER}, True),
        ({"user_id": None, "participants": [ME, OTHER]}, {ME}, False),
        ({"user_id": None, "participants": []}, {ME}, False),
    ],
)
def test_belongs_asks_for_exactly_the_owners(
    changes: dict[str, Any], owners: set[str], expected: bool
) -> None:
    """A number is the caller's only if its user and participants are exactly the owners."""
    from close_phone_numbers_client.models import PhoneNumber

    number = PhoneNumber.from_dict(number_json(**changes))
    assert belongs(number, frozenset(owners)) is expected
