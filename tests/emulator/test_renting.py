"""Rent: the new number, and each refusal status with its documented trigger."""

from __future__ import annotations

import random
from typing import Any

import pytest
from close_phone_emulator import Emulator
from close_phone_emulator._emulator import random_id
from close_phone_emulator._seed import BASE62

from .conftest import Api, invalid

RENT_PERMISSION_403 = {
    "error": "Renting a group number or for other users needs the Manage Team Phone Numbers"
    " permission."
}


def test_a_rent_is_a_201_with_a_new_internal_number_of_the_caller(bob: Api) -> None:
    """A member may rent for themself: a personal internal number in the prefix."""
    response = bob.rent({"country": "US", "prefix": "650"})
    assert response.status_code == 201
    number = response.json()
    bob_id = bob.number("Bob's line")["user_id"]
    assert number["number"] == "+16505550102"  # 0100 and 0101 are seeded
    assert number["number_formatted"] == "+1 650-555-0102"
    expected = {
        "type": "internal",
        "label": None,
        "user_id": bob_id,
        "participants": [bob_id],
        "is_group_number": False,
        "country": "US",
        "sms_enabled": True,
        "mms_enabled": True,
        "supports_sms_to_countries": ["CA", "US"],
        "last_billed_price": 1.15,
    }
    assert {k: number[k] for k in expected} == expected
    assert bob.get(number["id"]).json() == number
    assert bob.list().json()["data"][0] == number


def test_rented_ids_are_deterministic_for_a_random_seed() -> None:
    """Two emulators with the same random seed rent the same ids."""
    ids = []
    for _ in range(2):
        with Emulator(random_seed=3) as emu:
            api = Api(emu, emu.api_key_with_permission)
            ids.append(api.rent({"country": "US"}).json()["id"])
    assert ids[0] == ids[1]


def test_rented_ids_are_the_ones_the_random_seed_always_gave() -> None:
    """The fast id draw gives exactly what 43 random.choice calls give, seed for seed."""
    for seed in range(20):
        fast, slow = random.Random(seed), random.Random(seed)
        for _ in range(5):
            assert random_id(fast) == "phon_" + "".join(slow.choice(BASE62) for _ in range(43))


def test_capabilities_fit_the_country(alice: Api) -> None:
    """A British number has SMS to GB only and no MMS."""
    number = alice.rent({"country": "GB"}).json()
    assert number["number_formatted"] == "+44 20 7946 0100"
    assert (number["sms_enabled"], number["mms_enabled"]) == (True, False)
    assert (number["supports_sms_to_countries"], number["supports_mms_to_countries"]) == (
        ["GB"],
        [],
    )


def test_a_voice_only_prefix_is_refused_unless_with_sms_is_false(alice: Api) -> None:
    """Prefix 907 has only voice numbers: refused, then rented with with_sms false."""
    response = alice.rent({"country": "US", "prefix": "907"})
    assert (response.status_code, response.json()) == (
        400,
        {
            "status": "has-voice-only",
            "error": "Only numbers without SMS exist for this prefix;"
            " ask again with with_sms false.",
        },
    )
    number = alice.rent({"country": "US", "prefix": "907", "with_sms": False}).json()
    assert (number["number"], number["sms_enabled"], number["mms_enabled"]) == (
        "+19075550100",
        False,
        False,
    )
    assert number["supports_sms_to_countries"] == []


def test_a_country_that_needs_an_address_is_needs_more_info(alice: Api) -> None:
    """Germany needs a proof of address: needs-more-info, and nothing is charged."""
    before = alice.emu.budget(alice.number("Alice's line")["organization_id"])
    response = alice.rent({"country": "DE"})
    assert (response.status_code, response.json()) == (
        400,
        {
            "status": "needs-more-info",
            "error": "Numbers in DE need a proof of address; rent them through Close support.",
        },
    )
    assert alice.emu.budget(alice.number("Alice's line")["organization_id"]) == before


def test_an_empty_budget_is_a_402_billing_error(dana: Api) -> None:
    """Globex's budget is empty: every rent there is refused with billing-error."""
    response = dana.rent({"country": "US"})
    assert (response.status_code, response.json()) == (
        402,
        {
            "status": "billing-error",
            "error": "The telephony budget of the organization has been reached.",
        },
    )


