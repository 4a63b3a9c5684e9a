"""Input checks that run before anything is sent; each failure names the field and the fix.

The rules come from the spec: `close_phone_numbers_client.constraints` is generated from
openapi/phone_numbers.yaml together with the client, and every parameter and body field
is checked against its entry there (type, nullability, pattern, format, lengths, range,
enum, items). Only the wording of the messages is written here. The few rules the spec
cannot state are in `_operations.py`, and each is stricter than the spec, never looser.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from close_phone_numbers_client.constraints import OPERATIONS, Constraint

from ._errors import InvalidRequestError

# How to fix a string that fails one of the spec's patterns, keyed by the pattern. A
# pattern missing here (the spec changed) still gets checked, with a plainer message.
_PATTERN_FIXES = {
    "^\\+[1-9][0-9]{1,14}$": "write the number in E.164 form, like '+16505550100'",
    "^phon_[A-Za-z0-9]+$": "pass the id of a phone number, like 'phon_…'",
    "^user_[A-Za-z0-9]+$": "pass the id of a user, like 'user_…'",
    "^group_[A-Za-z0-9]+$": "pass the id of a group, like 'group_…'",
    "^[A-Z]{2}$": "use a two-letter ISO 3166 country code, such as 'US'",
    "^[0-9]{0,5}$": (
        "pass up to five digits of area code or prefix, without the country code, like '650'"
    ),
    "^https://[^/?#\\s]+": "use an https:// URL of an MP3, like 'https://example.com/hi.mp3'",
}
# What None means, for the fields where it means something.
_NONE_MEANS = {"voicemail_greeting_url": "None to remove the greeting"}
_UNITS = {"inbound_ring_duration": "seconds"}

# RFC 3986 URI syntax (format "uri"): every character one a URI may hold where it stands,
# every % an escape. An IP literal host is checked by `ipaddress` in `_is_uri`.
_U = r"A-Za-z0-9\-._~!$&'()*+,;="  # unreserved and sub-delims
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_U}:@]|{_PCT})"
_URI = (
    rf"[A-Za-z][A-Za-z0-9+.\-]*:"
    rf"(?://(?:(?:[{_U}:]|{_PCT})*@)?(?P<host>\[[^\]]*\]|(?:[{_U}]|{_PCT})*)(?::[0-9]*)?"
    rf"(?:/{_PCHAR}*)*"
    rf"|/?(?:{_PCHAR}+(?:/{_PCHAR}*)*)?)"
    rf"(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"
)
_IP_FUTURE = rf"v[0-9A-Fa-f]+\.[{_U}:]+"


def _is_uri(value: str) -> bool:
    match = _compiled(_URI).fullmatch(value)
    if match is None:
        return False
    host = match["host"] or ""
    if not host.startswith("["):
        return True
    literal = host[1:-1]
    if _compiled(_IP_FUTURE).fullmatch(literal):
        return True
    if not _compiled(r"[0-9A-Fa-f:.]+").fullmatch(literal):
        return False
    import ipaddress  # already loaded by httpx; only needed for this rare host

    try:
        ipaddress.IPv6Address(literal)
    except ValueError:
        return False
    return True


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _refuse(field: str, value: object, fix: str) -> InvalidRequestError:
    return InvalidRequestError(field, f"got {_shown(value)}; {fix}")


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_list(value: object) -> bool:
    # A dict, set or string is iterable but is no JSON array; a tuple is sent as one.
    return isinstance(value, list | tuple)


_IS_TYPE: dict[str, Callable[[object], bool]] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": _integer,
    "number": lambda v: _integer(v) or isinstance(v, float),
    "array": _is_list,
    "object": lambda v: isinstance(v, Mapping),
    "null": lambda v: v is None,
}


def _range(c: Constraint, field: str) -> str:
    low, high = c.get("minimum"), c.get("maximum")
    unit = _UNITS.get(field)
    what = f"whole {unit}" if unit else "a whole number"
    if low is not None and high is not None:
        return f"pass {what} from {low} to {high}"
    if low is not None:
        return f"pass {what}, {low} or more"
    return f"pass {what}, at most {high}" if high is not None else f"pass {what}"


def _fix(c: Constraint, field: str) -> str:
    """How to write a good value, for a value of the wrong type or shape."""
    kinds = c.get("types", ())
    if "pattern" in c:
        fix = _PATTERN_FIXES.get(c["pattern"], f"pass a string matching {c['pattern']!r}")
    elif "enum" in c:
        fix = f"pass one of {', '.join(c['enum'])}"
    elif "boolean" in kinds:
        fix = "pass True or False"
    elif "integer" in kinds:
        fix = _range(c, field)
    elif "array" in kinds:
        fix = "pass a list"
    else:
        fix = "pass a string"
    if "null" in kinds and "boolean" not in kinds:
        fix += f", or {_NONE_MEANS.get(field, 'None')}"
    return fix


def check(c: Constraint, field: str, value: object) -> Any:
    """`value` if it meets constraint `c` (a tuple comes back a list); else InvalidRequestError."""
    kinds = c.get("types", ())
    if kinds and not any(_IS_TYPE[kind](value) for kind in kinds):
        raise _refuse(field, value, _fix(c, field))
    if value is None:
        return None
    if isinstance(value, str):
        _check_string(c, field, value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        low, high = c.get("minimum"), c.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise _refuse(field, value, _range(c, field))
    elif isinstance(value, list | tuple):
        return _check_array(c, field, value)
    return value


def _check_string(c: Constraint, field: str, value: str) -> None:
    if "enum" in c and value not in c["enum"]:
        raise _refuse(field, value, _fix(c, field))
    most, least = c.get("max_length"), c.get("min_length")
    if most is not None and len(value) > most:
        raise InvalidRequestError(
            field, f"got {len(value)} characters; pass at most {most} characters"
        )
    if least is not None and len(value) < least:
        raise InvalidRequestError(
            field, f"got {len(value)} characters; pass at least {least} characters"
        )
    if "python_pattern" in c and not _compiled(c["python_pattern"]).search(value):
        raise _refuse(field, value, _fix(c, field))
    if c.get("format") == "uri" and not _is_uri(value):
        raise _refuse(field, value, "pass a URL without spaces or characters a URL cannot hold")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRequestError(
            field, "got a string with a lone surrogate, which JSON cannot carry; fix the text"
        ) from None


def _check_array(c: Constraint, field: str, value: list[Any] | tuple[Any, ...]) -> list[Any]:
    most, least = c.get("max_items"), c.get("min_items")
    if most is not None and len(value) > most:
        raise InvalidRequestError(field, f"got {len(value)} items; pass at most {most}")
    if least is not None and len(value) < least:
        got = "an empty list" if not value else f"{len(value)} items"
        need = "one" if least == 1 else str(least)
        raise InvalidRequestError(field, f"got {got}; pass at least {need}")
    item = c.get("items", {})
    checked = [check(item, f"{field}[{i}]", v) for i, v in enumerate(value)]
    if c.get("unique_items") and len({repr(v) for v in checked}) != len(checked):
        raise InvalidRequestError(field, "got the same value twice; list each once")
    return checked


def parameter(
    operation: str, where: Literal["path", "query"], name: str, value: object, field: str = ""
) -> Any:
    """Check a path or query parameter of `operation`; `field` is the caller's name for it."""
    return check(OPERATIONS[operation][where][name], field or name, value)


