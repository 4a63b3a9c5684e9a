"""One request-planning layer for both clients.

A *plan* is a generator that yields steps (`Send` a request through the generated client,
`Sleep`) and receives what happened. Retries, throttling, error mapping, pagination and rent
safety are plans, written once; `run_sync` and `run_async` are the only code that does I/O.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Generator
from contextvars import ContextVar
from http import HTTPStatus
from logging import DEBUG
from typing import Any, Final, TypeGuard, TypeVar, cast

import httpx
from close_phone_numbers_client import AuthenticatedClient
from close_phone_numbers_client.api.phone_numbers import (
    delete_phone_number,
    get_phone_number,
    list_phone_numbers,
    rent_phone_number,
    update_phone_number,
)
from close_phone_numbers_client.api.users import get_me
from close_phone_numbers_client.types import Response, loads

from ._constants import logger
from ._errors import APIConnectionError, APIStatusError, NotFoundError, ServerError
from ._failures import failure_of, url_refused
from ._http import cap_body
from ._ratelimit import Throttle
from ._redact import activate, deactivate
from ._retry import (
    MAX_SERVER_WAIT,
    RETRYABLE_STATUSES,
    is_retryable_exception,
    retry_delay,
    server_delay,
    surely_not_sent,
)

T = TypeVar("T")


class Operation:
    """An operation of the spec: its generated functions, endpoint group and retry safety."""

    __slots__ = ("asyncio", "group", "idempotent", "name", "sync")

    def __init__(
        self,
        name: str,
        group: str,
        module: Any,
        *,
        idempotent: bool = True,
    ) -> None:
        self.name = name
        self.group = group
        self.sync: Callable[..., Response[Any]] = module.sync_detailed
        self.asyncio: Callable[..., Coroutine[Any, Any, Response[Any]]] = module.asyncio_detailed
        self.idempotent = idempotent


LIST: Final = Operation("listPhoneNumbers", "list", list_phone_numbers)
GET: Final = Operation("getPhoneNumber", "get", get_phone_number)
UPDATE: Final = Operation("updatePhoneNumber", "update", update_phone_number)
DELETE: Final = Operation("deletePhoneNumber", "delete", delete_phone_number)
# A rent costs money and Close takes no idempotency key: never repeat it on a doubt.
RENT: Final = Operation("rentPhoneNumber", "rent", rent_phone_number, idempotent=False)
ME: Final = Operation("getMe", "me", get_me)


class Sleep:
    """Step: wait this many seconds."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


class Send:
    """Step: call ``operation`` of the generated client with these keyword arguments."""

    __slots__ = ("kwargs", "operation")

    def __init__(self, operation: Operation, kwargs: dict[str, Any]) -> None:
        self.operation = operation
        self.kwargs = kwargs


class Outcome:
    """What a step produced: the generated response, the raw response, or the exception."""

    __slots__ = ("error", "raw", "response")

    def __init__(
        self,
        response: Response[Any] | None,
        raw: httpx.Response | None,
        error: Exception | None,
    ) -> None:
        self.response = response
        self.raw = raw
        self.error = error


Step = Sleep | Send
Plan = Generator[Step, Outcome, T]

_SLEPT: Final = Outcome(None, None, None)

# The raw response of the request in flight in this thread or task, set by an event hook:
# the generated layer drops it when a body cannot be parsed, and errors need it.
_LAST_RESPONSE: ContextVar[httpx.Response | None] = ContextVar("close_last_response", default=None)


def remember_response(response: httpx.Response) -> None:
    """Event hook of sync clients: keep the raw response for error reporting; cap its body."""
    cap_body(response)
    _LAST_RESPONSE.set(response)


async def remember_response_async(response: httpx.Response) -> None:
    """Event hook of async clients: keep the raw response for error reporting; cap its body."""
    cap_body(response)
    _LAST_RESPONSE.set(response)


class Policy:
    """How hard to try: retry budget, jitter source and the per-group throttle."""

    __slots__ = ("max_retries", "random", "throttle")

    def __init__(self, max_retries: int, random: Callable[[], float], throttle: Throttle) -> None:
        self.max_retries = max_retries
        self.random = random
        self.throttle = throttle


