"""A broken spec or a corrupted fixture makes the contract suite fail, loudly and by name."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from close_phone_contract import _exchange

from contract_tests import _conformance, _replay

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "phone_numbers.yaml"
CLOSE_DOCS = ROOT / "contract_tests" / "fixtures" / "close_docs"


def emulator_suite(env: dict[str, str]) -> subprocess.Popen[str]:
    """Start schemathesis against the emulator (dev profile, per-operation phases)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "--no-header",
            "-k",
            "test_operation_conforms",
            str(ROOT / "contract_tests" / "test_emulator.py"),
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def fixture_suite(env: dict[str, str]) -> subprocess.Popen[str]:
    """Start the fixture part of the contract suite in a fresh interpreter."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "--no-header",
            # The validation half: the replays do not read the spec.
            "-k",
            "matches_the_spec",
            str(ROOT / "contract_tests" / "test_fixtures.py"),
        ],
        cwd=ROOT,
        # The fixture checks need no pytest plugin; not loading them halves the start-up.
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def broken_spec(directory: Path, mutate: Any) -> Path:
    spec = yaml.safe_load(SPEC.read_text())
    mutate(spec)
    directory.mkdir(parents=True)
    path = directory / "phone_numbers.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def wrong_type(spec: dict[str, Any]) -> None:
    fields = spec["components"]["schemas"]["PhoneNumberFields"]["properties"]
    fields["is_premium"]["type"] = "string"


def missing_status(spec: dict[str, Any]) -> None:
    del spec["paths"]["/phone_number/request/internal/"]["post"]["responses"]["201"]


def corrupted_fixtures(directory: Path) -> Path:
    shutil.copytree(CLOSE_DOCS, directory / "close_docs")
    target = directory / "close_docs" / "getPhoneNumber.200.json"
    data = json.loads(target.read_text())
    data["response"]["body"]["number"] = 16503335555
    target.write_text(json.dumps(data))
    return directory


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str]]:
    """The suite on the real files and on three broken copies, run side by side."""
    root = tmp_path_factory.mktemp("teeth")
    variants = {
        "baseline": {},
        "wrong-type": {"CLOSE_CONTRACT_SPEC": str(broken_spec(root / "type", wrong_type))},
        "missing-status": {
            "CLOSE_CONTRACT_SPEC": str(broken_spec(root / "status", missing_status))
        },
        "corrupt-fixture": {"CLOSE_CONTRACT_FIXTURES": str(corrupted_fixtures(root / "fx"))},
    }
    started = {name: fixture_suite(env) for name, env in variants.items()}
    started["emulator-wrong-type"] = emulator_suite(variants["wrong-type"])
    results: dict[str, tuple[int, str]] = {}
    for name, process in started.items():
        output, _ = process.communicate(timeout=300)
        results[name] = (process.returncode, output)
    return results


def test_the_unbroken_suite_passes(runs: dict[str, tuple[int, str]]) -> None:
    """The baseline for the tests below: the real spec and fixtures pass."""
    code, output = runs["baseline"]
    assert code == 0, output[-2000:]


def test_a_wrong_type_in_the_spec_fails_the_suite(runs: dict[str, tuple[int, str]]) -> None:
    """`is_premium` declared a string makes every fixture with a boolean fail."""
    code, output = runs["wrong-type"]
    assert code == 1, output[-2000:]
    assert "is_premium" in output


def test_a_missing_status_code_in_the_spec_fails_the_suite(
    runs: dict[str, tuple[int, str]],
) -> None:
    """Dropping the 201 of rentPhoneNumber makes its recorded 201 undocumented."""
    code, output = runs["missing-status"]
    assert code == 1, output[-2000:]
    assert "201, which it does not document" in output


def test_a_wrong_type_in_the_spec_fails_the_emulator_suite_too(
    runs: dict[str, tuple[int, str]],
) -> None:
    """schemathesis against the emulator rejects the emulator's boolean `is_premium`."""
    code, output = runs["emulator-wrong-type"]
    assert code == 1, output[-2000:]
    assert "is_premium" in output


def test_a_corrupted_fixture_fails_the_suite(runs: dict[str, tuple[int, str]]) -> None:
    """A copy of the fixtures with one wrong value fails, naming the file."""
    code, output = runs["corrupt-fixture"]
    assert code == 1, output[-2000:]
    assert "getPhoneNumber.200" in output


def published(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CLOSE_DOCS / f"{name}.json").read_text())
    return data


def corrupt(name: str, change: Any) -> _exchange.Exchange:
    data = copy.deepcopy(published(name))
    change(data)
    return _exchange.Exchange.from_dict(data)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        pytest.param(
            "updatePhoneNumber.200",
            lambda d: d["response"]["body"].pop("organization_id"),
            "organization_id",
            id="required-field-missing",
        ),
        pytest.param(
            "getPhoneNumber.200",
            lambda d: d["response"].update(status=418),
            "418",
            id="undocumented-status",
        ),
        pytest.param(
            "rentPhoneNumber.201",
            lambda d: d["request"]["body"].update(country="USA"),
            "country",
            id="invalid-request-body",
        ),
        pytest.param(
            "listPhoneNumbers.200",
            lambda d: d["request"]["query"].update(_limit="500"),
            "_limit",
            id="invalid-query",
        ),
        pytest.param(
            "listPhoneNumbers.200",
            lambda d: d["request"].update(method="DELETE"),
            "is not listPhoneNumbers",
            id="wrong-operation",
        ),
        pytest.param(
            "getPhoneNumber.200",
            lambda d: d["response"]["headers"].update(RateLimit="lots"),
            "RateLimit",
            id="malformed-header",
        ),
    ],
)
def test_each_kind_of_corruption_is_caught(name: str, change: Any, message: str) -> None:
    """A mutated copy of a published example fails validation, saying what is wrong."""
    with pytest.raises(_conformance.ExchangeMismatch, match=message):
        _conformance.check_exchange(corrupt(name, change))


def test_a_request_the_generated_client_cannot_reproduce_is_caught() -> None:
    """A rent body with a field the model drops is sent without it, and the replay says so."""
    exchange = corrupt("rentPhoneNumber.201", lambda d: d["request"]["body"].update(area="650"))
    with pytest.raises(_replay.ReplayMismatch, match="body"):
        _replay.replay_generated(exchange)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not JSON"),
        ('{"operation": "getPhoneNumber"}', "missing keys"),
        (
            json.dumps({**published("getPhoneNumber.200"), "extra": 1}),
            "unknown keys",
        ),
    ],
)
def test_a_malformed_fixture_file_is_refused(tmp_path: Path, text: str, message: str) -> None:
    """A file that is not a recorded exchange fails to load with a clear reason."""
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(_exchange.FixtureFormatError, match=message):
        _exchange.load(path)
