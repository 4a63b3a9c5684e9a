from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.phone_number import PhoneNumber
    from ..models.phone_number_fields import PhoneNumberFields


T = TypeVar("T", bound="PhoneNumberPage")


@_attrs_define
class PhoneNumberPage:
    """One page of a list.

    Attributes:
        data (list[PhoneNumber | PhoneNumberFields]):
        has_more (bool): Whether more numbers follow this page.
    """

    data: list[PhoneNumber | PhoneNumberFields]
    has_more: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.phone_number import PhoneNumber  # noqa: PLC0415

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, PhoneNumber):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        has_more = self.has_more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "has_more": has_more,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.phone_number import PhoneNumber  # noqa: PLC0415
        from ..models.phone_number_fields import PhoneNumberFields  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(data: object) -> PhoneNumber | PhoneNumberFields:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_phone_number_or_fields_type_0 = (
                        PhoneNumber.from_dict(data)
                    )

                    return componentsschemas_phone_number_or_fields_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_phone_number_or_fields_type_1 = (
                    PhoneNumberFields.from_dict(data)
                )

                return componentsschemas_phone_number_or_fields_type_1

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        has_more = d.pop("has_more")

        phone_number_page = cls(
            data=data,
            has_more=has_more,
        )

        phone_number_page.additional_properties = d
        return phone_number_page

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
