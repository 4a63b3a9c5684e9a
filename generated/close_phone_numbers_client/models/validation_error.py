from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.validation_error_field_errors import ValidationErrorFieldErrors


T = TypeVar("T", bound="ValidationError")


@_attrs_define
class ValidationError:
    """An invalid request. `errors` holds problems with the request as a whole,
    `field-errors` a message per field name.

        Attributes:
            errors (list[str]): Problems not tied to one field.
            field_errors (ValidationErrorFieldErrors): A message (or, for nested input, an object) per field name.
    """

    errors: list[str]
    field_errors: ValidationErrorFieldErrors
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = self.errors

        field_errors = self.field_errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "field-errors": field_errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.validation_error_field_errors import ValidationErrorFieldErrors  # noqa: PLC0415

        d = dict(src_dict)
        errors = cast(list[str], d.pop("errors"))

        field_errors = ValidationErrorFieldErrors.from_dict(d.pop("field-errors"))

        validation_error = cls(
            errors=errors,
            field_errors=field_errors,
        )

        validation_error.additional_properties = d
        return validation_error

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
