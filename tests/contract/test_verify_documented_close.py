"""`verify` against Close doubles: what Close leaves open never fails, broken promises do.

Each double is the emulator behind a loopback server that rewrites requests or answers:
one that differs from the emulator only where Close documents nothing must pass (the
observed constraints at most warn); one that breaks what Close documents must fail with
exit status 1, naming operation, check and JSON path, without a traceback.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest
from close_phone_contract import Exchange, Spec, Validator
from close_phone_contract._session import Recorder, SessionOptions, run_session
from close_phone_emulator import Emulator

from tests.contract.test_verify import RecordingServer, verify

FAST = ["--examples", "2", "--rate", "500/s"]
Answer = Callable[[dict[str, Any], int, bytes], tuple[int, dict[str, str], bytes] | None]
Query = Callable[[list[tuple[str, str]]], list[tuple[str, str]]]


class Double(RecordingServer):
    """The emulator; `query` rewrites each query string, `answer` may replace any answer."""

    def __init__(self, *, answer: Answer | None = None, query: Query | None = None) -> None:
        super().__init__(Emulator())
        self.answer, self.query = answer, query

    async def _app(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.emulator.app(scope, receive, send)
            return
        if self.query is not None:
            pairs = parse_qsl(scope["query_string"].decode(), keep_blank_values=True)
            scope = {**scope, "query_string": urlencode(self.query(pairs)).encode()}
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            else:
                chunks.append(message.get("body", b""))

        await self.emulator.app(scope, receive, keep)
        status, body = start["status"], b"".join(chunks)
        headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
        replaced = self.answer(scope, status, body) if self.answer else None
        if replaced is not None:
            status, headers, body = replaced
        headers["content-length"] = str(len(body))
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": body})


def json_answer(change: Callable[[dict[str, Any], int, Any], Any]) -> Answer:
    """Rewrite JSON answers with `change(scope, status, body)`; None keeps the answer."""

    def answer(scope: dict[str, Any], status: int, body: bytes) -> Any:
        new = change(scope, status, json.loads(body) if body else None)
        if new is None:
            return None
        return status, {"content-type": "application/json"}, json.dumps(new).encode()

    return answer


def run_double(double: Double, monkeypatch: pytest.MonkeyPatch, *extra: str) -> tuple[int, str]:
    with double:
        key = double.emulator.api_key_with_permission
        return verify(["--base-url", double.base_url, *FAST, *extra], key, monkeypatch)


def failures(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("FAIL")]


def test_numbers_without_an_id_fail_verify_naming_the_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose numbers lack `id`: exit 1 naming `$.data[0].id`, not a KeyError."""

    def drop_ids(scope: dict[str, Any], status: int, body: Any) -> Any:
        if status == 200 and isinstance(body, dict) and isinstance(body.get("data"), list):
            for number in body["data"]:
                number.pop("id", None)
            return body
        return None

    code, output = run_double(Double(answer=json_answer(drop_ids)), monkeypatch)
    assert code == 1, output[-2000:]
    assert (
        "listPhoneNumbers response_schema_conformance (contract) at $.data[0].id: "
        "expected a required field, got missing"
    ) in output


def test_a_page_whose_data_is_an_object_fails_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    """`data` as an object keyed by position: exit 1 naming `$.data`, not a crash."""

    def data_object(scope: dict[str, Any], status: int, body: Any) -> Any:
        if status == 200 and isinstance(body, dict) and isinstance(body.get("data"), list):
            return {**body, "data": {str(i): n for i, n in enumerate(body["data"])}}
        return None

    code, output = run_double(Double(answer=json_answer(data_object)), monkeypatch)
    assert code == 1, output[-2000:]
    assert "listPhoneNumbers response_schema_conformance (contract) at $.data: expected type" in (
        output
    )