def _log_request(raw: httpx.Response) -> None:
    # Method and path only: the query can hold phone numbers, the headers the key.
    try:
        took = f"{raw.elapsed.total_seconds() * 1000:.0f} ms"
    except RuntimeError:  # a body still open has no elapsed time yet
        took = "? ms"
    request = raw.request
    logger.debug("%s %s -> %d in %s", request.method, request.url.path, raw.status_code, took)


def send_once(operation: Operation, kwargs: dict[str, Any], policy: Policy) -> Plan[Outcome]:
    """Send one request, after waiting out a spent rate-limit budget of its group."""
    wait = policy.throttle.wait_before(operation.group)
    if wait > 0:
        logger.info("rate-limit budget of %s spent; waiting %.2fs", operation.group, wait)
        yield Sleep(wait)
    outcome = yield Send(operation, kwargs)
    raw = outcome.raw
    if raw is not None:
        policy.throttle.observe(operation.group, raw.headers)
        if logger.isEnabledFor(DEBUG):
            _log_request(raw)
    return outcome


def _retry_wait(
    operation: Operation, error: Exception, attempt: int, policy: Policy
) -> float | None:
    cause = error.__cause__
    if isinstance(error, APIStatusError):
        status = error.status_code
        if status == 429 or (operation.idempotent and status in RETRYABLE_STATUSES):
            wait = retry_delay(attempt, error.response.headers, policy.random)
            if wait is None:
                logger.warning(
                    "%s: Close asked to wait %s s, more than the %.0f s this client waits; "
                    "raising instead of retrying",
                    operation.name,
                    f"{server_delay(error.response.headers):.0f}",
                    MAX_SERVER_WAIT,
                )
            return wait
        return None
    if isinstance(error, APIConnectionError) and (
        surely_not_sent(cause) or (operation.idempotent and is_retryable_exception(cause))
    ):
        return retry_delay(attempt, {}, policy.random)
    return None


def may_have_run(error: Exception) -> bool:
    """Whether a failed attempt may still have been carried out by the server."""
    if isinstance(error, ServerError):
        return True
    return isinstance(error, APIConnectionError) and not surely_not_sent(error.__cause__)


def reparsed(outcome: Outcome, parse: Callable[[Any], object]) -> Outcome:
    """A success parsed again from its raw JSON by ``parse`` instead of the generated model.

    The spec types a ``_fields`` answer as the whole object (OpenAPI cannot say that
    ``_fields`` relaxes it), so such answers are read with the partial model here.
    """
    raw = outcome.raw
    if raw is None or not 200 <= raw.status_code < 300:
        return outcome
    try:
        parsed = parse(loads(raw.content))  # the client's one decoder
    except Exception as exc:  # not JSON, or not the partial model: failure_of explains it
        return Outcome(None, raw, exc)
    return Outcome(
        Response(
            status_code=HTTPStatus(raw.status_code),
            content=raw.content,
            headers=raw.headers,
            parsed=parsed,
        ),
        raw,
        None,
    )


def call(
    operation: Operation,
    kwargs: dict[str, Any],
    policy: Policy,
    accept: Callable[[Any], TypeGuard[T]],
    *,
    gone_means_done: bool = False,
    parse: Callable[[Any], object] | None = None,
) -> Plan[tuple[T, httpx.Response | None]]:
    """Send with retries; return the accepted parsed body and the raw response, or raise.

    With ``gone_means_done`` (deletes), a 404 after an attempt that may have run is the
    earlier attempt's success, not an error. With ``parse``, a success is read from its
    JSON by that function instead of the generated model.
    """
    attempt = 0
    ran = False
    while True:
        outcome = yield from send_once(operation, kwargs, policy)
        if parse is not None:
            outcome = reparsed(outcome, parse)
        error = failure_of(outcome, accept)
        if error is None:
            assert outcome.response is not None
            return cast(T, outcome.response.parsed), outcome.raw
        if gone_means_done and ran and isinstance(error, NotFoundError):
            logger.info("%s: gone on retry, so the earlier attempt did it", operation.name)
            return cast(T, None), outcome.raw
        ran = ran or may_have_run(error)
        wait = None
        if attempt < policy.max_retries:
            wait = _retry_wait(operation, error, attempt, policy)
        if wait is None:
            raise error
        attempt += 1
        logger.info(
            "%s failed (%s); retry %d of %d in %.2fs",
            operation.name,
            error,
            attempt,
            policy.max_retries,
            wait,
        )
        yield Sleep(wait)


