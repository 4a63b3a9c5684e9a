"""What each client method sends: input checks, request bodies and plans, shared by both clients."""

from __future__ import annotations

from typing import Any, TypeGuard

from close_phone_numbers_client.models import (
    PhoneNumber,
    PhoneNumberFields,
    PhoneNumberUpdate,
    RentableCarrierType,
    RentRequest,
    Sharing,
)

from . import _validation as check
from ._errors import InvalidRequestError
from ._pagination import Cursor, as_fields
from ._plan import DELETE, GET, UPDATE, Plan, Policy, call
from ._rent import is_number
from ._types import NotGiven

# Each updatable field and the check it must pass.
_UPDATABLE: dict[str, Any] = {
    "label": check.text,
    "forward_to": check.e164,
    "forward_to_enabled": check.boolean,
    "voicemail_greeting_url": lambda _field, value: check.greeting_url(value),
    "participants": lambda field, value: check.string_list(field, value, check.user_id),
    "phone_numbers": lambda field, value: check.string_list(field, value, check.e164),
    "press_1_to_accept": check.boolean,
    "inbound_ring_duration": lambda _field, value: check.ring_duration(value),
    "participant_groups": lambda _field, value: check.participant_groups(value),
}


def _is_partial(parsed: object) -> TypeGuard[PhoneNumber | PhoneNumberFields]:
    return type(parsed) is PhoneNumberFields or type(parsed) is PhoneNumber


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
    kwargs: dict[str, Any] = {}
    if number is not None:
        kwargs["number"] = check.e164("number", number)
    if participant_user_id is not None:
        kwargs["participant_user_id"] = check.user_id("participant_user_id", participant_user_id)
    if user_id is not None:
        kwargs["user_id"] = check.user_id("user_id", user_id)
    if is_group_number is not None:
        kwargs["is_group_number"] = check.boolean("is_group_number", is_group_number)
    if fields is not None:
        kwargs["field_fields"] = _with_id(check.fields(fields))
    limit = check.page_size(page_size)
    return Cursor(kwargs, limit, policy, partial=fields is not None)


def get(policy: Policy, number_id: str, fields: object) -> Plan[PhoneNumber | PhoneNumberFields]:
    """Check and plan a ``getPhoneNumber``."""
    kwargs: dict[str, Any] = {"id": check.phone_number_id(number_id)}
    if fields is None:
        number, _ = yield from call(GET, kwargs, policy, is_number)
        return number
    kwargs["field_fields"] = check.fields(fields)
    partial, _ = yield from call(GET, kwargs, policy, _is_partial)
    return as_fields(partial)


def update_body(changes: dict[str, Any]) -> PhoneNumberUpdate:
    """The body of an update with only the given fields; refuses an empty one."""
    given = {k: _UPDATABLE[k](k, v) for k, v in changes.items() if not isinstance(v, NotGiven)}
    if not given:
        raise InvalidRequestError(
            "update", f"nothing to change; pass at least one of {', '.join(_UPDATABLE)}"
        )
    return PhoneNumberUpdate(**given)


def update(policy: Policy, number_id: str, changes: dict[str, Any]) -> Plan[PhoneNumber]:
    """Check and plan an ``updatePhoneNumber``."""
    kwargs = {"id": check.phone_number_id(number_id), "body": update_body(changes)}
    number, _ = yield from call(UPDATE, kwargs, policy, is_number)
    return number


def delete(policy: Policy, number_id: str) -> Plan[None]:
    """Check and plan a ``deletePhoneNumber``."""
    number_id = check.phone_number_id(number_id)
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
    body = RentRequest(country=check.country(country))
    if not isinstance(prefix, NotGiven):
        body.prefix = check.prefix(prefix)
    if with_sms is not None and not isinstance(with_sms, NotGiven):
        body.with_sms = check.boolean("with_sms", with_sms)
    if with_mms is not None and not isinstance(with_mms, NotGiven):
        body.with_mms = check.boolean("with_mms", with_mms)
    if body.with_mms is True and body.with_sms is not True:
        raise InvalidRequestError(
            "with_mms", "an MMS number needs SMS too; also pass with_sms=True"
        )
    if fallback_to_voice_only and True in (body.with_sms, body.with_mms):
        raise InvalidRequestError(
            "fallback_to_voice_only",
            "a number without SMS cannot satisfy with_sms=True or with_mms=True; drop one of them",
        )
    if carrier_type is not None and not isinstance(carrier_type, NotGiven):
        body.carrier_type = RentableCarrierType(
            check.one_of("carrier_type", carrier_type, RentableCarrierType)
        )
    if bundle_id is not None and not isinstance(bundle_id, NotGiven):
        body.bundle_id = check.text("bundle_id", bundle_id)
    if not isinstance(assign_to, NotGiven):
        body.assign_to = check.string_list("assign_to", assign_to, check.user_id)
        if not body.assign_to:
            raise InvalidRequestError("assign_to", "got an empty list; name at least one user")
    if not isinstance(sharing, NotGiven):
        body.sharing = Sharing(check.one_of("sharing", sharing, Sharing))
    return body
