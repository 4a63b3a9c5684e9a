"""Rent safety: a rent costs money, and Close takes no idempotency key.

A rent is sent again only when it surely did not run: a 429, or a connection that never
opened. When the outcome is unclear (a timeout after sending, a dropped connection, a 5xx,
a success whose body cannot be read) it is never resent. Instead the client looks for the
number the rent made, and returns it only if it can tell it apart; otherwise
`RentOutcomeUnknownError` says so and carries what was found.

Close documents no list order, so nothing here depends on one. Just before the rent, the
ids of every number the rent could be confused with are listed (``_fields=id``, all pages,
filtered to the caller's numbers): that snapshot, and a creation time after the start of
the rent (on the server's clock), tell new numbers from old. A new number must also belong
to the caller, the requesting user (``GET /me/``) or the ``assign_to`` users, and must not
have been handed to another call of the same client (`RentBook`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from time import time
from typing import TYPE_CHECKING, Any, Final, TypeGuard

from attrs import evolve
from close_phone_numbers_client.models import Me, PhoneNumber, RentRequest, Sharing
from close_phone_numbers_client.types import UNSET, Unset

from . import _validation as check
from ._constants import MAX_PAGE_SIZE, logger
from ._errors import (
    CloseError,
    HasVoiceOnlyError,
    InvalidRequestError,
    NotFoundError,
    RentOutcomeUnknownError,
    UnexpectedResponseError,
)
from ._pagination import fields_page, is_page
from ._plan import GET, LIST, ME, RENT, Plan, Policy, Sleep, call, may_have_run, watched
from ._rentbook import RentBook

if TYPE_CHECKING:
    import httpx

# A rent still running on Close's side when the client gave up shows up a little later.
RECONCILE_DELAYS: Final = (0.0, 1.0, 3.0)
# Pages of ids listed at most, before the rent and in each lookup: 100,000 numbers.
MAX_LISTED_PAGES: Final = 1000
# New numbers fetched whole in one lookup; more than this many is no single answer anyway.
MAX_NEW_FETCHED: Final = 20
# The server clock is read from the Date header (whole seconds) of the listing.
CLOCK_MARGIN: Final = timedelta(seconds=1)
# Without a Date header and without a snapshot, clocks are trusted to agree within this much.
UNCALIBRATED_MARGIN: Final = timedelta(seconds=60)

Owners = frozenset[str]
# The spec's UserId pattern.
_USER_ID: Final = re.compile(r"user_[A-Za-z0-9]+")


def is_number(parsed: object) -> TypeGuard[PhoneNumber]:
    """A complete phone number."""
    return type(parsed) is PhoneNumber


def is_me(parsed: object) -> TypeGuard[Me]:
    """The requesting user, as ``getMe`` answers."""
    return type(parsed) is Me


class _Snapshot:
    __slots__ = ("complete", "ids")

    def __init__(self, ids: frozenset[str], *, complete: bool) -> None:
        self.ids = ids
        self.complete = complete


def describe(request: RentRequest) -> str:
    """The rent in words, for logs and notes: its fields, which hold no secret."""
    given = ", ".join(f"{k}={v!r}" for k, v in request.to_dict().items())
    return f"rent({given})"


def rent(
    request: RentRequest, policy: Policy, book: RentBook, *, fallback_to_voice_only: bool
) -> Plan[PhoneNumber]:
    """Rent a number; on ``has-voice-only`` rent once more without SMS if asked to."""
    try:
        return (yield from _rent_once(request, policy, book))
    except HasVoiceOnlyError:
        if not fallback_to_voice_only:
            raise
        logger.info("only numbers without SMS are available; renting one without SMS")
    return (yield from _rent_once(evolve(request, with_sms=False), policy, book))


def _is_unclear(error: CloseError) -> bool:
    # A success whose body cannot be read did rent; a 5xx or a broken connection may have.
    return isinstance(error, UnexpectedResponseError) or may_have_run(error)


def _owners(request: RentRequest, policy: Policy, book: RentBook) -> Plan[Owners | None]:
    """Whose the rented number will be: ``assign_to``, or the requesting user; None if unknown."""
    if request.assign_to:
        return frozenset(request.assign_to)
    if book.user_id is None:
        try:
            me, _ = yield from call(ME, {}, policy, is_me)
        except CloseError as error:
            logger.warning("could not learn the requesting user from /me/ (%s)", error)
            return None
        if not _USER_ID.fullmatch(me.id):
            # Never sent on as a filter: a hostile answer could be anything, a key included.
            logger.warning("/me/ answered an id that is not a user id; whose numbers is unknown")
            return None
        book.user_id = me.id
    return frozenset({book.user_id})


def _filters(request: RentRequest, owners: Owners | None) -> dict[str, Any]:
    """List filters that narrow the numbers down to those the rent could have made."""
    filters: dict[str, Any] = {}
    if owners:
        filters["participant_user_id"] = min(owners)
    if request.sharing == Sharing.GROUP:
        filters["is_group_number"] = True
    return filters


def _list_ids(filters: dict[str, Any], policy: Policy) -> Plan[tuple[_Snapshot, float | None]]:
    """Every id the filtered list holds, whatever its order, and the server's clock offset.

    Raises `CloseError` if a page fails; ``complete`` is False past `MAX_LISTED_PAGES`.
    """
    ids: set[str] = set()
    offset: float | None = None
    skip = 0
    for _ in range(MAX_LISTED_PAGES):
        kwargs = {**filters, "field_skip": skip, "field_limit": MAX_PAGE_SIZE, "field_fields": "id"}
        page, raw = yield from call(LIST, kwargs, policy, is_page, parse=fields_page)
        if offset is None:
            offset = _clock_offset(raw)
        ids.update(n.id for n in page.data if isinstance(n.id, str))
        skip += len(page.data)
        if not page.has_more or not page.data:
            return _Snapshot(frozenset(ids), complete=True), offset
    logger.warning("more than %d pages of numbers; the listing stopped there", MAX_LISTED_PAGES)
    return _Snapshot(frozenset(ids), complete=False), offset


def _snapshot(filters: dict[str, Any], policy: Policy) -> Plan[_Snapshot]:
    """The ids the rent could be confused with, listed before it is sent."""
    try:
        snapshot, _ = yield from _list_ids(filters, policy)
    except InvalidRequestError:
        # Refused before sending (an id too long for a URL, say): the rent must not go
        # out, as the same input would keep its outcome from being looked up.
        raise
    except CloseError as error:
        # The rent may still work; the time window alone then guards the lookup.
        logger.warning("could not list numbers before renting (%s)", error)
        return _Snapshot(frozenset(), complete=False)
    return snapshot


def _interrupted(request: RentRequest, *, sent: bool) -> Callable[[BaseException, bool], None]:
    """What to do when a rent is interrupted: warn and note it, if it may have been sent."""

    def note(exc: BaseException, at_send: bool) -> None:
        if isinstance(exc, GeneratorExit) or not (sent or at_send):
            return
        what = describe(request)
        logger.warning("%s interrupted (%s) before its outcome was known", what, type(exc).__name__)
        exc.add_note(
            f"close_phone_numbers: {what} was interrupted before its outcome was known; it "
            "may have rented a number (renting costs money). Check the organization's "
            "numbers before renting again."
        )

    return note


def _rent_once(request: RentRequest, policy: Policy, book: RentBook) -> Plan[PhoneNumber]:
    owners = yield from _owners(request, policy, book)
    filters = _filters(request, owners)
    snapshot = yield from _snapshot(filters, policy)
    started = datetime.now(UTC)
    book.sent()
    try:
        number, _ = yield from watched(
            call(RENT, {"body": request}, policy, is_number), _interrupted(request, sent=False)
        )
    except CloseError as error:
        book.settled()
        if not _is_unclear(error):
            raise
        logger.warning(
            "rent outcome unclear (%s); looking for the number instead of resending", error
        )
        lookup = _reconcile(request, started, owners, snapshot, error, policy, book)
        return (yield from watched(lookup, _interrupted(request, sent=True)))
    except BaseException:
        book.settled()
        raise
    book.settled(number.id)
    return number


def _reconcile(
    request: RentRequest,
    started: datetime,
    owners: Owners | None,
    snapshot: _Snapshot,
    cause: CloseError,
    policy: Policy,
    book: RentBook,
) -> Plan[PhoneNumber]:
    candidates: list[PhoneNumber] = []
    problem = ""
    book.looking(+1)
    try:
        for delay in RECONCILE_DELAYS:
            if delay:
                yield Sleep(delay)
            if owners is None:
                owners = yield from _owners(request, policy, book)
            try:
                found = yield from _new_matches(request, started, owners, snapshot, policy)
            except CloseError as error:
                problem = f"; listing numbers failed too ({error})"
                break
            claimed = book.claimed()
            candidates = [n for n in found if n.id not in claimed]
            if owners is None:
                problem = "; whose numbers they are is unknown (GET /me/ failed)"
                continue
            number = _take(candidates, book)
            if number is not None:
                logger.warning("the unclear rent did rent %s; returning it", number.id)
                return number
            if candidates and not book.busy():
                break  # more matches than unclear rents; waiting does not tell them apart
    finally:
        book.looking(-1)
    shown = ", ".join(n.id for n in candidates[:5]) + (", ..." if len(candidates) > 5 else "")
    raise RentOutcomeUnknownError(
        f"a rent may have reached Close ({cause}) and {len(candidates)} numbers of the caller "
        f"created since {started.isoformat()} match it{f' ({shown})' if shown else ''}"
        f"{problem}; look at the organization's numbers before renting again",
        request=request.to_dict(),
        started_at=started,
        candidates=candidates,
        cause=cause,
    ) from cause


def _take(candidates: list[PhoneNumber], book: RentBook) -> PhoneNumber | None:
    """One of the caller's new numbers, if no more of them exist than unclear rents look.

    Each is the caller's and matches the rent. The oldest goes first: a lookup that
    started later sees only later numbers, so taking the oldest leaves them theirs. The
    claim makes sure no two calls get the same one, and that nothing is taken while
    another rent of the client is still out.
    """
    if not candidates or len(candidates) > book.looking(0):
        return None
    for number in sorted(candidates, key=_age):
        verdict = book.claim(number.id)
        if verdict == "ok":
            return number
        if verdict == "busy":
            return None
    return None


def _age(number: PhoneNumber) -> tuple[datetime, str]:
    return parse_timestamp(number.date_created) or datetime.max.replace(tzinfo=UTC), number.id


def _new_matches(
    request: RentRequest,
    started: datetime,
    owners: Owners | None,
    snapshot: _Snapshot,
    policy: Policy,
) -> Plan[list[PhoneNumber]]:
    """The numbers that are new since the snapshot, match the rent and may be the caller's."""
    listed, offset = yield from _list_ids(_filters(request, owners), policy)
    new = sorted(i for i in listed.ids - snapshot.ids if _is_number_id(i))[:MAX_NEW_FETCHED]
    since = _window_start(started, offset, snapshot_complete=snapshot.complete)
    found: list[PhoneNumber] = []
    for number_id in new:
        try:
            number, _ = yield from call(GET, {"id": number_id}, policy, is_number)
        except NotFoundError:
            continue  # deleted since it was listed
        except InvalidRequestError:
            logger.warning("a listed id cannot be sent in a URL; not looked up")
            continue
        created = parse_timestamp(number.date_created)
        if since is not None and (created is None or created < since):
            continue  # older than the rent: the snapshot missed it
        if matches(number, request) and (owners is None or belongs(number, owners)):
            found.append(number)
    return found


