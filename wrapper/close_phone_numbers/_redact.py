"""The one place secrets are blanked out of text: errors, log records and the command line.

A credential reaches a message only when a server echoes it back (in a body, a header or a
field value): the package itself never writes one into text. Whatever comes back is
redacted against every form the credential takes on the wire: the key or token itself,
the Base64 ``key:`` of HTTP Basic, and the whole ``Authorization`` value.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from typing import Final
from urllib.parse import quote

REDACTED: Final = "[redacted]"

# Shorter values are not redacted: blanking out every "k" of a message helps nobody, and no
# real Close key or OAuth token is this short.
MIN_SECRET_CHARS: Final = 8

# The secrets of the client whose request is running in this thread or task, for log records.
_ACTIVE: ContextVar[tuple[str, ...]] = ContextVar("close_active_secrets", default=())


def secrets_of_authorization(value: str | None) -> tuple[str, ...]:
    """Every form of the credential in an ``Authorization`` header value, longest first."""
    if not value:
        return ()
    scheme, _, token = value.strip().partition(" ")
    found = {value.strip(), token}
    if scheme.lower() == "basic":
        try:
            user, _, password = base64.b64decode(token, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            user = password = ""
        found.update({user, password, token.rstrip("=")})
    found.update({quote(s, safe="") for s in list(found)})
    return tuple(sorted((s for s in found if len(s) >= MIN_SECRET_CHARS), key=len, reverse=True))


def secrets_of_key(api_key: str) -> tuple[str, ...]:
    """Every form of an API key on the wire: itself and its Basic credential."""
    token = base64.b64encode(f"{api_key}:".encode()).decode("ascii")
    found = {*secrets_of_authorization(f"Basic {token}"), api_key}
    return tuple(sorted((s for s in found if len(s) >= MIN_SECRET_CHARS), key=len, reverse=True))


def secrets_of_headers(headers: Mapping[str, str] | None) -> tuple[str, ...]:
    """The credential forms carried by request headers (their ``Authorization``)."""
    if headers is None:
        return ()
    return secrets_of_authorization(headers.get("authorization"))


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret replaced by ``[redacted]``."""
    for secret in secrets:
        if len(secret) >= MIN_SECRET_CHARS and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_bytes(content: bytes, secrets: Iterable[str]) -> bytes:
    """``content`` with every secret, as UTF-8, replaced by ``[redacted]``."""
    for secret in secrets:
        raw = secret.encode("utf-8", "replace")
        if len(secret) >= MIN_SECRET_CHARS and raw in content:
            content = content.replace(raw, REDACTED.encode())
    return content


def redact_content(content: bytes, secrets: tuple[str, ...]) -> bytes:
    """A body's bytes redacted, also of secrets a JSON escape (``\\u0073k_...``) hides.

    A JSON body whose decoded strings hold a secret the bytes do not show is written out
    again from its redacted decoding; any other body is redacted as bytes only.
    """
    content = redact_bytes(content, secrets)
    if not secrets:
        return content
    try:
        data = json.loads(content)
        cleaned = redact_data(data, secrets)
        if json.dumps(cleaned) == json.dumps(data):
            return content
        return json.dumps(cleaned).encode()
    except (ValueError, RecursionError):  # not JSON (or not UTF-8), or nested too deep
        return content


def active_secrets() -> tuple[str, ...]:
    """The secrets of the client whose request is running in this thread or task."""
    return _ACTIVE.get()


def redact_data(data: object, secrets: tuple[str, ...]) -> object:
    """A decoded JSON value with every string in it redacted (keys too)."""
    if not secrets:
        return data
    if isinstance(data, str):
        return redact(data, secrets)
    if isinstance(data, dict):
        return {redact_data(k, secrets): redact_data(v, secrets) for k, v in data.items()}
    if isinstance(data, list):
        return [redact_data(v, secrets) for v in data]
    return data


def scrub_chain(exc: BaseException | None, secrets: tuple[str, ...]) -> None:
    """Redact the string arguments and attributes of an exception and its causes, in place.

    A chained exception (a model refusing a field value, say) may quote what the server
    sent, in its arguments or in attributes its ``__str__`` reads; ``format_exception``
    prints every link of the chain.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen and secrets:
        seen.add(id(exc))
        exc.args = tuple(redact_data(a, secrets) for a in exc.args)
        for name, value in vars(exc).items():
            if isinstance(value, str | list | dict):
                setattr(exc, name, redact_data(value, secrets))
        exc = exc.__cause__ or exc.__context__


def activate(secrets: tuple[str, ...]) -> object:
    """Make ``secrets`` the ones log records are redacted against in this thread or task."""
    return _ACTIVE.set(secrets)


def deactivate(token: object) -> None:
    """Undo `activate`."""
    _ACTIVE.reset(token)  # type: ignore[arg-type]


class RedactingFilter(logging.Filter):
    """Redacts each record, against given secrets and those of the request running."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = tuple(secrets)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self._secrets)} secrets)"

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = self._secrets + _ACTIVE.get()
        if not secrets:
            return True
        message = record.getMessage()
        cleaned = redact(message, secrets)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            scrub_chain(record.exc_info[1], secrets)
            record.exc_text = None
        return True
