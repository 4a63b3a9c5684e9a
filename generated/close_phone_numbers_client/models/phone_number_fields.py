from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.carrier import Carrier
from ..models.carrier_type import CarrierType
from ..models.phone_number_type import PhoneNumberType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PhoneNumberFields")


@_attrs_define
class PhoneNumberFields:
    """A phone number as Close describes it, with no field required. Responses
    to requests with `_fields` carry only the fields asked for; a full
    object is a `PhoneNumber`. Fields that are not listed here are kept by
    clients, as Close adds fields over time.

        Attributes:
            id (str | Unset): A phone number id.
            organization_id (str | Unset): An organization id.
            user_id (None | str | Unset): The sole member of a single-member number, otherwise null. Use
                `participants` instead.
            number (str | Unset): A phone number in E.164 form, such as `+16505550100`.
            number_formatted (str | Unset): The number written for people, such as `+1 650-555-0100`.
            label (None | str | Unset): A name for the number; null until one is set.
            type_ (PhoneNumberType | str | Unset): Where the number comes from; an open set of strings.
            is_group_number (bool | Unset): Whether the number is shared by a group of users. Superseded by
                `participants`.
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
            country (None | str | Unset): The country of the number.
            carrier (Carrier | None | str | Unset): The carrier behind the number, if Close says; an open set.
            carrier_type (CarrierType | None | str | Unset): The kind of number the carrier rented; an open set.
            address_id (None | str | Unset): The address registered for the number, where one is needed.
            bundle_id (None | str | Unset): The regulatory bundle the number was rented under.
            is_premium (bool | Unset): Whether the number costs a premium.
            is_verified (bool | Unset): Whether the number is verified for use as caller ID.
            last_billed_price (float | None | Unset): What the number cost at its last billing.
            next_billing_on (None | str | Unset): When the number is billed next.
            sms_enabled (bool | Unset): Whether the number can send and receive SMS.
            mms_enabled (bool | Unset): Whether the number can send and receive MMS.
            supports_sms_to_countries (list[str] | Unset): Countries the number can text by SMS.
            supports_mms_to_countries (list[str] | Unset): Countries the number can text by MMS.
            was_ported (bool | Unset): Whether the number was ported into Close.
            date_created (str | Unset): An ISO 8601 date and time. Close usually adds a UTC offset; some
                responses (notably of older rents) omit it, in which case the time is in
                UTC.
            date_updated (str | Unset): An ISO 8601 date and time. Close usually adds a UTC offset; some
                responses (notably of older rents) omit it, in which case the time is in
                UTC.
    """

    id: str | Unset = UNSET
    organization_id: str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    number: str | Unset = UNSET
    number_formatted: str | Unset = UNSET
    label: None | str | Unset = UNSET
    type_: PhoneNumberType | str | Unset = UNSET
    is_group_number: bool | Unset = UNSET
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
    country: None | str | Unset = UNSET
    carrier: Carrier | None | str | Unset = UNSET
    carrier_type: CarrierType | None | str | Unset = UNSET
    address_id: None | str | Unset = UNSET
    bundle_id: None | str | Unset = UNSET
    is_premium: bool | Unset = UNSET
    is_verified: bool | Unset = UNSET
    last_billed_price: float | None | Unset = UNSET
    next_billing_on: None | str | Unset = UNSET
    sms_enabled: bool | Unset = UNSET
    mms_enabled: bool | Unset = UNSET
    supports_sms_to_countries: list[str] | Unset = UNSET
    supports_mms_to_countries: list[str] | Unset = UNSET
    was_ported: bool | Unset = UNSET
    date_created: str | Unset = UNSET
    date_updated: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organization_id = self.organization_id

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        number = self.number

        number_formatted = self.number_formatted

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, PhoneNumberType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        is_group_number = self.is_group_number

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

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        elif isinstance(self.carrier, Carrier):
            carrier = self.carrier.value
        else:
            carrier = self.carrier

        carrier_type: None | str | Unset
        if isinstance(self.carrier_type, Unset):
            carrier_type = UNSET
        elif isinstance(self.carrier_type, CarrierType):
            carrier_type = self.carrier_type.value
        else:
            carrier_type = self.carrier_type

        address_id: None | str | Unset
        if isinstance(self.address_id, Unset):
            address_id = UNSET
        else:
            address_id = self.address_id

        bundle_id: None | str | Unset
        if isinstance(self.bundle_id, Unset):
            bundle_id = UNSET
        else:
            bundle_id = self.bundle_id

        is_premium = self.is_premium

        is_verified = self.is_verified

        last_billed_price: float | None | Unset
        if isinstance(self.last_billed_price, Unset):
            last_billed_price = UNSET
        else:
            last_billed_price = self.last_billed_price

        next_billing_on: None | str | Unset
        if isinstance(self.next_billing_on, Unset):
            next_billing_on = UNSET
        else:
            next_billing_on = self.next_billing_on

        sms_enabled = self.sms_enabled

        mms_enabled = self.mms_enabled

        supports_sms_to_countries: list[str] | Unset = UNSET
        if not isinstance(self.supports_sms_to_countries, Unset):
            supports_sms_to_countries = self.supports_sms_to_countries

        supports_mms_to_countries: list[str] | Unset = UNSET
        if not isinstance(self.supports_mms_to_countries, Unset):
            supports_mms_to_countries = self.supports_mms_to_countries

        was_ported = self.was_ported

        date_created = self.date_created

        date_updated = self.date_updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if number is not UNSET:
            field_dict["number"] = number
        if number_formatted is not UNSET:
            field_dict["number_formatted"] = number_formatted
        if label is not UNSET:
            field_dict["label"] = label
        if type_ is not UNSET:
            field_dict["type"] = type_
        if is_group_number is not UNSET:
            field_dict["is_group_number"] = is_group_number
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
        if country is not UNSET:
            field_dict["country"] = country
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if carrier_type is not UNSET:
            field_dict["carrier_type"] = carrier_type
        if address_id is not UNSET:
            field_dict["address_id"] = address_id
        if bundle_id is not UNSET:
            field_dict["bundle_id"] = bundle_id
        if is_premium is not UNSET:
            field_dict["is_premium"] = is_premium
        if is_verified is not UNSET:
            field_dict["is_verified"] = is_verified
        if last_billed_price is not UNSET:
            field_dict["last_billed_price"] = last_billed_price
        if next_billing_on is not UNSET:
            field_dict["next_billing_on"] = next_billing_on
        if sms_enabled is not UNSET:
            field_dict["sms_enabled"] = sms_enabled
        if mms_enabled is not UNSET:
            field_dict["mms_enabled"] = mms_enabled
        if supports_sms_to_countries is not UNSET:
            field_dict["supports_sms_to_countries"] = supports_sms_to_countries
        if supports_mms_to_countries is not UNSET:
            field_dict["supports_mms_to_countries"] = supports_mms_to_countries
        if was_ported is not UNSET:
            field_dict["was_ported"] = was_ported
        if date_created is not UNSET:
            field_dict["date_created"] = date_created
        if date_updated is not UNSET:
            field_dict["date_updated"] = date_updated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        organization_id = d.pop("organization_id", UNSET)

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        number = d.pop("number", UNSET)

        number_formatted = d.pop("number_formatted", UNSET)

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_type_(data: object) -> PhoneNumberType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = PhoneNumberType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PhoneNumberType | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        is_group_number = d.pop("is_group_number", UNSET)

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

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_carrier(data: object) -> Carrier | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carrier_type_0 = Carrier(data)

                return carrier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Carrier | None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        def _parse_carrier_type(data: object) -> CarrierType | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carrier_type_type_0 = CarrierType(data)

                return carrier_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarrierType | None | str | Unset, data)

        carrier_type = _parse_carrier_type(d.pop("carrier_type", UNSET))

        def _parse_address_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_id = _parse_address_id(d.pop("address_id", UNSET))

        def _parse_bundle_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bundle_id = _parse_bundle_id(d.pop("bundle_id", UNSET))

        is_premium = d.pop("is_premium", UNSET)

        is_verified = d.pop("is_verified", UNSET)

        def _parse_last_billed_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        last_billed_price = _parse_last_billed_price(d.pop("last_billed_price", UNSET))

        def _parse_next_billing_on(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_billing_on = _parse_next_billing_on(d.pop("next_billing_on", UNSET))

        sms_enabled = d.pop("sms_enabled", UNSET)

        mms_enabled = d.pop("mms_enabled", UNSET)

        supports_sms_to_countries = cast(
            list[str], d.pop("supports_sms_to_countries", UNSET)
        )

        supports_mms_to_countries = cast(
            list[str], d.pop("supports_mms_to_countries", UNSET)
        )

        was_ported = d.pop("was_ported", UNSET)

        date_created = d.pop("date_created", UNSET)

        date_updated = d.pop("date_updated", UNSET)

        phone_number_fields = cls(
            id=id,
            organization_id=organization_id,
            user_id=user_id,
            number=number,
            number_formatted=number_formatted,
            label=label,
            type_=type_,
            is_group_number=is_group_number,
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
            was_ported=was_ported,
            date_created=date_created,
            date_updated=date_updated,
        )

        phone_number_fields.additional_properties = d
        return phone_number_fields

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
