"""A typed, spec-first client for the phone-number endpoints of the Close API.

::

    from close_phone_numbers import PhoneNumbers

    with PhoneNumbers() as numbers:          # CLOSE_API_KEY from the environment
        for number in numbers.list():
            print(number.number, number.label)
"""

# Importing the package costs little more than importing httpx: each public name is
# imported from its module when it is first used (PEP 562), so a program that only
# needs the sync client never loads asyncio, aiohttp support or the async client.
# Type checkers read the imports under TYPE_CHECKING, so the public API they see is
# the same as with eager imports.

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._logging import setup_from_env as _setup_logging_from_env
from ._version import __version__

if TYPE_CHECKING:
    from close_phone_numbers_client.models import (
        Carrier,
        CarrierType,
        Me,
        PhoneNumber,
        PhoneNumberFields,
        PhoneNumberType,
        RentableCarrierType,
        RentRefusalStatus,
        Sharing,
    )

    from ._aiohttp import DefaultAioHttpClient
    from ._async_client import AsyncPhoneNumbers
    from ._client import PhoneNumbers
    from ._errors import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        BillingError,
        CloseError,
        HasVoiceOnlyError,
        InvalidRequestError,
        NeedsMoreInfoError,
        NotFoundError,
        PaymentRequiredError,
        PermissionDeniedError,
        RateLimitError,
        RentError,
        RentOutcomeUnknownError,
        ServerError,
        UnexpectedResponseError,
    )
    from ._headers import RateLimit
    from ._raw import AsyncRawPhoneNumbers, RawPhoneNumbers, RawResponse
    from ._types import NOT_GIVEN, NotGiven

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPhoneNumbers",
    "AsyncRawPhoneNumbers",
    "AuthenticationError",
    "BadRequestError",
    "BillingError",
    "Carrier",
    "CarrierType",
    "CloseError",
    "DefaultAioHttpClient",
    "HasVoiceOnlyError",
    "InvalidRequestError",
    "Me",
    "NeedsMoreInfoError",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PhoneNumber",
    "PhoneNumberFields",
    "PhoneNumberType",
    "PhoneNumbers",
    "RateLimit",
    "RateLimitError",
    "RawPhoneNumbers",
    "RawResponse",
    "RentError",
    "RentOutcomeUnknownError",
    "RentRefusalStatus",
    "RentableCarrierType",
    "ServerError",
    "Sharing",
    "UnexpectedResponseError",
    "__version__",
]

# Where each public name lives; a relative module is inside this package.
_LAZY: dict[str, str] = {
    "Carrier": "close_phone_numbers_client.models",
    "CarrierType": "close_phone_numbers_client.models",
    "Me": "close_phone_numbers_client.models",
    "PhoneNumber": "close_phone_numbers_client.models",
    "PhoneNumberFields": "close_phone_numbers_client.models",
    "PhoneNumberType": "close_phone_numbers_client.models",
    "RentableCarrierType": "close_phone_numbers_client.models",
    "RentRefusalStatus": "close_phone_numbers_client.models",
    "Sharing": "close_phone_numbers_client.models",
    "DefaultAioHttpClient": "._aiohttp",
    "AsyncPhoneNumbers": "._async_client",
    "PhoneNumbers": "._client",
    "APIConnectionError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "BillingError": "._errors",
    "CloseError": "._errors",
    "HasVoiceOnlyError": "._errors",
    "InvalidRequestError": "._errors",
    "NeedsMoreInfoError": "._errors",
    "NotFoundError": "._errors",
    "PaymentRequiredError": "._errors",
    "PermissionDeniedError": "._errors",
    "RateLimitError": "._errors",
    "RentError": "._errors",
    "RentOutcomeUnknownError": "._errors",
    "ServerError": "._errors",
    "UnexpectedResponseError": "._errors",
    "RateLimit": "._headers",
    "AsyncRawPhoneNumbers": "._raw",
    "RawPhoneNumbers": "._raw",
    "RawResponse": "._raw",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
}


# Hidden from type checkers: they see the imports above, so a misspelt name is still an
# error for them rather than Any.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value  # later look-ups no longer come here
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))


_setup_logging_from_env()  # CLOSE_LOG=debug|info
