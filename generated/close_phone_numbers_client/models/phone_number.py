from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.carrier import Carrier
from ..models.carrier_type import CarrierType
from ..models.phone_number_type import PhoneNumberType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PhoneNumber")


@_attrs_define
class PhoneNumber:
    """A phone number with every field Close always returns. Close leaves some
    fields out of some responses (`participants`, `phone_numbers`,
    `was_ported`, `inbound_ring_duration`), so those are optional.

        Attributes:
            id (str): A phone number id.
            organization_id (str): An organization id.
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
            date_created (str): An ISO 8601 date and time. Close usually adds a UTC offset; some
                responses (notably of older rents) omit it, in which case the time is in
                UTC.
            date_updated (str): An ISO 8601 date and time. Close usually adds a UTC offset; some
                responses (notably of older rents) omit it, in which case the time is in
                UTC.
            participants (list[str] | Unset): The users taking part in the number.
            participant_groups (list[str] | Unset): The groups taking part in the number.
            phone_numbers (list[str] | Unset): Outside numbers that ring along with a group number.
            phone_numbers_formatted (list[str] | Unset): `phone_numbers`, written for people.
            forward_to (None | str | Unset): Where calls are forwarded to, when forwarding is on.
            forward_to_enabled (bool | Unset): Whether calls are forwarded to `forward_to`.
            forward_to_formatted (None | str | Unset): `forward_to`, written for people.
            voicemail_greeting_url (None | str | Unset): An https URL of the MP3 greeting played to callers; null for none.
            press_1_to_accept (bool | Unset): Whether a forwarded call must be accepted by pressing 1.
            inbound_ring_duration (int | None | Unset): Seconds an inbound call rings before moving on (to voicemail, for
                example); null means Close's default of 30.
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organization_id = self.organization_id

        user_id: None | str
        user_id = self.user_id

        number = self.number

        number_formatted = self.number_formatted

        label: None | str
        label = self.label

        type_: str
        if isinstance(self.type_, PhoneNumberType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        is_group_number = self.is_group_number

        country: None | str
        country = self.country

        carrier: None | str
        if isinstance(self.carrier, Carrier):
            carrier = self.carrier.value
        else:
            carrier = self.carrier

        carrier_type: None | str
        if isinstance(self.carrier_type, CarrierType):
            carrier_type = self.carrier_type.value
        else:
            carrier_type = self.carrier_type

        address_id: None | str
        address_id = self.address_id

        bundle_id: None | str
        bundle_id = self.bundle_id

        is_premium = self.is_premium

        is_verified = self.is_verified

        last_billed_price: float | None
        last_billed_price = self.last_billed_price

        next_billing_on: None | str
        next_billing_on = self.next_billing_on

        sms_enabled = self.sms_enabled

        mms_enabled = self.mms_enabled

        supports_sms_to_countries = self.supports_sms_to_countries

        supports_mms_to_countries = self.supports_mms_to_countries

        date_created = self.date_created

        date_updated = self.date_updated

        participants: list[str] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = self.participants

        participant_groups: list[str] | Unset = UNSET
        if not isinstance(self.participant_groups, Unset):
            participant_groups = self.participant_groups

        phone_numbers: list[str] | Unset = UNSET
        if not isinstance(self.phone_numbers, Unset):
            phone_numbers = self.phone_numbers

        phone_numbers_formatted: list[str] | Unset = UNSET
        if not isinstance(self.phone_numbers_formatted, Unset):
            phone_numbers_formatted = self.phone_numbers_formatted

        forward_to: None | str | Unset
        if isinstance(self.forward_to, Unset):
            forward_to = UNSET
        else:
            forward_to = self.forward_to

        forward_to_enabled = self.forward_to_enabled

        forward_to_formatted: None | str | Unset
        if isinstance(self.forward_to_formatted, Unset):
            forward_to_formatted = UNSET
        else:
            forward_to_formatted = self.forward_to_formatted

        voicemail_greeting_url: None | str | Unset
        if isinstance(self.voicemail_greeting_url, Unset):
            voicemail_greeting_url = UNSET
        else:
            voicemail_greeting_url = self.voicemail_greeting_url

        press_1_to_accept = self.press_1_to_accept

        inbound_ring_duration: int | None | Unset
        if isinstance(self.inbound_ring_duration, Unset):
            inbound_ring_duration = UNSET
        else:
            inbound_ring_duration = self.inbound_ring_duration

        was_ported = self.was_ported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organization_id": organization_id,
                "user_id": user_id,
                "number": number,
                "number_formatted": number_formatted,
                "label": label,
                "type": type_,
                "is_group_number": is_group_number,
                "country": country,
                "carrier": carrier,
                "carrier_type": carrier_type,
                "address_id": address_id,
                "bundle_id": bundle_id,
                "is_premium": is_premium,
                "is_verified": is_verified,
                "last_billed_price": last_billed_price,
                "next_billing_on": next_billing_on,
                "sms_enabled": sms_enabled,
                "mms_enabled": mms_enabled,
                "supports_sms_to_countries": supports_sms_to_countries,
                "supports_mms_to_countries": supports_mms_to_countries,
                "date_created": date_created,
                "date_updated": date_updated,
            }
        )
        if participants is not UNSET:
            field_dict["participants"] = participants
        if participant_groups is not UNSET:
            field_dict["participant_groups"] = participant_groups
        if phone_numbers is not UNSET:
            field_dict["phone_numbers"] = phone_numbers
        if phone_numbers_formatted is not UNSET:
            field_dict["phone_numbers_formatted"] = phone_numbers_formatted
        if forward_to is not UNSET:
            field_dict["forward_to"] = forward_to
        if forward_to_enabled is not UNSET:
            field_dict["forward_to_enabled"] = forward_to_enabled
        if forward_to_formatted is not UNSET:
            field_dict["forward_to_formatted"] = forward_to_formatted
        if voicemail_greeting_url is not UNSET:
            field_dict["voicemail_greeting_url"] = voicemail_greeting_url
        if press_1_to_accept is not UNSET:
            field_dict["press_1_to_accept"] = press_1_to_accept
        if inbound_ring_duration is not UNSET:
            field_dict["inbound_ring_duration"] = inbound_ring_duration
        if was_ported is not UNSET:
            field_dict["was_ported"] = was_ported

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        organization_id = d.pop("organization_id")

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))

        number = d.pop("number")

        number_formatted = d.pop("number_formatted")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        def _parse_type_(data: object) -> PhoneNumberType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = PhoneNumberType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PhoneNumberType | str, data)

        type_ = _parse_type_(d.pop("type"))

        is_group_number = d.pop("is_group_number")

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        def _parse_carrier(data: object) -> Carrier | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carrier_type_0 = Carrier(data)

                return carrier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Carrier | None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        def _parse_carrier_type(data: object) -> CarrierType | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carrier_type_type_0 = CarrierType(data)

                return carrier_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarrierType | None | str, data)

        carrier_type = _parse_carrier_type(d.pop("carrier_type"))

        def _parse_address_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address_id = _parse_address_id(d.pop("address_id"))

        def _parse_bundle_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bundle_id = _parse_bundle_id(d.pop("bundle_id"))

        is_premium = d.pop("is_premium")

        is_verified = d.pop("is_verified")

        def _parse_last_billed_price(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        last_billed_price = _parse_last_billed_price(d.pop("last_billed_price"))

        def _parse_next_billing_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_billing_on = _parse_next_billing_on(d.pop("next_billing_on"))

        sms_enabled = d.pop("sms_enabled")

        mms_enabled = d.pop("mms_enabled")

        supports_sms_to_countries = cast(list[str], d.pop("supports_sms_to_countries"))

        supports_mms_to_countries = cast(list[str], d.pop("supports_mms_to_countries"))

        date_created = d.pop("date_created")

        date_updated = d.pop("date_updated")

        participants = cast(list[str], d.pop("participants", UNSET))

        participant_groups = cast(list[str], d.pop("participant_groups", UNSET))

        phone_numbers = cast(list[str], d.pop("phone_numbers", UNSET))

        phone_numbers_formatted = cast(
            list[str], d.pop("phone_numbers_formatted", UNSET)
        )

        def _parse_forward_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forward_to = _parse_forward_to(d.pop("forward_to", UNSET))

        forward_to_enabled = d.pop("forward_to_enabled", UNSET)

        def _parse_forward_to_formatted(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forward_to_formatted = _parse_forward_to_formatted(
            d.pop("forward_to_formatted", UNSET)
        )

        def _parse_voicemail_greeting_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voicemail_greeting_url = _parse_voicemail_greeting_url(
            d.pop("voicemail_greeting_url", UNSET)
        )

        press_1_to_accept = d.pop("press_1_to_accept", UNSET)

        def _parse_inbound_ring_duration(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        inbound_ring_duration = _parse_inbound_ring_duration(
            d.pop("inbound_ring_duration", UNSET)
        )

        was_ported = d.pop("was_ported", UNSET)

        phone_number = cls(
            id=id,
            organization_id=organization_id,
            user_id=user_id,
            number=number,
            number_formatted=number_formatted,
            label=label,
            type_=type_,
            is_group_number=is_group_number,
            country=country,
            carrier=carrier,
            carrier_type=carrier_type,
            address_id=address_id,
            bundle_id=bundle_id,
            is_premium=is_premium,
            is_verified=is_verified,
            last_billed_price=last_billed_price,
            next_billing_on=next_billing_on,
            sms_enabled=sms_enabled,
            mms_enabled=mms_enabled,
            supports_sms_to_countries=supports_sms_to_countries,
            supports_mms_to_countries=supports_mms_to_countries,
            date_created=date_created,
            date_updated=date_updated,
            participants=participants,
            participant_groups=participant_groups,
            phone_numbers=phone_numbers,
            phone_numbers_formatted=phone_numbers_formatted,
            forward_to=forward_to,
            forward_to_enabled=forward_to_enabled,
            forward_to_formatted=forward_to_formatted,
            voicemail_greeting_url=voicemail_greeting_url,
            press_1_to_accept=press_1_to_accept,
            inbound_ring_duration=inbound_ring_duration,
            was_ported=was_ported,
        )

        phone_number.additional_properties = d
        return phone_number

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
