"""Profiles: where they live, who wins over whom, and file permissions."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from close_phone_emulator import Emulator
from close_phone_numbers.cli._profiles import Profiles, config_dir, system_keyring

from ._run import Recorder, Run


class MemoryKeyring:
    """A keyring that keeps keys in a dict, standing in for the OS keyring."""

    description = "a test keyring"

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}

    def get(self, profile: str) -> str | None:
        return self.keys.get(profile)

    def set(self, profile: str, key: str) -> None:
        self.keys[profile] = key

    def delete(self, profile: str) -> None:
        self.keys.pop(profile, None)


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"HOME": "/h", "XDG_CONFIG_HOME": "/x"}, "/x/close-phone-numbers"),
        ("linux", {"HOME": "/h"}, "/h/.config/close-phone-numbers"),
        ("linux", {"HOME": "/h", "XDG_CONFIG_HOME": "rel"}, "/h/.config/close-phone-numbers"),
        ("darwin", {"HOME": "/h"}, "/h/Library/Application Support/close-phone-numbers"),
        ("win32", {"HOME": "/h", "APPDATA": "/a"}, "/a/close-phone-numbers"),
        ("linux", {"HOME": "/h", "CLOSE_CONFIG_DIR": "/c"}, "/c"),
    ],
)
def test_config_dir_follows_the_platform(platform: str, env: dict[str, str], expected: str) -> None:
    """XDG_CONFIG_HOME on Linux (absolute only), Application Support on macOS, APPDATA."""
    assert config_dir(env, platform) == Path(expected)


def stored(tmp_path: Path, **profiles: dict[str, str]) -> dict[str, str]:
    """An environment whose config dir holds ``profiles``."""
    env = {"CLOSE_CONFIG_DIR": str(tmp_path / "config")}
    book = Profiles.load(env)
    book.profiles.update(profiles)
    book.save()
    return env


def test_the_file_is_owner_only(tmp_path: Path) -> None:
    """The config file is 0600 and its directory 0700, even under a loose umask."""
    old = os.umask(0o022)
    try:
        env = stored(tmp_path, default={"api_key": "api_x"})
    finally:
        os.umask(old)
    path = Path(env["CLOSE_CONFIG_DIR"]) / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert Profiles.load(env).profiles == {"default": {"api_key": "api_x"}}


def test_a_stored_profile_is_used_when_no_key_is_in_the_environment(
    cli: Run, emulator: Emulator, tmp_path: Path
) -> None:
    """With no CLOSE_API_KEY, the default profile's key and base URL are used."""
    env = stored(
        tmp_path,
        default={"api_key": emulator.api_key_with_permission, "base_url": emulator.base_url},
    )
    result = cli("list", "--json", env_=env)
    assert result.code == 0, result.err
    assert json.loads(result.out)


def test_the_environment_wins_over_a_profile(
    cli: Run, emulator: Emulator, recorder: Recorder, tmp_path: Path
) -> None:
    """CLOSE_API_KEY is sent even when a profile is stored, and --profile says so."""
    env = stored(tmp_path, work={"api_key": "api_fromtheprofile", "base_url": emulator.base_url})
    env = {**env, "CLOSE_API_KEY": emulator.api_key_with_permission}
    result = cli("list", "--profile", "work", env_=env)
    assert result.code == 0, result.err
    assert "CLOSE_API_KEY is set, so it wins over --profile" in result.err
    assert all("api_fromtheprofile" not in str(r.headers) for r in recorder.requests)


def test_profile_picks_among_several(cli: Run, emulator: Emulator, tmp_path: Path) -> None:
    """--profile and CLOSE_PROFILE choose which stored key is sent."""
    env = stored(
        tmp_path,
        default={"api_key": "api_wrong", "base_url": emulator.base_url},
        work={"api_key": emulator.api_key_with_permission, "base_url": emulator.base_url},
    )
    assert cli("list", env_=env).code == 3
    assert cli("list", "--profile", "work", env_=env).code == 0
    assert cli("list", env_={**env, "CLOSE_PROFILE": "work"}).code == 0


def test_a_missing_profile_says_how_to_log_in(cli: Run, tmp_path: Path) -> None:
    """--profile NAME with nothing stored exits 3 and names the login command."""
    env = {"CLOSE_CONFIG_DIR": str(tmp_path)}
    result = cli("list", "--profile", "work", env_=env)
    assert result.code == 3
    assert "close-phone-numbers login --profile work" in result.err
    plain = cli("list", env_=env)
    assert "Run `close-phone-numbers login`, or set CLOSE_API_KEY" in plain.err


def test_a_bad_profile_name_is_refused(cli: Run, tmp_path: Path) -> None:
    """Profile names are plain words; a path is refused before anything is read."""
    result = cli("list", "--profile", "../etc", env_={"CLOSE_CONFIG_DIR": str(tmp_path)})
    assert result.code == 2
    assert "Profile names are letters" in result.err


def test_a_keyring_profile_reads_its_key_from_the_keyring(
    cli: Run, emulator: Emulator, tmp_path: Path
) -> None:
    """key_storage = keyring: the file holds no key; the keyring gives it."""
    env = stored(tmp_path, default={"key_storage": "keyring", "base_url": emulator.base_url})
    keyring = MemoryKeyring()
    keyring.set("default", emulator.api_key_with_permission)
    assert cli("list", env_=env, keyring=lambda: keyring).code == 0
    assert "api_" not in (Path(env["CLOSE_CONFIG_DIR"]) / "config.toml").read_text()


def test_no_keyring_package_means_no_keyring() -> None:
    """Without the keyring package installed, keys go to the owner-only file."""
    code = "import sys; sys.modules['keyring'] = None\n" + (
        "from close_phone_numbers.cli._profiles import system_keyring\nprint(system_keyring())\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "None"
    assert system_keyring is not None
