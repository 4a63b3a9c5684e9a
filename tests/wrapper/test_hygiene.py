"""Credentials, User-Agent, environment, and the key never showing in a repr, log or error."""

from __future__ import annotations

import base64
import logging
import platform
import traceback

import httpx
import pytest
from close_phone_numbers import (
    APIConnectionError,
    AuthenticationError,
    InvalidRequestError,
    PhoneNumbers,
    RentOutcomeUnknownError,
    __version__,
)

from .conftest import API_KEY, BASE_URL, make_client, number_json, scripted

NUMBER = number_json()
OK = httpx.Response(200, json=NUMBER)


def _plain_client(handler: httpx.MockTransport | None = None) -> httpx.Client:
    return httpx.Client(transport=handler or httpx.MockTransport(lambda request: OK))


def test_api_key_is_sent_as_basic_auth_with_empty_password() -> None:
    """The key is the Basic user name; the password is empty."""
    client, server = make_client(scripted(OK))
    client.get(NUMBER["id"])
    expected = base64.b64encode(f"{API_KEY}:".encode()).decode()
    assert server.requests[0].headers["Authorization"] == f"Basic {expected}"


def test_oauth_token_is_sent_as_bearer() -> None:
    """An OAuth access token goes in a Bearer header."""
    client, server = make_client(scripted(OK), api_key=None, oauth_token="oauth_tok")
    client.get(NUMBER["id"])
    assert server.requests[0].headers["Authorization"] == "Bearer oauth_tok"


def test_user_agent_names_library_python_and_httpx() -> None:
    """The User-Agent says which library, and which versions, are calling."""
    client, server = make_client(scripted(OK))
    client.get(NUMBER["id"])
    assert server.requests[0].headers["User-Agent"] == (
        f"close-phone-numbers/{__version__} python/{platform.python_version()} "
        f"httpx/{httpx.__version__}"
    )


def test_key_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLOSE_API_KEY and CLOSE_BASE_URL configure a client made without arguments."""
    monkeypatch.setenv("CLOSE_API_KEY", "env_key")
    monkeypatch.setenv("CLOSE_BASE_URL", "http://127.0.0.1:8088/api/v1")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return OK

    PhoneNumbers(http_client=_plain_client(httpx.MockTransport(handler))).get(NUMBER["id"])
    assert str(seen[0].url).startswith("http://127.0.0.1:8088/api/v1/phone_number/")
    assert seen[0].headers["Authorization"] == "Basic " + base64.b64encode(b"env_key:").decode()


def test_default_base_url_is_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without CLOSE_BASE_URL the client targets api.close.com over https."""
    monkeypatch.delenv("CLOSE_BASE_URL", raising=False)
    with PhoneNumbers(api_key="k") as client:
        assert (
            repr(client) == "PhoneNumbers(base_url='https://api.close.com/api/v1', auth='api_key')"
        )


def test_missing_credentials_say_how_to_provide_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """No key anywhere is a clear error before any request."""
    monkeypatch.delenv("CLOSE_API_KEY", raising=False)
    with pytest.raises(InvalidRequestError, match="CLOSE_API_KEY"):
        PhoneNumbers()
    with pytest.raises(InvalidRequestError, match="CLOSE_API_KEY"):
        PhoneNumbers(http_client=_plain_client())


