"""The emulator's state: numbers kept in creation order, with an index per list filter.

Every index is a list of sequence numbers in ascending (oldest first) order, so a
page of a newest-first or oldest-first list is a slice: O(limit), whatever the total.
Close documents no list order, so the order is a setting (`LIST_ORDERS`); "unstable"
shuffles the list again after every change, as an index without a stable order might.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Literal

from ._numbers import formatted
from ._seed import Group, Organization, Seed, User, make_id, new_number

ListOrder = Literal["newest", "oldest", "unstable"]
LIST_ORDERS: Final[tuple[ListOrder, ...]] = ("newest", "oldest", "unstable")

# Area codes for generated numbers; libphonenumber accepts all of them.
_AREAS = ("212", "312", "415", "512", "617", "646", "702", "720", "805", "919")


def timestamp(moment: dt.datetime) -> str:
    """A timestamp the way Close writes them: microseconds and a UTC offset."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


class _OrgIndex:
    def __init__(self) -> None:
        self.all: list[int] = []
        self.group: list[int] = []
        self.personal: list[int] = []
        self.by_participant: dict[str, list[int]] = {}
        self.by_user_id: dict[str, list[int]] = {}
        self.by_number: dict[str, int] = {}

    def lists_of(self, record: dict[str, Any]) -> Iterable[list[int]]:
        yield self.all
        yield self.group if record["is_group_number"] else self.personal
        for user_id in record["participants"]:
            yield self.by_participant.setdefault(user_id, [])
        if record["user_id"] is not None:
            yield self.by_user_id.setdefault(record["user_id"], [])


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
        self._next_seq = 0
        # Copies: updates change records in place, and reset() rebuilds from the seed.
        records = [dict(r) for r in seed.numbers]
        taken = {r["number"] for r in records}
        for org_id, count in seed.generated.items():
            records.extend(self._generate(org_id, count, taken))
        records.sort(key=lambda r: (r["date_created"], r["id"]))
        for record in records:
            self.insert(record)

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
        for seqs in index.lists_of(record):
            seqs.append(seq)  # the newest sequence number always goes last

    def delete(self, number_id: str) -> None:
        self._changed()
        seq = self._seq_of.pop(number_id)
        record = self._records.pop(seq)
        self._json.pop(seq, None)
        self._numbers.discard(record["number"])
        index = self._orgs[record["organization_id"]]
        del index.by_number[record["number"]]
        for seqs in index.lists_of(record):
            del seqs[bisect.bisect_left(seqs, seq)]

    def update(self, number_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Apply `changes`, keep the derived fields and indexes right, return the number."""
        self._changed()
        seq = self._seq_of[number_id]
        record = self._records[seq]
        index = self._orgs[record["organization_id"]]
        for seqs in index.lists_of(record):
            del seqs[bisect.bisect_left(seqs, seq)]
        record.update(changes)
        if "participants" in changes:
            members = record["participants"]
            record["user_id"] = members[0] if len(members) == 1 else None
        if "forward_to" in changes:
            record["forward_to_formatted"] = formatted(record["forward_to"])
        if "phone_numbers" in changes:
            record["phone_numbers_formatted"] = [formatted(n) for n in record["phone_numbers"]]
        record["date_updated"] = self.now()
        for seqs in index.lists_of(record):
            bisect.insort(seqs, seq)
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
        """One page of the matching numbers in `list_order`, and whether more follow."""
        index = self._orgs[organization_id]
        lists: list[list[int]] = [index.all]
        if number is not None:
            seq = index.by_number.get(number)
            lists.append([] if seq is None else [seq])
        if participant_user_id is not None:
            lists.append(index.by_participant.get(participant_user_id, []))
        if user_id is not None:
            lists.append(index.by_user_id.get(user_id, []))
        if is_group_number is not None:
            lists.append(index.group if is_group_number else index.personal)
        if len(lists) <= 2:
            return self._slice(lists[-1], skip, limit)
        # Walk the shortest index; the other filters are checked on each record.
        matching = [
            seq
            for seq in min(lists, key=len)
            if (number is None or self._records[seq]["number"] == number)
            and (
                participant_user_id is None
                or participant_user_id in self._records[seq]["participants"]
            )
            and (user_id is None or self._records[seq]["user_id"] == user_id)
            and (
                is_group_number is None or self._records[seq]["is_group_number"] is is_group_number
            )
        ]
        return self._slice(matching, skip, limit)

    def _slice(
        self, seqs: Sequence[int], skip: int, limit: int
    ) -> tuple[list[dict[str, Any]], bool]:
        """A page of `seqs` (ascending sequence numbers) in the list order."""
        if self.list_order == "newest":
            end = len(seqs) - skip
            start = max(0, end - limit)
            page = seqs[start:end][::-1] if end > 0 else []
            return [self._records[s] for s in page], start > 0
        if self.list_order == "unstable":
            salt = self._salt
            seqs = sorted(seqs, key=lambda s: hash((salt, s)))
        page = seqs[skip : skip + limit]
        return [self._records[s] for s in page], skip + limit < len(seqs)
