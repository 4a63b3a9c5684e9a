"""PUT and DELETE: validation, Close's permission rules, derived fields."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Api, invalid

GROUP_403 = {"error": "Changing a group number needs the Manage Team Phone Numbers permission."}


def test_update_is_partial_and_recomputes_derived_fields(alice: Api) -> None:
    """Only sent fields change; formatted fields follow; date_updated moves."""
    before = alice.number("Support line")
    body = {
        "label": "Support, after hours",
        "forward_to": "+16505550199",
        "forward_to_enabled": True,
        "phone_numbers": ["+442079460177"],
        "inbound_ring_duration": 25,
        "voicemail_greeting_url": "https://greetings.example.com/support.mp3",
    }
    response = alice.update(before["id"], body)
    assert response.status_code == 200
    after = response.json()
    assert after["forward_to_formatted"] == "+1 650-555-0199"
    assert after["phone_numbers_formatted"] == ["+44 20 7946 0177"]
    assert after["date_updated"] > before["date_updated"]
    unchanged = {k: v for k, v in after.items() if k not in body}
    changed_by_rule = {"forward_to_formatted", "phone_numbers_formatted", "date_updated"}
    assert {k for k in unchanged if unchanged[k] != before[k]} == changed_by_rule
    assert alice.get(before["id"]).json() == after


def test_each_update_moves_date_updated_forward(alice: Api) -> None:
    """Two quick updates still get strictly increasing date_updated."""
    number_id = alice.number("Alice's line")["id"]
    first = alice.update(number_id, {"label": "a"}).json()["date_updated"]
    second = alice.update(number_id, {"label": "b"}).json()["date_updated"]
    assert second > first


def test_participants_change_the_group_and_its_user_id(alice: Api, emu: Any) -> None:
    """A group number left with one participant reports that user as user_id."""
    support = alice.number("Support line")
    carol = next(u.id for u in emu.users if u.name.startswith("Carol"))
    assert support["user_id"] is None
    after = alice.update(support["id"], {"participants": [carol]}).json()
    assert (after["participants"], after["user_id"]) == ([carol], carol)
    listed = alice.list(participant_user_id=carol, is_group_number="true").json()["data"]
    assert [n["label"] for n in listed] == ["Support line"]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"forward_to": "6505550199"},
            "forward_to",
            "Use a valid phone number in E.164 form, such as +16505550199.",
        ),
        (
            {"forward_to": "+19995550100"},
            "forward_to",
            "Use a valid phone number in E.164 form, such as +16505550199.",
        ),
        (
            {"voicemail_greeting_url": "http://example.com/a.mp3"},
            "voicemail_greeting_url",
            "Use an https:// URL, or null to remove the greeting.",
        ),
        (
            {"voicemail_greeting_url": "https:// bad"},
            "voicemail_greeting_url",
            "Use an https:// URL, or null to remove the greeting.",
        ),
        (
            {"inbound_ring_duration": 14},
            "inbound_ring_duration",
            "Use a whole number of seconds from 15 to 90.",
        ),
        (
            {"inbound_ring_duration": 91},
            "inbound_ring_duration",
            "Use a whole number of seconds from 15 to 90.",
        ),
        (
            {"inbound_ring_duration": True},
            "inbound_ring_duration",
            "Use a whole number of seconds from 15 to 90.",
        ),
        ({"label": 7}, "label", "Use a string of at most 255 characters."),
        ({"label": "x" * 256}, "label", "Use a string of at most 255 characters."),
        ({"forward_to_enabled": "yes"}, "forward_to_enabled", "Use true or false."),
        (
            {"phone_numbers": ["+1"]},
            "phone_numbers",
            "Use valid phone numbers in E.164 form; not valid: '+1'.",
        ),
        ({"participants": ["bob"]}, "participants", "Use a list of user ids (user_...)."),
        (
            {"participant_groups": [f"group_{i}" for i in range(41)]},
            "participant_groups",
            "Use at most 40 groups.",
        ),
    ],
)
def test_invalid_update_fields_are_a_400_naming_the_field(
    alice: Api, body: dict[str, Any], field: str, message: str
) -> None:
    """Each invalid field is a 400 whose field-errors say what to send instead."""
    response = alice.update(alice.number("Support line")["id"], body)
    assert (response.status_code, response.json()) == (400, invalid(**{field: message}))


def test_null_removes_the_voicemail_greeting(alice: Api) -> None:
    """voicemail_greeting_url null is accepted and stored as null."""
    number_id = alice.number("Alice's line")["id"]
    alice.update(number_id, {"voicemail_greeting_url": "https://example.com/a.mp3"})
    assert (
        alice.update(number_id, {"voicemail_greeting_url": None}).json()["voicemail_greeting_url"]
        is None
    )


def test_unknown_fields_are_a_400_listing_the_known_ones(alice: Api) -> None:
    """A field PUT does not take is refused, not ignored."""
    body = alice.update(alice.number("Alice's line")["id"], {"number": "+16505550111"}).json()
    assert list(body["field-errors"]) == ["number"]
    assert body["field-errors"]["number"].startswith("Unknown field; the fields are label,")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"json": {}}, "Send at least one field to change."),
        ({"json": ["label"]}, "Send a JSON object as the request body."),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, None),
        (
            {
                "content": b"label=x",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
            "Send the body as JSON, with Content-Type: application/json.",
        ),
    ],
    ids=["empty", "not-an-object", "bad-json", "form-encoded"],
)
def test_bodies_that_are_not_a_json_object_are_a_400(
    alice: Api, kwargs: dict[str, Any], error: str | None
) -> None:
    """Empty objects, non-objects, bad JSON and other content types are 400s."""
    response = alice.update(alice.number("Alice's line")["id"], **kwargs)
    assert response.status_code == 400
    body = response.json()
    assert body["field-errors"] == {}
    if error is None:
        assert body["errors"][0].startswith("The body is not valid JSON")
    else:
        assert body["errors"] == [error]


def test_participants_must_be_users_of_the_organization(alice: Api, emu: Any) -> None:
    """A participant from another organization is a 400 naming participants."""
    dana = next(u.id for u in emu.users if u.name.startswith("Dana"))
    response = alice.update(alice.number("Support line")["id"], {"participants": [dana]})
    assert response.json() == invalid(participants=f"{dana} is not a user of this organization.")


def test_participant_groups_must_be_groups_of_the_organization(alice: Api) -> None:
    """Unknown groups are refused; known ones are stored."""
    number_id = alice.number("Support line")["id"]
    response = alice.update(number_id, {"participant_groups": ["group_unknown"]})
    assert response.json() == invalid(
        participant_groups="group_unknown is not a group of this organization."
    )
    sales = alice.emu.store.groups
    group_ids = sorted(sales)
    assert (
        alice.update(number_id, {"participant_groups": group_ids}).json()["participant_groups"]
        == group_ids
    )


@pytest.mark.parametrize(
    "body",
    [{"participants": []}, {"participant_groups": ["group_unknown"]}, {"phone_numbers": []}],
    ids=["participants", "participant_groups", "phone_numbers"],
)
def test_personal_numbers_take_no_group_settings(alice: Api, body: dict[str, Any]) -> None:
    """Group settings on a personal number are a 400 saying it has exactly one user."""
    response = alice.update(alice.number("Alice's line")["id"], body)
    message = "Only group numbers have this; a personal number has one user."
    assert response.json() == invalid(**dict.fromkeys(body, message))


def test_a_member_without_the_permission_cannot_change_a_group_number(bob: Api) -> None:
    """Bob shares the Support line with Alice; changing its label is a 403."""
    response = bob.update(bob.number("Support line")["id"], {"label": "mine"})
    assert (response.status_code, response.json()) == (403, GROUP_403)


def test_the_sole_member_may_change_label_greeting_and_forwarding_only(bob: Api) -> None:
    """Bob alone on the Sales line may change its label and forwarding, not its participants."""
    number_id = bob.number("Sales line")["id"]
    allowed = {
        "label": "Bob's sales",
        "voicemail_greeting_url": "https://example.com/g.mp3",
        "forward_to": "+16505550199",
        "forward_to_enabled": True,
        "press_1_to_accept": True,
    }
    assert bob.update(number_id, allowed).status_code == 200
    response = bob.update(number_id, {"label": "x", "inbound_ring_duration": 20})
    assert response.status_code == 403
    assert response.json()["error"].startswith(
        "Changing inbound_ring_duration of a group number needs the Manage Team Phone Numbers"
    )


def test_personal_numbers_change_only_for_their_own_user(alice: Api, bob: Api) -> None:
    """Even with the permission, Alice cannot change Bob's personal number."""
    number_id = alice.number("Bob's line")["id"]
    response = alice.update(number_id, {"label": "Alice was here"})
    assert response.json() == {"error": "A personal number can be changed only by its own user."}
    assert bob.update(number_id, {"label": "Bob's own"}).status_code == 200


def test_delete_then_get_is_a_404(alice: Api) -> None:
    """A deleted number answers 200 {} once, then 404 everywhere."""
    number_id = alice.number("Alice's line")["id"]
    response = alice.delete(number_id)
    assert (response.status_code, response.json()) == (200, {})
    assert alice.get(number_id).status_code == 404
    assert alice.delete(number_id).status_code == 404
    assert number_id not in [n["id"] for n in alice.list().json()["data"]]
    assert alice.list(number="+16505550100").json()["data"] == []


def test_delete_follows_the_permission_rules(alice: Api, bob: Api) -> None:
    """Group numbers need the permission; personal ones their own user."""
    support = bob.number("Support line")["id"]
    response = bob.delete(support)
    assert response.json() == {
        "error": "Deleting a group number needs the Manage Team Phone Numbers permission."
    }
    response = alice.delete(bob.number("Bob's line")["id"])
    assert response.json() == {"error": "A personal number can be deleted only by its own user."}
    assert alice.delete(support).status_code == 200
