"""Redocly CLI from the project's own npm lock file, for the spec lint and the reference page."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment() -> dict[str, str]:
    """The caller's environment with Redocly's telemetry and update checks off."""
    return {
        **os.environ,
        "REDOCLY_TELEMETRY": "off",
        "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
        "NO_UPDATE_NOTIFIER": "1",
    }


def executable() -> Path:
    """The pinned `redocly`, installed with `npm ci` on first use."""
    redocly = ROOT / "node_modules" / ".bin" / "redocly"
    if not redocly.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit(
                "npm is missing: install Node.js 20 or later (apt-get install nodejs npm)"
            )
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=ROOT,
            env=environment(),
            check=True,
        )
    return redocly
