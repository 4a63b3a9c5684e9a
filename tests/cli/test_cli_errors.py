"""Every failure is one line with a distinct exit code, and the key never shows."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from close_phone_emulator import Emulator

from ._run import Recorder, Run, fake_server, run_cli

KEY = "api_secretKey0123456789"
FAKE_ENV = {"CLOSE_API_KEY": KEY, "CLOSE_BASE_URL": "https://close.test/api/v1"}
FIXTURES = Path(__file__).parents[2] / "contract_tests" / "fixtures" / "close_docs"


def published(name: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())["response"]["body"]
    return body


PHON = "phon_8ZcQ3Lq1f0XkWmR2yV7tB4nD6hJ9sA5eG1uP3oK0iTr"


def answering(
    status: int, body: object, headers: dict[str, str] | None = None
) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers=headers)

    return fake_server(handler)


def run_against(transport: httpx.BaseTransport, *argv: str) -> tuple[int, str]:
    result = run_cli(list(argv), transport=transport, env=FAKE_ENV)
    assert result.out == ""
    return result.code, result.err


@pytest.mark.parametrize(
    ("status", "body", "code", "name"),
    [
        pytest.param(
            401, {"error": "Authentication is required."}, 3, "AuthenticationError", id="401"
        ),
        pytest.param(403, {"error": "Needs a permission."}, 3, "PermissionDeniedError", id="403"),
        pytest.param(404, {"error": "Phone number not found."}, 4, "NotFoundError", id="404"),
        pytest.param(402, {"error": "Not in your plan."}, 9, "PaymentRequiredError", id="402"),
        pytest.param(
            400, {"errors": [], "field-errors": {"_fields": "Bad."}}, 2, "BadRequestError", id="400"
        ),
        pytest.param(500, {"error": "An internal error occurred."}, 1, "ServerError", id="500"),
    ],
)
def test_status_errors_are_one_line_with_their_code(
    status: int, body: object, code: int, name: str
) -> None:
    """Each status maps to its class name, Close's message, a hint, and its own exit code."""
    exit_code, err = run_against(answering(status, body), "get", PHON, "--max-retries", "0")
    assert exit_code == code
    assert err.count("\n") == 1
    assert err.startswith(f"close-phone-numbers: {name}: ")
    assert "Traceback" not in err


def test_rate_limit_after_retries_exits_5_with_the_wait() -> None:
    """A 429 that outlasts the retries exits 5 and says how long to wait."""
    transport = answering(
        429,
        {"error": "API call count exceeded"},
        {"Retry-After": "7", "RateLimit": "limit=60, remaining=0, reset=7"},
    )
    exit_code, err = run_against(transport, "list", "--max-retries", "0")
    assert exit_code == 5
    assert "RateLimitError" in err
    assert "try again in 7 s" in err


def test_unreachable_server_exits_8() -> None:
    """A refused connection is APIConnectionError, exit 8, pointing at CLOSE_BASE_URL."""

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    exit_code, err = run_against(fake_server(refuse), "list", "--max-retries", "0")
    assert exit_code == 8
    assert "CLOSE_BASE_URL" in err


def test_missing_key_exits_3_before_any_request() -> None:
    """Without CLOSE_API_KEY or --api-key nothing is sent and the line says where to set it."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": [], "has_more": False})

    result = run_cli(["list"], transport=fake_server(handler), env={})
    assert result.code == 3
    assert "CLOSE_API_KEY" in result.err
    assert seen == []


def test_api_key_flag_works_and_warns() -> None:
    """--api-key is used for Basic auth and a warning says the env variable is safer."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": [], "has_more": False})

    result = run_cli(
        ["list", "--api-key", KEY, "--base-url", "https://close.test/api/v1"],
        transport=fake_server(handler),
        env={},
    )
    assert result.code == 0, result.err
    assert seen[0].headers["authorization"] == httpx.BasicAuth(KEY, "")._auth_header
    assert "process list" in result.err
    assert KEY not in result.err


def test_key_echoed_by_a_server_is_blanked() -> None:
    """Even when a server puts the key in its error message, the output never shows it."""

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": f"Unknown key {KEY}"})

    for debug in ([], ["--debug"]):
        result = run_cli(["list", *debug], transport=fake_server(echo), env=FAKE_ENV)
        assert result.code == 3
        assert KEY not in result.err + result.out
        assert "[redacted]" in result.err


