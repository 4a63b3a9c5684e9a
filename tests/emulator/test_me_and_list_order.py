"""`GET /me/` answers for the key's user; the list order is a setting, as Close states none."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator

from .conftest import Api

ADMIN = "http://emulator.test/_emulator"


def me(api: Api) -> dict[str, Any]:
    body: dict[str, Any] = api.call("getMe", "GET", "/me/").json()
    return body


def listed(api: Api, **params: Any) -> list[str]:
    """Every number of the listing, page after page."""
    numbers: list[str] = []
    skip = 0
    while True:
        page = api.list(_skip=skip, _limit=2, **params).json()
        numbers.extend(n["number"] for n in page["data"])
        skip += len(page["data"])
        if not page["has_more"]:
            return numbers


def test_me_names_the_user_the_key_acts_as_and_their_organization(
    alice: Api, bob: Api, dana: Api, emu: Emulator
) -> None:
    """Each key's /me/ is its own user, in its own organization, and checks against the spec."""
    for api, name in ((alice, "Alice"), (bob, "Bob"), (dana, "Dana")):
        user = next(u for u in emu.users if u.name.startswith(name))
        body = me(api)
        assert body["id"] == user.id
        assert body["first_name"] == name
        assert body["email"] == user.email
        assert [o["id"] for o in body["organizations"]] == [user.organization_id]
        [membership] = body["memberships"]
        assert (membership["user_id"], membership["organization_id"]) == (
            user.id,
            user.organization_id,
        )
    assert user.api_key not in str(body)


def test_me_without_credentials_is_a_401_and_other_methods_a_405(emu: Emulator) -> None:
    """/me/ is authenticated like every other route, and only answers GET."""
    with httpx.Client(transport=emu.transport(), base_url=emu.base_url) as client:
        assert client.get("/me/").status_code == 401
        response = client.post("/me/", auth=(emu.api_key_with_permission, ""))
    assert (response.status_code, response.headers["allow"]) == (405, "GET")


SEEDED_NEWEST_FIRST = [
    "+16505550101",
    "+16505550100",
    "+442079460150",
    "+16505550180",
    "+14155550150",
    "+14155550123",
]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("newest", SEEDED_NEWEST_FIRST),
        ("oldest", SEEDED_NEWEST_FIRST[::-1]),
    ],
)
def test_the_list_order_is_chosen_at_construction(order: Any, expected: list[str]) -> None:
    """Newest first or oldest first, on one page or paged, and it survives a reset."""
    with Emulator(list_order=order) as emu:
        api = Api(emu, emu.api_key_with_permission)
        assert [n["number"] for n in api.list().json()["data"]] == expected
        assert listed(api) == expected
        emu.reset()
        assert listed(api) == expected
        assert emu.list_order == order


def test_an_oldest_first_list_puts_a_rented_number_last() -> None:
    """After a rent, an oldest-first list ends with the new number, filtered or not."""
    with Emulator(list_order="oldest") as emu:
        api = Api(emu, emu.api_key_with_permission)
        rented = api.rent({"country": "US", "prefix": "650"}).json()
        assert listed(api)[-1] == rented["number"]
        mine = listed(api, participant_user_id=rented["user_id"], is_group_number="false")
        assert mine[-1] == rented["number"]


def test_an_unstable_list_pages_consistently_but_reshuffles_after_every_change() -> None:
    """Between changes paging sees each number once; a rent moves the numbers around."""
    with Emulator(list_order="unstable", random_seed=3) as emu:
        api = Api(emu, emu.api_key_with_permission)
        before = listed(api)
        assert sorted(before) == sorted(SEEDED_NEWEST_FIRST)
        assert listed(api) == before  # unchanged numbers, unchanged order
        orders = {tuple(before)}
        for _ in range(4):
            api.rent({"country": "US", "prefix": "650"})
            now = listed(api)
            assert len(now) == len(set(now))
            orders.add(tuple(n for n in now if n in before))
        # Five states of the store give more than one order of the seeded numbers.
        assert len(orders) > 1


def test_the_list_order_can_be_changed_over_the_admin_api(emu: Emulator) -> None:
    """GET and PUT /_emulator/list_order read and set it; the state shows it too."""
    api = Api(emu, emu.api_key_with_permission)
    admin = api.client
    assert admin.get(f"{ADMIN}/list_order").json() == {"order": "newest"}
    assert admin.put(f"{ADMIN}/list_order", json={"order": "oldest"}).json() == {"order": "oldest"}
    assert listed(api) == SEEDED_NEWEST_FIRST[::-1]
    assert admin.get(f"{ADMIN}/").json()["list_order"] == "oldest"
    assert admin.post(f"{ADMIN}/reset").json()["list_order"] == "oldest"
    emu.set_list_order("newest")
    assert listed(api) == SEEDED_NEWEST_FIRST


@pytest.mark.parametrize("body", [{"order": "random"}, {"order": None}, {"sort": "newest"}])
def test_an_unknown_list_order_is_refused(emu: Emulator, body: dict[str, Any]) -> None:
    """The admin route answers 400 naming the choices; the constructor raises ValueError."""
    with httpx.Client(transport=emu.transport()) as client:
        response = client.put(f"{ADMIN}/list_order", json=body)
    assert response.status_code == 400
    assert "order" in response.json()["error"]
    assert emu.list_order == "newest"
    with pytest.raises(ValueError, match="newest, oldest, unstable"):
        Emulator(list_order="sideways")  # type: ignore[arg-type]
