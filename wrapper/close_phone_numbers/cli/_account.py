"""login, logout and whoami: keys kept per profile, and a check of whom a key acts as."""

from __future__ import annotations

import argparse
from typing import Any

from .._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._command import Command
from ._errors import ExitCode, NoCredentials, UsageError
from ._output import as_dict
from ._profiles import PROFILE_ENV
from ._session import Session

_PROMPT = "Close API key (typing is not shown): "


def _profile_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help=f"the profile to use (default: {PROFILE_ENV}, else default)",
    )


def _login_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--with-token", action="store_true", help="read the key from stdin instead of asking"
    )
    parser.add_argument(
        "--base-url", metavar="URL", help=f"the API root for this profile ({DEFAULT_BASE_URL})"
    )
    parser.add_argument(
        "--no-keyring",
        action="store_true",
        help="keep the key in the config file (owner-only) even if a keyring is available",
    )
    _profile_flag(parser)


def _read_key(args: argparse.Namespace, session: Session) -> str:
    console = session.console
    if args.with_token:
        key = console.stdin.read()
    elif console.stdin.isatty():
        key = console.getpass(_PROMPT)
    else:
        raise UsageError(
            "stdin is not a terminal, so the key cannot be asked for: "
            f'pipe it in with --with-token (echo "${API_KEY_ENV}" | close-phone-numbers '
            "login --with-token)."
        )
    key = key.strip()
    if not key or any(c.isspace() for c in key):
        raise NoCredentials("That is not an API key: it is empty or has spaces in it.")
    return key


def _login(args: argparse.Namespace, session: Session) -> int:
    profile = session.profile
    key = _read_key(args, session)
    base_url = args.base_url or session.console.env.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    # Checked before it is kept: a mistyped key is refused here, not on the next command.
    with session.client(key, base_url) as numbers:
        me = as_dict(numbers.me())
    profiles = session.profiles
    settings: dict[str, str] = {}
    if base_url != DEFAULT_BASE_URL:
        settings["base_url"] = base_url
    keyring = None if args.no_keyring else session.console.keyring()
    if keyring is not None:
        keyring.set(profile, key)
        settings["key_storage"] = "keyring"
        where = keyring.description
    else:
        settings["api_key"] = key
        where = f"{profiles.path} (readable by you only)"
    profiles.profiles[profile] = settings
    profiles.save()
    session.console.say(f"Logged in as {_who(me)} on profile {profile}; the key is in {where}.")
    if session.console.env.get(API_KEY_ENV, "").strip():
        session.console.say(f"warning: {API_KEY_ENV} is set, and wins over the stored key.")
    result = {
        "profile": profile,
        "user_id": me.get("id"),
        "email": me.get("email"),
        "key_storage": "keyring" if keyring is not None else "file",
        "config": str(profiles.path),
    }
    if session.format != "table":  # the sentence above is for people; this is for programs
        session.output.value(result, "")
    return ExitCode.OK


def _logout(args: argparse.Namespace, session: Session) -> int:
    profile = session.profile
    profiles = session.profiles
    settings = profiles.profiles.pop(profile, None)
    if settings is not None:
        if settings.get("key_storage") == "keyring":
            keyring = session.console.keyring()
            if keyring is not None:
                keyring.delete(profile)
        profiles.save()
        session.console.say(f"Logged out of profile {profile}; its key is forgotten.")
    else:
        session.console.say(f"Profile {profile} has no stored key; nothing to forget.")
    if session.format != "table":
        session.output.value({"profile": profile, "logged_out": settings is not None}, "")
    return ExitCode.OK


def _whoami(args: argparse.Namespace, session: Session) -> int:
    me = as_dict(session.numbers.me())
    organizations = [o.get("name") or o.get("id") for o in me.get("organizations") or []]
    shown: dict[str, Any] = {
        "user_id": me.get("id"),
        "name": " ".join(p for p in (me.get("first_name"), me.get("last_name")) if p) or None,
        "email": me.get("email"),
        "organizations": organizations,
        "key_from": session.key_source,
        "base_url": session.base_url(),
    }
    session.show(shown)
    return ExitCode.OK


def _who(me: dict[str, Any]) -> str:
    name = " ".join(p for p in (me.get("first_name"), me.get("last_name")) if p)
    email = me.get("email")
    who = f"{name} <{email}>" if name and email else name or email or str(me.get("id"))
    orgs = [o.get("name") for o in me.get("organizations") or [] if o.get("name")]
    return f"{who} ({', '.join(orgs)})" if orgs else who


COMMANDS = (
    Command(
        "login",
        "Check an API key and keep it for later commands, under a profile.",
        """
close-phone-numbers login                               # asks for the key, hidden
echo "$CLOSE_API_KEY" | close-phone-numbers login --with-token --profile work
""",
        _login_arguments,
        _login,
        connects=False,
    ),
    Command(
        "logout",
        "Forget the key stored for a profile.",
        "close-phone-numbers logout --profile work",
        _profile_flag,
        _logout,
        connects=False,
    ),
    Command(
        "whoami",
        "Show the user and organization the key acts as (Close's /me/).",
        "close-phone-numbers whoami --profile work",
        lambda parser: None,
        _whoami,
    ),
)
