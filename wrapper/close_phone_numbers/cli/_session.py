"""One run of a subcommand: its flags, where its key comes from, its client and its output."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .. import PhoneNumbers
from .._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._console import Console
from ._errors import NoCredentials
from ._parser import Parser, output_format
from ._profiles import PROFILE_ENV, Profiles, profile_name
from ._render import Output


class Session:
    """What a command's ``run`` gets: the console, the output, and a client on demand."""

    def __init__(self, args: argparse.Namespace, console: Console, parser: Parser) -> None:
        self.args = args
        self.console = console
        self.parser = parser
        self.format = output_format(args)
        self.output = Output(
            console,
            self.format,
            colour=console.colour(console.stdout, disabled=getattr(args, "no_color", False)),
        )
        # Every key this run has seen, blanked out of anything it prints about a failure.
        self.secrets: list[str] = []
        # Where the key of `numbers` came from, for whoami: a flag, the env or a profile.
        self.key_source = ""
        self._numbers: PhoneNumbers | None = None
        self._profiles: Profiles | None = None

    # credentials -----------------------------------------------------------------------

    @property
    def profiles(self) -> Profiles:
        if self._profiles is None:
            self._profiles = Profiles.load(self.console.env)
        return self._profiles

    @property
    def profile(self) -> str:
        """The profile in use: --profile, else CLOSE_PROFILE, else "default"."""
        return profile_name(getattr(self.args, "profile", None), self.console.env)

    def credentials(self) -> tuple[str, str]:
        """(key, where it came from): --api-key, then CLOSE_API_KEY, then the profile."""
        args, env = self.args, self.console.env
        if getattr(args, "api_key", None) is not None:
            self.console.say(
                "warning: --api-key is visible to other users in the process list; "
                f"prefer the {API_KEY_ENV} environment variable or `close-phone-numbers login`."
            )
            return self._remember(args.api_key), "--api-key"
        if env.get(API_KEY_ENV, "").strip():
            if getattr(args, "profile", None):
                self.console.say(f"warning: {API_KEY_ENV} is set, so it wins over --profile.")
            return self._remember(env[API_KEY_ENV]), API_KEY_ENV
        name = self.profile
        stored = self.profiles.key(name, self.console.keyring)
        if stored:
            return self._remember(stored), f"profile {name}"
        chosen = getattr(args, "profile", None) or env.get(PROFILE_ENV)
        missing = f"No key for profile {name!r}. " if chosen else "No API key. "
        login = "close-phone-numbers login" + (f" --profile {name}" if chosen else "")
        raise NoCredentials(
            f"{missing}Run `{login}`, or set {API_KEY_ENV}. "
            "Create a key in Close under Settings > Developer > API Keys."
        )

    def base_url(self) -> str:
        """--base-url, then CLOSE_BASE_URL, then the profile's, else Close itself."""
        given: str | None = getattr(self.args, "base_url", None)
        env = self.console.env.get(BASE_URL_ENV)
        if given or env:
            return given or env or DEFAULT_BASE_URL
        return self.profiles.profiles.get(self.profile, {}).get("base_url") or DEFAULT_BASE_URL

    def _remember(self, key: str) -> str:
        key = key.strip()
        if not key:
            raise NoCredentials(f"The API key is empty: set {API_KEY_ENV} or run login.")
        self.secrets.append(key)
        return key

    # the client ------------------------------------------------------------------------

    @property
    def numbers(self) -> PhoneNumbers:
        """The library's client, built on first use with this run's key and options."""
        if self._numbers is None:
            key, self.key_source = self.credentials()
            self._numbers = self.client(key, self.base_url())
        return self._numbers

    def client(self, key: str, base_url: str) -> PhoneNumbers:
        """A client for ``key`` at ``base_url`` with the run's --timeout and --max-retries."""
        self._remember(key)
        options = given(
            timeout=getattr(self.args, "timeout", None),
            max_retries=getattr(self.args, "max_retries", None),
            http_client=self.console.http_client,
            sleep=self.console.sleep,
        )
        return PhoneNumbers(api_key=key, base_url=base_url, **options)

    def close(self) -> None:
        if self._numbers is not None:
            self._numbers.close()

    # output ----------------------------------------------------------------------------

    def show(self, record: Mapping[str, Any]) -> None:
        """One object: a field list on a terminal, else the chosen format."""
        self.output.record(record)

    def show_rows(
        self,
        rows: Iterable[Mapping[str, Any]],
        columns: Sequence[tuple[str, str]],
        *,
        empty: str = "Nothing matches.",
    ) -> int:
        """Many objects: a table (paged when long), or the chosen format; returns how many."""
        pager = not getattr(self.args, "no_pager", False)
        return self.output.rows(rows, columns, pager=pager, empty=empty)


def given(**values: Any) -> dict[str, Any]:
    """Only what the user gave reaches the library, which sends only what it is given."""
    return {k: v for k, v in values.items() if v is not None}
