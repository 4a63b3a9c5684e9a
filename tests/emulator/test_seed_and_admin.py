"""Seeds, reset, the admin routes and lists over many numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator, SeedError, default_seed

from .conftest import Api


def small_seed(**org: Any) -> dict[str, Any]:
    return {
        "organizations": [
            {
                "id": "orga_test",
                "users": [{"id": "user_ann", "name": "Ann", "api_key": "key-ann"}],
                **org,
            }
        ]
    }


def test_the_default_seed_is_deterministic() -> None:
    """Two default emulators hold the same users, keys and numbers."""
    with Emulator() as first, Emulator() as second:
        assert first.users == second.users
        assert first.numbers() == second.numbers()
        assert len({n["type"] for n in first.numbers()}) == 3


def test_the_default_seed_has_the_documented_keys(emu: Emulator) -> None:
    """The convenience keys belong to the users the README describes."""
    by_key = {u.api_key: u for u in emu.users}
    assert by_key[emu.api_key_with_permission].manage_team_phone_numbers
    assert not by_key[emu.api_key_without_permission].manage_team_phone_numbers
    other = by_key[emu.api_key_other_organization]
    assert other.organization_id != by_key[emu.api_key_with_permission].organization_id


def test_api_keys_stay_out_of_reprs(emu: Emulator) -> None:
    """A User's repr does not show its key."""
    assert all(user.api_key not in repr(user) for user in emu.users)
    assert emu.api_key_with_permission not in repr(emu)


def test_a_seed_file_fills_in_what_a_number_leaves_out(tmp_path: Path) -> None:
    """A number needs only `number` and `participants`; the rest has Close's defaults."""
    seed = small_seed(phone_numbers=[{"number": "+16505550111", "participants": ["user_ann"]}])
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed))
    with Emulator(seed=str(path)) as emu:
        api = Api(emu, "key-ann")
        (number,) = api.list().json()["data"]
    assert number["number_formatted"] == "+1 650-555-0111"
    assert (number["user_id"], number["is_group_number"], number["country"]) == (
        "user_ann",
        False,
        "US",
    )


@pytest.mark.parametrize(
    ("seed", "message"),
    [
        ({}, "organizations: give at least one organization"),
        ({"organizations": [{"id": "org_x", "users": []}]}, r"organizations\[0\]\.id: give an id"),
        (small_seed(users=[]), r"organizations\[0\]\.users: give at least one user"),
        (
            small_seed(phone_numbers=[{"number": "6505550111", "participants": ["user_ann"]}]),
            r"phone_numbers\[0\]\.number: give a valid E.164 number",
        ),
        (
            small_seed(phone_numbers=[{"number": "+16505550111", "participants": ["user_bo"]}]),
            r"phone_numbers\[0\]\.participants: 'user_bo' is no user of orga_test",
        ),
        (
            small_seed(
                phone_numbers=[{"number": "+16505550111", "participants": ["user_ann"], "x": 1}]
            ),
            r"unknown fields \['x'\]",
        ),
        (small_seed(telephony_budget=-1), "telephony_budget: give a number of dollars"),
        (
            small_seed(
                phone_numbers=[
                    {
                        "number": "+16505550111",
                        "participants": ["user_ann"],
                        "inbound_ring_duration": 5,
                    }
                ]
            ),
            r"phone_numbers\[0\]\.inbound_ring_duration: Use a whole number of seconds from 15",
        ),
    ],
)
def test_a_bad_seed_is_refused_naming_the_place(seed: dict[str, Any], message: str) -> None:
    """SeedError says where the seed is wrong and what to give instead."""
    with pytest.raises(SeedError, match=message):
        Emulator(seed=seed)


def test_an_unreadable_seed_file_is_a_seed_error(tmp_path: Path) -> None:
    """A missing or non-JSON file is a SeedError naming the file."""
    (tmp_path / "bad.json").write_text("{")
    for name in ("missing.json", "bad.json"):
        with pytest.raises(SeedError, match=name):
            Emulator(seed=tmp_path / name)


def test_reset_restores_the_seed(alice: Api, emu: Emulator) -> None:
    """Rents, deletes, budgets and rent statuses are undone by reset()."""
    before = emu.numbers()
    alice.rent({"country": "US"})
    alice.delete(alice.number("Alice's line")["id"])
    emu.set_rent_status("x", times=None)
    emu.reset()
    assert emu.numbers() == before
    assert alice.rent({"country": "US"}).status_code == 201


