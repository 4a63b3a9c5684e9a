"""Build the offline HTML reference of the spec, which the emulator serves at /docs.

    python scripts/build_docs.py           # rewrite the emulator's copy from the spec
    python scripts/build_docs.py --check   # exit 1 when that copy is not what the spec builds
    python scripts/build_docs.py --out F   # also write the page, uncompressed, to F

Redocly CLI (pinned in package-lock.json) renders the page with Redoc's scripts inlined,
so it loads with no network. The emulator ships it gzipped (about 0.7 MB, not 2.5 MB);
the build is deterministic, which is what lets the check compare bytes.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if not __package__:  # run as a script: make the repository root importable
    sys.path.insert(0, str(ROOT))

from scripts import _redocly  # noqa: E402

SPEC = ROOT / "openapi" / "phone_numbers.yaml"
PAGE = ROOT / "emulator" / "close_phone_emulator" / "_static" / "reference.html.gz"
TITLE = "Close phone numbers API: reference (close-phone-numbers)"


def build() -> bytes:
    """The reference page rendered from the spec."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "reference.html"
        done = subprocess.run(
            [
                str(_redocly.executable()),
                "build-docs",
                str(SPEC.relative_to(ROOT)),
                "--inlineBundle",
                f"--title={TITLE}",
                f"--output={out}",
            ],
            cwd=ROOT,
            env=_redocly.environment(),
            check=False,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:  # Redocly's own words only when they matter
            raise SystemExit(f"redocly build-docs failed:\n{done.stdout}{done.stderr}")
        return out.read_bytes()


def compress(page: bytes) -> bytes:
    # mtime=0 and no file name: the same page always compresses to the same bytes.
    return gzip.compress(page, compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the copy has drifted")
    parser.add_argument("--out", type=Path, help="also write the uncompressed page here")
    args = parser.parse_args(argv)
    page = build()
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(page)
    if args.check:
        if PAGE.exists() and gzip.decompress(PAGE.read_bytes()) == page:
            print(f"{PAGE.relative_to(ROOT)} matches {SPEC.relative_to(ROOT)}")
            return 0
        print(
            f"{PAGE.relative_to(ROOT)} is out of date with the spec: run "
            "`python scripts/build_docs.py` (Node.js 20+) and commit it",
            file=sys.stderr,
        )
        return 1
    PAGE.write_bytes(compress(page))
    print(f"wrote {PAGE.relative_to(ROOT)} ({len(page) / 1e6:.1f} MB as HTML)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
