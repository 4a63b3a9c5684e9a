"""Smoke test of an installed close-phone-numbers, run by the Python that has it installed.

Uses the standard library and the installed package only, so it runs in a fresh virtual
environment that holds nothing but the wheel::

    python package_smoke.py --readme README.md [--expect-version 0.1.0] [--outside DIR]

It checks that the three import packages come from that environment (not from a source
tree), that the version agrees everywhere (distribution metadata, ``__version__``,
``close-phone-numbers --version``), and then runs the README's quickstart as written: it
starts the emulator with the command the README gives, exports what the README exports,
runs each ``python`` block of the quickstart in order as one script, and runs each
``close-phone-numbers`` command of it. Blocks come from between the
``<!-- quickstart:start -->`` and ``<!-- quickstart:end -->`` markers.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import os
import queue
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DISTRIBUTION = "close-phone-numbers"
PACKAGES = ("close_phone_numbers", "close_phone_numbers_client", "close_phone_emulator")
START, END = "<!-- quickstart:start -->", "<!-- quickstart:end -->"
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_BASE_URL = re.compile(r"https?://[\w.\[\]:-]+/api/v1")
_KEY = re.compile(r"\bapi_\w+")


@dataclass
class Quickstart:
    """What the README's quickstart asks a reader to do."""

    python: list[str] = field(default_factory=list)
    exports: dict[str, str] = field(default_factory=dict)
    emulator: list[str] | None = None
    commands: list[list[str]] = field(default_factory=list)


def quickstart(readme: str) -> Quickstart:
    """The code blocks between the quickstart markers, sorted by what they are."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"the README has no {START} ... {END} section")
    found = Quickstart()
    for language, body in _FENCE.findall(readme[start:end]):
        if language == "python":
            found.python.append(body)
        elif language == "console":
            for line in body.splitlines():
                if line.startswith("$ "):
                    _console_line(line[2:].split(" #", 1)[0].strip(), found)
    if not found.python:
        raise SystemExit("the README's quickstart has no python block")
    return found


def _console_line(line: str, found: Quickstart) -> None:
    words = shlex.split(line)
    if words[:1] == ["export"]:
        for word in words[1:]:
            name, _, value = word.partition("=")
            found.exports[name] = value
    elif words[:2] == ["close-phone-numbers", "emulator"]:
        found.emulator = words
    elif words[:1] == ["close-phone-numbers"]:
        found.commands.append(words)
    # Other lines (pip install ...) are how the package got here.


def check_installation(expected: str | None, outside: Path | None) -> str:
    """Fail unless every package is installed here, from outside ``outside``; the version."""
    version = importlib.metadata.version(DISTRIBUTION)
    for name in PACKAGES:
        module = importlib.import_module(name)
        where = Path(module.__file__ or "").resolve()
        if outside is not None and where.is_relative_to(outside.resolve()):
            raise SystemExit(f"{name} was imported from the source tree: {where}")
        if not (where.parent / "py.typed").exists():
            raise SystemExit(f"{name} has no py.typed marker: {where.parent}")
    library = importlib.import_module("close_phone_numbers")
    if library.__version__ != version:
        raise SystemExit(f"__version__ {library.__version__} != metadata {version}")
    if expected is not None and version != expected:
        raise SystemExit(f"installed version {version}, expected {expected}")
    shown = _run([_script("close-phone-numbers"), "--version"], os.environ).strip()
    if shown != f"{DISTRIBUTION} {version}":
        raise SystemExit(f"close-phone-numbers --version says {shown!r}, expected {version}")
    print(f"installed {DISTRIBUTION} {version}: imports, py.typed and --version agree")
    return version


def _script(name: str) -> str:
    # The console script beside this Python, the one pip installed with the package.
    return str(Path(sys.executable).parent / name)


def _run(argv: list[str], env: Mapping[str, str], cwd: str | None = None) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    if done.returncode != 0:
        raise SystemExit(
            f"{shlex.join(argv)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    out: str = done.stdout
    return out


def run_quickstart(readme: Path) -> None:
    """Serve the emulator as the README says and run its quickstart against it."""
    steps = quickstart(readme.read_text(encoding="utf-8"))
    if steps.emulator is None:
        raise SystemExit("the README's quickstart does not say how to start the emulator")
    argv = [_script(steps.emulator[0]), *steps.emulator[1:]]
    # The README's port may be taken here; the emulator picks a free one for port 0.
    if "--port" in argv:
        argv[argv.index("--port") + 1] = "0"
    server = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        env = {**os.environ, **steps.exports}
        env.update(_served(server, steps.exports))
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "quickstart.py"
            script.write_text("\n\n".join(steps.python), encoding="utf-8")
            out = _run([sys.executable, str(script)], env, cwd=tmp)
            print(f"README quickstart: {len(steps.python)} python blocks ran, printing:")
            print("".join(f"  {line}\n" for line in out.splitlines()[:10]), end="")
            for words in steps.commands:
                _run([_script(words[0]), *words[1:]], env, cwd=tmp)
                print(f"README quickstart: `{shlex.join(words)}` ran")
    finally:
        server.terminate()
        server.wait(timeout=10)


def _served(server: subprocess.Popen[str], exports: dict[str, str]) -> dict[str, str]:
    """The base URL the emulator printed, once it has also printed the README's key."""
    lines: queue.Queue[str | None] = queue.Queue()

    def drain() -> None:  # keeps the pipe empty for as long as the emulator runs
        assert server.stdout is not None
        for line in server.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=drain, daemon=True).start()
    key = exports.get("CLOSE_API_KEY", "")
    base_url, seen, deadline = None, [], time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        found = _BASE_URL.search(line)
        base_url = base_url or (found.group(0) if found else None)
        if base_url and key in _KEY.findall("".join(seen)):
            return {"CLOSE_BASE_URL": base_url}
    raise SystemExit(
        f"the emulator did not print a base URL and the README's key {key!r}:\n" + "".join(seen)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, required=True)
    parser.add_argument("--expect-version")
    parser.add_argument("--outside", type=Path, help="a source tree nothing may come from")
    args = parser.parse_args()
    check_installation(args.expect_version, args.outside)
    run_quickstart(args.readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
