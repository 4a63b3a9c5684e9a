"""Command-line pieces of `contract_tests.record`."""

from __future__ import annotations

import argparse
import os
import sys
from urllib.parse import urlsplit

import httpx
from close_phone_contract._session import SessionOptions, SessionRefused

CLOSE_BASE_URL = "https://api.close.com/api/v1"
KEY_VARIABLE = "CLOSE_API_KEY"
EXIT_USAGE = 2


def add_session_arguments(parser: argparse.ArgumentParser) -> None:
    """The target and the opt-in writes; everything defaults to read-only."""
    parser.add_argument(
        "--base-url",
        default=CLOSE_BASE_URL,
        help=f"the API root to talk to (default: {CLOSE_BASE_URL})",
    )
    parser.add_argument(
        "--allow-update",
        metavar="NUMBER_ID",
        help="also update this number (phon_...), writing back its own settings",
    )
    parser.add_argument(
        "--allow-rent",
        action="store_true",
        help="also rent numbers; costs money, needs --max-rents",
    )
    parser.add_argument("--max-rents", type=int, default=0, metavar="N", help="rent at most N")
    parser.add_argument("--rent-country", default="US", help="country to rent in (default: US)")
    parser.add_argument("--rent-prefix", help="area code or prefix to rent in")
    parser.add_argument(
        "--keep-rented",
        action="store_true",
        help="keep the rented numbers (by default each is deleted right after its rent)",
    )


def api_key(program: str) -> str:
    """The key from the environment, or a clear message and exit status 2."""
    key = os.environ.get(KEY_VARIABLE, "").strip()
    if not key:
        sys.stderr.write(
            f"{KEY_VARIABLE} is not set. This talks to a real API and needs a key:\n"
            f"  {KEY_VARIABLE}=api_... {program} [options]\n"
            "The key is read from the environment only, never from the command line,\n"
            "so it stays out of shell history and process lists. Nothing was run.\n"
        )
        raise SystemExit(EXIT_USAGE)
    return key


def session_options(args: argparse.Namespace) -> SessionOptions:
    """Options from the parsed arguments, or the reason they are unsafe and exit status 2."""
    try:
        return SessionOptions(
            allow_update=args.allow_update,
            allow_rent=args.allow_rent,
            max_rents=args.max_rents,
            rent_country=args.rent_country,
            rent_prefix=args.rent_prefix,
            release_rented=not args.keep_rented,
        )
    except SessionRefused as exc:
        sys.stderr.write(f"{exc}\n")
        raise SystemExit(EXIT_USAGE) from None


def client(base_url: str, key: str) -> httpx.Client:
    """An httpx client for the target, Basic auth with the key and an empty password."""
    return httpx.Client(
        base_url=base_url.rstrip("/") + "/",
        auth=(key, ""),
        timeout=httpx.Timeout(30.0),
        headers={"User-Agent": "close-phone-numbers-contract-tests"},
    )


def describe(base_url: str) -> str:
    """The target as it may appear in a fixture: scheme, host and path, no credentials."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"
