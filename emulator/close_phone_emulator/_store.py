"""The emulator's state: numbers kept in creation order, with an index per list query.

Every combination of the list filters `participant_user_id`, `user_id` and
`is_group_number` has its own ordered index of sequence numbers (a number sits in
eight of them when it has one participant), so a page of any query, at any depth and
from either end, is one position look-up and a slice: O(limit), whatever the total.
The `number` filter names at most one number and is checked on it directly.

Close documents no list order, so the order is a setting (`LIST_ORDERS`): newest first,
oldest first, or "unstable": positions permuted by an affine map drawn anew after every
change of the numbers, as an index without a stable order might list them (still
O(limit) a page, and each number once while nothing changes).
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import itertools
import json
import math
import random
from collections.abc import Callable, Iterable
from typing import Any, Final, Literal

from ._index import OrderedSeqs
from ._numbers import formatted
from ._seed import Group, Organization, Seed, User, make_id, new_number

# Area codes for generated numbers; libphonenumber accepts all of them.
_AREAS = ("212", "312", "415", "512", "617", "646", "702", "720", "805", "919")

ListOrder = Literal["newest", "oldest", "unstable"]
LIST_ORDERS: Final[tuple[ListOrder, ...]] = ("newest", "oldest", "unstable")

# (participant_user_id, user_id, is_group_number) of a list query; None: not filtered.
Key = tuple[str | None, str | None, bool | None]


def timestamp(moment: dt.datetime) -> str:
    """A timestamp the way Close writes them: microseconds and a UTC offset."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def keys_of(record: dict[str, Any]) -> frozenset[Key]:
    """Every filter combination whose list shows `record`."""
    return _keys(tuple(record["participants"]), record["user_id"], record["is_group_number"])


@functools.lru_cache(maxsize=4096)
def _keys(participants: tuple[str, ...], user_id: str | None, is_group: bool) -> frozenset[Key]:
    users = (None,) if user_id is None else (None, user_id)
    return frozenset(
        (p, u, g) for p in (None, *participants) for u in users for g in (None, is_group)
    )


class _OrgIndex:
    def __init__(self) -> None:
        self.lists: dict[Key, OrderedSeqs] = {}
        self.by_number: dict[str, int] = {}

    def build(self, records: Iterable[tuple[int, dict[str, Any]]]) -> None:
        """Index records given in ascending sequence order, in one pass."""
        # Numbers with the same keys share one run of sequence numbers; each index
        # merges the runs of the key sets that hold it.
        runs: dict[frozenset[Key], list[int]] = {}
        for seq, record in records:
            self.by_number[record["number"]] = seq
            runs.setdefault(keys_of(record), []).append(seq)
        parts: dict[Key, list[list[int]]] = {}
        for keys, run in runs.items():
            for key in keys:
                parts.setdefault(key, []).append(run)
        self.lists = {
            key: OrderedSeqs(pieces[0] if len(pieces) == 1 else sorted(itertools.chain(*pieces)))
            for key, pieces in parts.items()
        }

    def add(self, seq: int, keys: Iterable[Key]) -> None:
        for key in keys:
            seqs = self.lists.get(key)
            if seqs is None:
                seqs = self.lists[key] = OrderedSeqs()
            seqs.add(seq)

    def discard(self, seq: int, keys: Iterable[Key]) -> None:
        for key in keys:
            self.lists[key].discard(seq)


