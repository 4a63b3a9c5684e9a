"""The validating proxy: the emulator (sometimes altered) as target, traffic through it."""

from __future__ import annotations

import base64
import functools
import io
import os
import re
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from close_phone_contract import Report, Spec, Validator
from close_phone_contract._proxy import Proxy, ProxyServer
from close_phone_numbers import PhoneNumbers

from ._altered import Alteration, AlteredEmulator, Answer


@functools.cache
def validator() -> Validator:
    return Validator(Spec.load())


@contextmanager
def proxied(
    alter: Alteration | None = None, *, strict: bool = False
) -> Iterator[tuple[AlteredEmulator, ProxyServer, list[str]]]:
    """The (altered) emulator, the proxy in front of it, and every line the proxy printed."""
    lines: list[str] = []
    with AlteredEmulator(alter) as target:
        report = Report(f"traffic proxied to {target.base_url}", "spec", strict)
        proxy = Proxy(target.base_url, validator(), report, lines.append)
        with ProxyServer(proxy) as server:
            yield target, server, lines


def key_forms(key: str) -> list[str]:
    return [key, base64.b64encode(f"{key}:".encode()).decode().rstrip("=")]


def test_answers_pass_through_unchanged_and_a_clean_run_has_no_violation() -> None:
    """The library through the proxy gets what it gets directly; nothing is reported."""
    with proxied() as (target, server, lines):
        key = target.emulator.api_key_with_permission
        with PhoneNumbers(key, base_url=server.base_url) as numbers:
            first = next(iter(numbers.list()))
            assert numbers.get(first.id) == first
            mine = next(n["id"] for n in target.emulator.numbers() if n["type"] == "internal")
            assert numbers.update(mine, press_1_to_accept=True).press_1_to_accept is True
            rented = numbers.rent("US")
            numbers.delete(rented.id)
        path = f"/phone_number/{first.id}/"
        direct = httpx.get(target.base_url + path, auth=(key, ""))
        through = httpx.get(server.base_url + path, auth=(key, ""))
        summary = server.proxy.summary()
    assert (through.status_code, through.content) == (direct.status_code, direct.content)
    assert set(through.headers) == set(direct.headers)
    assert through.headers["content-type"] == direct.headers["content-type"]
    assert [line for line in lines if line.startswith(("FAIL", "WARN"))] == []
    for operation in ("list", "get", "update", "rent", "delete"):
        assert f"{operation}PhoneNumber" in summary  # each judged
    assert "verified: " in summary
    assert "0 failures, 0 warnings" in summary


def test_a_refusal_passes_through_with_its_status() -> None:
    """A wrong key: the target's 401 and body reach the caller as they were."""
    with proxied() as (target, server, _lines):
        direct = httpx.get(target.base_url + "/phone_number/", auth=("api_wrong00000000", ""))
        through = httpx.get(server.base_url + "/phone_number/", auth=("api_wrong00000000", ""))
    assert through.status_code == direct.status_code == 401
    assert through.content == direct.content


def _drop_id(answer: Answer) -> None:
    if answer.method == "GET" and re.search(r"/phone_number/phon_", answer.path):
        del answer.body["id"]


def test_an_answer_missing_id_is_a_violation_naming_the_field(tmp_path: Path) -> None:
    """A number without `id`: printed at once as a failure at $.id; the reports say so."""
    with proxied(_drop_id) as (target, server, lines):
        key = target.emulator.api_key_with_permission
        number_id = target.emulator.numbers()[0]["id"]
        answer = httpx.get(f"{server.base_url}/phone_number/{number_id}/", auth=(key, ""))
        junit, markdown = tmp_path / "proxy.xml", tmp_path / "proxy.md"
        server.proxy.write(junit, markdown)
        summary = server.proxy.summary()
    assert "id" not in answer.json()  # the broken answer itself reached the caller
    failures = [line for line in lines if line.startswith("FAIL")]
    assert len(failures) == 1, lines
    assert "getPhoneNumber response_schema_conformance (contract) at $.id" in failures[0]
    assert "expected a required field, got missing" in failures[0]
    assert "CONTRACT BROKEN" in summary
    failed = [
        c.get("name") for c in ET.parse(junit).iter("testcase") if c.find("failure") is not None
    ]
    assert failed == ["getPhoneNumber.response_schema_conformance"]
    assert "`$.id`" in markdown.read_text()


def _number_as_integer(answer: Answer) -> None:
    if answer.method == "GET" and answer.status == 200 and "data" in answer.body:
        answer.body["data"][0]["number"] = 14155550100


def test_a_field_of_another_type_is_a_violation_naming_it() -> None:
    """`number` an integer in a list answer: a failure at $.data[0].number."""
    with proxied(_number_as_integer) as (target, server, lines):
        key = target.emulator.api_key_with_permission
        httpx.get(f"{server.base_url}/phone_number/", auth=(key, ""))
    failures = [line for line in lines if line.startswith("FAIL")]
    assert len(failures) == 1, lines
    assert "listPhoneNumbers" in failures[0]
    assert "at $.data[0].number" in failures[0]
    assert "got 14155550100" in failures[0]


def _ring_too_short(answer: Answer) -> None:
    if answer.method == "GET" and answer.status == 200 and "data" in answer.body:
        answer.body["data"][0]["inbound_ring_duration"] = 5


