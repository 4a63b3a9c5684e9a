"""Cases the generative suite found or cannot pin down, kept as exact checks on the emulator.

Each response is also held to the spec with speclib, so these fail on a spec
change as well as on an emulator change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator

from contract_tests import speclib
from contract_tests._summary import TALLY


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator() as emu:
        yield emu


@pytest.fixture
def client(emulator: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=emulator.transport(),
        base_url=emulator.base_url,
        auth=(emulator.api_key_with_permission, ""),
    ) as http:
        yield http


def conforming(operation: str, response: httpx.Response) -> Any:
    """The parsed body, after checking status, body and headers against the spec."""
    body = response.json()
    speclib.check_response(operation, response.status_code, body, dict(response.headers))
    TALLY.record_checks(operation, ["regression.speclib"])
    return body


@pytest.mark.parametrize(
    "name", ["user_id", "participant_user_id", "number", "is_group_number", "_skip", "_limit"]
)
def test_a_blank_list_filter_is_refused(client: httpx.Client, name: str) -> None:
    """`?user_id=` is no user id: a 400 naming the parameter, not the unfiltered list.

    Found by schemathesis (ST201): the emulator dropped blank query values and
    answered 200 with every number.
    """
    response = client.get("/phone_number/", params={name: ""})
    assert response.status_code == 400
    assert name in conforming("listPhoneNumbers", response)["field-errors"]


def test_a_skip_past_the_end_is_an_empty_page(client: httpx.Client) -> None:
    """`_skip` has no maximum in the spec: a huge one is a valid, empty page.

    Found by schemathesis (ST202): the emulator read at most nine digits and
    refused `_skip=72210494056884` with "Use a whole number 0 or more".
    """
    response = client.get("/phone_number/", params={"_skip": 72210494056884})
    assert response.status_code == 200, response.text
    assert conforming("listPhoneNumbers", response) == {"data": [], "has_more": False}


def test_a_huge_limit_is_refused_as_out_of_range(client: httpx.Client) -> None:
    """`_limit` above 100 is a 400 naming `_limit`, however many digits it has."""
    response = client.get("/phone_number/", params={"_limit": 10**20})
    assert response.status_code == 400
    assert "_limit" in conforming("listPhoneNumbers", response)["field-errors"]


def test_a_skip_too_long_for_int_is_an_empty_page_not_a_crash(client: httpx.Client) -> None:
    """A `_skip` of 5,000 digits is beyond any list: an empty page, not a 500.

    Python refuses int() on strings over 4,300 digits, which the emulator did not guard.
    """
    response = client.get("/phone_number/", params={"_skip": "9" * 5000})
    assert response.status_code == 200, response.text
    assert conforming("listPhoneNumbers", response) == {"data": [], "has_more": False}


def test_a_bad_key_is_a_401_even_when_rate_limits_are_spent(emulator: Emulator) -> None:
    """Requests without a valid key spend no budget, so they always get their 401.

    Found by schemathesis (ignored_auth): unauthenticated probes shared one budget and,
    once it was spent, were answered 429 instead of 401.
    """
    emulator.rate_limits.set(1, window=60)
    with httpx.Client(
        transport=emulator.transport(), base_url=emulator.base_url, auth=("not-a-key", "")
    ) as stranger:
        answers = [stranger.get("/phone_number/") for _ in range(3)]
    assert [r.status_code for r in answers] == [401, 401, 401]
    for response in answers:
        conforming("listPhoneNumbers", response)


def test_a_realistic_update_is_accepted(client: httpx.Client, emulator: Emulator) -> None:
    """A valid update with real numbers and ids is a 200 (the generated ones may be 400)."""
    number = next(n for n in emulator.numbers() if n["is_group_number"])
    member = emulator.user(number["participants"][0])
    changes = {
        "label": "Support, after hours",
        "forward_to": "+16505550199",
        "forward_to_enabled": True,
        "inbound_ring_duration": 25,
        "participants": [member.id],
        "voicemail_greeting_url": "https://greetings.example.com/support.mp3",
    }
    speclib.check_request_body("updatePhoneNumber", changes)
    response = client.put(f"/phone_number/{number['id']}/", json=changes)
    assert response.status_code == 200, response.text
    updated = conforming("updatePhoneNumber", response)
    assert {k: updated[k] for k in changes} == changes


def test_a_greeting_url_without_a_host_is_refused_by_spec_and_emulator(
    client: httpx.Client, emulator: Emulator
) -> None:
    """`https://` alone is no greeting URL: the spec's pattern and the emulator both refuse it.

    Found by schemathesis (ST202 before the update's 400 was accepted): the spec's
    pattern was only `^https://`, so a generated client would send what Close refuses.
    """
    with pytest.raises(speclib.SpecMismatch, match="voicemail_greeting_url"):
        speclib.check_request_body("updatePhoneNumber", {"voicemail_greeting_url": "https://"})
    number = emulator.numbers()[0]
    response = client.put(
        f"/phone_number/{number['id']}/", json={"voicemail_greeting_url": "https://"}
    )
    assert response.status_code == 400
    assert "voicemail_greeting_url" in conforming("updatePhoneNumber", response)["field-errors"]


def test_rent_get_update_list_delete_get(client: httpx.Client) -> None:
    """The whole life of a rented number, each answer as the spec says."""
    rented = client.post("/phone_number/request/internal/", json={"country": "US"})
    assert rented.status_code == 201, rented.text
    number = conforming("rentPhoneNumber", rented)
    path = f"/phone_number/{number['id']}/"
    assert conforming("getPhoneNumber", client.get(path)) == number
    updated = client.put(path, json={"label": "Rented by the contract suite"})
    assert conforming("updatePhoneNumber", updated)["label"] == "Rented by the contract suite"
    listed = conforming("listPhoneNumbers", client.get("/phone_number/", params={"_limit": 100}))
    assert number["id"] in {n["id"] for n in listed["data"]}
    deleted = client.delete(path)
    assert (deleted.status_code, conforming("deletePhoneNumber", deleted)) == (200, {})
    gone = client.get(path)
    assert gone.status_code == 404
    conforming("getPhoneNumber", gone)