class Store:
    """Organizations, users and numbers, loaded from a checked seed."""

    def __init__(
        self,
        seed: Seed,
        now: Callable[[], dt.datetime],
        *,
        list_order: ListOrder = "newest",
        random_seed: int = 0,
    ) -> None:
        self._now = now
        self.list_order: ListOrder = list_order
        self._shuffle = random.Random(random_seed)
        self._salt = 0
        self._last_stamp = ""
        self.organizations: dict[str, Organization] = {o.id: o for o in seed.organizations}
        self.budget_cents: dict[str, int] = {
            o.id: o.telephony_budget_cents for o in seed.organizations
        }
        self.users: dict[str, User] = {u.id: u for u in seed.users}
        self.users_by_key: dict[str, User] = {u.api_key: u for u in seed.users}
        self.groups: dict[str, Group] = {g.id: g for g in seed.groups}
        self._records: dict[int, dict[str, Any]] = {}
        self._json: dict[int, bytes] = {}
        self._seq_of: dict[str, int] = {}
        self._numbers: set[str] = set()
        self._orgs: dict[str, _OrgIndex] = {o.id: _OrgIndex() for o in seed.organizations}
        # Copies: updates change records in place, and reset() rebuilds from the seed.
        records = [dict(r) for r in seed.numbers]
        taken = {r["number"] for r in records}
        for org_id, count in seed.generated.items():
            records.extend(self._generate(org_id, count, taken))
        records.sort(key=lambda r: (r["date_created"], r["id"]))
        # The lowest suffix that may be free, per range of rentable numbers (head).
        self._free_from: dict[str, int] = {}
        # Suffixes below that point freed by deletes, smallest first (some may be retaken).
        self._freed: dict[str, list[int]] = {}
        numbered = list(enumerate(records))
        self._next_seq = len(numbered)
        for seq, record in numbered:
            self._records[seq] = record
            self._seq_of[record["id"]] = seq
            self._numbers.add(record["number"])
        for org_id, index in self._orgs.items():
            index.build((s, r) for s, r in numbered if r["organization_id"] == org_id)

    def _generate(self, org_id: str, count: int, taken: set[str]) -> Iterable[dict[str, Any]]:
        members = [u.id for u in self.users.values() if u.organization_id == org_id]
        # Ids and timestamps are built by hand: hashing and strftime would cost
        # seconds for the 100,000 numbers of a benchmark seed.
        head = make_id("phon", org_id)[:40]
        template = new_number(
            number_id="",
            organization_id=org_id,
            number="+12125550100",
            participants=members[:1],
            is_group=False,
            now="",
            country="US",
        )
        made, i = 0, 0
        while made < count:
            area = _AREAS[i % len(_AREAS)]
            rest = f"{2_000_000 + i // len(_AREAS):07d}"
            number = f"+1{area}{rest}"
            i += 1
            if number in taken:
                continue
            taken.add(number)
            day, second = divmod(made, 86_400)
            hour, second = divmod(second, 3600)
            stamp = (
                f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}T{hour:02d}:{second // 60:02d}:"
                f"{second % 60:02d}.000000+00:00"
            )
            member = members[made % len(members)]
            record = dict(template)
            record.update(
                id=f"{head}{made:08d}",
                user_id=member,
                number=number,
                number_formatted=f"+1 {area}-{rest[:3]}-{rest[3:]}",
                label=f"Line {made + 1}",
                participants=[member],
                participant_groups=[],
                phone_numbers=[],
                phone_numbers_formatted=[],
                supports_sms_to_countries=["CA", "US"],
                supports_mms_to_countries=["CA", "US"],
                date_created=stamp,
                date_updated=stamp,
            )
            made += 1
            yield record

    def now(self) -> str:
        """The current time as a timestamp, strictly later than the last one given."""
        stamp = timestamp(self._now())
        if stamp <= self._last_stamp:
            moment = dt.datetime.fromisoformat(self._last_stamp) + dt.timedelta(microseconds=1)
            stamp = timestamp(moment)
        self._last_stamp = stamp
        return stamp

    def is_taken(self, number: str) -> bool:
        return number in self._numbers

    def count(self) -> int:
        return len(self._records)

    def snapshot(self, organization_id: str | None = None) -> list[dict[str, Any]]:
        """Copies of the stored numbers, oldest first."""
        return [
            {k: list(v) if isinstance(v, list) else v for k, v in r.items()}
            for r in self._records.values()
            if organization_id in (None, r["organization_id"])
        ]

    def get(self, organization_id: str, number_id: str) -> dict[str, Any] | None:
        seq = self._seq_of.get(number_id)
        if seq is None:
            return None
        record = self._records[seq]
        return record if record["organization_id"] == organization_id else None

    def get_json(self, organization_id: str, number_id: str) -> bytes | None:
        """The number serialized, or None when the organization has no such number."""
        record = self.get(organization_id, number_id)
        return None if record is None else self.serialized(record)

    def serialized(self, record: dict[str, Any]) -> bytes:
        """A stored number as JSON, cached until it changes: reads are the hot path."""
        seq = self._seq_of[record["id"]]
        body = self._json.get(seq)
        if body is None:
            body = self._json[seq] = json.dumps(record, separators=(",", ":")).encode()
        return body

    def first_free(self, head: str, first: int) -> str | None:
        """The first number `head` + 4 digits, from `first` on, that nobody has.

        Amortized O(log n): numbers freed below where the last search stopped wait in a
        heap, and the search goes on from that point.
        """
        freed = self._freed.get(head)
        while freed:
            number = f"{head}{freed[0]:04d}"
            if number not in self._numbers:
                return number  # left in the heap until it is really taken
            heapq.heappop(freed)
        suffix = max(self._free_from.get(head, first), first)
        while suffix < 10_000 and f"{head}{suffix:04d}" in self._numbers:
            suffix += 1
        self._free_from[head] = suffix
        return f"{head}{suffix:04d}" if suffix < 10_000 else None

    def _changed(self) -> None:
        # An unstable list is shuffled anew by every change of the numbers.
        self._salt = self._shuffle.getrandbits(64)

    def insert(self, record: dict[str, Any]) -> None:
        self._changed()
        seq = self._next_seq
        self._next_seq += 1
        self._records[seq] = record
        self._seq_of[record["id"]] = seq
        self._numbers.add(record["number"])
        index = self._orgs[record["organization_id"]]
        index.by_number[record["number"]] = seq
        index.add(seq, keys_of(record))

    def delete(self, number_id: str) -> None:
        self._changed()
        seq = self._seq_of.pop(number_id)
        record = self._records.pop(seq)
        self._json.pop(seq, None)
        number: str = record["number"]
        self._numbers.discard(number)
        head, suffix = number[:-4], number[-4:]
        if head in self._free_from and suffix.isdigit() and int(suffix) < self._free_from[head]:
            heapq.heappush(self._freed.setdefault(head, []), int(suffix))
        index = self._orgs[record["organization_id"]]
        del index.by_number[number]
        index.discard(seq, keys_of(record))

    def update(self, number_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Apply `changes`, keep the derived fields and indexes right, return the number."""
        self._changed()
        seq = self._seq_of[number_id]
        record = self._records[seq]
        before = keys_of(record)
        record.update(changes)
        if "participants" in changes:
            members = record["participants"]
            record["user_id"] = members[0] if len(members) == 1 else None
        if "forward_to" in changes:
            record["forward_to_formatted"] = formatted(record["forward_to"])
        if "phone_numbers" in changes:
            record["phone_numbers_formatted"] = [formatted(n) for n in record["phone_numbers"]]
        record["date_updated"] = self.now()
        after = keys_of(record)
        if after != before:
            index = self._orgs[record["organization_id"]]
            index.discard(seq, before - after)
            index.add(seq, after - before)
        self._json.pop(seq, None)
        return record

    def page(
        self,
        organization_id: str,
        *,
        number: str | None = None,
        participant_user_id: str | None = None,
        user_id: str | None = None,
        is_group_number: bool | None = None,
        skip: int = 0,
        limit: int = 100,
    ) -> tuple[list[dict[str, Any]], bool]:
        """One page of the matching numbers in `list_order`, and whether more follow.
        O(limit) at any depth, whatever the filters."""
        index = self._orgs[organization_id]
        if number is not None:
            seq = index.by_number.get(number)
            if seq is None or skip > 0:
                return [], False
            record = self._records[seq]
            if (participant_user_id, user_id, is_group_number) in keys_of(record):
                return [record], False
            return [], False
        seqs = index.lists.get((participant_user_id, user_id, is_group_number))
        if seqs is None:
            return [], False
        if self.list_order == "newest":
            page = seqs.descending(skip, limit)
        elif self.list_order == "oldest":
            page = seqs.ascending(skip, limit)
        else:
            page = self._unstable(seqs, skip, limit)
        return [self._records[s] for s in page], skip + limit < len(seqs)

    def _unstable(self, seqs: OrderedSeqs, skip: int, limit: int) -> list[int]:
        """Positions skip.. of `seqs` under the permutation i -> (a * i + b) mod n."""
        n = len(seqs)
        if skip >= n:
            return []
        salt = self._salt
        a, b = (salt >> 32) % n | 1, salt % n
        while math.gcd(a, n) != 1:  # a must be coprime with n to permute
            a += 2
        return [seqs.at((a * i + b) % n) for i in range(skip, min(n, skip + limit))]
