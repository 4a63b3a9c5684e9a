"""The emulator takes what the spec takes: values drawn from each field's schema pass it.

The same draws as test_spec_agreement.py (hypothesis-jsonschema over the spec), sent by
the library to the in-process emulator: neither may refuse a value for its shape. Left
out, because the emulator rightly checks more than the shape: `forward_to` and
`phone_numbers` (the number must exist, per libphonenumber), `participants`,
`participant_groups` and `assign_to` (the ids must be of the organization), and the
rent's `country` and `prefix` (Close rents only where it has numbers).
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator
from close_phone_numbers import BadRequestError, NotFoundError, PhoneNumbers, RentError
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from .test_spec_agreement import AGREEMENT, FIELDS, Field

SEMANTIC = {
    "forward_to",
    "phone_numbers",
    "participants",
    "participant_groups",
    "assign_to",
    "country",
    "prefix",
}
SHAPE_ONLY = [f for f in FIELDS if f.name not in SEMANTIC]
_DRAWS = {str(f): from_schema(f.schema) for f in SHAPE_ONLY}


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    ticks = itertools.count(step=3600.0)  # an hour per reading: rate limits never bite
    with Emulator(clock=lambda: next(ticks)) as emu:
        for org in {u.organization_id for u in emu.users}:
            emu.set_budget(org, 1_000_000.0)  # every draw of a rent field rents a number
        yield emu


@pytest.fixture(scope="module")
def client(emulator: Emulator) -> Iterator[PhoneNumbers]:
    http = httpx.Client(transport=emulator.transport(), base_url=emulator.base_url)
    with (
        http,
        PhoneNumbers(
            api_key=emulator.api_key_with_permission, http_client=http, sleep=lambda s: None
        ) as numbers,
    ):
        yield numbers


def _group_number(emulator: Emulator, client: PhoneNumbers) -> str:
    """A group number of the caller's organization: every update field applies to it."""
    for number in client.list(is_group_number=True):
        return number.id
    raise AssertionError(f"the emulator's seed has no group number: {emulator!r}")


def _send(emulator: Emulator, client: PhoneNumbers, field: Field, value: Any) -> None:
    name, op = field.name, field.operation
    if field.where == "path":
        # An id of the right shape that is no number's: Close answers 404, never 400.
        calls: dict[str, Callable[[], object]] = {
            "getPhoneNumber": lambda: client.get(value),
            "deletePhoneNumber": lambda: client.delete(value),
            "updatePhoneNumber": lambda: client.update(value, label="x"),
        }
        with pytest.raises(NotFoundError):
            calls[op]()
        return
    if op == "listPhoneNumbers":
        keyword = "page_size" if name == "_limit" else name
        next(iter(client.list(**{keyword: value})), None)
    elif op == "updatePhoneNumber":
        client.update(_group_number(emulator, client), **{name: value})
    else:
        extra: dict[str, Any] = {"with_sms": True} if name == "with_mms" and value is True else {}
        # A refusal for want of such a number is no refusal of the request's shape.
        with contextlib.suppress(RentError):
            client.rent("US", **{name: value}, **extra)


@pytest.mark.parametrize("field", SHAPE_ONLY, ids=str)
@settings(AGREEMENT, max_examples=max(5, AGREEMENT.max_examples * 2 // 5))
@given(data=st.data())
def test_the_emulator_accepts_what_the_spec_accepts(
    emulator: Emulator, client: PhoneNumbers, field: Field, data: st.DataObject
) -> None:
    """A value drawn from the spec's schema is not refused by the emulator for its shape."""
    value = data.draw(_DRAWS[str(field)], label=field.name)
    try:
        _send(emulator, client, field, value)
    except BadRequestError as error:
        raise AssertionError(f"{field}={value!r} refused: {error.field_errors}") from error
