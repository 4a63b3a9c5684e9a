"""Named profiles: a base URL and a key per name, in the platform's config directory.

The file is written owner-only (0600, in a 0700 directory). When the `keyring` package
is importable and has a working backend, the key goes to the OS keyring instead and the
file only says so.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ._errors import UsageError

APP = "close-phone-numbers"
DEFAULT_PROFILE = "default"
PROFILE_ENV = "CLOSE_PROFILE"
CONFIG_DIR_ENV = "CLOSE_CONFIG_DIR"
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ProfileError(UsageError):
    """A profile name or config file the command cannot use."""


class KeyStore(Protocol):
    """Where keys are kept outside the config file."""

    description: str

    def get(self, profile: str) -> str | None: ...
    def set(self, profile: str, key: str) -> None: ...
    def delete(self, profile: str) -> None: ...


class SystemKeyring:
    """The OS keyring through the `keyring` package."""

    def __init__(self, module: Any) -> None:
        self._keyring = module
        self.description = f"the system keyring ({type(module.get_keyring()).__name__})"

    def get(self, profile: str) -> str | None:
        value = self._keyring.get_password(APP, profile)
        return value if isinstance(value, str) else None

    def set(self, profile: str, key: str) -> None:
        self._keyring.set_password(APP, profile, key)

    def delete(self, profile: str) -> None:
        with contextlib.suppress(Exception):  # already gone is fine
            self._keyring.delete_password(APP, profile)


def system_keyring() -> KeyStore | None:
    """The OS keyring if `keyring` is installed and has a backend that stores; else None."""
    try:
        module = importlib.import_module("keyring")
        backend = module.get_keyring()
    except Exception:
        return None
    # keyring's "fail" backend, or a chain of no backends, has no priority.
    if getattr(backend, "priority", 0) <= 0 or type(backend).__module__.endswith(".fail"):
        return None
    return SystemKeyring(module)


def config_dir(env: Mapping[str, str], platform: str = sys.platform) -> Path:
    """close-phone-numbers' directory in the platform's place for configuration."""
    if env.get(CONFIG_DIR_ENV):
        return Path(env[CONFIG_DIR_ENV])
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform == "win32":
        base = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        # The XDG spec ignores relative paths.
        xdg = env.get("XDG_CONFIG_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else home / ".config"
    return base / APP


def profile_name(given: str | None, env: Mapping[str, str]) -> str:
    """--profile, else CLOSE_PROFILE, else "default"; checked to be a plain name."""
    name = given or env.get(PROFILE_ENV) or DEFAULT_PROFILE
    if not _NAME.match(name):
        raise ProfileError(
            f"Profile names are letters, digits, '-' and '_' (up to 64); got {name!r}."
        )
    return name


@dataclass
class Profiles:
    """The config file: profile name -> settings (base_url, api_key or key_storage)."""

    path: Path
    profiles: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, env: Mapping[str, str]) -> Profiles:
        path = config_dir(env) / "config.toml"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ProfileError(f"Cannot read {path}: {exc}") from exc
        raw = data.get("profiles", {})
        profiles = {
            str(name): {str(k): str(v) for k, v in values.items()}
            for name, values in (raw.items() if isinstance(raw, dict) else [])
            if isinstance(values, dict)
        }
        return cls(path, profiles)

    def save(self) -> None:
        """Write the file owner-only, replacing it in one step."""
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        lines = ["# Written by `close-phone-numbers login`; keys here are secrets.\n"]
        for name in sorted(self.profiles):
            lines.append(f"\n[profiles.{name}]\n")
            for key, value in sorted(self.profiles[name].items()):
                # A JSON string is a valid TOML basic string.
                lines.append(f"{key} = {json.dumps(value)}\n")
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write("".join(lines))
            os.chmod(temporary, 0o600)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def key(self, name: str, keyring: Callable[[], KeyStore | None]) -> str | None:
        """The stored key of profile ``name``, from the file or (looked for only then) the
        keyring."""
        settings = self.profiles.get(name, {})
        if settings.get("key_storage") == "keyring":
            store = keyring()
            return store.get(name) if store is not None else None
        return settings.get("api_key") or None
