"""What went wrong with one attempt: every failure of httpx or the generated layer as a CloseError.

A failure that came after the request may have reached the server is an `APIStatusError`
(when the status is known) or an `APIConnectionError`, never something raw, so a rent goes to
reconciliation rather than out of the package. httpx refusing to build the URL means nothing
was sent: that is an `InvalidRequestError` naming the argument.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
from close_phone_numbers_client.errors import SchemaMismatch

from ._errors import (
    APIConnectionError,
    APITimeoutError,
    CloseError,
    InvalidRequestError,
    clip,
    error_from_response,
    request_of,
)
from ._http import BodyTooLargeError
from ._redact import redact, scrub_chain, secrets_of_headers

if TYPE_CHECKING:
    from ._plan import Outcome, Send


def _request_of(exc: httpx.HTTPError) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:  # the failure came before a request existed
        return None


def _transport_error(exc: httpx.HTTPError, secrets: tuple[str, ...]) -> APIConnectionError:
    request = _request_of(exc)
    name = type(exc).__name__
    detail = redact(str(exc) or name, secrets)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out ({name}): {detail}", request=request)
    if isinstance(exc, httpx.DecodingError):
        message = f"could not decode the response body ({name}): {detail}"
        return APIConnectionError(message, request=request)
    return APIConnectionError(f"connection failed ({name}): {detail}", request=request)


def _caused(error: CloseError, cause: BaseException, secrets: tuple[str, ...]) -> CloseError:
    # The cause stays chained for debugging, without an echoed credential in its message.
    scrub_chain(cause, secrets)
    error.__cause__ = cause
    return error


def _detail(error: Exception, secrets: tuple[str, ...]) -> str | None:
    """What was wrong with a body that came but could not be read, when it is known."""
    if isinstance(error, SchemaMismatch):
        # Where the body departs from the spec: `data[3].is_group_number: expected boolean, ...`
        return redact(str(error), secrets)
    if isinstance(error, BodyTooLargeError):
        return str(error)
    if isinstance(error, httpx.DecodingError):
        return f"the body does not decode as its Content-Encoding says ({error})"
    if isinstance(error, RecursionError):
        return "the body is nested too deeply to parse"
    if isinstance(error, ValueError) and str(error):  # not JSON, or nested too deep
        return clip(redact(str(error), secrets))
    return None


def failure_of(outcome: Outcome, accept: Callable[[Any], bool]) -> Exception | None:
    """The exception an outcome means, or None when it is an accepted success."""
    error = outcome.error
    raw = outcome.raw
    if error is None:
        response = outcome.response
        assert response is not None
        if 200 <= response.status_code < 300 and accept(response.parsed):
            return None
        if raw is None:  # the event hook was removed from a caller's client
            raw = httpx.Response(response.status_code, headers=response.headers)
        return error_from_response(raw)
    if isinstance(error, CloseError):
        return error
    request = request_of(raw) if raw is not None else None
    if request is None and isinstance(error, httpx.HTTPError):
        request = _request_of(error)
    secrets = secrets_of_headers(request.headers if request is not None else None)
    if isinstance(error, httpx.TransportError):
        return _caused(_transport_error(error, secrets), error, secrets)
    detail = _detail(error, secrets)
    if raw is not None:
        # Close answered (the status is known), and its body could not be read: not JSON,
        # nested too deep, a Content-Encoding that does not decode, or the wrong shape.
        return _caused(error_from_response(raw, detail), error, secrets)
    if isinstance(error, httpx.DecodingError):
        return _caused(_transport_error(error, secrets), error, secrets)
    name = type(error).__name__
    # No status to go by (the event hook was removed from a caller's client, or something
    # failed on the way): the request may have been carried out.
    unreadable = APIConnectionError(
        f"could not read Close's response ({name}): "
        + (detail or redact(str(error) or name, secrets)),
        request=request,
    )
    return _caused(unreadable, error, secrets)


# Keyword arguments of the generated functions, named as the caller passed them.
_ARGUMENTS = {"field_fields": "fields", "body": "the request"}


def url_refused(step: Send, exc: httpx.InvalidURL) -> InvalidRequestError:
    """httpx refused to build the URL (too long, control characters): nothing was sent."""
    texts = {k: v for k, v in step.kwargs.items() if isinstance(v, str)}
    name = max(texts, key=lambda k: len(texts[k])) if texts else "the request"
    error = InvalidRequestError(
        _ARGUMENTS.get(name, name),
        f"cannot be sent in a URL ({exc}); pass a shorter value without control characters",
    )
    error.__cause__ = exc
    return error
