"""`with_raw_response`: the same calls, answering with Close's response beside the result.

``numbers.with_raw_response.get(id)`` runs exactly what ``numbers.get(id)`` runs (checks,
retries, throttling, rent safety) and returns a `RawResponse`: the status, the headers
(with the ``RateLimit`` budget and any request id) and ``.parse()``, the object ``get``
would have returned. ``list`` answers page by page, a `RawResponse` for each.

It works on a shallow copy of the client whose ``_run`` records every response of the
call's plan; the response reported is the last success of the call's own operation.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypedDict, TypeVar
from typing import overload as _overload

import httpx
from close_phone_numbers_client.models import PhoneNumber, PhoneNumberFields

from ._errors import CloseError
from ._headers import RateLimit, rate_limit, request_id
from ._plan import DELETE, GET, LIST, RENT, UPDATE, Operation, Plan, Send

if TYPE_CHECKING:
    from typing import Unpack

    from ._async_client import AsyncPhoneNumbers
    from ._client import PhoneNumbers
    from ._pagination import Cursor

T = TypeVar("T")
C = TypeVar("C")
P = ParamSpec("P")

Seen = list[tuple[Operation, httpx.Response | None]]


class RawResponse(Generic[T]):
    """One answer of Close: its status and headers, and the object the call returned.

    For a ``list`` page, ``parse()`` gives the numbers of that page (without those already
    seen on the page before). For a rent whose outcome had to be looked up, the response
    is the listing that found the new number.
    """

    __slots__ = ("_parsed", "http_response")

    def __init__(self, http_response: httpx.Response, parsed: T) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The ``X-Request-Id`` (or ``Request-Id``) header, if the response has one."""
        return request_id(self.http_response.headers)

    @property
    def rate_limit(self) -> RateLimit | None:
        """The ``RateLimit`` header: ``limit``, ``remaining`` and ``reset`` (seconds)."""
        return rate_limit(self.http_response.headers)

    def parse(self) -> T:
        """The object the call returned: a model, a list of models, or None for a delete."""
        return self._parsed

    def __repr__(self) -> str:
        request = self.http_response.request
        return (
            f"<RawResponse [{self.status_code} {self.http_response.reason_phrase}] "
            f"{request.method} {request.url.path}>"
        )


class ListFilters(TypedDict, total=False):
    """The filters of ``list`` besides ``fields``."""

    number: str | None
    participant_user_id: str | None
    user_id: str | None
    is_group_number: bool | None
    page_size: int


def _recording(plan: Plan[T], seen: Seen) -> Plan[T]:
    """``plan``, unchanged, noting the raw response of every request it sends."""
    try:
        step = next(plan)
        while True:
            try:
                outcome = yield step
            except BaseException as exc:
                plan.throw(exc)  # an interruption: the plan may note a rent in flight
                raise
            if isinstance(step, Send):
                seen.append((step.operation, outcome.raw))
            step = plan.send(outcome)
    except StopIteration as done:
        result: T = done.value
        return result


def _answer(seen: Seen, operation: Operation) -> httpx.Response:
    """The last success of ``operation`` in ``seen``, else the last response of any kind."""
    for done, raw in reversed(seen):
        if done is operation and raw is not None and raw.is_success:
            return raw
    for _, raw in reversed(seen):
        if raw is not None:
            return raw
    raise CloseError(
        "no raw response was recorded: the http_client lost the response hook the client added"
    )


def _recorder(client: C, seen: Seen) -> C:
    """A shallow copy of ``client`` whose calls note their responses in ``seen``."""
    recorder = copy.copy(client)
    run = client._run  # type: ignore[attr-defined]
    vars(recorder)["_run"] = lambda plan: run(_recording(plan, seen))
    return recorder


def _raw(
    client: C, method: Callable[Concatenate[C, P], T], operation: Operation
) -> Callable[P, RawResponse[T]]:
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        seen: Seen = []
        parsed = method(_recorder(client, seen), *args, **kwargs)
        return RawResponse(_answer(seen, operation), parsed)

    return call


def _raw_async(
    client: C, method: Callable[Concatenate[C, P], Awaitable[T]], operation: Operation
) -> Callable[P, Awaitable[RawResponse[T]]]:
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        seen: Seen = []
        parsed = await method(_recorder(client, seen), *args, **kwargs)
        return RawResponse(_answer(seen, operation), parsed)

    return call


