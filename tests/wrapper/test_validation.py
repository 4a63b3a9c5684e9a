"""Bad input raises InvalidRequestError naming the field and the fix, and sends nothing."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from close_phone_numbers import NOT_GIVEN, InvalidRequestError

from .conftest import make_async_client, make_client, number_json

NUMBER = number_json()
PHONE_ID = NUMBER["id"]


def _never(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"nothing should be sent, got {request.method} {request.url}")


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("update", {"forward_to": "650-555-0100"}, "forward_to", "E.164"),
    ("update", {"forward_to": "+0123"}, "forward_to", "E.164"),
    (
        "update",
        {"voicemail_greeting_url": "http://x.example/a.mp3"},
        "voicemail_greeting_url",
        "https://",
    ),
    ("update", {"inbound_ring_duration": 14}, "inbound_ring_duration", "15 to 90"),
    ("update", {"inbound_ring_duration": 91}, "inbound_ring_duration", "15 to 90"),
    ("update", {"inbound_ring_duration": True}, "inbound_ring_duration", "15 to 90"),
    ("update", {"forward_to_enabled": "yes"}, "forward_to_enabled", "True or False"),
    ("update", {"phone_numbers": "+16505550100"}, "phone_numbers", "a list"),
    ("update", {"phone_numbers": ["+16505550100", "555"]}, "phone_numbers[1]", "E.164"),
    ("update", {"participants": ["bob"]}, "participants[0]", "user_"),
    (
        "update",
        {"participant_groups": [f"group_{i}" for i in range(41)]},
        "participant_groups",
        "40",
    ),
    # Issue 12, class 6: input the spec refuses used to reach the network.
    ("update", {"label": "x" * 256}, "label", "at most 255 characters"),
    ("update", {"voicemail_greeting_url": "https:// x"}, "voicemail_greeting_url", "https://"),
    ("update", {"voicemail_greeting_url": "https:///x"}, "voicemail_greeting_url", "https://"),
    ("update", {"participants": {"user_abc": 1}}, "participants", "a list"),
    # Found by the agreement test (test_spec_agreement.py) or next to those cases.
    ("update", {"voicemail_greeting_url": "https://x/a b.mp3"}, "voicemail_greeting_url", "URL"),
    ("update", {"label": "caf\ud800"}, "label", "lone surrogate"),
    ("update", {"label": None}, "label", "a string"),
    ("update", {"participant_groups": {"group_a"}}, "participant_groups", "a list"),
    ("rent", {"country": None}, "country", "two-letter"),
    ("rent", {"country": "US", "prefix": "650\n"}, "prefix", "five digits"),
    ("rent", {"country": "\u00df"}, "country", "two-letter"),
    ("rent", {"country": "US", "assign_to": {"user_abc": 1}}, "assign_to", "a list"),
    ("get", {"id": "phon_abc\n"}, "id", "phon_"),
    ("update", {}, "update", "nothing to change"),
    ("update", {"label": NOT_GIVEN}, "update", "nothing to change"),
    ("rent", {"country": "USA"}, "country", "two-letter"),
    ("rent", {"country": "1"}, "country", "two-letter"),
    ("rent", {"country": "US", "prefix": "650123"}, "prefix", "five digits"),
    ("rent", {"country": "US", "prefix": "+1650"}, "prefix", "without the country code"),
    ("rent", {"country": "US", "with_mms": True}, "with_mms", "with_sms=True"),
    ("rent", {"country": "US", "carrier_type": "satellite"}, "carrier_type", "tollfree"),
    ("rent", {"country": "US", "sharing": "team"}, "sharing", "personal"),
    ("rent", {"country": "US", "assign_to": []}, "assign_to", "at least one"),
    ("rent", {"country": "US", "assign_to": ("user_a", 7)}, "assign_to[1]", "user_"),
    ("rent", {"country": "US", "assign_to": "user_abc"}, "assign_to", "a list"),
    (
        "rent",
        {"country": "US", "with_sms": True, "fallback_to_voice_only": True},
        "fallback_to_voice_only",
        "drop one",
    ),
    ("rent", {"country": "US", "fallback_to_voice_only": "yes"}, "fallback_to_voice_only", "True"),
    ("get", {"id": "12345"}, "id", "phon_"),
    ("get", {"id": ""}, "id", "phon_"),
    ("get", {"id": "phon_abc/../x"}, "id", "phon_"),
    ("get", {"id": PHONE_ID, "fields": []}, "fields", "field names"),
    ("delete", {"id": "phon_../"}, "id", "phon_"),
    ("list", {"number": "6505550100"}, "number", "E.164"),
    ("list", {"page_size": 101}, "page_size", "1 to 100"),
    ("list", {"page_size": 0}, "page_size", "1 to 100"),
    ("list", {"participant_user_id": "alice"}, "participant_user_id", "user_"),
    ("list", {"is_group_number": "false"}, "is_group_number", "True or False"),
]


@pytest.mark.parametrize(("method", "arguments", "field", "fix"), CASES)
def test_bad_input_names_field_and_fix_before_sending(
    method: str, arguments: dict[str, Any], field: str, fix: str
) -> None:
    """Each bad value is refused locally with a message naming the field and how to fix it."""
    client, server = make_client(_never)
    arguments = dict(arguments)
    positional = [PHONE_ID] if method == "update" else []
    call = getattr(client, method)
    with pytest.raises(InvalidRequestError) as caught:
        call(*positional, **arguments)  # list() refuses at the call, before iterating
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert fix in str(caught.value)
    assert server.requests == []


def _renting(request: httpx.Request) -> httpx.Response:
    if request.method == "GET":
        return httpx.Response(200, json={"data": [], "has_more": False})
    return httpx.Response(201, json=NUMBER)


def test_lower_case_country_is_accepted_and_sent_upper_case() -> None:
    """A two-letter country in lower case is fixed rather than refused."""
    client, server = make_client(_renting)
    client.rent("us", prefix="650")
    assert server.bodies() == [{"country": "US", "prefix": "650"}]


def test_update_sends_only_given_fields_and_none_clears_the_greeting() -> None:
    """Fields not passed stay out of the body; voicemail_greeting_url=None is sent as null."""
    client, server = make_client(lambda request: httpx.Response(200, json=NUMBER))
    client.update(PHONE_ID, label="Sales", voicemail_greeting_url=None, inbound_ring_duration=15)
    assert server.bodies() == [
        {"label": "Sales", "voicemail_greeting_url": None, "inbound_ring_duration": 15}
    ]
    assert server.requests[0].method == "PUT"


def test_rent_sends_every_rent_field() -> None:
    """Every rent field given reaches the body in Close's names."""
    client, server = make_client(_renting)
    client.rent(
        "US",
        prefix="650",
        with_sms=True,
        with_mms=True,
        carrier_type="local",
        bundle_id="bundle_1",
        assign_to=["user_abc"],
        sharing="personal",
    )
    assert server.bodies() == [
        {
            "country": "US",
            "prefix": "650",
            "with_sms": True,
            "with_mms": True,
            "carrier_type": "local",
            "bundle_id": "bundle_1",
            "assign_to": ["user_abc"],
            "sharing": "personal",
        }
    ]