def test_debug_adds_the_traceback() -> None:
    """--debug prints the traceback before the one line; without it there is none."""
    transport = answering(404, {"error": "Phone number not found."})
    plain = run_cli(["get", PHON], transport=transport, env=FAKE_ENV)
    debug = run_cli(["get", PHON, "--debug"], transport=transport, env=FAKE_ENV)
    assert "Traceback" not in plain.err
    assert "Traceback (most recent call last)" in debug.err
    assert debug.err.rstrip().splitlines()[-1] == plain.err.rstrip()
    assert debug.code == plain.code == 4


def test_rent_outcome_unknown_exits_7_and_says_to_check() -> None:
    """A 500 to a rent with no new number afterwards exits 7 and says not to rent again blindly."""
    posts: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            posts.append(request)
            return httpx.Response(500, json={"error": "An internal error occurred."})
        return httpx.Response(200, json={"data": [], "has_more": False})

    result = run_cli(["rent", "US", "--yes"], transport=fake_server(handler), env=FAKE_ENV)
    assert result.code == 7
    assert "RentOutcomeUnknownError" in result.err
    assert "close-phone-numbers list" in result.err
    assert len(posts) == 1
    assert result.sleeps, "the library waits for a late number before giving up"


def test_rent_outcome_unknown_names_the_candidates() -> None:
    """When two new numbers could be the rented one, the line names both."""

    def created_now(i: int) -> dict[str, Any]:
        return published("getPhoneNumber.200") | {
            "id": f"phon_new{i}",
            "number": f"+1650555014{i}",
            "type": "internal",
            "country": "US",
            "date_created": datetime.now(UTC).isoformat(),
            "participants": [],
        }

    posted: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            posted.append(request)
            return httpx.Response(503, json={"error": "Unavailable."})
        if request.url.path.endswith("/me/"):  # the caller owns both new numbers
            return httpx.Response(200, json={"id": published("getPhoneNumber.200")["user_id"]})
        if request.url.path.endswith(("/phon_new1/", "/phon_new2/")):
            return httpx.Response(200, json=created_now(int(request.url.path[-2])))
        # Before the rent the organization has no numbers; after it, two that could be it.
        data = [created_now(1), created_now(2)] if posted else []
        return httpx.Response(200, json={"data": data, "has_more": False})

    result = run_cli(["rent", "US", "--yes"], transport=fake_server(handler), env=FAKE_ENV)
    assert result.code == 7
    assert "+16505550141 (phon_new1), +16505550142 (phon_new2)" in result.err


# Rent refusals, from the emulator -----------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "http_status", "name"),
    [
        ("has-voice-only", 400, "HasVoiceOnlyError"),
        ("needs-more-info", 400, "NeedsMoreInfoError"),
        ("billing-error", 402, "BillingError"),
        ("number-blocked", 400, "RentError"),
    ],
)
def test_refused_rent_exits_6_and_shows_the_status(
    cli: Run, emulator: Emulator, status: str, http_status: int, name: str
) -> None:
    """Each refusal, a status Close may add later included, exits 6 naming its status."""
    emulator.set_rent_status(status, error="Refused for the test.", http_status=http_status)
    result = cli("rent", "US", "--yes")
    assert result.code == 6
    assert result.err.startswith(f"close-phone-numbers: {name}: ")
    assert status in result.err
    assert "Nothing was rented" in result.err


def test_voice_only_refusal_suggests_the_fallback_flag(cli: Run, emulator: Emulator) -> None:
    """has-voice-only names --fallback-to-voice-only, the flag that would have rented."""
    emulator.set_rent_status("has-voice-only", error="Voice only.", http_status=400)
    assert "--fallback-to-voice-only" in cli("rent", "US", "--yes").err


