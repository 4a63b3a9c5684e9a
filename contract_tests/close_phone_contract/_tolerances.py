"""What verification tolerates, per target: schemathesis settings and expected statuses.

These were configuration files; they are code so that they ship with the package and a
team can read (and override) them in one place.
"""

from __future__ import annotations

import copy
from typing import Any

# Valid data may still be refused for reasons outside the request: 401 (the key), 402
# (a limit of the plan), 403 (permission), 404 (a generated id names no number), 429 (a
# spent rate limit that outlasted the retries).
POSITIVE_STATUSES = ["2xx", "401", "402", "403", "404", "429"]
# A valid rent may be refused as Close does: 400 with a `status` (has-voice-only,
# needs-more-info, error), 402 billing-error. Close documents only "a 4xx" for refusals.
RENT_POSITIVE_STATUSES = ["2xx", "400", "402", "403", "429", "4xx"]
# Close checks more than a schema can say for an update: a phone number must be a real
# one, participants and groups must belong to the organization. A schema-valid update
# may be a 400 (the repository's regression tests pin that a realistic one is accepted).
UPDATE_POSITIVE_STATUSES = ["2xx", "400", "402", "403", "404", "429"]

_COMMON: dict[str, Any] = {
    # Close ignores query parameters it does not know; so does the emulator.
    "generation": {"allow-extra-parameters": False},
    "checks": {
        "positive_data_acceptance": {"expected-statuses": POSITIVE_STATUSES},
        # Replaced by close_contract (`_schemathesis.contract_check`): schemathesis cannot
        # know that `_fields` relaxes the response schemas.
        "response_schema_conformance": {"enabled": False},
    },
    "operations": [
        {
            "include-operation-id": "rentPhoneNumber",
            "checks": {"positive_data_acceptance": {"expected-statuses": RENT_POSITIVE_STATUSES}},
        },
        {
            "include-operation-id": "updatePhoneNumber",
            "checks": {"positive_data_acceptance": {"expected-statuses": UPDATE_POSITIVE_STATUSES}},
        },
    ],
}

# A real server: no "unexpected method" probes from the coverage phase (against Close
# they would be writes), and only GET operations are generated. It is held to what Close
# documents, where a parameter keeps only its type (`_limit` has no documented maximum,
# an id no documented form), so a "valid" value may still get the 400 Close documents.
_LIVE: dict[str, Any] = {
    **copy.deepcopy(_COMMON),
    "phases": {"coverage": {"unexpected-methods": []}},
}
_LIVE["checks"]["positive_data_acceptance"]["expected-statuses"] = ["400", *POSITIVE_STATUSES]
# Per-operation blocks select their operation, which would undo the GET-only filter.
del _LIVE["operations"]


def schemathesis_settings(
    target: str, api_key: str | None, seed: int | None = None
) -> dict[str, Any]:
    """The schemathesis configuration (as a dict) for `target`: "emulator" or "live"."""
    data = copy.deepcopy(_COMMON if target == "emulator" else _LIVE)
    if seed is not None:
        data["seed"] = seed
    if api_key is not None:
        # Scheme-aware auth: global basic auth makes schemathesis report false `ignored_auth`.
        data["auth"] = {"openapi": {"apiKey": {"username": api_key, "password": ""}}}
    return data
