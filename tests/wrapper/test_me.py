"""`me()` tells who the credentials act as, through `GET /me/`."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from close_phone_emulator import Emulator
from close_phone_numbers import AsyncPhoneNumbers, AuthenticationError, Me, PhoneNumbers


def test_me_is_the_keys_own_user_in_its_organization() -> None:
    """Each key's `me()` is its user, with the organization it belongs to."""
    with Emulator() as emu:
        for user in emu.users:
            http = httpx.Client(transport=emu.transport(), base_url=emu.base_url)
            with PhoneNumbers(api_key=user.api_key, http_client=http) as numbers:
                me = numbers.me()
            assert isinstance(me, Me)
            assert me.id == user.id
            assert [o.id for o in me.organizations or []] == [user.organization_id]


def test_async_me_is_the_keys_own_user() -> None:
    """The async client answers the same."""

    async def main(emu: Emulator) -> str:
        http = httpx.AsyncClient(transport=emu.async_transport(), base_url=emu.base_url)
        async with (
            http,
            AsyncPhoneNumbers(api_key=emu.api_key_without_permission, http_client=http) as numbers,
        ):
            return (await numbers.me()).id

    with Emulator() as emu:
        expected = next(u.id for u in emu.users if u.api_key == emu.api_key_without_permission)
        assert asyncio.run(main(emu)) == expected


def test_me_with_an_unknown_key_is_an_authentication_error() -> None:
    """A key Close does not know raises AuthenticationError, as every other call does."""
    with Emulator() as emu:
        http = httpx.Client(transport=emu.transport(), base_url=emu.base_url)
        with (
            PhoneNumbers(api_key="api_unknown", http_client=http) as numbers,
            pytest.raises(AuthenticationError),
        ):
            numbers.me()