def _send_sync(step: Send, client: AuthenticatedClient) -> Outcome:
    _LAST_RESPONSE.set(None)
    try:
        response = step.operation.sync(client=client, **step.kwargs)
    except httpx.InvalidURL as exc:
        return Outcome(None, None, url_refused(step, exc))
    except Exception as exc:
        return Outcome(None, _LAST_RESPONSE.get(), exc)
    return Outcome(response, _LAST_RESPONSE.get(), None)


def watched(plan: Plan[T], on_interrupt: Callable[[BaseException, bool], None]) -> Plan[T]:
    """Run ``plan`` as part of another; if a step is interrupted, tell ``on_interrupt``.

    An interruption is what `run_sync` or `run_async` throws into the plan: a
    KeyboardInterrupt, a cancelled task. ``on_interrupt(exc, at_send)`` learns whether a
    request of ``plan`` was in flight (rather than a wait), and may add a note to ``exc``,
    which is then raised again.
    """
    try:
        step = next(plan)
        while True:
            try:
                outcome = yield step
            except GeneratorExit:
                plan.close()
                raise
            except BaseException as exc:
                on_interrupt(exc, isinstance(step, Send))
                plan.close()
                raise
            step = plan.send(outcome)
    except StopIteration as done:
        result: T = done.value
        return result


def _interrupt(plan: Plan[Any], exc: BaseException) -> BaseException:
    """Throw an interruption into the plan where it waits (it may note a rent in flight)."""
    try:
        plan.throw(exc)
    except StopIteration:
        pass
    except BaseException as raised:
        return raised
    plan.close()
    return exc


def run_sync(
    plan: Plan[T],
    client: AuthenticatedClient,
    sleep: Callable[[float], None],
    secrets: tuple[str, ...] = (),
) -> T:
    """Carry out a plan with blocking I/O; log records are redacted of ``secrets``."""
    token = activate(secrets)
    try:
        step = next(plan)
        while True:
            try:
                if isinstance(step, Send):
                    outcome = _send_sync(step, client)
                else:
                    sleep(step.seconds)
                    outcome = _SLEPT
            except BaseException as exc:
                raise _interrupt(plan, exc)  # noqa: B904 (the same exception, or its successor)
            step = plan.send(outcome)
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        deactivate(token)


async def _send_async(step: Send, client: AuthenticatedClient) -> Outcome:
    _LAST_RESPONSE.set(None)
    try:
        response = await step.operation.asyncio(client=client, **step.kwargs)
    except httpx.InvalidURL as exc:
        return Outcome(None, None, url_refused(step, exc))
    except Exception as exc:
        return Outcome(None, _LAST_RESPONSE.get(), exc)
    return Outcome(response, _LAST_RESPONSE.get(), None)


async def run_async(
    plan: Plan[T],
    client: AuthenticatedClient,
    sleep: Callable[[float], Awaitable[None]],
    secrets: tuple[str, ...] = (),
) -> T:
    """Carry out a plan with asyncio; log records are redacted of ``secrets``."""
    token = activate(secrets)
    try:
        step = next(plan)
        while True:
            try:
                if isinstance(step, Send):
                    outcome = await _send_async(step, client)
                else:
                    await sleep(step.seconds)
                    outcome = _SLEPT
            except BaseException as exc:
                raise _interrupt(plan, exc)  # noqa: B904 (the same exception, or its successor)
            step = plan.send(outcome)
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        deactivate(token)