def test_a_caller_client_with_its_own_auth_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """An httpx client that already authenticates is used as it is."""
    monkeypatch.delenv("CLOSE_API_KEY", raising=False)
    http = _plain_client()
    http.auth = httpx.BasicAuth("own", "")
    assert PhoneNumbers(http_client=http, base_url=BASE_URL).get(NUMBER["id"]).id == NUMBER["id"]


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"api_key": "a", "oauth_token": "b"}, "api_key"),
        ({"api_key": "a", "base_url": "http://api.example.com/api/v1"}, "base_url"),
        ({"api_key": "a", "base_url": "api.close.com"}, "base_url"),
        ({"api_key": "a", "max_retries": -1}, "max_retries"),
        ({"api_key": "a", "timeout": 0}, "timeout"),
        ({"api_key": ""}, "api_key"),
    ],
)
def test_bad_configuration_is_refused(options: dict[str, object], field: str) -> None:
    """Conflicting credentials, plain http to a remote host and bad limits are refused."""
    with pytest.raises(InvalidRequestError) as caught:
        PhoneNumbers(**options)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_key_never_appears_in_reprs_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    """Through retries, a 401 and an unclear rent, the key shows up nowhere a person reads."""
    caplog.set_level(logging.DEBUG, logger="close_phone_numbers")
    client, _ = make_client(
        scripted(
            httpx.Response(503, json={"error": "down"}),
            httpx.Response(401, json={"error": "bad key"}),
        )
    )
    texts = [repr(client), repr(client._client), repr(client._http.headers)]
    with pytest.raises(AuthenticationError) as unauthorized:
        client.get(NUMBER["id"])
    texts += [str(unauthorized.value), repr(unauthorized.value)]
    texts.append("".join(traceback.format_exception(unauthorized.value)))
    texts.append(repr(unauthorized.value.response.request.headers))

    def rent_times_out(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            raise httpx.ReadTimeout("slow")
        raise httpx.ConnectError("down")

    renting, _ = make_client(rent_times_out)
    with pytest.raises(RentOutcomeUnknownError) as unknown:
        renting.rent("US")
    texts += [str(unknown.value), repr(unknown.value), repr(unknown.value.request)]

    broken, _ = make_client(scripted(httpx.ConnectError("down")), max_retries=0)
    with pytest.raises(APIConnectionError) as connection:
        broken.get(NUMBER["id"])
    texts.append(str(connection.value))

    texts += [record.getMessage() for record in caplog.records]
    assert caplog.records, "the retries and the reconcile should have been logged"
    encoded = base64.b64encode(f"{API_KEY}:".encode()).decode()
    for text in texts:
        assert API_KEY not in text
        assert encoded not in text


def test_requests_are_logged_at_debug_without_their_query(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """At DEBUG each request is logged by method, path and status; the query stays out."""
    caplog.set_level(logging.DEBUG, logger="close_phone_numbers")
    client, _ = make_client(scripted(httpx.Response(200, json={"data": [], "has_more": False})))
    list(client.list(number="+16505550100"))
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 1
    assert messages[0].startswith("GET /api/v1/phone_number/ -> 200 in ")
    assert "6505550100" not in messages[0]


def test_logs_go_to_the_close_phone_numbers_logger(caplog: pytest.LogCaptureFixture) -> None:
    """Retries are logged under the package's own logger name."""
    caplog.set_level(logging.INFO, logger="close_phone_numbers")
    client, _ = make_client(scripted(httpx.Response(503, json={"error": "x"}), OK))
    client.get(NUMBER["id"])
    assert {record.name for record in caplog.records} == {"close_phone_numbers"}


def test_closing_leaves_a_caller_client_open_and_closes_its_own() -> None:
    """The client closes only the httpx client it made."""
    caller = _plain_client()
    with PhoneNumbers(api_key="k", base_url=BASE_URL, http_client=caller):
        pass
    assert not caller.is_closed
    own = PhoneNumbers(api_key="k")
    own.close()
    assert own._http.is_closed


def test_timeout_is_applied_to_the_http_client() -> None:
    """timeout= sets the httpx timeout of the client."""
    caller = _plain_client()
    PhoneNumbers(api_key="k", base_url=BASE_URL, http_client=caller, timeout=7.0)
    assert caller.timeout.read == 7.0
    with PhoneNumbers(api_key="k") as own:
        assert (own._http.timeout.connect, own._http.timeout.read) == (5.0, 30.0)
    with PhoneNumbers(api_key="k", timeout=None) as unlimited:
        assert unlimited._http.timeout.read is None
