"""Rent safety: a rent costs money, and Close takes no idempotency key.

A rent is sent again only when it surely did not run: a 429, or a connection that never
opened. When the outcome is unclear (a timeout after sending, a dropped connection, a 5xx,
a success whose body cannot be read) it is never resent. Instead the numbers created since
the rent started are listed, and the one that matches the request is returned. If none or
several match, `RentOutcomeUnknownError` says so and carries what was found.

Two guards keep an older number from passing for the new one: its creation time must be
after the start of the rent (on the server's clock), and it must not be among the newest
numbers listed just before the rent was sent. That snapshot costs one small request per
rent; it is what tells apart rents made one after the other within the same second.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from time import time
from typing import TYPE_CHECKING, Any, Final, TypeGuard

from attrs import evolve
from close_phone_numbers_client.models import PhoneNumber, RentRequest, Sharing
from close_phone_numbers_client.types import UNSET, Unset

from ._constants import MAX_PAGE_SIZE, logger
from ._errors import (
    CloseError,
    HasVoiceOnlyError,
    RentOutcomeUnknownError,
    UnexpectedResponseError,
)
from ._pagination import is_full_page, is_page
from ._plan import LIST, RENT, Plan, Policy, Sleep, call, may_have_run

if TYPE_CHECKING:
    import httpx

# A rent still running on Close's side when the client gave up shows up a little later.
RECONCILE_DELAYS: Final = (0.0, 1.0, 3.0)
# Newest numbers come first; a rent from seconds ago is on the first page, five is generous.
RECONCILE_MAX_PAGES: Final = 5
# The server clock is read from the Date header (whole seconds) of the listing.
CLOCK_MARGIN: Final = timedelta(seconds=1)
# Without a Date header and without a snapshot, clocks are trusted to agree within this much.
UNCALIBRATED_MARGIN: Final = timedelta(seconds=60)


def is_number(parsed: object) -> TypeGuard[PhoneNumber]:
    """A complete phone number."""
    return type(parsed) is PhoneNumber


def rent(
    request: RentRequest, policy: Policy, *, fallback_to_voice_only: bool
) -> Plan[PhoneNumber]:
    """Rent a number; on ``has-voice-only`` rent once more without SMS if asked to."""
    try:
        return (yield from _rent_once(request, policy))
    except HasVoiceOnlyError:
        if not fallback_to_voice_only:
            raise
        logger.info("only numbers without SMS are available; renting one without SMS")
    return (yield from _rent_once(evolve(request, with_sms=False), policy))


def _is_unclear(error: CloseError) -> bool:
    # A success whose body cannot be read did rent; a 5xx or a broken connection may have.
    return isinstance(error, UnexpectedResponseError) or may_have_run(error)


def _filters(request: RentRequest) -> dict[str, Any]:
    """List filters that narrow the numbers down to those the rent could have made."""
    filters: dict[str, Any] = {}
    if request.assign_to:
        filters["participant_user_id"] = request.assign_to[0]
    if request.sharing == Sharing.GROUP:
        filters["is_group_number"] = True
    return filters


def _snapshot(filters: dict[str, Any], policy: Policy) -> Plan[frozenset[str]]:
    """The ids of the newest numbers the rent could be confused with, before it is sent."""
    kwargs = {**filters, "field_skip": 0, "field_limit": MAX_PAGE_SIZE, "field_fields": "id"}
    try:
        page, _ = yield from call(LIST, kwargs, policy, is_page)
    except CloseError as error:
        # The rent may still work; the time window alone then guards the lookup.
        logger.warning("could not list numbers before renting (%s)", error)
        return frozenset()
    return frozenset(n.id for n in page.data if isinstance(n.id, str))


def _rent_once(request: RentRequest, policy: Policy) -> Plan[PhoneNumber]:
    filters = _filters(request)
    known = yield from _snapshot(filters, policy)
    started = datetime.now(UTC)
    try:
        number, _ = yield from call(RENT, {"body": request}, policy, is_number)
    except CloseError as error:
        if not _is_unclear(error):
            raise
        logger.warning(
            "rent outcome unclear (%s); looking for the number instead of resending", error
        )
        return (yield from _reconcile(request, started, filters, known, error, policy))
    return number


def _reconcile(
    request: RentRequest,
    started: datetime,
    filters: dict[str, Any],
    known: frozenset[str],
    cause: CloseError,
    policy: Policy,
) -> Plan[PhoneNumber]:
    candidates: list[PhoneNumber] = []
    problem = ""
    for delay in RECONCILE_DELAYS:
        if delay:
            yield Sleep(delay)
        try:
            candidates = yield from _recent_matches(request, started, filters, known, policy)
        except CloseError as error:
            problem = f"; listing numbers failed too ({error})"
            break
        if len(candidates) == 1:
            logger.warning("the unclear rent did rent %s; returning it", candidates[0].id)
            return candidates[0]
        if candidates:
            break  # several matches stay several; waiting does not tell them apart
    raise RentOutcomeUnknownError(
        f"a rent may have reached Close ({cause}) and {len(candidates)} numbers created since "
        f"{started.isoformat()} match it{problem}; look at the organization's numbers before "
        "renting again",
        request=request.to_dict(),
        started_at=started,
        candidates=candidates,
        cause=cause,
    ) from cause


def _recent_matches(
    request: RentRequest,
    started: datetime,
    filters: dict[str, Any],
    known: frozenset[str],
    policy: Policy,
) -> Plan[list[PhoneNumber]]:
    found: list[PhoneNumber] = []
    skip = 0
    for _ in range(RECONCILE_MAX_PAGES):
        kwargs = {**filters, "field_skip": skip, "field_limit": MAX_PAGE_SIZE}
        page, raw = yield from call(LIST, kwargs, policy, is_full_page)
        since = _server_time(started, raw, snapshot_taken=bool(known))
        oldest_seen = False
        for number in page.data:
            if not isinstance(number, PhoneNumber):  # is_full_page made sure of it
                continue
            if since is None:
                if number.id in known:
                    oldest_seen = True
                elif matches(number, request):
                    found.append(number)
                continue
            created = parse_timestamp(number.date_created)
            if created is None or created < since:
                oldest_seen = True
            elif number.id not in known and matches(number, request):
                found.append(number)
        skip += len(page.data)
        if not page.has_more or not page.data or oldest_seen:
            break
    return found


def _server_time(
    started: datetime, raw: httpx.Response | None, *, snapshot_taken: bool
) -> datetime | None:
    """``started`` on the server's clock, minus a margin, read from the Date header.

    None when the server's clock is unknown but the snapshot tells old numbers apart: a
    server with no Date header (an emulator in process, maybe on a fake clock) may date its
    numbers anywhere, and a guessed window would hide the new one.
    """
    date = raw.headers.get("date") if raw is not None else None
    if date is not None:
        try:
            offset = parsedate_to_datetime(date).timestamp() - time()
        except (TypeError, ValueError, IndexError):
            pass
        else:
            return started + timedelta(seconds=offset) - CLOCK_MARGIN
    return None if snapshot_taken else started - UNCALIBRATED_MARGIN


def parse_timestamp(value: object) -> datetime | None:
    """A Close timestamp; one without an offset is in UTC."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _has_prefix(number: str, prefix: str) -> bool:
    # The prefix follows a country calling code of one to three digits.
    digits = number.lstrip("+")
    return any(digits[k:].startswith(prefix) for k in (1, 2, 3))


def matches(number: PhoneNumber, request: RentRequest) -> bool:
    """Whether ``number`` could be the one ``request`` rented."""
    checks = (
        number.type_ == "internal",
        number.country is None or number.country == request.country,
        not request.prefix or _has_prefix(number.number, request.prefix),
        request.with_sms is not True or number.sms_enabled,
        request.with_mms is not True or number.mms_enabled,
        request.carrier_type in (UNSET, None)
        or number.carrier_type is None
        or str(number.carrier_type) == str(request.carrier_type),
        request.bundle_id in (UNSET, None)
        or number.bundle_id is None
        or number.bundle_id == request.bundle_id,
        not request.assign_to
        or isinstance(number.participants, Unset)
        or set(number.participants) == set(request.assign_to),
        request.sharing != Sharing.GROUP or number.is_group_number,
    )
    return all(checks)
