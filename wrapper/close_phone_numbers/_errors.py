"""The one error tree of the package, and the one place a response becomes an error.

::

    CloseError
    ├── InvalidRequestError (also ValueError)   bad input, caught before anything is sent
    ├── APIConnectionError                      no usable answer from Close
    │   └── APITimeoutError
    ├── RentOutcomeUnknownError                 a rent may have reached Close; no new number found
    └── APIStatusError                          .status_code .headers .request_id .response .body
        ├── BadRequestError (400)               .errors .field_errors
        ├── AuthenticationError (401)
        ├── PaymentRequiredError (402)
        ├── PermissionDeniedError (403)
        ├── NotFoundError (404)
        ├── RateLimitError (429)                .retry_after
        ├── ServerError (5xx)
        ├── UnexpectedResponseError             a success whose body is not what the spec says
        └── RentError                           .status .message; refused rents
            ├── HasVoiceOnlyError
            ├── NeedsMoreInfoError
            └── BillingError
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

import httpx
from close_phone_numbers_client.models import RentRefusalStatus
from close_phone_numbers_client.types import loads

from ._headers import request_id
from ._redact import (
    REDACTED,
    active_secrets,
    redact,
    redact_bytes,
    redact_content,
    redact_data,
    secrets_of_headers,
)
from ._retry import server_delay

if TYPE_CHECKING:
    from close_phone_numbers_client.models import PhoneNumber

__all__ = [
    "MAX_MESSAGE_CHARS",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BillingError",
    "CloseError",
    "HasVoiceOnlyError",
    "InvalidRequestError",
    "NeedsMoreInfoError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RentError",
    "RentOutcomeUnknownError",
    "ServerError",
    "UnexpectedResponseError",
    "error_from_response",
    "request_of",
]

# The longest message an error carries (its str, and so every log line quoting it). What a
# server sends can be megabytes; the whole of it stays on ``.body``.
MAX_MESSAGE_CHARS: Final = 1_000

# Headers that carry credentials or sessions: never kept when an error is pickled.
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
# Headers that describe the original bytes, wrong for a copy made of the decoded content.
_FRAMING_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def clip(text: str) -> str:
    """``text`` cut to `MAX_MESSAGE_CHARS`, saying how much was left out."""
    if len(text) <= MAX_MESSAGE_CHARS:
        return text
    keep = MAX_MESSAGE_CHARS - len(f"... [{len(text):,} more characters]")
    return f"{text[:keep]}... [{len(text) - keep:,} more characters]"


def request_of(response: httpx.Response) -> httpx.Request | None:
    """The request a response answers, if it has one."""
    try:
        return response.request
    except RuntimeError:
        return None


def _clean_headers(headers: httpx.Headers, secrets: tuple[str, ...], drop: frozenset[str]) -> Any:
    return [
        (name, REDACTED if name in _SECRET_HEADERS else redact(value, secrets))
        for name, value in headers.items()
        if name not in drop
    ]


def _clean_request(request: httpx.Request, secrets: tuple[str, ...]) -> httpx.Request:
    headers = _clean_headers(request.headers, secrets, _FRAMING_HEADERS)
    return httpx.Request(request.method, request.url, headers=headers)


def _clean_response(response: httpx.Response, secrets: tuple[str, ...]) -> httpx.Response:
    try:
        content = redact_content(response.content, secrets)
    except httpx.StreamError:  # the body was never read (it could not be decoded)
        content = b""
    request = request_of(response)
    return httpx.Response(
        response.status_code,
        headers=_clean_headers(response.headers, secrets, _FRAMING_HEADERS),
        content=content,
        request=_clean_request(request, secrets) if request is not None else None,
    )


def _rebuild(cls: type[CloseError], args: tuple[object, ...]) -> CloseError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error


class CloseError(Exception):
    """The base of every error this package raises; its message is at most 1,000 characters.

    A message made while a request runs is redacted of that client's credentials, whatever
    part of an answer (an id, a field) it quotes.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(clip(redact(message, active_secrets())))

    def _secrets(self) -> tuple[str, ...]:
        found = self.__dict__.get("request")
        if not isinstance(found, httpx.Request):
            response = self.__dict__.get("response")
            found = request_of(response) if isinstance(response, httpx.Response) else None
        return secrets_of_headers(found.headers if found is not None else None)

    def __reduce__(self) -> tuple[Any, ...]:
        # The subclasses take keyword-only arguments, which default pickling cannot replay;
        # rebuild from the message and restore the attributes, so errors cross processes.
        # The request and response go as copies without credentials, cookies or echoes of
        # them: a pickle ends up in queues, caches and crash reports.
        secrets = self._secrets()
        state: dict[str, Any] = {}
        for name, value in self.__dict__.items():
            if isinstance(value, httpx.Request):
                value = _clean_request(value, secrets)
            elif isinstance(value, httpx.Response):
                value = _clean_response(value, secrets)
            elif name == "body" or name == "__notes__":
                value = redact_data(value, secrets)
            state[name] = value
        args = tuple(redact(a, secrets) if isinstance(a, str) else a for a in self.args)
        return (_rebuild, (type(self), args), state)


