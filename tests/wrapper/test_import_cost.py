"""What importing the package loads, checked in a fresh interpreter by module name, not by time.

`import close_phone_numbers` resolves each public name on first use (PEP 562), so a program
pays for the sync client, the async client, aiohttp support or the CLI only when it uses it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import close_phone_numbers
import pytest

# Run in a fresh interpreter: import httpx first (the baseline every user pays), then the
# statement, and print the modules the statement added beyond httpx.
_PROBE = """
import json, sys
import httpx
before = set(sys.modules)
{statement}
print(json.dumps(sorted(set(sys.modules) - before)))
"""

# Loaded by none of the import statements below: the CLI, the pytest fixtures, async support.
_NEVER = (
    "close_phone_numbers.cli",
    "close_phone_numbers.testing",
    "close_phone_numbers._async_client",
    "close_phone_numbers._aiohttp",
    "aiohttp",
    "httpx_aiohttp",
    "asyncio",
    "click",
    "pytest",
)


def _added_by(statement: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(json.loads(done.stdout))


def _loaded(added: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in added if any(m == n or m.startswith(n + ".") for n in names))


def test_importing_the_package_loads_no_client_model_or_async_module() -> None:
    """The bare import sets up CLOSE_LOG only: no client, no models, no attrs, no orjson."""
    added = _added_by("import close_phone_numbers")
    lazy = (
        "close_phone_numbers._client",
        "close_phone_numbers._raw",
        "close_phone_numbers._errors",
        "close_phone_numbers_client.models",
        "close_phone_numbers_client.api",
        "close_phone_numbers_client.client",
        "attrs",
        "attr",
        "orjson",
    )
    assert _loaded(added, _NEVER + lazy) == []
    assert "close_phone_numbers._logging" in added  # CLOSE_LOG is still read at import


def test_the_sync_client_loads_no_async_support_or_cli() -> None:
    """`from close_phone_numbers import PhoneNumbers` loads what the sync client needs, no more."""
    added = _added_by("from close_phone_numbers import PhoneNumbers")
    assert "close_phone_numbers._client" in added
    assert _loaded(added, _NEVER) == []


def test_the_async_client_is_loaded_when_first_named() -> None:
    """Asking for AsyncPhoneNumbers imports its module then, and asyncio with it."""
    added = _added_by("import close_phone_numbers; close_phone_numbers.AsyncPhoneNumbers")
    assert {"close_phone_numbers._async_client", "asyncio"} <= added


@pytest.mark.parametrize("name", close_phone_numbers.__all__)
def test_every_public_name_resolves_to_the_object_its_module_defines(name: str) -> None:
    """Each name in __all__ is reachable as an attribute and is listed by dir()."""
    value = getattr(close_phone_numbers, name)
    assert value is not None
    assert name in dir(close_phone_numbers)
    module = getattr(value, "__module__", None)
    if isinstance(value, type) and module is not None:
        assert getattr(sys.modules[module], name) is value


def test_public_names_stay_sorted_and_complete() -> None:
    """__all__ is sorted (constants, then classes, then dunders) and names nothing twice."""
    names = close_phone_numbers.__all__
    assert len(set(names)) == len(names)

    def kind(name: str) -> tuple[int, str]:
        if name.startswith("__"):
            return (2, name)
        return (0, name) if name.isupper() else (1, name)

    assert names == sorted(names, key=kind)


def test_an_unknown_name_raises_attribute_error() -> None:
    """A misspelt name fails like on any module, so hasattr and getattr defaults work."""
    with pytest.raises(AttributeError, match="no attribute 'PhoneNumberz'"):
        _ = close_phone_numbers.PhoneNumberz  # type: ignore[attr-defined]
    assert not hasattr(close_phone_numbers, "_client_not_public")


def test_the_generated_package_loads_its_client_module_when_first_named() -> None:
    """close_phone_numbers_client imports its clients (and attrs) on first use, then caches them."""
    assert _loaded(_added_by("import close_phone_numbers_client.constraints"), ("attr",)) == []
    added = _added_by("from close_phone_numbers_client import AuthenticatedClient, Client")
    assert {"close_phone_numbers_client.client", "attrs"} <= added
