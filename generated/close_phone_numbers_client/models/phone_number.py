from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import mismatch, missing, position
from ..models.carrier import Carrier
from ..models.carrier_type import CarrierType
from ..models.phone_number_type import PhoneNumberType
from ..types import UNSET, Unset, extras_key, show

_PhoneNumberType_BY_VALUE = {member.value: member for member in PhoneNumberType}
_Carrier_BY_VALUE = {member.value: member for member in Carrier}
_CarrierType_BY_VALUE = {member.value: member for member in CarrierType}

T = TypeVar("T", bound="PhoneNumber")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "id",
        "organization_id",
        "user_id",
        "number",
        "number_formatted",
        "label",
        "type",
        "is_group_number",
        "country",
        "carrier",
        "carrier_type",
        "address_id",
        "bundle_id",
        "is_premium",
        "is_verified",
        "last_billed_price",
        "next_billing_on",
        "sms_enabled",
        "mms_enabled",
        "supports_sms_to_countries",
        "supports_mms_to_countries",
        "date_created",
        "date_updated",
        "participants",
        "participant_groups",
        "phone_numbers",
        "phone_numbers_formatted",
        "forward_to",
        "forward_to_enabled",
        "forward_to_formatted",
        "voicemail_greeting_url",
        "press_1_to_accept",
        "inbound_ring_duration",
        "was_ported",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "id",
    "organization_id",
    "user_id",
    "number",
    "number_formatted",
    "label",
    "type_",
    "is_group_number",
    "country",
    "carrier",
    "carrier_type",
    "address_id",
    "bundle_id",
    "is_premium",
    "is_verified",
    "last_billed_price",
    "next_billing_on",
    "sms_enabled",
    "mms_enabled",
    "supports_sms_to_countries",
    "supports_mms_to_countries",
    "date_created",
    "date_updated",
    "participants",
    "participant_groups",
    "phone_numbers",
    "phone_numbers_formatted",
    "forward_to",
    "forward_to_enabled",
    "forward_to_formatted",
    "voicemail_greeting_url",
    "press_1_to_accept",
    "inbound_ring_duration",
    "was_ported",
)


