"""The seed: organizations, users, groups and numbers the emulator starts from.

The JSON format is documented in emulator/README.md. Loading checks it fully and
names the offending path, so a typo in a seed file fails at start, not mid-test.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import _numbers, _rules

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


class SeedError(ValueError):
    """The seed is not in the documented format; the message names where."""


def make_id(prefix: str, name: str) -> str:
    """A Close-shaped id (`phon_` + 43 characters) derived from `name`, stable across runs."""
    digest = hashlib.sha512(name.encode()).digest()
    return f"{prefix}_{''.join(BASE62[b % 62] for b in digest[:43])}"


@dataclass(frozen=True)
class User:
    """A seeded user; `api_key` is the key that acts as them."""

    id: str
    name: str
    email: str
    organization_id: str
    api_key: str = field(repr=False)
    manage_team_phone_numbers: bool


@dataclass(frozen=True)
class Group:
    """A group of users, for `participant_groups`."""

    id: str
    name: str
    organization_id: str


@dataclass(frozen=True)
class Organization:
    """An organization and the telephony budget its rents spend."""

    id: str
    name: str
    telephony_budget_cents: int


@dataclass
class Seed:
    """A checked seed, ready to load into a store."""

    organizations: list[Organization]
    users: list[User]
    groups: list[Group]
    numbers: list[dict[str, Any]]
    generated: dict[str, int]


def default_seed() -> dict[str, Any]:
    """The realistic default seed, as a dict in the seed-file format."""
    acme, globex = make_id("orga", "acme"), make_id("orga", "globex")
    alice, bob, carol = (make_id("user", n) for n in ("alice", "bob", "carol"))
    dana = make_id("user", "dana")
    return {
        "organizations": [
            {
                "id": acme,
                "name": "Acme Inc.",
                "telephony_budget": 50.0,
                "users": [
                    _user(alice, "Alice Admin", "api_emuAliceAcme000000000000000", True),
                    _user(bob, "Bob Member", "api_emuBobAcme00000000000000000", False),
                    _user(carol, "Carol Member", "api_emuCarolAcme000000000000000", False),
                ],
                "groups": [
                    {"id": make_id("group", "sales"), "name": "Sales"},
                    {"id": make_id("group", "support"), "name": "Support"},
                ],
                "phone_numbers": [
                    _number("+16505550100", "Alice's line", [alice], "2026-03-02T14:05:11.482000"),
                    _number("+16505550101", "Bob's line", [bob], "2026-03-03T09:12:40.001000"),
                    _number(
                        "+14155550123", "Support line", [alice, bob], "2025-08-14T16:20:45.000000"
                    )
                    | {"is_group_number": True, "phone_numbers": ["+14155550177"]},
                    _number("+14155550150", "Sales line", [bob], "2025-09-01T08:00:00.000000")
                    | {"is_group_number": True, "inbound_ring_duration": 40},
                    _number("+16505550180", "Carol's cell", [carol], "2026-01-10T11:30:00.000000")
                    | {
                        "type": "external",
                        "carrier": None,
                        "carrier_type": None,
                        "last_billed_price": None,
                        "next_billing_on": None,
                    },
                    _number("+442079460150", "London desk", [alice], "2026-02-01T10:00:00.000000")
                    | {
                        "type": "virtual",
                        "carrier": None,
                        "carrier_type": None,
                        "mms_enabled": False,
                        "supports_sms_to_countries": ["GB"],
                        "supports_mms_to_countries": [],
                        "last_billed_price": None,
                        "next_billing_on": None,
                    },
                ],
            },
            {
                "id": globex,
                "name": "Globex Corp.",
                "telephony_budget": 0.0,
                "users": [_user(dana, "Dana Other", "api_emuDanaGlobex00000000000000", True)],
                "phone_numbers": [
                    _number("+14155550199", "Globex main", [dana], "2026-04-04T04:04:04.000000")
                ],
            },
        ]
    }


def _user(user_id: str, name: str, key: str, permission: bool) -> dict[str, Any]:
    first = name.split()[0].lower()
    return {
        "id": user_id,
        "name": name,
        "email": f"{first}@example.com",
        "api_key": key,
        "manage_team_phone_numbers": permission,
    }


def _number(number: str, label: str, participants: list[str], created: str) -> dict[str, Any]:
    return {
        "number": number,
        "label": label,
        "participants": participants,
        "date_created": f"{created}+00:00",
        "date_updated": f"{created}+00:00",
    }


def read_seed(seed: str | Path | Mapping[str, Any] | None) -> dict[str, Any]:
    """The seed as a dict: the default, a JSON file, or a dict (copied)."""
    if seed is None:
        return default_seed()
    if isinstance(seed, str | Path):
        try:
            loaded = json.loads(Path(seed).read_text())
        except (OSError, ValueError) as exc:
            raise SeedError(f"cannot read the seed file {seed}: {exc}") from exc
        if not isinstance(loaded, dict):
            raise SeedError("the seed must be a JSON object with an 'organizations' list")
        return loaded
    return copy.deepcopy(dict(seed))


def check_seed(raw: Mapping[str, Any]) -> Seed:
    """Check `raw` against the seed format and fill in what a number may leave out."""
    seed = Seed([], [], [], [], {})
    orgs = _list(raw, "organizations", "")
    if not orgs:
        raise SeedError("organizations: give at least one organization")
    keys: set[str] = set()
    for o, org in enumerate(orgs):
        where = f"organizations[{o}]"
        _fields(org, where, {"id", "users"})
        org_id = _id(org, "id", "orga", where)
        budget = org.get("telephony_budget", 100.0)
        if isinstance(budget, bool) or not isinstance(budget, int | float) or budget < 0:
            raise SeedError(f"{where}.telephony_budget: give a number of dollars, 0 or more")
        seed.organizations.append(
            Organization(org_id, str(org.get("name", org_id)), round(budget * 100))
        )
        users: dict[str, User] = {}
        for u, raw_user in enumerate(_list(org, "users", where)):
            uw = f"{where}.users[{u}]"
            _fields(raw_user, uw, {"id", "api_key"})
            key = raw_user["api_key"]
            if not isinstance(key, str) or not key or key in keys:
                raise SeedError(f"{uw}.api_key: give a non-empty key used by no other user")
            keys.add(key)
            user = User(
                id=_id(raw_user, "id", "user", uw),
                name=str(raw_user.get("name", raw_user["id"])),
                email=str(raw_user.get("email", "")),
                organization_id=org_id,
                api_key=key,
                manage_team_phone_numbers=bool(raw_user.get("manage_team_phone_numbers", False)),
            )
            users[user.id] = user
        if not users:
            raise SeedError(f"{where}.users: give at least one user")
        seed.users.extend(users.values())
        for g, group in enumerate(_list(org, "groups", where)):
            gw = f"{where}.groups[{g}]"
            _fields(group, gw, {"id"})
            seed.groups.append(Group(_id(group, "id", "group", gw), str(group.get("name")), org_id))
        for n, number in enumerate(_list(org, "phone_numbers", where)):
            seed.numbers.append(_seed_number(number, f"{where}.phone_numbers[{n}]", org_id, users))
        generated = org.get("generated_numbers", 0)
        if isinstance(generated, bool) or not isinstance(generated, int) or generated < 0:
            raise SeedError(f"{where}.generated_numbers: give a whole number, 0 or more")
        seed.generated[org_id] = generated
    numbers = [n["number"] for n in seed.numbers]
    if len(set(numbers)) != len(numbers):
        raise SeedError("phone_numbers: every number may appear only once in a seed")
    return seed


def _seed_number(raw: Any, where: str, org_id: str, users: Mapping[str, User]) -> dict[str, Any]:
    _fields(raw, where, {"number"})
    number = raw["number"]
    if not isinstance(number, str) or not _numbers.is_valid(number):
        raise SeedError(f"{where}.number: give a valid E.164 number, such as +16505550100")
    participants = raw.get("participants", [])
    if not isinstance(participants, list) or not participants:
        raise SeedError(f"{where}.participants: give the ids of one or more users")
    for user_id in participants:
        if user_id not in users:
            raise SeedError(f"{where}.participants: {user_id!r} is no user of {org_id}")
    is_group = bool(raw.get("is_group_number", len(participants) > 1))
    if not is_group and len(participants) > 1:
        raise SeedError(f"{where}.is_group_number: a personal number has exactly one participant")
    base = new_number(
        number_id=make_id("phon", number),
        organization_id=org_id,
        number=number,
        participants=participants,
        is_group=is_group,
        now=str(raw.get("date_created", "2026-01-01T00:00:00.000000+00:00")),
    )
    unknown = set(raw) - set(base) - {"generated"}
    if unknown:
        raise SeedError(f"{where}: unknown fields {sorted(unknown)}; use PhoneNumber field names")
    # Seeded values are held to the rules of PUT, so every answer matches the spec.
    for name in _rules.UPDATE_FIELDS:
        problem = _rules.update_problem(name, raw[name]) if name in raw else None
        if problem:
            raise SeedError(f"{where}.{name}: {problem}")
    base.update({k: v for k, v in raw.items() if k in base})
    base["number_formatted"] = _numbers.formatted(number)
    base["phone_numbers_formatted"] = [_numbers.formatted(n) for n in base["phone_numbers"]]
    if base["forward_to"]:
        base["forward_to_formatted"] = _numbers.formatted(base["forward_to"])
    return base


def new_number(
    *,
    number_id: str,
    organization_id: str,
    number: str,
    participants: list[str],
    is_group: bool,
    now: str,
    country: str | None = None,
) -> dict[str, Any]:
    """A whole PhoneNumber object with Close's defaults, in Close's field order."""
    return {
        "id": number_id,
        "organization_id": organization_id,
        "user_id": participants[0] if len(participants) == 1 else None,
        "number": number,
        "number_formatted": _numbers.formatted(number),
        "label": None,
        "type": "internal",
        "is_group_number": is_group,
        "participants": list(participants),
        "participant_groups": [],
        "phone_numbers": [],
        "phone_numbers_formatted": [],
        "forward_to": None,
        "forward_to_enabled": False,
        "forward_to_formatted": None,
        "voicemail_greeting_url": None,
        "press_1_to_accept": False,
        "inbound_ring_duration": None,
        "country": country or _numbers.region_of(number),
        "carrier": "twilio",
        "carrier_type": "local",
        "address_id": None,
        "bundle_id": None,
        "is_premium": False,
        "is_verified": True,
        "last_billed_price": 1.15,
        "next_billing_on": "2026-12-01T00:00:00+00:00",
        "sms_enabled": True,
        "mms_enabled": True,
        "supports_sms_to_countries": ["CA", "US"],
        "supports_mms_to_countries": ["CA", "US"],
        "was_ported": False,
        "date_created": now,
        "date_updated": now,
    }


def _list(parent: Mapping[str, Any], name: str, where: str) -> list[Any]:
    value = parent.get(name, [])
    if not isinstance(value, list):
        raise SeedError(f"{where + '.' if where else ''}{name}: give a list")
    return value


def _fields(raw: Any, where: str, required: set[str]) -> None:
    if not isinstance(raw, dict):
        raise SeedError(f"{where}: give an object")
    missing = required - set(raw)
    if missing:
        raise SeedError(f"{where}: missing {', '.join(sorted(missing))}")


def _id(raw: Mapping[str, Any], name: str, prefix: str, where: str) -> str:
    value = raw[name]
    rest = value[len(prefix) + 1 :] if isinstance(value, str) else ""
    if not isinstance(value, str) or not value.startswith(f"{prefix}_") or not rest.isalnum():
        raise SeedError(f"{where}.{name}: give an id like {prefix}_ followed by letters and digits")
    return value
