"""Contains all the data models used in inputs/outputs"""

from .carrier import Carrier
from .carrier_type import CarrierType
from .deleted import Deleted
from .error import Error
from .me import Me
from .me_organization import MeOrganization
from .membership import Membership
from .phone_number import PhoneNumber
from .phone_number_fields import PhoneNumberFields
from .phone_number_page import PhoneNumberPage
from .phone_number_type import PhoneNumberType
from .phone_number_update import PhoneNumberUpdate
from .rate_limit_detail import RateLimitDetail
from .rate_limited import RateLimited
from .rent_refusal import RentRefusal
from .rent_refusal_status import RentRefusalStatus
from .rent_request import RentRequest
from .rentable_carrier_type import RentableCarrierType
from .sharing import Sharing
from .validation_error import ValidationError
from .validation_error_field_errors import ValidationErrorFieldErrors
from .validation_error_field_errors_additional_property_type_1 import (
    ValidationErrorFieldErrorsAdditionalPropertyType1,
)

__all__ = (
    "Carrier",
    "CarrierType",
    "Deleted",
    "Error",
    "Me",
    "Membership",
    "MeOrganization",
    "PhoneNumber",
    "PhoneNumberFields",
    "PhoneNumberPage",
    "PhoneNumberType",
    "PhoneNumberUpdate",
    "RateLimitDetail",
    "RateLimited",
    "RentableCarrierType",
    "RentRefusal",
    "RentRefusalStatus",
    "RentRequest",
    "Sharing",
    "ValidationError",
    "ValidationErrorFieldErrors",
    "ValidationErrorFieldErrorsAdditionalPropertyType1",
)