def body_fields(operation: str) -> dict[str, Constraint]:
    """The fields of the JSON body of `operation`, in the spec's order."""
    return OPERATIONS[operation]["body"]


def body_min_properties(operation: str) -> int:
    """How many fields the JSON body of `operation` must have at least."""
    return OPERATIONS[operation]["body_min_properties"]


def body_field(operation: str, name: str, value: object) -> Any:
    """Check one field of the JSON body of `operation`."""
    return check(OPERATIONS[operation]["body"][name], name, value)


def boolean(field: str, value: object) -> bool:
    """A real bool, for the library's own options (a string like "false" would be truthy)."""
    if not isinstance(value, bool):
        raise _refuse(field, value, "pass True or False")
    return value


def page_size(value: object) -> int:
    """Numbers per page: the spec's `_limit`."""
    size: int = parameter("listPhoneNumbers", "query", "_limit", value, "page_size")
    return size


def fields(value: object) -> str:
    """Field names for ``_fields``, from a list or a comma-separated string."""
    names: list[object]
    if isinstance(value, str):
        names = list(value.split(","))
    elif isinstance(value, Iterable) and not isinstance(value, Mapping | bytes):
        names = list(value)
    else:
        names = []
    cleaned = [n.strip() if isinstance(n, str) else "" for n in names]
    if not cleaned or not all(cleaned):
        raise _refuse("fields", value, "pass field names, like ['id', 'number', 'label']")
    joined: str = parameter("listPhoneNumbers", "query", "_fields", ",".join(cleaned), "fields")
    return joined
