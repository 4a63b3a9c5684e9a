"""Lint openapi/phone_numbers.yaml with openapi-spec-validator and Redocly CLI.

Redocly runs from the project's own npm lock file (`npm ci`), with telemetry and
update checks off. Any problem from either tool fails the run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

ROOT = Path(__file__).resolve().parent.parent
if not __package__:  # run as a script: make the repository root importable
    sys.path.insert(0, str(ROOT))

from scripts import _redocly  # noqa: E402

SPEC = ROOT / "openapi" / "phone_numbers.yaml"


def main() -> int:
    spec, _ = read_from_filename(str(SPEC))
    validate(spec)
    print(f"openapi-spec-validator: {SPEC.relative_to(ROOT)} is valid OpenAPI 3.1")

    env = _redocly.environment()
    redocly = _redocly.executable()
    result = subprocess.run(
        [str(redocly), "lint", "--format=stylish", str(SPEC.relative_to(ROOT))],
        cwd=ROOT,
        env=env,
        check=False,
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