def test_a_tuple_is_sent_as_a_list() -> None:
    """A tuple of ids is a JSON array; it is checked item by item and sent as a list."""
    client, server = make_client(lambda request: httpx.Response(200, json=NUMBER))
    client.update(PHONE_ID, participants=("user_abc", "user_def"), label="x" * 255)
    assert server.bodies() == [{"participants": ["user_abc", "user_def"], "label": "x" * 255}]


def test_a_greeting_url_with_a_path_and_query_is_accepted() -> None:
    """The spec's pattern only pins the start: a full https URL of an MP3 goes through."""
    client, server = make_client(lambda request: httpx.Response(200, json=NUMBER))
    url = "https://greetings.example.com/front%20desk.mp3?v=2#t"
    client.update(PHONE_ID, voicemail_greeting_url=url)
    assert server.bodies() == [{"voicemail_greeting_url": url}]


REPORTED = [
    {"label": "x" * 256},
    {"voicemail_greeting_url": "https:// x"},
    {"voicemail_greeting_url": "https:///x"},
    {"participants": {"user_abc": 1}},
]


@pytest.mark.parametrize("changes", REPORTED, ids=lambda c: next(iter(c)))
def test_async_client_refuses_the_reported_input_before_sending(changes: dict[str, Any]) -> None:
    """The async client shares the checks: the same input is refused and nothing is sent."""

    async def run() -> tuple[str, int]:
        client, server = make_async_client(_never)
        with pytest.raises(InvalidRequestError) as caught:
            await client.update(PHONE_ID, **changes)
        return caught.value.field, len(server.requests)

    assert asyncio.run(run()) == (next(iter(changes)), 0)