def test_each_rent_spends_the_budget_until_it_is_refused(alice: Api, emu: Emulator) -> None:
    """With $2.50 left, two US rents ($1.15 each) pass and the third is a billing-error."""
    org = alice.number("Alice's line")["organization_id"]
    emu.set_budget(org, 2.50)
    assert [alice.rent({"country": "US"}).status_code for _ in range(3)] == [201, 201, 402]
    assert emu.budget(org) == pytest.approx(0.20)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"country": "US", "prefix": "999"}, "No numbers in US start with '999'."),
        ({"country": "US", "prefix": "416"}, "No numbers in US start with '416'."),
        ({"country": "JP"}, "Close rents no numbers in JP."),
        (
            {"country": "GB", "with_sms": True, "with_mms": True},
            "No numbers with MMS are available in GB.",
        ),
    ],
    ids=["unknown-prefix", "canadian-prefix", "unserved-country", "no-mms"],
)
def test_an_unknown_prefix_or_country_is_status_error(
    alice: Api, body: dict[str, Any], message: str
) -> None:
    """What no number can satisfy is refused with status error and a reason."""
    response = alice.rent(body)
    assert (response.status_code, response.json()) == (400, {"status": "error", "error": message})


def test_a_configured_status_outside_the_spec_is_answered_then_cleared(
    alice: Api, emu: Emulator
) -> None:
    """set_rent_status refuses the next rent with any status, then rents work again."""
    emu.set_rent_status("number-blocked", error="Blocked by the carrier.")
    response = alice.rent({"country": "US"})
    assert (response.status_code, response.json()) == (
        400,
        {"status": "number-blocked", "error": "Blocked by the carrier."},
    )
    assert alice.rent({"country": "US"}).status_code == 201


def test_a_configured_status_can_last_until_cleared(alice: Api, emu: Emulator) -> None:
    """times=None keeps refusing, with the chosen HTTP status, until clear_rent_status."""
    emu.set_rent_status("fraud-review", http_status=402, times=None)
    assert [alice.rent({"country": "US"}).status_code for _ in range(3)] == [402, 402, 402]
    emu.clear_rent_status()
    assert alice.rent({"country": "US"}).status_code == 201


def test_renting_for_others_or_a_group_needs_the_permission(bob: Api, alice: Api) -> None:
    """Bob may not rent a group number or assign one to Alice; Alice may do both."""
    alice_id = alice.number("Alice's line")["user_id"]
    bob_id = bob.number("Bob's line")["user_id"]
    assert bob.rent({"country": "US", "sharing": "group"}).json() == RENT_PERMISSION_403
    assert bob.rent({"country": "US", "assign_to": [alice_id]}).json() == RENT_PERMISSION_403
    group = alice.rent({"country": "US", "assign_to": [alice_id, bob_id]}).json()
    assert (group["is_group_number"], group["user_id"], group["participants"]) == (
        True,
        None,
        [alice_id, bob_id],
    )
    shared = alice.rent({"country": "US", "sharing": "group"}).json()
    assert (shared["is_group_number"], shared["user_id"]) == (True, alice_id)


def test_assign_to_must_name_users_of_the_organization(alice: Api, emu: Emulator) -> None:
    """A user of another organization is a 400 naming assign_to."""
    dana = next(u.id for u in emu.users if u.name.startswith("Dana"))
    response = alice.rent({"country": "US", "assign_to": [dana]})
    assert response.json() == invalid(assign_to=f"{dana} is not a user of this organization.")


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({}, "country", "This field is required; use a two-letter country code, such as US."),
        ({"country": "usa"}, "country", "Use a two-letter ISO 3166 country code, such as US."),
        (
            {"country": "US", "prefix": "650555"},
            "prefix",
            "Use up to five digits, without the country code, such as 650.",
        ),
        ({"country": "US", "with_sms": "yes"}, "with_sms", "Use true, false or null."),
        (
            {"country": "US", "with_mms": True},
            "with_mms",
            "MMS needs SMS: send with_sms true as well.",
        ),
        (
            {"country": "US", "carrier_type": "shortcode"},
            "carrier_type",
            "Use one of local, national, mobile, tollfree, or null.",
        ),
        ({"country": "US", "sharing": "team"}, "sharing", "Use personal or group."),
        (
            {"country": "US", "assign_to": []},
            "assign_to",
            "Give at least one user id, or leave it out.",
        ),
        (
            {"country": "US", "quantity": 2},
            "quantity",
            "Unknown field; the fields are country, prefix, with_sms, with_mms, carrier_type,"
            " bundle_id, assign_to, sharing.",
        ),
    ],
)
def test_invalid_rent_requests_are_a_400_naming_the_field(
    alice: Api, body: dict[str, Any], field: str, message: str
) -> None:
    """Each invalid rent field is refused before anything is rented or charged."""
    org = alice.number("Alice's line")["organization_id"]
    before = (alice.emu.budget(org), len(alice.emu.numbers()))
    response = alice.rent(body)
    assert (response.status_code, response.json()) == (400, invalid(**{field: message}))
    assert (alice.emu.budget(org), len(alice.emu.numbers())) == before


def test_carrier_type_and_bundle_are_kept_on_the_new_number(alice: Api) -> None:
    """What the rent asked for shows on the number."""
    number = alice.rent({"country": "US", "carrier_type": "tollfree", "bundle_id": "BU123"}).json()
    assert (number["carrier_type"], number["bundle_id"]) == ("tollfree", "BU123")
