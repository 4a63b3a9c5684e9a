"""The benchmark harness: its canned server, its minimum, and a quick run of every scenario."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench._server import CannedApi
from bench._throttle import minimum_seconds
from contract_tests.speclib import check_response

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = {"get_overhead", "listing", "fanout", "imports", "throttle", "emulator"}


def test_canned_number_matches_the_spec() -> None:
    """A GET by id from the canned server is a PhoneNumber the spec accepts."""
    status, body = CannedApi(total=3).route("/api/v1/phone_number/phon_bench00000002/")
    assert status == 200
    number = json.loads(body)
    check_response("getPhoneNumber", 200, number, {"RateLimit": "limit=9, remaining=8, reset=1"})
    assert number["id"] == "phon_bench00000002"
    assert number["number"] == "+16500000002"


def test_canned_get_of_an_unlisted_id_answers_that_id() -> None:
    """A GET for an id outside the list is still one valid number, carrying the id asked for."""
    status, body = CannedApi(total=3).route("/api/v1/phone_number/phon_elsewhere/")
    number = json.loads(body)
    check_response("getPhoneNumber", status, number)
    assert number["id"] == "phon_elsewhere"


def test_canned_pages_cover_every_number_once() -> None:
    """Paging with _skip and _limit yields each number once and ends with has_more false."""
    api = CannedApi(total=250)
    seen: list[str] = []
    skip = 0
    while True:
        status, body = api.route(f"/api/v1/phone_number/?_skip={skip}&_limit=100")
        page = json.loads(body)
        check_response("listPhoneNumbers", status, page)
        seen += [number["id"] for number in page["data"]]
        if not page["has_more"]:
            break
        skip += 100
    assert seen == [f"phon_bench{i:08d}" for i in range(250)]


def test_canned_server_refuses_a_limit_above_the_spec_maximum() -> None:
    """_limit=101 is a 400, as the spec's maximum of 100 says."""
    status, body = CannedApi(total=3).route("/api/v1/phone_number/?_limit=101")
    assert status == 400
    check_response("listPhoneNumbers", 400, json.loads(body))


def test_minimum_matches_a_greedy_client_against_the_emulator_limiter() -> None:
    """A client sending whenever the emulator's limiter allows finishes at minimum_seconds."""
    ratelimit = pytest.importorskip("close_phone_emulator._ratelimit")
    now = [0.0]
    limits = ratelimit.RateLimits(clock=lambda: now[0])
    limits.set(20, window=1.0)
    sent_at: list[float] = []
    while len(sent_at) < 300:
        if limits.spend("read", "api_key").allowed:
            sent_at.append(now[0])
        else:
            now[0] = round(now[0] + 0.001, 3)
    assert sent_at[-1] == pytest.approx(minimum_seconds(300, 20, 1.0), abs=0.002)
    assert minimum_seconds(300, 20, 1.0) == 14.0


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results: dict[str, Any] = json.loads((out / "quick.json").read_text())
    results["markdown"] = (out / "quick.md").read_text()
    return results


def _offers(module: str, name: str) -> bool:
    """Whether ``module`` imports here and has ``name``: then the bench must measure it."""
    try:
        return hasattr(__import__(module), name)
    except ImportError:
        return False


def _positive(value: float) -> bool:
    return math.isfinite(value) and value > 0


def test_quick_run_reports_every_scenario_and_target(quick_results: dict[str, Any]) -> None:
    """The quick run has every scenario, the machine, and one verdict per target."""
    assert set(quick_results["scenarios"]) == SCENARIOS
    assert not quick_results.get("failed")
    assert quick_results["machine"]["cpu"]
    assert len(quick_results["checks"]) == 10
    headings = ("## Targets", "## Client CPU time per get", "## Iterating", "## Import time")
    for heading in (*headings, "## Throttled job", "async gets with 50 in flight"):
        assert heading in quick_results["markdown"]


def test_quick_run_measures_every_get_contender(quick_results: dict[str, Any]) -> None:
    """raw httpx, the generated client and closeio each have a positive CPU time per get."""
    overhead = quick_results["scenarios"]["get_overhead"]
    expected = {"raw_httpx", "generated", "closeio"}
    if _offers("close_phone_numbers", "PhoneNumbers"):
        expected.add("wrapper")
    assert expected <= set(overhead["cpu_us_per_get"])
    assert all(_positive(v) for v in overhead["cpu_us_per_get"].values())
    assert overhead["ratios"]["raw_httpx"] == 1.0


