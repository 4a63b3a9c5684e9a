"""Load the spec for schemathesis, aimed at the in-process emulator or a live server.

The settings come from `close_phone_contract._tolerances`; credentials are added there,
scheme-aware, which keeps schemathesis from reporting false `ignored_auth` failures.
The emulator is held to the strict view of the spec: observed constraints included.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from close_phone_contract._tolerances import schemathesis_settings
from schemathesis.config import SchemathesisConfig
from schemathesis.schemas import BaseSchema
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contract_tests import speclib


def _config(name: str, api_key: str, seed: int | None = None) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(schemathesis_settings(name, api_key, seed))


def emulator_schema(app: Any, api_key: str, seed: int | None = None) -> OpenApiSchema:
    """The strict spec, every check on, calling `app` (ASGI) in-process; `seed` fixes the run."""
    schema = schemathesis.openapi.from_dict(
        speclib.spec().view("strict"), config=_config("emulator", api_key, seed)
    )
    schema.app = app
    return schema


def live_schema(base_url: str, api_key: str) -> BaseSchema:
    """What Close documents, GET operations only, aimed at `base_url` over the network."""
    schema = schemathesis.openapi.from_dict(
        speclib.spec().view("documented"), config=_config("live", api_key)
    )
    schema.config.update(base_url=base_url)
    return schema.include(method="GET")
