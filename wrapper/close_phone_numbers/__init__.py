"""A typed, spec-first client for the phone-number endpoints of the Close API.

::

    from close_phone_numbers import PhoneNumbers

    with PhoneNumbers() as numbers:          # CLOSE_API_KEY from the environment
        for number in numbers.list():
            print(number.number, number.label)
"""

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
from ._logging import setup_from_env as _setup_logging_from_env
from ._raw import AsyncRawPhoneNumbers, RawPhoneNumbers, RawResponse
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

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

_setup_logging_from_env()  # CLOSE_LOG=debug|info
