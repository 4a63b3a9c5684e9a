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

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import httpx
from close_phone_numbers_client.models import RentRefusalStatus

from ._headers import request_id
from ._retry import server_delay

if TYPE_CHECKING:
    from close_phone_numbers_client.models import PhoneNumber

__all__ = [
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
]


def _rebuild(cls: type[CloseError], args: tuple[object, ...]) -> CloseError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error


class CloseError(Exception):
    """The base of every error this package raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # The subclasses take keyword-only arguments, which default pickling cannot replay;
        # rebuild from the message and restore the attributes, so errors cross processes.
        return (_rebuild, (type(self), self.args), self.__dict__)


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

# Enough of a body to recognise an HTML error page without flooding a log.
_MAX_TEXT = 200


def _decode(content: bytes) -> object:
    try:
        return json.loads(content)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        return content[:_MAX_TEXT].decode("utf-8", "replace")


def _message(body: object) -> str:
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


def _where(response: httpx.Response) -> str:
    # Method and path only: the query can hold phone numbers, the headers hold the key.
    try:
        request = response.request
    except RuntimeError:
        return ""
    return f" on {request.method} {request.url.path}"


def error_from_response(response: httpx.Response, detail: str | None = None) -> APIStatusError:
    """Map a response that is not an accepted success to the exception it means.

    A success status reaches here only when its body could not be read or had the wrong shape;
    ``detail`` then says where the body departs from the spec, when that is known.
    """
    status = response.status_code
    body = _decode(response.content)
    reason = f"{status} {response.reason_phrase or 'Unknown Status'}{_where(response)}"
    text = f"{reason}: {_message(body)}"
    if 200 <= status < 300:
        problem = detail or "the body does not match the API spec"
        return UnexpectedResponseError(f"{reason}: {problem}", response=response, body=body)
    if isinstance(body, dict) and status in (400, 402):
        refusal = body.get("status")
        if isinstance(refusal, str):
            cls = _RENT_REFUSALS.get(refusal, RentError)
            detail = body.get("error")
            detail = detail if isinstance(detail, str) else ""
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