class RawPhoneNumbers:
    """`PhoneNumbers.with_raw_response`: each method answers with a `RawResponse`."""

    def __init__(self, client: PhoneNumbers) -> None:
        self._client = client
        methods = type(client)
        self.update = _raw(client, methods.update, UPDATE)
        self.delete = _raw(client, methods.delete, DELETE)
        self.rent = _raw(client, methods.rent, RENT)

    @_overload
    def get(self, id: str, *, fields: None = ...) -> RawResponse[PhoneNumber]: ...
    @_overload
    def get(self, id: str, *, fields: str | Sequence[str]) -> RawResponse[PhoneNumberFields]: ...
    def get(
        self, id: str, *, fields: str | Sequence[str] | None = None
    ) -> RawResponse[PhoneNumber] | RawResponse[PhoneNumberFields]:
        """`PhoneNumbers.get`, with the response."""
        method: Any = type(self._client).get
        result: RawResponse[Any] = _raw(self._client, method, GET)(id, fields=fields)
        return result

    @_overload
    def list(
        self, *, fields: None = ..., **filters: Unpack[ListFilters]
    ) -> Iterator[RawResponse[list[PhoneNumber]]]: ...
    @_overload
    def list(
        self, *, fields: str | Sequence[str], **filters: Unpack[ListFilters]
    ) -> Iterator[RawResponse[list[PhoneNumberFields]]]: ...
    def list(
        self, *, fields: str | Sequence[str] | None = None, **filters: Unpack[ListFilters]
    ) -> Iterator[RawResponse[list[PhoneNumber]]] | Iterator[RawResponse[list[PhoneNumberFields]]]:
        """`PhoneNumbers.list`, a page at a time: one `RawResponse` per page fetched."""
        seen: Seen = []
        recorder = _recorder(self._client, seen)

        def pages(cursor: Cursor[Any]) -> Iterator[RawResponse[Any]]:
            while not cursor.done:
                seen.clear()
                numbers = recorder._run(cursor.next_page())
                yield RawResponse(_answer(seen, LIST), numbers)

        vars(recorder)["_iterate"] = pages
        result: Iterator[Any] = type(self._client).list(recorder, fields=fields, **filters)
        return result


class AsyncRawPhoneNumbers:
    """`AsyncPhoneNumbers.with_raw_response`: each method answers with a `RawResponse`."""

    def __init__(self, client: AsyncPhoneNumbers) -> None:
        self._client = client
        methods = type(client)
        self.update = _raw_async(client, methods.update, UPDATE)
        self.delete = _raw_async(client, methods.delete, DELETE)
        self.rent = _raw_async(client, methods.rent, RENT)

    @_overload
    async def get(self, id: str, *, fields: None = ...) -> RawResponse[PhoneNumber]: ...
    @_overload
    async def get(
        self, id: str, *, fields: str | Sequence[str]
    ) -> RawResponse[PhoneNumberFields]: ...
    async def get(
        self, id: str, *, fields: str | Sequence[str] | None = None
    ) -> RawResponse[PhoneNumber] | RawResponse[PhoneNumberFields]:
        """`AsyncPhoneNumbers.get`, with the response."""
        method: Any = type(self._client).get
        result: RawResponse[Any] = await _raw_async(self._client, method, GET)(id, fields=fields)
        return result

    @_overload
    def list(
        self, *, fields: None = ..., **filters: Unpack[ListFilters]
    ) -> AsyncIterator[RawResponse[list[PhoneNumber]]]: ...
    @_overload
    def list(
        self, *, fields: str | Sequence[str], **filters: Unpack[ListFilters]
    ) -> AsyncIterator[RawResponse[list[PhoneNumberFields]]]: ...
    def list(
        self, *, fields: str | Sequence[str] | None = None, **filters: Unpack[ListFilters]
    ) -> (
        AsyncIterator[RawResponse[list[PhoneNumber]]]
        | AsyncIterator[RawResponse[list[PhoneNumberFields]]]
    ):
        """`AsyncPhoneNumbers.list`, a page at a time: one `RawResponse` per page fetched."""
        seen: Seen = []
        recorder = _recorder(self._client, seen)

        async def pages(cursor: Cursor[Any]) -> AsyncIterator[RawResponse[Any]]:
            while not cursor.done:
                seen.clear()
                numbers = await recorder._run(cursor.next_page())
                yield RawResponse(_answer(seen, LIST), numbers)

        vars(recorder)["_iterate"] = pages
        result: AsyncIterator[Any] = type(self._client).list(recorder, fields=fields, **filters)
        return result
