"""Auth, get and list: filters, paging and `_fields`, as Close answers them."""

from __future__ import annotations

import base64

import httpx
import pytest
from close_phone_emulator import Emulator

from .conftest import Api, invalid

UNAUTHORIZED = {"error": "Authentication is required to access this resource."}


def test_a_basic_key_with_an_empty_password_lists_the_organizations_numbers(alice: Api) -> None:
    """Alice's key lists Acme's six numbers, newest first, and nothing of Globex."""
    response = alice.list()
    assert response.status_code == 200
    body = response.json()
    assert body["has_more"] is False
    numbers = [n["number"] for n in body["data"]]
    assert numbers == [
        "+16505550101",
        "+16505550100",
        "+442079460150",
        "+16505550180",
        "+14155550150",
        "+14155550123",
    ]


def test_a_bearer_token_is_accepted_like_a_basic_key(emu: Emulator) -> None:
    """`Authorization: Bearer <key>` acts as the key's user."""
    with httpx.Client(transport=emu.transport(), base_url=emu.base_url) as client:
        headers = {"Authorization": f"Bearer {emu.api_key_with_permission}"}
        assert client.get("/phone_number/", headers=headers).status_code == 200


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Basic " + base64.b64encode(b"api_unknown:").decode(),
        "Basic " + base64.b64encode(b"api_emuAliceAcme000000000000000:secret").decode(),
        "Basic !!not-base64!!",
        "Bearer api_unknown",
        "Token api_emuAliceAcme000000000000000",
    ],
    ids=["none", "unknown-key", "non-empty-password", "garbled", "unknown-bearer", "scheme"],
)
def test_missing_or_wrong_credentials_are_a_401(emu: Emulator, authorization: str | None) -> None:
    """Anything but a known key as Basic user name (empty password) or Bearer is a 401."""
    headers = {"Authorization": authorization} if authorization else {}
    with httpx.Client(transport=emu.transport(), base_url=emu.base_url) as client:
        response = client.get("/phone_number/", headers=headers)
    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED
    assert "api_emuAlice" not in response.text


def test_get_returns_the_whole_number(alice: Api) -> None:
    """GET by id returns every field of the number."""
    seeded = alice.number("Alice's line")
    response = alice.get(seeded["id"])
    assert response.status_code == 200
    assert response.json() == seeded
    assert response.json()["number_formatted"] == "+1 650-555-0100"


def test_another_organizations_number_is_a_404(dana: Api, alice: Api) -> None:
    """Globex's key cannot see, change or delete Acme's number: each is a 404."""
    number_id = alice.number("Alice's line")["id"]
    not_found = {"error": "Phone number not found."}
    assert dana.get(number_id).json() == not_found
    assert dana.update(number_id, {"label": "x"}).status_code == 404
    assert dana.delete(number_id).status_code == 404
    assert alice.get(number_id).status_code == 200


def test_an_unknown_or_malformed_id_is_a_404(alice: Api) -> None:
    """Ids that exist nowhere answer 404 with Close's message."""
    for number_id in ("phon_doesNotExist", "not-an-id"):
        response = alice.get(number_id)
        assert (response.status_code, response.json()) == (
            404,
            {"error": "Phone number not found."},
        )


def test_fields_projects_get_and_list_and_ignores_unknown_names(alice: Api) -> None:
    """`_fields` keeps only the named fields and `id`; unknown names are ignored."""
    number_id = alice.number("Support line")["id"]
    got = alice.get(number_id, _fields="number,nonsense").json()
    assert got == {"id": number_id, "number": "+14155550123"}
    listed = alice.list(_fields="label", _limit=2).json()
    assert [set(n) for n in listed["data"]] == [{"id", "label"}, {"id", "label"}]
    assert [n["label"] for n in listed["data"]] == ["Bob's line", "Alice's line"]
    assert listed["has_more"] is True


def test_skip_and_limit_page_through_every_number_once(alice: Api) -> None:
    """Pages of two, following has_more, give each number exactly once."""
    seen: list[str] = []
    skip = 0
    while True:
        body = alice.list(_skip=skip, _limit=2).json()
        seen += [n["id"] for n in body["data"]]
        skip += 2
        if not body["has_more"]:
            break
    assert len(seen) == len(set(seen)) == 6
    assert alice.list(_skip=6).json() == {"data": [], "has_more": False}


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"_limit": "101"}, "_limit", "Use a whole number from 1 to 100."),
        ({"_limit": "0"}, "_limit", "Use a whole number from 1 to 100."),
        ({"_limit": "ten"}, "_limit", "Use a whole number from 1 to 100."),
        ({"_skip": "-1"}, "_skip", "Use a whole number 0 or more."),
        ({"number": "6505550100"}, "number", "Use an E.164 number, such as +16505550100."),
        ({"is_group_number": "yes"}, "is_group_number", "Use true or false."),
    ],
)
def test_bad_list_parameters_are_a_400_naming_the_parameter(
    alice: Api, params: dict[str, str], field: str, message: str
) -> None:
    """Each bad paging or filter parameter is a 400 whose field-errors name it."""
    response = alice.list(**params)
    assert response.status_code == 400
    assert response.json() == invalid(**{field: message})


def test_bad_user_id_filters_are_a_400(alice: Api) -> None:
    """A user filter that is no user id is a 400 naming the filter."""
    body = alice.list(participant_user_id="bob").json()
    assert list(body["field-errors"]) == ["participant_user_id"]


def test_undocumented_query_parameters_are_ignored(alice: Api) -> None:
    """Parameters the spec does not list change nothing."""
    assert alice.list(_order_by="number", foo="bar").json() == alice.list().json()


def test_filters_find_numbers_by_number_participant_user_and_grouping(alice: Api) -> None:
    """Each list filter, alone and combined, finds exactly the matching numbers."""
    bob_id = alice.number("Bob's line")["user_id"]

    def labels(**params: str) -> list[str]:
        return [n["label"] for n in alice.list(**params).json()["data"]]

    assert labels(number="+14155550123") == ["Support line"]
    assert labels(number="+19995550100") == []
    assert labels(participant_user_id=bob_id) == ["Bob's line", "Sales line", "Support line"]
    assert labels(user_id=bob_id) == ["Bob's line", "Sales line"]
    assert labels(is_group_number="true") == ["Sales line", "Support line"]
    assert labels(participant_user_id=bob_id, is_group_number="false") == ["Bob's line"]
    assert labels(participant_user_id=bob_id, is_group_number="true", _skip="1") == ["Support line"]


def test_paths_outside_the_spec_are_404_and_wrong_methods_405(alice: Api) -> None:
    """A path without its slash is a 404; a method the path lacks is a 405 with Allow."""
    client = alice.client
    assert client.get("/phone_number").status_code == 404
    response = client.post("/phone_number/")
    assert (response.status_code, response.headers["allow"]) == (405, "GET")
    assert client.get("/phone_number/request/internal/").headers["allow"] == "POST"
