"""`verify --compare`: the emulator against itself, and against deliberately altered ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from close_phone_contract._cli import build_parser, run
from close_phone_emulator import Emulator

from ._altered import AlteredEmulator, Answer


def compare(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`verify` with these options, in this process: its exit status and its output."""
    monkeypatch.setenv("CLOSE_API_KEY", Emulator().api_key_with_permission)
    monkeypatch.delenv("CLOSE_COMPARE_API_KEY", raising=False)
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(args), out, err)
    return code, out.getvalue() + err.getvalue()


def test_the_emulator_compared_with_itself_differs_nowhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`close-phone-numbers verify --compare emulator`: every step the same, exit 0."""
    from close_phone_numbers.cli import main

    monkeypatch.setenv("CLOSE_API_KEY", Emulator().api_key_with_permission)
    out, err = io.StringIO(), io.StringIO()
    code = main(["verify", "--compare", "emulator"], out, stderr=err)
    assert code == 0, out.getvalue() + err.getvalue()
    assert "list (listPhoneNumbers, 200): same" in out.getvalue()
    assert "get-missing (getPhoneNumber, 404): same" in out.getvalue()
    assert "same: 6 steps, no difference" in out.getvalue()


def _lists_without_ratelimit_and_numbers_as_integers(answer: Answer) -> None:
    if answer.method == "GET" and answer.status == 200 and "data" in answer.body:
        del answer.headers["ratelimit"]
        for number in answer.body["data"]:
            if "number" in number:
                number["number"] = 14155550100


def test_a_missing_header_and_a_field_of_another_type_are_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lists without RateLimit and with integer numbers: both named, exit 1."""
    with AlteredEmulator(_lists_without_ratelimit_and_numbers_as_integers) as other:
        code, output = compare(["--compare", other.base_url], monkeypatch)
    assert code == 1, output
    assert "DIFF list (listPhoneNumbers) header RateLimit: A present, B missing" in output
    assert "DIFF list (listPhoneNumbers) shape $.data[].number: A string, B integer" in output
    assert (
        "DIFF list-fields (listPhoneNumbers) shape $.data[].number: A string, B integer" in output
    )
    assert "get (getPhoneNumber, 200): same" in output
    assert "DIFFERENT: 4 differences in 2 of 6 steps" in output


def _refuse_rents(answer: Answer) -> None:
    if answer.method == "POST" and answer.path.endswith("/request/internal/"):
        answer.status = 403
        answer.body = {"error": "You are not allowed to rent numbers."}


def test_a_refused_rent_is_named_by_its_status(monkeypatch: pytest.MonkeyPatch) -> None:
    """Renting allowed on both: the other refuses with 403; the status and the release differ."""
    with AlteredEmulator(_refuse_rents) as other:
        args = ["--compare", other.base_url, "--allow-rent", "--max-rents", "1"]
        code, output = compare(args, monkeypatch)
    assert code == 1, output
    assert "DIFF rent-1 (rentPhoneNumber) status: A 201, B 403" in output
    assert "DIFF release-1 (deletePhoneNumber) step: A ran, B did not run" in output
    assert "DIFFERENT: 2 differences in 2 of 8 steps" in output


def test_a_key_missing_from_one_side_is_named_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole object gone from the answers: its key is named, not every key below it."""

    def drop_country(answer: Answer) -> None:
        if answer.method == "GET" and answer.status == 200 and isinstance(answer.body, dict):
            answer.body.pop("country", None)

    with AlteredEmulator(drop_country) as other:
        code, output = compare(["--compare", other.base_url], monkeypatch)
    assert code == 1, output
    assert "DIFF get (getPhoneNumber) shape $.country: A string, B absent" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--compare", "emulator", "--fixtures", "."], "compares servers, not recorded fixtures"),
        (["--compare", "staging"], "--compare takes 'emulator' or an http(s):// API root"),
        (["--compare", "emulator", "--junit", "x.xml"], "writes no --junit or --report"),
    ],
)
def test_compare_refuses_what_it_cannot_do(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Nothing compared, exit 2, saying why."""
    monkeypatch.chdir(tmp_path)
    code, output = compare(args, monkeypatch)
    assert code == 2
    assert message in output
