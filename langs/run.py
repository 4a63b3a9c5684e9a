"""Generate a client in another language from the spec, build it, run its scenario.

    python langs/run.py ts     # openapi-typescript + openapi-fetch, tsc, node
    python langs/run.py go     # openapi-generator (go), go build
    python langs/run.py ruby   # openapi-generator (ruby), Debian's Ruby and Typhoeus

Each language: generate from openapi/phone_numbers.yaml into langs/<lang>/build/
(gitignored), type-check and compile, start the emulator on a free loopback port,
run the scenario program against it, stop the emulator. Exits non-zero when any
step fails. `tox -e ts` and `tox -e go` run exactly this.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

LANGS = Path(__file__).resolve().parent
ROOT = LANGS.parent
SPEC = ROOT / "openapi" / "phone_numbers.yaml"

# The generator settings the Go client needs; langs/README.md says why each is there.
GO_GENERATOR_ARGS = (
    "--package-name=closephone",
    "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
    "--additional-properties=withGoMod=false,enumClassPrefix=true,hideGenerationTimestamp=true,"
    "disallowAdditionalPropertiesIfNotPresent=false",
    "--type-mappings=number=float64",
    "--inline-schema-name-mappings=RentRefusal_status=RentRefusalStatusOrString",
)

# The Ruby client: the gem's names, and only the files the scenario loads.
RUBY_GENERATOR_ARGS = (
    "--additional-properties=gemName=close_phone,moduleName=ClosePhone,"
    "hideGenerationTimestamp=true",
    "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
    # As in Go: the inline anyOf of a refusal's status would otherwise be named after the
    # enum it contains, and the class would recurse into itself when parsing.
    "--inline-schema-name-mappings=RentRefusal_status=RentRefusalStatusOrString",
)

BANNER_URL = re.compile(r"\bon (http://127\.0\.0\.1:\d+/api/v1)\b")
BANNER_ADMIN = re.compile(r"\badmin routes on (http://127\.0\.0\.1:\d+/_emulator)/")
# The banner lists the keys; the scenario needs one allowed to manage team numbers.
BANNER_KEY = re.compile(r"^\s*(api_\S+)\s.*Manage Team Phone Numbers\s*$")


class StepFailed(Exception):
    """A step of the run failed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Emulator:
    """A running emulator: where it listens and a key allowed to rent."""

    base_url: str
    admin_url: str
    api_key: str


def say(line: str, *, stream: TextIO = sys.stdout) -> None:
    """Report progress as it happens (this is a command line, not library code)."""
    stream.write(line + "\n")
    stream.flush()


def run(
    command: Sequence[str], *, cwd: Path, env: dict[str, str] | None = None, quiet: bool = False
) -> None:
    """Run one step, timing it; a non-zero exit fails the run.

    `quiet` holds the step's output back unless the step fails (for chatty tools).
    """
    started = time.monotonic()
    say(f"$ {' '.join(command)}    (in {cwd.relative_to(ROOT)})")
    result = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        check=False,
        stdout=subprocess.PIPE if quiet else None,
        stderr=subprocess.STDOUT if quiet else None,
        text=True,
    )
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        if quiet:
            say(result.stdout)
        raise StepFailed(f"{command[0]} exited with {result.returncode} after {elapsed:.1f} s")
    say(f"  done in {elapsed:.1f} s")


def tool(name: str, hint: str) -> str:
    """The full path of a program on PATH, or a failure that says how to get it."""
    found = shutil.which(name)
    if found is None:
        raise StepFailed(f"{name} is not on PATH: {hint}")
    return found


@contextmanager
def emulator(timeout: float = 30.0) -> Iterator[Emulator]:
    """Start `python -m close_phone_emulator` on a free port; stop it on exit."""
    # Port 0: the emulator binds a free port itself and prints it, so there is no race.
    command = [sys.executable, "-m", "close_phone_emulator", "--host", "127.0.0.1", "--port", "0"]
    say(f"$ {' '.join(command)}")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    output: deque[str] = deque(maxlen=200)
    base_url: list[str] = []
    admin_url: list[str] = []
    api_key: list[str] = []
    ready = threading.Event()

    def drain() -> None:
        # Read until the process ends, so a chatty server never blocks on a full pipe.
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line.rstrip("\n"))
            if not base_url and (url := BANNER_URL.search(line)):
                base_url.append(url.group(1))
            if not admin_url and (admin := BANNER_ADMIN.search(line)):
                admin_url.append(admin.group(1))
            if not api_key and (key := BANNER_KEY.match(line)):
                api_key.append(key.group(1))
            if base_url and admin_url and api_key:
                ready.set()
        ready.set()

    reader = threading.Thread(target=drain, name="emulator-output", daemon=True)
    reader.start()
    try:
        ready.wait(timeout)
        if not (base_url and admin_url and api_key):
            shown = "\n".join(line for line in output if "api_" not in line)
            raise StepFailed(
                f"the emulator printed no base URL and manager key within {timeout:.0f} s "
                f"(exit code {process.poll()}); its output without keys:\n{shown}"
            )
        wait_until_listening(base_url[0], process, timeout)
        say(f"  emulator on {base_url[0]}")
        yield Emulator(base_url=base_url[0], admin_url=admin_url[0], api_key=api_key[0])
    except StepFailed:
        # The server's side of a failed scenario (a traceback, say) is half the story.
        say("emulator output (last lines, keys left out):", stream=sys.stderr)
        for line in list(output)[-40:]:
            if "api_" not in line:
                say(f"  | {line}", stream=sys.stderr)
        raise
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(5)