class InvalidRequestError(CloseError, ValueError):
    """Input the API would refuse, caught before anything was sent; ``field`` names it."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


class APIConnectionError(CloseError):
    """The request got no usable answer: the connection failed or broke."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request took longer than the configured timeout."""


class RentOutcomeUnknownError(CloseError):
    """A rent may have reached Close, and no single new number matching it was found.

    Do not rent again blindly: look at ``candidates`` (numbers created since ``started_at``
    that match the request) and at the numbers of the organization first.
    """

    def __init__(
        self,
        message: str,
        *,
        request: Mapping[str, Any],
        started_at: datetime,
        candidates: Sequence[PhoneNumber],
        cause: BaseException | None,
    ) -> None:
        super().__init__(message)
        self.request = dict(request)
        self.started_at = started_at
        self.candidates = list(candidates)
        self.cause = cause


class APIStatusError(CloseError):
    """Close answered with a status that is not a success."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body

    @property
    def headers(self) -> httpx.Headers:
        """The response's headers, ``RateLimit`` among them."""
        return self.response.headers

    @property
    def request_id(self) -> str | None:
        """The ``X-Request-Id`` (or ``Request-Id``) header, if Close sent one."""
        return request_id(self.response.headers)


class BadRequestError(APIStatusError):
    """400: Close refused the request; ``field_errors`` names each bad field."""

    @property
    def errors(self) -> list[str]:
        """Problems with the request as a whole."""
        found = self.body.get("errors") if isinstance(self.body, dict) else None
        return [str(e) for e in found] if isinstance(found, list) else []

    @property
    def field_errors(self) -> dict[str, Any]:
        """A message (or, for nested input, an object) per field name."""
        found = self.body.get("field-errors") if isinstance(self.body, dict) else None
        return dict(found) if isinstance(found, dict) else {}


class AuthenticationError(APIStatusError):
    """401: no credentials, or credentials Close does not accept."""


class PaymentRequiredError(APIStatusError):
    """402: a limit of the organization's plan was reached."""


class PermissionDeniedError(APIStatusError):
    """403: the user may not do this, e.g. lacks "Manage Team Phone Numbers"."""


class NotFoundError(APIStatusError):
    """404: no such phone number in the organization."""


class RateLimitError(APIStatusError):
    """429: the rate-limit budget is spent and retries did not help."""

    @property
    def retry_after(self) -> float | None:
        """Seconds Close asked to wait, from its headers, if it said."""
        return server_delay(self.response.headers)


class ServerError(APIStatusError):
    """5xx: Close (or a proxy in front of it) failed."""


class UnexpectedResponseError(APIStatusError):
    """A success status whose body does not match the spec (not JSON, truncated, wrong shape)."""