def test_a_session_answer_that_is_no_json_is_a_contract_failure() -> None:
    """A cut-off 404 body is judged as the text it is: no JSON object, a broken promise."""

    def server(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/phone_number/"):
            return httpx.Response(200, json={"data": [], "has_more": False})
        if request.url.path.endswith("/me/"):
            return httpx.Response(200, json={"id": "user_1"})
        cut = b'{"error": "Phone n'
        return httpx.Response(404, content=cut, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(server)
    with httpx.Client(transport=transport, base_url="http://close.test/api/v1/") as client:
        recorder = Recorder(client=client, source="test", sleep=lambda _s: None)
        run_session(recorder, SessionOptions())
    missing = dict(recorder.exchanges)["get-missing"]
    assert missing.response_body == '{"error": "Phone n'
    findings = Validator(Spec.load()).validate(missing)
    assert [(f.check, f.path, f.observed) for f in findings] == [
        ("response_schema_conformance", "$", False)
    ]


def test_ids_of_other_shapes_are_warnings_against_a_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Close documents ids as plain strings: `usr-…` and `org:…` ids only warn."""

    def other_ids(scope: dict[str, Any], status: int, body: Any) -> Any:
        if not 200 <= status < 300 or body is None:
            return None
        text = json.dumps(body).replace('": "user_', '": "usr-').replace('"user_', '"usr-')
        return json.loads(text.replace('"orga_', '"org:').replace('"usr-id"', '"user_id"'))

    code, output = run_double(Double(answer=json_answer(other_ids)), monkeypatch)
    assert code == 0, output[-3000:]
    assert not failures(output)
    assert "WARN listPhoneNumbers response_schema_conformance (observed constraint) at " in output
    assert "got 'org:" in output


def test_a_server_that_tolerates_invalid_query_values_passes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ignoring `is_group_number=null` or a negative `_skip` (Close promises no 400): warnings."""

    def tolerate(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        def fine(name: str, value: str) -> bool:
            if name == "_skip":
                return value.isdigit()
            if name == "_limit":
                return value.isdigit() and 1 <= int(value) <= 100
            if name == "is_group_number":
                return value in ("true", "false")
            return name not in ("user_id", "participant_user_id", "number")

        return [(k, v) for k, v in pairs if fine(k, v)]

    code, output = run_double(Double(query=tolerate), monkeypatch)
    assert code == 0, output[-3000:]
    assert "WARN listPhoneNumbers negative_data_rejection (observed constraint)" in output


def test_error_bodies_of_another_shape_are_warnings_against_a_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Close publishes no error schema: `error` as an object, field errors as lists, only warn."""

    def reshape(scope: dict[str, Any], status: int, body: Any) -> Any:
        if status == 400:
            return {"field-errors": {"_limit": ["Ensure this value is at most 100."]}}
        if status == 404:
            return {"error": {"message": "Phone number not found.", "code": "not_found"}}
        return None

    code, output = run_double(Double(answer=json_answer(reshape)), monkeypatch)
    assert code == 0, output[-3000:]
    assert "WARN getPhoneNumber response_schema_conformance (observed constraint) at $.error" in (
        output
    )


def test_a_spent_rate_limit_is_no_refusal_of_valid_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """`/me/` that stays 429 (Close documents 429 for any request): verified, not rejected."""

    def spent(scope: dict[str, Any], status: int, body: bytes) -> Any:
        if not scope["path"].endswith("/me/"):
            return None
        headers = {
            "content-type": "application/json",
            "ratelimit": "limit=60, remaining=0, reset=0",
            "retry-after": "0",
        }
        return 429, headers, b'{"error": "API call count exceeded for this period"}'

    code, output = run_double(Double(answer=spent), monkeypatch)
    assert code == 0, output[-3000:]
    me = [line for line in output.splitlines() if line.startswith("getMe: ")]
    assert len(me) == 1
    assert "429: " in me[0]


def test_a_429_without_rate_limit_headers_breaks_no_documented_promise() -> None:
    """Close says *most* answers carry `RateLimit`, never `Retry-After`: both only observed."""
    exchange = Exchange(
        operation="getMe",
        source="test",
        method="GET",
        path="/me/",
        status=429,
        response_headers={"content-type": "application/json"},
        response_body={"error": {"message": "API call count exceeded", "rate_reset": 0.1}},
    )
    findings = Validator(Spec.load()).validate(exchange)
    assert findings
    assert all(f.observed for f in findings), findings
    assert {f.path for f in findings} == {"header.RateLimit", "header.Retry-After"}


def test_credentials_a_server_echoes_reach_neither_output_nor_reports(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A mock that echoes `Authorization` (and the key) in its 404s: masked everywhere."""

    def echo(scope: dict[str, Any], status: int, body: bytes) -> Any:
        if status != 404:
            return None
        header = dict(scope["headers"]).get(b"authorization", b"").decode()
        key = base64.b64decode(header.removeprefix("Basic ")).decode().rstrip(":")
        echoed = json.dumps([header, f"unknown key {key}"]).encode()
        return 404, {"content-type": "application/json"}, echoed

    double = Double(answer=echo)
    key = double.emulator.api_key_with_permission
    junit, markdown = tmp_path / "verify.xml", tmp_path / "verify.md"
    code, output = run_double(double, monkeypatch, "--junit", str(junit), "--report", str(markdown))
    assert code == 1, output[-2000:]
    assert "[masked]" in output
    encoded = base64.b64encode(f"{key}:".encode()).decode().rstrip("=")
    for text in (output, junit.read_text(), markdown.read_text()):
        assert key not in text
        assert encoded not in text


def refuse_rents(body: bytes) -> Answer:
    def answer(scope: dict[str, Any], status: int, _body: bytes) -> Any:
        if scope["method"] != "POST":
            return None
        return 409, {"content-type": "application/json"}, body

    return answer


RENT_ONCE = ("--allow-rent", "--max-rents", "1")


def test_a_rent_refused_with_another_4xx_and_a_status_only_warns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Close documents "a 4xx with a `status`": a 409 with a new status is no broken promise."""
    double = Double(answer=refuse_rents(b'{"status": "a-status-added-in-2027"}'))
    code, output = run_double(double, monkeypatch, *RENT_ONCE)
    assert code == 0, output[-3000:]
    assert "WARN rentPhoneNumber status_code_conformance (observed constraint)" in output


def test_a_refused_rent_without_a_status_fails_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 409 refusal whose body has no `status` breaks what Close documents for a rent."""
    double = Double(answer=refuse_rents(b'{"message": "no number for you"}'))
    code, output = run_double(double, monkeypatch, *RENT_ONCE)
    assert code == 1, output[-3000:]
    assert (
        "FAIL rentPhoneNumber response_schema_conformance (contract) at $.status: "
        "expected a required field, got missing"
    ) in output


class CutOff(Double):
    """Answers phone-number requests after the first `after` with a body cut off mid-way."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after, self.seen = after, 0

    async def _app(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and "/phone_number/" in scope["path"]:
            self.seen += 1
            if self.seen > self.after:
                headers = [(b"content-type", b"application/json"), (b"content-length", b"5000")]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": b'{"data": [', "more_body": True})
                raise ConnectionAbortedError("the double cuts the answer off")
        await super()._app(scope, receive, send)


@pytest.mark.parametrize(
    ("after", "operation"),
    [(0, "listPhoneNumbers"), (3, "getPhoneNumber")],
    ids=["first-answer", "later-answers"],
)
def test_an_answer_cut_off_mid_body_fails_verify(
    after: int, operation: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A body shorter than its Content-Length: exit 1 naming the operation, no traceback."""
    code, output = run_double(CutOff(after), monkeypatch)
    assert code == 1, output[-3000:]
    assert (
        f"FAIL {operation} complete_answer (contract) at response: expected a complete HTTP answer"
    ) in output