def test_reset_undoes_updates_to_seeded_numbers(alice: Api, emu: Emulator) -> None:
    """An update to a seeded number is gone after reset(), so tests sharing one emulator
    do not see each other's changes (reset() used to rebuild from the updated records)."""
    before = emu.numbers()
    line = alice.number("Alice's line")
    assert alice.update(line["id"], {"label": "changed"}).status_code == 200
    emu.reset()
    assert emu.numbers() == before
    assert alice.number("Alice's line")["label"] == line["label"]


def test_a_page_of_many_numbers_touches_only_the_page() -> None:
    """Over 20,000 numbers, pages at either end are right and has_more is exact."""
    seed = default_seed()
    seed["organizations"][0]["generated_numbers"] = 20_000
    with Emulator(seed=seed) as emu:
        api = Api(emu, emu.api_key_with_permission)
        total = 20_006
        first = api.list(_limit=3).json()
        last = api.list(_skip=total - 2, _limit=3).json()
        assert (len(first["data"]), first["has_more"]) == (3, True)
        assert (len(last["data"]), last["has_more"]) == (2, False)
        bob_id = api.number("Bob's line")["user_id"]
        bobs = api.list(participant_user_id=bob_id, is_group_number="false", _limit=100).json()
        assert all(n["participants"] == [bob_id] for n in bobs["data"])
        assert (len(bobs["data"]), bobs["has_more"]) == (100, True)


def test_admin_routes_script_the_emulator_over_http(emu: Emulator) -> None:
    """The admin routes show state, add faults, set limits, budgets and rent statuses."""
    alice = Api(emu, emu.api_key_with_permission)
    admin = alice.client
    root = "http://emulator.test/_emulator"
    state = admin.get(f"{root}/").json()
    assert [u["name"] for u in state["users"]][:2] == ["Alice Admin", "Bob Member"]
    org = state["organizations"][0]["id"]

    fault = admin.post(f"{root}/faults", json={"operation": "getPhoneNumber", "kind": "status"})
    assert (fault.status_code, fault.json()["status"]) == (201, 500)
    assert admin.get("/phone_number/phon_x/").status_code == 500
    assert admin.delete(f"{root}/faults").json() == []

    assert admin.put(f"{root}/rate_limits", json={"limit": 1, "group": "rent"}).status_code == 200
    assert admin.put(f"{root}/organizations/{org}/budget", json={"telephony_budget": 0}).json() == {
        "telephony_budget": 0.0
    }
    assert alice.rent({"country": "US"}).json()["status"] == "billing-error"
    assert alice.rent({"country": "US"}).status_code == 429

    admin.post(f"{root}/reset")
    body = {"status": "later-status", "http_status": 402}
    assert admin.put(f"{root}/rent_status", json=body).status_code == 200
    assert alice.rent({"country": "US"}).json()["status"] == "later-status"


@pytest.mark.parametrize(
    ("method", "path", "body", "message"),
    [
        ("POST", "faults", {"kind": "boom"}, "kind: use one of"),
        ("POST", "faults", {"kind": "status", "colour": 1}, "unknown fields \\['colour'\\]"),
        ("PUT", "rate_limits", {"limit": -1}, "limit: use a whole number"),
        ("PUT", "rent_status", {"status": "x", "http_status": 500}, "http_status: the spec"),
        ("PUT", "organizations/orga_nope/budget", {"telephony_budget": 1}, "no organization"),
        ("POST", "faults", None, "send a JSON object"),
    ],
)
def test_admin_routes_refuse_bad_input_with_a_400(
    emu: Emulator, method: str, path: str, body: Any, message: str
) -> None:
    """Bad admin requests are a 400 {"error": ...} naming the problem."""
    with httpx.Client(transport=emu.transport()) as client:
        kwargs: dict[str, Any] = {"json": body} if body is not None else {"content": b"{"}
        response = client.request(method, f"http://emulator.test/_emulator/{path}", **kwargs)
    assert response.status_code == 400
    assert re.search(message, response.json()["error"])


def test_paths_outside_api_and_admin_are_a_404(emu: Emulator) -> None:
    """The root answers 404 pointing at /api/v1/."""
    with httpx.Client(transport=emu.transport()) as client:
        response = client.get("http://emulator.test/")
    assert (response.status_code, response.json()) == (
        404,
        {"error": "Not found; the API is under /api/v1/."},
    )
