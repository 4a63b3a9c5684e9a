"""Close's rules: what a request may contain, and who may change which number.

Every refusal is an `ApiError` carrying the exact status and body to answer with;
400 bodies name each bad field and say how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from . import _numbers

if TYPE_CHECKING:
    from ._seed import User

PERMISSION = "Manage Team Phone Numbers"
MAX_LIMIT = 100
USER_ID = re.compile(r"user_[A-Za-z0-9]+")
GROUP_ID = re.compile(r"group_[A-Za-z0-9]+")
COUNTRY = re.compile(r"[A-Z]{2}")
PREFIX = re.compile(r"[0-9]{0,5}")

# What the sole member of a group number may change without the permission.
SOLE_MEMBER_FIELDS = frozenset(
    {"label", "voicemail_greeting_url", "forward_to", "forward_to_enabled", "press_1_to_accept"}
)
GROUP_ONLY_FIELDS = ("participants", "participant_groups", "phone_numbers")
UPDATE_FIELDS = (
    "label",
    "forward_to",
    "forward_to_enabled",
    "voicemail_greeting_url",
    "participants",
    "phone_numbers",
    "press_1_to_accept",
    "inbound_ring_duration",
    "participant_groups",
)
RENT_FIELDS = (
    "country",
    "prefix",
    "with_sms",
    "with_mms",
    "carrier_type",
    "bundle_id",
    "assign_to",
    "sharing",
)
CARRIER_TYPES = ("local", "national", "mobile", "tollfree")


class ApiError(Exception):
    """A refusal: the HTTP status and JSON body to answer with."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body


def invalid(field_errors: Mapping[str, str] | None = None, *errors: str) -> ApiError:
    return ApiError(400, {"errors": list(errors), "field-errors": dict(field_errors or {})})


def forbidden(message: str) -> ApiError:
    return ApiError(403, {"error": message})


NOT_FOUND_MESSAGE = "Phone number not found."


# Past this many digits a value is beyond any list, and int() would refuse very long
# strings (Python caps int parsing at 4,300 digits), so they are read as "huge".
_MAX_DIGITS = 18


def _whole_number(raw: str) -> int | None:
    if not re.fullmatch(r"[0-9]+", raw):
        return None
    return int(raw) if len(raw) <= _MAX_DIGITS else 10**_MAX_DIGITS


def list_query(params: Mapping[str, str]) -> dict[str, Any]:
    """The filters and paging of a list request; unknown parameters are ignored."""
    errors: dict[str, str] = {}
    query: dict[str, Any] = {"skip": 0, "limit": MAX_LIMIT}
    for name, key, low, high in (("_skip", "skip", 0, None), ("_limit", "limit", 1, MAX_LIMIT)):
        if name in params:
            raw = params[name]
            value = _whole_number(raw)
            if value is None or value < low or (high is not None and value > high):
                bound = f"from {low} to {high}" if high else f"{low} or more"
                errors[name] = f"Use a whole number {bound}."
            else:
                query[key] = value
    if "number" in params:
        if _numbers.E164.fullmatch(params["number"]):
            query["number"] = params["number"]
        else:
            errors["number"] = "Use an E.164 number, such as +16505550100."
    for name in ("participant_user_id", "user_id"):
        if name in params:
            if USER_ID.fullmatch(params[name]):
                query[name] = params[name]
            else:
                errors[name] = "Use a user id, such as user_3xHq7LbN0cVt5RmW2sJ8kD4fG6pZ1aY9eU0oQ."
    if "is_group_number" in params:
        flag = params["is_group_number"]
        if flag in ("true", "false"):
            query["is_group_number"] = flag == "true"
        else:
            errors["is_group_number"] = "Use true or false."
    if errors:
        raise invalid(errors)
    return query


