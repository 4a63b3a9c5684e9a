"""Lazy offset paging over ``listPhoneNumbers``, holding one page at a time.

Close pages with ``_skip``/``_limit``, so the list can move under a running iteration. If it
lists newest first, a number created meanwhile pushes the others one place down and the next
page starts with the last number of this one: the numbers a page starts with may repeat the
last ones already yielded, in the same order, and are dropped. A number deleted meanwhile
pulls the others one place up, and one number may then be missed: offset paging cannot see
it without reading everything again.

Any other repeat (a number already yielded further back, or in the middle of a page, or twice
in one page) is not something inserts explain, so it ends the iteration with
`UnexpectedResponseError` rather than yielding a number twice. A page made only of such a
shift is possible (more numbers created meanwhile than a page holds) and is passed over; a
few in a row end the listing with an error too. However new its ids, a listing ends with an
error after `MAX_LISTED_NUMBERS`: a server whose ``has_more`` never turns false cannot keep
a client paging for ever.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Final, Generic, TypeGuard, TypeVar

import httpx
from close_phone_numbers_client.errors import SchemaMismatch, mismatch, missing
from close_phone_numbers_client.models import PhoneNumber, PhoneNumberFields, PhoneNumberPage
from close_phone_numbers_client.types import UNSET

from ._errors import UnexpectedResponseError
from ._plan import LIST, Plan, Policy, call

Item = TypeVar("Item", PhoneNumber, PhoneNumberFields)

# Pages in a row that bring no number not seen before, after which the server is taken
# to be repeating itself rather than shifting under inserts.
MAX_STALE_PAGES: Final = 3
# The most numbers one listing yields. Far above any organization's count (each number costs
# a monthly fee), so only a server that never stops saying has_more reaches it.
MAX_LISTED_NUMBERS: Final = 100_000


def is_full_page(parsed: object) -> TypeGuard[PhoneNumberPage]:
    """A page whose numbers have every field Close always returns."""
    return type(parsed) is PhoneNumberPage and all(type(n) is PhoneNumber for n in parsed.data)


class FieldsPage:
    """A page of partial (``_fields``) numbers, read by `fields_page`."""

    __slots__ = ("data", "has_more")

    def __init__(self, data: list[PhoneNumberFields], has_more: bool) -> None:
        self.data = data
        self.has_more = has_more


def fields_page(body: Any) -> FieldsPage:
    """Read a ``_fields`` page: the spec types its items as whole numbers, they are partial.

    Checked as the generated models check a page, with the same SchemaMismatch and path.
    """
    if not isinstance(body, dict):
        raise mismatch("object", body)
    items = body.get("data", UNSET)
    has_more = body.get("has_more", UNSET)
    if items is UNSET or has_more is UNSET:
        raise missing("data" if items is UNSET else "has_more")
    if not isinstance(items, list):
        raise mismatch("array", items, "data")
    if has_more is not True and has_more is not False:
        raise mismatch("boolean", has_more, "has_more")
    numbers: list[PhoneNumberFields] = []
    try:
        for item in items:
            if not isinstance(item, dict):
                raise mismatch("object", item)
            numbers.append(PhoneNumberFields.from_dict(item))
    except SchemaMismatch as error:
        raise error.within("data", len(numbers)) from None
    return FieldsPage(numbers, has_more)


def is_page(parsed: object) -> TypeGuard[FieldsPage]:
    """A page of partial (``_fields``) numbers."""
    return type(parsed) is FieldsPage


class Cursor(Generic[Item]):
    """The paging state of one listing: where the next page starts and what was yielded."""

    __slots__ = (
        "_kwargs",
        "_last",
        "_limit",
        "_partial",
        "_policy",
        "_seen",
        "_skip",
        "_stale",
        "done",
    )

    def __init__(
        self, kwargs: dict[str, Any], limit: int, policy: Policy, *, partial: bool
    ) -> None:
        self._kwargs = kwargs
        self._limit = limit
        self._policy = policy
        self._partial = partial
        self._skip = 0
        # Every id yielded, and the last page's worth of them in order (what a shift repeats).
        self._seen: set[str] = set()
        self._last: deque[str] = deque(maxlen=limit)
        self._stale = 0
        self.done = False

    def next_page(self) -> Plan[list[Item]]:
        """Fetch the next page and return its numbers not yielded before."""
        kwargs = {**self._kwargs, "field_skip": self._skip, "field_limit": self._limit}
        page: PhoneNumberPage | FieldsPage
        if self._partial:
            page, response = yield from call(LIST, kwargs, self._policy, is_page, parse=fields_page)
        else:
            page, response = yield from call(LIST, kwargs, self._policy, is_full_page)
        data: list[Any] = page.data
        self._skip += len(data)
        self.done = page.has_more is not True or not data
        shifted = self._check(data, response)
        data = data[shifted:]
        self._seen.update(n.id for n in data)
        self._last.extend(n.id for n in data)
        self._stale = 0 if data or self.done else self._stale + 1
        if self._stale >= MAX_STALE_PAGES:
            raise self._error(
                f"{MAX_STALE_PAGES} pages in a row repeated numbers already listed while "
                "has_more stayed true; stopped listing instead of looping",
                response,
            )
        if len(self._seen) > MAX_LISTED_NUMBERS:
            raise self._error(
                f"has_more was still true after {MAX_LISTED_NUMBERS:,} numbers; stopped "
                "listing instead of paging for ever (filters narrow a listing down)",
                response,
            )
        return data

    def _check(self, data: list[Any], response: httpx.Response | None) -> int:
        """How many numbers at the start of the page repeat, as an insert shifts them."""
        ids = [n.id for n in data]
        if not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
            raise self._error("a page lists a number without an id, or one twice", response)
        shifted = 0
        while shifted < len(ids) and ids[shifted] in self._seen:
            shifted += 1
        tail = list(self._last)[len(self._last) - shifted :] if shifted else []
        if ids[:shifted] != tail or not self._seen.isdisjoint(ids[shifted:]):
            raise self._error(
                "a page repeats numbers already listed, and not as a number created "
                "meanwhile shifts them; stopped listing instead of yielding them twice",
                response,
            )
        return shifted

    @staticmethod
    def _error(message: str, response: httpx.Response | None) -> UnexpectedResponseError:
        # No raw response when a caller's client lost the package's event hook.
        return UnexpectedResponseError(message, response=response or httpx.Response(200), body=None)
