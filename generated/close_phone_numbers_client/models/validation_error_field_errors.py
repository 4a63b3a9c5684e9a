from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.validation_error_field_errors_additional_property_type_1 import (
        ValidationErrorFieldErrorsAdditionalPropertyType1,
    )


T = TypeVar("T", bound="ValidationErrorFieldErrors")


@_attrs_define
class ValidationErrorFieldErrors:
    """A message (or, for nested input, an object) per field name."""

    additional_properties: dict[
        str, str | ValidationErrorFieldErrorsAdditionalPropertyType1
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.validation_error_field_errors_additional_property_type_1 import (
            ValidationErrorFieldErrorsAdditionalPropertyType1,  # noqa: PLC0415
        )

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, ValidationErrorFieldErrorsAdditionalPropertyType1):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.validation_error_field_errors_additional_property_type_1 import (
            ValidationErrorFieldErrorsAdditionalPropertyType1,  # noqa: PLC0415
        )

        d = dict(src_dict)
        validation_error_field_errors = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> str | ValidationErrorFieldErrorsAdditionalPropertyType1:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_1 = (
                        ValidationErrorFieldErrorsAdditionalPropertyType1.from_dict(
                            data
                        )
                    )

                    return additional_property_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    str | ValidationErrorFieldErrorsAdditionalPropertyType1, data
                )

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        validation_error_field_errors.additional_properties = additional_properties
        return validation_error_field_errors

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> str | ValidationErrorFieldErrorsAdditionalPropertyType1:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: str | ValidationErrorFieldErrorsAdditionalPropertyType1
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
