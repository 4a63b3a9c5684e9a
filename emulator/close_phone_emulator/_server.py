"""Serving the emulator under uvicorn: from the command line, or in a thread for tests."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import socket
import threading
import time
from typing import Any, TextIO

import uvicorn

from ._emulator import Emulator
from ._protocol import server_config
from ._seed import SeedError


def run(args: argparse.Namespace, out: TextIO, *, as_json: bool = False) -> int:
    """Start the emulator as `args` say, print where and with which keys, serve until ^C.

    ``as_json`` prints that as one JSON object (see `describe`) instead of the banner.
    """
    try:
        emu = Emulator(seed=args.seed, random_seed=args.random_seed)
    except SeedError as exc:
        out.write(f"error: {exc}\n")
        return 2
    server = uvicorn.Server(server_config(emu.app, host=args.host, port=args.port))
    try:
        sock = listening_socket(args.host, args.port)
    except OSError as exc:
        out.write(f"error: cannot listen on {args.host}:{args.port}: {exc}\n")
        return 2
    host, port = sock.getsockname()[:2]
    root = f"http://{host}:{port}"
    out.write(json.dumps(describe(emu, root)) + "\n" if as_json else banner(emu, root))
    out.flush()
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])  # uvloop when installed
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket for uvicorn's `sockets=`.

    Created with an explicit IPPROTO_TCP: asyncio turns on TCP_NODELAY only for
    sockets whose `proto` says TCP, and without it every keep-alive answer after
    the first waits about 40 ms for the client's delayed ACK.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def banner(emu: Emulator, root: str) -> str:
    """What the emulator prints on start: its URLs and the keys of the seeded users."""
    names = {o.id: o.name for o in emu.store.organizations.values()}
    lines = [
        f"Close phone-number emulator on {root}/api/v1",
        f"admin routes on {root}/_emulator/",
        "API keys (HTTP Basic, the key as user name, empty password):",
    ]
    for user in emu.users:
        permission = "  Manage Team Phone Numbers" if user.manage_team_phone_numbers else ""
        lines.append(f"  {user.api_key}  {user.name}  ({names[user.organization_id]}){permission}")
    return "\n".join(lines) + "\n"


def describe(emu: Emulator, root: str) -> dict[str, Any]:
    """The banner's facts for programs: base URL, admin URL and the seeded users' keys."""
    names = {o.id: o.name for o in emu.store.organizations.values()}
    return {
        "base_url": f"{root}/api/v1",
        "admin_url": f"{root}/_emulator/",
        "users": [
            {
                "api_key": user.api_key,
                "name": user.name,
                "organization": names[user.organization_id],
                "manage_team_phone_numbers": user.manage_team_phone_numbers,
            }
            for user in emu.users
        ],
    }


class ServerThread:
    """The emulator under uvicorn on a free loopback port, in a daemon thread."""

    def __init__(self, emulator: Emulator, host: str = "127.0.0.1", **options: Any) -> None:
        """`options` go to `server_config`: `parser`, `header_timeout`, ..."""
        self.emulator = emulator
        self._sock = listening_socket(host, 0)
        port = self._sock.getsockname()[1]
        self.root_url = f"http://{host}:{port}"
        self.base_url = f"{self.root_url}/api/v1"
        self._server = uvicorn.Server(server_config(emulator.app, lifespan="off", **options))
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._server.serve(sockets=[self._sock])),
            name="close-phone-emulator-server",
            daemon=True,
        )

    def start(self, timeout: float = 10.0) -> ServerThread:
        self._thread.start()
        for _ in range(int(timeout / 0.01)):
            if self._server.started:
                return self
            if not self._thread.is_alive():
                break
            time.sleep(0.01)
        raise RuntimeError("the emulator server did not start")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()

    @property
    def api_key_with_permission(self) -> str:
        return self.emulator.api_key_with_permission

    @property
    def api_key_without_permission(self) -> str:
        return self.emulator.api_key_without_permission

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
