"""The scrubber replaces secrets and personal data, and the writer refuses leaky files."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from close_phone_contract._exchange import Exchange, dump, load
from close_phone_contract._scrub import Scrubber, UnscrubbedSecret, find_secrets, write_fixtures

KEY = "api_5uPerSecretKey0123456789abcdef"
ALICE = "user_3xHq7LbN0cVt5RmW2sJ8kD4fG6pZ1aY9eU0oQ3iTnBc"
ACME = "orga_2PqW8eR5tY1uI7oP4aS0dF3gH6jK9lZ2xC5vB8nM1qW"


def number(e164: str, formatted: str, label: str = "Jane's cell") -> dict[str, object]:
    return {
        "id": "phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr",
        "organization_id": ACME,
        "user_id": ALICE,
        "participants": [ALICE],
        "number": e164,
        "number_formatted": formatted,
        "label": label,
        "voicemail_greeting_url": "https://s3.example.net/g.mp3?X-Amz-Signature=abc123",
    }


def exchange(body: object, **overrides: object) -> Exchange:
    fields: dict[str, object] = {
        "operation": "getPhoneNumber",
        "source": "test",
        "method": "GET",
        "path": "/phone_number/phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr/",
        "request_headers": {
            "Authorization": "Basic " + base64.b64encode(f"{KEY}:".encode()).decode(),
            "Accept": "application/json",
        },
        "response_headers": {"Content-Type": "application/json", "Set-Cookie": "s=1"},
        "response_body": body,
    }
    fields.update(overrides)
    return Exchange(**fields)  # type: ignore[arg-type]


def test_scrubbed_exchange_keeps_no_credential_header() -> None:
    """Authorization and cookies are dropped; Accept and Content-Type stay."""
    clean = Scrubber(secrets=(KEY,)).exchange(exchange(number("+14155551234", "+1 415-555-1234")))
    assert dict(clean.request_headers) == {"Accept": "application/json"}
    assert dict(clean.response_headers) == {"Content-Type": "application/json"}
    assert find_secrets(dump(clean), (KEY,)) == []


def test_real_numbers_become_fictional_ones_consistently() -> None:
    """The same real number maps to the same 555-01xx number, formatted alike."""
    scrubber = Scrubber()
    first = scrubber.exchange(exchange(number("+14155551234", "+1 415-555-1234")))
    second = scrubber.exchange(exchange({"data": [number("+14155551234", "+1 (415) 555-1234")]}))
    body = first.response_body
    assert body["number"] == "+14155550100"
    assert body["number_formatted"] == "+1 415-555-0100"
    assert second.response_body["data"][0]["number"] == "+14155550100"
    assert second.response_body["data"][0]["number_formatted"] == "+1 415-555-0100"
    other = scrubber.exchange(exchange(number("+14155559999", "+1 415-555-9999")))
    assert other.response_body["number"] == "+14155550101"


def test_numbers_outside_north_america_get_a_fictional_us_number() -> None:
    """A UK number still leaves no trace of itself."""
    clean = Scrubber().exchange(exchange(number("+442079460123", "+44 20 7946 0123")))
    assert clean.response_body["number"] == "+16505550100"
    assert "7946" not in dump(clean)


def test_ids_become_pseudonyms_that_are_stable_across_sessions() -> None:
    """User and organization ids are replaced the same way by two separate scrubbers."""
    one = Scrubber().exchange(exchange(number("+14155551234", "+1 415-555-1234")))
    two = Scrubber().exchange(exchange(number("+14155551234", "+1 415-555-1234")))
    user = one.response_body["user_id"]
    assert user.startswith("user_anon")
    assert user != ALICE
    assert one.response_body["participants"] == [user]
    assert two.response_body["user_id"] == user
    assert one.response_body["organization_id"].startswith("orga_anon")


def test_labels_and_signed_urls_are_replaced() -> None:
    """Labels may name people and greeting URLs may be signed: neither is kept."""
    clean = Scrubber().exchange(exchange(number("+14155551234", "+1 415-555-1234")))
    assert clean.response_body["label"] == "Label 1"
    assert clean.response_body["voicemail_greeting_url"] == (
        "https://greetings.example.com/greeting-1.mp3"
    )


def test_the_key_echoed_in_a_message_is_removed() -> None:
    """A server echoing the key in an error body does not leak it into the fixture."""
    clean = Scrubber(secrets=(KEY,)).exchange(exchange({"error": f"bad key {KEY}"}, status=401))
    assert KEY not in dump(clean)


def test_the_writer_refuses_an_unscrubbed_exchange(tmp_path: Path) -> None:
    """A raw exchange is refused, and none of the batch is written."""
    target = tmp_path / "out"
    raw = exchange(number("+14155551234", "+1 415-555-1234"))
    clean = Scrubber(secrets=(KEY,)).exchange(raw)
    with pytest.raises(UnscrubbedSecret, match="Authorization") as caught:
        write_fixtures({target / "a.json": clean, target / "b.json": raw}, (KEY,))
    assert KEY not in str(caught.value)
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ('{"error": "api_0123456789abcdefABCDEF"}', "Close API key"),
        ('{"x": "Bearer abcdefgh12345678"}', "Bearer"),
        ('{"number": "+14155551234"}', "fictional"),
        ('{"n": "+1 415-555-1234"}', "fictional"),
        ('{"user_id": "user_3xHq7LbN0cVt5RmW2sJ8kD4f"}', "pseudonym"),
        ('{"u": "https://x.example/g.mp3?sig=1"}', "query string"),
    ],
)
def test_the_leak_detector_names_what_remains(text: str, what: str) -> None:
    """Each kind of leftover secret is found, and named without its value."""
    found = find_secrets(text)
    assert any(what in item for item in found), found


def test_a_scrubbed_recording_round_trips_through_the_fixture_format(tmp_path: Path) -> None:
    """What the writer writes is a valid fixture again."""
    clean = Scrubber(secrets=(KEY,)).exchange(exchange(number("+14155551234", "+1 415-555-1234")))
    write_fixtures({tmp_path / "f.json": clean}, (KEY,))
    assert load(tmp_path / "f.json") == clean


def test_the_key_stays_out_of_reprs() -> None:
    """Neither the scrubber nor a verification target shows the key it holds."""
    from close_phone_contract._runner import Target
    from close_phone_contract._session import SessionOptions

    target = Target(
        description="Close",
        base_url="https://api.close.com/api/v1",
        api_key=KEY,
        session=SessionOptions(),
        generate_writes=False,
        strict_observed=False,
        examples=1,
    )
    assert KEY not in repr(Scrubber(secrets=(KEY,)))
    assert KEY not in repr(target)