def test_quick_run_lists_lazily(quick_results: dict[str, Any]) -> None:
    """Every listing contender has a wall time, and one page never peaks above all of them."""
    listing = quick_results["scenarios"]["listing"]
    assert {"raw_httpx", "closeio"} <= set(listing["wall_s"])
    for name, memory in listing["memory"].items():
        assert 0 < memory["peak_bytes_one_page"] <= memory["peak_bytes_all"], name
        # Keeping every number holds more than streaming through them one page at a time.
        assert memory["kept_bytes_all"] > memory["peak_bytes_one_page"], name


def test_quick_run_times_fan_out_and_throttling(quick_results: dict[str, Any]) -> None:
    """Every fan-out contender has a time; each throttled client got an answer to every request."""
    scenarios = quick_results["scenarios"]
    fanout = scenarios["fanout"]
    expected = {"raw_httpx"}
    if _offers("close_phone_numbers", "DefaultAioHttpClient") and _offers(
        "aiohttp", "ClientSession"
    ):
        expected |= {"wrapper", "wrapper_aiohttp", "raw_aiohttp"}
    assert expected <= set(fanout["wall_s"])
    assert all(_positive(v) for v in fanout["wall_s"].values())
    assert fanout["ratios"]["raw_httpx"] == 1.0
    for low, high in fanout["paired_spread"].values():
        assert low <= high
    throttle = scenarios["throttle"]
    assert throttle["minimum_s"] == minimum_seconds(
        throttle["requests"], throttle["limit"], throttle["window_s"]
    )
    if _offers("close_phone_emulator", "Emulator"):
        assert "closeio" in throttle
    for name in ("wrapper", "closeio"):
        if name in throttle:
            row = throttle[name]
            assert row["responses"] - row["responses_429"] >= throttle["requests"] - row["errors"]


def test_quick_run_times_both_imports(quick_results: dict[str, Any]) -> None:
    """The import scenario times httpx, the package and its client, each in its own interpreter."""
    imports = quick_results["scenarios"]["imports"]
    assert set(imports["wall_ms"]) == {"raw_httpx", "wrapper", "wrapper_client"}
    assert all(_positive(v) for v in imports["wall_ms"].values())


def test_quick_run_reports_emulator_throughput(quick_results: dict[str, Any]) -> None:
    """When the emulator's script is there, GET by id and the baseline have positive rates."""
    emulator = quick_results["scenarios"]["emulator"]
    if not (ROOT / "bench" / "emulator_throughput.py").exists():
        assert "emulator" in emulator["unavailable"]
        return
    rates = {row["route"]: row["per_second"] for row in emulator["rows"]}
    assert _positive(rates["GET by id"])
    assert _positive(rates["bare ASGI app under uvicorn (baseline)"])


def test_sniffio_is_a_dependency_so_async_requests_skip_a_failed_import() -> None:
    """The package requires sniffio and it is importable: httpcore looks it up per request."""
    import importlib.util
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(dep.split(">")[0].strip() == "sniffio" for dep in project["dependencies"])
    assert importlib.util.find_spec("sniffio") is not None


def test_report_names_scenarios_that_did_not_run() -> None:
    """A scenario left out with --only gets its heading and the reason, not a crash."""
    from bench import _report, _targets

    scenarios = {name: {"unavailable": {"scenario": "not selected"}} for name in SCENARIOS}
    results: dict[str, Any] = {
        "mode": "quick",
        "started": "2026-01-01T00:00:00+00:00",
        "command": "python bench/run.py --only listing",
        "machine": _report.machine(),
        "load_before": [],
        "load_after": [],
        "scenarios": scenarios,
    }
    _targets.derive(results)
    text = _report.markdown(results)
    assert text.count("not measured: not selected") == len(SCENARIOS)
    assert all(check["met"] is None for check in results["checks"])


def test_quote_into_replaces_only_the_marked_block() -> None:
    """The README's latest block is replaced; the text around it stays byte for byte."""
    from bench._report import END, START, quote_into

    text = f"intro\n{START}\nold table\n{END}\noutro\n"
    assert quote_into(text, "new table\n") == f"intro\n{START}\nnew table\n{END}\noutro\n"
    with pytest.raises(ValueError, match="latest:start"):
        quote_into("no markers here", "table")


def test_summary_quotes_targets_and_closeio(quick_results: dict[str, Any]) -> None:
    """The README summary has the machine, one row per target, and closeio's ratios."""
    from bench._report import summary

    text = summary(quick_results)
    assert quick_results["machine"]["cpu"] in text
    assert text.count("\n| ") == len(quick_results["checks"]) + 1
    assert "`closeio` 2.1 in the same run, as its users get it" in text
    assert "get, client CPU / raw httpx" in text