def test_fallback_to_voice_only_rents_without_sms(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """With --fallback-to-voice-only, has-voice-only is followed by one rent with with_sms false."""
    emulator.set_rent_status("has-voice-only", error="Voice only.", http_status=400, times=1)
    result = cli("rent", "US", "--fallback-to-voice-only", "--yes", "--json")
    assert result.code == 0, result.err
    bodies = [json.loads(r.content) for r in recorder.sent("POST")]
    assert bodies == [{"country": "US"}, {"country": "US", "with_sms": False}]


def test_wrong_key_against_the_emulator_exits_3(cli: Run, emulator: Emulator) -> None:
    """A key the emulator does not know is an AuthenticationError, exit 3."""
    result = cli("list", env_={"CLOSE_API_KEY": "api_nope", "CLOSE_BASE_URL": emulator.base_url})
    assert result.code == 3
    assert "AuthenticationError" in result.err
    assert "api_nope" not in result.err


# Rent safety, logging and interruption ------------------------------------------------------


def test_rent_answered_500_after_renting_returns_the_number_once(
    cli: Run, recorder: Recorder, emulator: Emulator
) -> None:
    """A rent that ran but was answered 500 is found, not sent again, and the user is told."""
    emulator.faults.add("rentPhoneNumber", "status", status=500, after=True, times=1)
    result = cli("rent", "US", "--prefix", "650", "--yes", "--json")
    assert result.code == 0, result.err
    assert len(recorder.sent("POST")) == 1
    rented = json.loads(result.out)
    assert f"warning: the unclear rent did rent {rented['id']}" in result.err


def test_debug_shows_retries_and_plain_runs_do_not() -> None:
    """--debug logs each retry of the library on stderr; without it the retry is silent."""
    answers = iter([503, 200, 503, 200])
    fixture = published("getPhoneNumber.200")

    def flaky(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        body = fixture if status == 200 else {"error": "Unavailable."}
        return httpx.Response(status, json=body)

    transport = fake_server(flaky)
    plain = run_cli(["get", PHON], transport=transport, env=FAKE_ENV)
    debug = run_cli(["get", PHON, "--debug"], transport=transport, env=FAKE_ENV)
    assert plain.code == debug.code == 0
    assert plain.err == ""
    assert "info: getPhoneNumber failed" in debug.err
    assert "retry 1 of" in debug.err
    assert len(plain.sleeps) == len(debug.sleeps) == 1


def test_ctrl_c_exits_130_with_one_line() -> None:
    """An interrupt is exit 130 and one line that warns a rent in flight may have happened."""

    def interrupted(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    result = run_cli(["rent", "US", "--yes"], transport=fake_server(interrupted), env=FAKE_ENV)
    assert result.code == 130
    assert result.err == (
        "close-phone-numbers: KeyboardInterrupt: stopped by Ctrl-C. A rent in flight may "
        "still have happened: check with `close-phone-numbers list`.\n"
    )


def test_list_limit_stops_fetching_pages() -> None:
    """--limit 3 with pages of 2 fetches two pages of an endless list, not more."""
    pages: list[httpx.Request] = []
    number = published("getPhoneNumber.200")

    def endless(request: httpx.Request) -> httpx.Response:
        pages.append(request)
        skip = int(request.url.params.get("_skip", "0"))
        data = [number | {"id": f"phon_n{skip + i}"} for i in range(2)]
        return httpx.Response(200, json={"data": data, "has_more": True})

    result = run_cli(
        ["list", "--limit", "3", "--page-size", "2", "--json"],
        transport=fake_server(endless),
        env=FAKE_ENV,
    )
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == 3
    assert len(pages) == 2


def test_fields_close_adds_later_reach_the_json() -> None:
    """A field the spec does not know yet is printed by get --json, not dropped."""
    body = published("getPhoneNumber.200") | {"spam_score": 0.2}
    result = run_cli(["get", PHON, "--json"], transport=answering(200, body), env=FAKE_ENV)
    assert result.code == 0, result.err
    assert json.loads(result.out)["spam_score"] == 0.2


def test_plain_http_to_a_remote_host_is_refused_before_sending() -> None:
    """A key is never sent over plain http beyond loopback: exit 2 and nothing sent."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": [], "has_more": False})

    env = {"CLOSE_API_KEY": KEY, "CLOSE_BASE_URL": "http://close.example.com/api/v1"}
    result = run_cli(["list"], transport=fake_server(handler), env=env)
    assert result.code == 2
    assert "https" in result.err
    assert "fix CLOSE_BASE_URL (or --base-url)" in result.err
    assert seen == []


def test_version_prints_the_version() -> None:
    """--version prints the program name and the package version."""
    from close_phone_numbers import __version__

    result = run_cli(["--version"], transport=answering(500, {}), env={})
    assert result.code == 0
    assert result.out.strip() == f"close-phone-numbers {__version__}"