def test_an_observed_constraint_broken_is_a_warning_unless_strict() -> None:
    """15-90 seconds of ring is only observed: WARN, and the run still verifies."""
    with proxied(_ring_too_short) as (target, server, lines):
        httpx.get(
            f"{server.base_url}/phone_number/", auth=(target.emulator.api_key_with_permission, "")
        )
        summary = server.proxy.summary()
    flagged = [line for line in lines if line.startswith(("FAIL", "WARN"))]
    assert [line[:4] for line in flagged] == ["WARN"], lines
    assert "(observed constraint) at $.data[0].inbound_ring_duration" in flagged[0]
    assert "verified:" in summary
    assert "1 warnings" in summary
    with proxied(_ring_too_short, strict=True) as (target, server, lines):
        httpx.get(
            f"{server.base_url}/phone_number/", auth=(target.emulator.api_key_with_permission, "")
        )
    assert [line[:4] for line in lines if line.startswith(("FAIL", "WARN"))] == ["FAIL"]


def test_no_credential_reaches_the_output_even_when_the_target_echoes_it(tmp_path: Path) -> None:
    """The key echoed into a wrongly typed field: the violation prints, the key does not."""
    echoed: list[str] = []

    def echo_key(answer: Answer) -> None:
        if answer.method == "GET" and answer.status == 200 and "data" in answer.body:
            answer.body["data"][0]["id"] = echoed[0]
            answer.body["data"][0]["number"] = base64.b64encode(f"{echoed[0]}:".encode()).decode()

    with proxied(echo_key) as (target, server, lines):
        key = target.emulator.api_key_with_permission
        echoed.append(key)
        with PhoneNumbers(key, base_url=server.base_url, max_retries=0) as numbers:
            listed = list(numbers.list())
        assert listed[0].id == key  # the echo reached the caller as the target sent it
        server.proxy.write(tmp_path / "proxy.xml", tmp_path / "proxy.md")
        everything = "\n".join([*lines, server.proxy.summary()])
    everything += (tmp_path / "proxy.xml").read_text() + (tmp_path / "proxy.md").read_text()
    assert "$.data[0].id" in everything
    assert "[redacted]" in everything
    for form in key_forms(key):
        assert form not in everything


def test_a_request_outside_the_spec_is_forwarded_and_not_judged() -> None:
    """An unknown path still reaches the target; the proxy says it did not judge it."""
    with proxied() as (_target, server, lines):
        answer = httpx.get(server.base_url + "/lead/")
    assert answer.status_code == 401  # the emulator's answer to a request without a key
    assert any("not an operation of the spec; forwarded unjudged" in line for line in lines)


def test_the_command_summarizes_on_sigterm() -> None:
    """`close-phone-numbers proxy`: one exchange through it, SIGTERM, the summary, exit 0."""
    with AlteredEmulator() as target:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        run_cli = "import sys; from close_phone_numbers.cli import main; sys.exit(main())"
        command = [sys.executable, "-c", run_cli, "proxy"]
        process = subprocess.Popen(
            [*command, "--target", target.base_url, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert process.stdout is not None
            first = process.stdout.readline()
            url = first.split("forwarding ")[1].split(" to ")[0]
            key = target.emulator.api_key_with_permission
            assert httpx.get(url + "/phone_number/", auth=(key, "")).status_code == 200
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, err
    assert "listPhoneNumbers: 1 cases (proxied 1); answers 200: 1" in out
    assert "verified: 1 operations, 1 cases, 0 failures, 0 warnings" in out
    for form in key_forms(key):
        assert form not in out + err


def test_without_the_contract_extra_proxy_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The proxy's dependencies missing: exit 2 and the pip command."""
    from close_phone_numbers.cli import main

    monkeypatch.setitem(sys.modules, "close_phone_contract._proxy", None)
    out, err = io.StringIO(), io.StringIO()
    code = main(["proxy", "--target", "http://127.0.0.1:9/api/v1"], out, stderr=err)
    assert code == 2
    assert "pip install 'close-phone-numbers[contract]'" in err.getvalue() + out.getvalue()


def test_the_proxy_listens_on_loopback_unless_told_otherwise() -> None:
    """No --host: 127.0.0.1, so a team's proxy is not reachable from the network."""
    import argparse

    from close_phone_contract._proxy_cli import add_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert parser.parse_args(["--target", "http://127.0.0.1:9/api/v1"]).host == "127.0.0.1"
    report = Report("x", "spec", strict_observed=False)
    server = ProxyServer(Proxy("http://127.0.0.1:9/api/v1", validator(), report, print))
    with server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.base_url.endswith("/api/v1")


def test_the_proxy_listens_on_a_socket_that_lets_asyncio_turn_nagle_off() -> None:
    """Regression: a listener made without IPPROTO_TCP kept asyncio from setting TCP_NODELAY
    on accepted connections, and each keep-alive answer through the proxy waited ~40 ms for
    the client's delayed ACK (68 ms a list page through the proxy, 1 ms direct)."""
    import socket

    report = Report("x", "spec", strict_observed=False)
    server = ProxyServer(Proxy("http://127.0.0.1:9/api/v1", validator(), report, print))
    with server:
        assert server._sock.proto == socket.IPPROTO_TCP
