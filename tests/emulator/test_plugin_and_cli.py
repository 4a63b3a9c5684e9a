"""The pytest fixtures, the command line and `python -m close_phone_emulator`."""

from __future__ import annotations

import asyncio
import io
import os
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
from close_phone_emulator import Emulator, ServerThread
from close_phone_emulator._server import listening_socket
from close_phone_numbers import testing
from close_phone_numbers.cli import _main as _cli
from close_phone_numbers.cli._registry import commands

ROOT = Path(__file__).parents[2]


def test_the_pytest11_entry_point_names_the_plugin_module() -> None:
    """pyproject registers close_phone_numbers.testing, which exports every fixture."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["entry-points"]["pytest11"] == {
        "close_phone_numbers": "close_phone_numbers.testing"
    }
    assert testing.__all__ == [
        "async_close_phone_numbers",
        "close_emulator",
        "close_emulator_server",
        "close_phone_numbers",
    ]


def test_the_plugin_imports_nothing_heavy() -> None:
    """Loading the plugin in a fresh interpreter imports neither starlette nor uvicorn."""
    code = (
        "import sys, close_phone_numbers.testing; "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'phonenumbers') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"


def test_close_emulator_is_a_fresh_in_process_emulator(close_emulator: Emulator) -> None:
    """The fixture gives a default-seeded emulator usable through its sync transport."""
    auth = (close_emulator.api_key_with_permission, "")
    with httpx.Client(
        transport=close_emulator.transport(), base_url=close_emulator.base_url, auth=auth
    ) as client:
        assert (
            client.post("/phone_number/request/internal/", json={"country": "US"}).status_code
            == 201
        )
    assert len(close_emulator.numbers()) == len(Emulator().numbers()) + 1


def test_close_emulator_server_serves_on_loopback(close_emulator_server: ServerThread) -> None:
    """The server fixture listens on 127.0.0.1 under /api/v1 and rents for real."""
    assert close_emulator_server.base_url.startswith("http://127.0.0.1:")
    assert close_emulator_server.base_url.endswith("/api/v1")
    auth = (close_emulator_server.api_key_with_permission, "")
    response = httpx.post(
        close_emulator_server.base_url + "/phone_number/request/internal/",
        json={"country": "US"},
        auth=auth,
    )
    assert response.status_code == 201


def test_close_emulator_server_is_reset_between_tests(close_emulator_server: ServerThread) -> None:
    """The rent of the previous test is gone: the server starts each test from the seed."""
    assert len(close_emulator_server.emulator.numbers()) == len(Emulator().numbers())
    auth = (close_emulator_server.api_key_without_permission, "")
    response = httpx.get(close_emulator_server.base_url + "/phone_number/", auth=auth)
    assert response.headers["ratelimit"] == "limit=60, remaining=59, reset=1"


def test_the_cli_has_an_emulator_subcommand_in_its_dispatch_table() -> None:
    """`close-phone-numbers emulator` parses host, port and seed."""
    args = _cli.build_parser().parse_args(["emulator", "--port", "9000", "--seed", "s.json"])
    assert (args.command, args.host, args.port, args.seed) == (
        "emulator",
        "127.0.0.1",
        9000,
        "s.json",
    )
    assert "emulator" in [command.name for command in commands()]


def test_the_cli_reports_a_bad_seed_file_and_exits_2(tmp_path: Path) -> None:
    """A seed file that does not exist is one error line and exit status 2."""
    out = io.StringIO()
    assert _cli.main(["emulator", "--seed", str(tmp_path / "none.json")], out) == 2
    assert out.getvalue().startswith("error: cannot read the seed file")


def test_the_module_starts_prints_keys_and_serves(tmp_path: Path) -> None:
    """`python -m close_phone_emulator` prints its URL and keys, then answers on them."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with ServerThread(Emulator()) as probe:  # borrow a free port number
        port = int(probe.root_url.rsplit(":", 1)[1])
    command = [sys.executable, "-m", "close_phone_emulator", "--port", str(port)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as process:
        try:
            assert process.stdout is not None
            lines = [process.stdout.readline() for _ in range(4)]
            assert lines[0] == f"Close phone-number emulator on http://127.0.0.1:{port}/api/v1\n"
            key = lines[3].split()[0]
            url = f"http://127.0.0.1:{port}/api/v1/phone_number/"
            transport = httpx.HTTPTransport(retries=50)  # connect retries while uvicorn starts
            with httpx.Client(transport=transport) as client:
                assert client.get(url, auth=(key, "")).status_code == 200
        finally:
            process.terminate()


def test_served_connections_have_nagle_turned_off() -> None:
    """Connections accepted on the emulator's socket get TCP_NODELAY from asyncio.

    A regression test: a socket made without IPPROTO_TCP kept asyncio from setting
    it, and every keep-alive answer after the first waited ~40 ms for a delayed ACK.
    """

    async def nodelay_of_accepted_connection() -> int:
        sock = listening_socket("127.0.0.1", 0)
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            raw = writer.get_extra_info("socket")
            accepted.set_result(raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connection, sock=sock)
        _, writer = await asyncio.open_connection(*sock.getsockname()[:2])
        try:
            return await accepted
        finally:
            writer.close()
            server.close()
            await server.wait_closed()

    assert asyncio.run(nodelay_of_accepted_connection()) != 0


def test_without_the_extra_the_server_fixture_says_what_to_install(tmp_path: Path) -> None:
    """With uvicorn missing, close_emulator_server fails naming the extra, not ImportError."""
    (tmp_path / "conftest.py").write_text("import sys\nsys.modules['uvicorn'] = None\n")
    (tmp_path / "test_uses_server.py").write_text("def test_it(close_emulator_server):\n    pass\n")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "close_phone_numbers.testing", "-p",
         "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1
    assert "pip install 'close-phone-numbers[emulator]'" in done.stdout


def test_without_the_extra_the_cli_says_what_to_install() -> None:
    """With uvicorn missing, `emulator --port N` exits 2 naming the extra to install."""
    code = (
        "import sys; sys.modules['uvicorn'] = None; "
        "from close_phone_numbers.cli import main; "
        "raise SystemExit(main(['emulator', '--port', '9']))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert done.stdout == (
        "error: the emulator needs the 'emulator' extra (uvicorn is missing): "
        "pip install 'close-phone-numbers[emulator]'\n"
    )
