"""Input checks that run before anything is sent; each failure names the field and the fix."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from ._constants import MAX_PAGE_SIZE
from ._errors import InvalidRequestError

# The patterns of the spec (openapi/phone_numbers.yaml), so no request the API would refuse
# for its shape leaves this process.
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_PHONE_NUMBER_ID = re.compile(r"phon_[A-Za-z0-9]+")
_USER_ID = re.compile(r"user_[A-Za-z0-9]+")
_GROUP_ID = re.compile(r"group_[A-Za-z0-9]+")
_COUNTRY = re.compile(r"[A-Za-z]{2}")
_PREFIX = re.compile(r"[0-9]{0,5}")

MIN_RING_SECONDS = 15
MAX_RING_SECONDS = 90
MAX_PARTICIPANT_GROUPS = 40


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _string(field: str, value: object, pattern: re.Pattern[str], fix: str) -> str:
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        raise InvalidRequestError(field, f"got {_shown(value)}; {fix}")
    return value


def phone_number_id(value: object, field: str = "id") -> str:
    """A phone number id such as ``phon_…``."""
    return _string(field, value, _PHONE_NUMBER_ID, "pass the id of a phone number, like 'phon_…'")


def e164(field: str, value: object) -> str:
    """A phone number in E.164 form."""
    return _string(field, value, _E164, "write the number in E.164 form, like '+16505550100'")


def user_id(field: str, value: object) -> str:
    """A user id such as ``user_…``."""
    return _string(field, value, _USER_ID, "pass the id of a user, like 'user_…'")


def group_id(field: str, value: object) -> str:
    """A group id such as ``group_…``."""
    return _string(field, value, _GROUP_ID, "pass the id of a group, like 'group_…'")


def boolean(field: str, value: object) -> bool:
    """A real bool: a string like "false" would be truthy."""
    if not isinstance(value, bool):
        raise InvalidRequestError(field, f"got {_shown(value)}; pass True or False")
    return value


def text(field: str, value: object) -> str:
    """Any string."""
    if not isinstance(value, str):
        raise InvalidRequestError(field, f"got {_shown(value)}; pass a string")
    return value


def greeting_url(value: object) -> str | None:
    """An https URL of the voicemail greeting, or None to remove it."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.lower().startswith("https://") or len(value) <= 8:
        raise InvalidRequestError(
            "voicemail_greeting_url",
            f"got {_shown(value)}; use an https:// URL of an MP3, or None to remove the greeting",
        )
    return value


def ring_duration(value: object) -> int:
    """Seconds an inbound call rings, 15 to 90."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not MIN_RING_SECONDS <= value <= MAX_RING_SECONDS
    ):
        raise InvalidRequestError(
            "inbound_ring_duration",
            f"got {_shown(value)}; pass whole seconds, {MIN_RING_SECONDS} to {MAX_RING_SECONDS}",
        )
    return value


def country(value: object) -> str:
    """A two-letter ISO 3166 country code, upper-cased."""
    code = _string(
        "country", value, _COUNTRY, "use a two-letter ISO 3166 country code, such as 'US'"
    )
    return code.upper()


def prefix(value: object) -> str:
    """An area code or prefix of up to five digits, without the country code."""
    return _string(
        "prefix",
        value,
        _PREFIX,
        "pass up to five digits of area code or prefix, without the country code, like '650'",
    )


def page_size(value: object) -> int:
    """Numbers per page, 1 to 100."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE_SIZE:
        raise InvalidRequestError(
            "page_size", f"got {_shown(value)}; pass a whole number from 1 to {MAX_PAGE_SIZE}"
        )
    return value


def fields(value: object) -> str:
    """Field names for ``_fields``, from a list or a comma-separated string."""
    names: list[object]
    if isinstance(value, str):
        names = list(value.split(","))
    elif isinstance(value, Iterable):
        names = list(value)
    else:
        names = []
    cleaned = [n.strip() if isinstance(n, str) else "" for n in names]
    if not cleaned or not all(cleaned):
        raise InvalidRequestError(
            "fields", f"got {_shown(value)}; pass field names, like ['id', 'number', 'label']"
        )
    return ",".join(cleaned)


def string_list(field: str, value: object, item: Callable[[str, object], str]) -> list[str]:
    """A list of strings, each checked by ``item``."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidRequestError(field, f"got {_shown(value)}; pass a list")
    return [item(f"{field}[{i}]", v) for i, v in enumerate(value)]


def participant_groups(value: object) -> list[str]:
    """At most 40 group ids."""
    groups = string_list("participant_groups", value, group_id)
    if len(groups) > MAX_PARTICIPANT_GROUPS:
        raise InvalidRequestError(
            "participant_groups",
            f"got {len(groups)} groups; a number takes at most {MAX_PARTICIPANT_GROUPS}",
        )
    return groups


def one_of(field: str, value: object, allowed: Iterable[Any]) -> str:
    """A value from a closed set of strings (or str enums)."""
    choices = sorted(str(a) for a in allowed)
    if not isinstance(value, str) or value not in choices:
        raise InvalidRequestError(field, f"got {_shown(value)}; pass one of {', '.join(choices)}")
    return str(value)
