"""login, logout and whoami against the emulator's /me/, with the file and a keyring."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from close_phone_emulator import Emulator

from ._run import Result, Run
from .test_cli_profiles import MemoryKeyring

NO_KEYRING = {"keyring": lambda: None}


@pytest.fixture
def home(emulator: Emulator, tmp_path: Path) -> dict[str, str]:
    """An environment with a config dir of its own and no key: only a profile can give one."""
    return {"CLOSE_CONFIG_DIR": str(tmp_path / "cfg"), "CLOSE_BASE_URL": emulator.base_url}


def config(home: dict[str, str]) -> Path:
    return Path(home["CLOSE_CONFIG_DIR"]) / "config.toml"


def login_with_token(cli: Run, home: dict[str, str], key: str, *argv: str, **kw: object) -> Result:
    return cli("login", "--with-token", *argv, env_=home, stdin_text=key + "\n", **kw)


def test_login_with_token_keeps_the_key_owner_only(
    cli: Run, emulator: Emulator, home: dict[str, str]
) -> None:
    """`echo KEY | login --with-token` checks the key, stores it 0600, and never prints it."""
    key = emulator.api_key_with_permission
    result = login_with_token(cli, home, key, **NO_KEYRING)
    assert result.code == 0, result.err
    assert "Logged in as Alice" in result.err
    assert "profile default" in result.err
    assert key not in result.out + result.err
    assert stat.S_IMODE(config(home).stat().st_mode) == 0o600
    assert key in config(home).read_text()
    # Later commands need no CLOSE_API_KEY.
    assert cli("list", "--json", env_=home).code == 0


def test_login_at_a_terminal_asks_without_echo(
    cli: Run, emulator: Emulator, home: dict[str, str]
) -> None:
    """At a terminal the key is read with getpass, whose prompt shows no key."""
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return emulator.api_key_with_permission

    result = cli("login", env_=home, answer="", getpass=getpass, **NO_KEYRING)
    assert result.code == 0, result.err
    assert prompts == ["Close API key (typing is not shown): "]
    assert emulator.api_key_with_permission not in result.out + result.err


def test_login_without_a_terminal_or_with_token_stores_nothing(
    cli: Run, home: dict[str, str]
) -> None:
    """No terminal and no --with-token: exit 2, saying how to pipe the key."""
    result = cli("login", env_=home, **NO_KEYRING)
    assert result.code == 2
    assert "--with-token" in result.err
    assert not config(home).exists()


def test_login_with_a_wrong_key_stores_nothing(cli: Run, home: dict[str, str]) -> None:
    """A key Close refuses exits 3 and is not kept."""
    result = login_with_token(cli, home, "api_wrong", **NO_KEYRING)
    assert result.code == 3
    assert "api_wrong" not in result.err
    assert not config(home).exists()


def test_login_prefers_the_keyring_when_there_is_one(
    cli: Run, emulator: Emulator, home: dict[str, str]
) -> None:
    """With a usable keyring the key goes there and the file holds none."""
    keyring = MemoryKeyring()
    key = emulator.api_key_with_permission
    result = login_with_token(cli, home, key, "--profile", "work", keyring=lambda: keyring)
    assert result.code == 0, result.err
    assert keyring.keys == {"work": key}
    assert key not in config(home).read_text()
    assert "a test keyring" in result.err
    listed = cli("list", "--profile", "work", env_=home, keyring=lambda: keyring)
    assert listed.code == 0, listed.err


def test_no_keyring_flag_keeps_the_key_in_the_file(
    cli: Run, emulator: Emulator, home: dict[str, str]
) -> None:
    """--no-keyring stores in the owner-only file even when a keyring exists."""
    keyring = MemoryKeyring()
    key = emulator.api_key_with_permission
    assert login_with_token(cli, home, key, "--no-keyring", keyring=lambda: keyring).code == 0
    assert keyring.keys == {}
    assert key in config(home).read_text()


def test_whoami_names_the_user_and_where_the_key_came_from(
    cli: Run, emulator: Emulator, home: dict[str, str], env: dict[str, str]
) -> None:
    """whoami shows /me/'s user and organization, and the key's source."""
    assert login_with_token(cli, home, emulator.api_key_with_permission, **NO_KEYRING).code == 0
    shown = json.loads(cli("whoami", "--json", env_=home).out)
    alice = next(u for u in emulator.users if u.api_key == emulator.api_key_with_permission)
    assert shown["user_id"] == alice.id
    assert shown["email"] == alice.email
    assert shown["organizations"] == ["Acme Inc."]
    assert shown["key_from"] == "profile default"
    assert json.loads(cli("whoami", "--json").out)["key_from"] == "CLOSE_API_KEY"
    table = cli("whoami", env_=home)
    assert table.code == 0
    assert table.out.splitlines()[0].split() == ["user_id", alice.id]


def test_logout_forgets_the_key(cli: Run, emulator: Emulator, home: dict[str, str]) -> None:
    """After logout the profile has no key: list exits 3 and says to log in."""
    keyring = MemoryKeyring()
    key = emulator.api_key_with_permission
    assert login_with_token(cli, home, key, keyring=lambda: keyring).code == 0
    result = cli("logout", env_=home, keyring=lambda: keyring)
    assert result.code == 0
    assert "Logged out of profile default" in result.err
    assert keyring.keys == {}
    after = cli("list", env_=home, keyring=lambda: keyring)
    assert after.code == 3
    assert "close-phone-numbers login" in after.err
    again = cli("logout", "--json", env_=home, keyring=lambda: keyring)
    assert json.loads(again.out) == {"profile": "default", "logged_out": False}


def test_login_stores_the_base_url_with_the_profile(
    cli: Run, emulator: Emulator, home: dict[str, str]
) -> None:
    """--base-url at login is used later without CLOSE_BASE_URL."""
    key = emulator.api_key_with_permission
    only_dir = {"CLOSE_CONFIG_DIR": home["CLOSE_CONFIG_DIR"]}
    result = cli(
        "login", "--with-token", "--base-url", emulator.base_url, env_=only_dir,
        stdin_text=key + "\n", **NO_KEYRING,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert cli("list", "--json", env_=only_dir).code == 0