@_attrs_define
class PhoneNumber:
    """A phone number with every field Close always returns. Close leaves some
    fields out of some responses (`participants`, `phone_numbers`,
    `was_ported`, `inbound_ring_duration`), so those are optional.

    Attributes:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        organization_id (str): An organization id; Close documents a plain string, the pattern is
            inferred.
        user_id (None | str): The sole member of a single-member number, otherwise null. Use
            `participants` instead.
        number (str): A phone number in E.164 form, such as `+16505550100`.
        number_formatted (str): The number written for people, such as `+1 650-555-0100`.
        label (None | str): A name for the number; null until one is set.
        type_ (PhoneNumberType | str): Where the number comes from; an open set of strings.
        is_group_number (bool): Whether the number is shared by a group of users. Superseded by
            `participants`.
        country (None | str): The country of the number.
        carrier (Carrier | None | str): The carrier behind the number, if Close says; an open set.
        carrier_type (CarrierType | None | str): The kind of number the carrier rented; an open set.
        address_id (None | str): The address registered for the number, where one is needed.
        bundle_id (None | str): The regulatory bundle the number was rented under.
        is_premium (bool): Whether the number costs a premium.
        is_verified (bool): Whether the number is verified for use as caller ID.
        last_billed_price (float | None): What the number cost at its last billing.
        next_billing_on (None | str): When the number is billed next.
        sms_enabled (bool): Whether the number can send and receive SMS.
        mms_enabled (bool): Whether the number can send and receive MMS.
        supports_sms_to_countries (list[str]): Countries the number can text by SMS.
        supports_mms_to_countries (list[str]): Countries the number can text by MMS.
        date_created (str): An RFC 3339 date and time whose offset may be left out. Close usually
            adds a UTC offset; some responses (Close's own rent example) omit it, in
            which case the time is in UTC. It must be a real calendar date: the
            pattern bounds each part, and validators also parse it (no 30 February).
        date_updated (str): An RFC 3339 date and time whose offset may be left out. Close usually
            adds a UTC offset; some responses (Close's own rent example) omit it, in
            which case the time is in UTC. It must be a real calendar date: the
            pattern bounds each part, and validators also parse it (no 30 February).
        participants (list[str] | Unset): The users taking part in the number.
        participant_groups (list[str] | Unset): The groups taking part in the number.
        phone_numbers (list[str] | Unset): Outside numbers that ring along with a group number.
        phone_numbers_formatted (list[str] | Unset): `phone_numbers`, written for people.
        forward_to (None | str | Unset): Where calls are forwarded to, when forwarding is on.
        forward_to_enabled (bool | Unset): Whether calls are forwarded to `forward_to`.
        forward_to_formatted (None | str | Unset): `forward_to`, written for people.
        voicemail_greeting_url (None | str | Unset): An https URL of the MP3 greeting played to
            callers; null for none.
        press_1_to_accept (bool | Unset): Whether a forwarded call must be accepted by pressing 1.
        inbound_ring_duration (int | None | Unset): Seconds an inbound call rings before moving on
            (to voicemail, for
            example); null means Close's default of 30. Close documents 15 to
            90 for updates only; that answers keep to it was inferred.
        was_ported (bool | Unset): Whether the number was ported into Close.
    """

    id: str
    organization_id: str
    user_id: None | str
    number: str
    number_formatted: str
    label: None | str
    type_: PhoneNumberType | str
    is_group_number: bool
    country: None | str
    carrier: Carrier | None | str
    carrier_type: CarrierType | None | str
    address_id: None | str
    bundle_id: None | str
    is_premium: bool
    is_verified: bool
    last_billed_price: float | None
    next_billing_on: None | str
    sms_enabled: bool
    mms_enabled: bool
    supports_sms_to_countries: list[str]
    supports_mms_to_countries: list[str]
    date_created: str
    date_updated: str
    participants: list[str] | Unset = UNSET
    participant_groups: list[str] | Unset = UNSET
    phone_numbers: list[str] | Unset = UNSET
    phone_numbers_formatted: list[str] | Unset = UNSET
    forward_to: None | str | Unset = UNSET
    forward_to_enabled: bool | Unset = UNSET
    forward_to_formatted: None | str | Unset = UNSET
    voicemail_greeting_url: None | str | Unset = UNSET
    press_1_to_accept: bool | Unset = UNSET
    inbound_ring_duration: int | None | Unset = UNSET
    was_ported: bool | Unset = UNSET
    # None until there is an unknown field: most objects have none.
    _additional: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key
    )

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {
            "id": self.id,
            "organization_id": self.organization_id,
            "user_id": self.user_id,
            "number": self.number,
            "number_formatted": self.number_formatted,
            "label": self.label,
            "type": (
                self.type_.value
                if isinstance(self.type_, PhoneNumberType)
                else self.type_
            ),
            "is_group_number": self.is_group_number,
            "country": self.country,
            "carrier": (
                self.carrier.value
                if isinstance(self.carrier, Carrier)
                else self.carrier
            ),
            "carrier_type": (
                self.carrier_type.value
                if isinstance(self.carrier_type, CarrierType)
                else self.carrier_type
            ),
            "address_id": self.address_id,
            "bundle_id": self.bundle_id,
            "is_premium": self.is_premium,
            "is_verified": self.is_verified,
            "last_billed_price": self.last_billed_price,
            "next_billing_on": self.next_billing_on,
            "sms_enabled": self.sms_enabled,
            "mms_enabled": self.mms_enabled,
            "supports_sms_to_countries": self.supports_sms_to_countries,
            "supports_mms_to_countries": self.supports_mms_to_countries,
            "date_created": self.date_created,
            "date_updated": self.date_updated,
        }
        if not isinstance(self.participants, Unset):
            _out["participants"] = self.participants
        if not isinstance(self.participant_groups, Unset):
            _out["participant_groups"] = self.participant_groups
        if not isinstance(self.phone_numbers, Unset):
            _out["phone_numbers"] = self.phone_numbers
        if not isinstance(self.phone_numbers_formatted, Unset):
            _out["phone_numbers_formatted"] = self.phone_numbers_formatted
        if not isinstance(self.forward_to, Unset):
            _out["forward_to"] = self.forward_to
        if not isinstance(self.forward_to_enabled, Unset):
            _out["forward_to_enabled"] = self.forward_to_enabled
        if not isinstance(self.forward_to_formatted, Unset):
            _out["forward_to_formatted"] = self.forward_to_formatted
        if not isinstance(self.voicemail_greeting_url, Unset):
            _out["voicemail_greeting_url"] = self.voicemail_greeting_url
        if not isinstance(self.press_1_to_accept, Unset):
            _out["press_1_to_accept"] = self.press_1_to_accept
        if not isinstance(self.inbound_ring_duration, Unset):
            _out["inbound_ring_duration"] = self.inbound_ring_duration
        if not isinstance(self.was_ported, Unset):
            _out["was_ported"] = self.was_ported
        _extra = self._additional
        if _extra:
            return {**_extra, **_out}
        return _out

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Check ``src_dict`` against the schema and build the model; no copy is made.

        Raises:
            SchemaMismatch: a field is missing or has a value its schema does not allow.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise mismatch("object", src_dict)
        _seen = 23
        try:
            id = src_dict["id"]
            if not isinstance(id, str):
                raise mismatch("string", id, "id")

            organization_id = src_dict["organization_id"]
            if not isinstance(organization_id, str):
                raise mismatch("string", organization_id, "organization_id")

            user_id = src_dict["user_id"]
            if not (user_id is None or isinstance(user_id, str)):
                raise mismatch("string or null", user_id, "user_id")

            number = src_dict["number"]
            if not isinstance(number, str):
                raise mismatch("string", number, "number")

            number_formatted = src_dict["number_formatted"]
            if not isinstance(number_formatted, str):
                raise mismatch("string", number_formatted, "number_formatted")

            label = src_dict["label"]
            if not (label is None or isinstance(label, str)):
                raise mismatch("string or null", label, "label")

            type_ = src_dict["type"]
            if isinstance(type_, str):
                type_ = _PhoneNumberType_BY_VALUE.get(type_, type_)
            else:
                raise mismatch("string", type_, "type")

            is_group_number = src_dict["is_group_number"]
            if not (is_group_number is True or is_group_number is False):
                raise mismatch("boolean", is_group_number, "is_group_number")

            country = src_dict["country"]
            if not (country is None or isinstance(country, str)):
                raise mismatch("string or null", country, "country")

            carrier = src_dict["carrier"]
            if isinstance(carrier, str):
                carrier = _Carrier_BY_VALUE.get(carrier, carrier)
            elif not (carrier is None):
                raise mismatch("string or null", carrier, "carrier")

            carrier_type = src_dict["carrier_type"]
            if isinstance(carrier_type, str):
                carrier_type = _CarrierType_BY_VALUE.get(carrier_type, carrier_type)
            elif not (carrier_type is None):
                raise mismatch("string or null", carrier_type, "carrier_type")

            address_id = src_dict["address_id"]
            if not (address_id is None or isinstance(address_id, str)):
                raise mismatch("string or null", address_id, "address_id")

            bundle_id = src_dict["bundle_id"]
            if not (bundle_id is None or isinstance(bundle_id, str)):
                raise mismatch("string or null", bundle_id, "bundle_id")

            is_premium = src_dict["is_premium"]
            if not (is_premium is True or is_premium is False):
                raise mismatch("boolean", is_premium, "is_premium")

            is_verified = src_dict["is_verified"]
            if not (is_verified is True or is_verified is False):
                raise mismatch("boolean", is_verified, "is_verified")

            last_billed_price = src_dict["last_billed_price"]
            if not (
                last_billed_price is None
                or (
                    isinstance(last_billed_price, (int, float))
                    and last_billed_price is not True
                    and last_billed_price is not False
                )
            ):
                raise mismatch("number or null", last_billed_price, "last_billed_price")

            next_billing_on = src_dict["next_billing_on"]
            if not (next_billing_on is None or isinstance(next_billing_on, str)):
                raise mismatch("string or null", next_billing_on, "next_billing_on")

            sms_enabled = src_dict["sms_enabled"]
            if not (sms_enabled is True or sms_enabled is False):
                raise mismatch("boolean", sms_enabled, "sms_enabled")

            mms_enabled = src_dict["mms_enabled"]
            if not (mms_enabled is True or mms_enabled is False):
                raise mismatch("boolean", mms_enabled, "mms_enabled")

            supports_sms_to_countries = src_dict["supports_sms_to_countries"]
            if not isinstance(supports_sms_to_countries, list):
                raise mismatch(
                    "array", supports_sms_to_countries, "supports_sms_to_countries"
                )
            for _item0 in supports_sms_to_countries:
                if not isinstance(_item0, str):
                    raise mismatch(
                        "string",
                        _item0,
                        "supports_sms_to_countries",
                        position(supports_sms_to_countries, _item0),
                    )

            supports_mms_to_countries = src_dict["supports_mms_to_countries"]
            if not isinstance(supports_mms_to_countries, list):
                raise mismatch(
                    "array", supports_mms_to_countries, "supports_mms_to_countries"
                )
            for _item0 in supports_mms_to_countries:
                if not isinstance(_item0, str):
                    raise mismatch(
                        "string",
                        _item0,
                        "supports_mms_to_countries",
                        position(supports_mms_to_countries, _item0),
                    )

            date_created = src_dict["date_created"]
            if not isinstance(date_created, str):
                raise mismatch("string", date_created, "date_created")

            date_updated = src_dict["date_updated"]
            if not isinstance(date_updated, str):
                raise mismatch("string", date_updated, "date_updated")

            participants = src_dict.get("participants", UNSET)
            if participants is not UNSET:
                _seen += 1
                if not isinstance(participants, list):
                    raise mismatch("array", participants, "participants")
                for _item0 in participants:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "participants",
                            position(participants, _item0),
                        )

            participant_groups = src_dict.get("participant_groups", UNSET)
            if participant_groups is not UNSET:
                _seen += 1
                if not isinstance(participant_groups, list):
                    raise mismatch("array", participant_groups, "participant_groups")
                for _item0 in participant_groups:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "participant_groups",
                            position(participant_groups, _item0),
                        )

            phone_numbers = src_dict.get("phone_numbers", UNSET)
            if phone_numbers is not UNSET:
                _seen += 1
                if not isinstance(phone_numbers, list):
                    raise mismatch("array", phone_numbers, "phone_numbers")
                for _item0 in phone_numbers:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "phone_numbers",
                            position(phone_numbers, _item0),
                        )

            phone_numbers_formatted = src_dict.get("phone_numbers_formatted", UNSET)
            if phone_numbers_formatted is not UNSET:
                _seen += 1
                if not isinstance(phone_numbers_formatted, list):
                    raise mismatch(
                        "array", phone_numbers_formatted, "phone_numbers_formatted"
                    )
                for _item0 in phone_numbers_formatted:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "phone_numbers_formatted",
                            position(phone_numbers_formatted, _item0),
                        )

            forward_to = src_dict.get("forward_to", UNSET)
            if forward_to is not UNSET:
                _seen += 1
                if not (forward_to is None or isinstance(forward_to, str)):
                    raise mismatch("string or null", forward_to, "forward_to")

            forward_to_enabled = src_dict.get("forward_to_enabled", UNSET)
            if forward_to_enabled is not UNSET:
                _seen += 1
                if not (forward_to_enabled is True or forward_to_enabled is False):
                    raise mismatch("boolean", forward_to_enabled, "forward_to_enabled")

            forward_to_formatted = src_dict.get("forward_to_formatted", UNSET)
            if forward_to_formatted is not UNSET:
                _seen += 1
                if not (
                    forward_to_formatted is None
                    or isinstance(forward_to_formatted, str)
                ):
                    raise mismatch(
                        "string or null", forward_to_formatted, "forward_to_formatted"
                    )

            voicemail_greeting_url = src_dict.get("voicemail_greeting_url", UNSET)
            if voicemail_greeting_url is not UNSET:
                _seen += 1
                if not (
                    voicemail_greeting_url is None
                    or isinstance(voicemail_greeting_url, str)
                ):
                    raise mismatch(
                        "string or null",
                        voicemail_greeting_url,
                        "voicemail_greeting_url",
                    )

            press_1_to_accept = src_dict.get("press_1_to_accept", UNSET)
            if press_1_to_accept is not UNSET:
                _seen += 1
                if not (press_1_to_accept is True or press_1_to_accept is False):
                    raise mismatch("boolean", press_1_to_accept, "press_1_to_accept")

            inbound_ring_duration = src_dict.get("inbound_ring_duration", UNSET)
            if inbound_ring_duration is not UNSET:
                _seen += 1
                if not (
                    inbound_ring_duration is None
                    or (
                        isinstance(inbound_ring_duration, int)
                        and inbound_ring_duration is not True
                        and inbound_ring_duration is not False
                    )
                ):
                    raise mismatch(
                        "integer or null",
                        inbound_ring_duration,
                        "inbound_ring_duration",
                    )

            was_ported = src_dict.get("was_ported", UNSET)
            if was_ported is not UNSET:
                _seen += 1
                if not (was_ported is True or was_ported is False):
                    raise mismatch("boolean", was_ported, "was_ported")

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            id,
            organization_id,
            user_id,
            number,
            number_formatted,
            label,
            type_,
            is_group_number,
            country,
            carrier,
            carrier_type,
            address_id,
            bundle_id,
            is_premium,
            is_verified,
            last_billed_price,
            next_billing_on,
            sms_enabled,
            mms_enabled,
            supports_sms_to_countries,
            supports_mms_to_countries,
            date_created,
            date_updated,
            participants,
            participant_groups,
            phone_numbers,
            phone_numbers_formatted,
            forward_to,
            forward_to_enabled,
            forward_to_formatted,
            voicemail_greeting_url,
            press_1_to_accept,
            inbound_ring_duration,
            was_ported,
        )
        if len(src_dict) != _seen:
            _extra = {
                _key: _value for _key, _value in src_dict.items() if _key not in _KNOWN
            }
            _result._additional = _extra
        return _result

    def __repr__(self) -> str:
        return show(self, _SHOWN)

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The fields this model does not know, as they came."""
        extra = self._additional
        if extra is None:
            extra = self._additional = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._additional or ())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in (self._additional or ())
