"""What each client method sends: input checks, request bodies and plans, shared by both clients."""

from __future__ import annotations

from typing import Any, TypeGuard

from close_phone_numbers_client.models import (
    Me,
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumberUpdate,
    RentableCarrierType,
    RentRequest,
    Sharing,
)

from . import _validation as check
from ._errors import InvalidRequestError
from ._pagination import Cursor
from ._plan import DELETE, GET, LIST, ME, RENT, UPDATE, Plan, Policy, call
from ._rent import is_me, is_number
from ._types import NotGiven


def _phone_number_id(operation: str, value: object) -> str:
    number_id: str = check.parameter(operation, "path", "id", value)
    return number_id


def _is_partial(parsed: object) -> TypeGuard[PhoneNumberFields]:
    return type(parsed) is PhoneNumberFields


def _partial(data: Any) -> PhoneNumberFields:
    if not isinstance(data, dict):
        raise TypeError("a phone number must be a JSON object")
    return PhoneNumberFields.from_dict(data)


def _is_deleted(parsed: object) -> TypeGuard[object]:
    # Any 2xx means the number is gone, whatever its body.
    return True


def _with_id(fields: str) -> str:
    # Paging drops repeats by id, so a listing always asks for it.
    return fields if "id" in fields.split(",") else f"id,{fields}"


def list_cursor(
    policy: Policy,
    *,
    number: str | None,
    participant_user_id: str | None,
    user_id: str | None,
    is_group_number: bool | None,
    fields: object,
    page_size: int,
) -> Cursor[Any]:
    """Check the filters of a listing and start paging it."""
    filters = {
        "number": number,
        "participant_user_id": participant_user_id,
        "user_id": user_id,
        "is_group_number": is_group_number,
    }
    # None leaves a filter out, so it is not checked as a value.
    kwargs: dict[str, Any] = {
        name: check.parameter(LIST.name, "query", name, value)
        for name, value in filters.items()
        if value is not None
    }
    if fields is not None:
        kwargs["field_fields"] = _with_id(check.fields(fields))
    limit = check.page_size(page_size)
    return Cursor(kwargs, limit, policy, partial=fields is not None)


def get(policy: Policy, number_id: str, fields: object) -> Plan[PhoneNumber | PhoneNumberFields]:
    """Check and plan a ``getPhoneNumber``."""
    kwargs: dict[str, Any] = {"id": _phone_number_id(GET.name, number_id)}
    if fields is None:
        number, _ = yield from call(GET, kwargs, policy, is_number)
        return number
    kwargs["field_fields"] = check.fields(fields)
    partial, _ = yield from call(GET, kwargs, policy, _is_partial, parse=_partial)
    return partial


def me(policy: Policy) -> Plan[Me]:
    """Plan a ``getMe``: who the credentials act as."""
    user, _ = yield from call(ME, {}, policy, is_me)
    return user


def update_body(changes: dict[str, Any]) -> PhoneNumberUpdate:
    """The body of an update with only the given fields; refuses an empty one."""
    given = {
        name: check.body_field(UPDATE.name, name, value)
        for name, value in changes.items()
        if not isinstance(value, NotGiven)
    }
    # An empty update changes nothing and is surely a mistake, whatever the spec allows.
    if not given or len(given) < check.body_min_properties(UPDATE.name):
        names = ", ".join(check.body_fields(UPDATE.name))
        raise InvalidRequestError("update", f"nothing to change; pass at least one of {names}")
    return PhoneNumberUpdate(**given)


def update(policy: Policy, number_id: str, changes: dict[str, Any]) -> Plan[PhoneNumber]:
    """Check and plan an ``updatePhoneNumber``."""
    kwargs = {"id": _phone_number_id(UPDATE.name, number_id), "body": update_body(changes)}
    number, _ = yield from call(UPDATE, kwargs, policy, is_number)
    return number


def delete(policy: Policy, number_id: str) -> Plan[None]:
    """Check and plan a ``deletePhoneNumber``."""
    number_id = _phone_number_id(DELETE.name, number_id)
    yield from call(DELETE, {"id": number_id}, policy, _is_deleted, gone_means_done=True)
    return None


def rent_request(
    country: str,
    *,
    prefix: str | NotGiven,
    with_sms: bool | NotGiven | None,
    with_mms: bool | NotGiven | None,
    carrier_type: str | NotGiven | None,
    bundle_id: str | NotGiven | None,
    assign_to: Any,
    sharing: str | NotGiven,
    fallback_to_voice_only: bool,
) -> RentRequest:
    """The checked body of a rent."""
    check.boolean("fallback_to_voice_only", fallback_to_voice_only)
    # A lower-case country is fixed rather than refused (ASCII only: "ß".upper() is "SS").
    if isinstance(country, str) and country.isascii():
        country = country.upper()
    given = {
        "country": country,
        "prefix": prefix,
        "with_sms": with_sms,
        "with_mms": with_mms,
        "carrier_type": carrier_type,
        "bundle_id": bundle_id,
        "assign_to": assign_to,
        "sharing": sharing,
    }
    # Not given and None both leave an optional field out: Close's default is what None would
    # ask for. A required field is checked whatever it is.
    spec = check.body_fields(RENT.name)
    fields = {
        name: check.body_field(RENT.name, name, value)
        for name, value in given.items()
        if spec[name].get("required") or (value is not None and not isinstance(value, NotGiven))
    }
    # Rules the spec's schema does not state; each is stricter than it, never looser.
    if fields.get("with_mms") is True and fields.get("with_sms") is not True:
        raise InvalidRequestError(
            "with_mms", "an MMS number needs SMS too; also pass with_sms=True"
        )
    # What Close does with an empty list is not documented, and a rent costs money.
    if fields.get("assign_to") == []:
        raise InvalidRequestError(
            "assign_to", "got an empty list; name at least one user, or leave assign_to out"
        )
    if fallback_to_voice_only and True in (fields.get("with_sms"), fields.get("with_mms")):
        raise InvalidRequestError(
            "fallback_to_voice_only",
            "a number without SMS cannot satisfy with_sms=True or with_mms=True; drop one of them",
        )
    body = RentRequest(country=fields.pop("country"))
    if "carrier_type" in fields:
        body.carrier_type = RentableCarrierType(fields.pop("carrier_type"))
    if "sharing" in fields:
        body.sharing = Sharing(fields.pop("sharing"))
    for name, value in fields.items():
        setattr(body, name, value)
    return body
