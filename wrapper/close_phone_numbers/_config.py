"""Credentials, base URL, timeouts and headers: what both clients resolve when they are made."""

from __future__ import annotations

import base64
import math
import os
import platform
import random as _random
import re
from collections.abc import Callable
from typing import Any

import httpx
from close_phone_numbers_client import AuthenticatedClient

from ._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_TIMEOUT,
)
from ._errors import InvalidRequestError
from ._plan import Policy
from ._ratelimit import Throttle
from ._redact import secrets_of_authorization
from ._retry import MAX_RETRIES_LIMIT
from ._types import NotGiven
from ._version import __version__

USER_AGENT = (
    f"close-phone-numbers/{__version__} python/{platform.python_version()} "
    f"httpx/{httpx.__version__}"
)

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# Reserved names that never resolve on the internet (RFC 6761), used by in-process emulators.
_LOCAL_SUFFIXES = (".test", ".localhost")


def _kind_of(char: str) -> str | None:
    """What is wrong with a character of a credential, or None when it is fine in a header."""
    if " " < char < "\x7f":
        return None
    if char == " ":
        return "a space"
    if char in "\r\n":
        return "a line break"
    return "a control character" if char < " " or char == "\x7f" else "a non-ASCII character"


def _credential(field: str, value: object, what: str) -> str:
    """A key or token fit for a header. The message never shows it, even in part."""
    if not isinstance(value, str):
        raise InvalidRequestError(field, f"got a {type(value).__name__}; pass {what} as a string")
    if not value.strip():
        raise InvalidRequestError(field, f"is empty or only whitespace; pass {what}")
    for position, char in enumerate(value):
        kind = _kind_of(char)
        if kind is not None:
            raise InvalidRequestError(
                field,
                f"has {kind} at position {position + 1} of {len(value)}; copy {what} again "
                "exactly, without surrounding whitespace (its value is not shown here)",
            )
    return value


def _authorization(api_key: object, oauth_token: object) -> tuple[str, str] | None:
    """The Authorization header value and the scheme's name, from arguments or the environment."""
    if api_key is not None and oauth_token is not None:
        raise InvalidRequestError("api_key", "pass api_key or oauth_token, not both")
    if oauth_token is not None:
        token = _credential("oauth_token", oauth_token, "the OAuth access token")
        return f"Bearer {token}", "oauth"
    if api_key is None:
        api_key = os.environ.get(API_KEY_ENV) or None
        if api_key is None:
            return None
        key = _credential(API_KEY_ENV, api_key, "the Close API key")
    else:
        key = _credential("api_key", api_key, "the Close API key")
    # Basic auth with the key as user name and an empty password.
    encoded = base64.b64encode(f"{key}:".encode()).decode("ascii")
    return f"Basic {encoded}", "api_key"


def _checked_url(url: object, field: str) -> str:
    if not isinstance(url, str | httpx.URL):
        raise InvalidRequestError(
            field, f"got a {type(url).__name__}; pass an absolute URL like {DEFAULT_BASE_URL!r}"
        )
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        parsed = httpx.URL()
    # Shown shortened, and without what could be a password before an @.
    shown = repr(re.sub(r"^([^/]*//)?[^/@]*@", r"\1…@", str(url))[:100])
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InvalidRequestError(
            field, f"got {shown}; pass an absolute URL like {DEFAULT_BASE_URL!r}"
        )
    if parsed.userinfo:
        raise InvalidRequestError(
            field, "has a user name or password in it; pass credentials as api_key or oauth_token"
        )
    # A key sent over plain http can be read on the way; only the local machine is exempt.
    host = parsed.host
    if parsed.scheme == "http" and host not in _LOOPBACK and not host.endswith(_LOCAL_SUFFIXES):
        raise InvalidRequestError(
            field, f"got {shown}; use https:// (plain http is only allowed to 127.0.0.1)"
        )
    return str(url).rstrip("/")


def _base_url(base_url: object) -> str:
    if base_url is not None:
        return _checked_url(base_url, "base_url")
    return _checked_url(os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL, BASE_URL_ENV)


def _timeout(timeout: object) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, NotGiven):
        return httpx.Timeout(DEFAULT_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
    if timeout is None:  # as in httpx: wait for ever
        return httpx.Timeout(None)
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not math.isfinite(timeout)
        or timeout <= 0
    ):
        raise InvalidRequestError(
            "timeout", f"got {timeout!r:.60}; pass seconds as a positive number, or None"
        )
    return httpx.Timeout(float(timeout), connect=min(float(timeout), DEFAULT_CONNECT_TIMEOUT))


def checked_max_retries(max_retries: object) -> int:
    """``max_retries`` if it is a whole number from 0 to `MAX_RETRIES_LIMIT`."""
    if (
        isinstance(max_retries, bool)
        or not isinstance(max_retries, int)
        or not 0 <= max_retries <= MAX_RETRIES_LIMIT
    ):
        raise InvalidRequestError(
            "max_retries",
            f"got {max_retries!r:.30}; pass a whole number from 0 to {MAX_RETRIES_LIMIT}",
        )
    return max_retries


