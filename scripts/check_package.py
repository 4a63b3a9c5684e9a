"""Build the sdist and wheel and prove they are releasable, as a release would use them.

1. ``python -m build``: the sdist, then the wheel built from that sdist (so a file missing
   from the sdist breaks the wheel here rather than for a user).
2. What each archive holds: the license, the README, the changelog and the spec in the
   sdist; the three import packages, their ``py.typed`` and the license in the wheel, and
   nothing else (no tests, no tooling).
3. ``twine check --strict`` on both.
4. A fresh virtual environment in a temporary directory outside the repository, the wheel
   installed into it with the ``emulator`` extra, and ``package_smoke.py`` run there: the
   versions agree and the README's quickstart runs as written against the emulator.

``--dist DIR`` keeps the archives there (the release workflow uploads them);
``--expect-version`` fails unless the built version is that one (the tag's).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMOKE = Path(__file__).resolve().parent / "package_smoke.py"
_PACKAGES = (
    "close_phone_contract",
    "close_phone_emulator",
    "close_phone_numbers",
    "close_phone_numbers_client",
)
# Data files the code reads through importlib.resources: without them, verify and the
# emulator's /openapi.yaml and /docs fail only at run time.
_WHEEL_DATA = (
    "close_phone_numbers_client/openapi.yaml",
    "close_phone_emulator/_static/reference.html.gz",
)
_SDIST_MUST_HOLD = ("LICENSE", "README.md", "CHANGELOG.md", "openapi/phone_numbers.yaml")


def _run(*argv: str | Path, cwd: Path | None = None) -> None:
    print("$", " ".join(str(a) for a in argv), flush=True)
    subprocess.run([str(a) for a in argv], check=True, cwd=cwd)


def project_version() -> str:
    """The version hatch reads from ``_version.py``: the one source of it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    path = ROOT / config["tool"]["hatch"]["version"]["path"]
    found = re.search(r'^__version__ = "([^"]+)"$', path.read_text(encoding="utf-8"), re.M)
    if found is None:
        raise SystemExit(f"no __version__ in {path}")
    return found.group(1)


def check_archives(dist: Path, version: str) -> tuple[Path, Path]:
    """The sdist and the wheel in ``dist``, after checking what they hold."""
    (sdist,) = dist.glob(f"close_phone_numbers-{version}.tar.gz")
    (wheel,) = dist.glob(f"close_phone_numbers-{version}-py3-none-any.whl")
    prefix = f"close_phone_numbers-{version}/"
    with tarfile.open(sdist) as archive:
        held = {name.removeprefix(prefix) for name in archive.getnames()}
    missing = [name for name in _SDIST_MUST_HOLD if name not in held]
    if missing:
        raise SystemExit(f"{sdist.name} lacks {missing}")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    info = f"close_phone_numbers-{version}.dist-info/"
    tops = {name.split("/", 1)[0] for name in names} - {info.rstrip("/")}
    if tops != set(_PACKAGES):
        raise SystemExit(f"{wheel.name} holds {sorted(tops)}, expected {sorted(_PACKAGES)}")
    for needed in [
        *(f"{p}/py.typed" for p in _PACKAGES),
        *_WHEEL_DATA,
        f"{info}licenses/LICENSE",
    ]:
        if needed not in names:
            raise SystemExit(f"{wheel.name} lacks {needed}")
    print(f"{sdist.name} and {wheel.name} hold what they should")
    return sdist, wheel


def smoke(wheel: Path, version: str, work: Path) -> None:
    """Install ``wheel`` into a new venv under ``work`` and run the smoke test there."""
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         f"{wheel}[emulator]")  # fmt: skip
    shutil.copy(ROOT / "README.md", work / "README.md")
    shutil.copy(SMOKE, work / SMOKE.name)
    # -I: neither the current directory nor PYTHON* variables reach the import path.
    _run(python, "-I", work / SMOKE.name, "--readme", work / "README.md",
         "--expect-version", version, "--outside", ROOT, cwd=work)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="keep the sdist and wheel in this directory")
    parser.add_argument("--expect-version", help="fail unless this is the built version")
    args = parser.parse_args()
    version = project_version()
    if args.expect_version is not None and args.expect_version != version:
        raise SystemExit(f"_version.py says {version}, the release is {args.expect_version}")
    with tempfile.TemporaryDirectory(prefix="close-phone-numbers-package-") as tmp:
        work = Path(tmp)
        dist = args.dist.resolve() if args.dist else work / "dist"
        for stale in dist.glob("close_phone_numbers-*"):  # an earlier build's, nothing else
            stale.unlink()
        _run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
        sdist, wheel = check_archives(dist, version)
        _run(sys.executable, "-m", "twine", "check", "--strict", sdist, wheel)
        smoke(wheel, version, work)
    print(f"package check passed for close-phone-numbers {version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
