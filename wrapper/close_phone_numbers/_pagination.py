"""Lazy offset paging over ``listPhoneNumbers``, holding one page at a time.

Close pages with ``_skip``/``_limit`` over a list sorted newest first, so the list can move
under a running iteration. A number created meanwhile pushes the others one place down; the
next page would repeat the last number of this one, so numbers already seen on the previous
page are dropped. A number deleted meanwhile pulls the others one place up, and one number
may then be missed: offset paging cannot see it without reading everything again.

A page made only of numbers already seen is possible (more numbers created meanwhile than
a page holds), so one such page is passed over; a server that keeps sending them would
loop the client forever, so a few in a row end the listing with an error instead.
"""

from __future__ import annotations

from typing import Any, Generic, TypeGuard, TypeVar

import httpx
from close_phone_numbers_client.models import PhoneNumber, PhoneNumberFields, PhoneNumberPage

from ._errors import UnexpectedResponseError
from ._plan import LIST, Plan, Policy, call

Item = TypeVar("Item", PhoneNumber, PhoneNumberFields)

# Pages in a row that bring no number not seen before, after which the server is taken
# to be repeating itself rather than shifting under inserts.
MAX_STALE_PAGES = 3


def is_full_page(parsed: object) -> TypeGuard[PhoneNumberPage]:
    """A page whose numbers have every field Close always returns."""
    return type(parsed) is PhoneNumberPage and all(type(n) is PhoneNumber for n in parsed.data)


def is_page(parsed: object) -> TypeGuard[PhoneNumberPage]:
    """A page of partial (``_fields``) numbers."""
    return type(parsed) is PhoneNumberPage


def as_fields(number: PhoneNumber | PhoneNumberFields) -> PhoneNumberFields:
    """A number as a partial object: a ``_fields`` answer with every field still is one."""
    if type(number) is PhoneNumberFields:
        return number
    return PhoneNumberFields.from_dict(number.to_dict())


class Cursor(Generic[Item]):
    """The paging state of one listing: where the next page starts and what was just seen."""

    __slots__ = ("_kwargs", "_limit", "_partial", "_policy", "_seen", "_skip", "_stale", "done")

    def __init__(
        self, kwargs: dict[str, Any], limit: int, policy: Policy, *, partial: bool
    ) -> None:
        self._kwargs = kwargs
        self._limit = limit
        self._policy = policy
        self._partial = partial
        self._skip = 0
        self._seen: set[object] = set()
        self._stale = 0
        self.done = False

    def next_page(self) -> Plan[list[Item]]:
        """Fetch the next page and return its numbers not seen on the previous page."""
        kwargs = {**self._kwargs, "field_skip": self._skip, "field_limit": self._limit}
        accept = is_page if self._partial else is_full_page
        page, response = yield from call(LIST, kwargs, self._policy, accept)
        data: list[Any] = page.data
        self._skip += len(data)
        self.done = not page.has_more or not data
        ids = [n.id for n in data]
        if not self._seen.isdisjoint(ids):
            data = [n for n in data if n.id not in self._seen]
        self._seen = set(ids)
        self._stale = 0 if data or self.done else self._stale + 1
        if self._stale >= MAX_STALE_PAGES:
            raise UnexpectedResponseError(
                f"{MAX_STALE_PAGES} pages in a row repeated numbers already listed while "
                "has_more stayed true; stopped listing instead of looping",
                # No raw response when a caller's client lost the package's event hook.
                response=response or httpx.Response(200),
                body=None,
            )
        if self._partial:
            data = [as_fields(n) for n in data]
        return data