def check_callable(field: str, value: object) -> None:
    """Refuse a ``sleep`` or ``random`` that cannot be called, before it fails mid-request."""
    if value is not None and not callable(value):
        raise InvalidRequestError(field, f"got a {type(value).__name__}; pass a function")


def check_http_client(value: object, kind: type[httpx.Client | httpx.AsyncClient]) -> None:
    """Refuse anything but the right kind of httpx client (sync for sync, async for async)."""
    if value is not None and not isinstance(value, kind):
        other = "httpx.AsyncClient" if kind is httpx.Client else "httpx.Client"
        hint = (
            f" (an {other} belongs to the other client)"
            if isinstance(value, httpx.Client | httpx.AsyncClient)
            else ""
        )
        raise InvalidRequestError(
            "http_client",
            f"got a {type(value).__name__}{hint}; pass an {kind.__module__}.{kind.__name__}",
        )


_NO_CREDENTIALS = (
    f"no credentials; pass api_key=..., oauth_token=..., or set {API_KEY_ENV} in the environment"
)


class Core:
    """The resolved configuration of a client; holds no secret itself."""

    __slots__ = (
        "_authorization",
        "auth_scheme",
        "base_url",
        "generated",
        "owns_http",
        "policy",
        "secrets",
    )

    def __init__(
        self,
        *,
        api_key: str | None,
        oauth_token: str | None,
        base_url: str | None,
        max_retries: int,
        random: Callable[[], float] | None,
    ) -> None:
        max_retries = checked_max_retries(max_retries)
        check_callable("random", random)
        self.base_url = _base_url(base_url)
        found = _authorization(api_key, oauth_token)
        # Kept only until the httpx client holds it (whose repr hides Authorization).
        self._authorization = found[0] if found else None
        self.auth_scheme = found[1] if found else None
        # What log records are redacted against; a tuple, so the key is not in a repr.
        self.secrets = Secrets(secrets_of_authorization(self._authorization))
        self.policy = Policy(max_retries, random or _random.random, Throttle())
        # The generated client never builds its own httpx client: one is always set, so the
        # token field stays a placeholder and the key is not in its repr.
        self.generated = AuthenticatedClient(base_url=self.base_url, token="", prefix="")
        self.owns_http = False

    def new_client_kwargs(
        self,
        timeout: float | httpx.Timeout | NotGiven | None,
        hook: Callable[..., Any],
        request_hook: Callable[..., Any],
    ) -> dict[str, Any]:
        """Keyword arguments for an httpx client made by this package."""
        if self._authorization is None:
            raise InvalidRequestError("api_key", _NO_CREDENTIALS)
        headers = {"User-Agent": USER_AGENT, "Authorization": self._authorization}
        self._authorization = None
        self.owns_http = True
        return {
            "base_url": self.base_url,
            "headers": headers,
            "timeout": _timeout(timeout),
            "event_hooks": {"request": [request_hook], "response": [hook]},
        }

    def adopt(
        self,
        client: httpx.Client | httpx.AsyncClient,
        timeout: float | httpx.Timeout | NotGiven | None,
        hook: Callable[..., Any],
        request_hook: Callable[..., Any],
    ) -> None:
        """Set up a caller's httpx client in place: base URL, credentials, User-Agent, hooks.

        Redirects are no longer followed: a followed 307 or 308 would send a rent again.

        Its own base URL is held to the same rules as ``base_url=``: no credentials go over
        plain http to another machine, whichever way the URL was given.
        """
        if not client.base_url.host:
            client.base_url = httpx.URL(self.base_url)
        else:
            self.base_url = _checked_url(client.base_url, "http_client")
        if self._authorization is not None:
            client.headers["Authorization"] = self._authorization
            self._authorization = None
        elif "authorization" not in client.headers and client.auth is None:
            raise InvalidRequestError("api_key", _NO_CREDENTIALS)
        else:
            own = client.headers.get("authorization")
            self.secrets = Secrets(secrets_of_authorization(own))
        # A followed 307 or 308 sends a POST again: a rent must not be repeated by httpx.
        client.follow_redirects = False
        if client.headers.get("user-agent", "").startswith("python-httpx/"):
            client.headers["User-Agent"] = USER_AGENT
        if not isinstance(timeout, NotGiven):
            client.timeout = _timeout(timeout)
        hooks = client.event_hooks
        for kind, added in (("request", request_hook), ("response", hook)):
            if added not in hooks[kind]:
                hooks[kind] = [*hooks[kind], added]
        client.event_hooks = hooks

    def describe(self, name: str) -> str:
        """A repr that names the target and the kind of credentials, never their value."""
        return (
            f"{name}(base_url={self.base_url!r}, auth={self.auth_scheme or 'from http_client'!r})"
        )


class Secrets(tuple[str, ...]):
    """The forms of a client's credential, for redaction; its repr does not show them."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Secrets({len(self)} hidden)"

    def __reduce__(self) -> Any:
        raise TypeError("a client's secrets are not pickled")
