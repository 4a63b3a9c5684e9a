"""The one mapping from a response to the error tree, as a table, and its use by the client."""

from __future__ import annotations

import json
import pickle
from typing import Any

import httpx
import pytest
from close_phone_numbers import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BillingError,
    CloseError,
    HasVoiceOnlyError,
    InvalidRequestError,
    NeedsMoreInfoError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    PhoneNumbers,
    RateLimitError,
    RentError,
    RentOutcomeUnknownError,
    ServerError,
    UnexpectedResponseError,
)
from close_phone_numbers._errors import MAX_MESSAGE_CHARS, error_from_response

from .conftest import make_client, number_json, scripted

PHONE_ID = number_json()["id"]

TABLE: list[tuple[int, Any, type[APIStatusError]]] = [
    (400, {"errors": [], "field-errors": {"label": "Too long."}}, BadRequestError),
    (401, {"error": "Authentication is required."}, AuthenticationError),
    (402, {"error": "Your plan does not allow this."}, PaymentRequiredError),
    (403, {"error": "You need Manage Team Phone Numbers."}, PermissionDeniedError),
    (404, {"error": "Not found."}, NotFoundError),
    (409, {"error": "Conflict."}, APIStatusError),
    (429, {"error": {"message": "API call count exceeded", "rate_reset": 1.5}}, RateLimitError),
    (500, {"error": "Internal error."}, ServerError),
    (502, "<html>Bad gateway</html>", ServerError),
    (520, "<html>Origin error</html>", ServerError),
    (400, {"status": "has-voice-only", "error": "Only voice."}, HasVoiceOnlyError),
    (400, {"status": "needs-more-info", "error": "Need an address."}, NeedsMoreInfoError),
    (402, {"status": "billing-error", "error": "Budget spent."}, BillingError),
    (400, {"status": "error", "error": "Carrier failed."}, RentError),
    (400, {"status": "number-blocked", "error": "New in 2027."}, RentError),
    (200, "{truncated", UnexpectedResponseError),
]


def _response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    request = httpx.Request("GET", "https://api.close.test/api/v1/phone_number/")
    return httpx.Response(status, content=content, headers=headers, request=request)


@pytest.mark.parametrize(("status", "body", "expected"), TABLE)
def test_each_response_maps_to_exactly_its_class(
    status: int, body: Any, expected: type[APIStatusError]
) -> None:
    """A status and body become the error class the tree promises, carrying the response."""
    error = error_from_response(_response(status, body))
    assert type(error) is expected
    assert error.status_code == status
    assert error.response.status_code == status


def test_rent_refusal_carries_status_and_message() -> None:
    """A refused rent exposes Close's status and message, also for statuses it adds later."""
    error = error_from_response(_response(400, {"status": "number-blocked", "error": "Blocked."}))
    assert isinstance(error, RentError)
    assert (error.status, error.message) == ("number-blocked", "Blocked.")
    assert "number-blocked" in str(error)


def test_bad_request_exposes_errors_and_field_errors() -> None:
    """A 400 exposes the whole-request errors and the per-field messages."""
    body = {"errors": ["Bad."], "field-errors": {"voicemail_greeting_url": "Use https."}}
    error = error_from_response(_response(400, body))
    assert isinstance(error, BadRequestError)
    assert error.errors == ["Bad."]
    assert error.field_errors == {"voicemail_greeting_url": "Use https."}
    assert "voicemail_greeting_url: Use https." in str(error)


