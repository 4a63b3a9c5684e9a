"""Regenerate generated/close_phone_numbers_client from the spec, or check that it is current.

    python scripts/generate.py           # rewrite generated/ from openapi/phone_numbers.yaml
    python scripts/generate.py --check   # exit 1, with a diff, when generated/ has drifted

Both modes run the same generation into a scratch directory first, so the check
compares exactly what a regeneration would write.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a file (`python scripts/generate.py`), so the repository root is not on the path.
sys.path.insert(0, str(ROOT))
from scripts.constraints import write_constraints  # noqa: E402

SPEC = ROOT / "openapi" / "phone_numbers.yaml"
CONFIG = ROOT / "openapi" / "generator.yaml"
# Our templates, in front of the generator's own: strict, fast and lean models (README there).
TEMPLATES = ROOT / "openapi" / "templates"
PACKAGE = "close_phone_numbers_client"
TARGET = ROOT / "generated" / PACKAGE
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


def generate_into(scratch: Path) -> Path:
    """Run openapi-python-client into `scratch` and return the package directory."""
    out = scratch / PACKAGE
    bin_dir = Path(sys.executable).parent
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--output-path",
        str(out),
        "--custom-template-path",
        str(TEMPLATES),
        "--fail-on-warning",
    ]
    # The post hooks call `ruff`; make sure it is the pinned one beside this interpreter.
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin"}
    subprocess.run(command, check=True, cwd=scratch, env=env, stdout=subprocess.DEVNULL)
    # --meta none writes no marker file; the package ships typed, so add it here.
    (out / "py.typed").write_text("")
    # -- Step 2, separate from openapi-python-client: the request constraints table that
    # the library validates input against (scripts/constraints.py).
    write_constraints(SPEC, out, bin_dir / "ruff")
    # -- end of step 2.
    # The spec ships beside the client it made (close_phone_contract verifies against it),
    # and the drift check then covers the copy too.
    shutil.copyfile(SPEC, out / "openapi.yaml")
    return out


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED.intersection(path.relative_to(root).parts)
    }


def report_drift(fresh: Path) -> int:
    want, have = tree(fresh), tree(TARGET)
    if want == have:
        print(f"generated/{PACKAGE} matches openapi/phone_numbers.yaml")
        return 0
    for name in sorted(set(want) | set(have)):
        if want.get(name) == have.get(name):
            continue
        old = have.get(name, b"").decode().splitlines(keepends=True)
        new = want.get(name, b"").decode().splitlines(keepends=True)
        sys.stdout.writelines(
            difflib.unified_diff(old, new, f"generated/{PACKAGE}/{name}", f"regenerated/{name}")
        )
    print(
        f"\ngenerated/{PACKAGE} is out of date with openapi/phone_numbers.yaml.\n"
        "Run `tox -e regen` (or `python scripts/generate.py`) and commit the result.",
        file=sys.stderr,
    )
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on drift instead of writing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate_into(Path(scratch))
        if args.check:
            return report_drift(fresh)
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns(*IGNORED))
        print(f"regenerated generated/{PACKAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