def _is_number_id(value: str) -> bool:
    """Whether a listed id is one the spec allows: a hostile listing picks what is fetched."""
    try:
        check.parameter(GET.name, "path", "id", value)
    except InvalidRequestError:
        logger.warning("the listing holds an id that is not a phone number id; not looked up")
        return False
    return True


def _clock_offset(raw: httpx.Response | None) -> float | None:
    """Seconds the server's clock (its Date header) is ahead of ours; None if unknown."""
    date = raw.headers.get("date") if raw is not None else None
    if date is None:
        return None
    try:
        return parsedate_to_datetime(date).timestamp() - time()
    except (TypeError, ValueError, IndexError):
        return None


def _window_start(
    started: datetime, offset: float | None, *, snapshot_complete: bool
) -> datetime | None:
    """``started`` on the server's clock, minus a margin; None when only the snapshot counts.

    Without a Date header (an emulator in process, maybe on a fake clock) the server may
    date its numbers anywhere, so a complete snapshot alone tells old numbers from new.
    Without a snapshot the window is the only guard, so a Date header may narrow it but
    never open it further back than `UNCALIBRATED_MARGIN`: a Date far in the past (a broken
    proxy, another clock than the one that dates numbers) would pass old numbers as new.
    """
    floor = None if snapshot_complete else started - UNCALIBRATED_MARGIN
    if offset is None:
        return floor
    calibrated = started + timedelta(seconds=offset) - CLOCK_MARGIN
    return calibrated if floor is None else max(calibrated, floor)


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


def belongs(number: PhoneNumber, owners: Owners) -> bool:
    """Whether ``number`` is exactly the owners' (its ``user_id`` and participants)."""
    members = set() if isinstance(number.participants, Unset) else set(number.participants)
    if number.user_id is not None:
        members.add(number.user_id)
    return members == owners


def matches(number: PhoneNumber, request: RentRequest) -> bool:
    """Whether ``number`` could be the one ``request`` rented (whoever it belongs to)."""
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
        request.sharing != Sharing.GROUP or number.is_group_number,
    )
    return all(checks)
