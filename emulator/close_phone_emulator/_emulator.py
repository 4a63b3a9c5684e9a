"""The Emulator: state, configuration and the ASGI app in one object."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from . import _numbers, _reference, _rules
from ._admin import admin_app
from ._app import PREFIX, ApiApp, Receive, Scope, Send
from ._body import BODY_TIMEOUT, MAX_BODY_BYTES
from ._faults import Faults
from ._ratelimit import RateLimits
from ._seed import BASE62, User, check_seed, new_number, read_seed
from ._store import LIST_ORDERS, ListOrder, Store, timestamp
from ._transport import AsyncEmulatorTransport, EmulatorTransport

# A budget beyond this is surely a typo (and inf or NaN would break the arithmetic).
_MAX_DOLLARS = 1_000_000_000_000


class Emulator:
    """A stateful Close phone-number API. See emulator/README.md.

    `seed` is a seed file, a dict in the same format, or None for the default seed;
    `random_seed` fixes every random choice (rented ids, fault probabilities, the
    shuffles of an unstable list). `list_order` is the order `GET /phone_number/`
    lists numbers in: "newest" first, "oldest" first, or "unstable" (shuffled anew
    after every change). Close documents none, so clients should work under each.
    `max_body_bytes` and `body_timeout` bound what a request body may take.
    """

    base_url = "http://emulator.test/api/v1"

    def __init__(
        self,
        seed: str | Path | Mapping[str, Any] | None = None,
        *,
        random_seed: int = 0,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], dt.datetime] | None = None,
        list_order: ListOrder = "newest",
        max_body_bytes: int = MAX_BODY_BYTES,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        self.max_body_bytes = max_body_bytes
        self.body_timeout = body_timeout
        self._seed = check_seed(read_seed(seed))
        self._list_order = _checked_order(list_order)
        self._random_seed = random_seed
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self.faults = Faults(random_seed)
        self.rate_limits = RateLimits(clock)
        self._api = ApiApp(self)
        self._root = _Root(self._api, admin_app(self))
        self._transports: list[EmulatorTransport] = []
        self.reset()

    def reset(self) -> None:
        """Back to the seed: numbers, budgets, rent statuses, faults and rate limits.

        The list order stays as set.
        """
        self.store = Store(
            self._seed, self._now, list_order=self._list_order, random_seed=self._random_seed
        )
        self._random = random.Random(self._random_seed)
        self._rent_status: dict[str, Any] | None = None
        self.faults.reset()
        self.rate_limits.reset()
        self._api.forget_credentials()

    # -- list order -----------------------------------------------------------------

    @property
    def list_order(self) -> ListOrder:
        """The order numbers are listed in: "newest", "oldest" or "unstable"."""
        return self._list_order

    def set_list_order(self, order: ListOrder) -> None:
        """List numbers in this order from now on (and after `reset()`)."""
        self._list_order = self.store.list_order = _checked_order(order)

    # -- who is there ---------------------------------------------------------------

    @property
    def users(self) -> tuple[User, ...]:
        """The seeded users, in seed order."""
        return tuple(self._seed.users)

    def user(self, user_id: str) -> User:
        """The seeded user with this id."""
        return self.store.users[user_id]

    def _first_key(self, predicate: Callable[[User], bool]) -> str:
        for user in self._seed.users:
            if predicate(user):
                return user.api_key
        raise LookupError("the seed has no such user")

    @property
    def api_key_with_permission(self) -> str:
        """A key of the first organization whose user has Manage Team Phone Numbers."""
        first = self._seed.organizations[0].id
        return self._first_key(lambda u: u.organization_id == first and u.manage_team_phone_numbers)

    @property
    def api_key_without_permission(self) -> str:
        """A key of the first organization whose user lacks the permission."""
        first = self._seed.organizations[0].id
        return self._first_key(
            lambda u: u.organization_id == first and not u.manage_team_phone_numbers
        )

    @property
    def api_key_other_organization(self) -> str:
        """A key of a user outside the first organization."""
        first = self._seed.organizations[0].id
        return self._first_key(lambda u: u.organization_id != first)

    def numbers(self, organization_id: str | None = None) -> list[dict[str, Any]]:
        """Copies of the stored numbers, oldest first."""
        return self.store.snapshot(organization_id)

    # -- rent refusals --------------------------------------------------------------

    def set_budget(self, organization_id: str, dollars: float) -> None:
        """Set an organization's telephony budget; a rent costing more is a billing-error."""
        if organization_id not in self.store.organizations:
            raise ValueError(f"organization_id: no organization {organization_id!r} in the seed")
        if (
            isinstance(dollars, bool)
            or not isinstance(dollars, int | float)
            or not 0 <= dollars <= _MAX_DOLLARS
        ):
            raise ValueError(f"dollars: use a number from 0 to {_MAX_DOLLARS:,}")
        self.store.budget_cents[organization_id] = round(dollars * 100)

    def budget(self, organization_id: str) -> float:
        """What is left of an organization's telephony budget, in dollars."""
        return self.store.budget_cents[organization_id] / 100

    def set_rent_status(
        self,
        status: str,
        *,
        error: str | None = None,
        http_status: int = 400,
        times: int | None = 1,
    ) -> None:
        """Refuse the next `times` rents (None: until cleared) with this status.

        The status may be one the spec does not list, to test that clients accept it.
        """
        if not isinstance(status, str) or not status:
            raise ValueError("status: use a non-empty string, such as 'number-blocked'")
        if error is not None and not isinstance(error, str):
            raise ValueError("error: use a string, or leave it out")
        if isinstance(http_status, bool) or http_status not in (400, 402):
            raise ValueError("http_status: the spec documents refused rents as 400 or 402")
        if times is not None and (
            isinstance(times, bool) or not isinstance(times, int) or times < 1
        ):
            raise ValueError("times: use a whole number, 1 or more, or None")
        message = error or f"The number could not be rented ({status})."
        self._rent_status = {"status": status, "error": message, "http": http_status, "left": times}

    def clear_rent_status(self) -> None:
        """Stop refusing rents with a configured status."""
        self._rent_status = None

    # -- the operations (called by the app) ------------------------------------------

    def _update(
        self, user: User, number: dict[str, Any], changes: dict[str, Any]
    ) -> dict[str, Any]:
        _rules.authorize_update(user, number, changes)
        errors: dict[str, str] = {}
        if not number["is_group_number"]:
            for name in _rules.GROUP_ONLY_FIELDS:
                if name in changes:
                    errors[name] = "Only group numbers have this; a personal number has one user."
        org = user.organization_id
        for user_id in changes.get("participants", []):
            if "participants" in errors:
                break
            if getattr(self.store.users.get(user_id), "organization_id", None) != org:
                errors.setdefault("participants", f"{user_id} is not a user of this organization.")
        if changes.get("participants") == [] and "participants" not in errors:
            errors["participants"] = "A group number needs at least one participant."
        for group_id in changes.get("participant_groups", []):
            if getattr(self.store.groups.get(group_id), "organization_id", None) != org:
                errors.setdefault(
                    "participant_groups", f"{group_id} is not a group of this organization."
                )
        if errors:
            raise _rules.invalid(errors)
        return self.store.update(number["id"], changes)

    def _rent(self, user: User, request: dict[str, Any]) -> dict[str, Any]:
        org = user.organization_id
        assign_to: list[str] = request.get("assign_to") or [user.id]
        group = request.get("sharing") == "group"
        if (group or assign_to != [user.id]) and not user.manage_team_phone_numbers:
            raise _rules.forbidden(
                f"Renting a group number or for other users needs the {_rules.PERMISSION}"
                " permission."
            )
        for user_id in assign_to:
            if getattr(self.store.users.get(user_id), "organization_id", None) != org:
                raise _rules.invalid(
                    {"assign_to": f"{user_id} is not a user of this organization."}
                )
        self._refuse_configured()
        country = _numbers.COUNTRIES.get(request["country"])
        code = request["country"]
        if country is None:
            raise _rules.refusal(400, "error", f"Close rents no numbers in {code}.")
        if country.needs_address:
            raise _rules.refusal(
                400,
                "needs-more-info",
                f"Numbers in {code} need a proof of address; rent them through Close support.",
            )
        prefix: str = request.get("prefix") or ""
        number = self._free_number(country, prefix)
        voice_only = any(prefix.startswith(p) for p in country.voice_only_prefixes)
        if voice_only and request.get("with_sms") is not False:
            raise _rules.refusal(
                400,
                "has-voice-only",
                "Only numbers without SMS exist for this prefix; ask again with with_sms false.",
            )
        sms = country.sms and not voice_only
        if request.get("with_mms") and not (sms and country.mms):
            raise _rules.refusal(400, "error", f"No numbers with MMS are available in {code}.")
        if self.store.budget_cents[org] < country.price_cents:
            raise _rules.refusal(
                402, "billing-error", "The telephony budget of the organization has been reached."
            )
        self.store.budget_cents[org] -= country.price_cents
        now = self.store.now()
        record = new_number(
            number_id=random_id(self._random),
            organization_id=org,
            number=number,
            participants=assign_to,
            is_group=group or len(assign_to) > 1,
            now=now,
            country=code,
        )
        record.update(
            carrier_type=request.get("carrier_type") or "local",
            bundle_id=request.get("bundle_id"),
            last_billed_price=country.price_cents / 100,
            next_billing_on=_next_month(self._now()),
            sms_enabled=sms,
            mms_enabled=sms and country.mms,
            supports_sms_to_countries=list(country.sms_to) if sms else [],
            supports_mms_to_countries=list(country.mms_to) if sms and country.mms else [],
        )
        self.store.insert(record)
        return record

    def _refuse_configured(self) -> None:
        configured = self._rent_status
        if configured is None:
            return
        if configured["left"] is not None:
            configured["left"] -= 1
            if configured["left"] == 0:
                self._rent_status = None
        raise _rules.refusal(configured["http"], configured["status"], configured["error"])

    def _free_number(self, country: _numbers.Country, prefix: str) -> str:
        span = _numbers.number_range(country, prefix)
        if span is not None and _numbers.serves(country.code, f"{span[0]}{span[1]:04d}"):
            number = self.store.first_free(*span)
            if number is None:
                raise _rules.refusal(400, "error", "Every number of this prefix is taken.")
            return number
        raise _rules.refusal(400, "error", f"No numbers in {country.code} start with {prefix!r}.")

    # -- serving -------------------------------------------------------------------------

    @property
    def app(self) -> Callable[[Scope, Receive, Send], Any]:
        """The ASGI app: the API under /api/v1/, admin routes under /_emulator/."""
        return self._root

    def transport(self) -> EmulatorTransport:
        """A sync httpx transport that runs the app in process, on a helper thread.

        Closing the httpx client closes it; `Emulator.close()` closes any left open.
        """
        transport = EmulatorTransport(self.app)
        self._transports.append(transport)
        return transport

    def async_transport(self) -> AsyncEmulatorTransport:
        """An async httpx transport that runs the app in the caller's event loop."""
        return AsyncEmulatorTransport(self.app)

    def close(self) -> None:
        """Stop the helper threads of the transports made by `transport()`."""
        while self._transports:
            self._transports.pop().close()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Emulator {len(self._seed.users)} users, {self.store.count()} numbers>"


