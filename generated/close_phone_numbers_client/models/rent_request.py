from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rentable_carrier_type import RentableCarrierType
from ..models.sharing import Sharing
from ..types import UNSET, Unset

T = TypeVar("T", bound="RentRequest")


@_attrs_define
class RentRequest:
    """What to rent.

    Attributes:
        country (str): A two-letter ISO 3166-1 alpha-2 country code, upper case.
        prefix (str | Unset): An area code or prefix, without the country code, of up to five
            digits.
        with_sms (bool | None | Unset): Leave out to get SMS where Close offers it in the country. `false`
            allows numbers without SMS; send it after a `has-voice-only` refusal.
        with_mms (bool | None | Unset): Leave out to get MMS where Close offers it. `true` needs `with_sms`
            to be true as well.
        carrier_type (None | RentableCarrierType | Unset): The kind of number to rent.
        bundle_id (None | str | Unset): The regulatory bundle to rent the number under.
        assign_to (list[str] | Unset): Users to give the number to; the caller when left out. Anyone else
            needs the "Manage Team Phone Numbers" permission.
        sharing (Sharing | Unset): `personal` rents a number for one user, `group` a group number.
    """

    country: str
    prefix: str | Unset = UNSET
    with_sms: bool | None | Unset = UNSET
    with_mms: bool | None | Unset = UNSET
    carrier_type: None | RentableCarrierType | Unset = UNSET
    bundle_id: None | str | Unset = UNSET
    assign_to: list[str] | Unset = UNSET
    sharing: Sharing | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        prefix = self.prefix

        with_sms: bool | None | Unset
        if isinstance(self.with_sms, Unset):
            with_sms = UNSET
        else:
            with_sms = self.with_sms

        with_mms: bool | None | Unset
        if isinstance(self.with_mms, Unset):
            with_mms = UNSET
        else:
            with_mms = self.with_mms

        carrier_type: None | str | Unset
        if isinstance(self.carrier_type, Unset):
            carrier_type = UNSET
        elif isinstance(self.carrier_type, RentableCarrierType):
            carrier_type = self.carrier_type.value
        else:
            carrier_type = self.carrier_type

        bundle_id: None | str | Unset
        if isinstance(self.bundle_id, Unset):
            bundle_id = UNSET
        else:
            bundle_id = self.bundle_id

        assign_to: list[str] | Unset = UNSET
        if not isinstance(self.assign_to, Unset):
            assign_to = self.assign_to

        sharing: str | Unset = UNSET
        if not isinstance(self.sharing, Unset):
            sharing = self.sharing.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
            }
        )
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if with_sms is not UNSET:
            field_dict["with_sms"] = with_sms
        if with_mms is not UNSET:
            field_dict["with_mms"] = with_mms
        if carrier_type is not UNSET:
            field_dict["carrier_type"] = carrier_type
        if bundle_id is not UNSET:
            field_dict["bundle_id"] = bundle_id
        if assign_to is not UNSET:
            field_dict["assign_to"] = assign_to
        if sharing is not UNSET:
            field_dict["sharing"] = sharing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        prefix = d.pop("prefix", UNSET)

        def _parse_with_sms(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        with_sms = _parse_with_sms(d.pop("with_sms", UNSET))

        def _parse_with_mms(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        with_mms = _parse_with_mms(d.pop("with_mms", UNSET))

        def _parse_carrier_type(data: object) -> None | RentableCarrierType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carrier_type_type_0 = RentableCarrierType(data)

                return carrier_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RentableCarrierType | Unset, data)

        carrier_type = _parse_carrier_type(d.pop("carrier_type", UNSET))

        def _parse_bundle_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bundle_id = _parse_bundle_id(d.pop("bundle_id", UNSET))

        assign_to = cast(list[str], d.pop("assign_to", UNSET))

        _sharing = d.pop("sharing", UNSET)
        sharing: Sharing | Unset
        if isinstance(_sharing, Unset):
            sharing = UNSET
        else:
            sharing = Sharing(_sharing)

        rent_request = cls(
            country=country,
            prefix=prefix,
            with_sms=with_sms,
            with_mms=with_mms,
            carrier_type=carrier_type,
            bundle_id=bundle_id,
            assign_to=assign_to,
            sharing=sharing,
        )

        return rent_request
