"""list, get, update, delete and rent against the in-process emulator."""

from __future__ import annotations

import io
import json

import httpx
import pytest
from close_phone_emulator import Emulator
from close_phone_numbers.cli import main

from ._run import Recorder, Run


def alice_numbers(emulator: Emulator) -> list[dict[str, object]]:
    key = emulator.api_key_with_permission
    orga = next(u.organization_id for u in emulator.users if u.api_key == key)
    return list(emulator.numbers(organization_id=orga))


def first_id(emulator: Emulator) -> str:
    return str(alice_numbers(emulator)[0]["id"])


# list ---------------------------------------------------------------------------------------


def test_list_prints_a_table_with_one_row_per_number(cli: Run, emulator: Emulator) -> None:
    """The default output is a header and one aligned row per number of the organization."""
    result = cli("list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split()[:3] == ["ID", "NUMBER", "LABEL"]
    numbers = alice_numbers(emulator)
    assert len(lines) == 1 + len(numbers)
    for number in numbers:
        assert any(line.startswith(str(number["id"])) for line in lines[1:])


def test_list_json_is_an_array_of_whole_numbers(cli: Run, emulator: Emulator) -> None:
    """--json prints one parseable array holding every field Close sent."""
    result = cli("list", "--json")
    assert result.code == 0, result.err
    parsed = json.loads(result.out)
    assert {n["id"] for n in parsed} == {n["id"] for n in alice_numbers(emulator)}
    assert all("number_formatted" in n for n in parsed)


def test_list_fields_limit_the_columns_and_the_json(cli: Run) -> None:
    """--fields is sent as _fields and the output holds only those fields."""
    table = cli("list", "--fields", "id,number")
    assert table.out.splitlines()[0].split() == ["ID", "NUMBER"]
    parsed = json.loads(cli("list", "--fields", "id,number", "--json").out)
    assert parsed
    assert all(set(n) == {"id", "number"} for n in parsed)


def test_list_limit_stops_early(cli: Run, emulator: Emulator) -> None:
    """--limit 1 prints one number even when the organization has more."""
    assert len(alice_numbers(emulator)) > 1
    parsed = json.loads(cli("list", "--limit", "1", "--json").out)
    assert len(parsed) == 1


def test_list_filters_by_number(cli: Run, emulator: Emulator) -> None:
    """--number finds exactly that number."""
    wanted = alice_numbers(emulator)[0]
    parsed = json.loads(cli("list", "--number", str(wanted["number"]), "--json").out)
    assert [n["id"] for n in parsed] == [wanted["id"]]


def test_list_with_no_match_says_so(cli: Run) -> None:
    """An empty result is a sentence for people and an empty array for machines."""
    result = cli("list", "--number", "+19999999999")
    assert result.code == 0
    assert result.out == ""
    assert "No phone numbers match" in result.err
    assert json.loads(cli("list", "--number", "+19999999999", "--json").out) == []


# get ----------------------------------------------------------------------------------------


def test_get_shows_every_field(cli: Run, emulator: Emulator) -> None:
    """get prints one `name  value` line per field, id first."""
    number = alice_numbers(emulator)[0]
    result = cli("get", str(number["id"]))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["id", str(number["id"])]
    assert {line.split()[0] for line in lines} >= {"number", "label", "sms_enabled"}


def test_get_unknown_id_exits_not_found(cli: Run) -> None:
    """A 404 is one line naming NotFoundError and exit code 4."""
    result = cli("get", "phon_doesNotExist0000")
    assert result.code == 4
    assert result.err.startswith("close-phone-numbers: NotFoundError: ")
    assert "close-phone-numbers list" in result.err
    assert "Traceback" not in result.err


# update -------------------------------------------------------------------------------------


def test_update_sends_only_the_flags_given(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """--label and --forward-to become a PUT body with exactly those fields."""
    phon = first_id(emulator)
    result = cli("update", phon, "--label", "Sales", "--forward-to", "+16505550199", "--json")
    assert result.code == 0, result.err
    (put,) = recorder.sent("PUT")
    assert json.loads(put.content) == {"label": "Sales", "forward_to": "+16505550199"}
    assert json.loads(result.out)["label"] == "Sales"


def test_update_booleans_have_on_and_off_flags(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """--no-forward-to-enabled sends false and --press-1-to-accept sends true."""
    phon = first_id(emulator)
    cli("update", phon, "--no-forward-to-enabled", "--press-1-to-accept")
    (put,) = recorder.sent("PUT")
    assert json.loads(put.content) == {"forward_to_enabled": False, "press_1_to_accept": True}


def test_update_clear_voicemail_greeting_sends_null(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """--clear-voicemail-greeting sends voicemail_greeting_url: null."""
    phon = first_id(emulator)
    result = cli("update", phon, "--clear-voicemail-greeting")
    assert result.code == 0, result.err
    (put,) = recorder.sent("PUT")
    assert json.loads(put.content) == {"voicemail_greeting_url": None}


def test_update_empty_list_flag_sends_an_empty_list(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """--phone-numbers '' removes every outside number."""
    phon = first_id(emulator)
    cli("update", phon, "--phone-numbers", "")
    (put,) = recorder.sent("PUT")
    assert json.loads(put.content) == {"phone_numbers": []}


def test_update_with_a_bad_number_sends_nothing(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """A forward_to that is not E.164 is refused before any request, with exit code 2."""
    phon = first_id(emulator)
    result = cli("update", phon, "--forward-to", "650-555-0199")
    assert result.code == 2
    assert result.err.startswith("close-phone-numbers: InvalidRequestError: forward_to")
    assert "'+16505550100'. Nothing was sent; fix --forward-to and run again." in result.err
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--inbound-ring-duration", "5"], "--inbound-ring-duration"),
        (["--voicemail-greeting-url", "http://a.example/g.mp3"], "--voicemail-greeting-url"),
        (["--participants", "user_ok,bob"], "--participants"),
    ],
)
def test_bad_update_values_name_their_flag(
    cli: Run, recorder: Recorder, emulator: Emulator, argv: list[str], flag: str
) -> None:
    """Each value the library refuses is reported with the flag to fix, and nothing is sent."""
    result = cli("update", first_id(emulator), *argv)
    assert result.code == 2
    assert f"fix {flag} and run again" in result.err
    assert recorder.requests == []


def test_update_without_a_field_is_a_usage_error(cli: Run, recorder: Recorder) -> None:
    """An update with no field flag exits 2 and lists the flags."""
    result = cli("update", "phon_x")
    assert result.code == 2
    assert "--label" in result.err
    assert recorder.requests == []


def test_update_greeting_and_clear_together_is_refused(cli: Run, recorder: Recorder) -> None:
    """Setting and clearing the greeting at once is a contradiction, refused locally."""
    result = cli(
        "update",
        "phon_x",
        "--voicemail-greeting-url",
        "https://a.example/g.mp3",
        "--clear-voicemail-greeting",
    )
    assert result.code == 2
    assert recorder.requests == []


# delete -------------------------------------------------------------------------------------


def test_delete_with_yes_deletes(cli: Run, emulator: Emulator) -> None:
    """--yes deletes without asking and says what went."""
    phon = first_id(emulator)
    result = cli("delete", phon, "--yes")
    assert result.code == 0, result.err
    assert result.out == f"Deleted {phon}.\n"
    assert phon not in {n["id"] for n in alice_numbers(emulator)}


def test_delete_asks_and_names_the_number(cli: Run, emulator: Emulator) -> None:
    """At a terminal, delete shows the number and deletes on `y`."""
    number = alice_numbers(emulator)[0]
    result = cli("delete", str(number["id"]), answer="y\n")
    assert result.code == 0, result.err
    assert str(number["number_formatted"]) in result.err
    assert "[y/N]" in result.err
    assert number["id"] not in {n["id"] for n in alice_numbers(emulator)}


def test_delete_declined_keeps_the_number(cli: Run, recorder: Recorder, emulator: Emulator) -> None:
    """Any answer but yes keeps the number and exits 10."""
    phon = first_id(emulator)
    result = cli("delete", phon, answer="\n")
    assert result.code == 10
    assert "not confirmed" in result.err
    assert recorder.sent("DELETE") == []
    assert phon in {n["id"] for n in alice_numbers(emulator)}


def test_delete_without_a_terminal_needs_yes(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """With no terminal and no --yes, nothing is sent and the message names --yes."""
    result = cli("delete", first_id(emulator))
    assert result.code == 10
    assert "--yes" in result.err
    assert recorder.requests == []


# rent ---------------------------------------------------------------------------------------


def test_rent_with_yes_rents_one_number(cli: Run, recorder: Recorder, emulator: Emulator) -> None:
    """--yes rents, prints the new number as JSON, and sends one POST with the flags."""
    before = len(alice_numbers(emulator))
    result = cli("rent", "US", "--prefix", "650", "--carrier-type", "local", "--yes", "--json")
    assert result.code == 0, result.err
    rented = json.loads(result.out)
    assert rented["number"].startswith("+1650")
    assert len(alice_numbers(emulator)) == before + 1
    (post,) = recorder.sent("POST")
    assert json.loads(post.content) == {"country": "US", "prefix": "650", "carrier_type": "local"}


def test_rent_states_the_cost_and_rents_on_yes(cli: Run, emulator: Emulator) -> None:
    """At a terminal, rent says it costs money, names what it rents, and rents on `yes`."""
    before = len(alice_numbers(emulator))
    result = cli("rent", "US", "--prefix", "650", answer="yes\n")
    assert result.code == 0, result.err
    assert "costs money" in result.err
    assert "in US with prefix 650" in result.err
    assert "Rented +1" in result.err
    assert len(alice_numbers(emulator)) == before + 1


def test_rent_declined_sends_nothing(cli: Run, recorder: Recorder) -> None:
    """Answering no rents nothing and exits 10."""
    result = cli("rent", "US", answer="n\n")
    assert result.code == 10
    assert "Nothing was rented: not confirmed" in result.err
    assert recorder.sent("POST") == []


def test_rent_prompt_quotes_what_the_organization_pays(cli: Run, emulator: Emulator) -> None:
    """The prompt names the last billed price of the organization's numbers in that country."""
    prices = {
        n["last_billed_price"]
        for n in alice_numbers(emulator)
        if n["country"] == "US" and n["last_billed_price"] is not None
    }
    assert len(prices) == 1
    result = cli("rent", "us", answer="n\n")
    assert f"your numbers in US were last billed {prices.pop():.2f} each" in result.err


def test_rent_prompt_without_a_known_price_says_so(cli: Run) -> None:
    """For a country the organization has no number in, the prompt says no price is quoted."""
    result = cli("rent", "CA", answer="n\n")
    assert "Close does not quote the price before renting." in result.err


def test_rent_without_a_terminal_fails_safe(cli: Run, recorder: Recorder) -> None:
    """In a pipe or CI job without --yes, nothing is rented and the message says how to confirm."""
    result = cli("rent", "US")
    assert result.code == 10
    assert "stdin is not a terminal" in result.err
    assert "--yes" in result.err
    assert recorder.requests == []


def test_rent_with_a_bad_country_sends_nothing(cli: Run, recorder: Recorder) -> None:
    """A country that is not two letters is bad input, exit 2, before any request."""
    result = cli("rent", "USA", "--yes")
    assert result.code == 2
    assert "country" in result.err
    assert recorder.requests == []


# Flags reach the request, and what Close sends reaches the output ---------------------------


def test_list_is_group_number_filter(cli: Run, recorder: Recorder, emulator: Emulator) -> None:
    """--is-group-number true is sent as a filter and only group numbers come back."""
    parsed = json.loads(cli("list", "--is-group-number", "true", "--json").out)
    groups = [n["id"] for n in alice_numbers(emulator) if n["is_group_number"]]
    assert groups
    assert {n["id"] for n in parsed} == set(groups)
    (get,) = recorder.sent("GET")
    assert get.url.params["is_group_number"] == "true"


def test_get_fields_prints_only_those(cli: Run, emulator: Emulator) -> None:
    """get --fields number,label shows those fields (and the id Close always adds)."""
    result = cli("get", first_id(emulator), "--fields", "number,label", "--json")
    assert result.code == 0, result.err
    assert set(json.loads(result.out)) <= {"id", "number", "label"}
    assert {"number", "label"} <= set(json.loads(result.out))


def test_rent_sends_every_rent_field(cli: Run, recorder: Recorder, emulator: Emulator) -> None:
    """Each rent flag becomes its field in the POST body, spelled as Close spells it."""
    alice = next(u for u in emulator.users if u.api_key == emulator.api_key_with_permission)
    result = cli(
        "rent", "us", "--prefix", "415", "--with-sms", "--with-mms", "--carrier-type", "local",
        "--assign-to", alice.id, "--sharing", "personal", "--yes",
    )  # fmt: skip
    assert result.code == 0, result.err
    (post,) = recorder.sent("POST")
    assert json.loads(post.content) == {
        "country": "US",
        "prefix": "415",
        "with_sms": True,
        "with_mms": True,
        "carrier_type": "local",
        "assign_to": [alice.id],
        "sharing": "personal",
    }


class ClosedPipe(io.StringIO):
    """A stdout whose reader went away after the first line, like `| head -1`."""

    def write(self, text: str) -> int:
        if "\n" in self.getvalue():
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


def test_a_closed_pipe_ends_quietly(recorder: Recorder, env: dict[str, str]) -> None:
    """When the reader of stdout stops early, the command exits 0 without an error line."""
    stdout, stderr = ClosedPipe(), io.StringIO()
    with httpx.Client(transport=recorder) as client:
        code = main(
            ["list"], stdout, stdin=io.StringIO(), stderr=stderr, env=env, http_client=client
        )
    assert code == 0
    assert stderr.getvalue() == ""
    assert stdout.getvalue().startswith("ID ")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["list", "--page-size", "500"], "fix --page-size and run again"),
        (["list", "--limit", "0"], "--limit must be at least 1"),
        (["list", "--is-group-number", "maybe"], "expected true or false"),
        (["list", "--participant-user-id", "bob"], "fix --participant-user-id and run again"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_bad_list_input_exits_2_before_sending(
    cli: Run, recorder: Recorder, argv: list[str], expected: str
) -> None:
    """Out-of-range or malformed list options are refused locally with the fix named."""
    result = cli(*argv)
    assert result.code == 2
    assert expected in result.err
    assert recorder.requests == []
