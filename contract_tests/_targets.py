"""Load the spec for schemathesis, aimed at the in-process emulator or a live server.

The configuration files next to this module hold what does not depend on the
target; credentials are added here, scheme-aware (`[auth.openapi.apiKey]`), which
keeps schemathesis from reporting the false `ignored_auth` failures that global
basic auth produces (tools.md §B.5).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.schemas import BaseSchema
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contract_tests import speclib

CONFIG_DIR = Path(__file__).resolve().parent / "schemathesis"


def _config(name: str, api_key: str, seed: int | None = None) -> SchemathesisConfig:
    data: dict[str, Any] = tomllib.loads((CONFIG_DIR / f"{name}.toml").read_text())
    if seed is not None:
        data["seed"] = seed
    # The key is given to the config object directly: never written to a file or env var.
    data["auth"] = {"openapi": {"apiKey": {"username": api_key, "password": ""}}}
    return SchemathesisConfig.from_dict(data)


def emulator_schema(app: Any, api_key: str, seed: int | None = None) -> OpenApiSchema:
    """The spec, every check on, calling `app` (ASGI) in-process; `seed` fixes the run."""
    schema = schemathesis.openapi.from_path(
        str(speclib.SPEC_PATH), config=_config("emulator", api_key, seed)
    )
    schema.app = app
    return schema


def live_schema(base_url: str, api_key: str) -> BaseSchema:
    """The spec, GET operations only, aimed at `base_url` over the network."""
    config = _config("live", api_key)
    schema = schemathesis.openapi.from_path(str(speclib.SPEC_PATH), config=config)
    schema.config.update(base_url=base_url)
    return schema.include(method="GET")
