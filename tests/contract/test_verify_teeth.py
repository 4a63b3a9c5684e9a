"""`verify` fails on a broken spec, answer or fixture, naming the field.

And a Close double that does only what Close documents passes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
import yaml
from close_phone_emulator import Emulator

from tests.contract.test_verify import RecordingServer, verify

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "phone_numbers.yaml"
CLOSE_DOCS = ROOT / "contract_tests" / "fixtures" / "close_docs"
FAST = ["--examples", "2", "--rate", "500/s"]


def numbers_in(body: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(body.get("data"), list):
        return list(body["data"])
    return [body] if str(body.get("id")).startswith("phon_") else []


def each_number(change: Any) -> Any:
    def alter(body: dict[str, Any]) -> dict[str, Any]:
        for number in numbers_in(body):
            change(number)
        return body

    return alter


def run_against(
    alter: Any, monkeypatch: pytest.MonkeyPatch, *extra: str, documented: bool = False
) -> tuple[int, str]:
    server = RecordingServer(Emulator(), alter)
    if documented:
        server = DocumentedClose(server)
    with server:
        key = server.emulator.api_key_with_permission
        return verify(["--base-url", server.base_url, *FAST, *extra], key, monkeypatch)


class DocumentedClose(RecordingServer):
    """A Close double that does only what Close documents: an empty id filter is no error."""

    def __init__(self, inner: RecordingServer) -> None:
        super().__init__(inner.emulator, inner.alter)
        inner._sock.close()

    async def _app(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            query = parse_qsl(scope["query_string"].decode(), keep_blank_values=True)
            kept = [(k, v) for k, v in query if v or k not in ("user_id", "participant_user_id")]
            scope = {**scope, "query_string": urlencode(kept).encode()}
        await super()._app(scope, receive, send)


def broken_spec(tmp_path: Path, mutate: Any) -> str:
    spec = yaml.safe_load(SPEC.read_text())
    mutate(spec)
    path = tmp_path / "phone_numbers.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return str(path)


def test_a_field_whose_type_changed_in_the_spec_fails_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`is_premium` declared a string: the emulator's booleans fail, naming the field."""

    def wrong_type(spec: dict[str, Any]) -> None:
        fields = spec["components"]["schemas"]["PhoneNumberFields"]["properties"]
        fields["is_premium"]["type"] = "string"

    spec = broken_spec(tmp_path, wrong_type)
    code, output = run_against(None, monkeypatch, "--spec", spec)
    assert code == 1, output[-2000:]
    assert "response_schema_conformance (contract) at $.data[0].is_premium" in output
    assert "expected type 'string', got False" in output


def test_a_missing_status_code_in_the_spec_fails_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dropping the 201 of a rent makes the emulator's 201 undocumented."""

    def missing_status(spec: dict[str, Any]) -> None:
        del spec["paths"]["/phone_number/request/internal/"]["post"]["responses"]["201"]

    spec = broken_spec(tmp_path, missing_status)
    number_id = Emulator().numbers()[0]["id"]
    code, output = run_against(
        None, monkeypatch, "--spec", spec, "--allow-rent", "--max-rents", "1",
        "--allow-update", number_id,
    )  # fmt: skip
    assert code == 1, output[-2000:]
    assert "rentPhoneNumber status_code_conformance (contract) at status" in output
    assert "201, which it does not document" in output


def test_an_answer_missing_a_required_field_fails_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server whose numbers lack `organization_id`: red, naming the JSON path and a curl."""
    code, output = run_against(each_number(lambda n: n.pop("organization_id", None)), monkeypatch)
    assert code == 1, output[-2000:]
    assert "at $.organization_id: expected a required field, got missing" in output
    # One line per field and check, not one per number of the page.
    listed = [line for line in output.splitlines() if "FAIL listPhoneNumbers" in line]
    assert len(listed) == 1, listed
    assert "at $.data[0].organization_id" in listed[0]
    assert 'reproduce: curl -sS -X GET -u "$CLOSE_API_KEY:" \'http://127.0.0.1:' in output


def test_an_impossible_date_fails_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    """30 February passes the pattern; the calendar check names the field."""

    def impossible(number: dict[str, Any]) -> None:
        number["date_created"] = "2026-02-30T10:00:00+00:00"

    code, output = run_against(each_number(impossible), monkeypatch)
    assert code == 1, output[-2000:]
    assert "calendar_dates (contract) at $.date_created" in output


def test_a_number_without_is_verified_fails_on_that_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Close documents `is_verified` as required: its absence is the failure reported."""
    code, output = run_against(each_number(lambda n: n.pop("is_verified", None)), monkeypatch)
    assert code == 1, output[-2000:]
    failures = [line for line in output.splitlines() if line.startswith("FAIL")]
    assert failures
    assert all("is_verified" in line for line in failures), failures


def test_a_close_that_behaves_as_documented_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """`user_id=` answered with 200, optional fields left out: verified, at most warnings."""

    def sparse(number: dict[str, Any]) -> None:
        for name in ("participants", "phone_numbers", "phone_numbers_formatted", "was_ported"):
            number.pop(name, None)

    code, output = run_against(each_number(sparse), monkeypatch, documented=True)
    assert code == 0, output[-3000:]
    assert "verified: 3 operations" in output  # read-only: the GET operations


def test_a_corrupted_fixture_fails_verify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A published example with a number that is no string fails, naming file and field."""
    shutil.copytree(CLOSE_DOCS, tmp_path / "close_docs")
    target = tmp_path / "close_docs" / "getPhoneNumber.200.json"
    data = json.loads(target.read_text())
    data["response"]["body"]["number"] = 16503335555
    target.write_text(json.dumps(data))
    (tmp_path / "close_docs" / "broken.json").write_text("{not json")
    code, output = verify(["--fixtures", str(tmp_path)], None, monkeypatch)
    assert code == 1, output[-2000:]
    assert "getPhoneNumber response_schema_conformance (contract) at $.number" in output
    assert "from: fixture close_docs/getPhoneNumber.200.json" in output
    assert "fixture_format" in output
    assert "not JSON" in output


def test_the_published_examples_verify_as_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Close's own examples, as a fixture folder, are verified."""
    code, output = verify(["--fixtures", str(CLOSE_DOCS)], None, monkeypatch)
    assert code == 0, output[-2000:]
    assert "verified: 6 operations, 6 cases, 0 failures" in output


def test_an_observed_constraint_warns_against_a_server_and_fails_when_strict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A ring duration of 5 in an answer (15-90 is documented for updates only)."""

    def short_ring(number: dict[str, Any]) -> None:
        number["inbound_ring_duration"] = 5

    code, output = run_against(each_number(short_ring), monkeypatch)
    assert code == 0, output[-2000:]
    assert "WARN getPhoneNumber response_schema_conformance (observed constraint) at " in output
    assert "$.inbound_ring_duration: expected minimum 15, got 5" in output
    code, output = run_against(each_number(short_ring), monkeypatch, "--observed", "strict")
    assert code == 1, output[-2000:]
    assert "FAIL getPhoneNumber response_schema_conformance (observed constraint)" in output
