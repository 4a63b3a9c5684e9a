"""Credentials, base URL, timeouts and headers: what both clients resolve when they are made."""

from __future__ import annotations

import base64
import os
import platform
import random as _random
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
from ._types import NotGiven
from ._version import __version__

USER_AGENT = (
    f"close-phone-numbers/{__version__} python/{platform.python_version()} "
    f"httpx/{httpx.__version__}"
)

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# Reserved names that never resolve on the internet (RFC 6761), used by in-process emulators.
_LOCAL_SUFFIXES = (".test", ".localhost")


def _authorization(api_key: str | None, oauth_token: str | None) -> tuple[str, str] | None:
    """The Authorization header value and the scheme's name, from arguments or the environment."""
    if api_key is not None and oauth_token is not None:
        raise InvalidRequestError("api_key", "pass api_key or oauth_token, not both")
    if oauth_token is not None:
        if not isinstance(oauth_token, str) or not oauth_token:
            raise InvalidRequestError("oauth_token", "pass the OAuth access token as a string")
        return f"Bearer {oauth_token}", "oauth"
    if api_key is None:
        api_key = os.environ.get(API_KEY_ENV) or None
    if api_key is None:
        return None
    if not isinstance(api_key, str) or not api_key:
        raise InvalidRequestError("api_key", "pass the Close API key as a string")
    # Basic auth with the key as user name and an empty password.
    token = base64.b64encode(f"{api_key}:".encode()).decode("ascii")
    return f"Basic {token}", "api_key"


def _base_url(base_url: str | None) -> str:
    url = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InvalidRequestError(
            "base_url", f"got {url!r}; pass an absolute URL like {DEFAULT_BASE_URL!r}"
        )
    # A key sent over plain http can be read on the way; only the local machine is exempt.
    host = parsed.host
    if parsed.scheme == "http" and host not in _LOOPBACK and not host.endswith(_LOCAL_SUFFIXES):
        raise InvalidRequestError(
            "base_url", f"got {url!r}; use https:// (plain http is only allowed to 127.0.0.1)"
        )
    return url.rstrip("/")


def _timeout(timeout: float | httpx.Timeout | NotGiven | None) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, NotGiven):
        return httpx.Timeout(DEFAULT_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
    if timeout is None:  # as in httpx: wait for ever
        return httpx.Timeout(None)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise InvalidRequestError("timeout", f"got {timeout!r}; pass seconds as a positive number")
    return httpx.Timeout(float(timeout), connect=min(float(timeout), DEFAULT_CONNECT_TIMEOUT))


def checked_max_retries(max_retries: object) -> int:
    """``max_retries`` if it is a whole number of 0 or more; the constructor's check."""
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise InvalidRequestError(
            "max_retries", f"got {max_retries!r}; pass 0 or a positive whole number"
        )
    return max_retries


_NO_CREDENTIALS = (
    f"no credentials; pass api_key=..., oauth_token=..., or set {API_KEY_ENV} in the environment"
)


class Core:
    """The resolved configuration of a client; holds no secret itself."""

    __slots__ = ("_authorization", "auth_scheme", "base_url", "generated", "owns_http", "policy")

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
        self.base_url = _base_url(base_url)
        found = _authorization(api_key, oauth_token)
        # Kept only until the httpx client holds it (whose repr hides Authorization).
        self._authorization = found[0] if found else None
        self.auth_scheme = found[1] if found else None
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
        """Set up a caller's httpx client in place: base URL, credentials, User-Agent, hooks."""
        if not client.base_url.host:
            client.base_url = httpx.URL(self.base_url)
        else:
            self.base_url = str(client.base_url).rstrip("/")
        if self._authorization is not None:
            client.headers["Authorization"] = self._authorization
            self._authorization = None
        elif "authorization" not in client.headers and client.auth is None:
            raise InvalidRequestError("api_key", _NO_CREDENTIALS)
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