def check_body_fields(body: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise invalid({}, "Send a JSON object as the request body.")
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        hint = f"Unknown field; the fields are {', '.join(allowed)}."
        raise invalid(dict.fromkeys(unknown, hint))
    return body


def check_update(body: Any) -> dict[str, Any]:
    """The changes of a PUT body, or a 400 naming every bad field."""
    changes = check_body_fields(body, UPDATE_FIELDS)
    if not changes:
        raise invalid({}, "Send at least one field to change.")
    errors: dict[str, str] = {}
    for name, value in changes.items():
        problem = update_problem(name, value)
        if problem:
            errors[name] = problem
    if errors:
        raise invalid(errors)
    return changes


def update_problem(name: str, value: Any) -> str | None:
    """What is wrong with `value` for the PUT field `name`, or None."""
    if name == "label":
        if not isinstance(value, str) or len(value) > 255:
            return "Use a string of at most 255 characters."
    elif name in ("forward_to_enabled", "press_1_to_accept"):
        if not isinstance(value, bool):
            return "Use true or false."
    elif name == "forward_to":
        if not isinstance(value, str) or not _numbers.is_valid(value):
            return "Use a valid phone number in E.164 form, such as +16505550199."
    elif name == "voicemail_greeting_url":
        if value is not None and not _is_https_url(value):
            return "Use an https:// URL, or null to remove the greeting."
    elif name == "inbound_ring_duration":
        if isinstance(value, bool) or not isinstance(value, int) or not 15 <= value <= 90:
            return "Use a whole number of seconds from 15 to 90."
    elif name == "phone_numbers":
        if not isinstance(value, list):
            return "Use a list of phone numbers in E.164 form."
        bad = [n for n in value if not isinstance(n, str) or not _numbers.is_valid(n)]
        if bad:
            shown = repr(bad[0]) if len(repr(bad[0])) <= 40 else repr(bad[0])[:40] + "..."
            return f"Use valid phone numbers in E.164 form; not valid: {shown}."
    elif name == "participants":
        return _id_list_problem(value, USER_ID, "user", None)
    elif name == "participant_groups":
        return _id_list_problem(value, GROUP_ID, "group", 40)
    return None


def _id_list_problem(
    value: Any, pattern: re.Pattern[str], kind: str, most: int | None
) -> str | None:
    if not isinstance(value, list) or not all(
        isinstance(v, str) and pattern.fullmatch(v) for v in value
    ):
        return f"Use a list of {kind} ids ({kind}_...)."
    if len(set(value)) != len(value):
        return f"List each {kind} once."
    if most is not None and len(value) > most:
        return f"Use at most {most} {kind}s."
    return None


def _is_https_url(value: Any) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and value.startswith("https://")


def authorize_update(user: User, number: Mapping[str, Any], changes: Mapping[str, Any]) -> None:
    """Raise a 403 unless `user` may make `changes` to `number`."""
    if not number["is_group_number"]:
        if user.id not in number["participants"]:
            raise forbidden("A personal number can be changed only by its own user.")
        return
    if user.manage_team_phone_numbers:
        return
    if number["participants"] == [user.id]:
        extra = sorted(set(changes) - SOLE_MEMBER_FIELDS)
        if not extra:
            return
        raise forbidden(
            f"Changing {', '.join(extra)} of a group number needs the {PERMISSION} permission;"
            f" its sole member may change only {', '.join(sorted(SOLE_MEMBER_FIELDS))}."
        )
    raise forbidden(f"Changing a group number needs the {PERMISSION} permission.")


def authorize_delete(user: User, number: Mapping[str, Any]) -> None:
    """Raise a 403 unless `user` may delete `number`."""
    if number["is_group_number"]:
        if not user.manage_team_phone_numbers:
            raise forbidden(f"Deleting a group number needs the {PERMISSION} permission.")
    elif user.id not in number["participants"]:
        raise forbidden("A personal number can be deleted only by its own user.")


def check_rent(body: Any) -> dict[str, Any]:
    """The fields of a rent body, or a 400 naming every bad field."""
    request = check_body_fields(body, RENT_FIELDS)
    errors: dict[str, str] = {}
    country = request.get("country")
    if country is None:
        errors["country"] = "This field is required; use a two-letter country code, such as US."
    elif not isinstance(country, str) or not COUNTRY.fullmatch(country):
        errors["country"] = "Use a two-letter ISO 3166 country code, such as US."
    prefix = request.get("prefix", "")
    if not isinstance(prefix, str) or not PREFIX.fullmatch(prefix):
        errors["prefix"] = "Use up to five digits, without the country code, such as 650."
    for name in ("with_sms", "with_mms"):
        if request.get(name) is not None and not isinstance(request[name], bool):
            errors[name] = "Use true, false or null."
    if request.get("with_mms") is True and request.get("with_sms") is not True:
        errors["with_mms"] = "MMS needs SMS: send with_sms true as well."
    carrier_type = request.get("carrier_type")
    if carrier_type is not None and carrier_type not in CARRIER_TYPES:
        errors["carrier_type"] = f"Use one of {', '.join(CARRIER_TYPES)}, or null."
    bundle_id = request.get("bundle_id")
    if bundle_id is not None and not isinstance(bundle_id, str):
        errors["bundle_id"] = "Use a bundle id string, or null."
    if "assign_to" in request:
        problem = _id_list_problem(request["assign_to"], USER_ID, "user", None)
        if problem or not request["assign_to"]:
            errors["assign_to"] = problem or "Give at least one user id, or leave it out."
    if request.get("sharing", "personal") not in ("personal", "group"):
        errors["sharing"] = "Use personal or group."
    if errors:
        raise invalid(errors)
    return request


def refusal(http_status: int, status: str, message: str) -> ApiError:
    """A refused rent: nothing rented, nothing charged."""
    return ApiError(http_status, {"status": status, "error": message})