def _checked_order(order: object) -> ListOrder:
    for known in LIST_ORDERS:
        if order == known:
            return known
    raise ValueError(f"list_order: use one of {', '.join(LIST_ORDERS)}, not {order!r}")


def random_id(chance: random.Random) -> str:
    """A number id of 43 random base-62 characters.

    The same characters as 43 calls of `chance.choice(BASE62)` (which draws 6 bits
    until they make a number below 62) at a fraction of the cost: rents are a hot path.
    """
    bits = chance.getrandbits
    chars: list[str] = []
    while len(chars) < 43:
        drawn = bits(6)
        if drawn < 62:
            chars.append(BASE62[drawn])
    return "phon_" + "".join(chars)


def _next_month(moment: dt.datetime) -> str:
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return timestamp(dt.datetime(year, month, 1, tzinfo=dt.UTC))


class _Root:
    """The whole app: an object with an async __call__, which servers detect as ASGI 3."""

    def __init__(self, api: ApiApp, admin: Callable[[Scope, Receive, Send], Any]) -> None:
        self._api = api
        self._admin = admin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            path: str = scope["path"]
            if path.startswith(PREFIX + "/"):
                await self._api(scope, receive, send)
            elif path == "/_emulator" or path.startswith("/_emulator/"):
                await self._admin(scope, receive, send)
            elif path in _reference.PATHS:
                await _reference.app(scope, receive, send)
            else:
                body = b'{"error":"Not found; the API is under /api/v1/."}'
                headers = [
                    (b"content-type", b"application/json"),
                    (b"content-length", b"%d" % len(body)),
                ]
                await send({"type": "http.response.start", "status": 404, "headers": headers})
                await send({"type": "http.response.body", "body": body})
        elif kind == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
