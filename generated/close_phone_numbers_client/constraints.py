"""Request constraints of the Close Phone Numbers API, from openapi/phone_numbers.yaml.

Written by scripts/constraints.py when the client is generated; do not edit. For each
operation: its path and query parameters and the fields of its JSON body, each with the
JSON types it may take ("null" among them when it may be null) and the pattern, format,
lengths, range and enum of the spec. None is valid exactly when "null" is among the
types; the other constraints are for the other values. ``pattern`` is the spec's (ECMA-262) text;
``python_pattern`` is the same rule for Python's `re.search`. ``observed`` marks a
constraint Close's documentation does not state, inferred from what Close does.
"""

from __future__ import annotations

from typing import Final, TypedDict


class Constraint(TypedDict, total=False):
    """What the spec allows for one parameter, field or array item."""

    types: tuple[str, ...]
    pattern: str
    python_pattern: str
    format: str
    min_length: int
    max_length: int
    minimum: int | float
    maximum: int | float
    enum: tuple[str, ...]
    items: Constraint
    min_items: int
    max_items: int
    unique_items: bool
    required: bool
    observed: bool


class Operation(TypedDict):
    """The parameters and body fields of one operation."""

    path: dict[str, Constraint]
    query: dict[str, Constraint]
    body: dict[str, Constraint]
    body_closed: bool
    body_min_properties: int


OPERATIONS: Final[dict[str, Operation]] = {
    "listPhoneNumbers": {
        "path": {},
        "query": {
            "number": {
                "types": ("string",),
                "pattern": "^\\+[1-9][0-9]{1,14}$",
                "python_pattern": "^\\+[1-9][0-9]{1,14}\\Z",
                "observed": True,
            },
            "participant_user_id": {
                "types": ("string",),
                "pattern": "^user_[A-Za-z0-9]+$",
                "python_pattern": "^user_[A-Za-z0-9]+\\Z",
                "observed": True,
            },
            "user_id": {
                "types": ("string",),
                "pattern": "^user_[A-Za-z0-9]+$",
                "python_pattern": "^user_[A-Za-z0-9]+\\Z",
                "observed": True,
            },
            "is_group_number": {"types": ("boolean",)},
            "_skip": {"types": ("integer",), "minimum": 0},
            "_limit": {
                "types": ("integer",),
                "minimum": 1,
                "maximum": 100,
                "observed": True,
            },
            "_fields": {"types": ("string",)},
        },
        "body": {},
        "body_closed": False,
        "body_min_properties": 0,
    },
    "getPhoneNumber": {
        "path": {
            "id": {
                "types": ("string",),
                "pattern": "^phon_[A-Za-z0-9]+$",
                "python_pattern": "^phon_[A-Za-z0-9]+\\Z",
                "observed": True,
                "required": True,
            }
        },
        "query": {"_fields": {"types": ("string",)}},
        "body": {},
        "body_closed": False,
        "body_min_properties": 0,
    },
    "updatePhoneNumber": {
        "path": {
            "id": {
                "types": ("string",),
                "pattern": "^phon_[A-Za-z0-9]+$",
                "python_pattern": "^phon_[A-Za-z0-9]+\\Z",
                "observed": True,
                "required": True,
            }
        },
        "query": {},
        "body": {
            "label": {"types": ("string",), "max_length": 255, "observed": True},
            "forward_to": {
                "types": ("string",),
                "pattern": "^\\+[1-9][0-9]{1,14}$",
                "python_pattern": "^\\+[1-9][0-9]{1,14}\\Z",
            },
            "forward_to_enabled": {"types": ("boolean",)},
            "voicemail_greeting_url": {
                "types": ("string", "null"),
                "pattern": "^https://[^/?#\\s]+",
                "format": "uri",
                "python_pattern": "^https://[^/?#\\t\\n\\v\\f\\r "
                "\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+",
            },
            "participants": {
                "types": ("array",),
                "items": {
                    "types": ("string",),
                    "pattern": "^user_[A-Za-z0-9]+$",
                    "python_pattern": "^user_[A-Za-z0-9]+\\Z",
                    "observed": True,
                },
            },
            "phone_numbers": {
                "types": ("array",),
                "items": {
                    "types": ("string",),
                    "pattern": "^\\+[1-9][0-9]{1,14}$",
                    "python_pattern": "^\\+[1-9][0-9]{1,14}\\Z",
                },
            },
            "press_1_to_accept": {"types": ("boolean",)},
            "inbound_ring_duration": {
                "types": ("integer",),
                "minimum": 15,
                "maximum": 90,
            },
            "participant_groups": {
                "types": ("array",),
                "max_items": 40,
                "items": {
                    "types": ("string",),
                    "pattern": "^group_[A-Za-z0-9]+$",
                    "python_pattern": "^group_[A-Za-z0-9]+\\Z",
                    "observed": True,
                },
            },
        },
        "body_closed": True,
        "body_min_properties": 0,
    },
    "deletePhoneNumber": {
        "path": {
            "id": {
                "types": ("string",),
                "pattern": "^phon_[A-Za-z0-9]+$",
                "python_pattern": "^phon_[A-Za-z0-9]+\\Z",
                "observed": True,
                "required": True,
            }
        },
        "query": {},
        "body": {},
        "body_closed": False,
        "body_min_properties": 0,
    },
    "rentPhoneNumber": {
        "path": {},
        "query": {},
        "body": {
            "country": {
                "types": ("string",),
                "pattern": "^[A-Z]{2}$",
                "python_pattern": "^[A-Z]{2}\\Z",
                "required": True,
            },
            "prefix": {
                "types": ("string",),
                "pattern": "^[0-9]{0,5}$",
                "python_pattern": "^[0-9]{0,5}\\Z",
            },
            "with_sms": {"types": ("boolean", "null")},
            "with_mms": {"types": ("boolean", "null")},
            "carrier_type": {
                "types": ("string", "null"),
                "enum": ("local", "national", "mobile", "tollfree"),
            },
            "bundle_id": {"types": ("string", "null")},
            "assign_to": {
                "types": ("array",),
                "items": {
                    "types": ("string",),
                    "pattern": "^user_[A-Za-z0-9]+$",
                    "python_pattern": "^user_[A-Za-z0-9]+\\Z",
                    "observed": True,
                },
            },
            "sharing": {"types": ("string",), "enum": ("personal", "group")},
        },
        "body_closed": True,
        "body_min_properties": 0,
    },
}
