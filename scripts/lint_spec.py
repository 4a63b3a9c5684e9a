"""Lint openapi/phone_numbers.yaml with openapi-spec-validator and Redocly CLI.

Redocly runs from the project's own npm lock file (`npm ci`), with telemetry and
update checks off. Any problem from either tool fails the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "phone_numbers.yaml"


def main() -> int:
    spec, _ = read_from_filename(str(SPEC))
    validate(spec)
    print(f"openapi-spec-validator: {SPEC.relative_to(ROOT)} is valid OpenAPI 3.1")

    npm = shutil.which("npm")
    if npm is None:
        print("npm is missing: install Node.js 20 or later (apt-get install nodejs npm)")
        return 1
    env = {
        **os.environ,
        "REDOCLY_TELEMETRY": "off",
        "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
        "NO_UPDATE_NOTIFIER": "1",
    }
    redocly = ROOT / "node_modules" / ".bin" / "redocly"
    if not redocly.exists():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=ROOT,
            env=env,
            check=True,
        )
    result = subprocess.run(
        [str(redocly), "lint", "--format=stylish", str(SPEC.relative_to(ROOT))],
        cwd=ROOT,
        env=env,
        check=False,
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
