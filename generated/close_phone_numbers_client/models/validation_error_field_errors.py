from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatch, mismatch
from ..types import extras_key, show

if TYPE_CHECKING:
    from ..models.validation_error_field_errors_additional_property_type_1 import (
        ValidationErrorFieldErrorsAdditionalPropertyType1,
    )


T = TypeVar("T", bound="ValidationErrorFieldErrors")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(())
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = ()


@_attrs_define
class ValidationErrorFieldErrors:
    """A message (or, for nested input, an object) per field name."""

    # None until there is an unknown field: most objects have none.
    _additional: (
        dict[str, str | ValidationErrorFieldErrorsAdditionalPropertyType1] | None
    ) = _attrs_field(init=False, default=None, eq=extras_key)

    def to_dict(self) -> dict[str, Any]:
        from ..models.validation_error_field_errors_additional_property_type_1 import (
            ValidationErrorFieldErrorsAdditionalPropertyType1,  # noqa: PLC0415
        )

        _out: dict[str, Any] = {}
        _extra = self._additional
        if _extra:
            return {
                **{
                    _key: (
                        _value.to_dict()
                        if isinstance(
                            _value, ValidationErrorFieldErrorsAdditionalPropertyType1
                        )
                        else _value
                    )
                    for _key, _value in _extra.items()
                },
                **_out,
            }
        return _out

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Check ``src_dict`` against the schema and build the model; no copy is made.

        Raises:
            SchemaMismatch: a field is missing or has a value its schema does not allow.
        """
        from ..models.validation_error_field_errors_additional_property_type_1 import (
            ValidationErrorFieldErrorsAdditionalPropertyType1,  # noqa: PLC0415
        )

        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise mismatch("object", src_dict)
        _seen = 0
        _result = cls()
        if len(src_dict) != _seen:
            _extra = {
                _key: _value for _key, _value in src_dict.items() if _key not in _KNOWN
            }
            for _key, _value in _extra.items():
                if isinstance(_value, dict):
                    try:
                        _value = (
                            ValidationErrorFieldErrorsAdditionalPropertyType1.from_dict(
                                _value
                            )
                        )
                    except SchemaMismatch as _error:
                        raise _error.within(_key) from None

                elif not (isinstance(_value, str)):
                    raise mismatch("string or object", _value, _key)

                _extra[_key] = _value
            _result._additional = _extra
        return _result

    def __repr__(self) -> str:
        return show(self, _SHOWN)

    @property
    def additional_properties(
        self,
    ) -> dict[str, str | ValidationErrorFieldErrorsAdditionalPropertyType1]:
        """The fields this model does not know, as they came."""
        extra = self._additional
        if extra is None:
            extra = self._additional = {}
        return extra

    @additional_properties.setter
    def additional_properties(
        self, value: dict[str, str | ValidationErrorFieldErrorsAdditionalPropertyType1]
    ) -> None:
        self._additional = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._additional or ())

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
        return key in (self._additional or ())