class RentError(APIStatusError):
    """Close refused a rent; nothing was rented. ``status`` is Close's reason, an open set."""

    def __init__(
        self, message: str, *, response: httpx.Response, body: object, status: str, reason: str
    ) -> None:
        super().__init__(message, response=response, body=body)
        self.status = status
        self.message = reason


class HasVoiceOnlyError(RentError):
    """Only numbers without SMS exist there; rent with ``with_sms=False``."""


class NeedsMoreInfoError(RentError):
    """Close needs more information (such as proof of address); contact Close support."""


class BillingError(RentError):
    """A billing problem, e.g. the telephony budget is spent or a recharge failed."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}

_RENT_REFUSALS: dict[str, type[RentError]] = {
    RentRefusalStatus.HAS_VOICE_ONLY: HasVoiceOnlyError,
    RentRefusalStatus.NEEDS_MORE_INFO: NeedsMoreInfoError,
    RentRefusalStatus.BILLING_ERROR: BillingError,
}


def _decode(response: httpx.Response, secrets: tuple[str, ...]) -> object:
    try:
        content = redact_bytes(response.content, secrets)
    except httpx.StreamError:  # never read: its Content-Encoding could not be decoded
        return None
    try:
        # Also the strings a JSON escape could have hidden from the bytes' redaction.
        return redact_data(loads(content), secrets)  # the client's decoder: orjson if installed
    # JSONDecodeError and UnicodeDecodeError are ValueErrors; nesting deeper than the
    # interpreter's stack is a RecursionError.
    except (ValueError, RecursionError):
        return content.decode("utf-8", "replace")


def _message(body: object) -> str:
    try:
        return _summary(body)
    except RecursionError:  # a field error nested deeper than repr can go
        return "the error details are nested too deeply to show"


def _summary(body: object) -> str:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            error = error.get("message")
        if isinstance(error, str) and error:
            return error
        field_errors = body.get("field-errors")
        if isinstance(field_errors, dict) and field_errors:
            return "; ".join(f"{k}: {v}" for k, v in field_errors.items())
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            return "; ".join(str(e) for e in errors)
    if isinstance(body, str) and body.strip():
        return body.strip()
    return "no details in the body"


def _where(request: httpx.Request | None) -> str:
    # Method and path only: the query can hold phone numbers, the headers hold the key.
    return "" if request is None else f" on {request.method} {request.url.path}"


def error_from_response(response: httpx.Response, detail: str | None = None) -> APIStatusError:
    """Map a response that is not an accepted success to the exception it means.

    A success status reaches here only when its body could not be read or had the wrong shape;
    ``detail`` then says where the body departs from the spec, when that is known. The message
    and ``.body`` are redacted of the credentials the request carried, in case the server
    echoed them; the message is capped at `MAX_MESSAGE_CHARS`.
    """
    status = response.status_code
    request = request_of(response)
    secrets = secrets_of_headers(request.headers if request is not None else None)
    body = _decode(response, secrets)
    reason = f"{status} {response.reason_phrase or 'Unknown Status'}{_where(request)}"
    # A body that could not be read at all (cut off, undecodable) says why instead.
    summary = detail if body is None and detail else _message(body)
    text = redact(f"{reason}: {summary}", secrets)
    if 200 <= status < 300:
        problem = redact(detail, secrets) if detail else "the body does not match the API spec"
        return UnexpectedResponseError(f"{reason}: {problem}", response=response, body=body)
    if isinstance(body, dict) and status in (400, 402):
        refusal = body.get("status")
        if isinstance(refusal, str):
            cls = _RENT_REFUSALS.get(refusal, RentError)
            detail = body.get("error")
            detail = clip(detail) if isinstance(detail, str) else ""
            return cls(
                f"rent refused ({refusal}): {detail}",
                response=response,
                body=body,
                status=refusal,
                reason=detail,
            )
    if status >= 500:
        return ServerError(text, response=response, body=body)
    return _BY_STATUS.get(status, APIStatusError)(text, response=response, body=body)
