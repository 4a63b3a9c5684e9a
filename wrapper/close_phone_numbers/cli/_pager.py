"""Long output through the user's pager, as git and gh do, only at a terminal."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Mapping

PAGER_ENV = "CLOSE_PAGER"
# -F leaves short output on screen, -R passes colours, -X keeps it after quitting.
_LESS_FLAGS = "FRX"


def pager_command(env: Mapping[str, str]) -> str | None:
    """CLOSE_PAGER, then PAGER, else less; None when set to nothing or to cat."""
    for name in (PAGER_ENV, "PAGER"):
        if name in env:
            chosen = env[name].strip()
            return None if chosen in ("", "cat") else chosen
    return "less"


def page(text: str, command: str, env: Mapping[str, str]) -> bool:
    """Show ``text`` through ``command``; False when the pager could not be started."""
    # The run's own environment (the process's, unless a test gave one), with a PATH.
    child_env = dict(env)
    child_env.setdefault("PATH", os.environ.get("PATH", os.defpath))
    child_env.setdefault("LESS", _LESS_FLAGS)
    try:
        # A shell command, as PAGER is for every other tool ("less -S", "bat --plain").
        process = subprocess.Popen(
            command, shell=True, stdin=subprocess.PIPE, text=True, env=child_env
        )
    except OSError:
        return False
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the user quit the pager early
        process.stdin.write(text)
    with contextlib.suppress(BrokenPipeError):
        process.stdin.close()
    # A pager that is not found exits 127 from the shell, having shown nothing.
    return process.wait() != 127
