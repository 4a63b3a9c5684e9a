"""Where the repository keeps its recorded exchanges."""

from __future__ import annotations

import os
from pathlib import Path

# CLOSE_CONTRACT_FIXTURES points the suite at another fixture tree (a corrupted copy, in
# the tests that prove corruption is caught).
FIXTURES_DIR = Path(
    os.environ.get("CLOSE_CONTRACT_FIXTURES") or Path(__file__).resolve().parent / "fixtures"
)