def test_rate_limit_error_reads_retry_after() -> None:
    """A 429 says how long Close asked to wait."""
    error = error_from_response(_response(429, {"error": "slow down"}, {"Retry-After": "7"}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 7.0


def test_html_error_page_is_kept_whole_as_text_in_body_and_capped_in_the_message() -> None:
    """A non-JSON error body stays whole on .body; the message shows at most 1,000 characters."""
    page = "<html>" + "x" * 5000 + "</html>"
    error = error_from_response(_response(502, page))
    assert error.body == page
    assert len(str(error)) == MAX_MESSAGE_CHARS
    assert str(error).endswith(" more characters]")


@pytest.mark.parametrize(
    "subclass",
    [
        InvalidRequestError,
        APIConnectionError,
        APITimeoutError,
        RentOutcomeUnknownError,
        APIStatusError,
        BadRequestError,
        RentError,
        HasVoiceOnlyError,
        UnexpectedResponseError,
    ],
)
def test_every_error_is_a_close_error(subclass: type[Exception]) -> None:
    """One base class catches everything the package raises."""
    assert issubclass(subclass, CloseError)


def test_invalid_request_error_is_also_a_value_error() -> None:
    """Bad input can be caught as the ValueError it is."""
    assert issubclass(InvalidRequestError, ValueError)
    assert issubclass(APITimeoutError, APIConnectionError)


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (httpx.Response(200, content=b"<html>not json</html>"), UnexpectedResponseError),
        (httpx.Response(200, content=b'{"id": "phon_x"'), UnexpectedResponseError),
        (httpx.Response(200, json={"id": "phon_x"}), UnexpectedResponseError),
        (httpx.Response(200, json=["not", "an", "object"]), UnexpectedResponseError),
        (httpx.Response(404, content=b"<html>nginx</html>"), NotFoundError),
        (httpx.Response(520, content=b"<html>cloudflare</html>"), ServerError),
        (httpx.Response(418, json={"error": "teapot"}), APIStatusError),
        (httpx.Response(302, headers={"Location": "/elsewhere/"}), APIStatusError),
    ],
)
def test_malformed_or_odd_responses_raise_close_errors(
    response: httpx.Response, expected: type[CloseError]
) -> None:
    """Non-JSON, truncated, wrong-shape bodies and odd statuses never escape as bare errors."""
    client, _ = make_client(scripted(response), max_retries=0)
    with pytest.raises(expected) as caught:
        client.get(PHONE_ID)
    assert type(caught.value) is expected


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (httpx.ConnectError("refused"), APIConnectionError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
        (httpx.RemoteProtocolError("dropped"), APIConnectionError),
    ],
)
def test_transport_failures_become_connection_errors(
    failure: Exception, expected: type[CloseError]
) -> None:
    """An httpx failure is wrapped, with the original kept as the cause."""
    client, _ = make_client(scripted(failure), max_retries=0)
    with pytest.raises(expected) as caught:
        client.get(PHONE_ID)
    assert caught.value.__cause__ is failure


def test_unreadable_body_is_a_close_error_even_without_the_response_hook() -> None:
    """If a caller strips the client's event hook, a broken body still raises a CloseError."""
    http = httpx.Client(
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=b"{oops")),
        base_url="https://api.close.test/api/v1",
    )
    client = PhoneNumbers(api_key="k", http_client=http, max_retries=0)
    http.event_hooks = {"request": [], "response": []}
    with pytest.raises(CloseError, match="could not read") as caught:
        client.get(PHONE_ID)
    assert isinstance(caught.value.__cause__, ValueError)


def test_error_message_names_the_request_but_not_its_query() -> None:
    """The message says which call failed, without the query (it can hold phone numbers)."""
    request = httpx.Request("GET", "https://api.close.test/api/v1/phone_number/?number=%2B1650")
    response = httpx.Response(404, json={"error": "Not found."}, request=request)
    assert str(error_from_response(response)) == (
        "404 Not Found on GET /api/v1/phone_number/: Not found."
    )


@pytest.mark.parametrize(("status", "body", "expected"), TABLE[:3] + TABLE[10:13])
def test_errors_survive_pickling(status: int, body: Any, expected: type[APIStatusError]) -> None:
    """Errors cross process boundaries (multiprocessing, task queues) with their attributes."""
    error = error_from_response(_response(status, body))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is expected
    assert (str(copy), copy.status_code, copy.body) == (str(error), error.status_code, error.body)
    assert copy.response.content == error.response.content


def test_invalid_request_error_survives_pickling() -> None:
    """A local input error keeps its field across pickling."""
    copy = pickle.loads(pickle.dumps(InvalidRequestError("country", "use two letters")))
    assert (copy.field, str(copy)) == ("country", "country: use two letters")