def wait_until_listening(base_url: str, process: subprocess.Popen[str], timeout: float) -> None:
    """Return once the emulator accepts TCP connections on its port."""
    host, port = base_url.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StepFailed(f"the emulator exited with {process.returncode} before listening")
        try:
            with socket.create_connection((host, int(port)), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise StepFailed(f"the emulator did not listen on {host}:{port} within {timeout:.0f} s")


def scenario_env(server: Emulator, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a scenario program reads its target from."""
    env = {**os.environ, **(extra or {})}
    env["CLOSE_BASE_URL"] = server.base_url
    env["CLOSE_API_KEY"] = server.api_key
    env["CLOSE_EMULATOR_ADMIN_URL"] = server.admin_url
    return env


def typescript() -> None:
    """openapi-typescript types + openapi-fetch, checked and compiled by tsc, run by node."""
    here = LANGS / "typescript"
    npm = tool("npm", "install Node.js 20 or later (Debian: apt-get install nodejs npm)")
    node = tool("node", "install Node.js 20 or later (Debian: apt-get install nodejs npm)")
    quiet = ["--no-audit", "--no-fund", "--loglevel=error"]
    env = {**os.environ, "NO_UPDATE_NOTIFIER": "1", "npm_config_update_notifier": "false"}
    run([npm, "ci", *quiet], cwd=here, env=env)
    run([npm, "run", "--silent", "generate"], cwd=here, env=env)
    # One strict tsc run: --noEmitOnError makes any type error fail before JS exists.
    run([npm, "run", "--silent", "build"], cwd=here, env=env)
    with emulator() as server:
        run([node, "build/js/scenario.js"], cwd=here, env=scenario_env(server, env))


def spec_with_bearer_for_oauth2(out: Path) -> Path:
    """A copy of the spec whose OAuth 2 scheme is the bearer token it sends.

    openapi-generator's Go client imports golang.org/x/oauth2 for any `type: oauth2`
    scheme, and the Go build here downloads no modules. On the wire an OAuth 2 call is
    `Authorization: Bearer <token>`, which `type: http, scheme: bearer` says exactly;
    the flows and scopes only matter to getting the token, which the client never does.
    """
    import yaml

    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    schemes = spec["components"]["securitySchemes"]
    for name, scheme in schemes.items():
        if scheme.get("type") == "oauth2":
            schemes[name] = {
                "type": "http",
                "scheme": "bearer",
                "description": scheme.get("description", ""),
            }

    def no_scopes(requirements: list[dict[str, list[str]]]) -> list[dict[str, list[str]]]:
        return [{name: [] for name in requirement} for requirement in requirements]

    spec["security"] = no_scopes(spec.get("security", []))
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = no_scopes(operation["security"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return out


def go() -> None:
    """openapi-generator's Go client, built by Debian's Go with no module downloads."""
    here = LANGS / "go"
    hint = "run langs/go/install-system-deps (as root) or apt-get install {}"
    tool("java", hint.format("default-jre-headless"))
    go_bin = tool("go", hint.format("golang-go"))
    generator = tool(
        "openapi-generator-cli", "pip install -r langs/go/requirements.txt (tox -e go does)"
    )
    build = here / "build"
    env = {
        **os.environ,
        # Everything the client needs is in Go's standard library: never reach a proxy,
        # never fetch a newer toolchain because a go.mod asks for one.
        "GOPROXY": "off",
        "GOFLAGS": "-mod=mod",
        "GOTOOLCHAIN": "local",
        "GOTELEMETRY": "off",
        "GOCACHE": os.environ.get("GOCACHE", str(build / "gocache")),
        "GOPATH": os.environ.get("GOPATH", str(build / "gopath")),
    }
    shutil.rmtree(build / "closephone", ignore_errors=True)
    run(
        [
            generator,
            "generate",
            "-g",
            "go",
            "-i",
            str(spec_with_bearer_for_oauth2(build / "openapi-go.yaml")),
            "-o",
            str(build / "closephone"),
            *GO_GENERATOR_ARGS,
        ],
        cwd=here,
        env=env,
        quiet=True,
    )
    run([go_bin, "vet", "."], cwd=here, env=env)
    run([go_bin, "build", "-o", str(build / "scenario"), "."], cwd=here, env=env)
    with emulator() as server:
        run([str(build / "scenario")], cwd=here, env=scenario_env(server, env))


def ruby() -> None:
    """openapi-generator's Ruby client on Debian's Ruby and Typhoeus; no gem is downloaded."""
    here = LANGS / "ruby"
    hint = "run langs/ruby/install-system-deps (as root) or apt-get install {}"
    tool("java", hint.format("default-jre-headless"))
    ruby_bin = tool("ruby", hint.format("ruby ruby-typhoeus"))
    generator = tool(
        "openapi-generator-cli", "pip install -r langs/go/requirements.txt (tox -e ruby does)"
    )
    build = here / "build"
    shutil.rmtree(build / "close_phone", ignore_errors=True)
    run(
        [
            generator,
            "generate",
            "-g",
            "ruby",
            "-i",
            str(SPEC),
            "-o",
            str(build / "close_phone"),
            *RUBY_GENERATOR_ARGS,
        ],
        cwd=here,
        quiet=True,
    )
    # Loads every generated file, so a syntax error or a missing library fails here.
    run(
        [ruby_bin, "-I", str(build / "close_phone" / "lib"), "-e", "require 'close_phone'"],
        cwd=here,
    )
    with emulator() as server:
        run([ruby_bin, "scenario.rb"], cwd=here, env=scenario_env(server))


LANGUAGES = {"go": go, "ruby": ruby, "ts": typescript}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("language", choices=sorted(LANGUAGES))
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        LANGUAGES[args.language]()
    except StepFailed as failure:
        say(f"{args.language}: FAILED: {failure}", stream=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    say(f"{args.language}: generated, compiled and ran the scenario in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
